use crate::context::Ctx;
use crate::json::json_string;
use crate::diagnostics::message::describe_chars;
use crate::rules::request::first_invalid_name_char;
use crate::diagnostics::message::shown;
use crate::diagnostics::Applicability;

use super::reserved_capacity_provider_name::fargate_spelling;

crate::declare_rule! {
    /// ## What it checks
    /// That each `capacityProviderStrategy[*].capacityProvider` uses only letters, digits, `_`
    /// and `-`, and is the provider's short name rather than its ARN. Empty and over-long names
    /// are RT107's; misspelled `FARGATE`/`FARGATE_SPOT` are RT204's.
    ///
    /// ## Why it matters
    /// Capacity provider names are "up to 255 characters … letters (uppercase and lowercase),
    /// numbers, underscores (_), and hyphens (-)", and the strategy takes "the short name of
    /// the capacity provider". Any other value names no provider, and ECS rejects the strategy.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "capacityProviderStrategy": [{"capacityProvider": "batch asg", "weight": 1}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "capacityProviderStrategy": [{"capacityProvider": "batch-asg", "weight": 1}]}
    /// ```
    ///
    /// ## How to fix
    /// Use the provider's exact short name. For an ARN, the fix keeps the name after
    /// `capacity-provider/` (safe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html
    pub static RULE = {
        code: "RT208",
        name: "invalid-capacity-provider-character",
        severity: Error,
        catalogue: ["R-CP-04"],
        topics: [LaunchType, Ids],
    };
}

fn name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    for (i, item) in ctx.strategy.iter().enumerate() {
        let Some((node, ref name)) = item.provider else { continue };
        if name.is_empty() || first_invalid_name_char(name).is_none() || fargate_spelling(name).is_some() {
            continue;
        }
        let path = format!("capacityProviderStrategy[{i}].capacityProvider");
        // An ARN: arn:<partition>:ecs:<region>:<account>:capacity-provider/<name>.
        let short = crate::arn::parse(name)
            .filter(|a| a.service == "ecs")
            .and_then(|a| a.resource.strip_prefix("capacity-provider/"))
            .filter(|n| !n.is_empty() && first_invalid_name_char(n).is_none());
        if let Some(short) = short {
            let fix = ctx.replace_value(node, json_string(short), Applicability::Safe, format!("Replace with `{short}`"));
            ctx.report(node, format!("`{path}` is a capacity provider ARN; the strategy takes the short name `{short}`"))
                .help(format!("write \"{short}\""))
                .fix(fix);
            continue;
        }
        let (chars, _) = describe_chars(name, |c| !name_char(c), 3);
        ctx.report(node, format!("`{path}` {} contains {chars}; capacity provider names use only letters, digits, `_` and `-`", shown(name, 60)))
            .help("use the provider's exact name, as `aws ecs describe-capacity-providers` lists it");
    }
}
