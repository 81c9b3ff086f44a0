//! The live pre-flight through the proxy's own credentials (crate runtask-live): `POST
//! /api/preflight`, the check the launch path makes before RunTask, and the pickers' read-only
//! listings (`GET /api/pickers/*`).
//!
//! - The connection is the proxy's: its Region and credentials, its ECS endpoint, the other
//!   services' endpoints from the SDK's overrides (`AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_EC2`, …),
//!   as for `runtask-lint --live` ([`Settings::live`](crate::Settings::live)).
//! - Every lookup of one pre-flight runs under one deadline ([`Settings::live_deadline`](crate::Settings::live_deadline));
//!   a lookup that cannot be made is an RT850 warning or info, never an error, so a slow or
//!   unreachable AWS never refuses a launch: it only adds a warning.
//! - The allow-lists apply before any lookup: a request naming a cluster, family or role the
//!   proxy does not allow is refused (403) as by `/api/run-task`, and the pickers list only the
//!   allowed clusters and families.

use std::future::Future;
use std::sync::Arc;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use bytes::Bytes;
use runtask_core::{Options, Report};
use runtask_live::{Aws, CallError, Preflight};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::api::AppState;
use crate::diagnostics::Diagnostics;
use crate::error::ApiError;
use crate::request;

type Shared = State<Arc<AppState>>;

/// The live connection, or why there is none.
fn connection(state: &AppState) -> Result<&Aws, ApiError> {
    state.live.as_ref().ok_or_else(|| ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "live_unavailable", unavailable(state)))
}

fn unavailable(state: &AppState) -> String {
    match &state.dry_run_reason {
        Some(reason) => format!("this proxy cannot look the account up: {reason}"),
        None => "this proxy has no live connection to the account".to_owned(),
    }
}

/// The pre-flight of a request that passed the offline check and the allow-lists: its findings
/// and the task definition it fetched. Bounded by the proxy's deadline (the pre-flight's own,
/// and a guard around it, so that nothing here can hold a launch longer).
pub async fn preflight(state: &AppState, text: &str) -> Option<Preflight> {
    let aws = state.live.as_ref()?;
    let deadline = state.live_deadline;
    // The pre-flight ends by its deadline by itself; the guard is a second of slack over it.
    match tokio::time::timeout(deadline + std::time::Duration::from_secs(1), aws.preflight(text, deadline)).await {
        Ok(p) => Some(p),
        Err(_) => {
            tracing::warn!("the live pre-flight overran its deadline: launching on the offline check");
            None
        }
    }
}

/// The report of `bytes` with the pre-flight's findings, and its task definition unless
/// `task_definition` is given (the one the proxy fetched itself).
pub fn report_with(bytes: &[u8], task_definition: Option<&str>, preflight: Option<Preflight>) -> Result<Report, runtask_core::OptionsError> {
    let mut options = Options { task_definition: task_definition.map(str::to_owned), ..Options::default() };
    if let Some(p) = preflight {
        p.apply(&mut options);
    }
    runtask_core::check_bytes(bytes, &options)
}

/// `POST /api/preflight`: the request's diagnostics, offline and live, as validation gives them
/// (bounded: the first diagnostics and the total). 200 whatever the findings; 403 when an
/// allow-list refuses what the request names.
pub async fn run(State(state): Shared, bytes: Bytes) -> Result<Response, ApiError> {
    let text = std::str::from_utf8(&bytes).ok();
    let fields = text.map(request::fields);
    let secrets: Vec<String> = match &fields {
        Some(Ok(f)) => f.secrets.clone(),
        _ => Vec::new(),
    };
    let offline = runtask_core::check_bytes(&bytes, &Options::default()).map_err(|e| ApiError::internal(e.to_string()))?;
    let answer = |report: &Report, live: bool, reason: Option<String>| {
        let d = Diagnostics::of(report, &secrets);
        Json(json!({
            "diagnostics": d.list,
            "diagnosticsTotal": d.total,
            "liveChecked": live,
            "liveUnavailableReason": reason,
            "deadlineSeconds": state.live_deadline.as_secs_f64(),
        }))
        .into_response()
    };
    // A request that is not a JSON object with readable members: its offline findings say why;
    // there is nothing to look up.
    let (Some(text), Some(Ok(fields))) = (text, fields) else {
        return Ok(answer(&offline, false, Some("the request cannot be read, so nothing was looked up".to_owned())));
    };
    state.policy.run_task(&fields)?;
    if state.live.is_none() {
        return Ok(answer(&offline, false, Some(unavailable(&state))));
    }
    let found = preflight(&state, text).await;
    let live = found.is_some();
    let report = report_with(&bytes, None, found).map_err(|e| ApiError::internal(e.to_string()))?;
    Ok(answer(&report, live, None))
}

/// A listing's lookups within the deadline; why not, as the API's error.
async fn within<T>(state: &AppState, action: impl Future<Output = Result<T, CallError>>) -> Result<T, ApiError> {
    match tokio::time::timeout(state.live_deadline, action).await {
        Ok(Ok(found)) => Ok(found),
        Ok(Err(e)) if e.is_denied() => Err(ApiError::new(StatusCode::FORBIDDEN, "live_denied", e.reason())),
        Ok(Err(e)) => Err(ApiError::new(StatusCode::BAD_GATEWAY, "live_failed", e.reason())),
        Err(_) => Err(ApiError::new(StatusCode::GATEWAY_TIMEOUT, "live_timeout", format!("no answer within {} s", state.live_deadline.as_secs_f64()))),
    }
}

