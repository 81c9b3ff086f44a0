//! The command line, and turning it plus the AWS configuration chain into [`Settings`].

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use aws_config::BehaviorVersion;
use aws_credential_types::provider::ProvideCredentials;

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
}

/// How long to wait for the credential chain at start-up (instance metadata probing is slow off
/// EC2).
const CREDENTIALS_TIMEOUT: Duration = Duration::from_secs(10);

impl Args {
    /// Resolves region, endpoint, token and credentials. `env` reads environment variables.
    pub async fn settings(&self, env: impl Fn(&str) -> Option<String>) -> Result<Settings, StartError> {
        let auth_token = match &self.auth_token_env {
            Some(var) => match env(var) {
                Some(t) if t.len() >= 16 => Some(t),
                Some(_) => return Err(StartError::Config(format!("the token in ${var} is too short: use at least 16 characters"))),
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

        let http_client = aws_smithy_http_client::Builder::new()
            .tls_provider(aws_smithy_http_client::tls::Provider::Rustls(aws_smithy_http_client::tls::rustls_provider::CryptoMode::Ring))
            .build_https();
        let mut loader = aws_config::defaults(BehaviorVersion::latest()).http_client(http_client);
        if let Some(r) = &self.region {
            loader = loader.region(aws_config::Region::new(r.clone()));
        }
        let sdk = loader.load().await;
        let region = sdk.region().map(ToString::to_string);

        let mut dry_run_reason = self.dry_run.then(|| "started with --dry-run".to_owned());
        if region.is_none() && dry_run_reason.is_none() {
            dry_run_reason = Some("no AWS region configured (use --region or AWS_REGION)".to_owned());
        }
        let region = region.unwrap_or_else(|| "us-east-1".to_owned());

        let endpoint = self
            .endpoint_url
            .clone()
            .or_else(|| env("AWS_ENDPOINT_URL_ECS"))
            .or_else(|| sdk.endpoint_url().map(str::to_owned))
            .unwrap_or_else(|| default_endpoint(&region));

        let mut credentials = None;
        match sdk.credentials_provider() {
            Some(provider) => match tokio::time::timeout(CREDENTIALS_TIMEOUT, provider.provide_credentials()).await {
                Ok(Ok(_)) => credentials = Some(provider),
                Ok(Err(e)) => {
                    tracing::debug!(error = %e, "credential chain");
                    dry_run_reason.get_or_insert_with(|| "no AWS credentials found".to_owned());
                }
                Err(_) => {
                    dry_run_reason.get_or_insert_with(|| format!("no AWS credentials found within {} s", CREDENTIALS_TIMEOUT.as_secs()));
                }
            },
            None => {
                dry_run_reason.get_or_insert_with(|| "no AWS credentials found".to_owned());
            }
        }

        Ok(Settings {
            listen: self.listen,
            region,
            endpoint,
            dry_run_reason,
            static_dir: self.static_dir.clone(),
            allow_clusters: self.allow_clusters.clone(),
            allow_task_definitions: self.allow_task_definitions.clone(),
            allow_origins: self.allow_origins.clone(),
            auth_token,
            credentials,
            retry: RetryPolicy { attempt_timeout: Duration::from_secs_f64(self.upstream_timeout), max_attempts: self.max_attempts, ..RetryPolicy::default() },
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
