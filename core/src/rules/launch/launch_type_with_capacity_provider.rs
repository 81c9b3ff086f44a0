use crate::context::Ctx;
use crate::diagnostics::message::count_of;
use crate::data::launch::Capacity;
use crate::diagnostics::Applicability;

crate::declare_rule! {
    /// ## What it checks
    /// That `launchType` and a non-empty `capacityProviderStrategy` are not both given.
    ///
    /// ## Why it matters
    /// They are two ways to choose where the task runs, and ECS takes exactly one: "If a
    /// capacityProviderStrategy is specified, the launchType parameter must be omitted." ECS
    /// answers `Specifying both a launch type and capacity provider strategy is not supported.
    /// Remove one and try again.`
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "launchType": "FARGATE", "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}], "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}], "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Keep one of them. The fix removes `launchType` (unsafe: the strategy then decides, and
    /// cluster auto scaling needs the strategy).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-capacityProviderStrategy
    pub static RULE = {
        code: "RT201",
        name: "launch-type-with-capacity-provider",
        severity: Error,
        catalogue: ["R-LT-04"],
        topics: [LaunchType],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let (Some(lt), Some(strategy)) = (ctx.req.launch_type, ctx.req.capacity_provider_strategy) else { return };
    let Some(launch_type) = ctx.doc.str(lt) else { return };
    // RT200 and RT203 already say to drop these launch types.
    if matches!(Capacity::of_launch_type(&launch_type), Some(Capacity::ManagedInstances | Capacity::FargateSpot)) {
        return;
    }
    let n = ctx.doc.elements(Some(strategy)).count();
    if n == 0 {
        return;
    }
    let providers = count_of(n, "provider");
    let fix = ctx.remove(lt, Applicability::Unsafe, "Remove `launchType`");
    ctx.report(lt, format!("`launchType` `{launch_type}` and `capacityProviderStrategy` ({providers}) are both set; RunTask takes only one of them"))
        .label_key(strategy, "the capacity provider strategy also chooses where the task runs")
        .help("remove `launchType` to use the strategy (needed for cluster auto scaling), or remove `capacityProviderStrategy`")
        .note("ECS: `Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.`")
        .fix(fix);
}
