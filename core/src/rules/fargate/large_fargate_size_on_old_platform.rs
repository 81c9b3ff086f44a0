use crate::context::Ctx;
use crate::units;
use crate::diagnostics::Severity;

use super::{cpu_words, linux_platform_before, platform_latest_fix};
use crate::data::{fargate, platform};

crate::declare_rule! {
    /// ## What it checks
    /// That a Fargate task overridden to 8 or 16 vCPU (`overrides.cpu` 8192 or 16384) does not
    /// ask for a Linux platform version older than 1.4.0 (`1.3.0`).
    ///
    /// ## Why it matters
    /// The 8 and 16 vCPU sizes need Linux platform version 1.4.0 or later. On an older platform
    /// ECS answers `One or more of the requested capabilities are not supported.`
    /// (PlatformTaskDefinitionIncompatibilityException).
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "platformVersion": "1.3.0",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"cpu": "8192", "memory": "16384"}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "platformVersion": "LATEST",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"cpu": "8192", "memory": "16384"}}
    /// ```
    ///
    /// ## How to fix
    /// Use `platformVersion` `LATEST` (or `1.4.0`), or omit it. The fix sets `LATEST` (unsafe: it
    /// changes the platform the task runs on).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-linux-fargate.html
    pub static RULE = {
        code: "RT302",
        name: "large-fargate-size-on-old-platform",
        severity: Error,
        catalogue: ["R-FG-06"],
        topics: [PlatformVersion, TaskSize],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(severity) = ctx.fargate_severity(Severity::Error) else { return };
    let Some(node) = ctx.req.overrides_cpu else { return };
    let Some(cpu) = ctx.doc.str(node).and_then(|s| units::parse_cpu(&s)) else { return };
    let Some(min) = fargate::tier(cpu).and_then(|t| t.min_linux_platform_version) else { return };
    let Some((pv, version)) = linux_platform_before(ctx, min) else { return };
    let fix = platform_latest_fix(ctx, pv);
    ctx.report(node, format!("`overrides.cpu` is {}, which needs Linux platform version {}, but `platformVersion` is {version}", cpu_words(cpu), platform::show(min)))
        .severity(severity)
        .label(pv, format!("platform version {version}"))
        .help(format!("set `platformVersion` to `LATEST` or `{}` (or omit it)", platform::show(min)))
        .note("ECS answers `One or more of the requested capabilities are not supported.`")
        .fix(fix);
}
