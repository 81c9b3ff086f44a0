//! Decimal numbers as written (`12`, `-1.50`, `.3`, `2e3`), read exactly, without floats: whether
//! a text is a number, and its value times a small scale when that is a whole number. A float
//! parse would round what these readings must not (`1.0000000000000001` is not whole), and it
//! brings Rust's float reader and its 20 KB table of powers of five into the `.wasm`.

/// A decimal number: its sign, its digits before and after the point, and its exponent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decimal<'a> {
    pub negative: bool,
    int: &'a str,
    frac: &'a str,
    /// The exponent as written, saturated at the ends of `i64`.
    exp: i64,
}

/// Why a number times a scale is not a whole `u64` ([`Decimal::times`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotWhole {
    /// It has a fractional part.
    Fraction,
    /// It is whole but above `u64::MAX`.
    Huge,
}

impl<'a> Decimal<'a> {
    /// Reads `s` as Rust's float reader does, but for `inf` and `nan`: an optional sign, digits
    /// with an optional `.` and fraction (either side of the point may be empty, not both), an
    /// optional exponent (`e` or `E`, an optional sign, digits). Nothing else, no white space.
    #[must_use]
    pub fn parse(s: &'a str) -> Option<Self> {
        let (negative, rest) = sign(s);
        let digits_end = |t: &str| t.bytes().position(|b| !b.is_ascii_digit()).unwrap_or(t.len());
        let n = digits_end(rest);
        let (int, rest) = rest.split_at(n);
        let (frac, rest) = match rest.strip_prefix('.') {
            Some(r) => r.split_at(digits_end(r)),
            None => ("", rest),
        };
        if int.is_empty() && frac.is_empty() {
            return None;
        }
        let exp = match rest.as_bytes().first() {
            None => 0,
            Some(b'e' | b'E') => {
                let (minus, digits) = sign(&rest[1..]);
                if digits.is_empty() || digits_end(digits) != digits.len() {
                    return None;
                }
                let v = digits.bytes().fold(0i64, |v, b| v.saturating_mul(10).saturating_add(i64::from(b - b'0')));
                if minus {
                    -v
                } else {
                    v
                }
            }
            Some(_) => return None,
        };
        Some(Decimal { negative, int, frac, exp })
    }

    /// The number's size times `scale` (its sign aside), when that is a whole number.
    pub fn times(&self, scale: u16) -> Result<u64, NotWhole> {
        // The significant digits: without the zeros that lead, and without the zeros that trail
        // (each moving the point one place).
        let all = || self.int.bytes().chain(self.frac.bytes());
        let count = self.int.len() + self.frac.len();
        let leading = all().take_while(|&b| b == b'0').count();
        if leading == count {
            return Ok(0);
        }
        let zeros_at_end = |t: &str| t.bytes().rev().take_while(|&b| b == b'0').count();
        let trailing = match zeros_at_end(self.frac) {
            z if z < self.frac.len() => z,
            z => z + zeros_at_end(self.int),
        };
        let significant = count - leading - trailing;
        let digits = || all().skip(leading).take(significant).map(|b| u64::from(b - b'0'));
        // The value is digits × 10^power.
        let power = self.exp.saturating_sub(self.frac.len() as i64).saturating_add(trailing as i64);
        let scale = u128::from(scale);
        if power >= 0 {
            // 10^20 is over u64::MAX.
            if significant as i64 + power > 20 {
                return Err(NotWhole::Huge);
            }
            let whole = digits().fold(0u128, |v, d| v * 10 + u128::from(d)) * 10u128.pow(power as u32) * scale;
            return u64::try_from(whole).map_err(|_| NotWhole::Huge);
        }
        // The digits end in one that is not zero, so 10^k divides digits × scale only if 2^k or
        // 5^k divides the scale: k is at most 16.
        let k = power.unsigned_abs();
        if k > 16 {
            return Err(NotWhole::Fraction);
        }
        let ten_k = 10u64.pow(k as u32);
        let rest = digits().fold(0u64, |r, d| (r * 10 + d) % ten_k);
        if u128::from(rest) * scale % u128::from(ten_k) != 0 {
            return Err(NotWhole::Fraction);
        }
        // Whole: digits × scale / 10^k, over u64::MAX when the digits before the point are more
        // than 20.
        if significant as u64 > 20 + k {
            return Err(NotWhole::Huge);
        }
        let product = digits().fold(0u128, |v, d| v * 10 + u128::from(d)).checked_mul(scale).ok_or(NotWhole::Huge)?;
        u64::try_from(product / u128::from(ten_k)).map_err(|_| NotWhole::Huge)
    }
}

