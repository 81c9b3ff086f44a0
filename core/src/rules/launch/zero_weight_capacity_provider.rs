use crate::context::Ctx;

use super::item_label;

crate::declare_rule! {
    /// ## What it checks
    /// Whether a provider in `capacityProviderStrategy` has weight 0 (or no `weight`, which
    /// defaults to 0) and no `base`, while another provider has a positive weight.
    ///
    /// ## Why it matters
    /// "Capacity providers with a weight of 0 can't be used to place tasks": that provider
    /// gets no tasks. The API default weight is 0 while the console's is 1, so an omitted
    /// `weight` often means something else than intended.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "capacityProviderStrategy": [{"capacityProvider": "FARGATE"}, {"capacityProvider": "FARGATE_SPOT", "weight": 3}], "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "capacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1}, {"capacityProvider": "FARGATE_SPOT", "weight": 3}], "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Give the provider a weight of 1 or more to use it, or remove it from the strategy.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html
    pub static RULE = {
        code: "RT211",
        name: "zero-weight-capacity-provider",
        severity: Info,
        catalogue: ["R-CP-11"],
        topics: [LaunchType],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let items = ctx.strategy;
    let Some((top_i, top)) = items.iter().enumerate().max_by_key(|(_, it)| it.weight_value()) else { return };
    if top.weight_value() <= 0 {
        return;
    }
    let top_label = item_label(top, top_i);
    let top_weight = top.weight_value();
    for (i, item) in items.iter().enumerate() {
        if item.weight_value() != 0 || item.base_value() > 0 {
            continue;
        }
        // A weight of the wrong type is RT102's.
        let raw = ctx.doc.get(item.node, "weight");
        if raw.is_some() && item.weight.is_none() {
            continue;
        }
        let label = item_label(item, i);
        match item.weight {
            Some((node, _)) => {
                ctx.report(node, format!("{label} has weight 0, so no tasks are placed on it while {top_label} has weight {top_weight}"))
                    .help("give it a weight of 1 or more to use it, or remove it from the strategy");
            }
            None => {
                ctx.report_missing(item.node, "weight", format!("{label} has no `weight`, which means 0 through the API: no tasks are placed on it while {top_label} has weight {top_weight}"))
                    .help("set `weight` explicitly: 1 or more to use it (the console's default is 1), or remove it from the strategy");
            }
        }
    }
}
