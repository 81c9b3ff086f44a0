//! The command line, and turning it plus the AWS configuration chain into [`Settings`].

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use aws_config::BehaviorVersion;
use aws_credential_types::provider::ProvideCredentials;

use crate::limits::{Limits, DEFAULT_MAX_CONNECTIONS, MAX_TIMEOUT};
use crate::{RetryPolicy, Settings, StartError};

/// runtask-proxy: serves the runtask console, re-validates each RunTask request, signs it with
/// SigV4 and launches it. Credentials and region come from the standard AWS chain (environment,
/// profile, SSO, container and instance roles); with no credentials it runs as a dry run.
#[derive(Debug, Clone, clap::Parser)]
#[command(name = "runtask-proxy", version)]
pub struct Args {
    /// Address to listen on. A non-loopback address needs --auth-token-env.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// AWS region (default: the AWS chain: AWS_REGION, profile, instance metadata).
    #[arg(long)]
    pub region: Option<String>,
    /// ECS endpoint URL (default: AWS_ENDPOINT_URL_ECS, AWS_ENDPOINT_URL, then the region's).
    #[arg(long)]
    pub endpoint_url: Option<String>,
    /// Validate and show the signed request, never launch.
    #[arg(long)]
    pub dry_run: bool,
    /// The console's built files.
    #[arg(long, default_value = "dist")]
    pub static_dir: PathBuf,
    /// Only launch in these clusters (repeatable; default: any).
    #[arg(long = "allow-cluster", value_name = "NAME")]
    pub allow_clusters: Vec<String>,
    /// Only launch these task definition families (repeatable; default: any).
    #[arg(long = "allow-task-definition", value_name = "FAMILY")]
    pub allow_task_definitions: Vec<String>,
    /// Roles overrides.taskRoleArn and overrides.executionRoleArn may name (repeatable; an ARN, or
    /// a role name). Default: any role without other allow-lists, none with them.
    #[arg(long = "allow-role", value_name = "ARN")]
    pub allow_roles: Vec<String>,
    /// Further origins allowed to call /api/ (e.g. http://myhost:8080 when listening on 0.0.0.0).
    #[arg(long = "allow-origin", value_name = "ORIGIN")]
    pub allow_origins: Vec<String>,
    /// Name of an environment variable holding a bearer token that /api/ then requires.
    #[arg(long, value_name = "VAR")]
    pub auth_token_env: Option<String>,
    /// Seconds one ECS attempt may take (connect, send, answer).
    #[arg(long, default_value_t = 10.0)]
    pub upstream_timeout: f64,
    /// Attempts per ECS call (throttling and 5xx are retried).
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=10))]
    pub max_attempts: u32,
    /// Seconds for the whole live pre-flight (`/api/preflight`, the check before each launch)
    /// and for a picker's listing.
    #[arg(long, value_name = "SECS", default_value_t = runtask_live::DEFAULT_DEADLINE.as_secs_f64())]
    pub live_timeout: f64,
    /// Connections open at once; at the cap the one idle longest is closed to make room (lowered
    /// to fit the open-file limit when needed).
    #[arg(long, default_value_t = DEFAULT_MAX_CONNECTIONS, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub max_connections: u32,
    /// Seconds a client has to send a request's headers, from connecting or from its previous
    /// answer.
    #[arg(long, value_name = "SECS", default_value_t = Limits::default().header_read_timeout.as_secs_f64())]
    pub header_read_timeout: f64,
    /// Seconds a connection with no request in progress may stay silent before it is closed.
    #[arg(long, value_name = "SECS", default_value_t = Limits::default().idle_timeout.as_secs_f64())]
    pub idle_timeout: f64,
    /// Seconds a client has to send a request's whole body, from its headers (else 408).
    #[arg(long, value_name = "SECS", default_value_t = Limits::default().body_read_timeout.as_secs_f64())]
    pub body_read_timeout: f64,
}

