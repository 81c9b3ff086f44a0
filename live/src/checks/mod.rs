//! The pre-flight: every lookup concurrent, under one deadline.
//!
//! First round, all at once: the cluster, the task definition, the subnets and security groups.
//! Second round, with what the first found: the VPCs' route tables, endpoints and tenancy, the
//! roles, the task definition's images, log groups and secrets, the account's ARN format (for
//! tags) and the EBS volumes' KMS keys. A lookup still running at the
//! deadline is abandoned and reported as not made (RT850); what finished is kept.

mod account;
mod cluster;
mod containers;
mod network;
mod roles;
mod task_definition;

use std::future::Future;

use runtask_core::registry::Rule;
use runtask_core::rules::live::live_check_not_made;
use runtask_core::{LiveFinding, Severity};
use tokio::time::Instant;

use crate::aws::{Aws, CallError};
use crate::request::Facts;
use crate::Preflight;

pub(crate) use task_definition::TaskDefinitionInfo;

/// A finding of `rule` at `pointer`, with the rule's severity.
pub(crate) fn finding(rule: &'static Rule, pointer: &str, message: String, help: Option<String>) -> LiveFinding {
    LiveFinding { rule, severity: rule.severity, pointer: pointer.to_owned(), member: None, message, help, note: None }
}

/// RT850: `what` (e.g. "that the subnets exist") could not be checked, and why.
pub(crate) fn not_made(pointer: &str, what: &str, error: &CallError) -> LiveFinding {
    let help = match error {
        CallError::Denied { action, .. } => format!("allow `{action}` to the caller (docs/live-iam-policy.json has one statement per check), or ignore RT850"),
        CallError::Deadline { .. } => "raise --live-timeout, or check the network".to_owned(),
        CallError::Unreachable { .. } => "check the network, and the endpoint settings (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>, the profile's endpoint_url)".to_owned(),
        CallError::Throttled { .. } => "run the pre-flight again later".to_owned(),
        CallError::NoCredentials { .. } => "configure AWS credentials (environment, AWS_PROFILE / --profile, `aws sso login`, an instance or container role)".to_owned(),
        CallError::Service { .. } | CallError::Malformed { .. } => "run the pre-flight again; if it persists, check this in the AWS console".to_owned(),
    };
    let mut f = finding(&live_check_not_made::RULE, pointer, format!("could not check {what}: {}", error.reason()), Some(help));
    f.severity = Severity::Warning;
    f
}

/// Runs `fut` until the deadline; past it, the call `action` is reported as not answered.
pub(crate) async fn within<T>(deadline: Instant, action: &str, fut: impl Future<Output = Result<T, CallError>>) -> Result<T, CallError> {
    match tokio::time::timeout_at(deadline, fut).await {
        Ok(r) => r,
        Err(_) => Err(CallError::Deadline { action: action.to_owned() }),
    }
}

/// `a`, `b` and `c` as "`a`, `b`, `c`".
pub(crate) fn listed(items: &[impl AsRef<str>]) -> String {
    items.iter().map(|s| format!("`{}`", s.as_ref())).collect::<Vec<_>>().join(", ")
}

pub(crate) async fn run(aws: &Aws, facts: &Facts, deadline: Instant) -> Preflight {
    if let Err(e) = within(deadline, "credentials", aws.credentials()).await {
        return Preflight { findings: vec![not_made("", "the request against the account", &e)], task_definition: None };
    }
    let (cluster, td, net) = tokio::join!(cluster::check(aws, facts, deadline), task_definition::fetch(aws, facts, deadline), network::lookup(aws, facts, deadline));
    let account = td.info.as_ref().and_then(|i| i.account.clone()).or_else(|| cluster.account.clone());
    let info = td.info.as_ref();
    let (roles, containers, routes, settings) = tokio::join!(
        roles::check(aws, facts, info, account.as_deref(), deadline),
        containers::check(aws, facts, info, account.as_deref(), deadline),
        network::second_round(aws, facts, &net, info, deadline),
        account::check(aws, facts, account.as_deref(), deadline),
    );
    let mut findings = cluster.findings;
    findings.extend(td.findings);
    findings.extend(net.findings);
    findings.extend(routes);
    findings.extend(roles);
    findings.extend(containers);
    findings.extend(settings);
    Preflight { findings, task_definition: td.text }
}
