crate::declare_rule! {
    /// ## What it checks
    /// That the input is at most 1 MiB (1 048 576 bytes). Larger input is refused without
    /// being parsed, so memory stays bounded whatever is passed in.
    ///
    /// ## Why it matters
    /// A request at every documented limit is about 60 KB; a file many times larger is not a
    /// RunTask request (a log, a dump, the wrong path).
    ///
    /// ## Invalid example
    /// A 200 MB file.
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3"}
    /// ```
    ///
    /// ## How to fix
    /// Check the path; move bulk data to S3 and pass a pointer.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html
    pub static RULE = {
        code: "RT002",
        name: "input-too-large",
        severity: Error,
        catalogue: [],
        topics: [Input],
    };
}
