//! RT1xx (RT101–RT109): the request against the model: member names, JSON types, nulls,
//! required members, enum values, and the numeric, length and count limits of the model and of
//! `data::limits`.

use std::borrow::Cow;

use crate::json::{Document, Kind, NodeId};
use crate::model::{self, Shape, ShapeKind};
use crate::registry::Rule;

pub mod invalid_enum_value;
pub mod invalid_type;
pub mod item_count_out_of_range;
pub mod length_out_of_range;
pub mod missing_required_member;
pub mod null_value;
pub mod tagged_union_members;
pub mod unknown_member;
pub mod value_out_of_range;

pub(crate) static RULES: &[&Rule] = &[
    &unknown_member::RULE,
    &invalid_type::RULE,
    &null_value::RULE,
    &missing_required_member::RULE,
    &invalid_enum_value::RULE,
    &value_out_of_range::RULE,
    &length_out_of_range::RULE,
    &item_count_out_of_range::RULE,
    &tagged_union_members::RULE,
];

/// The model shape of each node. Parents come before their children in the arena, so one pass
/// in order suffices.
pub(crate) fn shape_map(doc: &Document<'_>) -> Vec<Option<&'static Shape>> {
    let mut shapes: Vec<Option<&'static Shape>> = vec![None; doc.len()];
    if shapes.is_empty() {
        return shapes;
    }
    shapes[0] = Some(model::request());
    for id in doc.ids().skip(1) {
        let Some(parent) = doc.parent(id) else { continue };
        let Some(ps) = shapes[parent as usize] else { continue };
        shapes[id as usize] = match (&ps.kind, doc.kind(parent)) {
            (ShapeKind::Structure { .. }, Kind::Object) => doc.key(id).and_then(|k| ps.member(&k)).map(|m| m.shape),
            (ShapeKind::List { member, .. }, Kind::Array) => Some(*member),
            _ => None,
        };
    }
    shapes
}

/// Calls `f` with each node a pointer pattern (`*` matches any array index) names, without
/// allocating. The first segment comes from the request index.
pub(crate) fn for_each_match(doc: &Document<'_>, req: &crate::context::Request, pattern: &str, f: &mut dyn FnMut(NodeId)) {
    fn walk(doc: &Document<'_>, id: NodeId, rest: &str, f: &mut dyn FnMut(NodeId)) {
        let Some(rest) = rest.strip_prefix('/') else {
            f(id);
            return;
        };
        let (seg, tail) = rest.find('/').map_or((rest, ""), |i| (&rest[..i], &rest[i..]));
        if seg == "*" {
            for c in doc.elements(Some(id)) {
                walk(doc, c, tail, f);
            }
        } else if let Some(c) = doc.get(id, seg) {
            walk(doc, c, tail, f);
        }
    }
    let rest = pattern.strip_prefix('/').unwrap_or(pattern);
    let (first, tail) = rest.find('/').map_or((rest, ""), |i| (&rest[..i], &rest[i..]));
    match req.member(first) {
        Some(Some(id)) => walk(doc, id, tail, f),
        Some(None) => {}
        None => walk(doc, doc.root(), pattern, f),
    }
}


/// The dotted path botocore uses in its messages, e.g. `overrides.containerOverrides[0].cpu`.
pub(crate) fn dotted(doc: &Document<'_>, id: NodeId) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut cur = id;
    while let Some(parent) = doc.parent(cur) {
        if doc.kind(parent) == Kind::Array {
            parts.push(format!("[{}]", doc.index(cur)));
        } else {
            parts.push(format!(".{}", doc.key(cur).unwrap_or_default()));
        }
        cur = parent;
    }
    parts.reverse();
    let s = parts.concat();
    s.strip_prefix('.').map(str::to_owned).unwrap_or(s)
}

/// A short description of a value for messages: `the string "2"`, `the number 1.5`. Values in
/// `environment` are masked.
pub(crate) fn describe(doc: &Document<'_>, id: NodeId, sensitive: bool) -> Cow<'static, str> {
    let kind = doc.kind(id);
    if sensitive && matches!(kind, Kind::String | Kind::Number | Kind::Bool) {
        return Cow::Owned(format!("a {} (value hidden)", kind.describe()));
    }
    match kind {
        Kind::String => {
            let raw = doc.raw(id);
            Cow::Owned(format!("the string {}", shorten(raw, 40)))
        }
        Kind::Number => Cow::Owned(format!("the number {}", shorten(doc.raw(id), 40))),
        Kind::Bool => Cow::Owned(format!("`{}`", doc.raw(id))),
        Kind::Null => Cow::Borrowed("`null`"),
        Kind::Array => Cow::Borrowed("an array"),
        Kind::Object => Cow::Borrowed("an object"),
    }
}

/// At most `max` characters of `s`, with an ellipsis when cut.
pub(crate) fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let cut: String = s.chars().take(max).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotted_paths_match_botocore() {
        let doc = Document::parse(r#"{"overrides":{"containerOverrides":[{"cpu":"256"}]}}"#).unwrap();
        let mut cpu = Vec::new();
        let req = crate::context::Request::index(&doc);
        for_each_match(&doc, &req, "/overrides/containerOverrides/*/cpu", &mut |id| cpu.push(id));
        assert_eq!(cpu.len(), 1);
        assert_eq!(dotted(&doc, cpu[0]), "overrides.containerOverrides[0].cpu");
    }

    #[test]
    fn shapes_follow_the_model() {
        let doc = Document::parse(r#"{"tags":[{"key":"a"}],"bogus":{"x":1}}"#).unwrap();
        let shapes = shape_map(&doc);
        let key = doc.resolve("/tags/0/key").unwrap();
        assert_eq!(shapes[key as usize].unwrap().name, "TagKey");
        let x = doc.resolve("/bogus/x").unwrap();
        assert!(shapes[x as usize].is_none());
    }
}
