use crate::context::{Ctx, Target};

crate::declare_rule! {
    /// ## What it checks
    /// Whether the task-level `overrides.cpu` or `overrides.memory` is set for a Windows task
    /// (from the task definition's `runtimePlatform`) on EC2.
    ///
    /// ## Why it matters
    /// "Task-level CPU and memory parameters are ignored for Windows containers" on EC2: the
    /// override has no effect, and the containers' own cpu and memory decide.
    ///
    /// ## Task definition
    /// ```json
    /// {"family": "web", "requiresCompatibilities": ["EC2"],
    ///  "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2019_FULL"},
    ///  "containerDefinitions": [{"name": "web", "image": "mcr.microsoft.com/windows/servercore/iis", "memory": 2048, "essential": true}]}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "overrides": {"cpu": "2048"}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "overrides": {"containerOverrides": [{"name": "web", "cpu": 2048}]}}
    /// ```
    ///
    /// ## How to fix
    /// Override `cpu` and `memory` per container in `containerOverrides` instead.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html
    pub static RULE = {
        code: "RT308",
        name: "windows-task-size-ignored",
        severity: Info,
        catalogue: ["R-FG-12"],
        task_definition: true,
        topics: [Windows, TaskSize],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.target != Target::Ec2Like || ctx.is_windows() != Some(true) {
        return;
    }
    let (cpu, mem) = (ctx.req.overrides_cpu, ctx.req.overrides_memory);
    let Some(node) = cpu.or(mem) else { return };
    let what = match (cpu, mem) {
        (Some(_), Some(_)) => "`overrides.cpu` and `overrides.memory` have",
        (Some(_), None) => "`overrides.cpu` has",
        _ => "`overrides.memory` has",
    };
    let mut r = ctx.report(node, format!("{what} no effect: ECS ignores task-level cpu and memory for Windows tasks on EC2"));
    r.help("override `cpu` and `memory` of the containers in `containerOverrides` instead");
    if let (Some(_), Some(m)) = (cpu, mem) {
        r.label(m, "also ignored");
    }
}