/// Seconds from a flag, in (0, 3600].
fn seconds(flag: &str, value: f64) -> Result<Duration, StartError> {
    if value > 0.0 && value <= MAX_TIMEOUT.as_secs_f64() {
        Ok(Duration::from_secs_f64(value))
    } else {
        Err(StartError::Config(format!("{flag} must be more than 0 and at most {} seconds", MAX_TIMEOUT.as_secs())))
    }
}

/// Where the AWS chain looks; the dry-run line says it was all tried.
const CHAIN: &str = "the environment, the AWS config files, SSO and instance metadata";

/// How long to wait for the credential chain at start-up (instance metadata probing is slow off
/// EC2).
const CREDENTIALS_TIMEOUT: Duration = Duration::from_secs(10);

impl Args {
    /// The connection and body limits.
    pub fn limits(&self) -> Result<Limits, StartError> {
        Ok(Limits {
            max_connections: self.max_connections as usize,
            header_read_timeout: seconds("--header-read-timeout", self.header_read_timeout)?,
            idle_timeout: seconds("--idle-timeout", self.idle_timeout)?,
            body_read_timeout: seconds("--body-read-timeout", self.body_read_timeout)?,
        })
    }

    /// Resolves region, endpoint, token and credentials. `env` reads environment variables.
    pub async fn settings(&self, env: impl Fn(&str) -> Option<String>) -> Result<Settings, StartError> {
        let auth_token = match &self.auth_token_env {
            Some(var) => match env(var) {
                Some(t) => match crate::guard::check_token(&t) {
                    Ok(()) => Some(t),
                    Err(why) => return Err(StartError::Config(format!("the token in ${var} cannot be used: {why}"))),
                },
                None => return Err(StartError::Config(format!("--auth-token-env {var}: ${var} is not set"))),
            },
            None => None,
        };
        if !self.listen.ip().is_loopback() && auth_token.is_none() {
            return Err(StartError::NeedsToken(self.listen));
        }
        if !(self.upstream_timeout > 0.0 && self.upstream_timeout <= 300.0) {
            return Err(StartError::Config("--upstream-timeout must be between 0 and 300 seconds".to_owned()));
        }
        let limits = self.limits()?;
        if !(self.live_timeout > 0.0 && self.live_timeout <= 600.0) {
            return Err(StartError::Config("--live-timeout must be more than 0 and at most 600 seconds".to_owned()));
        }

        let http_client = aws_smithy_http_client::Builder::new()
            .tls_provider(aws_smithy_http_client::tls::Provider::Rustls(aws_smithy_http_client::tls::rustls_provider::CryptoMode::Ring))
            .build_https();
        let mut loader = aws_config::defaults(BehaviorVersion::latest()).http_client(http_client);
        if let Some(r) = &self.region {
            loader = loader.region(aws_config::Region::new(r.clone()));
        }
        let sdk = loader.load().await;
        let region = sdk.region().map(ToString::to_string);

        let no_region = region.is_none();
        let region = region.unwrap_or_else(|| "us-east-1".to_owned());

        let endpoint = self
            .endpoint_url
            .clone()
            .or_else(|| env("AWS_ENDPOINT_URL_ECS"))
            .or_else(|| sdk.endpoint_url().map(str::to_owned))
            .unwrap_or_else(|| default_endpoint(&region));

        // The chain's details (which provider failed and why) are logged at debug level: the
        // start-up line says what it means.
        let mut credentials = None;
        let mut no_credentials = "no AWS credentials".to_owned();
        match sdk.credentials_provider() {
            Some(provider) => match tokio::time::timeout(CREDENTIALS_TIMEOUT, provider.provide_credentials()).await {
                Ok(Ok(_)) => credentials = Some(provider),
                Ok(Err(e)) => tracing::debug!(error = %e, "credential chain"),
                Err(_) => {
                    tracing::debug!("credential chain: no answer within {} s", CREDENTIALS_TIMEOUT.as_secs());
                    no_credentials = format!("no AWS credentials within {} s", CREDENTIALS_TIMEOUT.as_secs());
                }
            },
            None => tracing::debug!("credential chain: no provider"),
        }
        // The live pre-flight reads the account with the same credentials and Region; its ECS
        // endpoint is the proxy's `--endpoint-url` when given, the other services' come from the
        // SDK's overrides (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_EC2, ...).
        let live = match (&credentials, no_region) {
            (Some(_), false) => {
                let explicit: Vec<(runtask_live::Service, &str)> = self.endpoint_url.iter().map(|u| (runtask_live::Service::Ecs, u.as_str())).collect();
                match runtask_live::Aws::from_sdk_config_with(&sdk, &explicit) {
                    Ok(aws) => Some(aws),
                    Err(e) => return Err(StartError::Config(format!("the live pre-flight cannot connect: {e}"))),
                }
            }
            _ => None,
        };
        let dry_run_reason = if self.dry_run {
            Some("started with --dry-run".to_owned())
        } else {
            match (credentials.is_none(), no_region) {
                (true, true) => Some(format!("{no_credentials} and no AWS region (looked in {CHAIN})")),
                (true, false) => Some(format!("{no_credentials} (looked in {CHAIN})")),
                (false, true) => Some(format!("no AWS region (looked in {CHAIN})")),
                (false, false) => None,
            }
        };

        Ok(Settings {
            listen: self.listen,
            region,
            endpoint,
            dry_run_reason,
            static_dir: self.static_dir.clone(),
            allow_clusters: self.allow_clusters.clone(),
            allow_task_definitions: self.allow_task_definitions.clone(),
            allow_roles: self.allow_roles.clone(),
            allow_origins: self.allow_origins.clone(),
            auth_token,
            credentials,
            retry: RetryPolicy { attempt_timeout: Duration::from_secs_f64(self.upstream_timeout), max_attempts: self.max_attempts, ..RetryPolicy::default() },
            limits,
            live,
            live_deadline: Duration::from_secs_f64(self.live_timeout),
        })
    }
}

