//! The `/api/*` handlers (docs/proxy-api.md).

use std::sync::Arc;

use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use bytes::Bytes;
use http_body_util::{BodyExt, LengthLimitError, Limited};
use runtask_core::{Options, Report};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::redact::{mask_text, scrub_str, scrub_value};
use crate::request::{self, AllowList};
use crate::upstream::{Action, Upstream, UpstreamError};

/// Largest request body accepted.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// Most task ARNs in one DescribeTasks (ECS's limit).
const MAX_DESCRIBE_TASKS: usize = 100;

/// How long a pinned task definition revision (`family:N`, or an ARN with `:N`) is reused. A
/// revision's content never changes; the cache spares ECS's DescribeTaskDefinition rate limit and
/// a round trip per submit.
const TD_CACHE_TTL: std::time::Duration = std::time::Duration::from_secs(300);
const TD_CACHE_MAX: usize = 512;

/// DescribeTaskDefinition answers for pinned revisions.
#[derive(Default)]
pub struct TdCache(std::sync::Mutex<std::collections::HashMap<String, (std::time::Instant, Arc<str>)>>);

impl TdCache {
    fn pinned(td: &str) -> bool {
        td.rsplit_once(':').is_some_and(|(_, r)| !r.is_empty() && r.bytes().all(|b| b.is_ascii_digit()))
    }

    fn get(&self, td: &str) -> Option<Arc<str>> {
        let map = self.0.lock().ok()?;
        map.get(td).filter(|(at, _)| at.elapsed() < TD_CACHE_TTL).map(|(_, text)| text.clone())
    }

    fn put(&self, td: &str, text: Arc<str>) {
        if !Self::pinned(td) {
            return;
        }
        if let Ok(mut map) = self.0.lock() {
            if map.len() >= TD_CACHE_MAX {
                map.retain(|_, (at, _)| at.elapsed() < TD_CACHE_TTL);
                if map.len() >= TD_CACHE_MAX {
                    map.clear();
                }
            }
            map.insert(td.to_owned(), (std::time::Instant::now(), text));
        }
    }
}

/// What the handlers share.
pub struct AppState {
    pub upstream: Upstream,
    pub td_cache: TdCache,
    /// `Some(reason)`: nothing is launched.
    pub dry_run_reason: Option<String>,
    pub allow_clusters: AllowList,
    pub allow_task_definitions: AllowList,
    pub auth_required: bool,
}

type Shared = State<Arc<AppState>>;

/// `GET /api/status`.
pub async fn status(State(state): Shared) -> Json<Value> {
    Json(json!({
        "dryRun": state.dry_run_reason.is_some(),
        "dryRunReason": state.dry_run_reason,
        "region": state.upstream.region(),
        "endpoint": state.upstream.endpoint(),
        "authRequired": state.auth_required,
        "version": env!("CARGO_PKG_VERSION"),
        "allowClusters": state.allow_clusters.0,
        "allowTaskDefinitions": state.allow_task_definitions.0,
    }))
}

fn require_json(headers: &HeaderMap) -> Result<(), ApiError> {
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let essence = content_type.split(';').next().unwrap_or("").trim();
    if essence.eq_ignore_ascii_case("application/json") {
        Ok(())
    } else {
        let shown = if content_type.is_empty() { "none".to_owned() } else { format!("`{}`", content_type.chars().take(100).collect::<String>()) };
        Err(ApiError::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", format!("the body must be JSON with `Content-Type: application/json` (got {shown})")))
    }
}

fn too_large() -> ApiError {
    ApiError::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", format!("the body is larger than {} KiB", MAX_BODY_BYTES / 1024))
}

async fn read_body(headers: &HeaderMap, body: Body) -> Result<Bytes, ApiError> {
    let declared = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY_BYTES as u64) {
        return Err(too_large());
    }
    match Limited::new(body, MAX_BODY_BYTES).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(e) if e.downcast_ref::<LengthLimitError>().is_some() => Err(too_large()),
        Err(e) => Err(ApiError::bad_request(format!("cannot read the body: {e}"))),
    }
}

