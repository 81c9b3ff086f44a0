//! The ECS client: signs each request with aws-sigv4, sends it, retries only where a retry cannot
//! launch a task twice, and turns every failure into a clear error.
//!
//! Retries: throttling, HTTP 5xx and connection failures before anything was sent are retried with
//! exponential backoff and jitter. A RunTask retry sends the same bytes, so the same
//! `clientToken`, which ECS uses to deduplicate. A RunTask that timed out or lost its connection
//! after sending is never retried: it may have launched. Read-only calls retry those too.

use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

use aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider};
use aws_credential_types::Credentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use bytes::Bytes;
use http::{header, HeaderValue, Method, Request, StatusCode, Uri};
use http_body_util::{BodyExt, Full, Limited};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use serde_json::{json, Map, Value};

use crate::error::ApiError;

/// The JSON protocol's target prefix for ECS.
const TARGET_PREFIX: &str = "AmazonEC2ContainerServiceV20141113";
const CONTENT_TYPE: &str = "application/x-amz-json-1.1";
/// ECS answers are small; a DescribeTasks of 100 tasks is well under this.
const MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;
/// Headers whose values are secrets: never shown, never logged.
pub const SECRET_HEADERS: &[&str] = &["authorization", "x-amz-security-token"];
/// Refresh credentials this long before they expire.
const REFRESH_BEFORE_EXPIRY: Duration = Duration::from_secs(300);

/// The only ECS actions the proxy can call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    RunTask,
    DescribeTasks,
    DescribeTaskDefinition,
}

impl Action {
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Action::RunTask => "RunTask",
            Action::DescribeTasks => "DescribeTasks",
            Action::DescribeTaskDefinition => "DescribeTaskDefinition",
        }
    }

    fn read_only(self) -> bool {
        self != Action::RunTask
    }
}

/// Time limits and retries.
#[derive(Clone, Copy, Debug)]
pub struct RetryPolicy {
    /// Per attempt: connecting, sending and reading the whole answer.
    pub attempt_timeout: Duration,
    pub max_attempts: u32,
    /// Backoff before retry `n` (1-based) is drawn from [d/2, d] with d = min(cap, base·2ⁿ⁻¹).
    pub backoff_base: Duration,
    pub backoff_cap: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy { attempt_timeout: Duration::from_secs(10), max_attempts: 3, backoff_base: Duration::from_millis(100), backoff_cap: Duration::from_secs(5) }
    }
}

impl RetryPolicy {
    /// The longest a call can take, retries and backoff included.
    #[must_use]
    pub fn worst_case(&self) -> Duration {
        let attempts = self.max_attempts.max(1);
        self.attempt_timeout * attempts + self.backoff_cap * (attempts - 1)
    }

    fn backoff(&self, retry: u32) -> Duration {
        let exp = self.backoff_base.saturating_mul(1u32 << (retry - 1).min(16));
        let d = exp.min(self.backoff_cap);
        let half = d / 2;
        let span = (d - half).as_micros() as u64;
        let jitter = if span == 0 { 0 } else { (uuid::Uuid::new_v4().as_u128() as u64) % (span + 1) };
        half + Duration::from_micros(jitter)
    }
}

/// A failed call.
#[derive(Debug, Clone)]
pub enum UpstreamError {
    /// ECS answered with an error.
    Ecs { status: StatusCode, code: String, message: String, request_id: Option<String> },
    /// No connection, or the connection failed. `sent`: the request may have reached ECS.
    Unreachable { detail: String, sent: bool },
    /// No complete answer in time; the request may have reached ECS.
    Timeout { after: Duration },
    /// The credentials could not be loaded or the request not signed.
    Signing(String),
    /// The proxy runs without credentials.
    NoCredentials(String),
    /// A success status with a body that is not the JSON ECS sends.
    BadResponse(String),
}

