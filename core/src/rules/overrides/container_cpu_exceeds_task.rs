use crate::context::{Ctx, Target, TaskSize};
use crate::data::fargate::FARGATE_TIERS;
use crate::units;

use super::{container_label, share_list, share_sum, shares};

crate::declare_rule! {
    /// ## What it checks
    /// That the containers' `cpu` overrides fit the task's cpu. When `overrides.cpu` is set, the
    /// container overrides that set `cpu` must add up to no more than it (containers that are
    /// not overridden only add to the sum, so this holds without the task definition). When
    /// only the task definition gives the task's cpu, no single container's `cpu` override may
    /// exceed it. (The sum against the task definition, with the containers that are not
    /// overridden, is RT808's.)
    ///
    /// Not reported for Windows tasks on EC2, where task-level cpu is ignored (RT308).
    ///
    /// ## Why it matters
    /// "The total amount of CPU reserved for all containers within a task [must] be lower than
    /// the task-level cpu value"; ECS refuses to run the task otherwise.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"cpu": "1024", "memory": "2048", "containerOverrides": [
    ///   {"name": "web", "cpu": 768}, {"name": "worker", "cpu": 512}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"cpu": "1024", "memory": "2048", "containerOverrides": [
    ///   {"name": "web", "cpu": 512}, {"name": "worker", "cpu": 512}]}}
    /// ```
    ///
    /// ## How to fix
    /// Raise `overrides.cpu` (on Fargate, to a size that holds the sum) or lower the containers'
    /// `cpu`. The message gives the sum and each container's share.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-cpu
    pub static RULE = {
        code: "RT333",
        name: "container-cpu-exceeds-task",
        severity: Error,
        catalogue: ["R-OV-07", "R-CO-08"],
        topics: [ContainerOverrides],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.target == Target::Ec2Like && ctx.is_windows() == Some(true) {
        return;
    }
    let doc = ctx.doc;
    if shares(doc, ctx.req, &["cpu"]).next().is_none() {
        return;
    }
    let Some(TaskSize { value: task, node }) = ctx.task_cpu() else { return };
    match node {
        Some(task_node) => {
            let sum = share_sum(shares(doc, ctx.req, &["cpu"]));
            if sum <= i128::from(task) {
                return;
            }
            let parts: Vec<_> = shares(doc, ctx.req, &["cpu"]).collect();
            let message = if let [one] = parts.as_slice() {
                format!(
                    "{} asks for {} CPU units, more than `overrides.cpu` {task} for the whole task",
                    container_label(doc, one.container),
                    one.value
                )
            } else {
                format!(
                    "the containers' cpu overrides add up to {sum} CPU units ({}), more than `overrides.cpu` {task} for the whole task",
                    share_list(doc, &parts, "", None)
                )
            };
            let fargate_size = (ctx.target == Target::Fargate)
                .then(|| FARGATE_TIERS.iter().find(|t| i128::from(t.cpu) >= sum))
                .flatten()
                .map(|t| format!(" (the smallest Fargate size that holds them is {}, {})", t.cpu, units::vcpu_words(t.cpu)))
                .unwrap_or_default();
            let mut r = ctx.report(task_node, message);
            r.help(format!("raise `overrides.cpu` to at least {sum}{fargate_size}, or lower the containers' `cpu`"))
                .note("the containers' cpu must fit within the task-level cpu");
            for p in &parts {
                r.label(p.node, format!("{} CPU units for {}", p.value, container_label(doc, p.container)));
            }
        }
        None => {
            for p in shares(doc, ctx.req, &["cpu"]).filter(|p| p.value > i64::from(task)) {
                let who = container_label(doc, p.container);
                ctx.report(p.node, format!("{who} asks for {} CPU units, more than the task definition's task-level `cpu` {task}", p.value))
                    .help(format!("lower the container's `cpu` to at most {task}, or set `overrides.cpu` to a larger task size"))
                    .note("the containers' cpu must fit within the task-level cpu");
            }
        }
    }
}
