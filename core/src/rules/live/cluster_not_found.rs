crate::declare_rule! {
    /// ## What it checks
    /// That the cluster exists in the account and Region and is `ACTIVE`. An omitted `cluster`
    /// means the cluster named `default`.
    ///
    /// ## Why it matters
    /// ECS refuses the request with `ClusterNotFoundException`. A deleted cluster stays visible as
    /// `INACTIVE` for a while, but no task can run in it. Clusters are per Region: a right name in
    /// the wrong Region is not found either.
    ///
    /// ## Account state
    /// The account has the cluster `batch` and no cluster `btach`.
    ///
    /// ## Invalid example
    /// ```json
    /// {"cluster": "btach", "taskDefinition": "web:3"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"cluster": "batch", "taskDefinition": "web:3"}
    /// ```
    ///
    /// ## How to fix
    /// Use the name or ARN of an ACTIVE cluster of this Region (`aws ecs list-clusters`), or
    /// create it. The message lists the clusters that exist when it can.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html
    pub static RULE = {
        code: "RT851",
        name: "cluster-not-found",
        severity: Error,
        catalogue: ["R-LIVE-02"],
        live: true,
        topics: [Live, RequestMembers],
    };
}