impl UpstreamError {
    /// The answer to the console. `endpoint` names where the proxy tried.
    #[must_use]
    pub fn to_api(&self, action: Action, endpoint: &str) -> ApiError {
        match self {
            UpstreamError::Ecs { status, code, message, request_id } => {
                let mut e = ApiError::new(console_status(action, *status, code, message), code.clone(), format!("ECS {}: {message}", action.name()));
                e.request_id.clone_from(request_id);
                e
            }
            UpstreamError::Unreachable { detail, sent } => {
                let mut message = format!("cannot reach ECS at {endpoint} ({}): {detail}", action.name());
                if *sent && action == Action::RunTask {
                    message.push_str("; the request may have reached ECS: retry with the same clientToken, which cannot launch twice");
                }
                ApiError::new(StatusCode::BAD_GATEWAY, "upstream_unreachable", message)
            }
            UpstreamError::Timeout { after } => {
                let mut message = format!("ECS at {endpoint} did not answer {} within {:.1} s", action.name(), after.as_secs_f64());
                if action == Action::RunTask {
                    message.push_str("; the request may have reached ECS: retry with the same clientToken, which cannot launch twice");
                }
                ApiError::new(StatusCode::GATEWAY_TIMEOUT, "upstream_timeout", message)
            }
            UpstreamError::Signing(detail) => ApiError::new(StatusCode::BAD_GATEWAY, "signing_failed", format!("cannot sign the {} request: {detail}", action.name())),
            UpstreamError::NoCredentials(reason) => {
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "no_credentials", format!("the proxy runs as a dry run ({reason}): it cannot call ECS {}", action.name()))
            }
            UpstreamError::BadResponse(detail) => ApiError::new(StatusCode::BAD_GATEWAY, "upstream_error", format!("ECS answered {} with {detail}", action.name())),
        }
    }
}

/// The HTTP status the console gets for an ECS error.
fn console_status(action: Action, status: StatusCode, code: &str, message: &str) -> StatusCode {
    if is_throttling(code) || status == StatusCode::TOO_MANY_REQUESTS {
        StatusCode::TOO_MANY_REQUESTS
    } else if code.starts_with("AccessDenied") {
        StatusCode::FORBIDDEN
    } else if action == Action::DescribeTaskDefinition && code == "ClientException" && message.to_ascii_lowercase().contains("unable to describe task definition") {
        StatusCode::NOT_FOUND
    } else if status == StatusCode::SERVICE_UNAVAILABLE || status == StatusCode::GATEWAY_TIMEOUT {
        status
    } else if status.is_server_error() {
        StatusCode::BAD_GATEWAY
    } else if status.is_client_error() {
        status
    } else {
        StatusCode::BAD_GATEWAY
    }
}

fn is_throttling(code: &str) -> bool {
    matches!(
        code,
        "ThrottlingException"
            | "Throttling"
            | "ThrottledException"
            | "RequestThrottledException"
            | "TooManyRequestsException"
            | "RequestLimitExceeded"
            | "RequestThrottled"
            | "SlowDown"
            | "PriorRequestNotComplete"
            | "EC2ThrottledException"
            | "BandwidthLimitExceeded"
    )
}

/// A successful answer.
#[derive(Debug)]
pub struct Success {
    pub body: Bytes,
    pub request_id: Option<String>,
    pub attempts: u32,
}

/// Caches credentials from the provider chain until shortly before they expire.
struct CredentialCache {
    provider: SharedCredentialsProvider,
    current: RwLock<Option<Credentials>>,
    refresh: tokio::sync::Mutex<()>,
}

impl CredentialCache {
    fn fresh(c: &Credentials) -> bool {
        c.expiry().is_none_or(|t| t > SystemTime::now() + REFRESH_BEFORE_EXPIRY)
    }

    fn cached(&self) -> Option<Credentials> {
        self.current.read().ok()?.as_ref().filter(|c| Self::fresh(c)).cloned()
    }

    async fn get(&self) -> Result<Credentials, UpstreamError> {
        if let Some(c) = self.cached() {
            return Ok(c);
        }
        let _one_refresh = self.refresh.lock().await;
        if let Some(c) = self.cached() {
            return Ok(c);
        }
        let c = self.provider.provide_credentials().await.map_err(|e| UpstreamError::Signing(format!("no credentials: {}", error_chain(&e))))?;
        if let Ok(mut slot) = self.current.write() {
            *slot = Some(c.clone());
        }
        Ok(c)
    }
}

/// The exact request the proxy would send, with secrets redacted.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ShownRequest {
    pub method: String,
    pub url: String,
    pub headers: Map<String, Value>,
    pub body: String,
}

