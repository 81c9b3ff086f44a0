//! A structural check of `java.util.regex.Pattern` syntax, without compiling anything: balanced
//! groups and character classes, known group constructs, quantifiers with something to repeat,
//! well-formed bounds, escapes Java knows, and ranges in order. It follows `Pattern`'s own parser
//! (JDK 8–21) where they differ from other dialects: `]` first in a class is a literal, `[` inside
//! a class opens a nested class, a lone `{` is an error, a lone `}` or `]` is a literal, `\` before
//! an unassigned ASCII letter is an error, look-around and back-references are allowed.

/// Why a pattern does not compile; `start..end` are byte offsets in the pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegexError {
    pub start: usize,
    pub end: usize,
    pub message: String,
}

fn err<T>(start: usize, end: usize, message: impl Into<String>) -> Result<T, RegexError> {
    Err(RegexError { start, end, message: message.into() })
}

/// Checks `pattern`.
pub fn check(pattern: &str) -> Result<(), RegexError> {
    Checker { s: pattern, b: pattern.as_bytes(), i: 0, names: Vec::new() }.run()
}

struct Checker<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
    names: Vec<&'a str>,
}

fn is_octal(b: u8) -> bool {
    (b'0'..=b'7').contains(&b)
}

impl<'a> Checker<'a> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn at(&self, j: usize) -> Option<u8> {
        self.b.get(j).copied()
    }

    /// The character at byte `j` and its length.
    fn char_at(&self, j: usize) -> (char, usize) {
        let c = self.s[j..].chars().next().unwrap_or('\0');
        (c, c.len_utf8().max(1))
    }

    fn run(mut self) -> Result<(), RegexError> {
        // Positions of the open groups.
        let mut open: Vec<usize> = Vec::new();
        // Whether the last thing can take a quantifier (`*`, `+`, `?`).
        let mut repeatable = false;
        while let Some(c) = self.peek() {
            let start = self.i;
            match c {
                b'\\' => {
                    self.escape(false)?;
                    repeatable = true;
                }
                b'(' => {
                    if self.group_head()? {
                        open.push(start);
                        repeatable = false;
                    } else {
                        // Inline flags `(?i)`: nothing to repeat after them.
                        repeatable = false;
                    }
                }
                b')' => {
                    if open.pop().is_none() {
                        return err(start, start + 1, "unmatched `)`: no group is open");
                    }
                    self.i += 1;
                    repeatable = true;
                }
                b'[' => {
                    self.class(start)?;
                    repeatable = true;
                }
                b'|' => {
                    self.i += 1;
                    repeatable = false;
                }
                b'*' | b'+' | b'?' => {
                    if !repeatable {
                        return err(start, start + 1, format!("dangling `{}`: nothing before it to repeat (escape it as `\\{}`)", c as char, c as char));
                    }
                    self.i += 1;
                    self.quantifier_suffix();
                    repeatable = false;
                }
                b'{' => {
                    self.bound(start)?;
                    self.quantifier_suffix();
                    repeatable = false;
                }
                _ => {
                    let (_, len) = self.char_at(start);
                    self.i += len;
                    repeatable = true;
                }
            }
        }
        if let Some(&p) = open.last() {
            return err(p, p + 1, "unclosed group: this `(` has no `)`");
        }
        Ok(())
    }

    /// A lazy `?` or possessive `+` after a quantifier.
    fn quantifier_suffix(&mut self) {
        if matches!(self.peek(), Some(b'?' | b'+')) {
            self.i += 1;
        }
    }

    /// `{n}`, `{n,}` or `{n,m}` at `start`.
    fn bound(&mut self, start: usize) -> Result<(), RegexError> {
        let mut j = start + 1;
        let digits = |j: &mut usize, b: &[u8]| -> Option<u64> {
            let from = *j;
            let mut n: u64 = 0;
            while let Some(d) = b.get(*j).filter(|d| d.is_ascii_digit()) {
                n = n.saturating_mul(10).saturating_add(u64::from(d - b'0'));
                *j += 1;
            }
            (*j > from).then_some(n)
        };
        let Some(min) = digits(&mut j, self.b) else {
            return err(start, start + 1, "`{` must start a repetition such as {2} or {1,3}; escape a literal brace as `\\{`");
        };
        let mut max = Some(min);
        if self.at(j) == Some(b',') {
            j += 1;
            max = digits(&mut j, self.b);
        }
        if self.at(j) != Some(b'}') {
            let end = j.min(self.b.len());
            return err(start, end.max(start + 1), "unclosed repetition: expected `}`, e.g. {1,3}");
        }
        j += 1;
        if min > i32::MAX as u64 || max.is_some_and(|m| m > i32::MAX as u64) {
            return err(start, j, "the repetition count is too large");
        }
        if let Some(m) = max {
            if m < min {
                return err(start, j, format!("invalid repetition {}: the maximum is smaller than the minimum", &self.s[start..j]));
            }
        }
        self.i = j;
        Ok(())
    }

    /// After `(`: reads the group's head. Returns false for inline flags `(?i)`, which open
    /// nothing.
    fn group_head(&mut self) -> Result<bool, RegexError> {
        let start = self.i;
        self.i += 1;
        if self.peek() != Some(b'?') {
            return Ok(true);
        }
        self.i += 1;
        match self.peek() {
            Some(b':' | b'=' | b'!' | b'>') => {
                self.i += 1;
                Ok(true)
            }
            Some(b'<') => {
                self.i += 1;
                match self.peek() {
                    Some(b'=' | b'!') => {
                        self.i += 1;
                        Ok(true)
                    }
                    Some(c) if c.is_ascii_alphabetic() => {
                        let name = self.group_name(start)?;
                        if self.names.contains(&name) {
                            return err(start, self.i, format!("the group name `{name}` is defined twice"));
                        }
                        self.names.push(name);
                        Ok(true)
                    }
                    _ => err(start, (self.i + 1).min(self.b.len()), "unknown group `(?<`: use `(?<name>…)`, `(?<=…)` or `(?<!…)`"),
                }
            }
            _ => {
                // Inline flags: (?idmsuxU-idmsuxU) or (?flags:…).
                while self.peek().is_some_and(|c| b"idmsuxcU-".contains(&c)) {
                    self.i += 1;
                }
                match self.peek() {
                    Some(b')') => {
                        self.i += 1;
                        Ok(false)
                    }
                    Some(b':') => {
                        self.i += 1;
                        Ok(true)
                    }
                    None => err(start, self.b.len(), "unclosed group: this `(` has no `)`"),
                    Some(_) => {
                        let (_, len) = self.char_at(self.i);
                        err(start, self.i + len, format!("unknown group construct `{}`", &self.s[start..self.i + len]))
                    }
                }
            }
        }
    }

    /// A group or back-reference name: an ASCII letter, then ASCII letters and digits, then `>`.
    fn group_name(&mut self, start: usize) -> Result<&'a str, RegexError> {
        let from = self.i;
        while self.peek().is_some_and(|c| c.is_ascii_alphanumeric()) {
            self.i += 1;
        }
        let name = &self.s[from..self.i];
        if self.peek() != Some(b'>') {
            return err(start, self.i.max(start + 1).min(self.b.len()), "a group name has only ASCII letters and digits and ends with `>`");
        }
        self.i += 1;
        if name.is_empty() || !name.as_bytes()[0].is_ascii_alphabetic() {
            return err(start, self.i, "a group name starts with an ASCII letter");
        }
        Ok(name)
    }

    /// `[...]` at `start` (classes nest in Java).
    fn class(&mut self, start: usize) -> Result<(), RegexError> {
        self.i = start + 1;
        if self.peek() == Some(b'^') {
            self.i += 1;
        }
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return err(start, start + 1, "unclosed character class: this `[` has no `]`");
            };
            let at = self.i;
            let lo: Option<u32> = match c {
                b']' if !first => {
                    self.i += 1;
                    return Ok(());
                }
                b'[' => {
                    self.class(at)?;
                    None
                }
                b'&' if self.at(at + 1) == Some(b'&') => {
                    self.i += 2;
                    None
                }
                b'\\' => self.escape(true)?,
                _ => {
                    let (ch, len) = self.char_at(at);
                    self.i += len;
                    Some(ch as u32)
                }
            };
            first = false;
            // A range `lo-hi` (a `-` before `]` or `[` is a literal).
            if let Some(lo) = lo {
                if self.peek() == Some(b'-') && !matches!(self.at(self.i + 1), None | Some(b']' | b'[')) {
                    self.i += 1;
                    let hi_at = self.i;
                    let hi = if self.peek() == Some(b'\\') {
                        self.escape(true)?
                    } else {
                        let (ch, len) = self.char_at(hi_at);
                        self.i += len;
                        Some(ch as u32)
                    };
                    if let Some(hi) = hi {
                        if hi < lo {
                            return err(at, self.i, format!("invalid range `{}` in a character class: it runs backwards", &self.s[at..self.i]));
                        }
                    }
                }
            }
        }
    }

    /// A `\` escape at the current position. Returns the character it stands for when it is
    /// one (for ranges), None for classes, anchors and the like.
    fn escape(&mut self, in_class: bool) -> Result<Option<u32>, RegexError> {
        let start = self.i;
        let Some(c) = self.at(start + 1) else {
            return err(start, start + 1, "the pattern ends with a lone `\\`; write `\\\\` for a backslash");
        };
        self.i = start + 2;
        let not_in_class = |this: &Self, what: &str| -> Result<Option<u32>, RegexError> {
            if in_class {
                err(start, this.i, format!("`{}` ({what}) can't be used inside a character class", &this.s[start..this.i]))
            } else {
                Ok(None)
            }
        };
        match c {
            b'0' => {
                // \0n, \0nn, \0mnn (m ≤ 3).
                let mut n = 0u32;
                let mut count = 0;
                while count < 3 && self.peek().is_some_and(is_octal) {
                    let d = u32::from(self.peek().unwrap_or(b'0') - b'0');
                    if count == 2 && n > 0o37 {
                        break;
                    }
                    n = n * 8 + d;
                    self.i += 1;
                    count += 1;
                }
                if count == 0 {
                    return err(start, self.i, "`\\0` must be followed by octal digits, e.g. `\\011`");
                }
                Ok(Some(n))
            }
            b'1'..=b'9' => {
                while self.peek().is_some_and(|d| d.is_ascii_digit()) {
                    self.i += 1;
                }
                not_in_class(self, "a back-reference")
            }
            b'x' => {
                if self.peek() == Some(b'{') {
                    let from = self.i + 1;
                    let mut j = from;
                    while self.at(j).is_some_and(|h| h.is_ascii_hexdigit()) {
                        j += 1;
                    }
                    if j == from || self.at(j) != Some(b'}') {
                        return err(start, j.min(self.b.len()).max(self.i), "`\\x{…}` needs hex digits and a closing `}`, e.g. `\\x{20AC}`");
                    }
                    let v = u32::from_str_radix(&self.s[from..j], 16).unwrap_or(u32::MAX);
                    self.i = j + 1;
                    if v > 0x10FFFF {
                        return err(start, self.i, "`\\x{…}` is above U+10FFFF");
                    }
                    Ok(Some(v))
                } else {
                    self.hex(start, 2, "`\\x` needs two hex digits, e.g. `\\x41`")
                }
            }
            b'u' => self.hex(start, 4, "`\\u` needs four hex digits, e.g. `\\u00e9`"),
            b'c' => {
                if self.peek().is_none() {
                    return err(start, self.i, "`\\c` needs a control letter after it, e.g. `\\cM`");
                }
                let (ch, len) = self.char_at(self.i);
                self.i += len;
                Ok(Some(ch as u32 ^ 64))
            }
            b'p' | b'P' => {
                match self.peek() {
                    Some(b'{') => {
                        let Some(close) = self.s[self.i..].find('}') else {
                            return err(start, self.b.len(), "unclosed `\\p{`: expected `}`");
                        };
                        if close == 1 {
                            return err(start, self.i + 2, "`\\p{}` needs a property name, e.g. `\\p{Lu}`");
                        }
                        self.i += close + 1;
                    }
                    Some(ch) if ch.is_ascii_alphabetic() => self.i += 1,
                    _ => return err(start, self.i, "`\\p` needs a property, e.g. `\\p{Lu}` or `\\pL`"),
                }
                Ok(None)
            }
            b'N' => {
                if self.peek() != Some(b'{') {
                    return err(start, self.i, "`\\N` needs a character name, e.g. `\\N{SPACE}`");
                }
                let Some(close) = self.s[self.i..].find('}') else {
                    return err(start, self.b.len(), "unclosed `\\N{`: expected `}`");
                };
                self.i += close + 1;
                Ok(None)
            }
            b'k' => {
                if in_class {
                    return not_in_class(self, "a named back-reference");
                }
                if self.peek() != Some(b'<') {
                    return err(start, self.i, "`\\k` must be followed by `<name>`");
                }
                self.i += 1;
                let name = self.group_name(start)?;
                if !self.names.contains(&name) {
                    return err(start, self.i, format!("`\\k<{name}>` refers to a group named `{name}`, which is not defined before it"));
                }
                Ok(None)
            }
            b'Q' => {
                // Quoted until `\E` or the end.
                match self.s[self.i..].find("\\E") {
                    Some(k) => self.i += k + 2,
                    None => self.i = self.b.len(),
                }
                Ok(None)
            }
            b'b' => {
                if self.s[self.i..].starts_with("{g}") {
                    self.i += 3;
                }
                not_in_class(self, "a word boundary")
            }
            b'B' | b'A' | b'G' | b'Z' | b'z' => not_in_class(self, "an anchor"),
            b'R' | b'X' => not_in_class(self, "a sequence matcher"),
            b't' => Ok(Some(9)),
            b'n' => Ok(Some(10)),
            b'r' => Ok(Some(13)),
            b'f' => Ok(Some(12)),
            b'a' => Ok(Some(7)),
            b'e' => Ok(Some(27)),
            b'd' | b'D' | b'h' | b'H' | b's' | b'S' | b'v' | b'V' | b'w' | b'W' => Ok(None),
            c if c.is_ascii_alphabetic() => err(
                start,
                self.i,
                format!("`\\{}` is not a Java regex escape (a backslash before a letter must name an escape)", c as char),
            ),
            _ => {
                // Any other character, escaped, is itself.
                let (ch, len) = self.char_at(start + 1);
                self.i = start + 1 + len;
                Ok(Some(ch as u32))
            }
        }
    }

    fn hex(&mut self, start: usize, n: usize, message: &str) -> Result<Option<u32>, RegexError> {
        let from = self.i;
        let digits = self.b.get(from..from + n).filter(|d| d.iter().all(u8::is_ascii_hexdigit));
        let Some(d) = digits else {
            let mut end = from;
            while end < self.b.len() && end < from + n && self.b[end].is_ascii_hexdigit() {
                end += 1;
            }
            return err(start, end, message);
        };
        let v = u32::from_str_radix(std::str::from_utf8(d).unwrap_or("0"), 16).unwrap_or(0);
        self.i = from + n;
        Ok(Some(v))
    }
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn valid_java_patterns() {
        for p in [
            "",
            "t2.*",
            "g2.*",
            "^i-[0-9a-f]{8,17}$",
            "(t2|t3)\\.(micro|small)",
            "(?i)T2.*",
            "(?i:t2).*",
            "(?=t)t2",
            "(?!m5)\\w+",
            "(?<=a)b",
            "(?<!a)b",
            "(?>ab)",
            "(?<kind>t2)\\.\\k<kind>",
            "(a)\\1",
            "a*?b+?c??",
            "a*+b++",
            "a{2}",
            "a{2,}",
            "a{2,5}?",
            "[]a]",
            "[^]a]",
            "[a-z&&[^aeiou]]",
            "[a-]",
            "[-a]",
            "[\\d\\s]",
            "[\\x41-\\x5a]",
            "\\p{Lu}\\pL\\P{IsAlphabetic}",
            "\\Q(not a group\\E",
            "\\Q(unterminated",
            "\\t\\n\\r\\f\\a\\e\\cM",
            "\\u00e9\\x{1F600}\\0101",
            "a}",
            "a]",
            "\\.",
            "\\-",
            "^*",
            "a|",
            "|a",
            "()",
            "\\b\\B\\A\\G\\Z\\z\\R\\X",
            "{2}",
            "a{2}{3}",
        ] {
            assert_eq!(check(p), Ok(()), "{p}");
        }
    }

    #[test]
    fn invalid_java_patterns() {
        for (p, start, needle) in [
            ("*a", 0, "dangling `*`"),
            ("a**", 2, "dangling `*`"),
            ("(+a)", 1, "dangling `+`"),
            ("a|?", 2, "dangling `?`"),
            ("(?i)*", 4, "dangling"),
            ("a*??", 3, "dangling `?`"),
            ("(a", 0, "unclosed group"),
            ("a)", 1, "unmatched `)`"),
            ("((a)", 0, "unclosed group"),
            ("[a", 0, "unclosed character class"),
            ("[]", 0, "unclosed character class"),
            ("[[a]", 0, "unclosed character class"),
            ("[z-a]", 1, "runs backwards"),
            ("a{", 1, "`{` must start a repetition"),
            ("a{x}", 1, "`{` must start a repetition"),
            ("a{2", 1, "unclosed repetition"),
            ("a{3,2}", 1, "maximum is smaller"),
            ("a\\", 1, "lone `\\`"),
            ("\\y", 0, "not a Java regex escape"),
            ("\\E", 0, "not a Java regex escape"),
            ("\\x4", 0, "two hex digits"),
            ("\\u12", 0, "four hex digits"),
            ("\\0", 0, "octal"),
            ("\\c", 0, "control letter"),
            ("\\p", 0, "property"),
            ("\\p{", 0, "unclosed `\\p{`"),
            ("[\\b]", 1, "inside a character class"),
            ("(?<1a>x)", 0, "unknown group `(?<`"),
            ("(?<a>x)(?<a>y)", 7, "defined twice"),
            ("\\k<a>", 0, "not defined before"),
            ("(?q)", 0, "unknown group construct"),
            ("(?<x", 0, "group name"),
            ("(?", 0, "unclosed group"),
        ] {
            let e = check(p).expect_err(p);
            assert_eq!(e.start, start, "{p}: {e:?}");
            assert!(e.message.contains(needle), "{p}: {}", e.message);
            assert!(e.end > e.start && e.end <= p.len(), "{p}: {e:?}");
        }
    }
}
