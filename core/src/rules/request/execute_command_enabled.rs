use crate::context::Ctx;

crate::declare_rule! {
    /// ## What it checks
    /// Whether `enableExecuteCommand` is `true`.
    ///
    /// ## Why it matters
    /// ECS Exec is decided when the task starts: it cannot be turned on for a running task,
    /// and it only works when the task role allows the SSM channels and the container image
    /// has a shell to run. Knowing this before the task runs saves a restart.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "enableExecuteCommand": true, "overrides": {"taskRoleArn": "arn:aws:iam::123456789012:role/web-task"}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "enableExecuteCommand": false}
    /// ```
    ///
    /// ## How to fix
    /// Nothing to change. Give the task role `ssmmessages:CreateControlChannel`,
    /// `CreateDataChannel`, `OpenControlChannel` and `OpenDataChannel`, then connect with
    /// `aws ecs execute-command --cluster <cluster> --task <task-id> --interactive --command
    /// /bin/sh`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html
    pub static RULE = {
        code: "RT127",
        name: "execute-command-enabled",
        severity: Info,
        catalogue: ["R-TOP-28"],
        topics: [Exec],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(node) = ctx.req.enable_execute_command else { return };
    if ctx.doc.bool(node) != Some(true) {
        return;
    }
    let cluster = ctx.str(ctx.req.cluster);
    let cluster = cluster.as_deref().filter(|c| !c.is_empty()).unwrap_or("default");
    ctx.report(node, "ECS Exec is enabled for this task only; it cannot be turned on once the task runs")
        .help(format!(
            "the task role needs `ssmmessages:CreateControlChannel`, `CreateDataChannel`, `OpenControlChannel` and `OpenDataChannel`; connect with `aws ecs execute-command --cluster {cluster} --task <task-id> --interactive --command /bin/sh`"
        ));
}
