use crate::context::Ctx;

use super::{item_name, items};

crate::declare_rule! {
    /// ## What it checks
    /// That a `spread` or `binpack` placement strategy has a `field`.
    ///
    /// ## Why it matters
    /// Both strategies work on a field: spread over `instanceId` or an attribute, binpack by
    /// `cpu` or `memory`. Without it ECS does not know what to spread over or pack by and
    /// rejects the strategy.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementStrategy": [{"type": "binpack"}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementStrategy": [{"type": "binpack", "field": "memory"}]}
    /// ```
    ///
    /// ## How to fix
    /// Add `"field": "attribute:ecs.availability-zone"` (or `instanceId`) to a spread strategy,
    /// `"field": "memory"` or `"cpu"` to a binpack strategy. For no particular order, use
    /// `"type": "random"`, which takes no field.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementStrategy.html
    pub static RULE = {
        code: "RT615",
        name: "missing-strategy-field",
        severity: Error,
        catalogue: ["R-PL-18"],
        topics: [Placement],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    let found: Vec<_> = items(doc, ctx.req.placement_strategy)
        .filter(|(item, ty)| matches!(ty.as_deref(), Some("spread" | "binpack")) && doc.get(*item, "field").is_none())
        .map(|(item, ty)| (item, ty.unwrap_or_default()))
        .collect();
    for (item, ty) in found {
        let name = item_name(doc, item);
        let help = if ty == "spread" {
            "add the field to spread over: \"field\": \"attribute:ecs.availability-zone\" (Availability Zones) or \"field\": \"instanceId\" (instances)"
        } else {
            "add the resource to pack by: \"field\": \"memory\" or \"field\": \"cpu\""
        };
        ctx.report_missing(item, "field", format!("`{name}` is `{ty}` but has no `field`")).help(help);
    }
}
