use crate::context::{Ctx, StrategyItem};
use crate::diagnostics::{Applicability, Edit, Fix, Severity};

use super::item_label;

crate::declare_rule! {
    /// ## What it checks
    /// Whether no provider in `capacityProviderStrategy` has a weight above 0: with two or
    /// more providers all at weight 0 (or without `weight`, which defaults to 0), an error;
    /// with a single provider at weight 0 and no `base`, a warning.
    ///
    /// ## Why it matters
    /// "If you specify multiple capacity providers in a strategy that all have a weight of 0,
    /// any RunTask or CreateService actions using the capacity provider strategy will fail."
    /// ECS says for a default strategy: `There are no capacity providers with a weight value
    /// greater than zero defined …`. The API default weight is 0 (the console's is 1), and ECS
    /// documents that providers with weight 0 cannot place tasks.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "capacityProviderStrategy": [{"capacityProvider": "FARGATE"}, {"capacityProvider": "FARGATE_SPOT"}], "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "capacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1}, {"capacityProvider": "FARGATE_SPOT", "weight": 3}], "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Give at least one provider a weight of 1 or more. The fix sets the first provider's
    /// weight to 1 (unsafe: it decides how tasks are split).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html
    pub static RULE = {
        code: "RT210",
        name: "zero-weight-capacity-provider-strategy",
        severity: Error,
        catalogue: ["R-CP-10", "R-CP-12"],
        topics: [LaunchType],
    };
}

fn describe(item: &StrategyItem<'_>, index: usize) -> String {
    let weight = if item.weight.is_some() { "0" } else { "no weight" };
    format!("{}: {weight}", item_label(item, index))
}

/// Sets the item's weight to 1: replaces the value, or adds the member after `{`.
fn weight_fix(ctx: &Ctx<'_, '_>, item: &StrategyItem<'_>) -> Fix {
    let description = format!("Set `weight` to 1 on {}", item_label(item, 0));
    if let Some(w) = ctx.doc.get(item.node, "weight") {
        return ctx.replace_value(w, "1", Applicability::Unsafe, description);
    }
    let at = ctx.doc.range(item.node).start + 1;
    let content = if ctx.doc.child_count(item.node) == 0 { "\"weight\": 1" } else { "\"weight\": 1, " };
    Fix { applicability: Applicability::Unsafe, description, edits: vec![Edit::new(at, at, content.to_owned())] }
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(strategy) = ctx.req.capacity_provider_strategy else { return };
    let items = ctx.strategy;
    // Items that are not objects are RT102's; only judge a strategy read in full.
    if items.is_empty() || items.len() != ctx.doc.child_count(strategy) || items.iter().any(|i| i.weight_value() > 0) {
        return;
    }
    // A weight of the wrong type is RT102's: the weight is unknown.
    if items.iter().any(|i| ctx.doc.get(i.node, "weight").is_some() && i.weight.is_none()) {
        return;
    }
    let fix = weight_fix(ctx, &items[0]);
    if items.len() == 1 {
        let item = &items[0];
        if item.base_value() > 0 {
            return;
        }
        let given = if item.weight.is_some() { "weight 0" } else { "no `weight` (the API default is 0)" };
        ctx.report_key(strategy, format!("the only capacity provider, {}, has {given}; ECS documents that providers with weight 0 cannot place tasks", item_label(item, 0)))
            .help("set \"weight\": 1 on it")
            .severity(Severity::Warning)
            .fix(fix);
        return;
    }
    let list: Vec<String> = items.iter().enumerate().map(|(i, it)| describe(it, i)).collect();
    ctx.report_key(strategy, format!("all {} capacity providers have weight 0 ({}), so none can place tasks and RunTask fails", items.len(), list.join(", ")))
        .help("give at least one provider a weight of 1 or more; `weight` defaults to 0 when omitted")
        .note("ECS: `At least one capacity provider must have a weight value greater than zero specified.`")
        .fix(fix);
}
