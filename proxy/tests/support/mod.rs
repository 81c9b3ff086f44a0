//! Shared by the integration tests: an HTTP client, the proxy's settings for tests, a
//! fault-injecting fake ECS, and moto's server as a real local ECS endpoint.
#![allow(dead_code)]

pub mod fake;
pub mod moto;

use std::time::Duration;

use aws_credential_types::provider::SharedCredentialsProvider;
use aws_credential_types::Credentials;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use runtask_proxy::{RetryPolicy, Settings};
use serde_json::Value;

/// Credentials the tests give the proxy; none of these may ever show up in an answer or a log.
pub const ACCESS_KEY_ID: &str = "AKIDRUNTASKPROXYTEST";
pub const SECRET_ACCESS_KEY: &str = "wJalrXUtnFEMI-runtask-test-SECRET-KEY-7f3a9c";
pub const SESSION_TOKEN: &str = "FwoGZXIvYXdzEXAMPLE-runtask-test-SESSION-TOKEN-5d21be";
/// An environment override value used as a secret.
pub const ENV_SECRET: &str = "hunter2-override-secret-8e61";

#[must_use]
pub fn credentials() -> SharedCredentialsProvider {
    SharedCredentialsProvider::new(Credentials::new(ACCESS_KEY_ID, SECRET_ACCESS_KEY, Some(SESSION_TOKEN.to_owned()), None, "runtask-proxy-tests"))
}

/// Settings for a proxy on a free loopback port in front of `endpoint`, with credentials, short
/// time limits and fast retries.
#[must_use]
pub fn settings(endpoint: &str) -> Settings {
    let mut s = Settings::new(endpoint, "us-east-1").with_credentials(credentials());
    s.retry = RetryPolicy { attempt_timeout: Duration::from_secs(2), max_attempts: 3, backoff_base: Duration::from_millis(20), backoff_cap: Duration::from_millis(200), late_answer_wait: Duration::from_secs(2) };
    s
}

/// Settings for a proxy in front of moto: a generous time limit, since moto (Python) can be slow on
/// a loaded machine and these tests are about what is launched, not about time limits.
#[must_use]
pub fn moto_settings(endpoint: &str) -> Settings {
    let mut s = settings(endpoint);
    s.retry.attempt_timeout = Duration::from_secs(60);
    s
}

/// An answer.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: http::HeaderMap,
    pub text: String,
}

impl Answer {
    #[must_use]
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }
}

/// A small HTTP client for calling the proxy.
#[derive(Clone)]
pub struct Http {
    client: Client<HttpConnector, Full<Bytes>>,
}

impl Default for Http {
    fn default() -> Self {
        Self::new()
    }
}

impl Http {
    #[must_use]
    pub fn new() -> Self {
        // Idle connections are given up well before the proxy's idle timeout closes them, so a
        // request never goes out on a connection the proxy is closing.
        Http { client: Client::builder(TokioExecutor::new()).pool_max_idle_per_host(256).pool_idle_timeout(Duration::from_secs(1)).build_http() }
    }

    pub async fn send(&self, method: &str, url: &str, headers: &[(&str, &str)], body: impl Into<Bytes>) -> Answer {
        let mut request = http::Request::builder().method(method).uri(url);
        for (k, v) in headers {
            request = request.header(*k, *v);
        }
        let response = self.client.request(request.body(Full::new(body.into())).unwrap()).await.unwrap_or_else(|e| panic!("{method} {url}: {e:?}"));
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Answer { status, headers, text: String::from_utf8_lossy(&bytes).into_owned() }
    }

    /// A console request: the client header, JSON.
    pub async fn console(&self, method: &str, url: &str, body: impl Into<Bytes>) -> Answer {
        self.send(method, url, &[("x-runtask-client", "console"), ("content-type", "application/json")], body).await
    }

    pub async fn run_task(&self, base: &str, body: &str) -> Answer {
        self.console("POST", &format!("{base}/api/run-task"), body.to_owned()).await
    }
}

/// `command` (the proxy binary, or a shell that runs it) with no AWS configuration from this
/// machine, so that the proxy runs as a dry run; stdout ignored, stderr piped for [`listening`].
pub fn without_aws(mut command: std::process::Command) -> std::process::Command {
    command
        .env_clear()
        .env("AWS_CONFIG_FILE", "/nonexistent/runtask-config")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/runtask-credentials")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    command
}

/// The proxy's log lines in this test binary, captured through its own filter with `spec` (the
/// first caller's spec holds for the whole binary: there is one global subscriber).
pub fn captured_logs(spec: &str) -> &'static Capture {
    static CAPTURE: std::sync::OnceLock<Capture> = std::sync::OnceLock::new();
    CAPTURE.get_or_init(|| {
        let capture = Capture::default();
        let writer = capture.clone();
        tracing_subscriber::fmt().with_env_filter(runtask_proxy::logging::filter(Some(spec))).with_writer(move || writer.clone()).with_ansi(false).init();
        capture
    })
}

/// Log output, kept in memory.
#[derive(Clone, Default)]
pub struct Capture(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl Capture {
    #[must_use]
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl std::io::Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The URL a started `runtask-proxy` binary listens on, and what it wrote to stderr before
/// saying so (stderr is then drained in the background). Fails the test when the proxy has not
/// started within 30 s.
#[must_use]
pub fn listening(child: &mut std::process::Child) -> (String, String) {
    use std::io::BufRead;
    let stderr = child.stderr.take().expect("stderr must be piped");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut seen = String::new();
        let mut tx = Some(tx);
        for line in std::io::BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(url) = line.strip_prefix("runtask-proxy listening on ") {
                if let Some(tx) = tx.take() {
                    let _ = tx.send(Ok((url.to_owned(), seen.clone())));
                }
            }
            seen.push_str(&line);
            seen.push('\n');
        }
        if let Some(tx) = tx {
            let _ = tx.send(Err(seen));
        }
    });
    match rx.recv_timeout(Duration::from_secs(30)) {
        Ok(Ok(started)) => started,
        Ok(Err(stderr)) => panic!("the proxy exited: {stderr}"),
        Err(_) => {
            let _ = child.kill();
            panic!("the proxy did not start within 30 s");
        }
    }
}

/// Any `access-control-*` header.
#[must_use]
pub fn cors_headers(headers: &http::HeaderMap) -> Vec<String> {
    headers.keys().map(|k| k.as_str().to_owned()).filter(|k| k.starts_with("access-control-")).collect()
}
