//! The `/api/*` handlers (docs/proxy-api.md).
//!
//! What every endpoint gets without asking is layered on the API router in `lib.rs`: the guard
//! (`guard.rs`: console header, Origin, Host, bearer token) and the body rules (`body.rs`: JSON,
//! 64 KiB, the body-read timeout). What acts on a RunTask request is shared by the handlers that
//! take one: the allow-lists ([`Policy`]), bounded diagnostics ([`Diagnostics`]), one call per
//! clientToken ([`Launches`]).

use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use bytes::Bytes;
use runtask_core::{Options, Report};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{json, Value};

use crate::diagnostics::Diagnostics;
use crate::error::ApiError;
use crate::launch::Launches;
use crate::limits::MAX_DESCRIBE_TASKS;
use crate::policy::{Policy, RoleOverrides};
use crate::redact::{mask_text, scrub_str};
use crate::request;
use crate::upstream::{Action, Upstream, UpstreamError};

/// How long a pinned task definition revision (`family:N`, or an ARN with `:N`) is reused. A
/// revision's content never changes; the cache spares ECS's DescribeTaskDefinition rate limit and
/// a round trip per submit.
const TD_CACHE_TTL: std::time::Duration = std::time::Duration::from_secs(300);
const TD_CACHE_MAX: usize = 512;

/// DescribeTaskDefinition answers for pinned revisions, and one DescribeTaskDefinition at a time
/// per pinned revision, so that requests arriving together (a double-click) share one call.
#[derive(Default)]
pub struct TdCache(std::sync::Mutex<std::collections::HashMap<String, (std::time::Instant, Arc<str>)>>, std::sync::Mutex<std::collections::HashMap<String, Arc<tokio::sync::Mutex<()>>>>);

impl TdCache {
    /// Waits for the turn to describe `td` (a pinned revision); the next in turn finds the answer
    /// in the cache.
    async fn turn(&self, td: &str) -> Option<tokio::sync::OwnedMutexGuard<()>> {
        if !Self::pinned(td) {
            return None;
        }
        let lock = {
            let mut turns = self.1.lock().ok()?;
            if turns.len() >= TD_CACHE_MAX {
                turns.retain(|_, l| Arc::strong_count(l) > 1);
            }
            turns.entry(td.to_owned()).or_default().clone()
        };
        Some(lock.lock_owned().await)
    }

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
    pub policy: Policy,
    pub launches: Arc<Launches>,
    pub auth_required: bool,
    /// The live pre-flight's connection ([`crate::live`]).
    pub live: Option<runtask_live::Aws>,
    pub live_deadline: std::time::Duration,
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
        "live": state.live.is_some(),
        "version": env!("CARGO_PKG_VERSION"),
        "allowClusters": state.policy.clusters.0,
        "allowTaskDefinitions": state.policy.task_definitions.0,
        "allowRoles": state.policy.roles.0,
        "roleOverrides": match state.policy.role_overrides() {
            RoleOverrides::Any => "any",
            RoleOverrides::Listed => "allow-list",
            RoleOverrides::Refused => "refused",
        },
    }))
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
    e.diagnostics = Some(Diagnostics::of(report, secrets));
    e
}

fn check(bytes: &[u8], task_definition: Option<&str>) -> Result<Report, runtask_core::OptionsError> {
    let options = Options { task_definition: task_definition.map(str::to_owned), ..Options::default() };
    runtask_core::check_bytes(bytes, &options)
}

fn upstream_error(action: Action, e: &UpstreamError, secrets: &[String]) -> ApiError {
    let mut api = e.to_api(action);
    api.message = scrub_str(&api.message, secrets);
    api
}

#[derive(Deserialize)]
struct EcsLists<'a> {
    #[serde(borrow, default)]
    tasks: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    failures: Vec<&'a RawValue>,
}

/// A list from an ECS answer, each element as ECS wrote it.
type RawList = Vec<Box<RawValue>>;

/// The `tasks` and `failures` of a RunTask or DescribeTasks answer, environment values masked.
fn tasks_and_failures(body: &[u8]) -> Result<(RawList, RawList), String> {
    let text = std::str::from_utf8(body).map_err(|_| "an answer that is not UTF-8".to_owned())?;
    let (masked, _) = mask_text(text);
    let lists: EcsLists<'_> = serde_json::from_str(&masked).map_err(|e| format!("an answer that is not the expected JSON ({e})"))?;
    Ok((lists.tasks.into_iter().map(RawValue::to_owned).collect(), lists.failures.into_iter().map(RawValue::to_owned).collect()))
}

