crate::declare_rule! {
    /// ## What it checks
    /// That an EventBridge Scheduler target's `Tags` entry is a map from tag key to tag value
    /// (`{"team": "data"}`), not a RunTask-style `{"key": "team", "value": "data"}`: Scheduler's
    /// `Tags` is a list of string-to-string maps, so the second form makes two tags, named `key`
    /// and `value`.
    ///
    /// ## Why it matters
    /// The task gets tags `key` and `value` instead of `team`; with two such entries the run fails:
    /// `InvalidParameterException: Multiple tags contain the same key.`
    /// (hashicorp/terraform-provider-aws#32259, fixed by writing maps).
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
    ///           LaunchType: EC2
    ///           Tags:
    ///             - {key: team, value: data}
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
    ///           LaunchType: EC2
    ///           Tags:
    ///             - team: data
    /// ```
    ///
    /// ## How to fix
    /// Write each tag as one map entry, `{"<key>": "<value>"}`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/scheduler/latest/APIReference/API_EcsParameters.html
    pub static RULE = {
        code: "RT064",
        name: "scheduler-tag-as-key-value",
        severity: Warning,
        catalogue: ["R-EVB-06"],
        topics: [Dialects, Tags],
    };
}
