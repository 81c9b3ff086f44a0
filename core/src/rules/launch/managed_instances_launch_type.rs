use crate::context::Ctx;

crate::declare_rule! {
    /// ## What it checks
    /// That `launchType` is not `MANAGED_INSTANCES`.
    ///
    /// ## Why it matters
    /// `MANAGED_INSTANCES` is in the launch type enum because responses report it, but a
    /// request must not use it: "If you want to use Amazon ECS Managed Instances, you must use
    /// the capacityProviderStrategy request parameter and omit the launchType request
    /// parameter" (botocore model).
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "launchType": "MANAGED_INSTANCES"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "capacityProviderStrategy": [{"capacityProvider": "batch-managed-instances", "weight": 1}]}
    /// ```
    ///
    /// ## How to fix
    /// Remove `launchType` and name your Managed Instances capacity provider in
    /// `capacityProviderStrategy`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-launchType
    pub static RULE = {
        code: "RT200",
        name: "managed-instances-launch-type",
        severity: Error,
        catalogue: ["R-LT-02"],
        topics: [LaunchType],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(node) = ctx.req.launch_type else { return };
    if ctx.doc.str(node).as_deref() != Some("MANAGED_INSTANCES") {
        return;
    }
    let help = if ctx.doc.elements(ctx.req.capacity_provider_strategy).next().is_some() {
        "remove `launchType`: the `capacityProviderStrategy` already chooses the capacity"
    } else {
        "remove `launchType` and add \"capacityProviderStrategy\": [{\"capacityProvider\": \"<your Managed Instances provider>\", \"weight\": 1}]"
    };
    ctx.report(node, "`launchType` `MANAGED_INSTANCES` cannot be requested: Managed Instances are reached through a capacity provider strategy")
        .help(help);
}
