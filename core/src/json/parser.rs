//! A strict JSON parser (RFC 8259) that builds the span-keeping arena of [`super::Document`].
//!
//! Why not serde_json: it positions errors but keeps no spans for values; why not jsonc-parser: it
//! has no depth limit, allocates every string, and the whole check must cost about as much as
//! `serde_json::from_str::<Value>` alone (see the README's benchmark). This parser allocates only
//! the node arena: strings stay slices of the source and are decoded on demand.
//!
//! It is a recursive descent with one loop per container, which keeps each container's state
//! in registers; it stops at [`MAX_DEPTH`] levels, so the recursion cannot overflow the call
//! stack (tests: `depth_limit_is_a_parse_error_not_a_crash` in json/tests.rs).

use super::byte_mask;
use super::names::ByteSet;
use super::node::{Kind, Node, NodeId, FLAG_KEY_ESCAPED, FLAG_SHADOWED, FLAG_TRUE, FLAG_VALUE_ESCAPED, NONE};

/// Objects with at most this many members and no escaped names find duplicates with a 256-bit set
/// of name hashes on the stack, comparing names only where hashes meet (cheaper than a hash set at
/// this size: the model's request has 19 members; 32 instead of 16 saved 1.9k instructions on a
/// 17-member request when this was a pair-by-pair comparison).
const SMALL_OBJECT: usize = 32;

/// Deepest nesting of arrays and objects accepted. A RunTask request nests at most 8 levels.
pub const MAX_DEPTH: usize = 128;

