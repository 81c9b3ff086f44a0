use crate::context::Ctx;
use crate::data::launch::Capacity;
use crate::json::NodeId;
use crate::diagnostics::Applicability;

crate::declare_rule! {
    /// ## What it checks
    /// That a Windows task definition (`runtimePlatform.operatingSystemFamily` `WINDOWS_…`) is
    /// not run with the `FARGATE_SPOT` capacity provider.
    ///
    /// ## Why it matters
    /// "Windows containers on Fargate don't support the Fargate Spot capacity provider" (Amazon
    /// ECS Developer Guide, Fargate capacity providers). ECS cannot place the task.
    ///
    /// ## Task definition
    /// ```json
    /// {"family": "iis", "containerDefinitions": [{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis"}], "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "1024", "memory": "2048", "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE", "cpuArchitecture": "X86_64"}}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "iis", "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}], "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "iis", "capacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1}], "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Use the `FARGATE` capacity provider (the fix replaces `FARGATE_SPOT` when the strategy has
    /// no `FARGATE` item yet; unsafe, as on-demand Fargate costs more).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html
    pub static RULE = {
        code: "RT812",
        name: "fargate-spot-with-windows",
        severity: Error,
        catalogue: ["R-TD-14"],
        task_definition: true,
        topics: [Windows, LaunchType],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    if !td.is_windows() {
        return;
    }
    let doc = ctx.doc;
    let providers: Vec<_> = doc.elements(ctx.req.capacity_provider_strategy).filter_map(|i| doc.get(i, "capacityProvider")).collect();
    let capacity = |p: NodeId| doc.str(p).and_then(|name| Capacity::of_provider(&name));
    let has_fargate = providers.iter().any(|&p| capacity(p) == Some(Capacity::Fargate));
    let name = td.name();
    let os = td.os_family();
    let spot: Vec<_> = providers.iter().copied().filter(|&p| capacity(p) == Some(Capacity::FargateSpot)).collect();
    for (i, &p) in spot.iter().enumerate() {
        // Replace only the first: the strategy may name `FARGATE` once.
        let fix = (!has_fargate && i == 0).then(|| ctx.replace_value(p, "\"FARGATE\"", Applicability::Unsafe, "Use `FARGATE`"));
        ctx.report(p, format!("Fargate Spot does not run Windows containers, and task definition `{name}` has operatingSystemFamily `{os}`"))
            .help(if has_fargate { "remove the `FARGATE_SPOT` item; the strategy's `FARGATE` item runs the task" } else { "use the `FARGATE` capacity provider" })
            .fix_opt(fix);
    }
}
