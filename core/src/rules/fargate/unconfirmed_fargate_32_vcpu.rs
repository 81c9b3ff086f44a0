use crate::context::Ctx;
use crate::data::fargate::{FARGATE_TIERS, FARGATE_UNCONFIRMED_32_VCPU};
use crate::units;
use crate::diagnostics::Severity;

use super::memory_options;

crate::declare_rule! {
    /// ## What it checks
    /// Whether a Fargate task is overridden to 32 vCPU (`overrides.cpu` 32768 or `"32 vCPU"`).
    ///
    /// ## Why it matters
    /// The 32 vCPU size (Linux only, with 60, 120 or 244 GB) is reported by third-party tools in
    /// 2026 but is not in the AWS documents this tool was built from, and its Region availability
    /// and platform requirement are unknown. The request may be refused with `No Fargate
    /// configuration exists for given values.`
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"cpu": "32768", "memory": "122880"}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"cpu": "16384", "memory": "122880"}}
    /// ```
    ///
    /// ## How to fix
    /// Confirm that 32 vCPU Fargate tasks are available in your Region before relying on it, or
    /// use 16 vCPU (16384) with up to 120 GB.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size
    pub static RULE = {
        code: "RT303",
        name: "unconfirmed-fargate-32-vcpu",
        severity: Warning,
        status: Preview,
        catalogue: ["R-FG-07"],
        topics: [TaskSize],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(severity) = ctx.fargate_severity(Severity::Warning) else { return };
    if ctx.is_windows() == Some(true) {
        return; // RT307
    }
    let Some(node) = ctx.req.overrides_cpu else { return };
    let Some(cpu) = ctx.doc.str(node).and_then(|s| units::parse_cpu(&s)) else { return };
    if cpu != FARGATE_UNCONFIRMED_32_VCPU.cpu {
        return;
    }
    let t = &FARGATE_UNCONFIRMED_32_VCPU;
    let largest = FARGATE_TIERS.iter().map(|t| t.cpu).max().unwrap_or(0);
    ctx.report(node, format!("`overrides.cpu` asks for {} ({} CPU units), a Fargate size not confirmed by AWS's documents", units::vcpu_words(t.cpu), t.cpu))
        .severity(severity)
        .help(format!("check that {} Fargate tasks are offered in your Region, or use {}", units::vcpu_words(t.cpu), super::cpu_words(largest)))
        .note(format!("reported sizes: {}, Linux only, with {}", units::vcpu_words(t.cpu), memory_options(t.memory)));
}
