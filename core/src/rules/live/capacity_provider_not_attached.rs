crate::declare_rule! {
    /// ## What it checks
    /// That each capacity provider of `capacityProviderStrategy` is associated with the cluster
    /// (the cluster's `capacityProviders`). `FARGATE` and `FARGATE_SPOT` must be associated too.
    ///
    /// ## Why it matters
    /// ECS refuses the request: `The specified capacity provider strategy cannot contain a
    /// capacity provider that is not associated with the cluster.`
    ///
    /// ## Account state
    /// The cluster `batch` has the capacity providers `FARGATE` only.
    ///
    /// ## Invalid example
    /// ```json
    /// {"cluster": "batch", "taskDefinition": "web:3", "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"cluster": "batch", "taskDefinition": "web:3", "capacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1}]}
    /// ```
    ///
    /// ## How to fix
    /// Associate the provider with the cluster (`aws ecs put-cluster-capacity-providers`, which
    /// replaces the whole list), or use one that is associated: the message lists them.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html
    pub static RULE = {
        code: "RT858",
        name: "capacity-provider-not-attached",
        severity: Error,
        catalogue: ["R-CP-14"],
        live: true,
        topics: [Live, LaunchType],
    };
}
