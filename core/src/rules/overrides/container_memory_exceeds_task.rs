use crate::context::{Ctx, Target, TaskSize};

use super::{container_label, share_list, share_sum, shares};

crate::declare_rule! {
    /// ## What it checks
    /// That the containers' memory overrides fit the task's memory. When `overrides.memory` is
    /// set, the container overrides' `memory` (or `memoryReservation` where `memory` is absent)
    /// must add up to no more than it; equality is fine. When only the task definition gives the
    /// task's memory, no single container's `memory` override may exceed it. (The sum against
    /// the task definition, with the containers that are not overridden, is RT807's.)
    ///
    /// Not reported for Windows tasks on EC2, where task-level memory is ignored (RT308).
    ///
    /// ## Why it matters
    /// ECS refuses tasks whose containers need more memory than the task has: `The sum of all
    /// container 'memoryReservation' values cannot be greater than the value of the task
    /// 'memory'.` and `The 'memory' setting for container 'worker' is greater than for the
    /// task.`
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"cpu": "512", "memory": "2048", "containerOverrides": [
    ///   {"name": "web", "memory": 1536}, {"name": "worker", "memoryReservation": 1024}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"cpu": "512", "memory": "2048", "containerOverrides": [
    ///   {"name": "web", "memory": 1024}, {"name": "worker", "memoryReservation": 1024}]}}
    /// ```
    ///
    /// ## How to fix
    /// Raise `overrides.memory` or lower the containers' `memory`/`memoryReservation`. The
    /// message gives the sum and each container's share.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-memory
    pub static RULE = {
        code: "RT334",
        name: "container-memory-exceeds-task",
        severity: Error,
        catalogue: ["R-OV-08", "R-CO-09"],
        topics: [ContainerOverrides],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.target == Target::Ec2Like && ctx.is_windows() == Some(true) {
        return;
    }
    let doc = ctx.doc;
    let Some(TaskSize { value: task, node }) = ctx.task_memory() else { return };
    match node {
        Some(task_node) => {
            const MEMBERS: &[&str] = &["memory", "memoryReservation"];
            let sum = share_sum(shares(doc, ctx.req, MEMBERS));
            if sum <= i128::from(task) {
                return;
            }
            let parts: Vec<_> = shares(doc, ctx.req, MEMBERS).collect();
            let message = if let [one] = parts.as_slice() {
                format!("{} asks for {} MiB (`{}`), more than `overrides.memory` {task} MiB for the whole task", container_label(doc, one.container), one.value, one.member)
            } else {
                format!(
                    "the containers' memory overrides add up to {sum} MiB ({}), more than `overrides.memory` {task} MiB for the whole task",
                    share_list(doc, &parts, " MiB", Some("memory"))
                )
            };
            let mut r = ctx.report(task_node, message);
            r.help(format!("raise `overrides.memory` to at least {sum}, or lower the containers' `memory`/`memoryReservation`"))
                .note("ECS answers `The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'.`");
            for p in &parts {
                r.label(p.node, format!("{} MiB (`{}`) for {}", p.value, p.member, container_label(doc, p.container)));
            }
        }
        None => {
            for p in shares(doc, ctx.req, &["memory"]).filter(|p| p.value > i64::from(task)) {
                let who = container_label(doc, p.container);
                let name = doc.get_str(p.container, "name").unwrap_or_default();
                let name = crate::diagnostics::message::shorten(&name, 64);
                ctx.report(p.node, format!("{who} asks for {} MiB of `memory`, more than the task definition's task-level `memory` {task} MiB", p.value))
                    .help(format!("lower the container's `memory` to at most {task}, or set `overrides.memory` to a larger task size"))
                    .note(format!("ECS answers `The 'memory' setting for container '{name}' is greater than for the task.`"));
            }
        }
    }
}
