use crate::context::Ctx;

crate::declare_rule! {
    /// ## What it checks
    /// Whether `enableExecuteCommand` is `true` while the request gives no
    /// `overrides.taskRoleArn` and no task definition was supplied to show a `taskRoleArn`.
    ///
    /// ## Why it matters
    /// ECS Exec runs the SSM agent with the task role's credentials. Without a task role,
    /// RunTask fails with `The execute command failed because a valid task role is not being
    /// used. Specify a valid task role in your task definition or as a task override and try
    /// again.` Supply the task definition to turn this warning into an exact check.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "enableExecuteCommand": true}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "enableExecuteCommand": true, "overrides": {"taskRoleArn": "arn:aws:iam::123456789012:role/web-task"}}
    /// ```
    ///
    /// ## How to fix
    /// Make sure the task definition has a `taskRoleArn`, or pass `overrides.taskRoleArn`. The
    /// role needs `ssmmessages:CreateControlChannel`, `CreateDataChannel`,
    /// `OpenControlChannel` and `OpenDataChannel`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html
    pub static RULE = {
        code: "RT124",
        name: "execute-command-without-task-role",
        severity: Warning,
        catalogue: ["R-TOP-25"],
        topics: [Exec, Iam],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    // With the task definition, the task-definition rules check the role exactly.
    if ctx.td.is_some() {
        return;
    }
    let Some(node) = ctx.req.enable_execute_command else { return };
    if ctx.doc.bool(node) != Some(true) {
        return;
    }
    if ctx.req.overrides.and_then(|o| ctx.doc.get(o, "taskRoleArn")).is_some() {
        return;
    }
    ctx.report(node, "ECS Exec needs a task role, and the request sets no `overrides.taskRoleArn`")
        .help("make sure the task definition has a `taskRoleArn` with the `ssmmessages` permissions, or pass `overrides.taskRoleArn`; supply the task definition to check it")
        .note("without one, RunTask fails: `The execute command failed because a valid task role is not being used.`");
}
