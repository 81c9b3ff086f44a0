crate::declare_rule! {
    /// ## What it checks
    /// That each container image of the task definition that is in Amazon ECR of this account
    /// and Region (`<account>.dkr.ecr.<region>.amazonaws.com/<repository>:<tag>` or `@sha256:…`)
    /// exists: the repository, and the tag or digest in it. Images of other registries, accounts
    /// or Regions are not looked up.
    ///
    /// ## Why it matters
    /// RunTask accepts the request, then the task stops with `CannotPullContainerError: …
    /// not found`. A tag that was never pushed, or expired by a lifecycle policy, is the usual
    /// cause.
    ///
    /// ## Account state
    /// The task definition's container `app` uses `123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v42`;
    /// the repository `web` has no tag `v42`.
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
    /// (a revision whose image tag exists)
    ///
    /// ## How to fix
    /// Push the image, or register a task definition revision with a tag that exists
    /// (`aws ecr describe-images --repository-name web`).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_cannot_pull_image.html
    pub static RULE = {
        code: "RT862",
        name: "ecr-image-not-found",
        severity: Warning,
        catalogue: ["R-LIVE-08"],
        live: true,
        topics: [Live],
    };
}