/// The client for one ECS endpoint.
pub struct Upstream {
    client: Client<HttpsConnector<HttpConnector>, Full<Bytes>>,
    uri: Uri,
    host: HeaderValue,
    endpoint: String,
    region: String,
    credentials: Option<Arc<CredentialCache>>,
    policy: RetryPolicy,
}

impl Upstream {
    /// `endpoint`: `scheme://host[:port][/path]`.
    pub fn new(endpoint: &str, region: &str, credentials: Option<SharedCredentialsProvider>, policy: RetryPolicy) -> Result<Self, String> {
        let uri: Uri = endpoint.parse().map_err(|e| format!("endpoint URL `{endpoint}` is not a URL: {e}"))?;
        let scheme = uri.scheme_str().ok_or_else(|| format!("endpoint URL `{endpoint}` has no scheme (http:// or https://)"))?;
        if scheme != "http" && scheme != "https" {
            return Err(format!("endpoint URL `{endpoint}` must start with http:// or https://"));
        }
        let authority = uri.authority().ok_or_else(|| format!("endpoint URL `{endpoint}` has no host"))?.clone();
        if authority.as_str().contains('@') {
            return Err("the endpoint URL must not contain user information".to_owned());
        }
        let path = match uri.path() {
            "" => "/",
            p => p,
        };
        let uri = Uri::builder().scheme(scheme).authority(authority.clone()).path_and_query(path).build().map_err(|e| e.to_string())?;
        let host = HeaderValue::from_str(authority.as_str()).map_err(|e| e.to_string())?;

        let mut http = HttpConnector::new();
        http.enforce_http(false);
        http.set_nodelay(true);
        http.set_connect_timeout(Some(policy.attempt_timeout));
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let tls = match hyper_rustls::HttpsConnectorBuilder::new().with_provider_and_native_roots(provider.clone()) {
            Ok(b) => b,
            Err(e) if scheme == "https" => return Err(format!("cannot load the system's CA certificates for {endpoint}: {e}")),
            Err(_) => {
                let config = rustls::ClientConfig::builder_with_provider(provider)
                    .with_safe_default_protocol_versions()
                    .map_err(|e| e.to_string())?
                    .with_root_certificates(rustls::RootCertStore::empty())
                    .with_no_client_auth();
                hyper_rustls::HttpsConnectorBuilder::new().with_tls_config(config)
            }
        };
        let connector = tls.https_or_http().enable_http1().wrap_connector(http);
        let client = Client::builder(TokioExecutor::new()).pool_idle_timeout(Duration::from_secs(30)).build(connector);
        Ok(Upstream {
            client,
            uri,
            host,
            endpoint: endpoint.trim_end_matches('/').to_owned(),
            region: region.to_owned(),
            credentials: credentials.map(|provider| Arc::new(CredentialCache { provider, current: RwLock::new(None), refresh: tokio::sync::Mutex::new(()) })),
            policy,
        })
    }

    #[must_use]
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    #[must_use]
    pub fn region(&self) -> &str {
        &self.region
    }

    #[must_use]
    pub fn has_credentials(&self) -> bool {
        self.credentials.is_some()
    }

    #[must_use]
    pub fn policy(&self) -> &RetryPolicy {
        &self.policy
    }

    /// The request for `action`, signed with `credentials`.
    fn signed(&self, action: Action, body: &Bytes, credentials: Credentials) -> Result<Request<Full<Bytes>>, UpstreamError> {
        let mut request = Request::builder()
            .method(Method::POST)
            .uri(self.uri.clone())
            .header(header::HOST, self.host.clone())
            .header(header::CONTENT_TYPE, CONTENT_TYPE)
            .header("x-amz-target", format!("{TARGET_PREFIX}.{}", action.name()))
            .header(header::CONTENT_LENGTH, body.len())
            .header(header::USER_AGENT, concat!("runtask-proxy/", env!("CARGO_PKG_VERSION")))
            .body(Full::new(body.clone()))
            .map_err(|e| UpstreamError::Signing(e.to_string()))?;
        let identity: Identity = credentials.into();
        let params = v4::SigningParams::builder()
            .identity(&identity)
            .region(&self.region)
            .name("ecs")
            .time(SystemTime::now())
            .settings(SigningSettings::default())
            .build()
            .map_err(|e| UpstreamError::Signing(e.to_string()))?
            .into();
        let uri = self.uri.to_string();
        let headers: Vec<(&str, &str)> = request.headers().iter().filter_map(|(k, v)| Some((k.as_str(), v.to_str().ok()?))).collect();
        let signable = SignableRequest::new("POST", &uri, headers.into_iter(), SignableBody::Bytes(body)).map_err(|e| UpstreamError::Signing(e.to_string()))?;
        let (instructions, _signature) = sign(signable, &params).map_err(|e| UpstreamError::Signing(e.to_string()))?.into_parts();
        instructions.apply_to_request_http1x(&mut request);
        Ok(request)
    }

