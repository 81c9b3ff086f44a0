use crate::context::Ctx;

crate::declare_rule! {
    /// ## What it checks
    /// That a request with `enableExecuteCommand: true` has a task role: the task definition's
    /// `taskRoleArn` or `overrides.taskRoleArn`.
    ///
    /// ## Why it matters
    /// ECS Exec runs the SSM agent in the task with the task role's permissions. Without one ECS
    /// rejects the request: `The execute command failed because a valid task role is not being
    /// used. Specify a valid task role in your task definition or as a task override and try
    /// again.`
    ///
    /// ## Task definition
    /// ```json
    /// {"taskDefinition": {"family": "web", "revision": 3, "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512}], "compatibilities": ["EC2"]}}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "enableExecuteCommand": true}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "enableExecuteCommand": true, "overrides": {"taskRoleArn": "arn:aws:iam::123456789012:role/web-task"}}
    /// ```
    ///
    /// ## How to fix
    /// Set `overrides.taskRoleArn` to a role that allows the `ssmmessages` actions, or register a
    /// revision with `taskRoleArn`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html
    pub static RULE = {
        code: "RT810",
        name: "execute-command-task-role-missing",
        severity: Error,
        catalogue: ["R-TD-12"],
        task_definition: true,
        topics: [Exec, Iam],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    let Some(node) = ctx.req.enable_execute_command else { return };
    if ctx.doc.bool(node) != Some(true) || td.task_role_arn().is_some() {
        return;
    }
    if ctx.req.overrides.and_then(|o| ctx.doc.get(o, "taskRoleArn")).is_some() {
        return;
    }
    let name = td.name();
    ctx.report(node, format!("ECS Exec needs a task role, but task definition `{name}` has no `taskRoleArn` and the request has no `overrides.taskRoleArn`"))
        .help("set `overrides.taskRoleArn` to a role that allows ssmmessages:CreateControlChannel, CreateDataChannel, OpenControlChannel and OpenDataChannel")
        .note("ECS answers: The execute command failed because a valid task role is not being used. Specify a valid task role in your task definition or as a task override and try again.");
}