/// The 422 answer for a report with errors.
fn invalid(report: &Report, secrets: &[String], message: Option<String>) -> ApiError {
    let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.severity == runtask_core::Severity::Error).collect();
    let message = message.unwrap_or_else(|| match errors.as_slice() {
        [one] => format!("the request has 1 error: {} {}", one.code, one.message),
        [first, ..] => format!("the request has {} errors, the first: {} {}", errors.len(), first.code, first.message),
        [] => "the request is invalid".to_owned(),
    });
    let mut e = ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid_request", scrub_str(&message, secrets));
    e.diagnostics = Some(diagnostics_json(report, secrets));
    e
}

fn diagnostics_json(report: &Report, secrets: &[String]) -> Value {
    let mut v = serde_json::to_value(&report.diagnostics).unwrap_or_else(|_| json!([]));
    scrub_value(&mut v, secrets);
    v
}

fn check(bytes: &[u8], task_definition: Option<&str>) -> Result<Report, runtask_core::OptionsError> {
    let options = Options { task_definition: task_definition.map(str::to_owned), ..Options::default() };
    runtask_core::check_bytes(bytes, &options)
}

fn upstream_error(state: &AppState, action: Action, e: &UpstreamError, secrets: &[String]) -> ApiError {
    let mut api = e.to_api(action, state.upstream.endpoint());
    api.message = scrub_str(&api.message, secrets);
    api
}

#[derive(Deserialize)]
struct EcsLists<'a> {
    #[serde(borrow)]
    tasks: Option<&'a RawValue>,
    #[serde(borrow)]
    failures: Option<&'a RawValue>,
}

/// `tasks` and `failures` of a RunTask or DescribeTasks answer, environment values masked.
fn tasks_and_failures(body: &[u8]) -> Result<(Box<RawValue>, Box<RawValue>), String> {
    let text = std::str::from_utf8(body).map_err(|_| "an answer that is not UTF-8".to_owned())?;
    let (masked, _) = mask_text(text);
    let lists: EcsLists<'_> = serde_json::from_str(&masked).map_err(|e| format!("an answer that is not the expected JSON ({e})"))?;
    let empty = || RawValue::from_string("[]".to_owned()).expect("[] is JSON");
    Ok((lists.tasks.map_or_else(empty, RawValue::to_owned), lists.failures.map_or_else(empty, RawValue::to_owned)))
}

