use crate::context::{Ctx, Target};

use super::{effective_containers, total, report_at_task_definition, shares, Amount};

crate::declare_rule! {
    /// ## What it checks
    /// That the memory the containers reserve fits the task's memory. Each container reserves its
    /// `memoryReservation`, or its `memory` when it has no reservation, taking the container
    /// override's value over the task definition's; the task's memory is `overrides.memory`, else
    /// the task definition's `memory`. Equal is fine. The message names every container and its
    /// value. (When the container overrides alone exceed `overrides.memory`, RT334 reports it.)
    /// Skipped for Windows tasks off Fargate, where task-level memory is ignored.
    ///
    /// ## Why it matters
    /// ECS refuses a task whose containers ask for more than the task has: `The sum of all
    /// container 'memoryReservation' values cannot be greater than the value of the task
    /// 'memory'.`
    ///
    /// ## Task definition
    /// ```json
    /// {"taskDefinition": {"family": "web", "revision": 3, "containerDefinitions": [{"name": "app", "image": "nginx", "memoryReservation": 1024}, {"name": "log", "image": "fluent-bit", "memoryReservation": 512}], "networkMode": "awsvpc", "compatibilities": ["EC2", "FARGATE"], "requiresCompatibilities": ["FARGATE"], "cpu": "512", "memory": "2048"}}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}, "overrides": {"containerOverrides": [{"name": "app", "memoryReservation": 1792}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}, "overrides": {"containerOverrides": [{"name": "app", "memoryReservation": 1536}]}}
    /// ```
    ///
    /// ## How to fix
    /// Raise `overrides.memory` (with a matching `overrides.cpu` on Fargate) to at least the sum,
    /// or lower the containers' `memoryReservation`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html
    pub static RULE = {
        code: "RT807",
        name: "memory-reservations-exceed-task",
        severity: Error,
        catalogue: ["R-TD-09"],
        task_definition: true,
        topics: [TaskSize, ContainerOverrides],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    if td.is_windows() && ctx.target != Target::Fargate {
        return;
    }
    let Some(task) = ctx.task_memory() else { return };
    let containers = effective_containers(ctx);
    let parts: Vec<(&str, Amount)> = containers.iter().filter_map(|c| Some((c.name.as_ref(), c.reserved()?))).collect();
    let sum = total(parts.iter().map(|(_, a)| a.value));
    if sum <= i64::from(task.value) {
        return;
    }
    if task.node.is_some() && overrides_alone_exceed(ctx, task.value) {
        return;
    }
    let name = td.name();
    let from = if task.node.is_some() { "`overrides.memory`".to_owned() } else { format!("task definition `{name}`") };
    let message = format!(
        "the containers reserve {sum} MiB in total, more than the task's {} MiB (from {from}): {}",
        task.value,
        shares(&parts, "MiB")
    );
    let anchor = task.node.or_else(|| parts.iter().filter_map(|(_, a)| a.node).min());
    let help = format!("raise the task memory to at least {sum} MiB, or lower the containers' `memoryReservation` by {} MiB", sum - i64::from(task.value));
    let mut r = match anchor {
        Some(n) => ctx.report(n, message),
        None => report_at_task_definition(ctx, message),
    };
    r.help(help).note("ECS answers: The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'.");
    for (container, a) in &parts {
        if let Some(n) = a.node.filter(|&n| Some(n) != anchor) {
            r.label(n, format!("`{container}` reserves {} MiB", a.value));
        }
    }
}

/// R-OV-08's condition, reported by the overrides rules: the container overrides' own `memory`
/// (or `memoryReservation`) add up to more than `overrides.memory`.
fn overrides_alone_exceed(ctx: &Ctx<'_, '_>, task: u32) -> bool {
    let doc = ctx.doc;
    total(doc.elements(ctx.req.container_overrides).filter_map(|o| doc.get_int(o, "memory").or_else(|| doc.get_int(o, "memoryReservation")))) > i64::from(task)
}
