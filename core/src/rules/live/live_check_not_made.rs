crate::declare_rule! {
    /// ## What it checks
    /// Reports a live check that could not be made: the permission was denied (it names the IAM
    /// action), the service kept throttling, the endpoint could not be reached, the answer could
    /// not be read, or no answer came within the pre-flight's deadline (`--live-timeout`).
    ///
    /// ## Why it matters
    /// A live check that was not made says nothing about the request: it is neither passed nor
    /// failed. This finding says which check is missing and why, so that a green pre-flight is
    /// never mistaken for a complete one. It is a warning, never an error: the request may well be
    /// right.
    ///
    /// ## Account state
    /// The caller may not call `ec2:DescribeSubnets`.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}}
    /// ```
    /// (with the permission granted)
    ///
    /// ## How to fix
    /// Grant the permission named (docs/live-iam-policy.json lists every one the pre-flight
    /// uses, one statement per check), retry later, or raise `--live-timeout`. Ignore it with
    /// `--ignore RT850` when a check cannot be granted.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
    pub static RULE = {
        code: "RT850",
        name: "live-check-not-made",
        severity: Warning,
        catalogue: ["R-LIVE-01"],
        live: true,
        topics: [Live],
    };
}
