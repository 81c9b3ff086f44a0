//! The nodes of a parsed document: a flat arena where every value and every object key keeps its
//! byte range in the source.

/// Index of a node in [`super::Document`]'s arena.
pub type NodeId = u32;

/// Marks "no node" in the arena links.
pub const NONE: NodeId = u32::MAX;

/// The JSON type of a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
    /// A member that is present but whose value is known only at run time (a JSONPath or
    /// JSONata expression, a CloudFormation intrinsic, a shell variable...): see
    /// [`super::Document::set_dynamic`]. Value rules skip it; presence rules see it.
    Dynamic,
}

impl Kind {
    /// The word used for this type in messages: "string", "integer" is decided by the caller.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Bool => "boolean",
            Kind::Number => "number",
            Kind::String => "string",
            Kind::Array => "array",
            Kind::Object => "object",
            Kind::Dynamic => "value known only at run time",
        }
    }
}

pub(crate) const FLAG_TRUE: u8 = 1;
pub(crate) const FLAG_VALUE_ESCAPED: u8 = 2;
pub(crate) const FLAG_KEY_ESCAPED: u8 = 4;
/// An object member whose name appears again later in the same object.
pub(crate) const FLAG_SHADOWED: u8 = 8;
/// A value known only at run time (the text holds a `null` in its place).
pub(crate) const FLAG_DYNAMIC: u8 = 16;

/// One value in the document. Containers link to their children; object members carry the span of
/// their key. Offsets are UTF-8 byte offsets into the source.
#[derive(Clone, Debug)]
pub struct Node {
    pub(crate) kind: Kind,
    pub(crate) flags: u8,
    /// Byte range of the value (strings include their quotes).
    pub(crate) start: u32,
    pub(crate) end: u32,
    /// Byte range of the member name, quotes included, when this node is an object member.
    pub(crate) key_start: u32,
    pub(crate) key_end: u32,
    pub(crate) parent: NodeId,
    pub(crate) first_child: NodeId,
    pub(crate) next_sibling: NodeId,
    /// Number of children (containers) ; position in the parent array (array elements).
    pub(crate) len: u32,
    pub(crate) index: u32,
}

impl Node {
    pub(crate) fn new(kind: Kind, start: u32, parent: NodeId) -> Self {
        Node {
            kind,
            flags: 0,
            start,
            end: start,
            key_start: NONE,
            key_end: NONE,
            parent,
            first_child: NONE,
            next_sibling: NONE,
            len: 0,
            index: 0,
        }
    }
}

/// A byte range in the source, half open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct TextRange {
    pub start: u32,
    pub end: u32,
}

impl TextRange {
    #[must_use]
    pub const fn new(start: u32, end: u32) -> Self {
        TextRange { start, end }
    }

    #[must_use]
    pub fn contains_range(self, other: TextRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    #[must_use]
    pub fn len(self) -> u32 {
        self.end - self.start
    }

    #[must_use]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}