/// `POST /api/run-task`.
pub async fn run_task(State(state): Shared, bytes: Bytes) -> Result<Response, ApiError> {
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
    state.policy.run_task(&fields)?;
    let cluster = request::cluster_name(fields.cluster.as_deref());
    let td = fields.task_definition.clone().unwrap_or_default();
    let family = request::family(&td);

    // 3. With the task definition, when ECS can be asked.
    let mut td_checked = false;
    let mut td_text: Option<Arc<str>> = state.td_cache.get(&td);
    let _turn = if td_text.is_none() && state.upstream.has_credentials() { state.td_cache.turn(&td).await } else { None };
    if _turn.is_some() {
        td_text = state.td_cache.get(&td);
    }
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
            Err(e) => return Err(upstream_error(Action::DescribeTaskDefinition, &e, &secrets)),
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

    // 3b. The live pre-flight, before a real launch: a live error (a subnet that does not exist, a
    // cluster that is gone, ...) refuses it with 422. A lookup that could not be made is a warning,
    // never a refusal, and the whole pre-flight ends by its deadline.
    let mut report = report;
    let mut live_checked = false;
    if state.dry_run_reason.is_none() {
        if let Some(found) = crate::live::preflight(&state, text).await {
            live_checked = true;
            let with_live = crate::live::report_with(&bytes, td_for_final, Some(found)).map_err(|e| ApiError::internal(e.to_string()))?;
            if with_live.has_errors() {
                tracing::info!(cluster, family, "the live pre-flight found errors: RunTask not sent");
                return Err(invalid(&with_live, &secrets, None));
            }
            report = with_live;
        }
    }

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
    let diagnostics = Diagnostics::of(&report, &secrets);
    let body = Bytes::from(final_text);

    // 5. Dry run: show, send nothing.
    if let Some(reason) = &state.dry_run_reason {
        let (shown_body, redacted) = mask_text(std::str::from_utf8(&body).unwrap_or(""));
        let shown = state.upstream.show(Action::RunTask, &body, shown_body).await.map_err(|e| upstream_error(Action::RunTask, &e, &secrets))?;
        tracing::info!(client_token = %token, cluster, family, "dry run: RunTask not sent");
        return Ok(Json(json!({
            "dryRun": true,
            "dryRunReason": reason,
            "clientToken": token,
            "diagnostics": diagnostics.list,
            "diagnosticsTotal": diagnostics.total,
            "taskDefinitionChecked": td_checked,
            "request": shown,
            "redacted": redacted,
        }))
        .into_response());
    }

    // 6. Launch: in a task of its own, shared with requests that repeat it (launch.rs).
    let joined = state.launches.join(&token, &body, {
        let (state, body, token, cluster, family) = (state.clone(), body.clone(), token.clone(), cluster.to_owned(), family.to_owned());
        move |late| async move {
            let result = state.upstream.call_with(Action::RunTask, body, || late.signal()).await;
            match &result {
                Ok(a) => tracing::info!(
                    client_token = %token, cluster, family, attempts = a.attempts, late = a.late,
                    request_id = a.request_id.as_deref().unwrap_or("-"), "RunTask sent"
                ),
                Err(e) => tracing::warn!(client_token = %token, cluster, family, error = %e.summary(), "RunTask failed"),
            }
            result
        }
    });
    if joined.shared {
        tracing::info!(client_token = %token, cluster, family, "RunTask with this clientToken is in flight or was just answered: sharing its answer");
    }
    let answer = joined.outcome(state.upstream.policy().attempt_timeout).await.map_err(|e| upstream_error(Action::RunTask, &e, &secrets).with_client_token(Some(&token)))?;
    let (tasks, failures) = tasks_and_failures(&answer.body).map_err(|detail| {
        tracing::warn!(client_token = %token, detail, "RunTask's answer cannot be read");
        ApiError::new(StatusCode::BAD_GATEWAY, "upstream_error", format!("ECS answered RunTask with something that is not an ECS answer; the task may have started: check with clientToken {token}"))
            .with_client_token(Some(&token))
    })?;
    Ok(Json(json!({
        "clientToken": token,
        "tasks": tasks,
        "failures": failures,
        "diagnostics": diagnostics.list,
        "diagnosticsTotal": diagnostics.total,
        "taskDefinitionChecked": td_checked,
        "liveChecked": live_checked,
    }))
    .into_response())
}

