use crate::context::Ctx;
use crate::diagnostics::Severity;

use crate::data::platform;

crate::declare_rule! {
    /// ## What it checks
    /// Whether `enableExecuteCommand` is `true` for a Fargate Linux task on a platform version
    /// before 1.4.0 (in practice `1.3.0`).
    ///
    /// ## Why it matters
    /// ECS Exec needs Fargate platform version 1.4.0 or later on Linux (1.0.0 on Windows); on
    /// an older platform the task cannot start with it enabled. When the target is not stated
    /// (no `launchType` or strategy), the finding is a warning.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "launchType": "FARGATE", "platformVersion": "1.3.0", "enableExecuteCommand": true, "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "launchType": "FARGATE", "platformVersion": "1.4.0", "enableExecuteCommand": true, "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Use `LATEST` or `1.4.0` (the fix sets `LATEST`; unsafe: another platform version).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html
    pub static RULE = {
        code: "RT125",
        name: "execute-command-platform-too-old",
        severity: Error,
        catalogue: ["R-TOP-26"],
        topics: [PlatformVersion, Exec],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(exec) = ctx.req.enable_execute_command else { return };
    if ctx.doc.bool(exec) != Some(true) {
        return;
    }
    let Some(pv_node) = ctx.req.platform_version else { return };
    let Some(pv) = ctx.doc.str(pv_node) else { return };
    let Some(version) = platform::parse(&pv) else { return };
    if version >= platform::LINUX_1_4 {
        return;
    }
    // 1.0.0 is also Windows's current version: only report it when the task is known to be
    // Linux. Windows tasks are not concerned.
    match ctx.is_windows() {
        Some(true) => return,
        None if platform::WINDOWS_CURRENT.contains(&version) => return,
        _ => {}
    }
    let Some(severity) = ctx.fargate_severity(Severity::Error) else { return };
    let fix = ctx.replace_value(pv_node, "\"LATEST\"", crate::diagnostics::Applicability::Unsafe, "Replace with `LATEST`");
    ctx.report(pv_node, format!("ECS Exec needs Fargate platform version {} or later on Linux, but `platformVersion` is `{pv}`", platform::show(platform::LINUX_1_4)))
        .label(exec, "ECS Exec is enabled here")
        .help(crate::rules::fargate::use_latest())
        .severity(severity)
        .fix(fix);
}
