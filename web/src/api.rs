//! runtask-proxy's HTTP API (docs/proxy-api.md), through gloo-net. Every call carries
//! `X-Runtask-Client: console`, and the bearer token when the proxy asks for one.

use gloo_net::http::{Request, RequestBuilder, Response};
use serde_json::Value;

/// The proxy could not be asked, or answered something that is not its API.
#[derive(Clone, Debug, PartialEq)]
pub struct ApiError(pub String);

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ApiError {}

/// `GET /api/status`.
#[derive(Clone, Debug, PartialEq)]
pub struct ProxyStatus {
    pub dry_run: bool,
    pub dry_run_reason: Option<String>,
    pub region: String,
    pub endpoint: String,
    pub auth_required: bool,
    /// The proxy can look the account up (`POST /api/preflight`, the pickers).
    pub live: bool,
}

/// What `POST /api/preflight` answered.
#[derive(Clone, Debug, PartialEq)]
pub struct Preflight {
    /// The diagnostics in the CLI's JSON shape, offline and live; live ones have `"live": true`.
    pub diagnostics: Vec<Value>,
    pub total: usize,
    pub live_checked: bool,
    /// Why nothing was looked up, when `live_checked` is false.
    pub reason: Option<String>,
}

/// What `POST /api/run-task` answered.
#[derive(Clone, Debug, PartialEq)]
pub enum RunOutcome {
    /// ECS answered: tasks started and/or failures.
    Launched { client_token: String, tasks: Vec<Value>, failures: Vec<Value> },
    /// Dry run: the request that would have been sent, with the pointers of the values the
    /// proxy masked in it (environment values).
    DryRun { client_token: String, request: Value, redacted: Vec<String> },
    /// The proxy or ECS refused: HTTP status, error code and message, and the proxy's
    /// diagnostics for a 422.
    Refused { status: u16, code: String, message: String, diagnostics: Vec<Value> },
}

const CLIENT_HEADER: (&str, &str) = ("X-Runtask-Client", "console");

fn with_headers(b: RequestBuilder, token: &str) -> RequestBuilder {
    let b = b.header(CLIENT_HEADER.0, CLIENT_HEADER.1);
    if token.is_empty() {
        b
    } else {
        b.header("Authorization", &format!("Bearer {token}"))
    }
}

async fn json_of(resp: Response) -> Result<(u16, Value), ApiError> {
    let status = resp.status();
    let text = resp.text().await.map_err(|e| ApiError(format!("reading the proxy's answer: {e}")))?;
    let value = serde_json::from_str(&text).map_err(|_| {
        let start: String = text.chars().take(200).collect();
        ApiError(format!("the proxy answered HTTP {status} with something that is not JSON: {start}"))
    })?;
    Ok((status, value))
}

/// POSTs the request text to `path` exactly as given; the status and the JSON answer.
async fn post_json(path: &str, body: String, token: &str) -> Result<(u16, Value), ApiError> {
    let req = with_headers(Request::post(path), token)
        .header("Content-Type", "application/json")
        .body(body)
        .map_err(|e| ApiError(e.to_string()))?;
    json_of(req.send().await.map_err(network)?).await
}

fn network(e: gloo_net::Error) -> ApiError {
    ApiError(format!("could not reach runtask-proxy: {e}"))
}

fn str_at(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or_default().to_owned()
}

fn refused(status: u16, v: &Value) -> RunOutcome {
    let error = v.get("error").cloned().unwrap_or(Value::Null);
    RunOutcome::Refused {
        status,
        code: str_at(&error, "code"),
        message: str_at(&error, "message"),
        diagnostics: v.get("diagnostics").and_then(Value::as_array).cloned().unwrap_or_default(),
    }
}

fn error_of(status: u16, v: &Value) -> ApiError {
    let e = v.get("error").cloned().unwrap_or(Value::Null);
    ApiError(format!("HTTP {status} {}: {}", str_at(&e, "code"), str_at(&e, "message")))
}

