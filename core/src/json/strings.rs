//! Decoding of JSON string escapes. Input is the text between the quotes, already checked by the
//! parser, so only the `\u` surrogate pairing can still be off: a lone surrogate becomes U+FFFD,
//! as Python's `json` keeps it (and AWS then rejects it) while Rust strings cannot hold it.

pub(crate) fn unescape(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len());
    let mut rest = inner;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let esc = &rest[i + 1..];
        let mut chars = esc.chars();
        let c = chars.next().unwrap_or('\\');
        let mut consumed = 1;
        match c {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            'b' => out.push('\u{8}'),
            'f' => out.push('\u{c}'),
            'u' => {
                let hi = hex4(esc.get(1..5));
                consumed = 5;
                match hi {
                    Some(h @ 0xD800..=0xDBFF) => {
                        let lo = esc.get(5..7).filter(|s| *s == "\\u").and_then(|_| hex4(esc.get(7..11)));
                        if let Some(l @ 0xDC00..=0xDFFF) = lo {
                            let cp = 0x10000 + ((h - 0xD800) << 10) + (l - 0xDC00);
                            out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                            consumed = 11;
                        } else {
                            out.push('\u{FFFD}');
                        }
                    }
                    Some(cp) => out.push(char::from_u32(cp).unwrap_or('\u{FFFD}')),
                    None => out.push('\u{FFFD}'),
                }
            }
            other => out.push(other),
        }
        rest = esc.get(consumed..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

fn hex4(s: Option<&str>) -> Option<u32> {
    let s = s?;
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_hexdigit()) {
        u32::from_str_radix(s, 16).ok()
    } else {
        None
    }
}