/// Whether `s` starts with `-`, and `s` without its sign (`-` or `+`).
fn sign(s: &str) -> (bool, &str) {
    match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    }
}

/// Whether Rust's float reader reads `s` (`str::parse::<f64>` succeeds): a [`Decimal`], or
/// `inf`, `infinity` or `nan` in any case after an optional sign.
#[must_use]
pub fn is_float_text(s: &str) -> bool {
    let word = sign(s).1;
    Decimal::parse(s).is_some() || ["inf", "infinity", "nan"].iter().any(|w| word.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn times(s: &str, scale: u16) -> Result<u64, NotWhole> {
        Decimal::parse(s).map_or(Err(NotWhole::Fraction), |d| d.times(scale))
    }

    #[test]
    fn whole_numbers_and_fractions() {
        assert_eq!(times("12", 1), Ok(12));
        assert_eq!(times("2.0", 1), Ok(2));
        assert_eq!(times("2e3", 1), Ok(2000));
        assert_eq!(times("2.50E1", 1), Ok(25));
        assert_eq!(times("0.25", 1024), Ok(256));
        assert_eq!(times(".3", 1024), Err(NotWhole::Fraction));
        assert_eq!(times("1.5", 1), Err(NotWhole::Fraction));
        assert_eq!(times("1.0000000000000001", 1), Err(NotWhole::Fraction));
        assert_eq!(times("1e-400", 1), Err(NotWhole::Fraction));
        assert_eq!(times("0e999999999999999999999", 1), Ok(0));
        assert_eq!(times("-0.0", 1), Ok(0));
        // Zeros at the end of the digits before the point move it too.
        assert_eq!(times("100000000000000000000e-20", 1), Ok(1));
        assert_eq!(times("300000000000000000000.000e-20", 1024), Ok(3072));
        assert!(Decimal::parse("-0.0").unwrap().negative);
        assert_eq!(times("18446744073709551615", 1), Ok(u64::MAX));
        assert_eq!(times("18446744073709551616", 1), Err(NotWhole::Huge));
        assert_eq!(times("1e400", 1), Err(NotWhole::Huge));
        assert_eq!(times("18014398509481984", 1024), Err(NotWhole::Huge));
        // 5^20 / 10^10 times 1024 is whole: 10^10 divides it through the scale's 2^10.
        assert_eq!(times("9536.7431640625", 1024), Ok(9_765_625));
        for bad in ["", ".", "+", "-", "e5", "1e", "1e+", "1.2.3", " 1", "1 ", "0x10", "1_000", "inf", "1,5"] {
            assert_eq!(Decimal::parse(bad), None, "{bad:?}");
        }
        for s in ["inf", "-Infinity", "NaN", "+nan", "-inf", "infinit", "nan1", "1.", ".5", "+.5e-3", "1e05", "--1", "+-1"] {
            assert_eq!(is_float_text(s), s.parse::<f64>().is_ok(), "{s:?}");
        }
    }

    proptest! {
        /// `is_float_text` says what Rust's float reader says, on texts made of its characters.
        #[test]
        fn is_float_text_agrees_with_the_float_reader(s in "[0-9.eE+\\-infatyINFATY ]{0,8}") {
            prop_assert_eq!(is_float_text(&s), s.parse::<f64>().is_ok(), "{:?}", s);
        }

        /// Where a float is exact (at most 12 significant digits, below 10^12), `times` says what
        /// the float says: whether the value times 1 or 1024 is whole, and which number.
        #[test]
        fn times_agrees_with_the_float_where_it_is_exact(
            negative in proptest::bool::ANY,
            int in "[0-9]{0,6}",
            frac in "[0-9]{0,6}",
            exp in proptest::option::of(-6i32..6),
            scale in proptest::sample::select(vec![1u16, 1024]),
        ) {
            prop_assume!(!(int.is_empty() && frac.is_empty()));
            let s = format!("{}{int}{}{frac}{}", if negative { "-" } else { "" }, if frac.is_empty() { "" } else { "." }, exp.map_or(String::new(), |e| format!("e{e}")));
            let v = s.parse::<f64>().unwrap().abs() * f64::from(scale);
            let expected = if v.fract() == 0.0 { Ok(v as u64) } else { Err(NotWhole::Fraction) };
            prop_assert_eq!(times(&s, scale), expected, "{}", s);
        }
    }
}
