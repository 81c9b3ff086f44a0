//! Who may use `/api/*`: requests from the console served by this proxy, nothing else.
//!
//! - `X-Runtask-Client: console`: a cross-site form or "simple" request cannot set it, and a
//!   cross-site `fetch` that sets it needs a CORS preflight, which gets no CORS headers.
//! - `Origin`, when present, must be this proxy's own origin.
//! - `Host` must name this proxy (for loopback binds): a DNS-rebound page on another name is
//!   refused even for same-origin GETs, which carry no `Origin`.
//! - With an auth token, `Authorization: Bearer <token>`, compared in constant time.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

pub const CLIENT_HEADER: &str = "x-runtask-client";
pub const CLIENT_VALUE: &str = "console";

/// What a request must match.
#[derive(Clone, Debug)]
pub struct Guard {
    /// Allowed `Origin` values (`http://host:port`, lower-case).
    pub origins: Vec<String>,
    /// Allowed `Host` values; empty: any (an unspecified bind address, which needs a token).
    pub hosts: Vec<String>,
    /// When the bind address is unspecified (0.0.0.0), the request's own `Host` is its origin.
    pub origin_from_host: bool,
    pub token: Option<String>,
}

impl Guard {
    /// The guard for a proxy listening on `addr`, with `extra_origins` (`--allow-origin`).
    #[must_use]
    pub fn new(addr: std::net::SocketAddr, extra_origins: &[String], token: Option<String>) -> Self {
        let port = addr.port();
        let mut hosts = Vec::new();
        let origin_from_host = addr.ip().is_unspecified();
        if !origin_from_host {
            hosts.push(match addr {
                std::net::SocketAddr::V4(a) => format!("{}:{port}", a.ip()),
                std::net::SocketAddr::V6(a) => format!("[{}]:{port}", a.ip()),
            });
            if addr.ip().is_loopback() {
                hosts.push(format!("localhost:{port}"));
            }
        }
        let mut origins: Vec<String> = hosts.iter().map(|h| format!("http://{h}")).collect();
        for o in extra_origins {
            let o = o.trim_end_matches('/').to_ascii_lowercase();
            if let Some(host) = o.split_once("://").map(|(_, h)| h.to_owned()) {
                if !hosts.is_empty() && !hosts.contains(&host) {
                    hosts.push(host);
                }
            }
            origins.push(o);
        }
        Guard { origins, hosts, origin_from_host, token }
    }

    /// `Ok` when the request may go on.
    pub fn check(&self, headers: &HeaderMap) -> Result<(), ApiError> {
        let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).map(str::to_ascii_lowercase);
        if !self.hosts.is_empty() && !host.as_ref().is_some_and(|h| self.hosts.contains(h)) {
            // The proxy's own names are not given: they would tell a rebinding page where it is.
            return Err(ApiError::forbidden(format!(
                "the Host header {} does not name this proxy; add the name with --allow-origin",
                host.as_deref().map_or("(none)".to_owned(), |h| format!("`{}`", h.chars().take(100).collect::<String>()))
            )));
        }
        if let Some(origin) = headers.get(header::ORIGIN) {
            let origin = origin.to_str().unwrap_or("").to_ascii_lowercase();
            let own = self.origin_from_host && host.as_ref().is_some_and(|h| origin == format!("http://{h}") || origin == format!("https://{h}"));
            if !own && !self.origins.contains(&origin) {
                return Err(ApiError::forbidden(format!("cross-origin requests are refused: Origin `{origin}` is not this proxy's origin")));
            }
        }
        if headers.get(CLIENT_HEADER).and_then(|v| v.to_str().ok()) != Some(CLIENT_VALUE) {
            return Err(ApiError::forbidden(format!("requests to /api/ must carry the header `X-Runtask-Client: {CLIENT_VALUE}`")));
        }
        if let Some(token) = &self.token {
            let given = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer ")).unwrap_or("");
            if !constant_time_eq(given.as_bytes(), token.as_bytes()) {
                return Err(ApiError::new(StatusCode::UNAUTHORIZED, "unauthorized", "this proxy needs its access token: `Authorization: Bearer <token>`"));
            }
        }
        Ok(())
    }
}

/// The shortest bearer token accepted.
pub const MIN_TOKEN_LEN: usize = 16;

/// `Err` says why `token` cannot be the bearer token: it must be able to match what a client
/// sends in `Authorization: Bearer <token>`, where surrounding spaces are dropped and only
/// visible ASCII survives every client, and be long enough not to be guessed.
pub fn check_token(token: &str) -> Result<(), String> {
    if !token.bytes().all(|b| b.is_ascii_graphic()) {
        return Err("it must be printable ASCII without spaces, tabs or other control characters, since it is sent in an `Authorization: Bearer` header".to_owned());
    }
    if token.len() < MIN_TOKEN_LEN {
        return Err(format!("it is too short: use at least {MIN_TOKEN_LEN} characters"));
    }
    Ok(())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The middleware on `/api/*`.
pub async fn middleware(State(guard): State<Arc<Guard>>, request: Request, next: Next) -> Response {
    match guard.check(request.headers()) {
        Ok(()) => next.run(request).await,
        Err(e) => {
            tracing::warn!(method = %request.method(), path = request.uri().path(), status = e.status.as_u16(), code = %e.code, "refused");
            e.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn loopback_guard() {
        let g = Guard::new("127.0.0.1:8080".parse().unwrap(), &[], None);
        assert!(g.check(&headers(&[("host", "127.0.0.1:8080"), ("x-runtask-client", "console")])).is_ok());
        assert!(g.check(&headers(&[("host", "localhost:8080"), ("x-runtask-client", "console"), ("origin", "http://localhost:8080")])).is_ok());
        assert!(g.check(&headers(&[("host", "127.0.0.1:8080")])).is_err());
        assert!(g.check(&headers(&[("host", "evil.example:8080"), ("x-runtask-client", "console")])).is_err());
        assert!(g.check(&headers(&[("host", "127.0.0.1:8080"), ("x-runtask-client", "console"), ("origin", "http://evil.example")])).is_err());
        assert!(g.check(&headers(&[("host", "127.0.0.1:8080"), ("x-runtask-client", "console"), ("origin", "null")])).is_err());
    }

    #[test]
    fn tokens_that_cannot_match_are_refused() {
        assert!(check_token("a-long-enough-test-token").is_ok());
        assert!(check_token("short").unwrap_err().contains("too short"));
        for bad in ["                    ", " leading-space-token-123", "inner space token 12345", "tab\tinside-a-long-token", "non-ascii-tökén-long-enough"] {
            assert!(check_token(bad).unwrap_err().contains("spaces"), "{bad:?}");
        }
    }

    #[test]
    fn token_and_unspecified_bind() {
        let g = Guard::new("0.0.0.0:8080".parse().unwrap(), &[], Some("tok".into()));
        let ok = headers(&[("host", "box:8080"), ("x-runtask-client", "console"), ("origin", "http://box:8080"), ("authorization", "Bearer tok")]);
        assert!(g.check(&ok).is_ok());
        let e = g.check(&headers(&[("host", "box:8080"), ("x-runtask-client", "console"), ("authorization", "Bearer nope")])).unwrap_err();
        assert_eq!(e.status, StatusCode::UNAUTHORIZED);
    }
}