/// `https://ecs.<region>.amazonaws.com` (`.amazonaws.com.cn` in China).
#[must_use]
pub fn default_endpoint(region: &str) -> String {
    if region.starts_with("cn-") {
        format!("https://ecs.{region}.amazonaws.com.cn")
    } else {
        format!("https://ecs.{region}.amazonaws.com")
    }
}

/// The start-up line of a dry run: why, that nothing is sent, and how to change it.
#[must_use]
pub fn dry_run_line(reason: &str) -> String {
    let how = if reason.contains("--dry-run") {
        "restart without --dry-run"
    } else {
        "give AWS credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or `aws sso login`) and a region (--region or AWS_REGION), then restart; RUST_LOG=runtask_proxy=debug shows what was tried"
    };
    format!("dry run: {reason}; nothing is sent. To launch tasks, {how}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[test]
    fn flags_default_to_the_limits_and_are_checked() {
        assert_eq!(Args::parse_from(["runtask-proxy"]).limits().unwrap(), Limits::default());
        let args = Args::parse_from(["runtask-proxy", "--max-connections", "8", "--idle-timeout", "1.5", "--allow-role", "arn:aws:iam::1:role/a", "--allow-role", "b"]);
        let limits = args.limits().unwrap();
        assert_eq!((limits.max_connections, limits.idle_timeout), (8, Duration::from_millis(1500)));
        assert_eq!(args.allow_roles, vec!["arn:aws:iam::1:role/a".to_owned(), "b".to_owned()]);
        for (flag, value) in [("--header-read-timeout", "0"), ("--body-read-timeout", "4000"), ("--idle-timeout", "0.0")] {
            match Args::parse_from(["runtask-proxy", flag, value]).limits() {
                Err(StartError::Config(m)) => assert!(m.contains(flag), "{m}"),
                other => panic!("{flag} {value}: {other:?}"),
            }
        }
        assert!(Args::try_parse_from(["runtask-proxy", "--max-connections", "0"]).is_err());
    }

    #[test]
    fn the_dry_run_line_says_how_to_change_it() {
        let line = dry_run_line("no AWS credentials (looked in the environment)");
        assert!(line.starts_with("dry run: no AWS credentials") && line.contains("nothing is sent") && line.contains("AWS_PROFILE") && line.contains("--region"), "{line}");
        assert!(dry_run_line("started with --dry-run").contains("without --dry-run"));
    }
}
