//! The account connection: region, credentials and endpoints from the standard AWS chain
//! (aws-config), and one small signed client for the few read-only calls the checks make.
//!
//! Why not the AWS SDK's service crates: aws-sdk-ec2 alone is 1.2 million lines of generated
//! Rust, and the seven services the checks use add 2.1 million; their clean debug build costs more
//! than the rest of the workspace (README, "Live pre-flight"). The calls here are a handful of
//! read-only actions of two well-documented wire protocols (awsJson1_1 and the EC2/IAM query
//! protocol), made with the SDK's own building blocks: aws-config for the credential chain,
//! Region and endpoint overrides, aws-sigv4 for signing, hyper-rustls (ring) for TLS — the same
//! stack as runtask-proxy.
//!
//! Endpoints follow the SDK's rules: a service-specific override (`AWS_ENDPOINT_URL_ECS`, the
//! profile's `services` section), else `AWS_ENDPOINT_URL` / `endpoint_url`, else the Region's
//! public endpoint.
//!
//! Retries: throttling, HTTP 5xx and connection failures, up to three attempts with exponential
//! backoff and jitter. Every call is read-only, so a retry is always safe. The caller bounds the
//! whole with its deadline.

use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

use aws_config::BehaviorVersion;
use aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider};
use aws_credential_types::Credentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use aws_types::service_config::ServiceConfigKey;
use bytes::Bytes;
use http::{header, Method, Request, StatusCode, Uri};
use http_body_util::{BodyExt, Full, Limited};
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use serde_json::Value;

/// Answers of the calls made here are small; a page of 1000 subnets is well under this.
const MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;
/// Refresh credentials this long before they expire.
const REFRESH_BEFORE_EXPIRY: Duration = Duration::from_secs(300);
const MAX_ATTEMPTS: u32 = 3;
/// How long the credential chain may take (instance metadata probing is slow off EC2).
const CREDENTIALS_TIMEOUT: Duration = Duration::from_secs(10);

/// The services the checks call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Service {
    Ecs,
    Ec2,
    Iam,
    Ecr,
    Logs,
    Ssm,
    SecretsManager,
    Kms,
}

enum Protocol {
    /// awsJson1_1 with this `X-Amz-Target` prefix.
    Json(&'static str),
    /// The query protocol with this API version (XML answers).
    Query(&'static str),
}

impl Service {
    pub const ALL: [Service; 8] = [Service::Ecs, Service::Ec2, Service::Iam, Service::Ecr, Service::Logs, Service::Ssm, Service::SecretsManager, Service::Kms];

    /// The SDK's service id, which names its endpoint override (`AWS_ENDPOINT_URL_<ID>` with
    /// spaces as underscores, upper case).
    #[must_use]
    pub fn sdk_id(self) -> &'static str {
        match self {
            Service::Ecs => "ECS",
            Service::Ec2 => "EC2",
            Service::Iam => "IAM",
            Service::Ecr => "ECR",
            Service::Logs => "CloudWatch Logs",
            Service::Ssm => "SSM",
            Service::SecretsManager => "Secrets Manager",
            Service::Kms => "KMS",
        }
    }

    /// The IAM action prefix, which is also the SigV4 signing name.
    #[must_use]
    pub fn iam_prefix(self) -> &'static str {
        match self {
            Service::Ecs => "ecs",
            Service::Ec2 => "ec2",
            Service::Iam => "iam",
            Service::Ecr => "ecr",
            Service::Logs => "logs",
            Service::Ssm => "ssm",
            Service::SecretsManager => "secretsmanager",
            Service::Kms => "kms",
        }
    }

    fn protocol(self) -> Protocol {
        match self {
            Service::Ecs => Protocol::Json("AmazonEC2ContainerServiceV20141113"),
            Service::Ec2 => Protocol::Query("2016-11-15"),
            Service::Iam => Protocol::Query("2010-05-08"),
            Service::Ecr => Protocol::Json("AmazonEC2ContainerRegistry_V20150921"),
            Service::Logs => Protocol::Json("Logs_20140328"),
            Service::Ssm => Protocol::Json("AmazonSSM"),
            Service::SecretsManager => Protocol::Json("secretsmanager"),
            Service::Kms => Protocol::Json("TrentService"),
        }
    }

