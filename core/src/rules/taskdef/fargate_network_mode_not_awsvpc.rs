use crate::context::Ctx;
use crate::diagnostics::Severity;

use super::report_at_task_definition;

crate::declare_rule! {
    /// ## What it checks
    /// That a task run on Fargate uses a task definition with `networkMode: awsvpc`. Reported at
    /// `/taskDefinition`, with the launch type or strategy as a label; a warning when the target
    /// is unknown but `platformVersion` is set.
    ///
    /// ## Why it matters
    /// "Fargate task definitions require that the network mode is set to awsvpc" (Amazon ECS
    /// Developer Guide). Such a task definition cannot run on Fargate.
    ///
    /// ## Task definition
    /// ```json
    /// {"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx"}], "networkMode": "bridge", "cpu": "256", "memory": "512"}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web", "launchType": "EC2"}
    /// ```
    ///
    /// ## How to fix
    /// Register a revision with `"networkMode": "awsvpc"`, or run the task on EC2.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-defs.html
    pub static RULE = {
        code: "RT805",
        name: "fargate-network-mode-not-awsvpc",
        severity: Error,
        catalogue: ["R-TD-06"],
        task_definition: true,
        topics: [Network],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    let Some(severity) = ctx.fargate_severity(Severity::Error) else { return };
    let mode = td.network_mode();
    if mode == "awsvpc" {
        return;
    }
    let name = td.name();
    let what = if td.has_network_mode() { format!("networkMode `{mode}`") } else { "no `networkMode` (so the default, `bridge`)".to_owned() };
    let target = ctx.req.launch_type.or(ctx.req.capacity_provider_strategy).or(ctx.req.platform_version);
    let mut r = report_at_task_definition(ctx, format!("task definition `{name}` has {what}, but Fargate tasks need networkMode `awsvpc`"));
    r.severity(severity).help(format!("register a revision of `{name}` with \"networkMode\": \"awsvpc\", or run the task on EC2"));
    if let Some(t) = target {
        r.label(t, "the task runs on Fargate");
    }
}
