crate::declare_rule! {
    /// ## What it checks
    /// The limits EventBridge puts on a target's `EcsParameters` on top of RunTask's own, from its
    /// API models: `PropagateTags` takes only `TASK_DEFINITION` (EventBridge Scheduler and rules);
    /// at most 6 capacity providers; and for the Scheduler, a `Group` of 1–255 characters, a
    /// `PlatformVersion` of 1–64, tag values of 1–256, 1–16 subnets and 1–5 security groups.
    ///
    /// ## Why it matters
    /// The Scheduler API refuses the schedule (`ValidationException`), EventBridge the target;
    /// RunTask's own wider limits do not apply there.
    ///
    /// ## Invalid example
    /// ```yaml
    /// Resources:
    ///   Nightly:
    ///     Type: AWS::Scheduler::Schedule
    ///     Properties:
    ///       ScheduleExpression: rate(1 day)
    ///       FlexibleTimeWindow: {Mode: "OFF"}
    ///       Target:
    ///         Arn: arn:aws:ecs:us-east-1:111122223333:cluster/batch
    ///         RoleArn: arn:aws:iam::111122223333:role/scheduler
    ///         EcsParameters:
    ///           TaskDefinitionArn: arn:aws:ecs:us-east-1:111122223333:task-definition/report:3
    ///           PropagateTags: NONE
    /// ```
    ///
    /// ## Valid example
    /// ```yaml
    /// Resources:
    ///   Nightly:
    ///     Type: AWS::Scheduler::Schedule
    ///     Properties:
    ///       ScheduleExpression: rate(1 day)
    ///       FlexibleTimeWindow: {Mode: "OFF"}
    ///       Target:
    ///         Arn: arn:aws:ecs:us-east-1:111122223333:cluster/batch
    ///         RoleArn: arn:aws:iam::111122223333:role/scheduler
    ///         EcsParameters:
    ///           TaskDefinitionArn: arn:aws:ecs:us-east-1:111122223333:task-definition/report:3
    ///           PropagateTags: TASK_DEFINITION
    /// ```
    ///
    /// ## How to fix
    /// Keep the value within the dialect's limit, or leave the member out.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/scheduler/latest/APIReference/API_EcsParameters.html
    pub static RULE = {
        code: "RT056",
        name: "dialect-value-out-of-range",
        severity: Error,
        catalogue: ["R-EVB-01", "R-EVB-02", "R-EVB-03"],
        topics: [Dialects],
    };
}
