crate::declare_rule! {
    /// ## What it checks
    /// That each option's value is one the CLI can read: JSON that parses, shorthand
    /// (`key=value,…`, `[a,b]`, `{…}`) that parses and fits the member's shape, an integer for
    /// `--count`, and a value at all for options that take one.
    ///
    /// ## Why it matters
    /// The CLI refuses the command before calling AWS: `Error parsing parameter '--overrides':
    /// Invalid JSON`, `Expected: '=', received: …`, `expected one argument`.
    ///
    /// ## Invalid example
    /// ```sh
    /// aws ecs run-task --task-definition report:3 --overrides '{"containerOverrides": [{"name": "app",}]}'
    /// ```
    ///
    /// ## Valid example
    /// ```sh
    /// aws ecs run-task --task-definition report:3 --overrides '{"containerOverrides": [{"name": "app"}]}'
    /// ```
    ///
    /// ## How to fix
    /// Fix the value at the reported character; put JSON in single quotes so that the shell passes
    /// it as written.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-shorthand.html
    pub static RULE = {
        code: "RT060",
        name: "invalid-cli-value",
        severity: Error,
        catalogue: ["R-CLI-02"],
        topics: [Dialects],
    };
}