    /// The Region's public endpoint, and the Region to sign for (IAM is global).
    fn default_endpoint(self, region: &str) -> (String, String) {
        let china = region.starts_with("cn-");
        let suffix = if china { "amazonaws.com.cn" } else { "amazonaws.com" };
        match self {
            Service::Iam if china => (format!("https://iam.cn-north-1.{suffix}"), "cn-north-1".to_owned()),
            Service::Iam if region.starts_with("us-gov-") => ("https://iam.us-gov.amazonaws.com".to_owned(), "us-gov-west-1".to_owned()),
            Service::Iam => ("https://iam.amazonaws.com".to_owned(), "us-east-1".to_owned()),
            Service::Ecr => (format!("https://api.ecr.{region}.{suffix}"), region.to_owned()),
            s => (format!("https://{}.{region}.{suffix}", s.iam_prefix()), region.to_owned()),
        }
    }
}

/// Why a call gave no usable answer. Only the codes a check names as "not found" are taken as
/// such; everything else means the check could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CallError {
    /// The caller may not make the call (HTTP 403 or an access-denied code), or its credentials
    /// were refused.
    Denied { action: String, code: String, message: String },
    /// Throttled on every attempt.
    Throttled { action: String, code: String },
    /// No connection, or the connection broke.
    Unreachable { action: String, endpoint: String, detail: String },
    /// An error answer with this code (e.g. `NoSuchEntity`).
    Service { action: String, status: u16, code: String, message: String },
    /// An answer that could not be read.
    Malformed { action: String, detail: String },
    /// No credentials from the chain.
    NoCredentials { detail: String },
    /// The pre-flight's deadline passed first.
    Deadline { action: String },
}

impl CallError {
    /// The error code of a service error answer.
    #[must_use]
    pub fn code(&self) -> Option<&str> {
        match self {
            CallError::Service { code, .. } => Some(code),
            _ => None,
        }
    }

    /// One sentence: why the call `action` (`ec2:DescribeSubnets`) gave nothing.
    #[must_use]
    pub fn reason(&self) -> String {
        match self {
            CallError::Denied { action, code, message } => {
                let detail = if message.is_empty() { code.clone() } else { format!("{code}: {}", first_line(message)) };
                format!("the caller is not allowed to call `{action}` ({detail})")
            }
            CallError::Throttled { action, code } => format!("`{action}` was throttled on every attempt ({code})"),
            CallError::Unreachable { action, endpoint, detail } => format!("`{action}`: {endpoint} could not be reached ({detail})"),
            CallError::Service { action, status, code, message } => format!("`{action}` failed: HTTP {status} {code}: {}", first_line(message)),
            CallError::Malformed { action, detail } => format!("the answer of `{action}` could not be read ({detail})"),
            CallError::NoCredentials { detail } => format!("no AWS credentials ({detail})"),
            CallError::Deadline { action } => format!("`{action}` did not answer before the pre-flight's deadline"),
        }
    }

    /// Whether the cause is the caller's permissions (an info-worthy gap rather than a failure).
    #[must_use]
    pub fn is_denied(&self) -> bool {
        matches!(self, CallError::Denied { .. })
    }
}

fn first_line(s: &str) -> String {
    let line = s.lines().next().unwrap_or("").trim();
    let mut out: String = line.chars().take(200).collect();
    if line.chars().count() > 200 {
        out.push('…');
    }
    out
}

/// Where to connect: the standard chain, with these overrides.
#[derive(Clone, Debug, Default)]
pub struct Connect {
    /// The Region (default: the chain: `AWS_REGION`, the profile, instance metadata).
    pub region: Option<String>,
    /// A profile of the shared config files (default: `AWS_PROFILE`, else `default`).
    pub profile: Option<String>,
}

