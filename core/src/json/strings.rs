//! Decoding of JSON string escapes. Input is the text between the quotes, already checked by the
//! parser, so only the `\u` surrogate pairing can still be off: a lone surrogate becomes U+FFFD,
//! as Python's `json` keeps it (and AWS then rejects it) while Rust strings cannot hold it.

#[cfg(test)]
thread_local! {
    /// How many strings this thread has decoded: the work the hostile-input tests count.
    pub(crate) static DECODED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

pub(crate) fn unescape(inner: &str) -> String {
    #[cfg(test)]
    DECODED.with(|d| d.set(d.get() + 1));
    let mut out = String::with_capacity(inner.len());
    let mut rest = inner;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let (c, consumed) = escape_at(&rest[i + 1..]);
        out.push(c);
        rest = rest[i + 1..].get(consumed..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Calls `f(char, start, end)` for each character of the decoded value, with the byte range of
/// `inner` it is written with (one character, or a whole escape sequence).
pub(crate) fn unescape_spans(inner: &str, mut f: impl FnMut(char, usize, usize)) {
    let mut at = 0;
    while at < inner.len() {
        let rest = &inner[at..];
        if let Some(esc) = rest.strip_prefix('\\') {
            let (c, consumed) = escape_at(esc);
            let end = (at + 1 + consumed).min(inner.len());
            f(c, at, end);
            at = end;
        } else {
            let c = rest.chars().next().unwrap_or('\u{FFFD}');
            f(c, at, at + c.len_utf8());
            at += c.len_utf8();
        }
    }
}

/// The character an escape stands for (`esc` starts after the backslash) and the bytes it takes
/// after the backslash.
fn escape_at(esc: &str) -> (char, usize) {
    let c = esc.chars().next().unwrap_or('\\');
    match c {
        'n' => ('\n', 1),
        't' => ('\t', 1),
        'r' => ('\r', 1),
        'b' => ('\u{8}', 1),
        'f' => ('\u{c}', 1),
        'u' => match hex4(esc.get(1..5)) {
            Some(h @ 0xD800..=0xDBFF) => {
                let lo = esc.get(5..7).filter(|s| *s == "\\u").and_then(|_| hex4(esc.get(7..11)));
                if let Some(l @ 0xDC00..=0xDFFF) = lo {
                    let cp = 0x10000 + ((h - 0xD800) << 10) + (l - 0xDC00);
                    (char::from_u32(cp).unwrap_or('\u{FFFD}'), 11)
                } else {
                    ('\u{FFFD}', 5)
                }
            }
            Some(cp) => (char::from_u32(cp).unwrap_or('\u{FFFD}'), 5),
            None => ('\u{FFFD}', 5),
        },
        other => (other, other.len_utf8()),
    }
}

fn hex4(s: Option<&str>) -> Option<u32> {
    let s = s?;
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_hexdigit()) {
        u32::from_str_radix(s, 16).ok()
    } else {
        None
    }
}

/// Quotes `s` as a JSON string (minimal escaping).
#[must_use]
pub fn json_string(s: &str) -> String {
    if s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        let mut out = String::with_capacity(s.len() + 2);
        out.push('"');
        out.push_str(s);
        out.push('"');
        return out;
    }
    serde_json::to_string(s).unwrap_or_else(|_| format!("\"{s}\""))
}

/// How every message names a character: the parser's syntax errors and the rules' findings.
/// Characters that cannot be seen, or are easily mistaken, are named in words with their code
/// point; others are shown in backticks (with the code point when not ASCII).
#[must_use]
pub fn describe_char(c: char) -> std::borrow::Cow<'static, str> {
    use std::borrow::Cow;
    use unicode_general_category::{get_general_category, GeneralCategory as G};
    match c {
        ' ' => Cow::Borrowed("a space"),
        '\t' => Cow::Borrowed("a tab"),
        '\n' => Cow::Borrowed("a line break"),
        '\r' => Cow::Borrowed("a carriage return"),
        '\u{a0}' => Cow::Borrowed("a no-break space (U+00A0)"),
        '`' => Cow::Borrowed("a backtick (`` ` ``)"),
        c if c.is_control() => Cow::Owned(format!("the control character U+{:04X}", c as u32)),
        c if c.is_ascii() => Cow::Owned(['`', c, '`'].iter().collect()),
        c if c.is_whitespace() => Cow::Owned(format!("the space character U+{:04X}", c as u32)),
        c => match get_general_category(c) {
            G::NonspacingMark | G::SpacingMark | G::EnclosingMark => Cow::Owned(format!("the combining mark U+{:04X}", c as u32)),
            G::Format | G::PrivateUse | G::Unassigned | G::Surrogate => Cow::Owned(format!("the invisible character U+{:04X}", c as u32)),
            _ => Cow::Owned(format!("`{c}` (U+{:04X})", c as u32)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_cover_each_escape() {
        let inner = r#"a\"b\u00e9\n😀"#;
        let mut seen = Vec::new();
        unescape_spans(inner, |c, s, e| seen.push((c, &inner[s..e])));
        assert_eq!(seen, vec![('a', "a"), ('"', "\\\""), ('b', "b"), ('é', "\\u00e9"), ('\n', "\\n"), ('😀', "😀")]);
        let decoded: String = seen.iter().map(|(c, _)| *c).collect();
        assert_eq!(decoded, unescape(inner));
    }

    #[test]
    fn characters_are_named_once() {
        assert_eq!(describe_char(' '), "a space");
        assert_eq!(describe_char('\t'), "a tab");
        assert_eq!(describe_char('\n'), "a line break");
        assert_eq!(describe_char('`'), "a backtick (`` ` ``)");
        assert_eq!(describe_char('é'), "`é` (U+00E9)");
        assert_eq!(describe_char('.'), "`.`");
        assert_eq!(describe_char('\u{1}'), "the control character U+0001");
        assert_eq!(describe_char('\u{301}'), "the combining mark U+0301");
        assert_eq!(describe_char('\u{200b}'), "the invisible character U+200B");
        assert_eq!(describe_char('\u{3000}'), "the space character U+3000");
    }

    #[test]
    fn quoting() {
        assert_eq!(json_string("web"), "\"web\"");
        assert_eq!(json_string("a\"b\\c\nd"), r#""a\"b\\c\nd""#);
    }
}
