//! Tokens of the cluster query language. Whitespace is U+0020 and TAB; word operators (`and`,
//! `in`, `not_exists`, ...) are words like subjects and bare values, and the parser tells them
//! apart by position. Symbols (`==`, `!in`, `&&`, ...) need no whitespace around them.

use crate::json::TextRange;

/// A symbol operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sym {
    /// `==`
    Eq,
    /// `!=`
    Ne,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `=~`
    Match,
    /// `!~`
    NotMatch,
    /// `!in`
    NotIn,
    /// `!exists`
    NotExists,
    /// `&&`
    And,
    /// `||`
    Or,
    /// `!`
    Not,
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind<'a> {
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Sym(Sym),
    /// A run of characters that are none of whitespace, `()[],'"` and `=!<>&|`: a subject, a word
    /// operator or a bare value.
    Word(&'a str),
    /// `'…'`, without the quotes.
    Quoted(&'a str),
    /// A `'` with no closing quote; the span runs to the end.
    UnclosedQuote,
    /// A character no token starts with (`=`, `&`, `|`, `"`, a line break, ...).
    Bad(char),
    Eof,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub kind: TokKind<'a>,
    pub span: TextRange,
    /// Whitespace (or the start of the expression) comes right before the token.
    pub space_before: bool,
}

/// Whether `c` ends a word.
pub(crate) fn is_delimiter(c: char) -> bool {
    matches!(c, ' ' | '\t' | '(' | ')' | '[' | ']' | ',' | '\'' | '"' | '=' | '!' | '<' | '>' | '&' | '|') || c.is_control()
}

/// ASCII bytes that end a word.
const ASCII_DELIMITERS: [bool; 128] = {
    let mut t = [false; 128];
    let mut i = 0;
    while i < 0x20 {
        t[i] = true;
        i += 1;
    }
    t[0x7F] = true;
    let punct = b" \t()[],'\"=!<>&|";
    let mut j = 0;
    while j < punct.len() {
        t[punct[j] as usize] = true;
        j += 1;
    }
    t
};

/// The end of the word that starts at byte `at` of `s` (the same as searching for
/// [`is_delimiter`], on bytes).
fn word_end(s: &str, at: usize) -> usize {
    let b = s.as_bytes();
    let mut i = at;
    while let Some(&c) = b.get(i) {
        if c < 0x80 {
            if ASCII_DELIMITERS[c as usize] {
                break;
            }
        } else if c == 0xC2 && b.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)) {
            // U+0080–U+009F, control characters.
            break;
        }
        i += 1;
    }
    i
}