/// Caches credentials from the provider chain until shortly before they expire; one refresh at a
/// time, bounded by a timeout (instance metadata probing is slow off EC2). Shared with
/// runtask-proxy, which signs its RunTask calls with the same cache.
pub struct CredentialCache {
    provider: SharedCredentialsProvider,
    current: RwLock<Option<Credentials>>,
    refresh: tokio::sync::Mutex<()>,
}

impl CredentialCache {
    #[must_use]
    pub fn new(provider: SharedCredentialsProvider) -> Self {
        CredentialCache { provider, current: RwLock::new(None), refresh: tokio::sync::Mutex::new(()) }
    }

    fn fresh(c: &Credentials) -> bool {
        c.expiry().is_none_or(|t| t > SystemTime::now() + REFRESH_BEFORE_EXPIRY)
    }

    fn cached(&self) -> Option<Credentials> {
        self.current.read().ok()?.as_ref().filter(|c| Self::fresh(c)).cloned()
    }

    /// Credentials valid for at least a few more minutes, or why there are none (the provider's
    /// error chain, or that it gave none in time).
    ///
    /// # Errors
    /// The provider failed or took longer than the timeout.
    pub async fn get(&self) -> Result<Credentials, String> {
        if let Some(c) = self.cached() {
            return Ok(c);
        }
        let _one_refresh = self.refresh.lock().await;
        if let Some(c) = self.cached() {
            return Ok(c);
        }
        let c = match tokio::time::timeout(CREDENTIALS_TIMEOUT, self.provider.provide_credentials()).await {
            Ok(Ok(c)) => c,
            Ok(Err(e)) => return Err(error_chain(&e)),
            Err(_) => return Err(format!("the credential chain gave none within {} s", CREDENTIALS_TIMEOUT.as_secs())),
        };
        if let Ok(mut slot) = self.current.write() {
            *slot = Some(c.clone());
        }
        Ok(c)
    }
}

struct Endpoint {
    uri: Uri,
    display: String,
    signing_region: String,
}

/// A read-only connection to one account and Region. Cheap to share (`Arc` inside); every call
/// may run concurrently.
#[derive(Clone)]
pub struct Aws {
    inner: Arc<Inner>,
}

struct Inner {
    region: String,
    credentials: Option<CredentialCache>,
    endpoints: Vec<(Service, Endpoint)>,
    http: Client<HttpsConnector<HttpConnector>, Full<Bytes>>,
}

impl std::fmt::Debug for Aws {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Aws").field("region", &self.inner.region).finish_non_exhaustive()
    }
}

/// Why no connection could be set up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectError(pub String);

impl std::fmt::Display for ConnectError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConnectError {}

/// aws-config's HTTP client for the credential chain (SSO, STS, instance metadata): rustls with
/// ring, as everywhere in runtask.
fn chain_http_client() -> aws_smithy_runtime_api::client::http::SharedHttpClient {
    aws_smithy_http_client::Builder::new()
        .tls_provider(aws_smithy_http_client::tls::Provider::Rustls(aws_smithy_http_client::tls::rustls_provider::CryptoMode::Ring))
        .build_https()
}

impl Aws {
    /// Loads region, credentials and endpoints from the standard chain. Fails only when no
    /// Region is configured or an endpoint override is not a URL; missing credentials show up
    /// as checks that could not be made.
    pub async fn connect(connect: &Connect) -> Result<Aws, ConnectError> {
        let mut loader = aws_config::defaults(BehaviorVersion::latest()).http_client(chain_http_client());
        if let Some(r) = &connect.region {
            loader = loader.region(aws_config::Region::new(r.clone()));
        }
        if let Some(p) = &connect.profile {
            loader = loader.profile_name(p);
        }
        let sdk = loader.load().await;
        Aws::from_sdk_config(&sdk)
    }

    /// From a loaded SDK configuration (the proxy's, for instance).
    pub fn from_sdk_config(sdk: &aws_config::SdkConfig) -> Result<Aws, ConnectError> {
        Aws::from_sdk_config_with(sdk, &[])
    }

