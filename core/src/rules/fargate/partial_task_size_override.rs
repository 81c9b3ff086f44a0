use crate::context::Ctx;
use crate::data::fargate;
use crate::units;
use crate::diagnostics::Severity;

use super::{cpu_words, memory_options};
use crate::diagnostics::message::or_list;

crate::declare_rule! {
    /// ## What it checks
    /// Whether a Fargate request overrides only one of the task-level `overrides.cpu` and
    /// `overrides.memory` while no task definition is supplied to this check.
    ///
    /// ## Why it matters
    /// The other value comes from the task definition, and Fargate accepts only certain cpu and
    /// memory pairs (`No Fargate configuration exists for given values.`). Without the task
    /// definition the pair cannot be checked here.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"cpu": "2048"}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"cpu": "2048", "memory": "4096"}}
    /// ```
    ///
    /// ## How to fix
    /// Override both `cpu` and `memory`, or supply the task definition so the pair is checked.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskOverride.html
    pub static RULE = {
        code: "RT304",
        name: "partial-task-size-override",
        severity: Warning,
        catalogue: ["R-FG-08"],
        topics: [TaskSize],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.td.is_some() {
        return; // RT301 checks the pair with the task definition's value.
    }
    let Some(severity) = ctx.fargate_severity(Severity::Warning) else { return };
    match (ctx.req.overrides_cpu, ctx.req.overrides_memory) {
        (Some(node), None) => {
            let cpu = ctx.doc.str(node).and_then(|s| units::parse_cpu(&s));
            let help = match cpu.and_then(fargate::tier) {
                Some(t) => format!("also set `overrides.memory` to one of {} for cpu {}, or supply the task definition", memory_options(t.memory), cpu_words(t.cpu)),
                None => "also set `overrides.memory`, or supply the task definition".to_owned(),
            };
            ctx.report(node, "`overrides.cpu` is set without `overrides.memory`, so the task definition's memory is used and the Fargate cpu/memory pair cannot be checked")
                .severity(severity)
                .help(help);
        }
        (None, Some(node)) => {
            let mem = ctx.doc.str(node).and_then(|s| units::parse_memory(&s));
            let cpus: Vec<u32> = mem.map(|m| fargate::tiers_for_memory(m).map(|t| t.cpu).collect()).unwrap_or_default();
            let help = if cpus.is_empty() {
                "also set `overrides.cpu`, or supply the task definition".to_owned()
            } else {
                format!("also set `overrides.cpu` ({} go with {} MiB), or supply the task definition", or_list(&cpus), mem.unwrap_or_default())
            };
            ctx.report(node, "`overrides.memory` is set without `overrides.cpu`, so the task definition's cpu is used and the Fargate cpu/memory pair cannot be checked")
                .severity(severity)
                .help(help);
        }
        _ => {}
    }
}
