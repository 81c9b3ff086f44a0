crate::declare_rule! {
    /// ## What it checks
    /// That each `secrets[].valueFrom` of the task definition's containers (and of
    /// `logConfiguration.secretOptions`) names an SSM parameter or a Secrets Manager secret that
    /// exists. Only existence is looked up (`ssm:DescribeParameters`,
    /// `secretsmanager:DescribeSecret`): a value is never read. References to other Regions or
    /// accounts are not looked up.
    ///
    /// ## Why it matters
    /// RunTask accepts the request, then the task stops: `ResourceInitializationError: unable to
    /// pull secrets or registry auth: … ParameterNotFound` (or `ResourceNotFoundException`).
    ///
    /// ## Account state
    /// The task definition's container `app` reads `DB_PASSWORD` from the parameter
    /// `/prod/db-password`, which does not exist.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:4"}
    /// ```
    /// (a revision whose secrets exist)
    ///
    /// ## How to fix
    /// Create the parameter or secret, or correct its name or ARN in the task definition.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html
    pub static RULE = {
        code: "RT864",
        name: "container-secret-not-found",
        severity: Warning,
        catalogue: ["R-LIVE-10"],
        live: true,
        topics: [Live, Environment],
    };
}
