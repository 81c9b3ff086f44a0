crate::declare_rule! {
    /// ## What it checks
    /// That every word after `aws ecs run-task` is an option of the command (one per RunTask
    /// member, `--kebab-case`, with `--no-…` for booleans), an AWS CLI global option (`--region`,
    /// `--profile`, `--query`…), `--cli-input-json`/`--cli-input-yaml`, or an option's value. A
    /// word the shell expands at run time (`$EXTRA_ARGS`) may hold options: it is not reported,
    /// and the members it may add are not reported missing.
    ///
    /// ## Why it matters
    /// The CLI refuses the whole command before calling AWS: `Unknown options: --lanch-type,
    /// FARGATE`.
    ///
    /// ## Invalid example
    /// ```sh
    /// aws ecs run-task --task-definition report:3 --lanch-type FARGATE
    /// ```
    ///
    /// ## Valid example
    /// ```sh
    /// aws ecs run-task --task-definition report:3 --launch-type EC2
    /// ```
    ///
    /// ## How to fix
    /// Use the option's name (`aws ecs run-task help` lists them); the hint names the closest one.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/cli/latest/reference/ecs/run-task.html
    pub static RULE = {
        code: "RT059",
        name: "unknown-cli-option",
        severity: Error,
        catalogue: ["R-CLI-01"],
        topics: [Dialects],
    };
}
