//! The length of a JSON value's compact serialization, as AWS measures its 8192-character
//! `overrides` limit (RT330) and as the console's overrides meter shows it: one function for both.

use super::{Document, NodeId};

/// The length of the compact JSON serialization of the JSON text `json` (one valid value): no
/// whitespace, members in the order written, numbers as written, and strings with JSON's minimal
/// escaping (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, `\u00XX` for other control characters,
/// everything else literal, `/` unescaped). Lengths are UTF-16 code units, as Java's
/// `String.length()` counts them (ECS runs on Java): a character outside the Basic Multilingual
/// Plane (an emoji) counts 2. Builds no strings.
#[must_use]
pub fn compact_len(json: &str) -> usize {
    compact_len_of(json.as_bytes())
}

impl Document<'_> {
    /// [`compact_len`] of the value of `node`.
    #[must_use]
    pub fn compact_len(&self, node: NodeId) -> usize {
        let r = self.range(node);
        compact_len_of(&self.source().as_bytes()[r.start as usize..r.end as usize])
    }
}

/// One pass over the value's source bytes: white space outside strings is dropped; inside string
/// literals each escape is decoded and re-counted with minimal escaping, non-ASCII in UTF-16 units;
/// everything else counts as written.
fn compact_len_of(b: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    let mut in_string = false;
    while i < b.len() {
        let c = b[i];
        if !in_string {
            match c {
                b' ' | b'\t' | b'\n' | b'\r' => {}
                b'"' => {
                    in_string = true;
                    n += 1;
                }
                _ => n += 1,
            }
            i += 1;
            continue;
        }
        // Eight plain ASCII characters at a time: no quote, no backslash, nothing above 0x7F.
        if let Some(chunk) = b.get(i..i + 8) {
            let v = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            let quote = (v ^ 0x2222_2222_2222_2222).wrapping_sub(0x0101_0101_0101_0101) & !(v ^ 0x2222_2222_2222_2222);
            let backslash = (v ^ 0x5C5C_5C5C_5C5C_5C5C).wrapping_sub(0x0101_0101_0101_0101) & !(v ^ 0x5C5C_5C5C_5C5C_5C5C);
            if (quote | backslash | v) & 0x8080_8080_8080_8080 == 0 {
                n += 8;
                i += 8;
                continue;
            }
        }
        match c {
            b'"' => {
                in_string = false;
                n += 1;
                i += 1;
            }
            b'\\' => {
                let (units, width) = escape_len(&b[i..]);
                n += units;
                i += width;
            }
            0x80.. => {
                let (units, width) = literal_len(c);
                n += units;
                i += width;
            }
            _ => {
                n += 1;
                i += 1;
            }
        }
    }
    n
}


/// (UTF-16 units when written with minimal escaping, bytes consumed) for the escape at the
/// start of `esc` (which begins with a backslash).
fn escape_len(esc: &[u8]) -> (usize, usize) {
    match esc.get(1) {
        Some(b'u') => {
            let v = esc.get(2..6).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u32::from_str_radix(h, 16).ok());
            // A surrogate escape is one UTF-16 unit, as in the Java string.
            (v.map_or(1, escaped_char_len), 6)
        }
        Some(b'/') => (1, 2),
        _ => (2, 2),
    }
}

/// (UTF-16 units, bytes) of the literal character starting with byte `c`: one unit, two for
/// 4-byte UTF-8 (outside the BMP). The parser rejects literal control characters, and quotes
/// are always escaped.
fn literal_len(c: u8) -> (usize, usize) {
    match c {
        0xF0..=0xFF => (2, 4),
        0xE0..=0xEF => (1, 3),
        0xC0..=0xDF => (1, 2),
        _ => (1, 1),
    }
}

/// The minimal escaped length of the code unit `v` inside a JSON string.
fn escaped_char_len(v: u32) -> usize {
    match v {
        0x22 | 0x5C | 0x08 | 0x09 | 0x0A | 0x0C | 0x0D => 2,
        0x00..=0x1F => 6,
        _ => 1,
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    fn len(src: &str) -> usize {
        let doc = Document::parse(src).unwrap();
        let n = doc.compact_len(doc.root());
        assert_eq!(n, compact_len(src));
        n
    }

    #[test]
    fn compact_length_matches_serde_json_for_ascii() {
        for src in [
            r#"{"containerOverrides": [ {"name": "web", "command": ["sh", "-c", "echo \"hi\" \\ done"]} ], "cpu": "256"}"#,
            r#"[1, -2.5, true, false, null, {}, [], ""]"#,
            "{\n  \"a\" : { \"b\" : [ 1 , 2 ] }\n}",
            r#"{"s": "tab\there\nnew line \r \b \f \u0001 \u001f"}"#,
        ] {
            let v: serde_json::Value = serde_json::from_str(src).unwrap();
            assert_eq!(len(src), serde_json::to_string(&v).unwrap().len(), "{src}");
        }
    }

    #[test]
    fn compact_length_never_exceeds_the_source_length() {
        // overrides_too_long skips the count when the source text fits: this must hold.
        for src in [
            r#""\u0000\u001f\"\\\/\b\f\n\r\t""#,
            "\"😀é€\"",
            r#""\ud83d\ude00\ud800""#,
            "{ \"a\" : [ 1 , 2.50e3 , true , null ] }",
            "\"\u{7f}\"",
        ] {
            assert!(len(src) <= src.len(), "{src}: {} > {}", len(src), src.len());
        }
    }

    #[test]
    fn numbers_count_as_written() {
        // serde_json would print 1000.0 and 0.5; AWS receives the text as sent.
        assert_eq!(len("[1e3, 0.50, -0]"), "[1e3,0.50,-0]".len());
    }

    #[test]
    fn escapes_are_recounted_minimally() {
        // "\/" is written "/", "\u0041" is "A", "\u00e9" is one unit.
        assert_eq!(len(r#""\/\u0041\u00e9""#), 5);
        // A quote or backslash written as \u escapes still needs two characters.
        assert_eq!(len(r#""\u0022\u005c""#), 6);
        // Control characters without a short escape take six.
        assert_eq!(len(r#""\u0000""#), 8);
    }

    #[test]
    fn non_ascii_counts_utf16_units() {
        // é and € are one unit each; 😀 (U+1F600) is two, written literally or as a surrogate pair.
        assert_eq!(len("\"é€\""), 4);
        assert_eq!(len("\"😀\""), 4);
        assert_eq!(len(r#""\ud83d\ude00""#), 4);
        assert_eq!(len("{\"ключ\": \"😀\"}"), 2 + 6 + 1 + 4);
    }
}