    /// The request the proxy would send for `action`, signed (with placeholder credentials when
    /// it has none) and with the signature and session token redacted. `shown_body` is the body
    /// text to display.
    pub async fn show(&self, action: Action, body: &Bytes, shown_body: String) -> Result<ShownRequest, UpstreamError> {
        let credentials = match &self.credentials {
            Some(c) => c.get().await?,
            None => Credentials::new("AKIDRYRUNPLACEHOLDER", "dry-run-placeholder", None, None, "runtask-proxy-dry-run"),
        };
        let request = self.signed(action, body, credentials)?;
        let mut headers = Map::new();
        for (name, value) in request.headers() {
            let shown = if SECRET_HEADERS.contains(&name.as_str()) { crate::redact::MASK.to_owned() } else { value.to_str().unwrap_or("").to_owned() };
            headers.insert(name.as_str().to_owned(), json!(shown));
        }
        Ok(ShownRequest { method: "POST".to_owned(), url: self.uri.to_string(), headers, body: shown_body })
    }

    /// Calls `action` with `body`, retrying as the module documentation says.
    pub async fn call(&self, action: Action, body: Bytes) -> Result<Success, UpstreamError> {
        let Some(cache) = &self.credentials else {
            return Err(UpstreamError::NoCredentials("no AWS credentials".to_owned()));
        };
        let max = self.policy.max_attempts.max(1);
        let mut attempt = 0;
        loop {
            attempt += 1;
            let request = self.signed(action, &body, cache.get().await?)?;
            let outcome = tokio::time::timeout(self.policy.attempt_timeout, self.send(request)).await;
            let (error, retry) = match outcome {
                Ok(Ok((status, request_id, bytes))) if status.is_success() => return Ok(Success { body: bytes, request_id, attempts: attempt }),
                Ok(Ok((status, request_id, bytes))) => {
                    let (code, message) = parse_error(status, &bytes);
                    let retry = is_throttling(&code) || status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error();
                    (UpstreamError::Ecs { status, code, message, request_id }, retry)
                }
                Ok(Err(SendError::Connect(detail))) => (UpstreamError::Unreachable { detail, sent: false }, true),
                Ok(Err(SendError::AfterSend(detail))) => (UpstreamError::Unreachable { detail, sent: true }, action.read_only()),
                Err(_) => (UpstreamError::Timeout { after: self.policy.attempt_timeout }, action.read_only()),
            };
            if !retry || attempt >= max {
                tracing::warn!(action = action.name(), attempt, error = %short(&error), "ECS call failed");
                return Err(error);
            }
            let wait = self.policy.backoff(attempt);
            tracing::info!(action = action.name(), attempt, error = %short(&error), wait_ms = wait.as_millis() as u64, "retrying ECS call");
            tokio::time::sleep(wait).await;
        }
    }

    async fn send(&self, request: Request<Full<Bytes>>) -> Result<(StatusCode, Option<String>, Bytes), SendError> {
        let response = self.client.request(request).await.map_err(|e| if e.is_connect() { SendError::Connect(error_chain(&e)) } else { SendError::AfterSend(error_chain(&e)) })?;
        let status = response.status();
        let request_id = response.headers().get("x-amzn-requestid").and_then(|v| v.to_str().ok()).map(str::to_owned);
        let error_type = response.headers().get("x-amzn-errortype").and_then(|v| v.to_str().ok()).map(str::to_owned);
        let body = Limited::new(response.into_body(), MAX_RESPONSE_BYTES).collect().await.map_err(|e| SendError::AfterSend(format!("reading the answer: {e}")))?.to_bytes();
        // Fold the error-type header into the body's view of the error when the body lacks one.
        if !status.is_success() && !body.starts_with(b"{") {
            if let Some(t) = error_type {
                let b = json!({"__type": t, "message": String::from_utf8_lossy(&body).chars().take(300).collect::<String>()}).to_string();
                return Ok((status, request_id, Bytes::from(b)));
            }
        }
        Ok((status, request_id, body))
    }
}

