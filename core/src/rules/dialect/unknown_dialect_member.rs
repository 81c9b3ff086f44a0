crate::declare_rule! {
    /// ## What it checks
    /// That every member of a state's `Parameters`/`Arguments`, or of an EventBridge target's
    /// `EcsParameters`, is one the dialect has at that place, with the dialect's own name: Step
    /// Functions writes the RunTask members in PascalCase (`TaskDefinition`, `Overrides.Cpu`);
    /// EventBridge Scheduler and `AWS::Events::Rule` name them after their own specifications
    /// (`TaskDefinitionArn`, `TaskCount`, `AwsVpcConfiguration`…). A misspelling gets a "did you
    /// mean" with a fix.
    ///
    /// ## Why it matters
    /// Step Functions refuses the state machine (`SCHEMA_VALIDATION_FAILED: The field "…" is not
    /// supported by Step Functions`); CloudFormation refuses the template (`extraneous key`).
    ///
    /// ## Invalid example
    /// ```json
    /// {"StartAt": "Run", "States": {"Run": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask",
    ///   "Parameters": {"TaskDefinition": "report:3", "Overides": {"Cpu": "512"}}, "End": true}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"StartAt": "Run", "States": {"Run": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask",
    ///   "Parameters": {"TaskDefinition": "report:3", "Overrides": {"Cpu": "512"}}, "End": true}}}
    /// ```
    ///
    /// ## How to fix
    /// Use the dialect's name; the fix renames a likely misspelling (unsafe: check it).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/step-functions/latest/dg/connect-ecs.html
    pub static RULE = {
        code: "RT051",
        name: "unknown-dialect-member",
        severity: Error,
        catalogue: ["R-DIA-02"],
        topics: [Dialects],
    };
}
