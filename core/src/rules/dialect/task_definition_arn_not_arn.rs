crate::declare_rule! {
    /// ## What it checks
    /// That an EventBridge target's `TaskDefinitionArn` is an ARN
    /// (`arn:aws:ecs:<region>:<account>:task-definition/<family>[:<revision>]`), not the
    /// `family:revision` RunTask also takes. Error for an `AWS::Events::Rule` target, whose API
    /// shape is an `Arn`; warning for EventBridge Scheduler, whose documentation asks for the ARN
    /// without a documented rejection.
    ///
    /// ## Why it matters
    /// EventBridge refuses the target: `Parameter … is not valid. Reason: Provided Arn is not in
    /// correct format.`
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
    ///             TaskDefinitionArn: report:3
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
    /// ```
    ///
    /// ## How to fix
    /// Use the ARN; in a template, `!Ref` the task definition (its `Ref` is the ARN).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_EcsParameters.html
    pub static RULE = {
        code: "RT057",
        name: "task-definition-arn-not-arn",
        severity: Error,
        catalogue: ["R-EVB-04"],
        topics: [Dialects, Ids],
    };
}
