use crate::context::{Ctx, Target};
use crate::diagnostics::{Applicability, Severity};

use crate::data::platform;

crate::declare_rule! {
    /// ## What it checks
    /// That `platformVersion` is not a retired Linux Fargate platform: `1.1.0` and `1.2.0` are
    /// errors; `1.0.0` is an error when the task definition says Linux and a warning when no task
    /// definition is supplied (`1.0.0` is Windows' current version, so it is fine for Windows).
    ///
    /// ## Why it matters
    /// Linux platform versions 1.0.0, 1.1.0 and 1.2.0 are no longer available; ECS answers with a
    /// PlatformUnknownException (`The specified platform does not exist.`).
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "platformVersion": "1.2.0",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "platformVersion": "1.4.0",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Use `LATEST` or `1.4.0` on Linux; `1.0.0` only for Windows tasks. The fix sets `LATEST`
    /// (unsafe: it changes the platform).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-linux-fargate.html
    pub static RULE = {
        code: "RT314",
        name: "retired-platform-version",
        severity: Error,
        catalogue: ["R-PV-05", "R-PV-06"],
        topics: [PlatformVersion],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if matches!(ctx.target, Target::Ec2Like | Target::External) {
        return;
    }
    let Some(node) = ctx.req.platform_version else { return };
    let Some(text) = ctx.doc.str(node) else { return };
    let Some(v) = platform::parse(&text) else { return };
    if !platform::LINUX_RETIRED.contains(&v) {
        return;
    }
    let (severity, message) = match (platform::WINDOWS_CURRENT.contains(&v), ctx.is_windows()) {
        (false, _) => (Severity::Error, format!("`platformVersion` is {text}, a retired Fargate platform version that is no longer available")),
        (true, Some(false)) => (Severity::Error, format!("`platformVersion` is {text}, a retired Linux platform version, and the task definition is Linux")),
        (true, None) => (Severity::Warning, format!("`platformVersion` is {text}, which exists only for Windows tasks (Linux {text} is retired)")),
        (true, Some(true)) => return,
    };
    let fix = ctx.replace_value(node, "\"LATEST\"", Applicability::Unsafe, "Set `platformVersion` to `LATEST`");
    ctx.report(node, message)
        .severity(severity)
        .help(format!("{} for Linux tasks (`{}` only for Windows)", super::use_latest(), platform::show(platform::WINDOWS_CURRENT[0])))
        .note("ECS answers `The specified platform does not exist.` for retired versions")
        .fix(fix);
}
