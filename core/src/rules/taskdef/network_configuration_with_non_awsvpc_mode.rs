use crate::context::{Ctx, Target};
use crate::diagnostics::Applicability;

crate::declare_rule! {
    /// ## What it checks
    /// That `networkConfiguration` is given only when the task definition uses `networkMode:
    /// awsvpc`. With `bridge`, `host`, `none`, or no `networkMode` (the default, `bridge`), it is
    /// refused. On a Fargate target the task definition itself is the problem (RT805), so this
    /// rule stays quiet there.
    ///
    /// ## Why it matters
    /// ECS rejects the request: `Network Configuration is not valid for the given networkMode of
    /// this task definition.` Only awsvpc tasks get their own network interface.
    ///
    /// ## Task definition
    /// ```json
    /// {"taskDefinition": {"family": "web", "revision": 3, "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512}], "networkMode": "bridge", "compatibilities": ["EC2"]}}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2"}
    /// ```
    ///
    /// ## How to fix
    /// Remove `networkConfiguration` (the fix does; unsafe, as you may have meant a task
    /// definition with `awsvpc`), or register a revision with `"networkMode": "awsvpc"`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html
    pub static RULE = {
        code: "RT804",
        name: "network-configuration-with-non-awsvpc-mode",
        severity: Error,
        catalogue: ["R-TD-05"],
        task_definition: true,
        topics: [Network],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    let Some(node) = ctx.req.network_configuration else { return };
    let mode = td.network_mode();
    if mode == "awsvpc" || ctx.target == Target::Fargate {
        return;
    }
    let name = td.name();
    let what = if td.has_network_mode() { format!("networkMode `{mode}`") } else { "no `networkMode` (so the default, `bridge`)".to_owned() };
    let fix = ctx.remove(node, Applicability::Unsafe, "Remove `networkConfiguration`");
    ctx.report(node, format!("`networkConfiguration` is only for awsvpc tasks, but task definition `{name}` has {what}"))
        .help(format!("remove `networkConfiguration`, or register a revision of `{name}` with \"networkMode\": \"awsvpc\""))
        .note("ECS answers: Network Configuration is not valid for the given networkMode of this task definition.")
        .fix(fix);
}
