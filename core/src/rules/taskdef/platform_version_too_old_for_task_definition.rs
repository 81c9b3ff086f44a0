use crate::context::Ctx;
use crate::diagnostics::{Applicability, Severity};
use crate::units;

use crate::data::platform;

crate::declare_rule! {
    /// ## What it checks
    /// That a Linux task definition that uses features of Fargate platform version 1.4.0 is not
    /// run with an earlier `platformVersion` (`1.3.0` and older): EFS volumes, task-level
    /// `ephemeralStorage`, container `environmentFiles`, or a task cpu of 8 vCPU or more. The
    /// message lists what needs 1.4.0. (The same features given as overrides are reported by RT302, RT310 and RT342.) A
    /// warning when the target is not known to be Fargate.
    ///
    /// ## Why it matters
    /// These features arrived with Linux platform version 1.4.0. ECS rejects the task with
    /// `PlatformTaskDefinitionIncompatibilityException`: `One or more of the requested
    /// capabilities are not supported.`
    ///
    /// ## Task definition
    /// ```json
    /// {"taskDefinition": {"family": "web", "revision": 3, "containerDefinitions": [{"name": "app", "image": "nginx"}], "networkMode": "awsvpc", "compatibilities": ["EC2", "FARGATE"], "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512", "volumes": [{"name": "shared", "efsVolumeConfiguration": {"fileSystemId": "fs-0a1b2c3d", "transitEncryption": "ENABLED"}}]}}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "platformVersion": "1.3.0", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "platformVersion": "1.4.0", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Use `platformVersion` `LATEST` (the fix; unsafe, as it changes the platform) or `1.4.0`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-linux-fargate.html
    pub static RULE = {
        code: "RT816",
        name: "platform-version-too-old-for-task-definition",
        severity: Error,
        catalogue: ["R-TD-18"],
        task_definition: true,
        topics: [PlatformVersion],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    let Some(node) = ctx.req.platform_version else { return };
    let Some(version) = ctx.doc.str(node) else { return };
    if td.is_windows() || !platform::before_1_4(&version) {
        return;
    }
    let Some(severity) = ctx.fargate_severity(Severity::Error) else { return };
    let doc = ctx.doc;
    let mut features: Vec<String> = Vec::new();
    for v in td.volumes().into_iter().filter(|v| v.efs) {
        features.push(format!("EFS volume `{}`", v.name.as_deref().unwrap_or("(unnamed)")));
    }
    let overrides_storage = ctx.req.overrides.and_then(|o| doc.get(o, "ephemeralStorage")).is_some();
    if let Some(es) = td.get("ephemeralStorage").filter(|_| !overrides_storage) {
        match td.member(es, "sizeInGiB").and_then(|n| td.doc.int(n)) {
            Some(size) => features.push(format!("`ephemeralStorage` of {size} GiB")),
            None => features.push("`ephemeralStorage`".to_owned()),
        }
    }
    for c in td.containers() {
        if !td.has_items(c.node, "environmentFiles") {
            continue;
        }
        // A container override with its own files replaces these; RT342 reports those.
        let replaced = doc
            .elements(ctx.req.container_overrides)
            .any(|o| doc.get_str(o, "name").as_deref() == Some(c.name.as_ref()) && doc.get(o, "environmentFiles").is_some());
        if !replaced {
            features.push(format!("`environmentFiles` in container `{}`", c.name));
        }
    }
    if let Some(cpu) = td.cpu().filter(|&c| c >= 8192 && ctx.req.overrides_cpu.is_none()) {
        features.push(format!("task cpu {cpu} ({})", units::vcpu_words(cpu)));
    }
    if features.is_empty() {
        return;
    }
    let name = td.name();
    let fix = ctx.replace_value(node, "\"LATEST\"", Applicability::Unsafe, "Use platform version `LATEST`");
    ctx.report(node, format!("platform version `{version}` predates Linux platform {}, which task definition `{name}` needs for its {}", platform::show(platform::LINUX_1_4), features.join(", ")))
        .severity(severity)
        .help(crate::rules::fargate::use_latest())
        .note("ECS answers: One or more of the requested capabilities are not supported.")
        .fix(fix);
}
