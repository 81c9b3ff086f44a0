use crate::context::{Ctx, Target};

use super::{effective_containers, total, report_at_task_definition, shares, Amount};

crate::declare_rule! {
    /// ## What it checks
    /// With the task definition's values filled in where the request does not override them:
    /// that no container's hard `memory` limit is above the task's memory, and that the
    /// containers' `cpu` add up to no more than the task's cpu. The task's values are
    /// `overrides.cpu` / `overrides.memory`, else the task definition's. The message names every
    /// container and its effective value. (A container override's own `cpu` or `memory` above the
    /// task's, and container overrides that alone exceed `overrides.cpu`, are RT334's and RT333's.) Skipped
    /// for Windows tasks off Fargate, where task-level sizes are ignored.
    ///
    /// ## Why it matters
    /// ECS refuses the task: `The 'memory' setting for container 'worker' is greater than for the
    /// task.` The total cpu reserved by the containers must fit the task-level cpu (botocore
    /// `ContainerDefinition.cpu`). Lowering `overrides.memory` or `overrides.cpu` below what the
    /// task definition's containers ask for is the usual way to get here.
    ///
    /// ## Task definition
    /// ```json
    /// {"taskDefinition": {"family": "web", "revision": 3, "containerDefinitions": [{"name": "app", "image": "nginx", "cpu": 512, "memory": 1536}, {"name": "log", "image": "fluent-bit", "cpu": 256, "memoryReservation": 256}], "networkMode": "awsvpc", "compatibilities": ["EC2", "FARGATE"], "requiresCompatibilities": ["FARGATE"], "cpu": "1024", "memory": "2048"}}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}, "overrides": {"cpu": "512", "memory": "1024"}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}, "overrides": {"cpu": "1024", "memory": "3072"}}
    /// ```
    ///
    /// ## How to fix
    /// Raise `overrides.memory` / `overrides.cpu` to cover the containers, or lower the containers'
    /// values with `containerOverrides`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
    pub static RULE = {
        code: "RT808",
        name: "container-resources-exceed-task",
        severity: Error,
        catalogue: ["R-TD-10"],
        task_definition: true,
        topics: [TaskSize, ContainerOverrides],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    if td.is_windows() && ctx.target != Target::Fargate {
        return;
    }
    let name = td.name();
    let containers = effective_containers(ctx);
    if let Some(task) = ctx.task_memory() {
        let from = if task.node.is_some() { "`overrides.memory`".to_owned() } else { format!("task definition `{name}`") };
        // Overridden container memory is RT334's (R-CO-09); here the task definition's.
        for c in &containers {
            let Some(m) = c.memory.filter(|m| m.node.is_none() && m.value > i64::from(task.value)) else { continue };
            let message = format!(
                "container `{}` has a hard `memory` limit of {} MiB (task definition `{name}`), more than the task's {} MiB (from {from})",
                c.name, m.value, task.value
            );
            let help = format!("raise the task memory to at least {} MiB, or lower `{}`'s memory with a container override", m.value, c.name);
            let note = format!("ECS answers: The 'memory' setting for container '{}' is greater than for the task.", c.name);
            match task.node {
                Some(n) => ctx.report(n, message).help(help).note(note),
                None => report_at_task_definition(ctx, message).help(help).note(note),
            };
        }
    }
    let Some(task) = ctx.task_cpu() else { return };
    let parts: Vec<(&str, Amount)> = containers.iter().filter_map(|c| Some((c.name.as_ref(), c.cpu?))).collect();
    let sum = total(parts.iter().map(|(_, a)| a.value));
    if sum <= i64::from(task.value) || reported_by_overrides_rules(ctx, task.value, task.node.is_some()) {
        return;
    }
    let from = if task.node.is_some() { "`overrides.cpu`".to_owned() } else { format!("task definition `{name}`") };
    let message = format!("the containers' cpu add up to {sum} units, more than the task's {} (from {from}): {}", task.value, shares(&parts, "units"));
    let help = format!("raise the task cpu to at least {sum} units, or lower the containers' `cpu` by {} units in total", sum - i64::from(task.value));
    let anchor = task.node.or_else(|| parts.iter().filter_map(|(_, a)| a.node).min());
    let mut r = match anchor {
        Some(n) => ctx.report(n, message),
        None => report_at_task_definition(ctx, message),
    };
    r.help(help);
    for (container, a) in &parts {
        if let Some(n) = a.node.filter(|&n| Some(n) != anchor) {
            r.label(n, format!("`{container}` asks for {} units", a.value));
        }
    }
}

/// R-OV-07 (container override cpus alone exceed `overrides.cpu`) and R-CO-08 (one container
/// override's cpu above the task's): reported by the overrides rules.
fn reported_by_overrides_rules(ctx: &Ctx<'_, '_>, task: u32, overridden: bool) -> bool {
    let doc = ctx.doc;
    let cpus = || doc.elements(ctx.req.container_overrides).filter_map(|o| doc.get_int(o, "cpu"));
    cpus().any(|c| c > i64::from(task)) || (overridden && total(cpus()) > i64::from(task))
}
