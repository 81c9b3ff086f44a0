use crate::context::Ctx;
use super::Node;
use crate::json::{Document, Kind};
use crate::model::ShapeKind;

use super::limits_for;
use crate::diagnostics::message::{cat, dotted};

crate::declare_rule! {
    /// ## What it checks
    /// That arrays hold no more (or fewer) items than allowed: 20 capacity providers, 1–16
    /// subnets, 5 security groups, 10 placement constraints, 5 placement strategies, 50 tags, 10
    /// environment files per container, one volume configuration.
    ///
    /// ## Why it matters
    /// ECS rejects the request; the AWS CLI does not check maximum counts.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": []}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Remove (or add) items as the message says.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html
    pub static RULE = {
        code: "RT108",
        name: "item-count-out-of-range",
        severity: Error,
        catalogue: ["R-CP-01", "R-NET-04", "R-NET-05", "R-NET-06", "R-PL-01", "R-PL-13", "R-TAG-01", "R-CO-14", "R-VOL-02"],
        topics: [Shape, Tags, Network, Placement, LaunchType, Environment],
    };
}

/// Whether `node` is a list.
#[inline(always)]
pub(super) fn applies(_: &Document<'_>, node: &Node) -> bool {
    node.kind == Kind::Array && node.shape.is_some_and(|s| matches!(s.kind, ShapeKind::List { .. }))
}

/// Checks a list against its item count limits.
#[inline(never)]
pub(super) fn check(ctx: &mut Ctx<'_, '_>, node: &Node) {
    let (doc, id) = (ctx.doc, node.id);
    let Some(ShapeKind::List { min, max, .. }) = node.shape.map(|s| &s.kind) else { return };
    let (min, max) = (*min, *max);
    let n = doc.child_count(id) as i64;
    let limit = node.member.into_iter().flat_map(limits_for).find(|l| match l.keyword {
        "minItems" => n < l.value,
        "maxItems" => n > l.value,
        _ => false,
    });
    if let Some(l) = limit {
        let msg = if l.keyword == "minItems" && n == 0 {
            cat!("`", dotted(doc, id), "` is empty; it needs at least ", l.value)
        } else if l.keyword == "minItems" {
            cat!("`", dotted(doc, id), "` has ", n, " items, fewer than the minimum of ", l.value)
        } else {
            cat!("`", dotted(doc, id), "` has ", n, " items, more than the maximum of ", l.value)
        };
        ctx.report(id, msg).help(l.help);
    } else if let Some(min) = min.filter(|&m| n < i64::from(m)) {
        ctx.report(id, cat!("`", dotted(doc, id), "` has ", n, " items, fewer than the minimum of ", min)).help(cat!("add at least ", min));
    } else if let Some(max) = max.filter(|&m| n > i64::from(m)) {
        ctx.report(id, cat!("`", dotted(doc, id), "` has ", n, " items, more than the maximum of ", max)).help(cat!("keep at most ", max));
    }
}
