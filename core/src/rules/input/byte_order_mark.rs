crate::declare_rule! {
    /// ## What it checks
    /// That the file does not start with a UTF-8 byte-order mark (EF BB BF). The rest of the
    /// request is still checked.
    ///
    /// ## Why it matters
    /// JSON forbids a BOM (RFC 8259 §8.1); Python's `json`, which the AWS CLI uses for
    /// `--cli-input-json`, refuses it ("Unexpected UTF-8 BOM"). Windows editors add one silently.
    ///
    /// ## Invalid example
    /// A file saved as "UTF-8 with BOM".
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3"}
    /// ```
    ///
    /// ## How to fix
    /// Save as UTF-8 without BOM. The fix removes the three bytes (safe).
    ///
    /// ## Reference
    /// https://www.rfc-editor.org/rfc/rfc8259#section-8.1
    pub static RULE = {
        code: "RT005",
        name: "byte-order-mark",
        severity: Error,
        catalogue: [],
        topics: [Input],
    };
}