/// A picker's answer: `{"items": [...]}`, or the reason the listing could not be made.
async fn listing<T: Serialize>(state: &AppState, action: impl Future<Output = Result<T, CallError>>) -> Result<Response, ApiError> {
    let items = within(state, action).await?;
    Ok(Json(json!({ "items": items })).into_response())
}

/// `GET /api/pickers/clusters`: the clusters the allow-list lets a request name.
pub async fn clusters(State(state): Shared) -> Result<Response, ApiError> {
    let aws = connection(&state)?;
    listing(&state, async {
        let all = aws.list_clusters().await?;
        Ok(all.into_iter().filter(|c| state.policy.clusters.allows(&c.name, &c.arn)).collect::<Vec<_>>())
    })
    .await
}

#[derive(Deserialize)]
pub struct FamiliesQuery {
    prefix: Option<String>,
}

/// `GET /api/pickers/task-definition-families?prefix=P`: the families with an ACTIVE revision that
/// the allow-list lets a request name.
pub async fn families(State(state): Shared, query: Result<Query<FamiliesQuery>, QueryRejection>) -> Result<Response, ApiError> {
    let Query(query) = query.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let prefix = query.prefix.filter(|p| !p.is_empty());
    if prefix.as_deref().is_some_and(|p| !runtask_core::arn::is_ecs_name(p)) {
        return Err(ApiError::bad_request("`prefix` must be letters, digits, `_` and `-`"));
    }
    let aws = connection(&state)?;
    listing(&state, async {
        let all = aws.list_task_definition_families(prefix.as_deref()).await?;
        Ok(all.into_iter().filter(|f| state.policy.task_definitions.allows(f, f)).collect::<Vec<_>>())
    })
    .await
}

#[derive(Deserialize)]
pub struct RevisionsQuery {
    family: Option<String>,
}

/// `GET /api/pickers/task-definition-revisions?family=F`: the ACTIVE revisions, newest first.
pub async fn revisions(State(state): Shared, query: Result<Query<RevisionsQuery>, QueryRejection>) -> Result<Response, ApiError> {
    let Query(query) = query.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let family = query.family.unwrap_or_default();
    if !runtask_core::arn::is_ecs_name(&family) {
        return Err(ApiError::bad_request("`family` must be a task definition family: letters, digits, `_` and `-`"));
    }
    state.policy.task_definition(&family)?;
    let aws = connection(&state)?;
    listing(&state, aws.list_task_definition_revisions(&family)).await
}

/// `GET /api/pickers/vpcs`.
pub async fn vpcs(State(state): Shared) -> Result<Response, ApiError> {
    let aws = connection(&state)?;
    listing(&state, aws.list_vpcs()).await
}

#[derive(Deserialize)]
pub struct VpcQuery {
    vpc: Option<String>,
}

fn vpc_of(query: Result<Query<VpcQuery>, QueryRejection>) -> Result<String, ApiError> {
    let Query(query) = query.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let vpc = query.vpc.unwrap_or_default();
    if runtask_core::ids::VPC.is_valid(&vpc) {
        Ok(vpc)
    } else {
        Err(ApiError::bad_request("`vpc` must be a VPC ID (`vpc-` and 8 or 17 hexadecimal digits)"))
    }
}

/// `GET /api/pickers/subnets?vpc=V`: with Name tag, AZ, public or private.
pub async fn subnets(State(state): Shared, query: Result<Query<VpcQuery>, QueryRejection>) -> Result<Response, ApiError> {
    let vpc = vpc_of(query)?;
    let aws = connection(&state)?;
    listing(&state, aws.list_subnets(&vpc)).await
}

/// `GET /api/pickers/security-groups?vpc=V`.
pub async fn security_groups(State(state): Shared, query: Result<Query<VpcQuery>, QueryRejection>) -> Result<Response, ApiError> {
    let vpc = vpc_of(query)?;
    let aws = connection(&state)?;
    listing(&state, aws.list_security_groups(&vpc)).await
}

#[derive(Deserialize)]
pub struct ClusterQuery {
    cluster: Option<String>,
}

/// `GET /api/pickers/capacity-providers?cluster=C` (`default` when omitted): the providers
/// associated with the cluster and its default strategy; 404 when there is no such cluster.
pub async fn capacity_providers(State(state): Shared, query: Result<Query<ClusterQuery>, QueryRejection>) -> Result<Response, ApiError> {
    let Query(query) = query.map_err(|e| ApiError::bad_request(e.body_text()))?;
    let cluster = query.cluster.filter(|c| !c.is_empty());
    state.policy.cluster(cluster.as_deref())?;
    let aws = connection(&state)?;
    let name = request::cluster_name(cluster.as_deref()).to_owned();
    match within(&state, aws.cluster_capacity_providers(Some(&name))).await? {
        Some(found) => Ok(Json(found).into_response()),
        None => Err(ApiError::new(StatusCode::NOT_FOUND, "cluster_not_found", format!("there is no cluster `{name}` in {}", aws.region()))),
    }
}
