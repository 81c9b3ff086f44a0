use crate::context::Ctx;
use crate::diagnostics::Severity;

use crate::diagnostics::message::backticked;

crate::declare_rule! {
    /// ## What it checks
    /// That a task run on Fargate (`launchType: FARGATE`, or a strategy of only `FARGATE` /
    /// `FARGATE_SPOT`) uses a task definition registered for Fargate: `FARGATE` in its
    /// `compatibilities` (DescribeTaskDefinition output), or in its `requiresCompatibilities`
    /// (RegisterTaskDefinition input; without the member ECS validates it for EC2 only). When the
    /// target is unknown but `platformVersion` is set, it is a warning.
    ///
    /// ## Why it matters
    /// ECS rejects the request: `Task definition does not support launch_type FARGATE.` ECS only
    /// checks a task definition against Fargate's requirements (awsvpc, task-level cpu and memory)
    /// when `requiresCompatibilities` asks for it at registration.
    ///
    /// ## Task definition
    /// ```json
    /// {"taskDefinition": {"family": "web", "revision": 3, "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512}], "networkMode": "bridge", "compatibilities": ["EC2"], "requiresCompatibilities": ["EC2"]}}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2"}
    /// ```
    ///
    /// ## How to fix
    /// Register a revision with `"requiresCompatibilities": ["FARGATE"]` (and `awsvpc`, task-level
    /// `cpu` and `memory`), or run the task on EC2.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-defs.html
    pub static RULE = {
        code: "RT801",
        name: "task-definition-not-fargate-compatible",
        severity: Error,
        catalogue: ["R-TD-02"],
        task_definition: true,
        topics: [LaunchType],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    let Some(severity) = ctx.fargate_severity(Severity::Error) else { return };
    let Some(anchor) = ctx.req.launch_type.or(ctx.req.capacity_provider_strategy).or(ctx.req.platform_version) else { return };
    let (field, list) = match (td.compatibilities(), td.requires_compatibilities()) {
        (Some(c), _) => ("compatibilities", Some(c)),
        (None, Some(r)) => ("requiresCompatibilities", Some(r)),
        (None, None) => ("requiresCompatibilities", None),
    };
    if list.as_ref().is_some_and(|l| l.iter().any(|c| c == "FARGATE")) {
        return;
    }
    let name = td.name();
    let what = match &list {
        Some(l) if l.is_empty() => format!("an empty `{field}`"),
        Some(l) => format!("`{field}` {}, without `FARGATE`", backticked(l)),
        None => "no `requiresCompatibilities`, so ECS validated it for EC2 only".to_owned(),
    };
    let target = if ctx.req.launch_type.is_some() {
        "`launchType` is `FARGATE`"
    } else if ctx.req.capacity_provider_strategy.is_some() {
        "the capacity provider strategy runs it on Fargate"
    } else {
        "`platformVersion` is set, so the task is likely to run on Fargate"
    };
    let td_node = ctx.req.task_definition;
    let mut r = ctx.report(anchor, format!("{target}, but task definition `{name}` has {what}"));
    r.severity(severity)
        .help(format!("register a revision of `{name}` with \"requiresCompatibilities\": [\"FARGATE\"] (it also needs networkMode `awsvpc` and task-level cpu and memory), or run the task on EC2"))
        .note("ECS answers: Task definition does not support launch_type FARGATE.");
    if let Some(td_node) = td_node {
        r.label(td_node, format!("`{name}` is not registered for Fargate"));
    }
}
