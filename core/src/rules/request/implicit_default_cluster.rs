use crate::context::Ctx;

crate::declare_rule! {
    /// ## What it checks
    /// Whether `cluster` is omitted.
    ///
    /// ## Why it matters
    /// Without `cluster`, ECS runs the task in the cluster named `default`. A request file that
    /// forgot the member runs in the wrong cluster (or fails with `Cluster not found.` when the
    /// account has no `default` cluster) instead of being rejected.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "default"}
    /// ```
    ///
    /// ## How to fix
    /// Set `cluster` to the cluster's name or ARN, even when it is `default`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-cluster
    pub static RULE = {
        code: "RT114",
        name: "implicit-default-cluster",
        severity: Info,
        catalogue: ["R-TOP-10"],
        topics: [RequestMembers],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.req.cluster.is_some() {
        return;
    }
    ctx.report_missing(ctx.req.root, "cluster", "`cluster` is not set: the task runs in the cluster named `default`")
        .help("add \"cluster\": \"<name or ARN>\"; write \"cluster\": \"default\" if that is really the one");
}
