use crate::context::Ctx;
use crate::diagnostics::{Applicability, Fix, Severity};

use super::item_label;

crate::declare_rule! {
    /// ## What it checks
    /// That at most one `capacityProviderStrategy` item has a `base` greater than 0 (error),
    /// and that at most one item carries an explicit `base` at all, even `0` (warning).
    ///
    /// ## Why it matters
    /// "Only one capacity provider in a capacity provider strategy can have a base defined."
    /// ECS rejects two positive bases. Whether an explicit `"base": 0` on a second item counts
    /// as "defined" is not documented, so it is flagged as a warning.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "capacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1, "base": 1}, {"capacityProvider": "FARGATE_SPOT", "weight": 3, "base": 2}], "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "capacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1, "base": 1}, {"capacityProvider": "FARGATE_SPOT", "weight": 3}], "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Put the base on one provider only. For explicit zeros, the fix removes every
    /// `"base": 0` (safe: 0 is the default).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html
    pub static RULE = {
        code: "RT209",
        name: "multiple-capacity-provider-bases",
        severity: Error,
        catalogue: ["R-CP-08", "R-CP-09"],
        topics: [LaunchType],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let items = ctx.strategy;
    let positive: Vec<usize> = (0..items.len()).filter(|&i| items[i].base_value() > 0).collect();
    if let Some((&first, rest)) = positive.split_first().filter(|(_, rest)| !rest.is_empty()) {
        let (first_node, first_base) = items[first].base.expect("positive base is present");
        let first_label = item_label(&items[first], first);
        for &i in rest {
            let (node, base) = items[i].base.expect("positive base is present");
            ctx.report(node, format!("{} has `base` {base}, but {first_label} already has `base` {first_base}: only one provider in a strategy can have a base", item_label(&items[i], i)))
                .label(first_node, "the first base")
                .help("keep `base` on one provider only and remove it from the others");
        }
        return;
    }
    let explicit: Vec<usize> = (0..items.len()).filter(|&i| items[i].base.is_some()).collect();
    if explicit.len() < 2 {
        return;
    }
    let (first_node, _) = items[explicit[0]].base.expect("explicit base is present");
    let (node, _) = items[explicit[1]].base.expect("explicit base is present");
    let zeros: Vec<_> = explicit.iter().filter_map(|&i| items[i].base.filter(|&(_, b)| b == 0)).map(|(n, _)| n).collect();
    let edits = zeros.iter().flat_map(|&n| ctx.remove(n, Applicability::Safe, "").edits).collect();
    let fix = Fix { applicability: Applicability::Safe, description: "Remove the `\"base\": 0` members".to_owned(), edits };
    let names: Vec<String> = explicit.iter().map(|&i| item_label(&items[i], i)).collect();
    ctx.report(node, format!("{} providers set `base` ({}); only one provider in a strategy can have a base, and whether an explicit 0 counts is not documented", explicit.len(), names.join(", ")))
        .label(first_node, "another explicit base")
        .help("remove `\"base\": 0`: 0 is the default")
        .severity(Severity::Warning)
        .fix(fix);
}
