use crate::context::Ctx;
use crate::diagnostics::Severity;

use super::report_at_task_definition;

crate::declare_rule! {
    /// ## What it checks
    /// That a task run on Fargate has a task-level `cpu` and `memory`: in the task definition or
    /// as `overrides.cpu` / `overrides.memory`. Reported at `/taskDefinition`; a warning when the
    /// target is unknown but `platformVersion` is set.
    ///
    /// ## Why it matters
    /// Fargate sizes the task from the task-level values: "This field is required for Fargate"
    /// (botocore `RegisterTaskDefinitionRequest.cpu`). At registration ECS says `Fargate requires
    /// that 'cpu' be defined at the task level.`
    ///
    /// ## Task definition
    /// ```json
    /// {"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx", "cpu": 256, "memory": 512}], "networkMode": "awsvpc"}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}, "overrides": {"cpu": "256", "memory": "512"}}
    /// ```
    ///
    /// ## How to fix
    /// Register a revision with task-level `cpu` and `memory` (a valid Fargate pair), or give both
    /// `overrides.cpu` and `overrides.memory`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html
    pub static RULE = {
        code: "RT806",
        name: "fargate-task-size-missing",
        severity: Error,
        catalogue: ["R-TD-07"],
        task_definition: true,
        topics: [TaskSize],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    let Some(severity) = ctx.fargate_severity(Severity::Error) else { return };
    let no_cpu = td.get("cpu").is_none() && ctx.req.overrides_cpu.is_none();
    let no_memory = td.get("memory").is_none() && ctx.req.overrides_memory.is_none();
    let (missing, overrides) = match (no_cpu, no_memory) {
        (true, true) => ("`cpu` or `memory`, and the request overrides neither", "`overrides.cpu` and `overrides.memory`"),
        (true, false) => ("`cpu`, and the request has no `overrides.cpu`", "`overrides.cpu`"),
        (false, true) => ("`memory`, and the request has no `overrides.memory`", "`overrides.memory`"),
        (false, false) => return,
    };
    let name = td.name();
    report_at_task_definition(ctx, format!("task definition `{name}` has no task-level {missing}; Fargate needs both cpu and memory at the task level"))
        .severity(severity)
        .help(format!("register a revision of `{name}` with task-level `cpu` and `memory` (a valid Fargate pair, e.g. \"256\" and \"512\"), or set {overrides}"))
        .note("at registration ECS answers: Fargate requires that 'cpu' be defined at the task level.");
}
