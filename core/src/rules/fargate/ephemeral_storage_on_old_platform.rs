use crate::data::platform;
use crate::context::Ctx;
use crate::diagnostics::Severity;

use super::{linux_platform_before, platform_latest_fix};

crate::declare_rule! {
    /// ## What it checks
    /// That `overrides.ephemeralStorage` on a Linux Fargate task does not come with a platform
    /// version older than 1.4.0 (`1.3.0`).
    ///
    /// ## Why it matters
    /// Ephemeral storage beyond the default needs Linux platform version 1.4.0 or later. On
    /// `1.3.0` ECS answers `One or more of the requested capabilities are not supported.`
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "platformVersion": "1.3.0",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"ephemeralStorage": {"sizeInGiB": 50}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "platformVersion": "1.4.0",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"ephemeralStorage": {"sizeInGiB": 50}}}
    /// ```
    ///
    /// ## How to fix
    /// Use `platformVersion` `LATEST` or `1.4.0` (or omit it). The fix sets `LATEST` (unsafe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-storage.html
    pub static RULE = {
        code: "RT310",
        name: "ephemeral-storage-on-old-platform",
        severity: Error,
        catalogue: ["R-FG-16"],
        topics: [PlatformVersion, EphemeralStorage],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(severity) = ctx.fargate_severity(Severity::Error) else { return };
    let Some(ov) = ctx.req.overrides else { return };
    let Some(node) = ctx.doc.get(ov, "ephemeralStorage") else { return };
    let Some((pv, version)) = linux_platform_before(ctx, platform::LINUX_1_4) else { return };
    let fix = platform_latest_fix(ctx, pv);
    ctx.report_key(node, format!("`overrides.ephemeralStorage` needs Linux platform version {}, but `platformVersion` is {version}", platform::show(platform::LINUX_1_4)))
        .severity(severity)
        .label(pv, format!("platform version {version}"))
        .help(format!("set `platformVersion` to `LATEST` or `{}` (or omit it)", platform::show(platform::LINUX_1_4)))
        .note("ECS answers `One or more of the requested capabilities are not supported.`")
        .fix(fix);
}
