use crate::context::Ctx;
use crate::json::json_string;
use crate::diagnostics::Applicability;

crate::declare_rule! {
    /// ## What it checks
    /// Capacity provider names that cannot be a provider of the cluster:
    /// - `FARGATE`/`FARGATE_SPOT` in another case or spelling (`fargate`, `Fargate-Spot`);
    /// - other names starting with `aws`, `ecs` or `fargate` (in any case), which ECS reserves;
    /// - launch type names (`EC2`, `EXTERNAL`, `MANAGED_INSTANCES`) used as providers.
    ///
    /// ## Why it matters
    /// "The name can't be prefixed with "aws", "ecs", or "fargate"" (botocore,
    /// CreateCapacityProvider), so such a name can only mean one of Fargate's two providers,
    /// whose names are case-sensitive. Launch type names are not providers: ECS Anywhere
    /// (`EXTERNAL`) takes no capacity provider at all. ECS rejects a provider that is not
    /// associated with the cluster.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "capacityProviderStrategy": [{"capacityProvider": "fargate_spot", "weight": 1}], "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}], "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Write `FARGATE` or `FARGATE_SPOT` in upper case (the fix; safe when only the case
    /// differs), or the exact name of your own provider. For ECS Anywhere use
    /// `launchType: EXTERNAL` without a strategy.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html
    pub static RULE = {
        code: "RT204",
        name: "reserved-capacity-provider-name",
        severity: Warning,
        catalogue: ["R-CP-05"],
        topics: [LaunchType],
    };
}

/// `FARGATE` or `FARGATE_SPOT` when `name` is one of them in another case or with `-`, `_` or
/// spaces placed differently.
pub(crate) fn fargate_spelling(name: &str) -> Option<&'static str> {
    let squashed: String = name.chars().filter(|c| !matches!(c, '-' | '_' | ' ')).map(|c| c.to_ascii_uppercase()).collect();
    match squashed.as_str() {
        "FARGATE" => Some("FARGATE"),
        "FARGATESPOT" => Some("FARGATE_SPOT"),
        _ => None,
    }
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    for item in ctx.strategy {
        let Some((node, ref name)) = item.provider else { continue };
        if name == "FARGATE" || name == "FARGATE_SPOT" || name.is_empty() {
            continue;
        }
        if let Some(fargate) = fargate_spelling(name) {
            let case_only = name.eq_ignore_ascii_case(fargate);
            let app = if case_only { Applicability::Safe } else { Applicability::Unsafe };
            let fix = ctx.replace_value(node, json_string(fargate), app, format!("Replace with `{fargate}`"));
            ctx.report(node, format!("capacity provider `{name}` is not `{fargate}`: Fargate's providers are named exactly `FARGATE` and `FARGATE_SPOT`"))
                .help(format!("write \"{fargate}\""))
                .fix(fix);
            continue;
        }
        let upper = name.to_ascii_uppercase();
        let launch_type_help = match upper.as_str() {
            "EXTERNAL" => Some("ECS Anywhere instances take no capacity provider: use \"launchType\": \"EXTERNAL\" and remove `capacityProviderStrategy`"),
            "EC2" => Some("name your Auto Scaling group capacity provider here, or use \"launchType\": \"EC2\" without a strategy"),
            "MANAGED_INSTANCES" => Some("name your Managed Instances capacity provider here (as `aws ecs describe-capacity-providers` lists it)"),
            _ => None,
        };
        if let Some(help) = launch_type_help {
            ctx.report(node, format!("capacity provider `{name}` is a launch type name, not a capacity provider"))
                .help(help);
            continue;
        }
        if let Some(prefix) = ["aws", "ecs", "fargate"].into_iter().find(|p| upper.starts_with(&p.to_ascii_uppercase())) {
            let shown = crate::diagnostics::message::shorten(name, 60);
            ctx.report(node, format!("capacity provider `{shown}` starts with `{prefix}`, which ECS reserves: no provider you create can have this name"))
                .help("use the exact name of your capacity provider (`aws ecs describe-clusters --clusters <cluster>` lists them under `capacityProviders`), or `FARGATE`/`FARGATE_SPOT`");
        }
    }
}
