use crate::context::Ctx;
use super::Node;
use crate::json::{Document, Kind};
use crate::model::ShapeKind;

use crate::diagnostics::message::dotted;

crate::declare_rule! {
    /// ## What it checks
    /// That a tagged union (a GPU resource requirement's `sharingStrategy`) sets exactly one of
    /// its members.
    ///
    /// ## Why it matters
    /// The AWS CLI refuses it: `Invalid number of parameters set for tagged union structure
    /// overrides.containerOverrides[0].resourceRequirements[0].sharingStrategy`.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "gpu:1", "launchType": "EC2", "overrides": {"containerOverrides": [{"name": "train", "resourceRequirements": [{"type": "GPU", "sharingStrategy": {}}]}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "gpu:1", "launchType": "EC2", "overrides": {"containerOverrides": [{"name": "train", "resourceRequirements": [{"type": "GPU", "sharingStrategy": {"nvidiaMps": {"memory": 2048}}}]}]}}
    /// ```
    ///
    /// ## How to fix
    /// Set exactly one member (`nvidiaMps`).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ResourceRequirement.html
    pub static RULE = {
        code: "RT109",
        name: "tagged-union-members",
        severity: Error,
        catalogue: ["R-CO-26"],
        topics: [Shape],
    };
}

/// Whether `node` is a tagged union.
#[inline(always)]
pub(super) fn applies(_: &Document<'_>, node: &Node) -> bool {
    node.kind == Kind::Object && node.shape.is_some_and(|s| matches!(s.kind, ShapeKind::Structure { union: true, .. }))
}

/// Counts the members a tagged union sets.
#[inline(never)]
pub(super) fn check(ctx: &mut Ctx<'_, '_>, node: &Node) {
    let (doc, id) = (ctx.doc, node.id);
    let Some(ShapeKind::Structure { members, .. }) = node.shape.map(|s| &s.kind) else { return };
    let set = members.iter().filter(|m| doc.get(id, m.name).is_some()).count();
    if set != 1 {
        let names = members.iter().map(|m| format!("`{}`", m.name)).collect::<Vec<_>>().join(", ");
        ctx.report(id, format!("`{}` must set exactly one of {names}; it sets {set}", dotted(doc, id)))
            .help(format!("set exactly one of {names}"));
    }
}
