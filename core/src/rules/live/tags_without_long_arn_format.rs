crate::declare_rule! {
    /// ## What it checks
    /// A request that tags the task (`tags`, `propagateTags`, or `enableECSManagedTags: true`) in
    /// an account whose effective `taskLongArnFormat` setting is `disabled`.
    ///
    /// ## Why it matters
    /// Tagging needs the long ARN and resource ID format: `The new ARN and resource ID format must
    /// be enabled to propagate tags. Opt in to the new format and try again.` (seen on
    /// CreateService; whether RunTask refuses or drops the tags is not documented, hence a
    /// warning). Accounts created since the format became the default have it enabled.
    ///
    /// ## Account state
    /// `aws ecs list-account-settings --name taskLongArnFormat --effective-settings` says
    /// `disabled`.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "tags": [{"key": "team", "value": "data"}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3"}
    /// ```
    ///
    /// ## How to fix
    /// Opt in: `aws ecs put-account-setting --name taskLongArnFormat --value enabled` (or
    /// `put-account-setting-default` for the whole account), or drop the tags.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-account-settings.html
    pub static RULE = {
        code: "RT865",
        name: "tags-without-long-arn-format",
        severity: Warning,
        catalogue: ["R-TAG-09"],
        live: true,
        topics: [Live, Tags],
    };
}