    /// From a loaded SDK configuration, with explicit endpoints for some services (the proxy's
    /// `--endpoint-url`, which names its ECS endpoint) that win over the configured ones.
    pub fn from_sdk_config_with(sdk: &aws_config::SdkConfig, explicit: &[(Service, &str)]) -> Result<Aws, ConnectError> {
        let region = sdk
            .region()
            .map(ToString::to_string)
            .ok_or_else(|| ConnectError("no AWS Region configured: use --region, AWS_REGION or a profile with a region".to_owned()))?;
        let mut endpoints = Vec::new();
        for service in Service::ALL {
            let explicit = explicit.iter().find(|(s, _)| *s == service).map(|(_, url)| (*url).to_owned());
            let configured = explicit
                .or_else(|| sdk.service_config()?.load_config(ServiceConfigKey::builder().service_id(service.sdk_id()).env("AWS_ENDPOINT_URL").profile("endpoint_url").build().ok()?))
                .or_else(|| sdk.endpoint_url().map(str::to_owned));
            let (url, signing_region) = match configured {
                Some(url) => (url, region.clone()),
                None => service.default_endpoint(&region),
            };
            endpoints.push((service, parse_endpoint(&url, signing_region)?));
        }
        Ok(Aws {
            inner: Arc::new(Inner {
                region,
                credentials: sdk.credentials_provider().map(CredentialCache::new),
                endpoints,
                http: http_client()?,
            }),
        })
    }

    /// With fixed credentials, Region and one endpoint for every service (tests, emulators).
    pub fn with_endpoint(endpoint: &str, region: &str, credentials: Option<Credentials>) -> Result<Aws, ConnectError> {
        let endpoints = Service::ALL.iter().map(|s| Ok((*s, parse_endpoint(endpoint, region.to_owned())?))).collect::<Result<Vec<_>, ConnectError>>()?;
        Ok(Aws {
            inner: Arc::new(Inner {
                region: region.to_owned(),
                credentials: credentials.map(|c| CredentialCache::new(SharedCredentialsProvider::new(c))),
                endpoints,
                http: http_client()?,
            }),
        })
    }

    #[must_use]
    pub fn region(&self) -> &str {
        &self.inner.region
    }

    /// The endpoint used for `service`.
    #[must_use]
    pub fn endpoint(&self, service: Service) -> &str {
        &self.endpoint_of(service).display
    }

    fn endpoint_of(&self, service: Service) -> &Endpoint {
        // Every service has an entry (built from Service::ALL).
        &self.inner.endpoints.iter().find(|(s, _)| *s == service).expect("every service has an endpoint").1
    }

    /// Whether the credential chain gives credentials (they are cached for the calls).
    pub async fn credentials(&self) -> Result<(), CallError> {
        match &self.inner.credentials {
            Some(cache) => cache.get().await.map(|_| ()).map_err(|detail| CallError::NoCredentials { detail }),
            None => Err(CallError::NoCredentials { detail: "the credential chain has no provider".to_owned() }),
        }
    }

    /// An awsJson1_1 call; the answer's JSON.
    pub async fn json(&self, service: Service, action: &str, input: &Value) -> Result<Value, CallError> {
        let name = format!("{}:{action}", service.iam_prefix());
        let body = Bytes::from(input.to_string());
        let bytes = self.call(service, action, &name, body).await?;
        serde_json::from_slice(&bytes).map_err(|e| CallError::Malformed { action: name, detail: e.to_string() })
    }

    /// A query-protocol call with these parameters; the answer's XML text.
    pub async fn query(&self, service: Service, action: &str, params: &[(String, String)]) -> Result<String, CallError> {
        let name = format!("{}:{action}", service.iam_prefix());
        let Protocol::Query(version) = service.protocol() else {
            return Err(CallError::Malformed { action: name, detail: "not a query-protocol service".to_owned() });
        };
        let body = {
            let mut form = form_urlencoded::Serializer::new(String::new());
            form.append_pair("Action", action).append_pair("Version", version);
            for (k, v) in params {
                form.append_pair(k, v);
            }
            form.finish()
        };
        let bytes = self.call(service, action, &name, Bytes::from(body)).await?;
        String::from_utf8(bytes.to_vec()).map_err(|_| CallError::Malformed { action: name, detail: "not UTF-8".to_owned() })
    }

