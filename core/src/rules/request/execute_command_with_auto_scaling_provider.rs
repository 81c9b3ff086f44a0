use crate::context::Ctx;
use crate::data::launch::Capacity;

crate::declare_rule! {
    /// ## What it checks
    /// Whether `enableExecuteCommand` is `true` with a capacity provider strategy that uses an
    /// Auto Scaling group provider (any provider other than `FARGATE`/`FARGATE_SPOT`).
    ///
    /// ## Why it matters
    /// The ECS developer guide (2023) says ECS Exec is "not currently supported for tasks
    /// launched using an Auto Scaling group capacity provider". This may have changed since;
    /// the rule is a preview warning until confirmed.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "enableExecuteCommand": true, "capacityProviderStrategy": [{"capacityProvider": "batch-asg", "weight": 1}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "enableExecuteCommand": true, "launchType": "EC2"}
    /// ```
    ///
    /// ## How to fix
    /// Check the current ECS Exec documentation; if `aws ecs execute-command` fails for these
    /// tasks, run them with `launchType: EC2` instead of the strategy.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html
    pub static RULE = {
        code: "RT126",
        name: "execute-command-with-auto-scaling-provider",
        severity: Warning,
        status: Preview,
        catalogue: ["R-TOP-27"],
        topics: [Exec, LaunchType],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(exec) = ctx.req.enable_execute_command else { return };
    if ctx.doc.bool(exec) != Some(true) {
        return;
    }
    let doc = ctx.doc;
    let asg = doc.elements(ctx.req.capacity_provider_strategy).find_map(|item| {
        let node = doc.get(item, "capacityProvider")?;
        let name = doc.str(node)?;
        (Capacity::of_provider(&name) == Some(Capacity::Provider)).then_some((node, name))
    });
    let Some((node, name)) = asg else { return };
    ctx.report(exec, format!("ECS Exec with capacity provider `{name}`: the developer guide has said ECS Exec is not supported for tasks launched by an Auto Scaling group capacity provider"))
        .label(node, "Auto Scaling group capacity provider")
        .help("check the current ECS Exec documentation; if `aws ecs execute-command` fails for these tasks, use \"launchType\": \"EC2\" instead of the strategy");
}