/// `POST /api/run-task`.
pub async fn run_task(State(state): Shared, headers: HeaderMap, body: Body) -> Result<Response, ApiError> {
    require_json(&headers)?;
    let bytes = read_body(&headers, body).await?;
    let text = std::str::from_utf8(&bytes).ok();
    let fields = text.map(request::fields);
    let secrets: Vec<String> = match &fields {
        Some(Ok(f)) => f.secrets.clone(),
        _ => Vec::new(),
    };

    // 1. The request alone.
    let report = check(&bytes, None).map_err(|e| ApiError::internal(e.to_string()))?;
    if report.has_errors() {
        return Err(invalid(&report, &secrets, None));
    }
    let (Some(text), Some(fields)) = (text, fields) else {
        return Err(invalid(&report, &secrets, Some("the request is not UTF-8 JSON".to_owned())));
    };
    let fields = fields.map_err(|m| invalid(&report, &secrets, Some(m)))?;

    // 2. The allow-lists, before anything reaches ECS.
    let cluster = request::cluster_name(fields.cluster.as_deref());
    if !state.allow_clusters.allows(cluster, fields.cluster.as_deref().unwrap_or("default")) {
        return Err(ApiError::not_allowed(format!("cluster `{cluster}` is not in this proxy's --allow-cluster list ({})", state.allow_clusters.0.join(", "))));
    }
    let td = fields.task_definition.clone().unwrap_or_default();
    let family = request::family(&td);
    if !state.allow_task_definitions.allows(family, &td) {
        return Err(ApiError::not_allowed(format!(
            "task definition family `{family}` is not in this proxy's --allow-task-definition list ({})",
            state.allow_task_definitions.0.join(", ")
        )));
    }

    // 3. With the task definition, when ECS can be asked.
    let mut td_checked = false;
    let mut td_text: Option<Arc<str>> = state.td_cache.get(&td);
    if td_text.is_none() && state.upstream.has_credentials() {
        let describe = Bytes::from(json!({ "taskDefinition": td }).to_string());
        match state.upstream.call(Action::DescribeTaskDefinition, describe).await {
            Ok(answer) => {
                let text: Arc<str> = String::from_utf8_lossy(&answer.body).into();
                state.td_cache.put(&td, text.clone());
                td_text = Some(text);
            }
            Err(UpstreamError::Ecs { code, .. }) if code.starts_with("AccessDenied") => {
                tracing::warn!(family, "DescribeTaskDefinition is not allowed for these credentials: checking without the task definition");
            }
            Err(e) => return Err(upstream_error(&state, Action::DescribeTaskDefinition, &e, &secrets)),
        }
    }
    let report = match td_text.as_deref().map(|t| check(&bytes, Some(t))) {
        Some(Ok(r)) => {
            td_checked = true;
            r
        }
        Some(Err(e)) => {
            tracing::warn!(family, error = %e, "cannot read the task definition ECS returned: checking without it");
            report
        }
        None => report,
    };
    if report.has_errors() {
        return Err(invalid(&report, &secrets, None));
    }
    let td_for_final = if td_checked { td_text.as_deref() } else { None };

    // 4. The clientToken: the request's own, or a new one inserted textually.
    let (token, final_text) = match &fields.client_token {
        Some(t) => (t.clone(), text.to_owned()),
        None => {
            let token = uuid::Uuid::new_v4().to_string();
            let inserted = request::insert_client_token(text, &token).ok_or_else(|| ApiError::internal("cannot insert the clientToken"))?;
            let again = check(inserted.as_bytes(), td_for_final).map_err(|e| ApiError::internal(e.to_string()))?;
            if again.has_errors() {
                return Err(ApiError::internal("the request with its clientToken no longer validates"));
            }
            (token, inserted)
        }
    };
    let diagnostics = diagnostics_json(&report, &secrets);
    let body = Bytes::from(final_text);

    // 5. Dry run: show, send nothing.
    if let Some(reason) = &state.dry_run_reason {
        let (shown_body, redacted) = mask_text(std::str::from_utf8(&body).unwrap_or(""));
        let shown = state.upstream.show(Action::RunTask, &body, shown_body).await.map_err(|e| upstream_error(&state, Action::RunTask, &e, &secrets))?;
        tracing::info!(client_token = %token, cluster, family, "dry run: RunTask not sent");
        return Ok(Json(json!({
            "dryRun": true,
            "dryRunReason": reason,
            "clientToken": token,
            "diagnostics": diagnostics,
            "taskDefinitionChecked": td_checked,
            "request": shown,
            "redacted": redacted,
        }))
        .into_response());
    }

    // 6. Launch.
    let answer = state.upstream.call(Action::RunTask, body).await.map_err(|e| upstream_error(&state, Action::RunTask, &e, &secrets).with_client_token(Some(&token)))?;
    let (tasks, failures) = tasks_and_failures(&answer.body).map_err(|detail| {
        ApiError::new(StatusCode::BAD_GATEWAY, "upstream_error", format!("ECS RunTask answered with {detail}; the task may have started: check with clientToken {token}")).with_client_token(Some(&token))
    })?;
    tracing::info!(
        client_token = %token, cluster, family, attempts = answer.attempts,
        request_id = answer.request_id.as_deref().unwrap_or("-"), "RunTask sent"
    );
    Ok(Json(json!({
        "clientToken": token,
        "tasks": tasks,
        "failures": failures,
        "diagnostics": diagnostics,
        "taskDefinitionChecked": td_checked,
    }))
    .into_response())
}

#[derive(Deserialize)]
pub struct TasksQuery {
    cluster: Option<String>,
    tasks: Option<String>,
}