pub struct Lexer<'a> {
    src: &'a str,
    pos: usize,
}

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str) -> Self {
        Lexer { src, pos: 0 }
    }

    /// A lexer that starts at byte `pos` of `src`.
    pub fn at(src: &'a str, pos: usize) -> Self {
        Lexer { src, pos }
    }

    fn span(start: usize, end: usize) -> TextRange {
        TextRange::new(start as u32, end as u32)
    }

    /// The word that starts at byte `at` (possibly empty).
    fn word_at(&self, at: usize) -> &'a str {
        &self.src[at..word_end(self.src, at)]
    }

    pub fn next_token(&mut self) -> Token<'a> {
        let bytes = self.src.as_bytes();
        let before = self.pos;
        while self.pos < bytes.len() && matches!(bytes[self.pos], b' ' | b'\t') {
            self.pos += 1;
        }
        let space_before = self.pos > before || self.pos == 0;
        let start = self.pos;
        let c = match bytes.get(start) {
            None => return Token { kind: TokKind::Eof, span: Self::span(start, start), space_before },
            Some(&b) if b < 0x80 => b as char,
            Some(_) => self.src[start..].chars().next().unwrap_or(' '),
        };
        let next = bytes.get(start + 1).copied();
        let (kind, len) = match c {
            '(' => (TokKind::LParen, 1),
            ')' => (TokKind::RParen, 1),
            '[' => (TokKind::LBracket, 1),
            ']' => (TokKind::RBracket, 1),
            ',' => (TokKind::Comma, 1),
            '=' => match next {
                Some(b'=') => (TokKind::Sym(Sym::Eq), 2),
                Some(b'~') => (TokKind::Sym(Sym::Match), 2),
                _ => (TokKind::Bad('='), 1),
            },
            '!' => match next {
                Some(b'=') => (TokKind::Sym(Sym::Ne), 2),
                Some(b'~') => (TokKind::Sym(Sym::NotMatch), 2),
                _ => match self.word_at(start + 1) {
                    "in" => (TokKind::Sym(Sym::NotIn), 3),
                    "exists" => (TokKind::Sym(Sym::NotExists), 7),
                    _ => (TokKind::Sym(Sym::Not), 1),
                },
            },
            '<' => match next {
                Some(b'=') => (TokKind::Sym(Sym::Le), 2),
                _ => (TokKind::Sym(Sym::Lt), 1),
            },
            '>' => match next {
                Some(b'=') => (TokKind::Sym(Sym::Ge), 2),
                _ => (TokKind::Sym(Sym::Gt), 1),
            },
            '&' if next == Some(b'&') => (TokKind::Sym(Sym::And), 2),
            '|' if next == Some(b'|') => (TokKind::Sym(Sym::Or), 2),
            '\'' => match self.src[start + 1..].find('\'') {
                Some(i) => (TokKind::Quoted(&self.src[start + 1..start + 1 + i]), i + 2),
                None => (TokKind::UnclosedQuote, self.src.len() - start),
            },
            c if is_delimiter(c) => (TokKind::Bad(c), c.len_utf8()),
            _ => {
                let w = self.word_at(start);
                (TokKind::Word(w), w.len())
            }
        };
        self.pos = start + len;
        Token { kind, span: Self::span(start, self.pos), space_before }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<TokKind<'_>> {
        let mut l = Lexer::new(s);
        let mut out = Vec::new();
        loop {
            let t = l.next_token();
            if t.kind == TokKind::Eof {
                return out;
            }
            out.push(t.kind);
        }
    }

    #[test]
    fn symbols_need_no_space() {
        assert_eq!(kinds("a==b"), vec![TokKind::Word("a"), TokKind::Sym(Sym::Eq), TokKind::Word("b")]);
        assert_eq!(kinds("a!in[b]"), vec![TokKind::Word("a"), TokKind::Sym(Sym::NotIn), TokKind::LBracket, TokKind::Word("b"), TokKind::RBracket]);
        assert_eq!(kinds("!instance"), vec![TokKind::Sym(Sym::Not), TokKind::Word("instance")]);
        assert_eq!(kinds("a !exists"), vec![TokKind::Word("a"), TokKind::Sym(Sym::NotExists)]);
        assert_eq!(kinds("x =~ 'a b'"), vec![TokKind::Word("x"), TokKind::Sym(Sym::Match), TokKind::Quoted("a b")]);
        assert_eq!(kinds("a = b"), vec![TokKind::Word("a"), TokKind::Bad('='), TokKind::Word("b")]);
        assert_eq!(kinds("'open"), vec![TokKind::UnclosedQuote]);
        assert_eq!(kinds("not(x)"), vec![TokKind::Word("not"), TokKind::LParen, TokKind::Word("x"), TokKind::RParen]);
    }

    #[test]
    fn the_byte_scan_agrees_with_is_delimiter() {
        let all: String = (0u32..0x300).filter_map(char::from_u32).collect();
        for (i, _) in all.char_indices() {
            let by_char = all[i..].find(is_delimiter).map_or(all.len(), |j| i + j);
            assert_eq!(word_end(&all, i), by_char, "at {i}");
        }
    }

    #[test]
    fn spans_are_byte_offsets() {
        let mut l = Lexer::new("é == 'ü'");
        assert_eq!(l.next_token().span, TextRange::new(0, 2));
        assert_eq!(l.next_token().span, TextRange::new(3, 5));
        assert_eq!(l.next_token().span, TextRange::new(6, 10));
    }
}
