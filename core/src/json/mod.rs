//! The span-aware JSON layer: a strict parser into a flat node arena, accessors that decode
//! strings on demand, JSON pointers (RFC 6901) and the line index.

mod line_index;
mod names;
mod node;
mod parser;
mod pointer;
mod strings;
mod compact;

use std::borrow::Cow;

pub use line_index::{utf16_len, LineIndex, Position};
pub(crate) use line_index::byte_mask;
pub(crate) use names::{same_bytes, ByteSet};
pub use node::{Kind, NodeId, TextRange, NONE};
pub use parser::{ParseError, ParseErrorKind, MAX_DEPTH};
pub use pointer::{escape_segment, Pointer};
pub(crate) use strings::unescape_spans;
pub use strings::{describe_char, json_string};
pub use compact::compact_len;

use node::{Node, FLAG_DYNAMIC, FLAG_KEY_ESCAPED, FLAG_SHADOWED, FLAG_TRUE, FLAG_VALUE_ESCAPED};

/// A parsed JSON document. Nodes refer to the source by byte ranges.
pub struct Document<'s> {
    src: &'s str,
    nodes: Vec<Node>,
    /// Where each line of `src` starts, found by the parser on its way.
    line_starts: Vec<u32>,
    /// Whether `src` is ASCII, found by the parser on its way.
    ascii: bool,
    /// Whether some member is shadowed (see [`Document::is_shadowed`]).
    shadowed: bool,
}

impl<'s> Document<'s> {
    /// Parses `src` starting at byte `skip` (used to step over a byte-order mark).
    pub fn parse_from(src: &'s str, skip: usize) -> Result<Self, ParseError> {
        let parser::Parsed { nodes, line_starts, ascii, shadowed } = parser::Parser::new(src, skip).parse()?;
        Ok(Document { src, nodes, line_starts, ascii, shadowed })
    }

