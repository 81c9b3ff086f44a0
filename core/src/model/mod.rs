//! The RunTask request model: botocore's shapes (types, required members, enums, min/max) with
//! the member documentation, generated from `spec/`. The type rules walk it, and the JSON Schema
//! is built from it.

/// A member's documentation, or nothing without the `docs` feature.
macro_rules! member_doc {
    ($text:literal) => {
        if cfg!(feature = "docs") {
            $text
        } else {
            ""
        }
    };
}

// `generated` uses `member_doc!` by textual scope (it is declared above `mod generated`).
#[rustfmt::skip]
mod generated;

pub use generated::*;

mod shape_map;
pub use shape_map::child_shape;

/// A botocore shape.
#[derive(Debug)]
pub struct Shape {
    pub name: &'static str,
    pub doc: &'static str,
    pub kind: ShapeKind,
}

#[derive(Debug)]
pub enum ShapeKind {
    String {
        enum_values: &'static [&'static str],
        min: Option<u32>,
        max: Option<u32>,
        pattern: Option<&'static str>,
    },
    Integer {
        min: Option<i64>,
        max: Option<i64>,
    },
    Boolean,
    List {
        member: &'static Shape,
        min: Option<u32>,
        max: Option<u32>,
        sensitive: bool,
    },
    Structure {
        members: &'static [Member],
        required: &'static [&'static str],
        union: bool,
    },
}

/// A member of a structure.
#[derive(Debug)]
pub struct Member {
    pub name: &'static str,
    pub shape: &'static Shape,
    pub doc: &'static str,
}

impl Shape {
    /// The member called `name` when this shape is a structure.
    #[must_use]
    pub fn member(&self, name: &str) -> Option<&'static Member> {
        match &self.kind {
            ShapeKind::Structure { members, .. } => members.iter().find(|m| m.name == name),
            _ => None,
        }
    }

    /// The members when this shape is a structure.
    #[must_use]
    pub fn members(&self) -> &'static [Member] {
        match &self.kind {
            ShapeKind::Structure { members, .. } => members,
            _ => &[],
        }
    }

    /// The JSON type this shape takes, as words for messages.
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            ShapeKind::String { .. } => "string",
            ShapeKind::Integer { .. } => "integer",
            ShapeKind::Boolean => "boolean",
            ShapeKind::List { .. } => "array",
            ShapeKind::Structure { .. } => "object",
        }
    }

    /// The enum values, empty when the shape is not an enum.
    #[must_use]
    pub fn enum_values(&self) -> &'static [&'static str] {
        match self.kind {
            ShapeKind::String { enum_values, .. } => enum_values,
            _ => &[],
        }
    }
}

/// The shape of the whole request.
#[must_use]
pub fn request() -> &'static Shape {
    &RUN_TASK_REQUEST
}
