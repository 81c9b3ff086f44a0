//! runtask-proxy: serves the runtask console, re-validates each RunTask request with
//! runtask-core, signs it with SigV4 and sends it to ECS, so that AWS credentials never reach a
//! browser. It is the only part of runtask that talks to ECS, and its one write is `RunTask`; it
//! reads with `DescribeTasks`, `DescribeTaskDefinition` and the live pre-flight's read-only
//! lookups ([`live`], crate runtask-live: `/api/preflight`, the pickers, the check before a
//! launch).
//!
//! The HTTP API is the contract in `docs/proxy-api.md`. [`start`] runs the proxy in-process (the
//! binary and the tests both use it).
//!
//! Where the guarantees live (proxy/README.md lists them with their tests):
//! - connections: [`serve`] (header-read and idle timeouts, the connection cap);
//! - every `/api/*` request: [`guard`] (who may call), then [`body`] (JSON, size, body-read
//!   timeout), layered on the API router, so an endpoint added there gets both;
//! - acting on a RunTask request: [`policy`] (allow-lists), [`diagnostics`] (bounded),
//!   [`launch`] (one call per clientToken, never cancelled once sent), [`upstream`] (signing,
//!   retries, deadlines);
//! - answers and logs: [`redact`], [`logging`]; static files: [`statics`].

// The error path is not hot; ApiError stays one flat struct.
#![allow(clippy::result_large_err)]

pub mod api;
pub mod body;
pub mod cli;
pub mod diagnostics;
pub mod error;
pub mod guard;
pub mod launch;
pub mod limits;
pub mod live;
pub mod logging;
pub mod policy;
pub mod redact;
pub mod request;
mod serve;
pub mod statics;
pub mod upstream;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use aws_credential_types::provider::SharedCredentialsProvider;
use axum::extract::Request;
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use tower_http::set_header::SetResponseHeaderLayer;

pub use limits::{Limits, MAX_DIAGNOSTICS};
pub use upstream::RetryPolicy;

/// Everything the proxy runs with. The binary builds it from the command line and the AWS
/// configuration chain ([`cli::Args::settings`]); tests build it directly.
#[derive(Clone)]
pub struct Settings {
    pub listen: SocketAddr,
    pub region: String,
    /// ECS endpoint base URL, e.g. `https://ecs.us-east-1.amazonaws.com`.
    pub endpoint: String,
    /// `Some(reason)`: dry run, nothing is launched.
    pub dry_run_reason: Option<String>,
    pub static_dir: PathBuf,
    pub allow_clusters: Vec<String>,
    pub allow_task_definitions: Vec<String>,
    /// Roles `overrides.taskRoleArn` and `overrides.executionRoleArn` may name (ARNs or names).
    pub allow_roles: Vec<String>,
    /// Further origins allowed to call `/api/*` (besides the proxy's own).
    pub allow_origins: Vec<String>,
    /// Bearer token required on `/api/*`; required to bind a non-loopback address.
    pub auth_token: Option<String>,
    /// `None`: no credentials (a dry run).
    pub credentials: Option<SharedCredentialsProvider>,
    pub retry: RetryPolicy,
    pub limits: Limits,
    /// The read-only connection of the live pre-flight and the pickers (the same credentials and
    /// Region; endpoints from the SDK's overrides). `None`: `/api/preflight` checks offline only,
    /// the pickers answer 503 and launches go without the pre-flight.
    pub live: Option<runtask_live::Aws>,
    /// One deadline for a whole pre-flight (and for a picker's listing).
    pub live_deadline: Duration,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("listen", &self.listen)
            .field("region", &self.region)
            .field("endpoint", &self.endpoint)
            .field("dry_run_reason", &self.dry_run_reason)
            .field("static_dir", &self.static_dir)
            .field("allow_clusters", &self.allow_clusters)
            .field("allow_task_definitions", &self.allow_task_definitions)
            .field("allow_roles", &self.allow_roles)
            .field("allow_origins", &self.allow_origins)
            .field("auth_token", &self.auth_token.as_ref().map(|_| "<redacted>"))
            .field("credentials", &self.credentials.is_some())
            .field("retry", &self.retry)
            .field("limits", &self.limits)
            .field("live", &self.live.is_some())
            .field("live_deadline", &self.live_deadline)
            .finish()
    }
}

impl Settings {
    /// Loopback on a free port, the given endpoint, no credentials (so a dry run), default
    /// limits.
    #[must_use]
    pub fn new(endpoint: impl Into<String>, region: impl Into<String>) -> Self {
        Settings {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            region: region.into(),
            endpoint: endpoint.into(),
            dry_run_reason: Some("no AWS credentials found".to_owned()),
            static_dir: PathBuf::from("dist"),
            allow_clusters: Vec::new(),
            allow_task_definitions: Vec::new(),
            allow_roles: Vec::new(),
            allow_origins: Vec::new(),
            auth_token: None,
            credentials: None,
            retry: RetryPolicy::default(),
            limits: Limits::default(),
            live: None,
            live_deadline: runtask_live::DEFAULT_DEADLINE,
        }
    }

    /// With these credentials and not a dry run.
    #[must_use]
    pub fn with_credentials(mut self, credentials: SharedCredentialsProvider) -> Self {
        self.credentials = Some(credentials);
        self.dry_run_reason = None;
        self
    }
}

/// Why the proxy does not start.
#[derive(Debug)]
pub enum StartError {
    /// A non-loopback address without `--auth-token-env`.
    NeedsToken(SocketAddr),
    Config(String),
    Bind(SocketAddr, std::io::Error),
}

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StartError::NeedsToken(addr) => write!(
                f,
                "refusing to listen on {addr}: it is not a loopback address, so anyone who can reach it could launch tasks. \
                 Set a token in an environment variable and pass --auth-token-env VAR (the console asks for it once), or listen on 127.0.0.1"
            ),
            StartError::Config(m) => f.write_str(m),
            StartError::Bind(addr, e) => write!(f, "cannot listen on {addr}: {e}"),
        }
    }
}

