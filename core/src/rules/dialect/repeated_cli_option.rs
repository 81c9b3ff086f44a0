crate::declare_rule! {
    /// ## What it checks
    /// That an option of `aws ecs run-task` is given once. The CLI's argument parser keeps the last
    /// occurrence and drops the earlier ones without a word; the earlier one is reported, the last
    /// one checked.
    ///
    /// ## Why it matters
    /// A script that sets `--cluster` twice (often once from a variable and once by hand) runs the
    /// task in a cluster its reader did not expect.
    ///
    /// ## Invalid example
    /// ```sh
    /// aws ecs run-task --task-definition report:3 --cluster staging --cluster production
    /// ```
    ///
    /// ## Valid example
    /// ```sh
    /// aws ecs run-task --task-definition report:3 --cluster production
    /// ```
    ///
    /// ## How to fix
    /// Give the option once.
    ///
    /// ## Reference
    /// https://docs.python.org/3/library/argparse.html#action
    pub static RULE = {
        code: "RT061",
        name: "repeated-cli-option",
        severity: Warning,
        catalogue: ["R-CLI-03"],
        topics: [Dialects],
    };
}
