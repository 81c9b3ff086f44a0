use crate::data::platform;
use crate::context::Ctx;
use crate::rules::fargate::{linux_platform_before, platform_latest_fix};
use crate::diagnostics::Severity;

use super::container_label;

crate::declare_rule! {
    /// ## What it checks
    /// That container overrides with `environmentFiles` on a Linux Fargate task do not come with a
    /// platform version older than 1.4.0 (`1.3.0`).
    ///
    /// ## Why it matters
    /// Environment files need Linux platform version 1.4.0 or later on Fargate. On `1.3.0` ECS
    /// answers `One or more of the requested capabilities are not supported.`
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "platformVersion": "1.3.0",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"containerOverrides": [{"name": "web",
    ///   "environmentFiles": [{"type": "s3", "value": "arn:aws:s3:::my-config/web/prod.env"}]}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "platformVersion": "LATEST",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"containerOverrides": [{"name": "web",
    ///   "environmentFiles": [{"type": "s3", "value": "arn:aws:s3:::my-config/web/prod.env"}]}]}}
    /// ```
    ///
    /// ## How to fix
    /// Use `platformVersion` `LATEST` or `1.4.0` (or omit it). The fix sets `LATEST` (unsafe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/use-environment-file.html
    pub static RULE = {
        code: "RT342",
        name: "environment-files-on-old-platform",
        severity: Error,
        catalogue: ["R-CO-18"],
        topics: [PlatformVersion, Environment],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(severity) = ctx.fargate_severity(Severity::Error) else { return };
    let Some((pv, version)) = linux_platform_before(ctx, platform::LINUX_1_4) else { return };
    let doc = ctx.doc;
    let files: Vec<_> = ctx.req.containers.iter().filter_map(|c| c.environment_files.map(|f| (c.node, f))).collect();
    for (c, files) in files {
        let fix = platform_latest_fix(ctx, pv);
        ctx.report_key(files, format!("{} uses `environmentFiles`, which need Linux platform version {}, but `platformVersion` is {version}", container_label(doc, c), platform::show(platform::LINUX_1_4)))
            .severity(severity)
            .label(pv, format!("platform version {version}"))
            .help(format!("set `platformVersion` to `LATEST` or `{}` (or omit it)", platform::show(platform::LINUX_1_4)))
            .note("ECS answers `One or more of the requested capabilities are not supported.`")
            .fix(fix);
    }
}
