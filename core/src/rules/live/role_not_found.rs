crate::declare_rule! {
    /// ## What it checks
    /// That the task role and the task execution role exist in IAM: `overrides.taskRoleArn` and
    /// `overrides.executionRoleArn`, and the task definition's own roles where they are not
    /// overridden.
    ///
    /// ## Why it matters
    /// The task fails to start: `ECS was unable to assume the role '…' that was provided for this
    /// task.` Whether RunTask refuses at once or the task stops is not documented for each role,
    /// hence a warning.
    ///
    /// ## Account state
    /// The account has no role `job-rol`.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "overrides": {"taskRoleArn": "arn:aws:iam::123456789012:role/job-rol"}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "overrides": {"taskRoleArn": "arn:aws:iam::123456789012:role/job-role"}}
    /// ```
    ///
    /// ## How to fix
    /// Use the ARN of an existing role (`aws iam get-role --role-name …`), or create it with a
    /// trust policy for `ecs-tasks.amazonaws.com`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html
    pub static RULE = {
        code: "RT860",
        name: "role-not-found",
        severity: Warning,
        catalogue: ["R-LIVE-06"],
        live: true,
        topics: [Live, Iam],
    };
}
