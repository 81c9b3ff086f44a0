use crate::context::Ctx;
use crate::data::fargate;
use crate::diagnostics::Severity;

use super::{cpu_words, windows_unsupported_cpu};
use crate::units;

crate::declare_rule! {
    /// ## What it checks
    /// That a Windows task (the task definition's `runtimePlatform.operatingSystemFamily` is a
    /// `WINDOWS_SERVER_*` family) on Fargate does not use less than 1 vCPU or the Linux-only 8, 16
    /// or 32 vCPU sizes: Windows takes 1, 2 or 4 vCPU. The cpu is `overrides.cpu`, else the task
    /// definition's (reported at the memory override, or at the launch type or strategy that
    /// sends the task to Fargate). Other cpu values that are no Fargate size are RT301's.
    ///
    /// ## Why it matters
    /// "The CPU units cannot be less than 1 vCPU when you use Windows containers on Fargate", and
    /// Fargate offers Windows only the 1, 2 and 4 vCPU sizes; ECS refuses other sizes.
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
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "platformVersion": "LATEST",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"cpu": "512", "memory": "2048"}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "platformVersion": "LATEST",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"cpu": "1024", "memory": "2048"}}
    /// ```
    ///
    /// ## How to fix
    /// Use cpu 1024, 2048 or 4096 with a memory that goes with it. The fix sets the nearest
    /// Windows size (unsafe: it changes the size you pay for).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size
    pub static RULE = {
        code: "RT307",
        name: "windows-fargate-cpu-unsupported",
        severity: Error,
        catalogue: ["R-FG-11", "R-TD-19"],
        task_definition: true,
        topics: [Windows, TaskSize],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.is_windows() != Some(true) {
        return;
    }
    let Some(severity) = ctx.fargate_severity(Severity::Error) else { return };
    let (cpu_node, mem_node) = (ctx.req.overrides_cpu, ctx.req.overrides_memory);
    let Some(cpu) = ctx.task_cpu().map(|s| s.value) else { return };
    if !windows_unsupported_cpu(cpu) {
        return;
    }
    // Without overrides the size is the task definition's: point at what sends it to Fargate.
    let Some(node) = cpu_node.or(mem_node).or(ctx.req.launch_type).or(ctx.req.capacity_provider_strategy) else { return };
    let mem = ctx.task_memory().map(|s| s.value);
    let (best_cpu, best_mem) = fargate::nearest_pair(cpu, mem.unwrap_or(cpu.saturating_mul(2)), true);
    let fix = super::size_fix(ctx, cpu, mem, (best_cpu, best_mem));
    let min = super::windows_min_cpu();
    let why = if cpu < min { format!("less than the {} Windows tasks on Fargate need", units::vcpu_words(min)) } else { "a Linux-only Fargate size".to_owned() };
    let source = if cpu_node.is_some() { "`overrides.cpu`" } else { "the task definition's `cpu`" };
    ctx.report(node, format!("{source} is {}, {why}: Windows tasks on Fargate take {} CPU units", cpu_words(cpu), super::fargate_cpu_list(true)))
        .severity(severity)
        .help(format!("use a Windows size; the nearest is cpu {} with memory {best_mem} MiB", cpu_words(best_cpu)))
        .note("the task definition's `runtimePlatform.operatingSystemFamily` is Windows")
        .fix_opt(fix);
}