impl std::error::Error for StartError {}

/// A running proxy.
pub struct Running {
    pub addr: SocketAddr,
    stop: tokio::sync::watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

impl Running {
    /// `http://127.0.0.1:PORT`.
    #[must_use]
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops accepting, lets requests in flight finish and RunTask calls get their answer (each
    /// within its own deadlines), and waits.
    pub async fn stop(self) -> std::io::Result<()> {
        let _ = self.stop.send(true);
        self.task.await.map_err(std::io::Error::other)
    }

    /// Runs until `signal` completes, then stops.
    pub async fn run_until(self, signal: impl std::future::Future<Output = ()>) -> std::io::Result<()> {
        signal.await;
        self.stop().await
    }
}

/// Checks the settings, binds and serves.
pub async fn start(settings: Settings) -> Result<Running, StartError> {
    if let Some(token) = &settings.auth_token {
        guard::check_token(token).map_err(|why| StartError::Config(format!("the auth token cannot be used: {why}")))?;
    }
    if !settings.listen.ip().is_loopback() && settings.auth_token.is_none() {
        return Err(StartError::NeedsToken(settings.listen));
    }
    settings.limits.check().map_err(StartError::Config)?;
    let (limits, lowered) = settings.limits.fitted_to_descriptors();
    if let Some(note) = lowered {
        tracing::warn!("{note}");
    }
    let listener = tokio::net::TcpListener::bind(settings.listen).await.map_err(|e| StartError::Bind(settings.listen, e))?;
    let addr = listener.local_addr().map_err(|e| StartError::Bind(settings.listen, e))?;
    let (app, launches) = app(&settings, addr)?;
    if let Some(note) = policy(&settings).start_up_note() {
        tracing::warn!("{note}");
    }
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let task = tokio::spawn(async move {
        serve::run(listener, app, limits, stopped).await;
        launches.drained().await;
    });
    Ok(Running { addr, stop, task })
}

fn policy(settings: &Settings) -> policy::Policy {
    policy::Policy {
        clusters: request::AllowList(settings.allow_clusters.clone()),
        task_definitions: request::AllowList(settings.allow_task_definitions.clone()),
        roles: request::AllowList(settings.allow_roles.clone()),
    }
}

/// The whole application for a proxy listening on `addr`.
pub fn router(settings: &Settings, addr: SocketAddr) -> Result<Router, StartError> {
    app(settings, addr).map(|(app, _)| app)
}

/// The application, and its RunTask calls (to wait for them at shutdown).
fn app(settings: &Settings, addr: SocketAddr) -> Result<(Router, Arc<launch::Launches>), StartError> {
    // A dry run with credentials still makes the read-only calls.
    let upstream = upstream::Upstream::new(&settings.endpoint, &settings.region, settings.credentials.clone(), settings.retry).map_err(StartError::Config)?;
    let launches = Arc::new(launch::Launches::default());
    let state = Arc::new(api::AppState {
        upstream,
        td_cache: api::TdCache::default(),
        dry_run_reason: settings.dry_run_reason.clone(),
        policy: policy(settings),
        launches: launches.clone(),
        auth_required: settings.auth_token.is_some(),
        live: settings.live.clone(),
        live_deadline: settings.live_deadline,
    });
    let guard = Arc::new(guard::Guard::new(addr, &settings.allow_origins, settings.auth_token.clone()));

    // Layers run outside in: the guard first, then the body rules, for every route and the
    // fallback alike.
    let api = Router::new()
        .route("/status", get(api::status))
        .route("/run-task", post(api::run_task))
        .route("/tasks", get(api::describe_tasks))
        .route("/task-definitions/{name}", get(api::describe_task_definition))
        .route("/preflight", post(live::run))
        .route("/pickers/clusters", get(live::clusters))
        .route("/pickers/task-definition-families", get(live::families))
        .route("/pickers/task-definition-revisions", get(live::revisions))
        .route("/pickers/vpcs", get(live::vpcs))
        .route("/pickers/subnets", get(live::subnets))
        .route("/pickers/security-groups", get(live::security_groups))
        .route("/pickers/capacity-providers", get(live::capacity_providers))
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .with_state(state)
        .layer(middleware::from_fn_with_state(settings.limits.body_read_timeout, body::read_whole))
        .layer(middleware::from_fn_with_state(guard, guard::middleware))
        .layer(SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static("no-store")));

    let app = Router::new()
        .nest("/api", api)
        .fallback(statics::serve)
        .with_state(Arc::new(settings.static_dir.clone()))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(SetResponseHeaderLayer::if_not_present(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(SetResponseHeaderLayer::if_not_present(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("frame-ancestors 'none'")))
        .layer(SetResponseHeaderLayer::if_not_present(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer")))
        .layer(SetResponseHeaderLayer::if_not_present(HeaderName::from_static("cross-origin-resource-policy"), HeaderValue::from_static("same-origin")))
        .layer(middleware::from_fn(access_log));
    Ok((app, launches))
}

/// One log line per request: method, path (no query), status, time. Never headers or bodies.
async fn access_log(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    let status = response.status().as_u16();
    if path.starts_with("/api/") {
        tracing::info!(%method, path, status, ms = format!("{ms:.2}"), "request");
    } else {
        tracing::debug!(%method, path, status, ms = format!("{ms:.2}"), "request");
    }
    response
}