    /// The line index of the source, its line starts and whether it is ASCII already known from
    /// the parse.
    #[must_use]
    pub fn line_index(&self) -> LineIndex<'_> {
        LineIndex::with_starts(self.src, &self.line_starts, self.ascii)
    }

    pub fn parse(src: &'s str) -> Result<Self, ParseError> {
        Self::parse_from(src, 0)
    }

    #[must_use]
    pub fn source(&self) -> &'s str {
        self.src
    }

    #[must_use]
    pub fn root(&self) -> NodeId {
        0
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    #[inline]
    fn n(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    /// The node's JSON type, or [`Kind::Dynamic`] for a value known only at run time.
    #[must_use]
    pub fn kind(&self, id: NodeId) -> Kind {
        let n = self.n(id);
        if n.flags & FLAG_DYNAMIC != 0 {
            Kind::Dynamic
        } else {
            n.kind
        }
    }

    /// Marks a `null` node as standing for a value known only at run time: [`Self::kind`] then
    /// says [`Kind::Dynamic`], and the value accessors (`str`, `int`, `bool`, `get`, `elements`)
    /// find nothing, so value rules skip it while presence rules still see the member.
    pub fn set_dynamic(&mut self, id: NodeId) {
        if let Some(n) = self.nodes.get_mut(id as usize) {
            if n.kind == Kind::Null {
                n.flags |= FLAG_DYNAMIC;
            }
        }
    }

    /// Whether the node stands for a value known only at run time.
    #[must_use]
    pub fn is_dynamic(&self, id: NodeId) -> bool {
        self.n(id).flags & FLAG_DYNAMIC != 0
    }

    #[must_use]
    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        let p = self.n(id).parent;
        (p != NONE).then_some(p)
    }

    /// The value's byte range.
    #[must_use]
    pub fn range(&self, id: NodeId) -> TextRange {
        let n = self.n(id);
        TextRange::new(n.start, n.end)
    }

    /// The byte range of the member name (quotes included) when `id` is an object member.
    #[must_use]
    pub fn key_range(&self, id: NodeId) -> Option<TextRange> {
        let n = self.n(id);
        (n.key_start != NONE).then(|| TextRange::new(n.key_start, n.key_end))
    }

    /// The whole member, `"key": value`, or just the value for array elements and the root.
    #[must_use]
    pub fn member_range(&self, id: NodeId) -> TextRange {
        let n = self.n(id);
        if n.key_start == NONE {
            TextRange::new(n.start, n.end)
        } else {
            TextRange::new(n.key_start, n.end)
        }
    }

    /// The raw source text of the value.
    #[must_use]
    pub fn raw(&self, id: NodeId) -> &'s str {
        let n = self.n(id);
        &self.src[n.start as usize..n.end as usize]
    }

    /// The member name of an object member, decoded.
    #[must_use]
    pub fn key(&self, id: NodeId) -> Option<Cow<'s, str>> {
        let n = self.n(id);
        if n.key_start == NONE {
            return None;
        }
        let inner = &self.src[n.key_start as usize + 1..n.key_end as usize - 1];
        Some(if n.flags & FLAG_KEY_ESCAPED != 0 { Cow::Owned(strings::unescape(inner)) } else { Cow::Borrowed(inner) })
    }

    /// The member name as written between the quotes (escapes not decoded); empty when `id` is
    /// not an object member.
    #[must_use]
    pub fn key_raw(&self, id: NodeId) -> &'s str {
        let n = self.n(id);
        if n.key_start == NONE {
            return "";
        }
        &self.src[n.key_start as usize + 1..n.key_end as usize - 1]
    }

    /// The index of an array element in its parent.
    #[must_use]
    pub fn index(&self, id: NodeId) -> u32 {
        self.n(id).index
    }

    #[inline]
    fn key_is(&self, id: NodeId, name: &str) -> bool {
        let n = self.n(id);
        if n.flags & FLAG_KEY_ESCAPED != 0 {
            let inner = &self.src[n.key_start as usize + 1..n.key_end as usize - 1];
            return strings::unescape(inner) == name;
        }
        // Length first: most members differ in length, and this needs no slicing.
        (n.key_end - n.key_start) as usize == name.len() + 2 && same_bytes(&self.src.as_bytes()[n.key_start as usize + 1..n.key_end as usize - 1], name.as_bytes())
    }

    /// Whether `id` is an object member whose name appears again later in the same object: AWS
    /// keeps only the last, so this one (and everything in it) is ignored.
    #[must_use]
    pub fn is_shadowed(&self, id: NodeId) -> bool {
        self.n(id).flags & FLAG_SHADOWED != 0
    }

    /// Whether any member of the document is shadowed: without one, [`Self::is_shadowed`] is
    /// false everywhere.
    #[must_use]
    pub fn has_shadowed(&self) -> bool {
        self.shadowed
    }

    /// Whether `id` or one of its ancestors is shadowed (see [`Self::is_shadowed`]).
    #[must_use]
    pub fn in_shadowed(&self, id: NodeId) -> bool {
        if !self.shadowed {
            return false;
        }
        let mut cur = Some(id);
        while let Some(n) = cur {
            if self.is_shadowed(n) {
                return true;
            }
            cur = self.parent(n);
        }
        false
    }

    /// Whether the member name of `id` is written with escapes.
    #[must_use]
    pub fn key_escaped(&self, id: NodeId) -> bool {
        self.n(id).flags & FLAG_KEY_ESCAPED != 0
    }

    /// Whether the string value of `id` is written with escapes.
    #[must_use]
    pub fn value_escaped(&self, id: NodeId) -> bool {
        self.n(id).flags & FLAG_VALUE_ESCAPED != 0
    }

    /// The next member or element of the same parent.
    #[must_use]
    pub fn next_sibling(&self, id: NodeId) -> Option<NodeId> {
        let n = self.n(id).next_sibling;
        (n != NONE).then_some(n)
    }

    /// Children of an array or object, in document order.
    pub fn children(&self, id: NodeId) -> Children<'_, 's> {
        Children { doc: self, next: self.n(id).first_child }
    }

    /// Number of elements or members.
    #[must_use]
    pub fn child_count(&self, id: NodeId) -> usize {
        self.n(id).len as usize
    }

    /// The value of member `name` of object `id`. With duplicate names the last one wins, as in
    /// Python's `json` module (what the AWS CLI reads files with).
    #[must_use]
    pub fn get(&self, id: NodeId, name: &str) -> Option<NodeId> {
        if self.n(id).kind != Kind::Object {
            return None;
        }
        // The parser marks every member whose name comes again later as shadowed, so the first
        // match that is not shadowed is the last one.
        self.children(id).find(|&c| !self.is_shadowed(c) && self.key_is(c, name))
    }

    /// Follows a path of member names from `id`, stopping at the first that is missing.
    #[must_use]
    pub fn path(&self, mut id: NodeId, names: &[&str]) -> Option<NodeId> {
        for name in names {
            id = self.get(id, name)?;
        }
        Some(id)
    }

    /// Elements of `id` when it is an array, else nothing.
    pub fn elements(&self, id: Option<NodeId>) -> Children<'_, 's> {
        match id {
            Some(id) if self.n(id).kind == Kind::Array => self.children(id),
            _ => Children { doc: self, next: NONE },
        }
    }

    /// The decoded string when `id` is a string.
    #[must_use]
    pub fn str(&self, id: NodeId) -> Option<Cow<'s, str>> {
        let n = self.n(id);
        if n.kind != Kind::String {
            return None;
        }
        let inner = &self.src[n.start as usize + 1..n.end as usize - 1];
        Some(if n.flags & FLAG_VALUE_ESCAPED != 0 { Cow::Owned(strings::unescape(inner)) } else { Cow::Borrowed(inner) })
    }

    /// `get` then `str`.
    #[must_use]
    #[inline(never)]
    pub fn get_str(&self, id: NodeId, name: &str) -> Option<Cow<'s, str>> {
        self.get(id, name).and_then(|v| self.str(v))
    }

    #[must_use]
    pub fn bool(&self, id: NodeId) -> Option<bool> {
        let n = self.n(id);
        (n.kind == Kind::Bool).then_some(n.flags & FLAG_TRUE != 0)
    }

    /// The value when `id` is a number written as an integer (no fraction, no exponent) that
    /// fits an i64. `1.0` and `1e3` are not integers here, as in the AWS model.
    #[must_use]
    pub fn int(&self, id: NodeId) -> Option<i64> {
        if self.n(id).kind != Kind::Number {
            return None;
        }
        integer_value(self.raw(id))
    }

    /// `get` then `int`.
    #[must_use]
    #[inline(never)]
    pub fn get_int(&self, id: NodeId, name: &str) -> Option<i64> {
        self.get(id, name).and_then(|v| self.int(v))
    }

    /// The string's length in characters (Unicode scalar values), or None when not a string.
    #[must_use]
    pub fn char_len(&self, id: NodeId) -> Option<usize> {
        self.str(id).map(|s| s.chars().count())
    }

    /// The JSON pointer of a node.
    #[must_use]
    pub fn pointer(&self, id: NodeId) -> Pointer {
        let mut up = [NONE; 16];
        // Bound before it is returned: the match's path borrows `up`.
        let pointer = match self.plain_path(id, &mut up) {
            Some(path) => write_pointer(path),
            None => write_pointer(self.steps(id).segments()),
        };
        pointer
    }

    /// The steps from the root to `id` when it is at most 16 deep and every member name on the
    /// way is written without escapes (nearly every path): read in one walk up the parents into
    /// `up`, without [`Steps`]' list or decoding. None otherwise: [`Document::steps`] reads any
    /// path. The steps are [`Document::steps`]' (a test holds them equal).
    #[inline]
    pub fn plain_path<'d>(&'d self, id: NodeId, up: &'d mut [NodeId; 16]) -> Option<impl Iterator<Item = Segment<'s>> + 'd> {
        let mut n = 0;
        let mut cur = id;
        loop {
            let node = self.n(cur);
            if node.parent == NONE {
                break;
            }
            if n == up.len() || node.flags & FLAG_KEY_ESCAPED != 0 {
                return None;
            }
            up[n] = cur;
            n += 1;
            cur = node.parent;
        }
        Some(up[..n].iter().rev().map(move |&c| {
            let node = self.n(c);
            if node.key_start == NONE {
                Segment::Index(node.index)
            } else {
                Segment::Key(&self.src[node.key_start as usize + 1..node.key_end as usize - 1], false)
            }
        }))
    }

    /// The steps from the root to `id`: its member names and array indexes, in order.
    #[must_use]
    #[inline]
    pub fn steps(&self, id: NodeId) -> Steps<'_, 's> {
        let mut path = Steps { doc: self, near: [NONE; 16], n: 0, deep: Vec::new() };
        let mut cur = id;
        while let Some(parent) = self.parent(cur) {
            if path.n < path.near.len() {
                path.near[path.n] = cur;
            } else {
                path.deep.push(cur);
            }
            path.n += 1;
            cur = parent;
        }
        path
    }

    /// The node a pointer names, if any (the last of duplicate members).
    #[must_use]
    pub fn resolve(&self, pointer: &str) -> Option<NodeId> {
        let mut id = self.root();
        for seg in pointer::parse(pointer)? {
            id = match self.kind(id) {
                Kind::Object => self.get(id, &seg)?,
                Kind::Array => {
                    let i: usize = seg.parse().ok()?;
                    self.children(id).nth(i)?
                }
                _ => return None,
            };
        }
        Some(id)
    }

    /// All nodes in document order, for walkers.
    pub fn ids(&self) -> impl Iterator<Item = NodeId> {
        0..self.nodes.len() as NodeId
    }

    /// Calls `f` with every string of the document as written between its quotes, member names
    /// and string values in the order of the text (a member's name before its value), and whether
    /// it has escapes; stops when `f` returns false.
    pub fn each_raw_string(&self, mut f: impl FnMut(&'s [u8], bool) -> bool) {
        let src = self.src.as_bytes();
        for n in &self.nodes {
            if n.key_start != NONE && !f(&src[n.key_start as usize + 1..n.key_end as usize - 1], n.flags & FLAG_KEY_ESCAPED != 0) {
                return;
            }
            if n.kind == Kind::String && !f(&src[n.start as usize + 1..n.end as usize - 1], n.flags & FLAG_VALUE_ESCAPED != 0) {
                return;
            }
        }
    }
}