pub async fn status() -> Result<ProxyStatus, ApiError> {
    let resp = with_headers(Request::get("/api/status"), "").send().await.map_err(network)?;
    let (code, v) = json_of(resp).await?;
    if code != 200 {
        return Err(error_of(code, &v));
    }
    Ok(ProxyStatus {
        dry_run: v.get("dryRun").and_then(Value::as_bool).unwrap_or(true),
        dry_run_reason: v.get("dryRunReason").and_then(Value::as_str).map(str::to_owned),
        region: str_at(&v, "region"),
        endpoint: str_at(&v, "endpoint"),
        auth_required: v.get("authRequired").and_then(Value::as_bool).unwrap_or(false),
        live: v.get("live").and_then(Value::as_bool).unwrap_or(false),
    })
}

/// Sends the request text exactly as checked.
pub async fn run_task(body: String, token: String) -> Result<RunOutcome, ApiError> {
    let (code, v) = post_json("/api/run-task", body, &token).await?;
    if code != 200 {
        return Ok(refused(code, &v));
    }
    let client_token = str_at(&v, "clientToken");
    if v.get("dryRun").and_then(Value::as_bool) == Some(true) {
        let redacted = v
            .get("redacted")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).map(str::to_owned).collect())
            .unwrap_or_default();
        return Ok(RunOutcome::DryRun { client_token, request: v.get("request").cloned().unwrap_or(Value::Null), redacted });
    }
    let list = |k: &str| v.get(k).and_then(Value::as_array).cloned().unwrap_or_default();
    Ok(RunOutcome::Launched { client_token, tasks: list("tasks"), failures: list("failures") })
}

/// `GET /api/tasks`: DescribeTasks as ECS returned it (`tasks`, `failures`).
pub async fn describe_tasks(cluster: &str, arns: &[String], token: String) -> Result<Value, ApiError> {
    let url = format!("/api/tasks?cluster={}&tasks={}", encode(cluster), arns.iter().map(|a| encode(a)).collect::<Vec<_>>().join(","));
    let (code, v) = json_of(with_headers(Request::get(&url), &token).send().await.map_err(network)?).await?;
    if code != 200 {
        return Err(error_of(code, &v));
    }
    Ok(v)
}

/// `GET /api/task-definitions/{name}`: the task definition as pretty JSON.
pub async fn task_definition(name: &str, token: String) -> Result<String, ApiError> {
    let url = format!("/api/task-definitions/{}", encode(name));
    let (code, v) = json_of(with_headers(Request::get(&url), &token).send().await.map_err(network)?).await?;
    if code != 200 {
        return Err(error_of(code, &v));
    }
    serde_json::to_string_pretty(&v).map_err(|e| ApiError(e.to_string()))
}

/// `POST /api/preflight`: the live pre-flight of the request text.
pub async fn preflight(body: String, token: String) -> Result<Preflight, ApiError> {
    let (code, v) = post_json("/api/preflight", body, &token).await?;
    if code != 200 {
        return Err(error_of(code, &v));
    }
    let diagnostics = v.get("diagnostics").and_then(Value::as_array).cloned().unwrap_or_default();
    Ok(Preflight {
        total: v.get("diagnosticsTotal").and_then(Value::as_u64).map_or(diagnostics.len(), |n| n as usize),
        diagnostics,
        live_checked: v.get("liveChecked").and_then(Value::as_bool).unwrap_or(false),
        reason: v.get("liveUnavailableReason").and_then(Value::as_str).map(str::to_owned),
    })
}

/// `GET /api/pickers/{what}?{query}`: the listing's `items` (the capacity providers' answer is
/// one object: it is returned whole).
pub async fn picker(what: &str, query: &[(&str, &str)], token: String) -> Result<Value, ApiError> {
    let query: Vec<String> = query.iter().map(|(k, v)| format!("{k}={}", encode(v))).collect();
    let url = if query.is_empty() { format!("/api/pickers/{what}") } else { format!("/api/pickers/{what}?{}", query.join("&")) };
    let (code, v) = json_of(with_headers(Request::get(&url), &token).send().await.map_err(network)?).await?;
    if code != 200 {
        return Err(error_of(code, &v));
    }
    Ok(v.get("items").cloned().unwrap_or(v))
}

fn encode(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}
