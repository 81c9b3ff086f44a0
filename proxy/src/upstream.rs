//! The ECS client: signs each request with aws-sigv4, sends it, retries only where a retry cannot
//! launch a task twice, and turns every failure into a clear error.
//!
//! Retries: throttling, HTTP 5xx and connection failures before anything was sent are retried with
//! exponential backoff and jitter. A RunTask retry sends the same bytes, so the same
//! `clientToken`, which ECS uses to deduplicate. A RunTask that timed out or lost its connection
//! after sending is never retried: it may have launched. Read-only calls retry those too.
//!
//! A RunTask past its deadline is not abandoned: the caller is told (and answers its client with
//! a 504 and the token), and the call keeps waiting for ECS's answer for `late_answer_wait`.
//!
//! Errors for the client carry ECS's parsed error (code and message) and what kind of failure it
//! was; never the endpoint or an unparsed answer, which go to the log.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use aws_credential_types::provider::SharedCredentialsProvider;
use aws_credential_types::Credentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use runtask_live::CredentialCache;
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
    /// After a RunTask's deadline, how much longer the call waits for ECS's answer (to log it,
    /// and to give it to a retry with the same clientToken).
    pub late_answer_wait: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy { attempt_timeout: Duration::from_secs(10), max_attempts: 3, backoff_base: Duration::from_millis(100), backoff_cap: Duration::from_secs(5), late_answer_wait: Duration::from_secs(60) }
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
    /// The answer to the client: ECS's parsed error, or what kind of failure it was.
    #[must_use]
    pub fn to_api(&self, action: Action) -> ApiError {
        const MAY_HAVE_REACHED: &str = "; the request may have reached ECS: retry with the same clientToken, which cannot launch twice";
        let run_task = action == Action::RunTask;
        match self {
            UpstreamError::Ecs { status, code, message, request_id } => {
                let mut e = ApiError::new(console_status(action, *status, code, message), code.clone(), format!("ECS {}: {message}", action.name()));
                e.request_id.clone_from(request_id);
                e
            }
            UpstreamError::Unreachable { detail, sent } => {
                let what = failure_kind(detail);
                let message = if *sent {
                    format!("the connection to ECS failed after {} was sent ({what}){}", action.name(), if run_task { MAY_HAVE_REACHED } else { "" })
                } else {
                    format!("cannot reach ECS for {} ({what}): nothing was sent", action.name())
                };
                ApiError::new(StatusCode::BAD_GATEWAY, "upstream_unreachable", message)
            }
            UpstreamError::Timeout { after } => ApiError::new(
                StatusCode::GATEWAY_TIMEOUT,
                "upstream_timeout",
                format!("ECS did not answer {} within {:.1} s{}", action.name(), after.as_secs_f64(), if run_task { MAY_HAVE_REACHED } else { "" }),
            ),
            UpstreamError::Signing(_) => ApiError::new(StatusCode::BAD_GATEWAY, "signing_failed", format!("cannot sign the {} request: the proxy's AWS credentials could not be loaded or used (see its log)", action.name())),
            UpstreamError::NoCredentials(reason) => {
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "no_credentials", format!("the proxy runs as a dry run ({reason}): it cannot call ECS {}", action.name()))
            }
            UpstreamError::BadResponse(_) => ApiError::new(StatusCode::BAD_GATEWAY, "upstream_error", format!("ECS answered {} with something that is not an ECS answer", action.name())),
        }
    }
}

impl UpstreamError {
    /// A log-safe summary (codes and transport details, never ECS's messages).
    #[must_use]
    pub fn summary(&self) -> String {
        short(self)
    }
}

