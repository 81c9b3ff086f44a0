//! RT300–RT329: Fargate sizing (task cpu/memory), EC2 task cpu, ephemeral storage, platform
//! version.

use std::borrow::Cow;

use crate::context::Ctx;
use crate::diagnostics::message::{json_string, or_list};
use crate::data::fargate::FARGATE_TIERS;
use crate::data::platform;
use crate::json::NodeId;
use crate::units;
use crate::diagnostics::{Applicability, Edit, Fix};

pub mod ec2_task_cpu_above_legacy_limit;
pub mod ec2_task_cpu_out_of_range;
pub mod ephemeral_storage_on_old_platform;
pub mod ephemeral_storage_on_windows;
pub mod ephemeral_storage_outside_fargate;
pub mod fargate_cpu_memory_mismatch;
pub mod large_fargate_size_on_old_platform;
pub mod linux_platform_version_on_windows;
pub mod malformed_platform_version;
pub mod malformed_task_size;
pub mod outdated_platform_version;
pub mod partial_task_size_override;
pub mod platform_version_outside_fargate;
pub mod retired_platform_version;
pub mod unconfirmed_fargate_32_vcpu;
pub mod windows_fargate_cpu_unsupported;
pub mod windows_task_size_ignored;

checks![
    malformed_task_size,
    fargate_cpu_memory_mismatch,
    large_fargate_size_on_old_platform,
    unconfirmed_fargate_32_vcpu,
    partial_task_size_override,
    ec2_task_cpu_out_of_range,
    ec2_task_cpu_above_legacy_limit,
    windows_fargate_cpu_unsupported,
    windows_task_size_ignored,
    ephemeral_storage_outside_fargate,
    ephemeral_storage_on_old_platform,
    ephemeral_storage_on_windows,
    platform_version_outside_fargate,
    malformed_platform_version,
    retired_platform_version,
    outdated_platform_version,
    linux_platform_version_on_windows,
];

/// The `platformVersion` node and its text when it names a Linux Fargate platform older than
/// 1.4.0, which lacks 8/16 vCPU sizes, ephemeral storage and environment files: `1.3.0`, the
/// retired `1.1.0`/`1.2.0`, and `1.0.0` when the task definition says Linux (`1.0.0` is also
/// Windows' current version). None for `LATEST`, newer versions, and Windows tasks.
#[must_use]
pub(crate) fn linux_platform_before<'s>(ctx: &Ctx<'_, 's>, min: platform::Version) -> Option<(NodeId, Cow<'s, str>)> {
    if ctx.is_windows() == Some(true) {
        return None;
    }
    let node = ctx.req.platform_version?;
    let text = ctx.doc.str(node)?;
    let v = platform::parse(&text)?;
    let below = v < min && (!platform::WINDOWS_CURRENT.contains(&v) || ctx.is_windows() == Some(false));
    below.then_some((node, text))
}

/// A cpu size Windows tasks on Fargate cannot use: below 1 vCPU, or one of the Linux-only 8, 16
/// and 32 vCPU sizes. (Other unknown sizes are RT301's.)
#[must_use]
pub(crate) fn windows_unsupported_cpu(cpu: u32) -> bool {
    cpu < windows_min_cpu() || cpu == crate::data::fargate::FARGATE_UNCONFIRMED_32_VCPU.cpu || crate::data::fargate::tier(cpu).is_some_and(|t| !t.windows)
}

/// The smallest cpu size Windows tasks take on Fargate.
#[must_use]
pub(crate) fn windows_min_cpu() -> u32 {
    FARGATE_TIERS.iter().filter(|t| t.windows).map(|t| t.cpu).min().unwrap_or(0)
}

