use crate::context::Ctx;
use crate::diagnostics::{Applicability, Severity};

crate::declare_rule! {
    /// ## What it checks
    /// Whether `overrides.ephemeralStorage` is set for a Windows task (from the task definition's
    /// `runtimePlatform`) on Fargate.
    ///
    /// ## Why it matters
    /// AWS's documents disagree: the Fargate storage guide says configurable ephemeral storage
    /// "isn't supported for Windows containers on AWS Fargate", the API reference mentions Windows
    /// platform 1.0.0, and the TaskOverride documentation lists Linux only. The override may be
    /// refused or ignored.
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
    /// {"taskDefinition": "web:3", "launchType": "FARGATE",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"ephemeralStorage": {"sizeInGiB": 50}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"cpu": "2048", "memory": "4096"}}
    /// ```
    ///
    /// ## How to fix
    /// Do not rely on it for Windows tasks; keep data that needs room on a volume. The fix
    /// removes `ephemeralStorage` (unsafe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-storage.html
    pub static RULE = {
        code: "RT311",
        name: "ephemeral-storage-on-windows",
        severity: Warning,
        catalogue: ["R-FG-17"],
        task_definition: true,
        topics: [Windows, EphemeralStorage],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.is_windows() != Some(true) {
        return;
    }
    let Some(severity) = ctx.fargate_severity(Severity::Warning) else { return };
    let Some(ov) = ctx.req.overrides else { return };
    let Some(node) = ctx.doc.get(ov, "ephemeralStorage") else { return };
    let fix = ctx.remove(node, Applicability::Unsafe, "Remove `ephemeralStorage`");
    ctx.report_key(node, "`overrides.ephemeralStorage` on a Windows task on Fargate: AWS documents it as unsupported for Windows containers on Fargate")
        .severity(severity)
        .help("remove it, or confirm that your Windows task accepts it before relying on it")
        .note("the Fargate storage guide and the API reference disagree on Windows support")
        .fix(fix);
}
