//! Task-level cpu and memory strings as ECS reads them: cpu as CPU units (`"1024"`) or vCPUs
//! (`"1 vCPU"`, `".25 vcpu"`, any case and spacing); memory as MiB (`"2048"`) or GB (`"2GB"`,
//! `"2 gb"`). Sources: botocore `RegisterTaskDefinitionRequest.cpu/memory`; cfn-lint
//! `fargate_cpu_memory.json`; aws-cloudformation/cfn-lint#3514.

/// CPU units in one vCPU (and MiB in one GB, as ECS reads `"2 GB"`).
pub const CPU_UNITS_PER_VCPU: u32 = 1024;

/// CPU units, or None when the text is neither form (or not a whole number of units).
#[must_use]
pub fn parse_cpu(s: &str) -> Option<u32> {
    parse_with_unit(s, "vcpu")
}

/// MiB, or None when the text is neither form.
#[must_use]
pub fn parse_memory(s: &str) -> Option<u32> {
    parse_with_unit(s, "gb")
}

fn parse_with_unit(s: &str, unit: &str) -> Option<u32> {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let number = lower.strip_suffix(unit)?.trim_end();
    scaled_1024(number)
}

/// `n`, `n.m` or `.m` times 1024, when that is a whole number.
fn scaled_1024(number: &str) -> Option<u32> {
    let (int, frac) = match number.split_once('.') {
        Some((i, f)) => (i, f),
        None => (number, ""),
    };
    if (int.is_empty() && frac.is_empty())
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || (number.contains('.') && frac.is_empty())
        || frac.len() > 10
        || int.len() > 7
    {
        return None;
    }
    let int: u64 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let denom = 10u64.pow(frac.len() as u32);
    let frac_v: u64 = if frac.is_empty() { 0 } else { frac.parse().ok()? };
    let total = (int * denom + frac_v) * u64::from(CPU_UNITS_PER_VCPU);
    if total % denom != 0 {
        return None;
    }
    u32::try_from(total / denom).ok()
}

/// Whether the text is one of the documented forms (as opposed to a typo such as `"1 GiB"`).
#[must_use]
pub fn is_cpu_text(s: &str) -> bool {
    parse_cpu(s).is_some()
}

#[must_use]
pub fn is_memory_text(s: &str) -> bool {
    parse_memory(s).is_some()
}

/// `1024` → `1 vCPU`, `256` → `0.25 vCPU`.
#[must_use]
pub fn vcpu_words(cpu: u32) -> String {
    format!("{} vCPU", vcpus(cpu))
}

/// `1024` → `1`, `256` → `0.25`: the number of vCPUs.
#[must_use]
pub fn vcpus(cpu: u32) -> String {
    trim_float(f64::from(cpu) / f64::from(CPU_UNITS_PER_VCPU))
}

/// `2048` → `2 GB`, `512` → `0.5 GB`.
#[must_use]
pub fn gb_words(mib: u32) -> String {
    let v = f64::from(mib) / f64::from(CPU_UNITS_PER_VCPU);
    format!("{} GB", trim_float(v))
}

fn trim_float(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_forms() {
        assert_eq!(parse_cpu("1024"), Some(1024));
        assert_eq!(parse_cpu("1 vCPU"), Some(1024));
        assert_eq!(parse_cpu(".25     vCpU"), Some(256));
        assert_eq!(parse_cpu("0.5vcpu"), Some(512));
        assert_eq!(parse_cpu("16 VCPU"), Some(16384));
        assert_eq!(parse_cpu("1.5 vCPU"), Some(1536));
        assert_eq!(parse_cpu("0.3 vCPU"), None);
        assert_eq!(parse_cpu("1 cpu"), None);
        assert_eq!(parse_cpu("vCPU"), None);
        assert_eq!(parse_cpu(". vCPU"), None);
        assert_eq!(parse_cpu("1. vCPU"), None);
        assert_eq!(parse_cpu("-1"), None);
        assert_eq!(parse_cpu(""), None);
        assert_eq!(parse_cpu(" 1024"), None);
        assert_eq!(parse_cpu("99999999999"), None);
    }

    #[test]
    fn memory_forms() {
        assert_eq!(parse_memory("2048"), Some(2048));
        assert_eq!(parse_memory("2GB"), Some(2048));
        assert_eq!(parse_memory("1      gb"), Some(1024));
        assert_eq!(parse_memory("0.5 GB"), Some(512));
        assert_eq!(parse_memory("2 GiB"), None);
        assert_eq!(parse_memory("2MB"), None);
    }

    #[test]
    fn words() {
        assert_eq!(vcpu_words(256), "0.25 vCPU");
        assert_eq!(vcpu_words(1024), "1 vCPU");
        assert_eq!(gb_words(512), "0.5 GB");
        assert_eq!(gb_words(30720), "30 GB");
    }
}