/// `GET /api/tasks?cluster=NAME&tasks=ARN1,ARN2`.
pub async fn describe_tasks(State(state): Shared, query: Result<Query<TasksQuery>, QueryRejection>) -> Result<Response, ApiError> {
    let Query(query) = query.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let tasks: Vec<&str> = query.tasks.as_deref().unwrap_or("").split(',').map(str::trim).filter(|t| !t.is_empty()).collect();
    if tasks.is_empty() || tasks.len() > MAX_DESCRIBE_TASKS {
        return Err(ApiError::bad_request(format!("`tasks` must list 1 to {MAX_DESCRIBE_TASKS} task ARNs or IDs, separated by commas")));
    }
    let cluster = query.cluster.as_deref().filter(|c| !c.is_empty());
    let name = request::cluster_name(cluster);
    if !state.allow_clusters.allows(name, cluster.unwrap_or("default")) {
        return Err(ApiError::not_allowed(format!("cluster `{name}` is not in this proxy's --allow-cluster list ({})", state.allow_clusters.0.join(", "))));
    }
    let mut body = json!({ "tasks": tasks });
    if let Some(c) = cluster {
        body["cluster"] = json!(c);
    }
    let answer = state.upstream.call(Action::DescribeTasks, Bytes::from(body.to_string())).await.map_err(|e| upstream_error(&state, Action::DescribeTasks, &e, &[]))?;
    let (tasks, failures) = tasks_and_failures(&answer.body).map_err(|d| ApiError::new(StatusCode::BAD_GATEWAY, "upstream_error", format!("ECS DescribeTasks answered with {d}")))?;
    Ok(Json(json!({ "tasks": tasks, "failures": failures })).into_response())
}

/// `GET /api/task-definitions/{family[:revision]}`.
pub async fn describe_task_definition(State(state): Shared, Path(name): Path<String>) -> Result<Response, ApiError> {
    let (family, revision) = name.split_once(':').map_or((name.as_str(), None), |(f, r)| (f, Some(r)));
    let revision_ok = revision.is_none_or(|r| !r.is_empty() && r.len() <= 10 && r.bytes().all(|b| b.is_ascii_digit()));
    if !runtask_core::arn::is_ecs_name(family) || !revision_ok {
        return Err(ApiError::bad_request("the task definition must be `family` or `family:revision` (letters, digits, `_` and `-`; a numeric revision)"));
    }
    if !state.allow_task_definitions.allows(family, &name) {
        return Err(ApiError::not_allowed(format!(
            "task definition family `{family}` is not in this proxy's --allow-task-definition list ({})",
            state.allow_task_definitions.0.join(", ")
        )));
    }
    let body = Bytes::from(json!({ "taskDefinition": name }).to_string());
    let answer = state.upstream.call(Action::DescribeTaskDefinition, body).await.map_err(|e| upstream_error(&state, Action::DescribeTaskDefinition, &e, &[]))?;
    let bad = |d: String| ApiError::new(StatusCode::BAD_GATEWAY, "upstream_error", format!("ECS DescribeTaskDefinition answered with {d}"));
    let text = std::str::from_utf8(&answer.body).map_err(|_| bad("an answer that is not UTF-8".to_owned()))?;
    let (masked, _) = mask_text(text);
    #[derive(Deserialize)]
    struct Answer<'a> {
        #[serde(borrow, rename = "taskDefinition")]
        task_definition: Option<&'a RawValue>,
    }
    let parsed: Answer<'_> = serde_json::from_str(&masked).map_err(|e| bad(format!("an answer that is not the expected JSON ({e})")))?;
    let td = parsed.task_definition.ok_or_else(|| bad("no taskDefinition".to_owned()))?;
    Ok(Json(json!({ "taskDefinition": td })).into_response())
}

/// Any other `/api/*` path.
pub async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such API: see docs/proxy-api.md")
}

/// A known `/api/*` path with the wrong method.
pub async fn method_not_allowed() -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed", "this API does not take that method: see docs/proxy-api.md")
}
