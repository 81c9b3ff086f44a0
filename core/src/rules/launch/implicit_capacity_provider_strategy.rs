use crate::context::Ctx;
use crate::json::Kind;

crate::declare_rule! {
    /// ## What it checks
    /// Whether both `launchType` and `capacityProviderStrategy` are omitted (or the strategy is
    /// an empty array).
    ///
    /// ## Why it matters
    /// Then "the defaultCapacityProviderStrategy for the cluster is used": where the task runs
    /// (Fargate, Fargate Spot, EC2) depends on the cluster's settings, not on the request. A
    /// cluster without a default strategy may not run it as intended, and the checks that
    /// depend on Fargate versus EC2 are weakened to warnings or skipped.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "launchType": "EC2"}
    /// ```
    ///
    /// ## How to fix
    /// Set `launchType` or `capacityProviderStrategy` explicitly, unless you rely on the
    /// cluster's default strategy.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-capacityProviderStrategy
    pub static RULE = {
        code: "RT205",
        name: "implicit-capacity-provider-strategy",
        severity: Info,
        catalogue: ["R-LT-06"],
        topics: [LaunchType],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.req.launch_type.is_some() {
        return;
    }
    let cluster = ctx.str(ctx.req.cluster);
    let cluster = match cluster.as_deref() {
        Some(c) if !c.is_empty() => format!("cluster `{}`", crate::diagnostics::message::shorten(c, 80)),
        _ => "the `default` cluster".to_owned(),
    };
    let help = "set \"launchType\" (e.g. \"FARGATE\") or a `capacityProviderStrategy`, unless you mean to use the cluster's default strategy";
    match ctx.req.capacity_provider_strategy {
        None => {
            ctx.report_missing(ctx.req.root, "launchType", format!("neither `launchType` nor `capacityProviderStrategy` is set, so the default capacity provider strategy of {cluster} decides where the task runs"))
                .help(help);
        }
        Some(s) if ctx.doc.kind(s) == Kind::Array && ctx.doc.child_count(s) == 0 => {
            ctx.report(s, format!("`capacityProviderStrategy` is empty and `launchType` is not set, so the default capacity provider strategy of {cluster} decides where the task runs"))
                .help(help);
        }
        Some(_) => {}
    }
}