/// Decodes the escapes of a raw member name.
#[must_use]
pub fn unescape_key(raw: &str) -> std::borrow::Cow<'_, str> {
    if raw.contains('\\') {
        std::borrow::Cow::Owned(strings::unescape(raw))
    } else {
        std::borrow::Cow::Borrowed(raw)
    }
}

/// The steps from the root to a node ([`Document::steps`]).
pub struct Steps<'d, 's> {
    doc: &'d Document<'s>,
    /// The nodes from `id` up, the first 16 of them (no allocation for any real request, 8 deep
    /// at most)…
    near: [NodeId; 16],
    n: usize,
    /// … and the rest.
    deep: Vec<NodeId>,
}

impl<'s> Steps<'_, 's> {
    /// The member names (raw text, whether it has escapes) and array indexes, from the root.
    pub fn segments(&self) -> impl Iterator<Item = Segment<'s>> + '_ {
        let doc = self.doc;
        self.deep.iter().rev().chain(self.near[..self.n.min(self.near.len())].iter().rev()).map(move |&c| {
            let node = doc.n(c);
            if node.key_start == NONE {
                Segment::Index(node.index)
            } else {
                Segment::Key(&doc.src[node.key_start as usize + 1..node.key_end as usize - 1], node.flags & FLAG_KEY_ESCAPED != 0)
            }
        })
    }
}

