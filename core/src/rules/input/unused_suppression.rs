crate::declare_rule! {
    /// ## What it checks
    /// That every code in a `# runtask: ignore[…]` comment suppresses a finding, and names a rule.
    /// runtask-lint reports this (suppression comments are read by the command line and the
    /// editor server, in every file format with `#` comments); it never fires on JSON.
    ///
    /// ## Why it matters
    /// A suppression outlives the finding it was written for: once the request is fixed, a stale
    /// `# runtask: ignore[RT112]` would hide the next, unrelated RT112 on that line. Reporting
    /// them keeps suppressions from rotting, like ruff's RUF100.
    ///
    /// ## Invalid example
    /// A YAML request whose `count: 2` line carries `# runtask: ignore[RT106]`: nothing on that
    /// line is out of range.
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3"}
    /// ```
    ///
    /// ## How to fix
    /// Remove the code from the comment, or the whole comment when none of its codes is used. The
    /// fix does that (safe). A code of a rule that does not run for the file (not selected,
    /// ignored, or a task-definition rule without a task definition) is never reported.
    ///
    /// ## Reference
    /// https://docs.astral.sh/ruff/rules/unused-noqa/
    pub static RULE = {
        code: "RT008",
        name: "unused-suppression",
        severity: Warning,
        catalogue: [],
        topics: [Input],
    };
}