/// What went wrong, and where (byte offset of the offending character).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub kind: ParseErrorKind,
    pub offset: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseErrorKind {
    Empty,
    UnexpectedEnd { expected: &'static str },
    Unexpected { found: char, expected: &'static str },
    TrailingContent { found: char },
    ControlCharacterInString,
    InvalidEscape,
    InvalidUnicodeEscape,
    InvalidNumber,
    TooDeep,
    Comment,
    TrailingComma,
    /// `""name"`: an empty member name directly followed by more name.
    DoubledQuote,
}

impl ParseError {
    /// A message a person can act on.
    #[must_use]
    pub fn message(&self) -> String {
        match &self.kind {
            ParseErrorKind::Empty => "the input is empty: expected a JSON object".to_owned(),
            ParseErrorKind::UnexpectedEnd { expected } => {
                format!("the JSON ends too early: expected {expected}")
            }
            ParseErrorKind::Unexpected { found, expected } => {
                format!("invalid JSON: found {} where {expected} was expected", super::strings::describe_char(*found))
            }
            ParseErrorKind::TrailingContent { found } => format!(
                "invalid JSON: found {} after the end of the document",
                super::strings::describe_char(*found)
            ),
            ParseErrorKind::ControlCharacterInString => {
                "invalid JSON: a control character must be escaped inside a string (use \\n, \\t or \\u00XX)".to_owned()
            }
            ParseErrorKind::InvalidEscape => {
                "invalid JSON: unknown escape sequence in a string".to_owned()
            }
            ParseErrorKind::InvalidUnicodeEscape => {
                "invalid JSON: `\\u` must be followed by four hexadecimal digits".to_owned()
            }
            ParseErrorKind::InvalidNumber => "invalid JSON: malformed number".to_owned(),
            ParseErrorKind::TooDeep => format!(
                "the JSON nests more than {MAX_DEPTH} arrays or objects deep; a RunTask request needs at most 8"
            ),
            ParseErrorKind::Comment => "invalid JSON: comments are not allowed".to_owned(),
            ParseErrorKind::TrailingComma => {
                "invalid JSON: trailing comma before the closing bracket".to_owned()
            }
            ParseErrorKind::DoubledQuote => {
                "invalid JSON: `\"\"` followed by a name: a doubled `\"` before the member name".to_owned()
            }
        }
    }

    #[must_use]
    pub fn help(&self) -> Option<&'static str> {
        match &self.kind {
            ParseErrorKind::Empty => Some("put the RunTask request, a JSON object, in the file"),
            ParseErrorKind::TrailingComma => Some("remove the comma after the last element"),
            ParseErrorKind::DoubledQuote => Some("remove one of the two `\"`"),
            ParseErrorKind::Comment => Some("remove the comment; JSON has no comments"),
            ParseErrorKind::Unexpected { found: '\'', .. } => {
                Some("JSON strings use double quotes")
            }
            ParseErrorKind::TrailingContent { .. } => {
                Some("a request is a single JSON object; remove what follows it")
            }
            _ => None,
        }
    }
}


/// How many bytes at the start of `s` are plain string content: everything up to the first `"`,
/// `\\` or control character. Eight bytes at a time, then the rest byte by byte. Every byte it
/// reads is ORed into `seen`, whose high bits then tell whether a non-ASCII byte was met.
#[inline]
fn plain_run(s: &[u8], seen: &mut u64) -> usize {
    let mut i = 0;
    while let Some(chunk) = s.get(i..i + 8) {
        let v = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        *seen |= v;
        // The high bit of each byte below 0x20 (no carry: (b & 0x7F) + 0x60 stays below 0x100),
        // of each `"` and of each `\\`.
        let control = !(((v & 0x7F7F_7F7F_7F7F_7F7F) + 0x6060_6060_6060_6060) | v) & 0x8080_8080_8080_8080;
        let special = control | byte_mask(v, b'"') | byte_mask(v, b'\\');
        if special != 0 {
            return i + special.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    for (k, &b) in s[i..].iter().enumerate() {
        if STRING_SPECIAL[b as usize] {
            return i + k;
        }
        *seen |= u64::from(b);
    }
    s.len()
}

/// A member name's one-byte hash for a [`ByteSet`]: from its length and its first and last
/// bytes (equal names hash alike), cheap enough to take for every member the parser reads.
#[inline(always)]
fn name_hash(name: &[u8]) -> u8 {
    let (first, last) = (name.first().copied().unwrap_or(0), name.last().copied().unwrap_or(0));
    (name.len().wrapping_mul(37) ^ usize::from(first).wrapping_mul(7) ^ usize::from(last).wrapping_mul(131)) as u8
}

static STRING_SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = true;
        i += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

/// What [`Parser::parse`] returns.
pub(crate) struct Parsed {
    pub(crate) nodes: Vec<Node>,
    pub(crate) line_starts: Vec<u32>,
    /// Whether the whole text is ASCII.
    pub(crate) ascii: bool,
    /// Whether some member is shadowed by a later one of the same name.
    pub(crate) shadowed: bool,
}

/// The member name of the value being read: its span, quotes included, and whether it has
/// escapes (`FLAG_KEY_ESCAPED`); `NONE` for array elements and the root.
#[derive(Clone, Copy)]
struct Key {
    start: u32,
    end: u32,
    flags: u8,
}

impl Key {
    const NONE: Key = Key { start: NONE, end: NONE, flags: 0 };

    /// A node of `kind` starting at `start` with this member name, and `flags` besides the name's.
    #[inline(always)]
    fn node(self, kind: Kind, start: u32, parent: NodeId, flags: u8) -> Node {
        let mut node = Node::new(kind, start, parent);
        node.key_start = self.start;
        node.key_end = self.end;
        node.flags = flags | self.flags;
        node
    }
}

/// The children of the container being read: how many, the first and the last so far.
struct Children {
    count: u32,
    first: NodeId,
    last: NodeId,
}

impl Default for Children {
    fn default() -> Self {
        Children { count: 0, first: NONE, last: NONE }
    }
}

impl Children {
    #[inline(always)]
    fn add(&mut self, child: NodeId) {
        if self.first == NONE {
            self.first = child;
        }
        self.last = child;
        self.count += 1;
    }
}

/// The member names of the object being read, as far as shadowing goes: the set of their
/// [`name_hash`]es, whether a hash came again, whether a name has escapes. Equal names (without
/// escapes) have equal hashes, so an object where neither happened has no shadowed member and
/// [`Parser::mark_shadowed`] need not look at it.
#[derive(Default)]
struct Names {
    hashes: ByteSet,
    repeat: bool,
    escaped: bool,
}

impl Names {
    #[inline(always)]
    fn add(&mut self, raw: &[u8], escaped: bool) {
        self.repeat |= self.hashes.insert(name_hash(raw));
        self.escaped |= escaped;
    }

    /// Whether two members may have the same name.
    fn may_repeat(&self) -> bool {
        self.repeat || self.escaped
    }
}

pub(crate) struct Parser<'s> {
    src: &'s [u8],
    pos: usize,
    pub(crate) nodes: Vec<Node>,
    /// Where each line starts, as [`super::LineIndex`] counts lines: in JSON every line break is
    /// white space between tokens, so `skip_ws` meets them all on the way.
    pub(crate) line_starts: Vec<u32>,
    /// Every byte of string content read, ORed: in JSON that parses, only strings can hold
    /// non-ASCII text, so the text is ASCII when no high bit is set here.
    seen: u64,
    /// Whether some member is shadowed by a later one of the same name.
    shadowed: bool,
}

impl<'s> Parser<'s> {
    pub(crate) fn new(src: &'s str, skip: usize) -> Self {
        // Requests have about one node per 10–15 bytes; start there and let it grow.
        // About one line per 20 bytes in pretty-printed JSON (one for minified: no growth).
        let mut line_starts = Vec::with_capacity(src.len() / 20 + 2);
        line_starts.push(0);
        Parser { src: src.as_bytes(), pos: skip, nodes: Vec::with_capacity(src.len() / 8 + 8), line_starts, seen: 0, shadowed: false }
    }

    fn err<T>(&self, kind: ParseErrorKind) -> Result<T, ParseError> {
        Err(ParseError { kind, offset: self.pos })
    }

    fn found_here(&self) -> char {
        // Safe: `pos` always sits on a char boundary when this is called.
        std::str::from_utf8(&self.src[self.pos..])
            .ok()
            .and_then(|s| s.chars().next())
            .unwrap_or('\u{FFFD}')
    }

    fn unexpected<T>(&self, expected: &'static str) -> Result<T, ParseError> {
        if self.pos >= self.src.len() {
            return self.err(ParseErrorKind::UnexpectedEnd { expected });
        }
        let found = self.found_here();
        if found == '/' && matches!(self.src.get(self.pos + 1), Some(b'/' | b'*')) {
            return self.err(ParseErrorKind::Comment);
        }
        self.err(ParseErrorKind::Unexpected { found, expected })
    }

    #[inline(always)]
    fn skip_ws(&mut self) {
        while let Some(&b) = self.src.get(self.pos) {
            match b {
                b' ' | b'\t' => {}
                // A line ends at `\n`, at `\r\n` (after the `\n`) and at a lone `\r`.
                b'\n' => {
                    self.pos += 1;
                    self.line_starts.push(self.pos as u32);
                    // The next line's indentation, eight spaces at a time.
                    while let Some(chunk) = self.src.get(self.pos..self.pos + 8) {
                        let other = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])) ^ 0x2020_2020_2020_2020;
                        if other != 0 {
                            self.pos += other.trailing_zeros() as usize / 8;
                            break;
                        }
                        self.pos += 8;
                    }
                    continue;
                }
                b'\r' => {
                    if self.src.get(self.pos + 1) != Some(&b'\n') {
                        self.line_starts.push(self.pos as u32 + 1);
                    }
                }
                _ => break,
            }
            self.pos += 1;
        }
    }

    /// Appends `node`, the `index`-th child of its parent, after `prev`, the parent's previous
    /// child (NONE for the first); the parent's own counts are set when it closes.
    #[inline(always)]
    fn push(&mut self, mut node: Node, index: u32, prev: NodeId) -> NodeId {
        let id = self.nodes.len() as NodeId;
        node.index = index;
        self.nodes.push(node);
        if prev != NONE {
            self.nodes[prev as usize].next_sibling = id;
        }
        id
    }

    /// Scans a string starting at the opening quote; returns (end offset, had escapes).
    #[inline(always)]
    fn scan_string(&mut self) -> Result<bool, ParseError> {
        debug_assert_eq!(self.src[self.pos], b'"');
        self.pos += 1;
        let mut escaped = false;
        loop {
            // The plain run: everything but `"`, `\\` and control characters.
            self.pos += plain_run(&self.src[self.pos.min(self.src.len())..], &mut self.seen);
            let Some(&b) = self.src.get(self.pos) else {
                return self.err(ParseErrorKind::UnexpectedEnd { expected: "a closing `\"`" });
            };
            match b {
                b'"' => {
                    self.pos += 1;
                    return Ok(escaped);
                }
                b'\\' => {
                    escaped = true;
                    match self.src.get(self.pos + 1) {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                            self.pos += 2;
                        }
                        Some(b'u') => {
                            let hex = self.src.get(self.pos + 2..self.pos + 6);
                            if !hex.is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
                                return self.err(ParseErrorKind::InvalidUnicodeEscape);
                            }
                            self.pos += 6;
                        }
                        None => {
                            return self.err(ParseErrorKind::UnexpectedEnd {
                                expected: "a closing `\"`",
                            })
                        }
                        Some(_) => return self.err(ParseErrorKind::InvalidEscape),
                    }
                }
                0..=0x1F => return self.err(ParseErrorKind::ControlCharacterInString),
                _ => self.pos += 1,
            }
        }
    }

    fn scan_number(&mut self) -> Result<(), ParseError> {
        let s = self.src;
        let start = self.pos;
        let mut p = self.pos;
        if s.get(p) == Some(&b'-') {
            p += 1;
        }
        match s.get(p) {
            Some(b'0') => p += 1,
            Some(b'1'..=b'9') => {
                while s.get(p).is_some_and(u8::is_ascii_digit) {
                    p += 1;
                }
            }
            _ => {
                self.pos = p;
                return if p == start { self.unexpected("a value") } else { self.err(ParseErrorKind::InvalidNumber) };
            }
        }
        if s.get(p) == Some(&b'.') {
            p += 1;
            if !s.get(p).is_some_and(u8::is_ascii_digit) {
                self.pos = p;
                return self.err(ParseErrorKind::InvalidNumber);
            }
            while s.get(p).is_some_and(u8::is_ascii_digit) {
                p += 1;
            }
        }
        if matches!(s.get(p), Some(b'e' | b'E')) {
            p += 1;
            if matches!(s.get(p), Some(b'+' | b'-')) {
                p += 1;
            }
            if !s.get(p).is_some_and(u8::is_ascii_digit) {
                self.pos = p;
                return self.err(ParseErrorKind::InvalidNumber);
            }
            while s.get(p).is_some_and(u8::is_ascii_digit) {
                p += 1;
            }
        }
        self.pos = p;
        Ok(())
    }

    fn literal(&mut self, word: &'static [u8]) -> Result<(), ParseError> {
        if self.src[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else {
            self.unexpected("a value")
        }
    }

    /// Parses the value at `pos` (white space already skipped): the `index`-th child of `parent`,
    /// placed after `prev`, its previous sibling; `key` is its member name's span and flag when it
    /// is an object member. `depth` counts the arrays and objects it is in. Containers are read
    /// to their close, so the recursion is at most [`MAX_DEPTH`] deep.
    fn value(&mut self, parent: NodeId, index: u32, prev: NodeId, key: Key, depth: usize) -> Result<NodeId, ParseError> {
        let start = self.pos as u32;
        let Some(&b) = self.src.get(self.pos) else {
            return self.unexpected("a value");
        };
        let (kind, flags) = match b {
            b'{' | b'[' => {
                if depth >= MAX_DEPTH {
                    return self.err(ParseErrorKind::TooDeep);
                }
                let kind = if b == b'{' { Kind::Object } else { Kind::Array };
                let id = self.push(key.node(kind, start, parent, 0), index, prev);
                self.pos += 1;
                if kind == Kind::Object {
                    self.object(id, depth + 1)?;
                } else {
                    self.array(id, depth + 1)?;
                }
                return Ok(id);
            }
            b'"' => (Kind::String, if self.scan_string()? { FLAG_VALUE_ESCAPED } else { 0 }),
            b't' => {
                self.literal(b"true")?;
                (Kind::Bool, FLAG_TRUE)
            }
            b'f' => {
                self.literal(b"false")?;
                (Kind::Bool, 0)
            }
            b'n' => {
                self.literal(b"null")?;
                (Kind::Null, 0)
            }
            b'-' | b'0'..=b'9' => {
                self.scan_number()?;
                (Kind::Number, 0)
            }
            _ => return self.unexpected("a value"),
        };
        let mut node = key.node(kind, start, parent, flags);
        node.end = self.pos as u32;
        Ok(self.push(node, index, prev))
    }

    /// Reads the members of the object `id`, from after its `{` to after its `}`.
    fn object(&mut self, id: NodeId, depth: usize) -> Result<(), ParseError> {
        self.skip_ws();
        let mut children = Children::default();
        let mut names = Names::default();
        if self.src.get(self.pos) != Some(&b'}') {
            loop {
                if self.src.get(self.pos) != Some(&b'"') {
                    return self.unexpected("a member name in double quotes");
                }
                let key_start = self.pos as u32;
                let key_escaped = self.scan_string()?;
                let key_end = self.pos as u32;
                // The `:` nearly always follows the name directly.
                if self.src.get(self.pos) != Some(&b':') {
                    self.skip_ws();
                }
                if self.src.get(self.pos) != Some(&b':') {
                    if key_end - key_start == 2 && self.src.get(self.pos).is_some_and(|b| b.is_ascii_alphanumeric()) && self.pos == key_end as usize {
                        self.pos = key_start as usize;
                        return self.err(ParseErrorKind::DoubledQuote);
                    }
                    return self.unexpected("`:` after the member name");
                }
                self.pos += 1;
                // After the `:`, nearly always one space, then the value.
                if self.src.get(self.pos) == Some(&b' ') && self.src.get(self.pos + 1).is_some_and(|&b| b > b' ') {
                    self.pos += 1;
                } else {
                    self.skip_ws();
                }
                names.add(&self.src[key_start as usize + 1..key_end as usize - 1], key_escaped);
                let key = Key { start: key_start, end: key_end, flags: if key_escaped { FLAG_KEY_ESCAPED } else { 0 } };
                children.add(self.value(id, children.count, children.last, key, depth)?);
                if self.closes_after_element(b'}', "`,` or `}`")? {
                    break;
                }
            }
        }
        self.pos += 1;
        self.close(id, &children);
        if children.count > 1 && names.may_repeat() {
            self.mark_shadowed(id, names.escaped);
        }
        Ok(())
    }

    /// Reads the elements of the array `id`, from after its `[` to after its `]`.
    fn array(&mut self, id: NodeId, depth: usize) -> Result<(), ParseError> {
        self.skip_ws();
        let mut children = Children::default();
        if self.src.get(self.pos) != Some(&b']') {
            loop {
                children.add(self.value(id, children.count, children.last, Key::NONE, depth)?);
                if self.closes_after_element(b']', "`,` or `]`")? {
                    break;
                }
            }
        }
        self.pos += 1;
        self.close(id, &children);
        Ok(())
    }

    /// After an element of an array or a member of an object: a `,` and the next one (a trailing
    /// comma is an error), or the container's `close` (left for the caller, which returns true).
    #[inline(always)]
    fn closes_after_element(&mut self, close: u8, expected: &'static str) -> Result<bool, ParseError> {
        self.skip_ws();
        match self.src.get(self.pos) {
            Some(b',') => {
                self.pos += 1;
                self.skip_ws();
                if self.src.get(self.pos) == Some(&close) {
                    return self.err(ParseErrorKind::TrailingComma);
                }
                Ok(false)
            }
            Some(&b) if b == close => Ok(true),
            _ => self.unexpected(expected),
        }
    }

    /// Records a container's end (just read) and its children.
    fn close(&mut self, id: NodeId, children: &Children) {
        let n = &mut self.nodes[id as usize];
        n.end = self.pos as u32;
        n.len = children.count;
        n.first_child = children.first;
    }

    /// Marks the members of `object` whose name appears again later in it: AWS (like Python's
    /// `json`) keeps only the last, so rules must not look at the earlier ones.
    ///
    /// Called only for an object whose [`Names`] say two members may share a name (`any_escaped`:
    /// some name has escapes). Linear in the members: walking them from the last, a name already
    /// seen is shadowed. Names are compared as decoded (`"\u0061"` is `"a"`), each decoded once;
    /// small objects without escapes compare raw bytes, and only the names whose hash (length,
    /// first and last byte) an earlier name shares, which is cheaper than a hash set.
    fn mark_shadowed(&mut self, object: NodeId, any_escaped: bool) {
        let raw = |p: &Self, id: NodeId| -> &'s [u8] {
            let n = &p.nodes[id as usize];
            &p.src[n.key_start as usize + 1..n.key_end as usize - 1]
        };
        let next = |p: &Self, id: NodeId| p.nodes[id as usize].next_sibling;
        let first = self.nodes[object as usize].first_child;
        if !any_escaped && self.nodes[object as usize].len as usize <= SMALL_OBJECT {
            // Only a name whose hash an earlier name has is compared with the members before it,
            // each equal one being shadowed.
            let mut hashes = ByteSet::default();
            let mut b = first;
            while b != NONE {
                let name = raw(self, b);
                if hashes.insert(name_hash(name)) {
                    let mut a = first;
                    while a != b {
                        if raw(self, a) == name {
                            self.nodes[a as usize].flags |= FLAG_SHADOWED;
                            self.shadowed = true;
                        }
                        a = next(self, a);
                    }
                }
                b = next(self, b);
            }
            return;
        }
        let mut ids = Vec::with_capacity(self.nodes[object as usize].len as usize);
        let mut c = first;
        while c != NONE {
            ids.push(c);
            c = next(self, c);
        }
        let mut seen: std::collections::HashSet<std::borrow::Cow<'s, [u8]>> = std::collections::HashSet::with_capacity(ids.len());
        for &id in ids.iter().rev() {
            let bytes = raw(self, id);
            let name: std::borrow::Cow<'s, [u8]> = if self.nodes[id as usize].flags & FLAG_KEY_ESCAPED != 0 {
                // The parser checked the escapes, so the text is valid UTF-8.
                std::borrow::Cow::Owned(super::strings::unescape(std::str::from_utf8(bytes).unwrap_or("")).into_bytes())
            } else {
                std::borrow::Cow::Borrowed(bytes)
            };
            if !seen.insert(name) {
                self.nodes[id as usize].flags |= FLAG_SHADOWED;
                self.shadowed = true;
            }
        }
    }

    /// What the parse found.
    pub(crate) fn parse(mut self) -> Result<Parsed, ParseError> {
        // What comes before `pos` (a byte-order mark) is part of the text too.
        let head_ascii = self.src[..self.pos.min(self.src.len())].is_ascii();
        self.skip_ws();
        if self.pos >= self.src.len() {
            return self.err(ParseErrorKind::Empty);
        }
        self.value(NONE, 0, NONE, Key::NONE, 0)?;
        self.skip_ws();
        if self.pos < self.src.len() {
            let found = self.found_here();
            return self.err(ParseErrorKind::TrailingContent { found });
        }
        let ascii = head_ascii && self.seen & 0x8080_8080_8080_8080 == 0;
        Ok(Parsed { nodes: self.nodes, line_starts: self.line_starts, ascii, shadowed: self.shadowed })
    }
}

