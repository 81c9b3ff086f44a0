//! Fargate platform versions: how one is written, and which exist.
//!
//! Source: ECS developer guide "Linux platform versions for Amazon ECS" (1.4.0 and 1.3.0
//! current; 1.0.0, 1.1.0 and 1.2.0 retired) and "Windows platform versions" (1.0.0), read
//! 2026-11-23. `platformVersion` is looked up by name, so only `LATEST` and three dot-separated
//! numbers name a platform (`1.4` does not exist: RT313).

/// The first Linux version with Fargate Spot. Source: ECS developer guide "Fargate capacity
/// providers" (Fargate Spot on Linux needs platform version 1.3.0 or later).
pub const FARGATE_SPOT_MIN: Version = (1, 3, 0);

/// `major.minor.patch`.
pub type Version = (u32, u32, u32);

/// The Linux platform versions that exist.
pub const LINUX_CURRENT: &[Version] = &[(1, 4, 0), (1, 3, 0)];
/// Linux platform versions no longer available.
pub const LINUX_RETIRED: &[Version] = &[(1, 0, 0), (1, 1, 0), (1, 2, 0)];
/// The Windows platform versions.
pub const WINDOWS_CURRENT: &[Version] = &[(1, 0, 0)];
/// The Linux version that brought 8 and 16 vCPU sizes, ephemeral storage, environment files,
/// EFS volumes, ECS Exec and ARM64 on Fargate Spot; what `LATEST` is on Linux.
pub const LINUX_1_4: Version = (1, 4, 0);

/// The version a `platformVersion` text names: three dot-separated numbers (`1.4.0`); None for
/// `LATEST` and anything else (`1.4`, `v1.4.0`, ` 1.4.0`).
#[must_use]
#[inline(never)]
pub fn parse(s: &str) -> Option<Version> {
    let mut it = s.split('.');
    let mut part = || -> Option<u32> {
        let p = it.next()?;
        if p.is_empty() || p.len() > 6 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        p.parse().ok()
    };
    let v = (part()?, part()?, part()?);
    it.next().is_none().then_some(v)
}

/// `1.4.0`.
#[must_use]
pub fn show(v: Version) -> String {
    let mut out = String::with_capacity(8);
    crate::json::push_u32(&mut out, v.0);
    out.push('.');
    crate::json::push_u32(&mut out, v.1);
    out.push('.');
    crate::json::push_u32(&mut out, v.2);
    out
}

/// Whether `s` names a Linux platform version before 1.4.0 (which lacks the 1.4 features).
/// `LATEST`, later versions and text that names no version are not.
#[must_use]
pub fn before_1_4(s: &str) -> bool {
    parse(s).is_some_and(|v| v < LINUX_1_4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions() {
        assert_eq!(parse("1.4.0"), Some((1, 4, 0)));
        assert_eq!(parse("10.20.30"), Some((10, 20, 30)));
        assert_eq!(parse("1.4"), None);
        assert_eq!(parse("1.4.0.1"), None);
        assert_eq!(parse("v1.4.0"), None);
        assert_eq!(parse("1..0"), None);
        assert_eq!(parse("LATEST"), None);
        assert_eq!(parse(" 1.4.0"), None);
        assert!(before_1_4("1.3.0") && before_1_4("1.0.0"));
        assert!(!before_1_4("1.4.0") && !before_1_4("2.0.0") && !before_1_4("LATEST"));
        // `1.3` names no platform: it is malformed (RT313), not "before 1.4".
        assert!(!before_1_4("1.3"));
        assert!(LINUX_CURRENT.contains(&LINUX_1_4));
    }
}
