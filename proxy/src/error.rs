//! The one error shape of the API: `{"error": {"code", "message", ...}}` plus, where they apply,
//! the `clientToken` a RunTask used and the diagnostics of a refused request, with their total
//! (docs/proxy-api.md).

use std::borrow::Cow;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Map, Value};

use crate::diagnostics::Diagnostics;

/// An error answer. `code` is ECS's exception name when ECS answered, else one of the proxy's own.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: Cow<'static, str>,
    pub message: String,
    /// ECS's `x-amzn-RequestId`, when ECS answered.
    pub request_id: Option<String>,
    /// The token of a RunTask that may have reached ECS: a retry with it cannot launch twice.
    pub client_token: Option<String>,
    /// The diagnostics of a request refused with 422.
    pub diagnostics: Option<Diagnostics>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: impl Into<Cow<'static, str>>, message: impl Into<String>) -> Self {
        ApiError { status, code: code.into(), message: message.into(), request_id: None, client_token: None, diagnostics: None }
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "forbidden", message)
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    pub fn not_allowed(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, "not_allowed", message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal_error", message)
    }

    #[must_use]
    pub fn with_client_token(mut self, token: Option<&str>) -> Self {
        self.client_token = token.map(str::to_owned);
        self
    }

    /// The JSON body.
    #[must_use]
    pub fn body(&self) -> Value {
        let mut error = Map::new();
        error.insert("code".into(), json!(self.code));
        error.insert("message".into(), json!(self.message));
        if let Some(id) = &self.request_id {
            error.insert("requestId".into(), json!(id));
        }
        let mut body = Map::new();
        body.insert("error".into(), Value::Object(error));
        if let Some(token) = &self.client_token {
            body.insert("clientToken".into(), json!(token));
        }
        if let Some(d) = &self.diagnostics {
            body.insert("diagnostics".into(), Value::Array(d.list.clone()));
            body.insert("diagnosticsTotal".into(), json!(d.total));
        }
        Value::Object(body)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, axum::Json(self.body())).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}