    async fn call(&self, service: Service, action: &str, name: &str, body: Bytes) -> Result<Bytes, CallError> {
        let Some(cache) = &self.inner.credentials else {
            return Err(CallError::NoCredentials { detail: "the credential chain has no provider".to_owned() });
        };
        let endpoint = self.endpoint_of(service);
        let mut attempt = 0;
        loop {
            attempt += 1;
            let credentials = cache.get().await.map_err(|detail| CallError::NoCredentials { detail })?;
            let request = self.signed(service, endpoint, action, &body, credentials).map_err(|detail| CallError::Malformed { action: name.to_owned(), detail })?;
            let (error, retry) = match self.send(request).await {
                Ok((status, bytes)) if status.is_success() => return Ok(bytes),
                Ok((status, bytes)) => {
                    let (code, message) = parse_error(&bytes);
                    classify(name, status, code, message)
                }
                Err(detail) => (CallError::Unreachable { action: name.to_owned(), endpoint: endpoint.display.clone(), detail }, true),
            };
            if !retry || attempt >= MAX_ATTEMPTS {
                return Err(error);
            }
            tokio::time::sleep(backoff(attempt)).await;
        }
    }

    fn signed(&self, service: Service, endpoint: &Endpoint, action: &str, body: &Bytes, credentials: Credentials) -> Result<Request<Full<Bytes>>, String> {
        let host = endpoint.uri.authority().map(|a| a.as_str().to_owned()).unwrap_or_default();
        let mut builder = Request::builder().method(Method::POST).uri(endpoint.uri.clone()).header(header::HOST, host);
        builder = match service.protocol() {
            Protocol::Json(prefix) => builder.header(header::CONTENT_TYPE, "application/x-amz-json-1.1").header("x-amz-target", format!("{prefix}.{action}")),
            Protocol::Query(_) => builder.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded; charset=utf-8"),
        };
        let mut request = builder
            .header(header::CONTENT_LENGTH, body.len())
            .header(header::USER_AGENT, concat!("runtask-live/", env!("CARGO_PKG_VERSION")))
            .body(Full::new(body.clone()))
            .map_err(|e| e.to_string())?;
        let identity: Identity = credentials.into();
        let params = v4::SigningParams::builder()
            .identity(&identity)
            .region(&endpoint.signing_region)
            .name(service.iam_prefix())
            .time(SystemTime::now())
            .settings(SigningSettings::default())
            .build()
            .map_err(|e| e.to_string())?
            .into();
        let uri = endpoint.uri.to_string();
        let headers: Vec<(&str, &str)> = request.headers().iter().filter_map(|(k, v)| Some((k.as_str(), v.to_str().ok()?))).collect();
        let signable = SignableRequest::new("POST", &uri, headers.into_iter(), SignableBody::Bytes(body)).map_err(|e| e.to_string())?;
        let (instructions, _signature) = sign(signable, &params).map_err(|e| e.to_string())?.into_parts();
        instructions.apply_to_request_http1x(&mut request);
        Ok(request)
    }

    async fn send(&self, request: Request<Full<Bytes>>) -> Result<(StatusCode, Bytes), String> {
        let response = self.inner.http.request(request).await.map_err(|e| error_chain(&e))?;
        let status = response.status();
        let error_type = response.headers().get("x-amzn-errortype").and_then(|v| v.to_str().ok()).map(str::to_owned);
        let body = Limited::new(response.into_body(), MAX_RESPONSE_BYTES).collect().await.map_err(|e| format!("reading the answer: {e}"))?.to_bytes();
        // The error type header stands in for a body that lacks one.
        if !status.is_success() && !body.starts_with(b"{") && !body.starts_with(b"<") {
            if let Some(t) = error_type {
                let b = serde_json::json!({"__type": t, "message": String::from_utf8_lossy(&body).chars().take(300).collect::<String>()}).to_string();
                return Ok((status, Bytes::from(b)));
            }
        }
        Ok((status, body))
    }
}

