//! Logging: one filter for the binary and the tests that check what it writes.
//!
//! The proxy never logs headers, bodies or ECS error messages. Some libraries do at debug or
//! trace level (aws-sigv4 logs the request it signs, hyper and rustls their traffic), so their
//! targets are capped whatever `RUST_LOG` says.

use tracing_subscriber::filter::{Directive, EnvFilter, LevelFilter};

/// Targets capped at `info` or off, after the user's directives (later directives for the same
/// target win).
const CAPS: &[&str] = &["aws_sigv4=off", "aws_smithy_runtime=info", "aws_smithy_http_client=info", "aws_config=info", "hyper=info", "hyper_util=info", "h2=info", "rustls=info", "tower_http=info"];

/// What is logged when `RUST_LOG` is not set: the proxy's own lines, and other crates' warnings
/// except those the proxy sums up itself. aws-config and the AWS runtime warn about every
/// credential provider and instance-metadata probe that fails at start-up (the proxy says "dry
/// run: no AWS credentials" once); hyper warns about every client that is too slow to send its
/// headers (the proxy closes those connections, by design).
pub const DEFAULT: &str = "runtask_proxy=info,warn,aws_config=error,aws_runtime=error,aws_smithy_runtime=error,hyper=error";

/// The filter for `spec` (a `RUST_LOG` value; default [`DEFAULT`]), with the caps: a directive
/// for a capped crate keeps its level only when that is quieter than the cap.
#[must_use]
pub fn filter(spec: Option<&str>) -> EnvFilter {
    let spec = spec.filter(|s| !s.trim().is_empty()).unwrap_or(DEFAULT);
    let directives: Vec<&str> = spec.split(',').map(str::trim).filter(|d| !d.is_empty()).collect();
    let capped = |d: &&str| CAPS.iter().any(|c| capped_target(d) == c.split('=').next());
    let user: Vec<&str> = directives.iter().copied().filter(|d| !capped(d)).collect();
    let mut filter = EnvFilter::new(user.join(","));
    for cap in CAPS {
        let (target, level) = cap.split_once('=').unwrap_or((cap, "off"));
        let cap_level = level.parse::<LevelFilter>().unwrap_or(LevelFilter::OFF);
        // `target=level` exactly: a quieter level than the cap is kept.
        let asked = directives.iter().filter_map(|d| d.strip_prefix(target)?.strip_prefix('=')?.parse::<LevelFilter>().ok()).next_back();
        let level = asked.map_or(cap_level, |a| a.min(cap_level));
        if let Ok(d) = format!("{target}={level}").to_ascii_lowercase().parse::<Directive>() {
            filter = filter.add_directive(d);
        }
    }
    filter
}

/// The crate a directive such as `aws_sigv4=trace`, `aws_sigv4::sign[span]=debug` or bare
/// `aws_sigv4` (all levels) is about; `None` for a bare level (`trace`).
fn capped_target(directive: &str) -> Option<&str> {
    let target = directive.split('=').next()?.split('[').next()?.trim();
    if ["trace", "debug", "info", "warn", "error", "off"].iter().any(|l| target.eq_ignore_ascii_case(l)) || target.is_empty() {
        return None;
    }
    target.split("::").next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_directives_cannot_lift_the_caps() {
        let f = filter(Some("trace,aws_sigv4=trace,aws_sigv4::http_request=trace,hyper=trace,h2")).to_string();
        assert!(!f.contains("aws_sigv4=trace") && !f.contains("aws_sigv4::http_request=trace") && !f.contains("hyper=trace") && !f.contains("h2,") && !f.ends_with("h2"), "{f}");
        assert!(f.contains("aws_sigv4=off") && f.contains("trace"), "{f}");
    }

    #[test]
    fn a_quieter_level_than_the_cap_is_kept() {
        let f = filter(None).to_string();
        assert!(f.contains("aws_config=error") && f.contains("hyper=error") && f.contains("runtask_proxy=info"), "{f}");
        let f = filter(Some("warn,aws_config=debug")).to_string();
        assert!(f.contains("aws_config=info") && !f.contains("aws_config=debug"), "{f}");
    }
}
