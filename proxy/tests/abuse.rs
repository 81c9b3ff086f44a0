//! Abuse before and around the API: idle and slow-header connections, a flood of them under a
//! small connection cap, slow bodies, a low file-descriptor limit, and a body crafted to produce
//! thousands of diagnostics. The limits are set low with settings or flags, so a handful of
//! sockets is a flood; each wait is bounded, and none depends on the machine being fast.

mod support;

use std::net::SocketAddr;
use std::time::Duration;

use runtask_proxy::Limits;
use support::fake::Fake;
use support::{settings, Http};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The longest any step may take before the test fails; passing never depends on it.
const BOUND: Duration = Duration::from_secs(60);

const REQUEST: &str = r#"{"cluster":"c","taskDefinition":"web:1","launchType":"FARGATE","networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-0123456789abcdef0"]}}}"#;

/// Generous limits, except those a test lowers.
fn limits() -> Limits {
    Limits { max_connections: 64, header_read_timeout: Duration::from_secs(300), idle_timeout: Duration::from_secs(300), body_read_timeout: Duration::from_secs(300) }
}

async fn proxy_with(limits: Limits) -> (Fake, runtask_proxy::Running) {
    let fake = Fake::start(vec![]).await;
    let mut s = settings(&fake.url());
    s.limits = limits;
    (fake.clone(), runtask_proxy::start(s).await.unwrap())
}

/// Reads until the proxy closes the connection; what it sent before closing.
async fn until_closed(stream: &mut TcpStream) -> String {
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    let read = async {
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => out.extend_from_slice(&buf[..n]),
            }
        }
    };
    tokio::time::timeout(BOUND, read).await.expect("the proxy did not close the connection");
    String::from_utf8_lossy(&out).into_owned()
}

fn head(addr: SocketAddr, length: usize) -> String {
    format!("POST /api/run-task HTTP/1.1\r\nhost: {addr}\r\nx-runtask-client: console\r\ncontent-type: application/json\r\ncontent-length: {length}\r\n\r\n")
}