fn parse_endpoint(url: &str, signing_region: String) -> Result<Endpoint, ConnectError> {
    let uri: Uri = url.parse().map_err(|e| ConnectError(format!("endpoint URL `{url}` is not a URL: {e}")))?;
    match uri.scheme_str() {
        Some("http" | "https") => {}
        _ => return Err(ConnectError(format!("endpoint URL `{url}` must start with http:// or https://"))),
    }
    let authority = uri.authority().ok_or_else(|| ConnectError(format!("endpoint URL `{url}` has no host")))?;
    if authority.as_str().contains('@') {
        return Err(ConnectError("an endpoint URL must not contain user information".to_owned()));
    }
    let path = match uri.path() {
        "" => "/",
        p => p,
    };
    let uri = Uri::builder()
        .scheme(uri.scheme_str().unwrap_or("https"))
        .authority(authority.clone())
        .path_and_query(path)
        .build()
        .map_err(|e| ConnectError(format!("endpoint URL `{url}`: {e}")))?;
    Ok(Endpoint { display: url.trim_end_matches('/').to_owned(), uri, signing_region })
}

fn http_client() -> Result<Client<HttpsConnector<HttpConnector>, Full<Bytes>>, ConnectError> {
    let mut http = HttpConnector::new();
    http.enforce_http(false);
    http.set_nodelay(true);
    http.set_connect_timeout(Some(Duration::from_secs(3)));
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let tls = match hyper_rustls::HttpsConnectorBuilder::new().with_provider_and_native_roots(provider.clone()) {
        Ok(b) => b,
        // No system CA certificates: plain-HTTP endpoints (emulators) still work; HTTPS ones fail
        // per call with a clear reason.
        Err(_) => {
            let config = rustls::ClientConfig::builder_with_provider(provider)
                .with_safe_default_protocol_versions()
                .map_err(|e| ConnectError(e.to_string()))?
                .with_root_certificates(rustls::RootCertStore::empty())
                .with_no_client_auth();
            hyper_rustls::HttpsConnectorBuilder::new().with_tls_config(config)
        }
    };
    let connector = tls.https_or_http().enable_http1().wrap_connector(http);
    Ok(Client::builder(TokioExecutor::new()).pool_idle_timeout(Duration::from_secs(30)).build(connector))
}

/// Exponential backoff (100 ms, 200 ms, …) with full jitter, capped at 2 s.
fn backoff(attempt: u32) -> Duration {
    let ceiling = Duration::from_millis(100).saturating_mul(1 << attempt.min(5)).min(Duration::from_secs(2));
    ceiling.mul_f64(fastrand::f64().max(0.1))
}

const DENIED_CODES: &[&str] = &[
    "AccessDenied",
    "AccessDeniedException",
    "UnauthorizedOperation",
    "UnauthorizedAccess",
    "AuthFailure",
    "InvalidClientTokenId",
    "UnrecognizedClientException",
    "ExpiredToken",
    "ExpiredTokenException",
    "SignatureDoesNotMatch",
    "IncompleteSignature",
    "MissingAuthenticationToken",
    "InvalidSignatureException",
];

const THROTTLING_CODES: &[&str] =
    &["Throttling", "ThrottlingException", "ThrottledException", "RequestThrottled", "RequestThrottledException", "RequestLimitExceeded", "TooManyRequestsException", "ProvisionedThroughputExceededException", "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException"];

/// The error for an error answer, and whether to retry.
fn classify(action: &str, status: StatusCode, code: String, message: String) -> (CallError, bool) {
    let action = action.to_owned();
    if DENIED_CODES.contains(&code.as_str()) || (status == StatusCode::FORBIDDEN && code.is_empty()) {
        let code = if code.is_empty() { "HTTP 403".to_owned() } else { code };
        return (CallError::Denied { action, code, message }, false);
    }
    if THROTTLING_CODES.contains(&code.as_str()) || status == StatusCode::TOO_MANY_REQUESTS {
        let code = if code.is_empty() { format!("HTTP {}", status.as_u16()) } else { code };
        return (CallError::Throttled { action, code }, true);
    }
    let retry = status.is_server_error();
    let code = if code.is_empty() { format!("HTTP {}", status.as_u16()) } else { code };
    (CallError::Service { action, status: status.as_u16(), code, message }, retry)
}

