//! RT1xx (RT101–RT109): the request against the model: member names, JSON types, nulls,
//! required members, enum values, and the numeric, length and count limits of the model and of
//! `data::limits`.

use std::sync::OnceLock;

use crate::data::limits::{SchemaLimit, SCHEMA_LIMITS};
use crate::model::{self, Member, ShapeKind};
use crate::rules::Check;

pub mod invalid_enum_value;
pub mod invalid_type;
pub mod item_count_out_of_range;
pub mod length_out_of_range;
pub mod missing_required_member;
pub mod null_value;
pub mod tagged_union_members;
pub mod unknown_member;
pub mod value_out_of_range;

pub(crate) static CHECKS: &[Check] = checks![
    unknown_member,
    invalid_type,
    null_value,
    missing_required_member,
    invalid_enum_value,
    value_out_of_range,
    length_out_of_range,
    item_count_out_of_range,
    tagged_union_members,
];

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_limit_names_a_model_member() {
        for l in SCHEMA_LIMITS {
            assert!(model_member(l.pointer).is_some(), "{}", l.pointer);
        }
        let m = model_member("/count").unwrap();
        assert_eq!(limits_for(m).count(), 2);
    }
}
