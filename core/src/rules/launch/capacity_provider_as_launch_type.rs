use crate::context::Ctx;
use crate::diagnostics::{Applicability, Edit, Fix};

crate::declare_rule! {
    /// ## What it checks
    /// That `launchType` is not `FARGATE_SPOT` (in any case).
    ///
    /// ## Why it matters
    /// Fargate Spot is a capacity provider, not a launch type: "a capacity provider strategy
    /// must be used". `launchType` takes only `EC2`, `FARGATE` and `EXTERNAL`, so ECS rejects
    /// the request.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "launchType": "FARGATE_SPOT", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}], "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Replace `"launchType": "FARGATE_SPOT"` with
    /// `"capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}]`. The fix
    /// does that when the request has no strategy yet (safe). The cluster must have
    /// `FARGATE_SPOT` among its capacity providers.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html
    pub static RULE = {
        code: "RT203",
        name: "capacity-provider-as-launch-type",
        severity: Error,
        catalogue: ["R-LT-03"],
        topics: [LaunchType],
    };
}

const STRATEGY: &str = r#""capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}]"#;

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(node) = ctx.req.launch_type else { return };
    let Some(value) = ctx.doc.str(node) else { return };
    if !value.eq_ignore_ascii_case("FARGATE_SPOT") {
        return;
    }
    let message = format!("`launchType` `{value}` is a capacity provider, not a launch type");
    if let Some(strategy) = ctx.req.capacity_provider_strategy {
        ctx.report(node, message)
            .label_key(strategy, "use this strategy instead")
            .help("remove `launchType` and list FARGATE_SPOT in `capacityProviderStrategy`, e.g. {\"capacityProvider\": \"FARGATE_SPOT\", \"weight\": 1}");
        return;
    }
    let r = ctx.doc.member_range(node);
    let fix = Fix {
        applicability: Applicability::Safe,
        description: "Replace `launchType` with a FARGATE_SPOT capacity provider strategy".to_owned(),
        edits: vec![Edit::new(r.start, r.end, STRATEGY.to_owned())],
    };
    ctx.report(node, message).help(format!("replace the member with {STRATEGY}")).fix(fix);
}
