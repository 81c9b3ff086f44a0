crate::declare_rule! {
    /// ## What it checks
    /// That an `AWS::Events::Rule` target with `LaunchType: FARGATE` has a `NetworkConfiguration`.
    ///
    /// ## Why it matters
    /// EventBridge's API reference: "This structure is required if `LaunchType` is `FARGATE`
    /// because the `awsvpc` mode is required for Fargate tasks". Without it no task of the rule
    /// starts; RunTask would refuse it too (RT400).
    ///
    /// ## Invalid example
    /// ```yaml
    /// Resources:
    ///   Nightly:
    ///     Type: AWS::Events::Rule
    ///     Properties:
    ///       ScheduleExpression: rate(1 day)
    ///       Targets:
    ///         - Id: report
    ///           Arn: arn:aws:ecs:us-east-1:111122223333:cluster/batch
    ///           RoleArn: arn:aws:iam::111122223333:role/events
    ///           EcsParameters:
    ///             TaskDefinitionArn: arn:aws:ecs:us-east-1:111122223333:task-definition/report:3
    ///             LaunchType: FARGATE
    /// ```
    ///
    /// ## Valid example
    /// ```yaml
    /// Resources:
    ///   Nightly:
    ///     Type: AWS::Events::Rule
    ///     Properties:
    ///       ScheduleExpression: rate(1 day)
    ///       Targets:
    ///         - Id: report
    ///           Arn: arn:aws:ecs:us-east-1:111122223333:cluster/batch
    ///           RoleArn: arn:aws:iam::111122223333:role/events
    ///           EcsParameters:
    ///             TaskDefinitionArn: arn:aws:ecs:us-east-1:111122223333:task-definition/report:3
    ///             LaunchType: FARGATE
    ///             NetworkConfiguration:
    ///               AwsVpcConfiguration:
    ///                 Subnets: [subnet-0123456789abcdef0]
    /// ```
    ///
    /// ## How to fix
    /// Add `NetworkConfiguration.AwsVpcConfiguration` with the task's subnets.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_EcsParameters.html
    pub static RULE = {
        code: "RT058",
        name: "eventbridge-fargate-without-network-configuration",
        severity: Error,
        catalogue: ["R-EVB-05"],
        topics: [Dialects, Network, LaunchType],
    };
}
