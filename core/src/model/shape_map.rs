//! The model shape of a node of a request document, from its parent's: what the one walk of the
//! shape rules (`rules::shape::walk`) computes for every node as it goes.

use crate::json::{Document, Kind, NodeId};

use super::{Member, Shape, ShapeKind};

/// The model shape of `id`, a child of `parent` whose shape is `parent_shape`, and the model
/// member it is when it is an object member. None: an unknown member, an element or member of a
/// value of the wrong JSON type, or a member shadowed by a later duplicate (AWS ignores it).
#[must_use]
#[inline]
pub fn child_shape(doc: &Document<'_>, parent: NodeId, parent_shape: &'static Shape, id: NodeId) -> Option<(&'static Shape, Option<&'static Member>)> {
    if doc.is_shadowed(id) {
        return None; // an earlier duplicate: ignored by AWS, reported by RT006 only
    }
    match (&parent_shape.kind, doc.kind(parent)) {
        (ShapeKind::Structure { members: ms, .. }, Kind::Object) => {
            let m = if doc.key_escaped(id) {
                let key = crate::json::unescape_key(doc.key_raw(id));
                ms.iter().find(|m| m.name == key)
            } else {
                // Length and first byte first: they tell most names apart without a call to
                // compare the rest.
                let raw = doc.key_raw(id).as_bytes();
                ms.iter().find(|m| {
                    let name = m.name.as_bytes();
                    name.len() == raw.len() && name.first() == raw.first() && crate::json::same_bytes(name, raw)
                })
            }?;
            Some((m.shape, Some(m)))
        }
        (ShapeKind::List { member, .. }, Kind::Array) => Some((*member, None)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape of every node, parents before children as in the arena.
    fn shapes(doc: &Document<'_>) -> Vec<Option<&'static Shape>> {
        let mut shapes = vec![None; doc.len()];
        shapes[0] = Some(super::super::request());
        for id in doc.ids().skip(1) {
            let parent = doc.parent(id).unwrap();
            shapes[id as usize] = shapes[parent as usize].and_then(|ps| child_shape(doc, parent, ps, id)).map(|(s, _)| s);
        }
        shapes
    }

    #[test]
    fn shapes_follow_the_model() {
        let doc = Document::parse(r#"{"tags":[{"key":"a"}],"bogus":{"x":1},"count":1,"count":2}"#).unwrap();
        let map = shapes(&doc);
        let key = doc.resolve("/tags/0/key").unwrap();
        assert_eq!(map[key as usize].unwrap().name, "TagKey");
        let tag = doc.resolve("/tags/0").unwrap();
        let (_, member) = child_shape(&doc, tag, map[tag as usize].unwrap(), key).unwrap();
        assert_eq!(member.unwrap().name, "key");
        let x = doc.resolve("/bogus/x").unwrap();
        assert!(map[x as usize].is_none());
        let first_count = doc.children(doc.root()).find(|&c| doc.key(c).as_deref() == Some("count")).unwrap();
        assert!(map[first_count as usize].is_none(), "a shadowed member has no shape");
        let escaped = Document::parse(r#"{"c\u006funt": 1}"#).unwrap();
        let c = escaped.children(escaped.root()).next().unwrap();
        assert_eq!(child_shape(&escaped, escaped.root(), super::super::request(), c).and_then(|(_, m)| m).map(|m| m.name), Some("count"));
    }
}