/// One step of a path, for [`Document::steps`].
#[derive(Clone, Copy, Debug)]
pub enum Segment<'s> {
    /// A member name as written (without quotes) and whether it has escapes.
    Key(&'s str, bool),
    Index(u32),
}

/// A JSON pointer from the steps of a path.
fn write_pointer<'s>(segments: impl Iterator<Item = Segment<'s>>) -> Pointer {
    // Nearly every pointer fits: one allocation, and no pass to size it (which measured slower).
    let mut out = String::with_capacity(64);
    for seg in segments {
        out.push('/');
        match seg {
            Segment::Key(raw, false) if !has_tilde_or_slash(raw) => out.push_str(raw),
            Segment::Key(raw, escaped) => {
                let key = if escaped { Cow::Owned(strings::unescape(raw)) } else { Cow::Borrowed(raw) };
                out.push_str(&escape_segment(&key));
            }
            Segment::Index(i) => push_u32(&mut out, i),
        }
    }
    Pointer::from_escaped(out)
}

/// Whether a member name has a `~` or `/`, which a pointer escapes: eight bytes at a time.
fn has_tilde_or_slash(raw: &str) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    // Whether a byte of `x` is zero (exact as a yes or no).
    let has_zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS != 0;
    let mut chunks = raw.as_bytes().chunks_exact(8);
    for chunk in &mut chunks {
        let x = u64::from_ne_bytes(chunk.try_into().unwrap_or_default());
        if has_zero_byte(x ^ (ONES * u64::from(b'~'))) || has_zero_byte(x ^ (ONES * u64::from(b'/'))) {
            return true;
        }
    }
    chunks.remainder().iter().any(|&b| b == b'~' || b == b'/')
}

/// Appends the decimal digits of `v`.
pub fn push_u32(out: &mut String, v: u32) {
    push_decimal(out, u64::from(v));
}

/// Appends the decimal digits of `v`, without the formatting machinery.
pub fn push_decimal(out: &mut String, v: u64) {
    if v < 10 {
        // Most are indexes of short lists.
        out.push(char::from(b'0' + v as u8));
        return;
    }
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut v = v;
    loop {
        i -= 1;
        buf[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    // ASCII digits only.
    out.push_str(std::str::from_utf8(&buf[i..]).unwrap_or_default());
}

/// `-?digits` with no fraction or exponent.
#[must_use]
pub fn is_integer_text(raw: &str) -> bool {
    let digits = raw.strip_prefix('-').unwrap_or(raw);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// The value of an integer text ([`is_integer_text`]), None for any other text and for integers
/// beyond `i64`. Up to 18 digits (which always fit) in one pass over the bytes; longer ones by
/// `str::parse`.
#[must_use]
#[inline]
pub fn integer_value(raw: &str) -> Option<i64> {
    let (negative, digits) = match raw.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        all => (false, all),
    };
    if digits.is_empty() {
        return None;
    }
    if digits.len() > 18 {
        return if is_integer_text(raw) { raw.parse().ok() } else { None };
    }
    let mut value = 0i64;
    for &b in digits {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        value = value * 10 + i64::from(d);
    }
    Some(if negative { -value } else { value })
}

pub struct Children<'d, 's> {
    doc: &'d Document<'s>,
    next: NodeId,
}

impl Iterator for Children<'_, '_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        self.next = self.doc.n(id).next_sibling;
        Some(id)
    }
}

#[cfg(test)]
mod tests;
