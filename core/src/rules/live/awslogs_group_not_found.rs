crate::declare_rule! {
    /// ## What it checks
    /// That each `awslogs-group` of a container's `awslogs` log configuration exists in
    /// CloudWatch Logs (in its `awslogs-region`, when that is this Region), unless the container
    /// sets `awslogs-create-group: "true"`.
    ///
    /// ## Why it matters
    /// RunTask accepts the request, then the task stops: `ResourceInitializationError: failed to
    /// validate logger args: … The specified log group does not exist.`
    ///
    /// ## Account state
    /// The task definition's container `app` logs to `/ecs/web`, which does not exist.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:4"}
    /// ```
    /// (a revision that sets `awslogs-create-group`)
    ///
    /// ## How to fix
    /// Create the log group (`aws logs create-log-group --log-group-name /ecs/web`), or set
    /// `awslogs-create-group` to `"true"` (the execution role then needs `logs:CreateLogGroup`).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html
    pub static RULE = {
        code: "RT863",
        name: "awslogs-group-not-found",
        severity: Warning,
        catalogue: ["R-LIVE-09"],
        live: true,
        topics: [Live],
    };
}
