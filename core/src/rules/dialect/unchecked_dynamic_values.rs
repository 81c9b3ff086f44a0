crate::declare_rule! {
    /// ## What it checks
    /// Names, once per request, the members whose values are known only when the request is sent:
    /// JSONPath (`"Cpu.$": "$.cpu"`, `$$.` context paths), JSONata (`"{% … %}"`), intrinsic
    /// functions (`States.Format(…)`), CloudFormation intrinsics (`!Ref`, `!Sub`, `!GetAtt`,
    /// `Fn::…`), `${…}` placeholders, shell and make variables, command substitutions and GitHub
    /// `${{ … }}` expressions. Such a member counts as present (a required member written as an
    /// expression is there), value rules skip it, and rules that compare members reason only over
    /// the members that are known. Everything static next to them is checked fully.
    ///
    /// ## Why it matters
    /// A value computed at run time can still be wrong, and no offline check can say so: the info
    /// tells what was left to the run.
    ///
    /// ## Invalid example
    /// ```json
    /// {"StartAt": "Run", "States": {"Run": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.sync",
    ///   "Parameters": {"TaskDefinition": "report:3", "Cluster.$": "$.cluster"}, "End": true}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"StartAt": "Run", "States": {"Run": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.sync",
    ///   "Parameters": {"TaskDefinition": "report:3", "Cluster": "batch"}, "End": true}}}
    /// ```
    ///
    /// ## How to fix
    /// Nothing to fix: check those values where they are computed.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/step-functions/latest/dg/connect-parameters.html
    pub static RULE = {
        code: "RT050",
        name: "unchecked-dynamic-values",
        severity: Info,
        catalogue: ["R-DIA-01"],
        topics: [Dialects],
    };
}
