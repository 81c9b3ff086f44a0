use crate::context::Ctx;
use crate::data::launch::Capacity;
use crate::data::platform;
use crate::diagnostics::{Applicability, Severity};

crate::declare_rule! {
    /// ## What it checks
    /// Whether the strategy uses `FARGATE_SPOT` with a Linux platform version before 1.3.0
    /// (`1.0.0`, `1.1.0`, `1.2.0`).
    ///
    /// ## Why it matters
    /// "To use Fargate Spot, your task must use platform version 1.3.0 or later (for Linux)."
    /// `1.0.0` is also the Windows platform version: without the task definition it is a
    /// warning, and with a Windows task definition it is not reported here.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "platformVersion": "1.2.0", "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}], "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "platformVersion": "1.4.0", "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}], "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Use `LATEST` or `1.4.0` (the fix sets `LATEST`; unsafe: another platform version).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html
    pub static RULE = {
        code: "RT213",
        name: "fargate-spot-platform-too-old",
        severity: Error,
        catalogue: ["R-CP-16"],
        topics: [PlatformVersion, LaunchType],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(pv_node) = ctx.req.platform_version else { return };
    let Some(pv) = ctx.doc.str(pv_node) else { return };
    let Some(version) = platform::parse(&pv).filter(|&v| v < platform::FARGATE_SPOT_MIN) else { return };
    let spot = ctx.strategy.iter().find_map(|it| it.provider.as_ref().filter(|(_, n)| Capacity::of_provider(n) == Some(Capacity::FargateSpot)).map(|&(n, _)| n));
    let Some(spot) = spot else { return };
    let severity = match (ctx.is_windows(), platform::WINDOWS_CURRENT.contains(&version)) {
        (Some(true), _) => return,
        (None, true) => Severity::Warning,
        _ => Severity::Error,
    };
    let fix = ctx.replace_value(pv_node, "\"LATEST\"", Applicability::Unsafe, "Replace with `LATEST`");
    ctx.report(pv_node, format!("Fargate Spot needs Linux platform version {} or later, but `platformVersion` is `{pv}`", platform::show(platform::FARGATE_SPOT_MIN)))
        .label(spot, "Fargate Spot capacity provider")
        .help(crate::rules::fargate::use_latest())
        .severity(severity)
        .fix(fix);
}
