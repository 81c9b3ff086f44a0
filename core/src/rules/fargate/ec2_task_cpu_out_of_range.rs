use crate::context::{Ctx, Target};
use crate::data::limits::{EC2_TASK_CPU_MAX, EC2_TASK_CPU_MIN};
use crate::units;
use crate::diagnostics::{Applicability, Severity};

crate::declare_rule! {
    /// ## What it checks
    /// That the task-level `overrides.cpu` of a task on EC2 (launch type `EC2`, a strategy of
    /// Auto Scaling group providers, or `EXTERNAL`) is between 128 CPU units (0.125 vCPU) and
    /// 196608 (192 vCPU). When neither `launchType` nor `capacityProviderStrategy` is given (the
    /// cluster's default strategy decides) the finding is a warning; Fargate sizes are checked by
    /// RT301.
    ///
    /// ## Why it matters
    /// ECS documents task-level cpu on EC2 as "between 128 CPU units (0.125 vCPUs) and 196608 CPU
    /// units (192 vCPUs)"; other values are refused.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "overrides": {"cpu": "64"}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "overrides": {"cpu": "128"}}
    /// ```
    ///
    /// ## How to fix
    /// Use 128–196608 CPU units. The fix moves the value to the nearest bound (unsafe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html
    pub static RULE = {
        code: "RT305",
        name: "ec2-task-cpu-out-of-range",
        severity: Error,
        catalogue: ["R-FG-09"],
        topics: [TaskSize],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let severity = match ctx.target {
        Target::Ec2Like | Target::External => Severity::Error,
        Target::Unknown if ctx.req.platform_version.is_none() => Severity::Warning,
        _ => return,
    };
    let Some(node) = ctx.req.overrides_cpu else { return };
    let Some(cpu) = ctx.doc.str(node).and_then(|s| units::parse_cpu(&s)) else { return };
    let cpu = i64::from(cpu);
    let bound = if cpu < EC2_TASK_CPU_MIN {
        EC2_TASK_CPU_MIN
    } else if cpu > EC2_TASK_CPU_MAX {
        EC2_TASK_CPU_MAX
    } else {
        return;
    };
    let word = if bound == EC2_TASK_CPU_MIN { "below the minimum" } else { "above the maximum" };
    let fix = ctx.replace_value(node, format!("\"{bound}\""), Applicability::Unsafe, format!("Set `overrides.cpu` to {bound}"));
    let vcpus = |c: i64| units::vcpus(u32::try_from(c).unwrap_or(u32::MAX));
    ctx.report(node, format!("`overrides.cpu` is {cpu} CPU units, {word} of {bound} for tasks on EC2 ({EC2_TASK_CPU_MIN}–{EC2_TASK_CPU_MAX}, {}–{} vCPU)", vcpus(EC2_TASK_CPU_MIN), vcpus(EC2_TASK_CPU_MAX)))
        .severity(severity)
        .help(format!("use {EC2_TASK_CPU_MIN}–{EC2_TASK_CPU_MAX} CPU units, e.g. {bound}"))
        .fix(fix);
}
