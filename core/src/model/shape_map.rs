//! The model shape of every node of a request document, and the model member of every object
//! member: what the shape rules walk, computed once per check (see `Ctx::shapes`).

use crate::json::{Document, Kind};

use super::{Member, Shape, ShapeKind};

/// The model shape of each node, and the model member of each object member.
#[derive(Debug, Clone, Default)]
pub struct ShapeMap {
    /// By node id; None: an unknown member, or inside one.
    pub shapes: Vec<Option<&'static Shape>>,
    /// By node id; None: not an object member, or an unknown one.
    pub members: Vec<Option<&'static Member>>,
}

impl ShapeMap {
    /// Parents come before their children in the arena, so one pass in order suffices. Members
    /// shadowed by a later duplicate get no shape: AWS ignores them.
    #[must_use]
    pub fn of(doc: &Document<'_>) -> ShapeMap {
        let mut shapes: Vec<Option<&'static Shape>> = vec![None; doc.len()];
        let mut members: Vec<Option<&'static Member>> = vec![None; doc.len()];
        if shapes.is_empty() {
            return ShapeMap { shapes, members };
        }
        shapes[0] = Some(super::request());
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_follow_the_model() {
        let doc = Document::parse(r#"{"tags":[{"key":"a"}],"bogus":{"x":1},"count":1,"count":2}"#).unwrap();
        let map = ShapeMap::of(&doc);
        let key = doc.resolve("/tags/0/key").unwrap();
        assert_eq!(map.shapes[key as usize].unwrap().name, "TagKey");
        assert_eq!(map.members[key as usize].unwrap().name, "key");
        let x = doc.resolve("/bogus/x").unwrap();
        assert!(map.shapes[x as usize].is_none());
        let first_count = doc.children(doc.root()).find(|&c| doc.key(c).as_deref() == Some("count")).unwrap();
        assert!(map.shapes[first_count as usize].is_none(), "a shadowed member has no shape");
    }
}
