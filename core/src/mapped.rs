//! Text derived from a file, with the file range every byte comes from: JSON converted from YAML,
//! the JSON held in a string (`DefinitionString`, a `--overrides` argument), a RunTask request
//! built from a state machine or a command line. One mechanism maps every position in derived
//! text back to the file, and maps compose: text derived from derived text (the JSON in a string
//! in a YAML block scalar) still points into the file, at the exact characters.

use crate::json::{unescape_spans, TextRange};

/// Text and, for each of its bytes, the range of the file it was written from.
#[derive(Clone, Debug, Default)]
pub struct Mapped {
    text: String,
    /// Per byte of `text`; unused when `identity`.
    origin: Vec<TextRange>,
    /// The text is the file itself.
    identity: bool,
}

impl Mapped {
    /// The file's own text: every range maps to itself.
    #[must_use]
    pub fn identity(text: impl Into<String>) -> Self {
        Mapped { text: text.into(), origin: Vec::new(), identity: true }
    }

    #[must_use]
    pub fn with_capacity(n: usize) -> Self {
        Mapped { text: String::with_capacity(n), origin: Vec::with_capacity(n), identity: false }
    }

    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    #[must_use]
    pub fn len(&self) -> u32 {
        self.text.len() as u32
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The file range byte `i` comes from.
    #[must_use]
    pub fn origin(&self, i: u32) -> TextRange {
        if self.identity {
            let i = i.min(self.len());
            return TextRange::new(i, (i + 1).min(self.len()).max(i));
        }
        match self.origin.get(i as usize) {
            Some(r) => *r,
            None => self.origin.last().map_or(TextRange::default(), |r| TextRange::new(r.end, r.end)),
        }
    }

    /// Appends `s`, every byte of it written from the whole of `from` (a renamed member, a
    /// converted scalar, punctuation).
    pub fn push(&mut self, s: &str, from: TextRange) {
        debug_assert!(!self.identity, "identity text is not built");
        self.text.push_str(s);
        self.origin.extend(std::iter::repeat_n(from, s.len()));
    }

    pub fn push_char(&mut self, c: char, from: TextRange) {
        let mut buf = [0u8; 4];
        self.push(c.encode_utf8(&mut buf), from);
    }

    /// Appends bytes `range` of `src` with their origins.
    pub fn push_copy(&mut self, src: &Mapped, range: TextRange) {
        let (s, e) = (range.start as usize, (range.end as usize).min(src.text.len()));
        if s >= e {
            return;
        }
        self.text.push_str(&src.text[s..e]);
        if src.identity {
            self.origin.extend((s as u32..e as u32).map(|i| TextRange::new(i, i + 1)));
        } else {
            self.origin.extend_from_slice(&src.origin[s..e]);
        }
    }

    /// The file range that bytes `r` of this text were written from. An empty range maps to an
    /// empty range at the origin of its position.
    #[must_use]
    pub fn file_range(&self, r: TextRange) -> TextRange {
        let len = self.len();
        if self.identity {
            let s = r.start.min(len);
            return TextRange::new(s, r.end.clamp(s, len));
        }
        if r.start >= r.end {
            let o = self.origin(r.start);
            return TextRange::new(o.start, o.start);
        }
        let start = self.origin(r.start).start;
        let end = self.origin(r.end.min(len).saturating_sub(1).max(r.start)).end;
        TextRange::new(start, end.max(start))
    }

    /// The file range of the character at byte `offset` of this text (an empty range at the end),
    /// e.g. for a syntax error found at `offset`.
    #[must_use]
    pub fn file_range_of_char(&self, offset: usize) -> TextRange {
        let offset = offset.min(self.text.len());
        let len = self.text[offset..].chars().next().map_or(0, char::len_utf8);
        self.file_range(TextRange::new(offset as u32, (offset + len) as u32))
    }

    /// This text, whose origins are ranges of `outer`'s text, mapped through `outer` to the file.
    #[must_use]
    pub fn through(&self, outer: &Mapped) -> Mapped {
        if self.identity {
            let mut out = Mapped::with_capacity(self.text.len());
            out.push_copy(outer, TextRange::new(0, self.len().min(outer.len())));
            return out;
        }
        Mapped { text: self.text.clone(), origin: self.origin.iter().map(|r| outer.file_range(*r)).collect(), identity: false }
    }

    /// The value of the JSON string literal at `literal` (quotes included, as the JSON parser
    /// checked it), each character mapped to the file range of its escape sequence.
    #[must_use]
    pub fn json_string_value(&self, literal: TextRange) -> Mapped {
        let inner_start = literal.start + 1;
        let inner_end = literal.end.saturating_sub(1).max(inner_start);
        let inner = &self.text[inner_start as usize..inner_end as usize];
        let mut out = Mapped::with_capacity(inner.len());
        unescape_spans(inner, |c, s, e| {
            let from = self.file_range(TextRange::new(inner_start + s as u32, inner_start + e as u32));
            out.push_char(c, from);
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_maps_to_itself() {
        let m = Mapped::identity("{\"a\": 1}");
        assert_eq!(m.file_range(TextRange::new(1, 4)), TextRange::new(1, 4));
        assert_eq!(m.file_range(TextRange::new(99, 120)), TextRange::new(8, 8));
    }

    #[test]
    fn strings_in_strings_compose() {
        // A JSON file whose member holds JSON text in a string.
        let file = r#"{"Definition": "{\"Cpu\": \"256\"}"}"#;
        let outer = Mapped::identity(file);
        let lit_start = file.find("\"{").unwrap() as u32;
        let lit = TextRange::new(lit_start, file.len() as u32 - 1);
        let inner = outer.json_string_value(lit);
        assert_eq!(inner.text(), r#"{"Cpu": "256"}"#);
        // `"256"` in the inner text is `\"256\"` in the file.
        let at = inner.text().find("\"256\"").unwrap() as u32;
        let r = inner.file_range(TextRange::new(at, at + 5));
        assert_eq!(&file[r.start as usize..r.end as usize], r#"\"256\""#);
        // `256` alone is exactly the digits.
        let r = inner.file_range(TextRange::new(at + 1, at + 4));
        assert_eq!(&file[r.start as usize..r.end as usize], "256");
        // And a string in that string again.
        let again = inner.json_string_value(TextRange::new(at, at + 5));
        assert_eq!(again.text(), "256");
        let r = again.file_range(TextRange::new(1, 2));
        assert_eq!(&file[r.start as usize..r.end as usize], "5");
    }

    #[test]
    fn built_text_maps_pieces() {
        let mut m = Mapped::with_capacity(8);
        m.push("{", TextRange::new(10, 11));
        m.push("\"cpu\"", TextRange::new(12, 15));
        m.push("}", TextRange::new(20, 21));
        assert_eq!(m.file_range(TextRange::new(1, 6)), TextRange::new(12, 15));
        assert_eq!(m.file_range(TextRange::new(0, 7)), TextRange::new(10, 21));
        assert_eq!(m.file_range(TextRange::new(2, 2)), TextRange::new(12, 12));
    }
}