#[cfg(test)]
mod tests {
    /// The eight-bytes-at-a-time run ends where the byte-by-byte table says, on text with every
    /// kind of byte near chunk edges.
    #[test]
    fn plain_run_matches_the_table() {
        use proptest::prelude::*;
        let naive = |s: &[u8]| s.iter().position(|&b| super::STRING_SPECIAL[b as usize]).unwrap_or(s.len());
        let run = |s: &[u8]| super::plain_run(s, &mut 0);
        let byte = prop_oneof![Just(b'a'), Just(b' '), Just(b'"'), Just(b'\\'), Just(0x1F), Just(0x20), Just(0x7F), Just(0x80), Just(0xE6), any::<u8>()];
        let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config { cases: 3000, ..Default::default() });
        runner
            .run(&proptest::collection::vec(byte, 0..40), |bytes| {
                prop_assert_eq!(run(&bytes), naive(&bytes), "{:?}", bytes);
                Ok(())
            })
            .unwrap();
        // Every byte value in the first chunk, the second and the tail.
        for b in 0..=255u8 {
            for at in [3, 9, 17] {
                let mut s = [b'x'; 20];
                s[at] = b;
                assert_eq!(run(&s), naive(&s), "byte {b:#04x} at {at}");
            }
        }
    }
}
