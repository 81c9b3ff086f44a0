crate::declare_rule! {
    /// ## What it checks
    /// That a `runTask.waitForTaskToken` state passes the task token to the task: some value in
    /// `Overrides` is an expression that reads it (`"Value.$": "$$.Task.Token"`, or
    /// `{% $states.context.Task.Token %}` in JSONata), usually a container environment variable.
    /// An `Overrides` known only at run time may pass it, and is not reported.
    ///
    /// ## Why it matters
    /// The state waits until the task calls `SendTaskSuccess` or `SendTaskFailure` with the token;
    /// without it the state never ends (until its timeout, a year by default). The AWS CDK refuses
    /// such a state: "Task Token is required in at least one `containerOverrides.environment` for
    /// callback".
    ///
    /// ## Invalid example
    /// ```json
    /// {"StartAt": "Run", "States": {"Run": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.waitForTaskToken",
    ///   "Parameters": {"TaskDefinition": "report:3"}, "End": true}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"StartAt": "Run", "States": {"Run": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.waitForTaskToken",
    ///   "Parameters": {"TaskDefinition": "report:3", "Overrides": {"ContainerOverrides": [{"Name": "app",
    ///   "Environment": [{"Name": "TASK_TOKEN", "Value.$": "$$.Task.Token"}]}]}}, "End": true}}}
    /// ```
    ///
    /// ## How to fix
    /// Pass `$$.Task.Token` to the container (an environment variable or a command argument).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/step-functions/latest/dg/connect-to-resource.html#connect-wait-token
    pub static RULE = {
        code: "RT055",
        name: "wait-for-task-token-without-token",
        severity: Warning,
        catalogue: ["R-SFN-06"],
        topics: [Dialects],
    };
}