/// The error code and message of an error answer: awsJson (`__type`, `message`), or query XML
/// (`<Error><Code>…</Code><Message>…</Message></Error>`, EC2's `<Errors>` wrapper included).
fn parse_error(body: &[u8]) -> (String, String) {
    let text = String::from_utf8_lossy(body);
    let trimmed = text.trim_start();
    if trimmed.starts_with('<') {
        if let Ok(doc) = roxmltree::Document::parse(trimmed) {
            let error = doc.descendants().find(|n| n.has_tag_name("Error"));
            let field = |name: &str| error.and_then(|e| e.children().find(|c| c.has_tag_name(name))).and_then(|c| c.text()).unwrap_or("").trim().to_owned();
            return (field("Code"), field("Message"));
        }
        return (String::new(), first_line(trimmed));
    }
    let value: Value = serde_json::from_str(trimmed).unwrap_or(Value::Null);
    let raw_type = value.get("__type").or_else(|| value.get("code")).or_else(|| value.get("Code")).and_then(Value::as_str).unwrap_or("");
    // `com.amazonaws.ecs#ClientException`, `ClientException:http://...`
    let code = raw_type.rsplit('#').next().unwrap_or("").split(':').next().unwrap_or("").trim().to_owned();
    let message = value.get("message").or_else(|| value.get("Message")).and_then(Value::as_str).map_or_else(|| first_line(trimmed), str::to_owned);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_json_and_xml_errors() {
        assert_eq!(parse_error(br#"{"__type":"com.amazonaws.ecs#ClusterNotFoundException","message":"Cluster not found."}"#), ("ClusterNotFoundException".to_owned(), "Cluster not found.".to_owned()));
        let iam = r#"<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>The role with name x cannot be found.</Message></Error><RequestId>1</RequestId></ErrorResponse>"#;
        assert_eq!(parse_error(iam.as_bytes()), ("NoSuchEntity".to_owned(), "The role with name x cannot be found.".to_owned()));
        let ec2 = "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>no</Message></Error></Errors><RequestID>1</RequestID></Response>";
        assert_eq!(parse_error(ec2.as_bytes()).0, "UnauthorizedOperation");
        assert_eq!(parse_error(b"").0, "");
    }

    #[test]
    fn classifies_denied_throttled_and_others() {
        let (e, retry) = classify("ec2:DescribeSubnets", StatusCode::FORBIDDEN, String::new(), "denied".to_owned());
        assert!(e.is_denied() && !retry);
        assert!(e.reason().contains("`ec2:DescribeSubnets`"), "{}", e.reason());
        let (e, retry) = classify("ecs:DescribeClusters", StatusCode::BAD_REQUEST, "ThrottlingException".to_owned(), String::new());
        assert!(matches!(e, CallError::Throttled { .. }) && retry);
        let (e, retry) = classify("iam:GetRole", StatusCode::NOT_FOUND, "NoSuchEntity".to_owned(), "gone".to_owned());
        assert_eq!((e.code(), retry), (Some("NoSuchEntity"), false));
        let (_, retry) = classify("iam:GetRole", StatusCode::SERVICE_UNAVAILABLE, String::new(), String::new());
        assert!(retry);
    }

    #[test]
    fn default_endpoints() {
        assert_eq!(Service::Ecs.default_endpoint("eu-west-1").0, "https://ecs.eu-west-1.amazonaws.com");
        assert_eq!(Service::Ecr.default_endpoint("eu-west-1").0, "https://api.ecr.eu-west-1.amazonaws.com");
        assert_eq!(Service::Iam.default_endpoint("eu-west-1"), ("https://iam.amazonaws.com".to_owned(), "us-east-1".to_owned()));
        assert_eq!(Service::Logs.default_endpoint("cn-north-1").0, "https://logs.cn-north-1.amazonaws.com.cn");
    }

    #[test]
    fn backoff_is_bounded() {
        for attempt in 1..10 {
            assert!(backoff(attempt) <= Duration::from_secs(2));
        }
    }
}
