use crate::context::{Ctx, Target};
use crate::data::limits::{EC2_TASK_CPU_LEGACY_MAX, EC2_TASK_CPU_MAX, EC2_TASK_CPU_MIN};
use crate::units;

crate::declare_rule! {
    /// ## What it checks
    /// Whether the task-level `overrides.cpu` of a task on EC2 is above 10240 CPU units (10 vCPU)
    /// while within the current maximum of 196608 (192 vCPU).
    ///
    /// ## Why it matters
    /// Older ECS documents (2023) give 10 vCPU as the maximum task-level cpu on EC2; the current
    /// API reference allows 192 vCPU. The value is accepted, but the container instance must still
    /// have that much CPU free, or the task stays unplaced (reported in the response's
    /// `failures`).
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "overrides": {"cpu": "16384"}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "overrides": {"cpu": "10240"}}
    /// ```
    ///
    /// ## How to fix
    /// Nothing, if your instances have the capacity; otherwise lower `overrides.cpu`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html
    pub static RULE = {
        code: "RT306",
        name: "ec2-task-cpu-above-legacy-limit",
        severity: Info,
        catalogue: ["R-FG-10"],
        topics: [TaskSize],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.target != Target::Ec2Like {
        return;
    }
    let Some(node) = ctx.req.overrides_cpu else { return };
    let Some(cpu) = ctx.doc.str(node).and_then(|s| units::parse_cpu(&s)) else { return };
    let cpu = i64::from(cpu);
    if cpu <= EC2_TASK_CPU_LEGACY_MAX || cpu > EC2_TASK_CPU_MAX {
        return;
    }
    let vcpu = |c: i64| units::vcpu_words(u32::try_from(c).unwrap_or(u32::MAX));
    ctx.report(node, format!("`overrides.cpu` is {cpu} CPU units ({}), above the {} that older ECS documents gave as the maximum on EC2", vcpu(cpu), vcpu(EC2_TASK_CPU_LEGACY_MAX)))
        .help(format!("make sure a container instance has that much CPU free; the current maximum is {} ({EC2_TASK_CPU_MAX})", vcpu(EC2_TASK_CPU_MAX)))
        .note(format!("the API reference now allows {EC2_TASK_CPU_MIN}–{EC2_TASK_CPU_MAX} CPU units for tasks on EC2"));
}
