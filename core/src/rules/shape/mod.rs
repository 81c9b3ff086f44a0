//! RT1xx (RT101–RT109): the request against the model: member names, JSON types, nulls,
//! required members, enum values, and the numeric, length and count limits of the model and of
//! `data::limits`.

use std::borrow::Cow;

use crate::json::{Document, Kind, NodeId, Segment};
use std::sync::OnceLock;

use crate::data::limits::{SchemaLimit, SCHEMA_LIMITS};
use crate::model::{self, Member, Shape, ShapeKind};
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

/// The model shape of each node, and the model member of each object member.
#[derive(Debug, Clone, Default)]
pub struct ShapeMap {
    pub shapes: Vec<Option<&'static Shape>>,
    pub members: Vec<Option<&'static Member>>,
}

/// Parents come before their children in the arena, so one pass in order suffices.
pub(crate) fn shape_map(doc: &Document<'_>) -> ShapeMap {
    let mut shapes: Vec<Option<&'static Shape>> = vec![None; doc.len()];
    let mut members: Vec<Option<&'static Member>> = vec![None; doc.len()];
    if shapes.is_empty() {
        return ShapeMap { shapes, members };
    }
    shapes[0] = Some(model::request());
    for id in doc.ids().skip(1) {
        let Some(parent) = doc.parent(id) else { continue };
        let Some(ps) = shapes[parent as usize] else { continue };
        if doc.is_shadowed(id) {
            continue; // an earlier duplicate: ignored by AWS, reported by RT006 only
        }
        shapes[id as usize] = match (&ps.kind, doc.kind(parent)) {
            (ShapeKind::Structure { members: ms, .. }, Kind::Object) => {
                let m = if doc.key_escaped(id) {
                    let key = crate::json::unescape_key(doc.key_raw(id));
                    ms.iter().find(|m| m.name == key)
                } else {
                    let raw = doc.key_raw(id);
                    ms.iter().find(|m| m.name.len() == raw.len() && m.name == raw)
                };
                members[id as usize] = m;
                m.map(|m| m.shape)
            }
            (ShapeKind::List { member, .. }, Kind::Array) => Some(*member),
            _ => None,
        };
    }
    ShapeMap { shapes, members }
}

/// The `data::limits` entries that apply to a model member, found by resolving each limit's
/// pointer pattern through the model once.
pub(crate) fn limits_for(member: &'static Member) -> impl Iterator<Item = &'static SchemaLimit> {
    static TABLE: OnceLock<Vec<(usize, &'static SchemaLimit)>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t: Vec<(usize, &'static SchemaLimit)> = SCHEMA_LIMITS
            .iter()
            .filter(|l| l.generic)
            .map(|l| (model_member(l.pointer).map_or(0, |m| std::ptr::from_ref(m) as usize), l))
            .collect();
        t.sort_by_key(|(k, _)| *k);
        t
    });
    let key = std::ptr::from_ref(member) as usize;
    let start = table.partition_point(|(k, _)| *k < key);
    table[start..].iter().take_while(move |(k, _)| *k == key).map(|(_, l)| *l)
}

/// The model member a pointer pattern ends at.
pub(crate) fn model_member(pattern: &str) -> Option<&'static Member> {
    let mut shape = model::request();
    let mut last = None;
    for seg in pattern.split('/').skip(1) {
        if seg == "*" {
            let ShapeKind::List { member, .. } = &shape.kind else { return None };
            shape = member;
            last = None;
        } else {
            let m = shape.member(seg)?;
            shape = m.shape;
            last = Some(m);
        }
    }
    last
}



/// The dotted path botocore uses in its messages, e.g. `overrides.containerOverrides[0].cpu`.
pub(crate) fn dotted(doc: &Document<'_>, id: NodeId) -> String {
    let mut out = String::new();
    doc.write_path(id, &mut out, |out, seg| match seg {
        Segment::Key(raw, escaped) => {
            if !out.is_empty() {
                out.push('.');
            }
            if escaped {
                out.push_str(&crate::json::unescape_key(raw));
            } else {
                out.push_str(raw);
            }
        }
        Segment::Index(i) => {
            out.push('[');
            crate::json::push_u32(out, i);
            out.push(']');
        }
    });
    out
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
        Kind::Dynamic => Cow::Borrowed("a value known only at run time"),
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
        let cpu = [doc.resolve("/overrides/containerOverrides/0/cpu").unwrap()];
        assert_eq!(cpu.len(), 1);
        assert_eq!(dotted(&doc, cpu[0]), "overrides.containerOverrides[0].cpu");
    }

    #[test]
    fn every_limit_names_a_model_member() {
        for l in SCHEMA_LIMITS {
            assert!(model_member(l.pointer).is_some(), "{}", l.pointer);
        }
        let m = model_member("/count").unwrap();
        assert_eq!(limits_for(m).count(), 2);
    }

    #[test]
    fn shapes_follow_the_model() {
        let doc = Document::parse(r#"{"tags":[{"key":"a"}],"bogus":{"x":1}}"#).unwrap();
        let shapes = shape_map(&doc).shapes;
        let key = doc.resolve("/tags/0/key").unwrap();
        assert_eq!(shapes[key as usize].unwrap().name, "TagKey");
        let x = doc.resolve("/bogus/x").unwrap();
        assert!(shapes[x as usize].is_none());
    }
}