#[tokio::test]
async fn a_connection_that_never_finishes_its_headers_is_closed() {
    let (_fake, proxy) = proxy_with(Limits { header_read_timeout: Duration::from_secs(1), ..limits() }).await;
    let mut slow = TcpStream::connect(proxy.addr).await.unwrap();
    slow.write_all(b"POST /api/run-task HTTP/1.1\r\nhost: ").await.unwrap();
    let sent = until_closed(&mut slow).await;
    assert!(!sent.contains("200"), "{sent}");
    // The proxy still answers.
    assert_eq!(Http::new().run_task(&proxy.url(), REQUEST).await.status, 200);
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn an_idle_connection_is_closed_before_and_between_requests() {
    let (_fake, proxy) = proxy_with(Limits { idle_timeout: Duration::from_secs(1), ..limits() }).await;
    let mut silent = TcpStream::connect(proxy.addr).await.unwrap();
    assert_eq!(until_closed(&mut silent).await, "");

    // Keep-alive: one request answered, then nothing: closed.
    let mut kept = TcpStream::connect(proxy.addr).await.unwrap();
    kept.write_all(format!("GET /api/status HTTP/1.1\r\nhost: {}\r\nx-runtask-client: console\r\n\r\n", proxy.addr).as_bytes()).await.unwrap();
    let answered = until_closed(&mut kept).await;
    assert!(answered.starts_with("HTTP/1.1 200"), "{answered}");
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn a_slow_body_gets_408_with_a_json_error_and_nothing_is_sent() {
    let (fake, proxy) = proxy_with(Limits { body_read_timeout: Duration::from_secs(1), ..limits() }).await;
    let mut slow = TcpStream::connect(proxy.addr).await.unwrap();
    slow.write_all(head(proxy.addr, REQUEST.len()).as_bytes()).await.unwrap();
    slow.write_all(&REQUEST.as_bytes()[..10]).await.unwrap();
    let answer = until_closed(&mut slow).await;
    let (status, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
    assert!(status.starts_with("HTTP/1.1 408"), "{answer}");
    let v: serde_json::Value = serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {answer}"));
    assert_eq!(v["error"]["code"], "request_timeout");
    assert!(v.get("clientToken").is_none(), "nothing was sent, so there is no token to give: {v}");
    assert!(fake.received().is_empty(), "{:?}", fake.received());
    proxy.stop().await.unwrap();
}

/// A cap of 4 connections, 8 connections that send nothing and 4 that send half a header: the
/// valid request still gets its answer, because the proxy closes the idle ones to make room.
#[tokio::test]
async fn a_flood_of_idle_connections_does_not_keep_out_a_valid_request() {
    let (fake, proxy) = proxy_with(Limits { max_connections: 4, ..limits() }).await;
    let mut flood = Vec::new();
    for i in 0..12 {
        let mut s = TcpStream::connect(proxy.addr).await.unwrap();
        if i >= 8 {
            s.write_all(b"GET /api/status HTTP/1.1\r\nhost: ").await.unwrap();
        }
        flood.push(s);
    }
    let answer = tokio::time::timeout(BOUND, Http::new().run_task(&proxy.url(), REQUEST)).await.expect("the valid request was not answered");
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert_eq!(fake.calls("RunTask").len(), 1);

    // At most 4 connections are open, so at least 9 of the 12 were closed by the proxy.
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    for mut s in flood {
        let tx = tx.clone();
        tokio::spawn(async move {
            let mut buf = [0u8; 256];
            while let Ok(n) = s.read(&mut buf).await {
                if n == 0 {
                    break;
                }
            }
            let _ = tx.send(());
        });
    }
    for closed in 0..9 {
        tokio::time::timeout(BOUND, rx.recv()).await.unwrap_or_else(|_| panic!("only {closed} of the flood's connections were closed"));
    }
    proxy.stop().await.unwrap();
}

/// The binary under a low file-descriptor limit (the audit's setting): 200 idle connections, then
/// a valid request, which is answered.
#[test]
fn under_a_low_file_descriptor_limit_idle_connections_do_not_starve_a_request() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let bin = env!("CARGO_BIN_EXE_runtask-proxy");
    let mut shell = std::process::Command::new("sh");
    shell.args(["-c", "ulimit -n 128 && exec \"$0\" --listen 127.0.0.1:0 --region us-east-1 --dry-run --static-dir /nonexistent", bin]);
    let mut child = support::without_aws(shell).spawn().unwrap();
    let (url, _) = support::listening(&mut child);
    let addr: SocketAddr = url.trim_start_matches("http://").parse().unwrap();
    let outcome = runtime.block_on(async {
        let mut idle = Vec::new();
        for _ in 0..200 {
            idle.push(TcpStream::connect(addr).await.unwrap());
        }
        let answer = tokio::time::timeout(BOUND, Http::new().run_task(&url, REQUEST)).await;
        drop(idle);
        answer
    });
    let _ = child.kill();
    let _ = child.wait();
    let answer = outcome.expect("the valid request was not answered");
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert_eq!(answer.json()["dryRun"], true);
}

/// A body that breaks one rule thousands of times gets the first diagnostics and their total,
/// not megabytes.
#[tokio::test]
async fn a_422_lists_the_first_diagnostics_and_the_total() {
    let (fake, proxy) = proxy_with(limits()).await;
    let tags: Vec<String> = (0..2000).map(|i| format!(r#"{{"key":"aws:t{i}","value":"v"}}"#)).collect();
    let body = format!(r#"{{"taskDefinition":"web:1","tags":[{}]}}"#, tags.join(","));
    assert!(body.len() < 64 * 1024);
    let expected = runtask_core::check_bytes(body.as_bytes(), &runtask_core::Options::default()).unwrap().diagnostics.len();
    assert!(expected > runtask_proxy::MAX_DIAGNOSTICS, "{expected}");

    let answer = Http::new().run_task(&proxy.url(), &body).await;
    assert_eq!(answer.status, 422, "{}", &answer.text[..answer.text.len().min(500)]);
    let v = answer.json();
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), runtask_proxy::MAX_DIAGNOSTICS);
    assert_eq!(v["diagnosticsTotal"], expected);
    assert!(v["diagnostics"].as_array().unwrap().iter().all(|d| d["severity"] == "error"), "errors come first");
    assert!(answer.text.len() < 256 * 1024, "{} bytes", answer.text.len());
    assert!(fake.received().is_empty());

    // A short list is given whole, with its total.
    let one = Http::new().run_task(&proxy.url(), r#"{"taskDefinition":"web:1","count":0}"#).await;
    assert_eq!(one.status, 422);
    let v = one.json();
    assert_eq!(v["diagnosticsTotal"].as_u64(), Some(v["diagnostics"].as_array().unwrap().len() as u64));
    proxy.stop().await.unwrap();
}
