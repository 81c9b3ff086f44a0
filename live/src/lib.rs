//! runtask-live: the live pre-flight. Read-only checks of an Amazon ECS `RunTask` request
//! against the account and Region it will run in, made while nothing is launched: the cluster,
//! the task definition (fetched, so every task-definition rule runs), subnets, security groups,
//! their VPC and routes, capacity providers, roles, and the task definition's ECR images, log
//! groups and secrets (existence only, never a value).
//!
//! Findings are [`runtask_core::LiveFinding`]s of the live rules (RT850–RT899, documented in
//! core's registry like every rule); [`Preflight::apply`] hands them to the offline check, which
//! positions them at the request's members and orders them with its own.
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use runtask_live::{Aws, Connect, DEFAULT_DEADLINE};
//! let aws = Aws::connect(&Connect { region: Some("eu-west-1".into()), profile: None }).await?;
//! let request = r#"{"cluster": "batch", "taskDefinition": "web:3"}"#;
//! let preflight = aws.preflight(request, DEFAULT_DEADLINE).await;
//! let mut options = runtask_core::Options::default();
//! preflight.apply(&mut options);
//! let report = runtask_core::check(request, &options)?;
//! # Ok(()) }
//! ```
//!
//! Every lookup runs concurrently under one deadline; a lookup that cannot be made (access
//! denied, throttling, unreachable endpoint, deadline) is an RT850 warning that names the IAM
//! action or the reason, never an error and never a hang. Anything not recognised as "not found"
//! counts as "could not check".
//!
//! Credentials, Region and endpoints come from the standard AWS chain ([`Connect`]), including
//! the SDK's endpoint overrides `AWS_ENDPOINT_URL` and `AWS_ENDPOINT_URL_<SERVICE>`.

mod aws;
mod checks;
pub mod ec2;
pub mod ecs;
mod pickers;
mod request;

use std::time::Duration;

pub use aws::{Aws, CallError, Connect, ConnectError, CredentialCache, Service};
pub use pickers::{CapacityProviders, Revision, SubnetChoice};
pub use request::Facts;
use runtask_core::{LiveFinding, Options};

/// The pre-flight's default deadline.
pub const DEFAULT_DEADLINE: Duration = Duration::from_secs(10);

/// What the pre-flight found.
#[derive(Clone, Debug, Default)]
pub struct Preflight {
    pub findings: Vec<LiveFinding>,
    /// The task definition that will run, as DescribeTaskDefinition answered (JSON text), when it
    /// is ACTIVE.
    pub task_definition: Option<String>,
}

impl Preflight {
    /// Adds the live findings to `options`, and the fetched task definition unless one is given
    /// already (a `--task-definition` file wins).
    pub fn apply(self, options: &mut Options) {
        options.live.extend(self.findings);
        if options.task_definition.is_none() {
            options.task_definition = self.task_definition;
        }
    }
}

impl Aws {
    /// The live checks of a request (JSON text), all within `deadline`. A request that is not a
    /// JSON object gives no finding: the offline check reports it.
    pub async fn preflight(&self, request: &str, deadline: Duration) -> Preflight {
        let Some(facts) = Facts::read(request) else { return Preflight::default() };
        checks::run(self, &facts, tokio::time::Instant::now() + deadline).await
    }
}
