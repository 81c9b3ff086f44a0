//! Valid Fargate task cpu/memory pairs.
//!
//! Source: `spec/fargate-cpu-memory.json` (botocore 1.44.5 `RegisterTaskDefinitionRequest.memory`,
//! the ECS developer guide "task-cpu-memory-error" page, cfn-lint `fargate_cpu_memory.json`),
//! read 2026-11-23. A test (`tests::the_table_is_the_spec_row_by_row`) checks this table against
//! that file row by row.

use super::platform::{Version, LINUX_1_4};

/// One cpu tier: the cpu units, whether Windows may use it, the Linux platform version it needs,
/// and the memory sizes (MiB) allowed with it.
#[derive(Debug, Clone, Copy)]
pub struct FargateTier {
    pub cpu: u32,
    pub windows: bool,
    pub min_linux_platform_version: Option<Version>,
    pub memory: &'static [u32],
}

const fn gib(n: u32) -> u32 {
    n * 1024
}

pub static FARGATE_TIERS: &[FargateTier] = &[
    FargateTier { cpu: 256, windows: false, min_linux_platform_version: None, memory: &[512, 1024, 2048] },
    FargateTier { cpu: 512, windows: false, min_linux_platform_version: None, memory: &[1024, 2048, 3072, 4096] },
    FargateTier {
        cpu: 1024,
        windows: true,
        min_linux_platform_version: None,
        memory: &[gib(2), gib(3), gib(4), gib(5), gib(6), gib(7), gib(8)],
    },
    FargateTier {
        cpu: 2048,
        windows: true,
        min_linux_platform_version: None,
        memory: &[gib(4), gib(5), gib(6), gib(7), gib(8), gib(9), gib(10), gib(11), gib(12), gib(13), gib(14), gib(15), gib(16)],
    },
    FargateTier {
        cpu: 4096,
        windows: true,
        min_linux_platform_version: None,
        memory: &[
            gib(8), gib(9), gib(10), gib(11), gib(12), gib(13), gib(14), gib(15), gib(16), gib(17), gib(18), gib(19),
            gib(20), gib(21), gib(22), gib(23), gib(24), gib(25), gib(26), gib(27), gib(28), gib(29), gib(30),
        ],
    },
    FargateTier {
        cpu: 8192,
        windows: false,
        min_linux_platform_version: Some(LINUX_1_4),
        memory: &[gib(16), gib(20), gib(24), gib(28), gib(32), gib(36), gib(40), gib(44), gib(48), gib(52), gib(56), gib(60)],
    },
    FargateTier {
        cpu: 16384,
        windows: false,
        min_linux_platform_version: Some(LINUX_1_4),
        memory: &[gib(32), gib(40), gib(48), gib(56), gib(64), gib(72), gib(80), gib(88), gib(96), gib(104), gib(112), gib(120)],
    },
];

/// 32 vCPU: reported by aws-cloudformation/cfn-lint#4668 and pulumi/pulumi-awsx#2053 (2026),
/// absent from the botocore 1.44.5 docs. Accepted with a warning.
pub static FARGATE_UNCONFIRMED_32_VCPU: FargateTier =
    FargateTier { cpu: 32768, windows: false, min_linux_platform_version: None, memory: &[61440, 122880, 249856] };

/// The tier for `cpu` units, confirmed tiers only.
#[must_use]
pub fn tier(cpu: u32) -> Option<&'static FargateTier> {
    FARGATE_TIERS.iter().find(|t| t.cpu == cpu)
}

/// Whether (cpu, memory) is a valid pair; the 32 vCPU tier counts when `include_unconfirmed`.
#[must_use]
pub fn is_valid_pair(cpu: u32, memory: u32, include_unconfirmed: bool) -> bool {
    tier(cpu).is_some_and(|t| t.memory.contains(&memory))
        || (include_unconfirmed && cpu == FARGATE_UNCONFIRMED_32_VCPU.cpu && FARGATE_UNCONFIRMED_32_VCPU.memory.contains(&memory))
}

