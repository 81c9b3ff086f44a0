crate::declare_rule! {
    /// ## What it checks
    /// That a Task state uses the fields of its query language: a JSONPath state (the default)
    /// takes `Parameters` and `"Member.$"` keys; a JSONata state (`"QueryLanguage": "JSONata"` on
    /// the state or the state machine) takes `Arguments` with `"{% … %}"` expressions and has no
    /// `.$` keys.
    ///
    /// ## Why it matters
    /// Step Functions refuses the definition: JSONata states have only `Arguments` and `Output`,
    /// and do not read `.$` keys.
    ///
    /// ## Invalid example
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "Run", "States": {"Run": {"Type": "Task",
    ///   "Resource": "arn:aws:states:::ecs:runTask", "Arguments": {"TaskDefinition": "report:3", "Cluster.$": "$.cluster"}, "End": true}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"QueryLanguage": "JSONata", "StartAt": "Run", "States": {"Run": {"Type": "Task",
    ///   "Resource": "arn:aws:states:::ecs:runTask", "Arguments": {"TaskDefinition": "report:3", "Cluster": "{% $states.input.cluster %}"}, "End": true}}}
    /// ```
    ///
    /// ## How to fix
    /// Use `Arguments` and `{% … %}` in JSONata states, `Parameters` and `.$` in JSONPath states.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
    pub static RULE = {
        code: "RT054",
        name: "query-language-mismatch",
        severity: Error,
        catalogue: ["R-SFN-04", "R-SFN-05"],
        topics: [Dialects],
    };
}