#[derive(Deserialize)]
pub struct TasksQuery {
    cluster: Option<String>,
    tasks: Option<String>,
}

/// `GET /api/tasks?cluster=NAME&tasks=ARN1,ARN2`.
///
/// The cluster, and the cluster each task ARN names, must pass the allow-list. Old-format ARNs
/// and bare task IDs name no cluster, so a task ECS (or an emulator) answers from another
/// cluster than the one asked is dropped from the answer and listed as `MISSING`, as ECS lists a
/// task that is not in the cluster.
pub async fn describe_tasks(State(state): Shared, query: Result<Query<TasksQuery>, QueryRejection>) -> Result<Response, ApiError> {
    let Query(query) = query.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let tasks: Vec<&str> = query.tasks.as_deref().unwrap_or("").split(',').map(str::trim).filter(|t| !t.is_empty()).collect();
    if tasks.is_empty() || tasks.len() > MAX_DESCRIBE_TASKS {
        return Err(ApiError::bad_request(format!("`tasks` must list 1 to {MAX_DESCRIBE_TASKS} task ARNs or IDs, separated by commas")));
    }
    let cluster = query.cluster.as_deref().filter(|c| !c.is_empty());
    state.policy.cluster(cluster)?;
    for task in &tasks {
        if let Some(named) = request::task_cluster(task) {
            state.policy.cluster(Some(named))?;
        }
    }
    let mut body = json!({ "tasks": tasks });
    if let Some(c) = cluster {
        body["cluster"] = json!(c);
    }
    let answer = state.upstream.call(Action::DescribeTasks, Bytes::from(body.to_string())).await.map_err(|e| upstream_error(Action::DescribeTasks, &e, &[]))?;
    let (found, mut failures) = tasks_and_failures(&answer.body).map_err(|d| {
        tracing::warn!(detail = d, "DescribeTasks's answer cannot be read");
        ApiError::new(StatusCode::BAD_GATEWAY, "upstream_error", "ECS answered DescribeTasks with something that is not an ECS answer")
    })?;
    #[derive(Deserialize)]
    struct Ids {
        #[serde(rename = "taskArn")]
        task_arn: Option<String>,
        #[serde(rename = "clusterArn")]
        cluster_arn: Option<String>,
    }
    let mut kept = Vec::with_capacity(found.len());
    for task in found {
        let ids: Ids = serde_json::from_str(task.get()).unwrap_or(Ids { task_arn: None, cluster_arn: None });
        if ids.cluster_arn.as_deref().is_some_and(|c| request::same_cluster(cluster, c)) {
            kept.push(task);
            continue;
        }
        let task_arn = ids.task_arn.unwrap_or_default();
        tracing::warn!(cluster = request::cluster_name(cluster), "DescribeTasks answered a task from another cluster: dropped");
        for asked in tasks.iter().filter(|a| !task_arn.is_empty() && (**a == task_arn || task_arn.rsplit('/').next() == Some(a.rsplit('/').next().unwrap_or(a)))) {
            if let Ok(missing) = RawValue::from_string(json!({ "arn": asked, "reason": "MISSING" }).to_string()) {
                failures.push(missing);
            }
        }
    }
    Ok(Json(json!({ "tasks": kept, "failures": failures })).into_response())
}

/// `GET /api/task-definitions/{family[:revision]}`.
pub async fn describe_task_definition(State(state): Shared, Path(name): Path<String>) -> Result<Response, ApiError> {
    let (family, revision) = name.split_once(':').map_or((name.as_str(), None), |(f, r)| (f, Some(r)));
    let revision_ok = revision.is_none_or(|r| !r.is_empty() && r.len() <= 10 && r.bytes().all(|b| b.is_ascii_digit()));
    if !runtask_core::arn::is_ecs_name(family) || !revision_ok {
        return Err(ApiError::bad_request("the task definition must be `family` or `family:revision` (letters, digits, `_` and `-`; a numeric revision)"));
    }
    state.policy.task_definition(&name)?;
    let body = Bytes::from(json!({ "taskDefinition": name }).to_string());
    let answer = state.upstream.call(Action::DescribeTaskDefinition, body).await.map_err(|e| upstream_error(Action::DescribeTaskDefinition, &e, &[]))?;
    let bad = |d: String| {
        tracing::warn!(detail = d, "DescribeTaskDefinition's answer cannot be read");
        ApiError::new(StatusCode::BAD_GATEWAY, "upstream_error", "ECS answered DescribeTaskDefinition with something that is not an ECS answer")
    };
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