/// A transport failure in a few words, from the error chain's text: the kind, never addresses.
fn failure_kind(detail: &str) -> &'static str {
    let d = detail.to_ascii_lowercase();
    if d.contains("refused") {
        "connection refused"
    } else if d.contains("dns") || d.contains("lookup") {
        "the host name did not resolve"
    } else if d.contains("certificate") || d.contains("tls") || d.contains("handshake") {
        "the TLS handshake failed"
    } else if d.contains("timed out") || d.contains("timeout") {
        "timed out"
    } else if d.contains("reset") {
        "connection reset"
    } else if d.contains("closed") || d.contains("incomplete") || d.contains("eof") {
        "connection closed before the answer was complete"
    } else {
        "connection failed"
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
#[derive(Clone, Debug)]
pub struct Success {
    pub body: Bytes,
    pub request_id: Option<String>,
    pub attempts: u32,
    /// The answer came after the deadline.
    pub late: bool,
}

/// Signing is impossible without credentials: why the chain gave none.
fn no_credentials(detail: String) -> UpstreamError {
    UpstreamError::Signing(format!("no credentials: {detail}"))
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
            credentials: credentials.map(|provider| Arc::new(CredentialCache::new(provider))),
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
            Some(c) => c.get().await.map_err(no_credentials)?,
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
        self.call_with(action, body, || {}).await
    }

    /// [`Upstream::call`], and for a RunTask past its deadline: `on_late()`, then the wait for
    /// ECS's answer goes on for `late_answer_wait`.
    pub async fn call_with(&self, action: Action, body: Bytes, on_late: impl FnOnce()) -> Result<Success, UpstreamError> {
        let Some(cache) = &self.credentials else {
            return Err(UpstreamError::NoCredentials("no AWS credentials".to_owned()));
        };
        let mut on_late = Some(on_late);
        let max = self.policy.max_attempts.max(1);
        let mut attempt = 0;
        loop {
            attempt += 1;
            let request = match cache.get().await.map_err(no_credentials).and_then(|credentials| self.signed(action, &body, credentials)) {
                Ok(r) => r,
                Err(e) => {
                    tracing::warn!(action = action.name(), error = %short(&e), "cannot sign the ECS call");
                    return Err(e);
                }
            };
            let send = self.send(request);
            tokio::pin!(send);
            let mut late = false;
            let outcome = match tokio::time::timeout(self.policy.attempt_timeout, &mut send).await {
                Ok(sent) => Some(sent),
                Err(_) if !action.read_only() && !self.policy.late_answer_wait.is_zero() => {
                    if let Some(f) = on_late.take() {
                        f();
                    }
                    tracing::info!(action = action.name(), attempt, wait_ms = self.policy.late_answer_wait.as_millis() as u64, "ECS has not answered by the deadline: still waiting");
                    late = true;
                    tokio::time::timeout(self.policy.late_answer_wait, &mut send).await.ok()
                }
                Err(_) => None,
            };
            let (error, retry) = match outcome {
                Some(Ok((status, request_id, bytes))) if status.is_success() => return Ok(Success { body: bytes, request_id, attempts: attempt, late }),
                Some(Ok((status, request_id, bytes))) => {
                    let (code, message) = parse_error(status, &bytes);
                    let retry = is_throttling(&code) || status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error();
                    (UpstreamError::Ecs { status, code, message, request_id }, retry && !late)
                }
                Some(Err(SendError::Connect(detail))) => (UpstreamError::Unreachable { detail, sent: false }, true),
                Some(Err(SendError::AfterSend(detail))) => (UpstreamError::Unreachable { detail, sent: true }, action.read_only()),
                None => (UpstreamError::Timeout { after: self.policy.attempt_timeout }, action.read_only()),
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
        // Fold the error-type header into the body's view of the error when the body lacks one
        // (the body itself is not passed on: it is not an ECS error).
        if !status.is_success() && !body.starts_with(b"{") {
            if let Some(t) = error_type {
                return Ok((status, request_id, Bytes::from(json!({ "__type": t }).to_string())));
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
    // Only ECS's own message is passed on; another answer (a load balancer's page) is not.
    let message = message.unwrap_or_else(|| format!("HTTP {status} without an ECS error message"));
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
        let (c, m) = parse_error(StatusCode::INTERNAL_SERVER_ERROR, b"<html>oops from 10.0.0.7</html>");
        assert_eq!(c, "ServerException");
        assert_eq!(m, "HTTP 500 Internal Server Error without an ECS error message");
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