/// The fix that sets the task size from (`cpu`, `memory`) to `best`, editing `overrides.cpu` and
/// `overrides.memory` in the style the author wrote them. None when nothing changes, or when a
/// value to change is the task definition's (there is nothing in the request to edit).
#[must_use]
pub(crate) fn size_fix(ctx: &Ctx<'_, '_>, cpu: u32, memory: Option<u32>, best: (u32, u32)) -> Option<Fix> {
    let doc = ctx.doc;
    let mut edits = Vec::new();
    for (want, have, node, is_cpu) in [(best.0, Some(cpu), ctx.req.overrides_cpu, true), (best.1, memory, ctx.req.overrides_memory, false)] {
        if Some(want) == have {
            continue;
        }
        let (n, text) = node.and_then(|n| doc.str(n).map(|s| (n, s)))?;
        let r = doc.range(n);
        let content = if is_cpu { cpu_json(want, &text) } else { memory_json(want, &text) };
        edits.push(Edit::new(r.start, r.end, content));
    }
    (!edits.is_empty()).then(|| Fix { applicability: Applicability::Unsafe, description: format!("Set cpu {} and memory {}", best.0, best.1), edits })
}

/// A fix that sets `platformVersion` to `LATEST`.
#[must_use]
pub(crate) fn platform_latest_fix(ctx: &Ctx<'_, '_>, node: NodeId) -> Fix {
    ctx.replace_value(node, "\"LATEST\"", Applicability::Unsafe, format!("Set `platformVersion` to `LATEST` ({} on Linux)", platform::show(platform::LINUX_1_4)))
}

/// "use `LATEST` or `1.4.0`": what every platform-version finding advises for Linux.
#[must_use]
pub(crate) fn use_latest() -> String {
    format!("use `LATEST` or `{}`", platform::show(platform::LINUX_1_4))
}

/// The cpu units as words: `1024 (1 vCPU)`.
#[must_use]
pub(crate) fn cpu_words(cpu: u32) -> String {
    format!("{cpu} ({})", units::vcpu_words(cpu))
}

/// The memory sizes of a tier for a message: `512, 1024 or 2048 MiB`, or, for long even lists,
/// `8192–30720 MiB in steps of 1024`.
#[must_use]
pub(crate) fn memory_options(memory: &[u32]) -> String {
    if memory.len() > 4 {
        let step = memory[1] - memory[0];
        if memory.windows(2).all(|w| w[1] - w[0] == step) {
            return format!("{}–{} MiB in steps of {step}", memory[0], memory[memory.len() - 1]);
        }
    }
    format!("{} MiB", or_list(memory))
}

/// The Fargate cpu sizes, for messages.
#[must_use]
pub(crate) fn fargate_cpu_list(windows: bool) -> String {
    let cpus: Vec<u32> = FARGATE_TIERS.iter().filter(|t| !windows || t.windows).map(|t| t.cpu).collect();
    or_list(&cpus)
}

/// New raw JSON for a task-level cpu value, in the style the author used: CPU units when the
/// original was a plain number, `"<n> vCPU"` otherwise.
#[must_use]
pub(crate) fn cpu_json(cpu: u32, original: &str) -> String {
    if original.bytes().all(|b| b.is_ascii_digit()) {
        json_string(&cpu.to_string())
    } else {
        json_string(&units::vcpu_words(cpu))
    }
}

