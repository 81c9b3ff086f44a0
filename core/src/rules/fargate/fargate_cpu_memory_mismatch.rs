use crate::context::Ctx;
use crate::data::fargate::{self, FARGATE_UNCONFIRMED_32_VCPU};
use crate::diagnostics::Severity;

use super::{cpu_words, fargate_cpu_list, memory_options};
use crate::diagnostics::message::or_list;

crate::declare_rule! {
    /// ## What it checks
    /// That a Fargate task's cpu and memory form one of the sizes Fargate offers, e.g. 256 CPU
    /// units with 512, 1024 or 2048 MiB. The pair is the task-level `overrides.cpu` and
    /// `overrides.memory`, read in CPU units/MiB or in the `"1 vCPU"`/`"2 GB"` forms; when only
    /// one is overridden and the task definition is supplied, its `cpu` or `memory` fills in the
    /// other. The 32 vCPU sizes (61440, 122880, 249856 MiB), not yet in AWS's own documents, are
    /// accepted.
    ///
    /// ## Why it matters
    /// ECS refuses any other combination: `No Fargate configuration exists for given values: 512
    /// CPU , 512 memory. See the Amazon ECS documentation for the valid values.`
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"cpu": "256", "memory": "3072"}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"cpu": "512", "memory": "3072"}}
    /// ```
    ///
    /// ## How to fix
    /// Pick a valid pair. The message names the nearest one, and the fix sets it (unsafe: it
    /// changes the size you pay for). When the target is unknown but `platformVersion` is set,
    /// the finding is a warning.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size
    pub static RULE = {
        code: "RT301",
        name: "fargate-cpu-memory-mismatch",
        severity: Error,
        catalogue: ["R-FG-05", "R-TD-08"],
        topics: [TaskSize],
    };
}

const NOTE: &str = "ECS answers `No Fargate configuration exists for given values.`";

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(mut severity) = ctx.fargate_severity(Severity::Error) else { return };
    let (cpu_node, mem_node) = (ctx.req.overrides_cpu, ctx.req.overrides_memory);
    if cpu_node.is_none() && mem_node.is_none() {
        return;
    }
    let (Some(cpu), Some(mem)) = (ctx.task_cpu().map(|s| s.value), ctx.task_memory().map(|s| s.value)) else { return };
    if fargate::is_valid_pair(cpu, mem, true) {
        return;
    }
    let windows = ctx.is_windows() == Some(true);
    if windows && super::windows_unsupported_cpu(cpu) {
        return; // RT307 reports the Windows size.
    }
    let cpu_src = if cpu_node.is_some() { "`overrides.cpu`" } else { "the task definition's `cpu`" };
    let mem_src = if mem_node.is_some() { "`overrides.memory`" } else { "the task definition's `memory`" };

    let tier_memory: Option<&'static [u32]> = if cpu == FARGATE_UNCONFIRMED_32_VCPU.cpu {
        severity = severity.max(Severity::Warning);
        Some(FARGATE_UNCONFIRMED_32_VCPU.memory)
    } else {
        fargate::tier(cpu).map(|t| t.memory)
    };
    let (best_cpu, best_mem) = match tier_memory {
        Some(options) if cpu == FARGATE_UNCONFIRMED_32_VCPU.cpu => (cpu, fargate::nearest_memory(options, mem)),
        _ => fargate::nearest_pair(cpu, mem, windows),
    };

    // Where to point: at the value that is off. A known cpu size makes the memory the odd one.
    let (node, message) = match tier_memory {
        Some(options) => {
            let message = format!(
                "{mem_src} is {mem} MiB, but with {cpu_src} {} Fargate takes only {}",
                cpu_words(cpu),
                memory_options(options)
            );
            (mem_node.or(cpu_node), message)
        }
        None => {
            let fits: Vec<u32> = fargate::tiers_for_memory(mem).map(|t| t.cpu).collect();
            let with = if fits.is_empty() { String::new() } else { format!("; {mem} MiB of memory goes with cpu {}", or_list(&fits)) };
            let message = format!(
                "{cpu_src} is {cpu} CPU units, which is not a Fargate size: Fargate takes {}{with}",
                fargate_cpu_list(windows)
            );
            (cpu_node.or(mem_node), message)
        }
    };
    let Some(node) = node else { return };

    let help = format!("use a valid pair; the nearest is cpu {} with memory {best_mem} MiB", cpu_words(best_cpu));
    let fix = super::size_fix(ctx, cpu, Some(mem), (best_cpu, best_mem));
    let other = if node == mem_node.unwrap_or(u32::MAX) { cpu_node } else { mem_node };
    let mut r = ctx.report(node, message);
    r.severity(severity).help(help).note(NOTE).fix_opt(fix);
    if let Some(o) = other {
        r.label(o, if Some(o) == cpu_node { "with this cpu" } else { "with this memory" });
    }
}
