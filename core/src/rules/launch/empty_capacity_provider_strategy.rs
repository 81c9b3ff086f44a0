use crate::context::Ctx;
use crate::json::Kind;
use crate::diagnostics::Applicability;

crate::declare_rule! {
    /// ## What it checks
    /// Whether `capacityProviderStrategy` is an empty array while `launchType` is set.
    ///
    /// ## Why it matters
    /// An empty strategy says nothing, but the request now carries both members. How ECS treats
    /// `[]` next to a launch type is not documented (moto treats it as absent); generated
    /// requests often contain it by accident.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "launchType": "EC2", "capacityProviderStrategy": []}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "launchType": "EC2"}
    /// ```
    ///
    /// ## How to fix
    /// Remove the empty array (the fix does; safe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-capacityProviderStrategy
    pub static RULE = {
        code: "RT202",
        name: "empty-capacity-provider-strategy",
        severity: Warning,
        catalogue: ["R-LT-05"],
        topics: [LaunchType],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let (Some(lt), Some(strategy)) = (ctx.req.launch_type, ctx.req.capacity_provider_strategy) else { return };
    if ctx.doc.kind(strategy) != Kind::Array || ctx.doc.child_count(strategy) != 0 {
        return;
    }
    let fix = ctx.remove(strategy, Applicability::Safe, "Remove the empty `capacityProviderStrategy`");
    ctx.report(strategy, "`capacityProviderStrategy` is empty while `launchType` is set")
        .label(lt, "the launch type chooses where the task runs")
        .help("remove the empty `capacityProviderStrategy`")
        .fix(fix);
}
