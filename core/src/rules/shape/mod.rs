//! RT1xx (RT101–RT109): the request against the model: member names, JSON types, nulls,
//! required members, enum values, and the numeric, length and count limits of the model and of
//! `data::limits`.
//!
//! These rules check one node at a time: each file has `applies`, a cheap test of the node's JSON
//! kind and model shape, and `check`, which looks closer and reports. One walk over the request,
//! `walk`, computes each node's model shape from its parent's and hands the node to every
//! enabled rule that applies to it.

use std::sync::OnceLock;

use crate::context::Ctx;
use crate::data::limits::{SchemaLimit, SCHEMA_LIMITS};
use crate::json::{Kind, NodeId};
use crate::model::{self, Member, Shape, ShapeKind};
use crate::rules::{Check, Run};

pub mod invalid_enum_value;
pub mod invalid_type;
pub mod item_count_out_of_range;
pub mod length_out_of_range;
pub mod missing_required_member;
pub mod null_value;
pub mod tagged_union_members;
pub mod unknown_member;
pub mod value_out_of_range;

/// The node rules, in code order, from one list: their `CHECKS` entries and the walk's direct
/// calls of their `applies` (inlined into the walk) and `check`.
macro_rules! node_rules {
    ($($m:ident),* $(,)?) => {
        pub(crate) static CHECKS: &[Check] = &[$(Check { rule: &$m::RULE, run: Run::Node }),*];

        /// Hands `node` to each rule whose bit (its place in `CHECKS`) is set in `enabled` and
        /// which `applies` to it (a cheap test of the node's kind and shape, inlined here).
        #[inline(always)]
        fn visit(ctx: &mut Ctx<'_, '_>, enabled: u64, node: &Node) {
            let mut bit = 1u64;
            $(
                if enabled & bit != 0 && $m::applies(ctx.doc, node) {
                    ctx.rule = &$m::RULE;
                    $m::check(ctx, node);
                }
                bit <<= 1;
            )*
            let _ = bit;
        }
    };
}

