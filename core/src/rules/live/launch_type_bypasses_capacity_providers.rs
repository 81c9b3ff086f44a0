crate::declare_rule! {
    /// ## What it checks
    /// A `launchType` of `EC2` on a cluster that has a default capacity provider strategy with
    /// Auto Scaling group providers (cluster auto scaling).
    ///
    /// ## Why it matters
    /// The API reference says: "When you use cluster auto scaling, you must specify
    /// capacityProviderStrategy and not launchType." A launch type bypasses the capacity
    /// providers, so managed scaling does not add instances for this task: it may wait for
    /// capacity, or fail to be placed. Legal, so an info.
    ///
    /// ## Account state
    /// The cluster `batch` has the default strategy `[{"capacityProvider": "asg-spot", "weight": 1}]`.
    ///
    /// ## Invalid example
    /// ```json
    /// {"cluster": "batch", "taskDefinition": "web:3", "launchType": "EC2"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"cluster": "batch", "taskDefinition": "web:3", "capacityProviderStrategy": [{"capacityProvider": "asg-spot", "weight": 1}]}
    /// ```
    ///
    /// ## How to fix
    /// Drop `launchType` (the cluster's default strategy applies) or give a
    /// `capacityProviderStrategy`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html
    pub static RULE = {
        code: "RT859",
        name: "launch-type-bypasses-capacity-providers",
        severity: Info,
        catalogue: ["R-LT-07"],
        live: true,
        topics: [Live, LaunchType],
    };
}
