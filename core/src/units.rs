//! Task-level cpu and memory strings as ECS reads them: cpu as CPU units (`"1024"`) or vCPUs
//! (`"1 vCPU"`, `".25 vcpu"`, any case and spacing); memory as MiB (`"2048"`) or GB (`"2GB"`,
//! `"2 gb"`). Sources: botocore `RegisterTaskDefinitionRequest.cpu/memory`; cfn-lint
//! `fargate_cpu_memory.json`; aws-cloudformation/cfn-lint#3514.

/// CPU units in one vCPU (and MiB in one GB, as ECS reads `"2 GB"`).
pub const CPU_UNITS_PER_VCPU: u32 = 1024;

/// CPU units, or None when the text is neither form (or not a whole number of units).
#[must_use]
pub fn parse_cpu(s: &str) -> Option<u32> {
    parse_with_unit(s, "vcpu")
}

/// MiB, or None when the text is neither form.
#[must_use]
pub fn parse_memory(s: &str) -> Option<u32> {
    parse_with_unit(s, "gb")
}

fn parse_with_unit(s: &str, unit: &str) -> Option<u32> {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let number = lower.strip_suffix(unit)?.trim_end();
    scaled_1024(number)
}

/// `n`, `n.m` or `.m` times 1024, when that is a whole number.
fn scaled_1024(number: &str) -> Option<u32> {
    let (int, frac) = match number.split_once('.') {
        Some((i, f)) => (i, f),
        None => (number, ""),
    };
    if (int.is_empty() && frac.is_empty())
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || (number.contains('.') && frac.is_empty())
        || frac.len() > 10
        || int.len() > 7
    {
        return None;
    }
    let units = crate::decimal::Decimal::parse(number)?.times(CPU_UNITS_PER_VCPU as u16).ok()?;
    u32::try_from(units).ok()
}

/// Whether the text is one of the documented forms (as opposed to a typo such as `"1 GiB"`).
#[must_use]
pub fn is_cpu_text(s: &str) -> bool {
    parse_cpu(s).is_some()
}

#[must_use]
pub fn is_memory_text(s: &str) -> bool {
    parse_memory(s).is_some()
}

/// `1024` → `1 vCPU`, `256` → `0.25 vCPU`.
#[must_use]
pub fn vcpu_words(cpu: u32) -> String {
    format!("{} vCPU", vcpus(cpu))
}

/// `1024` → `1`, `256` → `0.25`: the number of vCPUs.
#[must_use]
pub fn vcpus(cpu: u32) -> String {
    per_1024(cpu)
}

/// `2048` → `2 GB`, `512` → `0.5 GB`.
#[must_use]
pub fn gb_words(mib: u32) -> String {
    let mut out = per_1024(mib);
    out.push_str(" GB");
    out
}

/// `n / 1024` to three decimals, rounded half to even as `format!("{:.3}")` rounds the exact
/// quotient, without trailing zeros: in integers, so the `.wasm` carries no float formatting
/// (14 KB). A test holds it equal to the float form.
fn per_1024(n: u32) -> String {
    let scaled = u64::from(n) * 1000;
    let (mut thousandths, rest) = (scaled / 1024, scaled % 1024);
    if rest > 512 || (rest == 512 && thousandths % 2 == 1) {
        thousandths += 1;
    }
    let (whole, frac) = (thousandths / 1000, thousandths % 1000);
    let mut out = String::with_capacity(16);
    crate::json::push_decimal(&mut out, whole);
    if frac != 0 {
        // Three digits, then the trailing zeros off (a digit other than zero stays).
        out.push('.');
        for digit in [frac / 100, frac / 10 % 10, frac % 10] {
            out.push(char::from(b'0' + digit as u8));
        }
        while out.ends_with('0') {
            out.pop();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The integer form says what `{:.3}` of the float quotient, trailing zeros trimmed, said:
    /// every value up to 300,000 (ties to even included: 64 is 0.0625) and the largest.
    #[test]
    fn per_1024_matches_the_float_form() {
        let float = |n: u32| {
            let s = format!("{:.3}", f64::from(n) / 1024.0);
            s.trim_end_matches('0').trim_end_matches('.').to_owned()
        };
        for n in (0..=300_000).chain([u32::MAX - 1, u32::MAX]) {
            assert_eq!(per_1024(n), float(n), "{n}");
        }
        assert_eq!(vcpus(64), "0.062");
        assert_eq!(gb_words(512), "0.5 GB");
    }

    #[test]
    fn cpu_forms() {
        assert_eq!(parse_cpu("1024"), Some(1024));
        assert_eq!(parse_cpu("1 vCPU"), Some(1024));
        assert_eq!(parse_cpu(".25     vCpU"), Some(256));
        assert_eq!(parse_cpu("0.5vcpu"), Some(512));
        assert_eq!(parse_cpu("16 VCPU"), Some(16384));
        assert_eq!(parse_cpu("1.5 vCPU"), Some(1536));
        assert_eq!(parse_cpu("0.3 vCPU"), None);
        assert_eq!(parse_cpu("1 cpu"), None);
        assert_eq!(parse_cpu("vCPU"), None);
        assert_eq!(parse_cpu(". vCPU"), None);
        assert_eq!(parse_cpu("1. vCPU"), None);
        assert_eq!(parse_cpu("-1"), None);
        assert_eq!(parse_cpu(""), None);
        assert_eq!(parse_cpu(" 1024"), None);
        assert_eq!(parse_cpu("99999999999"), None);
    }

    #[test]
    fn memory_forms() {
        assert_eq!(parse_memory("2048"), Some(2048));
        assert_eq!(parse_memory("2GB"), Some(2048));
        assert_eq!(parse_memory("1      gb"), Some(1024));
        assert_eq!(parse_memory("0.5 GB"), Some(512));
        assert_eq!(parse_memory("2 GiB"), None);
        assert_eq!(parse_memory("2MB"), None);
    }

    #[test]
    fn words() {
        assert_eq!(vcpu_words(256), "0.25 vCPU");
        assert_eq!(vcpu_words(1024), "1 vCPU");
        assert_eq!(gb_words(512), "0.5 GB");
        assert_eq!(gb_words(30720), "30 GB");
    }
}
