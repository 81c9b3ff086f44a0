use crate::context::{Ctx, Target};
use crate::diagnostics::{Applicability, Severity};

use crate::data::platform;

crate::declare_rule! {
    /// ## What it checks
    /// That a Windows task (the task definition's `runtimePlatform.operatingSystemFamily` is a
    /// `WINDOWS_SERVER_*` family) on Fargate does not ask for a Linux platform version such as
    /// `1.3.0` or `1.4.0`: Windows takes `LATEST` or `1.0.0`.
    ///
    /// ## Why it matters
    /// Linux and Windows Fargate platform versions are numbered independently; Windows has only
    /// 1.0.0. ECS cannot run a Windows task on a Linux platform version.
    ///
    /// ## Task definition
    /// ```json
    /// {"family": "web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
    ///  "cpu": "1024", "memory": "2048",
    ///  "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE", "cpuArchitecture": "X86_64"},
    ///  "containerDefinitions": [{"name": "web", "image": "mcr.microsoft.com/windows/servercore/iis", "essential": true}]}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "platformVersion": "1.4.0",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "platformVersion": "1.0.0",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Use `LATEST` or `1.0.0`. The fix sets `LATEST` (unsafe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-windows-fargate.html
    pub static RULE = {
        code: "RT316",
        name: "linux-platform-version-on-windows",
        severity: Error,
        catalogue: ["R-PV-08", "R-TD-19"],
        task_definition: true,
        topics: [PlatformVersion, Windows],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if matches!(ctx.target, Target::Ec2Like | Target::External) || ctx.is_windows() != Some(true) {
        return;
    }
    let Some(node) = ctx.req.platform_version else { return };
    let Some(text) = ctx.doc.str(node) else { return };
    // Retired versions are RT314's; 1.0.0 is Windows' version.
    if platform::parse(&text).is_none_or(|v| !platform::LINUX_CURRENT.contains(&v) || platform::WINDOWS_CURRENT.contains(&v)) {
        return;
    }
    let Some(severity) = ctx.fargate_severity(Severity::Error) else { return };
    let fix = ctx.replace_value(node, "\"LATEST\"", Applicability::Unsafe, "Set `platformVersion` to `LATEST`");
    let windows = platform::WINDOWS_CURRENT.iter().map(|v| format!("`{}`", platform::show(*v))).collect::<Vec<_>>().join(" or ");
    ctx.report(node, format!("`platformVersion` is {text}, a Linux platform version, but the task definition is Windows; Windows tasks on Fargate take `LATEST` or {windows}"))
        .severity(severity)
        .help(format!("use `LATEST` or {windows}"))
        .fix(fix);
}
