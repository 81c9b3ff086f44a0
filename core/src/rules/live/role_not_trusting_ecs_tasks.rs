crate::declare_rule! {
    /// ## What it checks
    /// That the task role and the task execution role trust `ecs-tasks.amazonaws.com`: their
    /// trust policy has an `Allow` statement for `sts:AssumeRole` with that service principal.
    ///
    /// ## Why it matters
    /// ECS assumes these roles on the task's behalf; without the trust it cannot: `ECS was unable
    /// to assume the role '…' that was provided for this task. Please verify that the role being
    /// passed has the proper trust relationship`. A role made for EC2 or Lambda is the usual cause.
    ///
    /// ## Account state
    /// The role `job-role` trusts `lambda.amazonaws.com` only.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "overrides": {"taskRoleArn": "arn:aws:iam::123456789012:role/job-role"}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "overrides": {"taskRoleArn": "arn:aws:iam::123456789012:role/ecs-job-role"}}
    /// ```
    ///
    /// ## How to fix
    /// Add `ecs-tasks.amazonaws.com` as a service principal to the role's trust policy
    /// (`aws iam update-assume-role-policy`), or use a role made for ECS tasks.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
    pub static RULE = {
        code: "RT861",
        name: "role-not-trusting-ecs-tasks",
        severity: Warning,
        catalogue: ["R-LIVE-07"],
        live: true,
        topics: [Live, Iam],
    };
}
