crate::declare_rule! {
    /// ## What it checks
    /// That the input is JSON as RFC 8259 defines it: no comments, no trailing commas, double-quoted
    /// member names and strings, escaped control characters. The diagnostic points at the first
    /// character that breaks the syntax; nothing else can be checked until it is fixed.
    ///
    /// ## Why it matters
    /// `aws ecs run-task --cli-input-json` answers only "Invalid JSON received." with no position.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3",}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3"}
    /// ```
    ///
    /// ## How to fix
    /// Fix the syntax at the reported line and column.
    ///
    /// ## Reference
    /// https://www.rfc-editor.org/rfc/rfc8259
    pub static RULE = {
        code: "RT001",
        name: "invalid-json",
        severity: Error,
        catalogue: [],
        topics: [Input],
    };
}