/// New raw JSON for a task-level memory value, in the style the author used (MiB or `"<n> GB"`).
#[must_use]
pub(crate) fn memory_json(memory: u32, original: &str) -> String {
    if original.bytes().all(|b| b.is_ascii_digit()) {
        json_string(&memory.to_string())
    } else {
        json_string(&units::gb_words(memory))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_lists() {
        assert_eq!(memory_options(&[512, 1024, 2048]), "512, 1024 or 2048 MiB");
        assert_eq!(memory_options(crate::data::fargate::tier(4096).unwrap().memory), "8192–30720 MiB in steps of 1024");
        assert_eq!(fargate_cpu_list(true), "1024, 2048 or 4096");
    }

    fn findings(request: &str, td: Option<&str>) -> Vec<(&'static str, crate::Severity, String)> {
        let options = crate::Options { task_definition: td.map(str::to_owned), ..crate::Options::default() };
        crate::check(request, &options).unwrap().diagnostics.into_iter().map(|d| (d.code, d.severity, d.pointer)).collect()
    }

    const NET: &str = r#""networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}"#;
    const TD_LINUX: &str = r#"{"family": "web", "networkMode": "awsvpc", "cpu": "256", "memory": "512",
        "runtimePlatform": {"operatingSystemFamily": "LINUX"}, "containerDefinitions": [{"name": "web", "image": "nginx"}]}"#;
    const TD_WINDOWS: &str = r#"{"family": "iis", "networkMode": "awsvpc", "cpu": "512", "memory": "2048",
        "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"}, "containerDefinitions": [{"name": "iis", "image": "iis"}]}"#;

    #[test]
    fn linux_1_0_0_is_an_error_with_a_linux_task_definition() {
        let req = format!(r#"{{"taskDefinition": "web:3", "launchType": "FARGATE", "platformVersion": "1.0.0", {NET}}}"#);
        assert!(findings(&req, Some(TD_LINUX)).contains(&("RT314", crate::Severity::Error, "/platformVersion".to_owned())));
        assert!(findings(&req, None).contains(&("RT314", crate::Severity::Warning, "/platformVersion".to_owned())));
        assert!(!findings(&req, Some(TD_WINDOWS)).iter().any(|f| f.0 == "RT314"));
    }

    #[test]
    fn linux_1_0_0_lacks_1_4_features_only_when_known_linux() {
        let req = format!(r#"{{"taskDefinition": "web:3", "launchType": "FARGATE", "platformVersion": "1.0.0", {NET},
            "overrides": {{"ephemeralStorage": {{"sizeInGiB": 30}}}}}}"#);
        assert!(findings(&req, Some(TD_LINUX)).iter().any(|f| f.0 == "RT310"));
        assert!(!findings(&req, None).iter().any(|f| f.0 == "RT310"));
    }

    #[test]
    fn windows_task_definition_size_is_reported_at_the_launch_type() {
        let req = format!(r#"{{"taskDefinition": "iis:1", "launchType": "FARGATE", {NET}}}"#);
        let f = findings(&req, Some(TD_WINDOWS));
        assert!(f.contains(&("RT307", crate::Severity::Error, "/launchType".to_owned())), "{f:?}");
        // The memory override keeps the task definition's 512 CPU units: reported at the memory.
        let req = format!(r#"{{"taskDefinition": "iis:1", "launchType": "FARGATE", {NET}, "overrides": {{"memory": "4096"}}}}"#);
        let f = findings(&req, Some(TD_WINDOWS));
        assert!(f.contains(&("RT307", crate::Severity::Error, "/overrides/memory".to_owned())), "{f:?}");
        assert!(!f.iter().any(|f| f.0 == "RT301"), "RT307 alone reports a Windows size: {f:?}");
    }

    #[test]
    fn windows_off_size_cpu_is_a_pair_mismatch() {
        let req = format!(r#"{{"taskDefinition": "iis:1", "launchType": "FARGATE", {NET}, "overrides": {{"cpu": "3072", "memory": "6144"}}}}"#);
        let f = findings(&req, Some(TD_WINDOWS));
        assert!(f.iter().any(|f| f.0 == "RT301") && !f.iter().any(|f| f.0 == "RT307"), "{f:?}");
    }

    /// Issue 8: a platform version is read one way by every rule. `1.3` names no platform
    /// (RT313), so the rules about versions before 1.4.0 do not take it for one.
    #[test]
    fn one_reading_of_platform_versions() {
        let td = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/taskdef/RT816-platform-version-too-old-for-task-definition/task-definition.json")).unwrap();
        for (version, malformed, too_old) in [("1.3", true, false), ("1.3.0", false, true), ("1.4", true, false), ("1.4.0", false, false)] {
            let req = format!(r#"{{"taskDefinition": "analytics:22", "launchType": "FARGATE", "platformVersion": "{version}", "enableExecuteCommand": true, {NET}}}"#);
            let f = findings(&req, Some(&td));
            let has = |code: &str| f.iter().any(|f| f.0 == code);
            assert_eq!(has("RT313"), malformed, "{version}: {f:?}");
            assert_eq!(has("RT816"), too_old, "{version}: {f:?}");
            assert_eq!(has("RT125"), too_old, "{version}: {f:?}");
        }
    }

    /// Issue 8: one "nearest valid memory", the larger on a tie, for the confirmed sizes and the
    /// 32 vCPU ones alike (RT301 broke ties to the smaller for 32 vCPU).
    #[test]
    fn the_nearest_memory_is_the_larger_on_a_tie() {
        for (cpu, memory, nearest) in [("256", "768", "1024"), ("32768", "92160", "122880")] {
            let req = format!(r#"{{"taskDefinition": "web:3", "launchType": "FARGATE", {NET}, "overrides": {{"cpu": "{cpu}", "memory": "{memory}"}}}}"#);
            let report = crate::check(&req, &crate::Options::default()).unwrap();
            let d = report.diagnostics.iter().find(|d| d.code == "RT301").unwrap();
            assert!(d.help.as_deref().unwrap().ends_with(&format!("memory {nearest} MiB")), "{cpu}/{memory}: {:?}", d.help);
        }
    }

    /// Issue 8: `launchType` FARGATE with a FARGATE_SPOT strategy is RT201, and every candidate is
    /// still Fargate, so the Fargate size rules run too: the user sees both at once.
    #[test]
    fn a_launch_type_conflict_does_not_hide_the_fargate_size() {
        let req = format!(
            r#"{{"taskDefinition": "web:3", "launchType": "FARGATE", "capacityProviderStrategy": [{{"capacityProvider": "FARGATE_SPOT", "weight": 1}}],
               {NET}, "overrides": {{"cpu": "256", "memory": "4096"}}}}"#
        );
        let f = findings(&req, None);
        assert!(f.contains(&("RT201", crate::diagnostics::Severity::Error, "/launchType".to_owned())), "{f:?}");
        assert!(f.contains(&("RT301", crate::diagnostics::Severity::Error, "/overrides/memory".to_owned())), "{f:?}");
        // EC2 and an Auto Scaling group provider agree on EC2: the EC2 cpu range applies.
        let req = r#"{"taskDefinition": "web:3", "launchType": "EC2", "capacityProviderStrategy": [{"capacityProvider": "asg", "weight": 1}], "overrides": {"cpu": "64"}}"#;
        assert!(findings(req, None).iter().any(|f| f.0 == "RT305" && f.1 == crate::diagnostics::Severity::Error), "{:?}", findings(req, None));
        // `fargate` is a misspelt FARGATE (RT105), not another place to run: the size is still checked.
        let req = format!(r#"{{"taskDefinition": "web:3", "launchType": "fargate", {NET}, "overrides": {{"cpu": "256", "memory": "4096"}}}}"#);
        let f = findings(&req, None);
        assert!(f.iter().any(|f| f.0 == "RT105") && f.iter().any(|f| f.0 == "RT301"), "{f:?}");
        // Candidates that disagree decide nothing.
        let req = r#"{"taskDefinition": "web:3", "launchType": "EC2", "capacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1}], "overrides": {"cpu": "256", "memory": "4096"}}"#;
        assert!(!findings(req, None).iter().any(|f| f.0 == "RT301" || f.0 == "RT305"), "{:?}", findings(req, None));
    }

    #[test]
    fn replacement_styles() {
        assert_eq!(cpu_json(512, "256"), "\"512\"");
        assert_eq!(cpu_json(512, ".25 vCPU"), "\"0.5 vCPU\"");
        assert_eq!(memory_json(2048, "1GB"), "\"2 GB\"");
        assert_eq!(memory_json(2048, "1024"), "\"2048\"");
    }
}
