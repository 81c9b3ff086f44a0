//! Logging: one filter for the binary and the tests that check what it writes.
//!
//! The proxy never logs headers, bodies or ECS error messages. Some libraries do at debug or
//! trace level (aws-sigv4 logs the request it signs, hyper and rustls their traffic), so their
//! targets are capped whatever `RUST_LOG` says.

use tracing_subscriber::filter::{Directive, EnvFilter};

/// Targets capped at `info` or off, after the user's directives (later directives for the same
/// target win).
const CAPS: &[&str] = &["aws_sigv4=off", "aws_smithy_runtime=info", "aws_smithy_http_client=info", "aws_config=info", "hyper=info", "hyper_util=info", "h2=info", "rustls=info", "tower_http=info"];

/// The filter for `spec` (a `RUST_LOG` value; default `runtask_proxy=info,warn`), with the caps.
#[must_use]
pub fn filter(spec: Option<&str>) -> EnvFilter {
    let spec = spec.filter(|s| !s.trim().is_empty()).unwrap_or("runtask_proxy=info,warn");
    let user: Vec<&str> = spec.split(',').map(str::trim).filter(|d| !d.is_empty() && !CAPS.iter().any(|c| capped_target(d) == Some(c.split('=').next().unwrap_or("")))).collect();
    let mut filter = EnvFilter::new(user.join(","));
    for cap in CAPS {
        if let Ok(d) = cap.parse::<Directive>() {
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
}