enum SendError {
    /// Nothing was sent.
    Connect(String),
    /// The connection failed after the request may have been written.
    AfterSend(String),
}

/// The error code and message of an ECS error answer (awsJson1_1: `__type`, `message`).
fn parse_error(status: StatusCode, body: &[u8]) -> (String, String) {
    let value: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    let raw_type = value.get("__type").or_else(|| value.get("code")).and_then(Value::as_str).unwrap_or("");
    // `com.amazonaws.ecs#ClientException`, `ClientException:http://...`
    let code = raw_type.rsplit('#').next().unwrap_or("").split(':').next().unwrap_or("").trim();
    let message = value.get("message").or_else(|| value.get("Message")).and_then(Value::as_str).map(str::to_owned);
    let code = if code.is_empty() {
        if status.is_server_error() { "ServerException" } else { "UnknownError" }.to_owned()
    } else {
        code.to_owned()
    };
    let message = message.unwrap_or_else(|| {
        let text: String = String::from_utf8_lossy(body).chars().take(300).collect();
        if text.trim().is_empty() {
            format!("HTTP {status}")
        } else {
            format!("HTTP {status}: {}", text.trim())
        }
    });
    (code, message)
}

/// An error and its sources, one line.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        source = s.source();
    }
    out
}

/// A log-safe summary: codes and transport details only, never messages ECS may have built from
/// the request.
fn short(e: &UpstreamError) -> String {
    match e {
        UpstreamError::Ecs { status, code, request_id, .. } => format!("{} {code} (request id {})", status.as_u16(), request_id.as_deref().unwrap_or("-")),
        UpstreamError::Unreachable { detail, sent } => format!("unreachable (sent: {sent}): {detail}"),
        UpstreamError::Timeout { after } => format!("timeout after {} ms", after.as_millis()),
        UpstreamError::Signing(d) => format!("signing: {d}"),
        UpstreamError::NoCredentials(_) => "no credentials".to_owned(),
        UpstreamError::BadResponse(d) => format!("bad response: {d}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_ecs_errors() {
        let (c, m) = parse_error(StatusCode::BAD_REQUEST, br#"{"__type":"com.amazonaws.ecs#ClientException","message":"nope"}"#);
        assert_eq!((c.as_str(), m.as_str()), ("ClientException", "nope"));
        let (c, _) = parse_error(StatusCode::BAD_REQUEST, br#"{"__type":"InvalidParameterException:http://internal.amazon.com/","Message":"x"}"#);
        assert_eq!(c, "InvalidParameterException");
        let (c, m) = parse_error(StatusCode::INTERNAL_SERVER_ERROR, b"<html>oops</html>");
        assert_eq!(c, "ServerException");
        assert!(m.contains("oops"));
    }

    #[test]
    fn statuses_match_the_error() {
        let s = |a, st: u16, c, m| console_status(a, StatusCode::from_u16(st).unwrap(), c, m).as_u16();
        assert_eq!(s(Action::RunTask, 400, "ThrottlingException", ""), 429);
        assert_eq!(s(Action::RunTask, 400, "AccessDeniedException", ""), 403);
        assert_eq!(s(Action::RunTask, 400, "InvalidParameterException", ""), 400);
        assert_eq!(s(Action::RunTask, 500, "ServerException", ""), 502);
        assert_eq!(s(Action::RunTask, 503, "ServiceUnavailable", ""), 503);
        assert_eq!(s(Action::DescribeTaskDefinition, 400, "ClientException", "Unable to describe task definition."), 404);
    }

    #[test]
    fn backoff_grows_with_jitter_and_a_cap() {
        let p = RetryPolicy { backoff_base: Duration::from_millis(100), backoff_cap: Duration::from_millis(300), ..RetryPolicy::default() };
        for _ in 0..50 {
            let b1 = p.backoff(1);
            assert!(b1 >= Duration::from_millis(50) && b1 <= Duration::from_millis(100), "{b1:?}");
            let b3 = p.backoff(3);
            assert!(b3 >= Duration::from_millis(150) && b3 <= Duration::from_millis(300), "{b3:?}");
        }
    }
}
