//! Decoding of JSON string escapes. Input is the text between the quotes, already checked by the
//! parser, so only the `\u` surrogate pairing can still be off: a lone surrogate becomes U+FFFD,
//! as Python's `json` keeps it (and AWS then rejects it) while Rust strings cannot hold it.

pub(crate) fn unescape(inner: &str) -> String {
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
}