/// The valid pair closest to (cpu, memory): same cpu when that tier exists (nearest memory,
/// preferring the larger on a tie), else the smallest tier whose memory range holds `memory`,
/// else the nearest overall. Distances compare cpu and memory in proportion to their size.
#[must_use]
pub fn nearest_pair(cpu: u32, memory: u32, windows: bool) -> (u32, u32) {
    let tiers = || FARGATE_TIERS.iter().filter(move |t| !windows || t.windows);
    if let Some(t) = tiers().find(|t| t.cpu == cpu) {
        return (t.cpu, nearest_memory(t.memory, memory));
    }
    if let Some(t) = tiers().find(|t| t.cpu >= cpu && t.memory.first().is_some_and(|&m| m <= memory.max(1)) && t.memory.last().is_some_and(|&m| m >= memory)) {
        return (t.cpu, nearest_memory(t.memory, memory));
    }
    let mut best = (u32::MAX as f64, (0, 0));
    for t in tiers() {
        for &m in t.memory {
            let d = ((f64::from(t.cpu) - f64::from(cpu)) / f64::from(t.cpu)).abs()
                + ((f64::from(m) - f64::from(memory)) / f64::from(m)).abs();
            if d < best.0 {
                best = (d, (t.cpu, m));
            }
        }
    }
    best.1
}

/// The memory size of `options` (ascending) nearest to `want`, the larger on a tie (the task
/// that asked for more keeps enough); `want` itself when there are no options.
#[must_use]
pub fn nearest_memory(options: &[u32], want: u32) -> u32 {
    let mut best = None;
    for &m in options {
        if best.is_none_or(|b: u32| m.abs_diff(want) <= b.abs_diff(want)) {
            best = Some(m);
        }
    }
    best.unwrap_or(want)
}

/// Cpu tiers that allow `memory` (MiB).
pub fn tiers_for_memory(memory: u32) -> impl Iterator<Item = &'static FargateTier> {
    FARGATE_TIERS.iter().filter(move |t| t.memory.contains(&memory))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn tier_matches(t: &FargateTier, row: &Value) -> Result<(), String> {
        let cpu = row["cpu"].as_u64().ok_or("no cpu")?;
        let memory: Vec<u64> = row["memory"].as_array().ok_or("no memory")?.iter().map(|m| m.as_u64().unwrap_or(0)).collect();
        let windows = row["os"].as_array().ok_or("no os")?.iter().any(|o| o == "WINDOWS");
        let min = row.get("min_linux_platform_version").and_then(Value::as_str).map(str::to_owned);
        let ours: Vec<u64> = t.memory.iter().map(|&m| u64::from(m)).collect();
        if u64::from(t.cpu) != cpu || ours != memory || t.windows != windows || t.min_linux_platform_version.map(super::super::platform::show) != min {
            return Err(format!("cpu {}: table {:?} windows {} min {:?}; spec cpu {cpu} {memory:?} windows {windows} min {min:?}", t.cpu, t.memory, t.windows, t.min_linux_platform_version));
        }
        Ok(())
    }

    #[test]
    fn the_table_is_the_spec_row_by_row() {
        let spec: Value = serde_json::from_str(include_str!("../../../spec/fargate-cpu-memory.json")).unwrap();
        let rows = spec["confirmed"].as_array().unwrap();
        assert_eq!(rows.len(), FARGATE_TIERS.len(), "one tier a row");
        for (t, row) in FARGATE_TIERS.iter().zip(rows) {
            tier_matches(t, row).unwrap();
        }
        tier_matches(&FARGATE_UNCONFIRMED_32_VCPU, &spec["unconfirmed_32_vcpu"]).unwrap();
        // The check can fail: a changed row is caught.
        let mut changed = rows[0].clone();
        changed["memory"][0] = Value::from(513);
        assert!(tier_matches(&FARGATE_TIERS[0], &changed).is_err());
    }

    #[test]
    fn nearest_memory_takes_the_larger_on_a_tie() {
        assert_eq!(nearest_memory(&[512, 1024, 2048], 768), 1024);
        assert_eq!(nearest_memory(&[512, 1024, 2048], 700), 512);
        assert_eq!(nearest_memory(&[61440, 122880, 249856], 92160), 122880);
        assert_eq!(nearest_memory(&[], 100), 100);
        assert_eq!(nearest_pair(256, 768, false), (256, 1024));
    }
}
