crate::declare_rule! {
    /// ## What it checks
    /// That the input is UTF-8. The diagnostic gives the line and column of the first byte that is
    /// not, and names UTF-16 input as such.
    ///
    /// ## Why it matters
    /// AWS reads JSON request bodies as UTF-8; the AWS CLI fails to decode other encodings.
    ///
    /// ## Invalid example
    /// A file saved as Latin-1 with `"startedBy": "café"` (byte 0xE9).
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "startedBy": "cafe"}
    /// ```
    ///
    /// ## How to fix
    /// Save the file as UTF-8.
    ///
    /// ## Reference
    /// https://www.rfc-editor.org/rfc/rfc8259#section-8.1
    pub static RULE = {
        code: "RT004",
        name: "invalid-utf8",
        severity: Error,
        catalogue: [],
        topics: [Input],
    };
}
