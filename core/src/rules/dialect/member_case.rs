crate::declare_rule! {
    /// ## What it checks
    /// That a member is written in the dialect's case: `LaunchType`, not the API's `launchType`,
    /// in a state machine; `AwsVpcConfiguration` in an `AWS::Events::Rule` but
    /// `AwsvpcConfiguration` in an `AWS::Scheduler::Schedule`; `awsvpcConfiguration` and
    /// `capacityProvider` in `aws scheduler create-schedule` input. The rest of the request is
    /// checked as if the name were right.
    ///
    /// ## Why it matters
    /// Member names are case-sensitive: Step Functions refuses the definition
    /// (`SCHEMA_VALIDATION_FAILED`), CloudFormation the template, the Scheduler API the call.
    ///
    /// ## Invalid example
    /// ```json
    /// {"StartAt": "Run", "States": {"Run": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask",
    ///   "Parameters": {"taskDefinition": "report:3"}, "End": true}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"StartAt": "Run", "States": {"Run": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask",
    ///   "Parameters": {"TaskDefinition": "report:3"}, "End": true}}}
    /// ```
    ///
    /// ## How to fix
    /// Rename the member (safe fix).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-events-rule-networkconfiguration.html
    pub static RULE = {
        code: "RT053",
        name: "member-case",
        severity: Error,
        catalogue: ["R-DIA-03"],
        topics: [Dialects],
    };
}
