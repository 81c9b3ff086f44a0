crate::declare_rule! {
    /// ## What it checks
    /// That a script mentioning `aws ecs run-task` can be read as shell words: every quote and
    /// command substitution is closed. The diagnostic is at the opening character; nothing else in
    /// the file is checked until it is fixed.
    ///
    /// ## Why it matters
    /// The shell reads an unclosed quote to the end of the file and fails (`unexpected EOF while
    /// looking for matching`), so the command never runs as written.
    ///
    /// ## Invalid example
    /// ```sh
    /// aws ecs run-task --task-definition 'report:3
    /// ```
    ///
    /// ## Valid example
    /// ```sh
    /// aws ecs run-task --task-definition 'report:3'
    /// ```
    ///
    /// ## How to fix
    /// Close the quote or the substitution.
    ///
    /// ## Reference
    /// https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html#tag_18_02
    pub static RULE = {
        code: "RT063",
        name: "unreadable-script",
        severity: Error,
        catalogue: ["R-CLI-05"],
        topics: [Dialects],
    };
}
