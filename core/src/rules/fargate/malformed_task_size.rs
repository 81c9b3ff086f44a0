use crate::context::Ctx;
use crate::json::NodeId;
use crate::diagnostics::message::{cat, shown};
use crate::decimal::{Decimal, NotWhole};
use crate::units;
use crate::diagnostics::Applicability;

crate::declare_rule! {
    /// ## What it checks
    /// That the task-level `overrides.cpu` is CPU units (`"1024"`) or vCPUs (`"1 vCPU"`,
    /// `".25 vcpu"`: any case and spacing, a whole number of CPU units), and that
    /// `overrides.memory` is MiB (`"2048"`) or GB (`"2GB"`, `"2 gb"`).
    ///
    /// ## Why it matters
    /// These are the only forms ECS documents for task-level cpu and memory. Other text, such as
    /// `"2 GiB"`, `"512MB"` or `"0.3 vCPU"` (307.2 CPU units), is rejected when the task starts.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"cpu": "1 vCPU", "memory": "2 GiB"}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"cpu": "1 vCPU", "memory": "2GB"}}
    /// ```
    ///
    /// ## How to fix
    /// Write CPU units and MiB as plain numbers (`"1024"`, `"2048"`). When the meaning is evident
    /// (`"2 GiB"`, `"512 MB"`, `"2 vCPUs"`, `" 1024"`, `"1024.0"`) the fix writes the number
    /// (safe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskOverride.html
    pub static RULE = {
        code: "RT300",
        name: "malformed-task-size",
        severity: Error,
        catalogue: ["R-FG-02", "R-FG-04"],
        topics: [TaskSize],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let req = ctx.req;
    for (node, is_cpu) in [(req.overrides_cpu, true), (req.overrides_memory, false)] {
        if let Some(node) = node {
            check_one(ctx, node, is_cpu);
        }
    }
}

fn check_one(ctx: &mut Ctx<'_, '_>, node: NodeId, is_cpu: bool) {
    let Some(text) = ctx.doc.str(node) else { return };
    let readable = if is_cpu { units::is_cpu_text(&text) } else { units::is_memory_text(&text) };
    if readable {
        return;
    }
    let (member, unit, plain, scaled) = if is_cpu {
        ("overrides.cpu", "CPU units", "CPU units (\"1024\")", "vCPUs (\"1 vCPU\")")
    } else {
        ("overrides.memory", "MiB", "MiB (\"2048\")", "GB (\"2 GB\")")
    };
    let shown = shown(&text, 40);
    let message = if text.trim().is_empty() {
        cat!("`", member, "` is empty; it takes ", plain, " or ", scaled)
    } else if text.trim_start().starts_with('-') {
        cat!("`", member, "` is ", shown, ", a negative size; it takes ", plain, " or ", scaled)
    } else if is_cpu && fractional_vcpu(&text) {
        cat!("`", member, "` is ", shown, ", which is not a whole number of CPU units (1 vCPU = ", units::CPU_UNITS_PER_VCPU, " units)")
    } else {
        cat!("`", member, "` is ", shown, ", which is neither ", plain, " nor ", scaled)
    };
    let guess = if is_cpu { guess_cpu(&text) } else { guess_memory(&text) };
    match guess {
        Some(v) => {
            let fix = ctx.replace_value(node, cat!("\"", v, "\""), Applicability::Safe, cat!("Replace with \"", v, "\""));
            ctx.report(node, message).help(cat!("write the size as a plain number of ", unit, ": \"", v, "\"")).fix(fix);
        }
        None => {
            let example = if is_cpu { "\"256\", \"1024\" or \"1 vCPU\"" } else { "\"512\", \"2048\" or \"2 GB\"" };
            ctx.report(node, message).help(cat!("write a number of ", unit, ", e.g. ", example));
        }
    }
}

/// `"0.3 vCPU"`: the vCPU form with a decimal number (`1.5`, `.3`) that is not a whole number of
/// units.
fn fractional_vcpu(text: &str) -> bool {
    let t = text.trim();
    let n = t.len();
    if n <= 4 || !t.is_char_boundary(n - 4) || !t[n - 4..].eq_ignore_ascii_case("vcpu") {
        return false;
    }
    let number = t[..n - 4].trim_end();
    let (int, frac) = number.split_once('.').unwrap_or((number, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    !frac.is_empty() && digits(int) && digits(frac) && Decimal::parse(number).is_some_and(|d| d.times(1024) == Err(NotWhole::Fraction))
}

/// A number (digits with an optional point) followed by an optional unit, case-insensitively:
/// (number, unit in lower case).
fn split_number(text: &str) -> Option<(Decimal<'_>, String)> {
    let t = text.trim();
    let end = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
    let (num, unit) = t.split_at(end);
    Some((Decimal::parse(num)?, unit.trim().to_ascii_lowercase()))
}

/// The number times `scale`, when that is a whole number from 1 to `u32::MAX`.
fn whole(n: Decimal<'_>, scale: u16) -> Option<u32> {
    n.times(scale).ok().and_then(|v| u32::try_from(v).ok()).filter(|&v| v > 0)
}

/// The CPU units an unreadable cpu value evidently means.
fn guess_cpu(text: &str) -> Option<u32> {
    let (n, unit) = split_number(text)?;
    match unit.as_str() {
        "" | "units" | "cpu units" => whole(n, 1),
        // `"2 cpu"` could mean 2 vCPUs or 2 CPU units (ECS's own messages say "512 CPU"): no guess.
        "vcpu" | "vcpus" | "v cpu" | "v-cpu" => whole(n, 1024),
        _ => None,
    }
}

/// The MiB an unreadable memory value evidently means.
fn guess_memory(text: &str) -> Option<u32> {
    let (n, unit) = split_number(text)?;
    match unit.as_str() {
        "" | "m" | "mb" | "mib" => whole(n, 1),
        "g" | "gib" | "gb" => whole(n, 1024),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses() {
        assert_eq!(guess_cpu(" 1024"), Some(1024));
        assert_eq!(guess_cpu("1024.0"), Some(1024));
        assert_eq!(guess_cpu("2 vCPUs"), Some(2048));
        assert_eq!(guess_cpu("0.3 vCPU"), None);
        assert_eq!(guess_cpu("1 core"), None);
        assert_eq!(guess_memory("2 GiB"), Some(2048));
        assert_eq!(guess_memory("512MB"), Some(512));
        assert_eq!(guess_memory("1.5 TB"), None);
        assert_eq!(guess_memory("-1"), None);
        assert_eq!(guess_memory("0.5 GB"), Some(512));
        assert_eq!(guess_cpu("0"), None);
        assert_eq!(guess_cpu("4194304 vcpu"), None);
        assert_eq!(guess_cpu("2 cpu"), None);
        assert!(fractional_vcpu("0.3 vCPU"));
        assert!(fractional_vcpu(".1 vcpu"));
        assert!(!fractional_vcpu("1e3 vCPU"));
        assert!(!fractional_vcpu("1. vCPU"));
        assert!(!fractional_vcpu("1 cpu"));
    }
}
