use crate::context::Ctx;

use crate::diagnostics::message::backticked;

crate::declare_rule! {
    /// ## What it checks
    /// That a request with `enableExecuteCommand: true` does not run a task definition whose
    /// containers have `readonlyRootFilesystem: true`. The message names those containers.
    ///
    /// ## Why it matters
    /// The SSM agent that ECS Exec starts in each container writes to the root file system; with
    /// a read-only root file system ECS Exec "isn't supported" (Amazon ECS Developer Guide, ECS
    /// Exec considerations). The task starts, but `execute-command` into those containers fails.
    ///
    /// ## Task definition
    /// ```json
    /// {"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512, "readonlyRootFilesystem": true}], "taskRoleArn": "arn:aws:iam::123456789012:role/web-task"}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web", "launchType": "EC2", "enableExecuteCommand": true}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web", "launchType": "EC2"}
    /// ```
    ///
    /// ## How to fix
    /// Register a revision without `readonlyRootFilesystem` to debug with ECS Exec, or drop
    /// `enableExecuteCommand`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html
    pub static RULE = {
        code: "RT811",
        name: "execute-command-with-read-only-root",
        severity: Warning,
        catalogue: ["R-TD-13"],
        task_definition: true,
        topics: [Exec],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    let Some(node) = ctx.req.enable_execute_command else { return };
    if ctx.doc.bool(node) != Some(true) {
        return;
    }
    let read_only: Vec<_> = td.containers().into_iter().filter(|c| td.flag(c.node, "readonlyRootFilesystem")).map(|c| c.name).collect();
    if read_only.is_empty() {
        return;
    }
    let name = td.name();
    let (which, has) = if read_only.len() == 1 { ("container", "has") } else { ("containers", "have") };
    ctx.report(node, format!("ECS Exec is not supported with a read-only root file system, and {which} {} in task definition `{name}` {has} `readonlyRootFilesystem: true`", backticked(&read_only)))
        .help("register a revision without `readonlyRootFilesystem` to debug with ECS Exec, or leave `enableExecuteCommand` off");
}
