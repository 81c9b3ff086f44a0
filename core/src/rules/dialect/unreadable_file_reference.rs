crate::declare_rule! {
    /// ## What it checks
    /// That a `file://` value (`--overrides file://overrides.json`, `--cli-input-json
    /// file://run.json`) names a file that can be read. runtask reads it next to the script that
    /// names it (the CLI reads it from the directory the script runs in) and checks what it holds
    /// at the reference; a file it cannot read leaves that member unchecked.
    ///
    /// ## Why it matters
    /// The CLI refuses the command: `Error parsing parameter '--overrides': Unable to load
    /// paramfile file://overrides.json: [Errno 2] No such file or directory`.
    ///
    /// ## Invalid example
    /// ```sh
    /// aws ecs run-task --task-definition report:3 --overrides file://no-such-file.json
    /// ```
    ///
    /// ## Valid example
    /// ```sh
    /// aws ecs run-task --task-definition report:3 --overrides '{"cpu": "256"}'
    /// ```
    ///
    /// ## How to fix
    /// Commit the file next to the script, or fix the path.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-parameters-file.html
    pub static RULE = {
        code: "RT062",
        name: "unreadable-file-reference",
        severity: Warning,
        catalogue: ["R-CLI-04"],
        topics: [Dialects],
    };
}
