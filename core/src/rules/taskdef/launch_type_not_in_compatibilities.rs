use crate::context::Ctx;

use crate::diagnostics::message::backticked;

crate::declare_rule! {
    /// ## What it checks
    /// That `launchType` `EC2` or `EXTERNAL` is one of the launch types the task definition was
    /// validated against: its `compatibilities`, as DescribeTaskDefinition returns them. (A
    /// RegisterTaskDefinition input has only `requiresCompatibilities`, the minimum ECS checks;
    /// ECS may add more, so it is not used here. Fargate is RT801's.)
    ///
    /// ## Why it matters
    /// ECS refuses to run a task definition on a launch type it was not validated for, in the
    /// same way as `Task definition does not support launch_type FARGATE.`
    ///
    /// ## Task definition
    /// ```json
    /// {"taskDefinition": {"family": "web", "revision": 3, "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512}], "networkMode": "bridge", "compatibilities": ["EC2"]}}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EXTERNAL"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2"}
    /// ```
    ///
    /// ## How to fix
    /// Register a revision with the launch type in `requiresCompatibilities`, or use a launch type
    /// listed in `compatibilities`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskDefinition.html
    pub static RULE = {
        code: "RT802",
        name: "launch-type-not-in-compatibilities",
        severity: Error,
        catalogue: ["R-TD-03"],
        task_definition: true,
        topics: [LaunchType],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    let Some(node) = ctx.req.launch_type else { return };
    let Some(lt) = ctx.doc.str(node) else { return };
    if lt != "EC2" && lt != "EXTERNAL" {
        return;
    }
    let Some(list) = td.compatibilities() else { return };
    if list.contains(&lt) {
        return;
    }
    let name = td.name();
    let listed = if list.is_empty() { "none".to_owned() } else { backticked(&list) };
    ctx.report(node, format!("`launchType` is `{lt}`, but task definition `{name}` has `compatibilities` {listed}, without `{lt}`"))
        .help(format!("register a revision of `{name}` with \"requiresCompatibilities\": [\"{lt}\"], or use one of its compatible launch types"))
        .note(format!("ECS validated the task definition only against {listed} when it was registered"));
}
