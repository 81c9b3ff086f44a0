//! Request bodies on `/api/*`. The middleware is layered on the whole API router (inside the
//! guard), so every endpoint that takes a body gets the same rules without asking for them:
//!
//! - `Content-Type: application/json` (else 415);
//! - at most [`MAX_BODY_BYTES`] (else 413, checked against `Content-Length` and again as the
//!   body streams in, so a chunked upload is caught too);
//! - the whole body within the body-read timeout of its head (else 408). The timeout covers the
//!   upload only: ECS's own deadline starts when a call is sent.
//!
//! The handler then gets the body already read, as [`bytes::Bytes`].

use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use http_body_util::{BodyExt, LengthLimitError, Limited};

use crate::error::ApiError;
use crate::limits::MAX_BODY_BYTES;

/// The middleware; its state is the body-read timeout.
pub async fn read_whole(State(timeout): State<Duration>, request: Request, next: Next) -> Response {
    if matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS | Method::DELETE | Method::TRACE) {
        // These take no body; hyper closes the connection rather than wait for one left unread.
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    match read(&parts.headers, body, timeout).await {
        Ok(bytes) => next.run(Request::from_parts(parts, Body::from(bytes))).await,
        Err(e) => {
            // Too slow: the rest of the body may still be on its way, so the connection closes.
            let slow = e.status == StatusCode::REQUEST_TIMEOUT;
            let mut response = e.into_response();
            if slow {
                response.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
            }
            response
        }
    }
}

async fn read(headers: &HeaderMap, body: Body, timeout: Duration) -> Result<Bytes, ApiError> {
    require_json(headers)?;
    let declared = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY_BYTES as u64) {
        return Err(too_large());
    }
    match tokio::time::timeout(timeout, Limited::new(body, MAX_BODY_BYTES).collect()).await {
        Ok(Ok(collected)) => Ok(collected.to_bytes()),
        Ok(Err(e)) if e.downcast_ref::<LengthLimitError>().is_some() => Err(too_large()),
        Ok(Err(e)) => Err(ApiError::bad_request(format!("cannot read the body: {e}"))),
        Err(_) => Err(ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "request_timeout",
            format!("the body did not arrive within {} s; nothing was sent to ECS", timeout.as_secs_f64()),
        )),
    }
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