node_rules![
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

/// What the walk knows about the node a rule checks.
pub(crate) struct Node {
    pub id: NodeId,
    /// `doc.kind(id)`.
    pub kind: Kind,
    /// The node's model shape; None for an unknown member (RT101), a shadowed one, or a child of
    /// a value of the wrong JSON type (RT102).
    pub shape: Option<&'static Shape>,
    /// The model member the node is, when it is a member of an object the model knows.
    pub member: Option<&'static Member>,
    /// The parent and its model shape; None at the root.
    pub parent: Option<(NodeId, &'static Shape)>,
}

/// Runs the node rules whose bit (their place in [`CHECKS`]) is set in `enabled` on every node
/// of the request whose shape or whose parent's shape the model knows (what lies inside an
/// unknown member has nothing to check), each node handed to each rule in turn.
///
/// The findings come by node, then by rule, where running each rule over the whole request in
/// turn gave them by rule, then by node. The report is the same: it orders findings by position
/// and keeps this order only among findings at the same position, and these rules report at a
/// node's value or member name (or, for an object without one, its opening brace), which no other
/// node shares; at one node the findings still come in rule order.
pub(crate) fn walk(ctx: &mut Ctx<'_, '_>, enabled: u64) {
    let doc = ctx.doc;
    if doc.is_empty() || enabled == 0 {
        return;
    }
    let mut shapes: Vec<Option<&'static Shape>> = vec![None; doc.len()];
    let root = model::request();
    shapes[0] = Some(root);
    visit(ctx, enabled, &Node { id: 0, kind: doc.kind(0), shape: Some(root), member: None, parent: None });
    for id in doc.ids().skip(1) {
        let Some(parent) = doc.parent(id) else { continue };
        let Some(ps) = shapes[parent as usize] else { continue };
        let (shape, member) = match model::child_shape(doc, parent, ps, id) {
            Some((s, m)) => (Some(s), m),
            None => (None, None),
        };
        shapes[id as usize] = shape;
        visit(ctx, enabled, &Node { id, kind: doc.kind(id), shape, member, parent: Some((parent, ps)) });
    }
}

/// The `data::limits` entries that apply to a model member, found by resolving each limit's
/// pointer pattern through the model once.
pub(crate) fn limits_for(member: &'static Member) -> impl Iterator<Item = &'static SchemaLimit> {
    static TABLE: OnceLock<Vec<(usize, &'static SchemaLimit)>> = OnceLock::new();
    let table = TABLE.get_or_init(limits_table);
    let key = std::ptr::from_ref(member) as usize;
    let start = table.partition_point(|(k, _)| *k < key);
    table[start..].iter().take_while(move |(k, _)| *k == key).map(|(_, l)| *l)
}

/// [`limits_for`]'s table: by member (its address), each limit after the member's earlier ones
/// (the table's order), put in its place as it comes (once, a few dozen): no sort's code in the
/// `.wasm` for it. Built once, so kept out of line (inlined, it was at each of `limits_for`'s
/// four callers).
#[cold]
#[inline(never)]
fn limits_table() -> Vec<(usize, &'static SchemaLimit)> {
    let mut t: Vec<(usize, &'static SchemaLimit)> = Vec::new();
    for l in SCHEMA_LIMITS.iter().filter(|l| l.generic) {
        let key = model_member(l.pointer).map_or(0, |m| std::ptr::from_ref(m) as usize);
        t.insert(t.partition_point(|(k, _)| *k <= key), (key, l));
    }
    t
}

/// The longest `minLength` and the shortest `maxLength` of all the `data::limits` entries that
/// apply to strings: a string whose length lies between them keeps every such limit, whatever
/// its member.
pub(crate) fn length_limits_every_member_allows() -> (i64, i64) {
    static BOUNDS: OnceLock<(i64, i64)> = OnceLock::new();
    *BOUNDS.get_or_init(|| {
        let generic = SCHEMA_LIMITS.iter().filter(|l| l.generic);
        let floor = generic.clone().filter(|l| l.keyword == "minLength").map(|l| l.value).max().unwrap_or(0);
        let ceiling = generic.filter(|l| l.keyword == "maxLength").map(|l| l.value).min().unwrap_or(i64::MAX);
        (floor, ceiling)
    })
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

/// Runs the node rules that `runs` lets run, in one walk ([`walk`]).
#[inline(always)]
pub(crate) fn run(ctx: &mut Ctx<'_, '_>, runs: &impl Fn(&'static crate::rule::Rule) -> bool) {
    let enabled = CHECKS.iter().enumerate().filter(|(_, c)| runs(c.rule)).fold(0u64, |bits, (i, _)| bits | 1 << i);
    walk(ctx, enabled);
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

    /// Each member's limits are the generic entries naming it, in the table's order.
    #[test]
    fn limits_for_a_member_keep_the_table_order() {
        let mut members = 0;
        for l in SCHEMA_LIMITS.iter().filter(|l| l.generic) {
            let m = model_member(l.pointer).unwrap();
            let expected: Vec<*const SchemaLimit> = SCHEMA_LIMITS.iter().filter(|o| o.generic && model_member(o.pointer).is_some_and(|n| std::ptr::eq(n, m))).map(std::ptr::from_ref).collect();
            let got: Vec<*const SchemaLimit> = limits_for(m).map(std::ptr::from_ref).collect();
            assert_eq!(got, expected, "{}", l.pointer);
            members += usize::from(expected.len() > 1);
        }
        assert!(members > 0, "some member has several limits");
    }

    /// The bounds that spare the per-member lookup hold every string limit of every member, and
    /// are the tightest such: each is some limit's value.
    #[test]
    fn length_bounds_are_within_every_string_limit() {
        let (floor, ceiling) = length_limits_every_member_allows();
        let lengths: Vec<_> = SCHEMA_LIMITS.iter().filter(|l| l.generic && l.keyword.ends_with("Length")).collect();
        assert!(lengths.len() >= 2);
        for l in &lengths {
            match l.keyword {
                "minLength" => assert!(floor >= l.value, "{}", l.pointer),
                _ => assert!(ceiling <= l.value, "{}", l.pointer),
            }
        }
        assert!(lengths.iter().any(|l| l.keyword == "minLength" && l.value == floor));
        assert!(lengths.iter().any(|l| l.keyword == "maxLength" && l.value == ceiling));
    }

    /// The walk runs where the first node rule stands in code order and keeps `CHECKS`' order,
    /// so the node rules must follow each other in code order, all in `CHECKS`, and fit the
    /// walk's bit set.
    #[test]
    fn node_rules_are_consecutive_in_code_order() {
        let all = crate::registry::checks();
        assert!(CHECKS.len() <= 64);
        assert_eq!(all.iter().filter(|c| matches!(c.run, Run::Node)).count(), CHECKS.len());
        let first = all.iter().position(|c| std::ptr::eq(c.rule, CHECKS[0].rule)).unwrap();
        for (i, c) in CHECKS.iter().enumerate() {
            assert!(std::ptr::eq(all[first + i].rule, c.rule), "{} is not in code order next to the other node rules", c.rule.code);
        }
    }
}
