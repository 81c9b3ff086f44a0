//! The fault suite, against moto's server: between the proxy and moto sits a forwarder that
//! passes every call on to moto (so tasks really launch) and then misbehaves towards the proxy:
//! it answers only once the test opens a gate (after the proxy's deadline), closes the connection
//! without answering, or resets it half-way through the answer. A client also hangs up after
//! sending. For each fault the test checks how many tasks moto has and what the client got.
//!
//! moto does not deduplicate `clientToken` (ECS does), so a task count of 1 after a retry with
//! the same token is the proxy's own doing: the retry joins the call still in flight, or gets the
//! answer the proxy remembers.

mod support;

use std::time::Duration;

use serde_json::Value;
use support::fake::{Fake, Gate, Step};
use support::moto::Moto;
use support::{settings, Answer, Http};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Every test waits at most this long for anything; nothing here depends on it being short.
const BOUND: Duration = Duration::from_secs(120);

/// The proxy's log lines in this test binary.
fn logs() -> &'static support::Capture {
    support::captured_logs("runtask_proxy=info")
}

fn logged() -> String {
    logs().text()
}

/// A proxy in front of `fake` with a RunTask deadline (short where a test wants "after the
/// deadline" to come soon) and one attempt per call. The fake answers DescribeTaskDefinition
/// itself, at once, so that only RunTask meets the faults and the deadline.
async fn proxy(fake: &Fake, deadline: Duration) -> runtask_proxy::Running {
    let mut s = settings(&fake.url());
    s.retry.attempt_timeout = deadline;
    s.retry.max_attempts = 1;
    s.retry.late_answer_wait = BOUND;
    runtask_proxy::start(s).await.unwrap()
}

fn request(moto: &Moto, cluster: &str, token: Option<&str>) -> Value {
    let mut r = moto.request(cluster, 1);
    if let Some(t) = token {
        r["clientToken"] = Value::from(t);
    }
    r
}

async fn bounded<F: std::future::Future>(what: &str, f: F) -> F::Output {
    tokio::time::timeout(BOUND, f).await.unwrap_or_else(|_| panic!("{what}: no answer within {BOUND:?}"))
}

/// Submits `body` until the answer is not a 504, as a client retrying after a timeout does; every
/// 504 must carry `token`.
async fn retry_until_answered(http: &Http, url: &str, body: &str, token: &str) -> Answer {
    bounded("the retries", async {
        loop {
            let answer = http.run_task(url, body).await;
            if answer.status != 504 {
                assert_eq!(answer.status, 200, "{}", answer.text);
                return answer;
            }
            assert_eq!(answer.json()["clientToken"], token, "{}", answer.text);
        }
    })
    .await
}

fn task_arns(answer: &Answer) -> Vec<String> {
    let v = answer.json();
    v["tasks"].as_array().unwrap_or_else(|| panic!("no tasks: {v}")).iter().map(|t| t["taskArn"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn the_upstream_answers_after_the_deadline() {
    let moto = Moto::get();
    moto.create_cluster("fault-late");
    let gate = Gate::default();
    let fake = Fake::in_front_of(moto.addr, vec![Step::HoldAnswer(gate.clone())]).await;
    let proxy = proxy(&fake, Duration::from_millis(500)).await;
    let http = Http::new();

    // The request has no clientToken: the proxy adds one, and the 504 gives it back.
    let first = bounded("the first submit", http.run_task(&proxy.url(), &request(moto, "fault-late", None).to_string())).await;
    assert_eq!(first.status, 504, "{}", first.text);
    let v = first.json();
    assert_eq!(v["error"]["code"], "upstream_timeout");
    assert!(v["error"]["message"].as_str().unwrap().contains("same clientToken"), "{v}");
    let token = v["clientToken"].as_str().expect("a 504 for a RunTask that was sent carries its clientToken").to_owned();
    assert_eq!(fake.calls("RunTask")[0].client_token().as_deref(), Some(token.as_str()));
    assert_eq!(moto.task_arns("fault-late").len(), 1, "moto launched the task the proxy timed out on");

    // Retries with that token (placed elsewhere in the text: the same request to ECS) join the
    // call the proxy is still waiting on, and get its answer once it comes: a 504 with the same
    // token while it has not come, never a second launch.
    gate.open();
    let retry = retry_until_answered(&http, &proxy.url(), &request(moto, "fault-late", Some(&token)).to_string(), &token).await;
    assert_eq!(retry.json()["clientToken"], token.as_str());
    assert_eq!(task_arns(&retry), moto.task_arns("fault-late"));
    // Once more, after the answer: still the same task.
    let again = bounded("the second retry", http.run_task(&proxy.url(), &request(moto, "fault-late", Some(&token)).to_string())).await;
    assert_eq!(again.status, 200, "{}", again.text);
    assert_eq!(task_arns(&again), moto.task_arns("fault-late"));

    assert_eq!(moto.task_arns("fault-late").len(), 1, "one launch for one clientToken");
    assert_eq!(fake.calls("RunTask").len(), 1, "the retries were not sent again");
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn the_upstream_drops_the_connection_after_receiving_the_request() {
    let moto = Moto::get();
    moto.create_cluster("fault-drop");
    let fake = Fake::in_front_of(moto.addr, vec![Step::ForwardThenClose]).await;
    let proxy = proxy(&fake, BOUND).await;
    let answer = bounded("the submit", Http::new().run_task(&proxy.url(), &request(moto, "fault-drop", Some("drop-token-0001")).to_string())).await;
    assert_eq!(answer.status, 502, "{}", answer.text);
    let v = answer.json();
    assert_eq!(v["error"]["code"], "upstream_unreachable");
    assert_eq!(v["clientToken"], "drop-token-0001");
    let message = v["error"]["message"].as_str().unwrap();
    assert!(message.contains("may have reached ECS") && message.contains("same clientToken"), "{message}");
    assert!(!message.contains(&fake.addr.port().to_string()), "the endpoint is not for the client: {message}");
    assert_eq!(moto.task_arns("fault-drop").len(), 1, "ECS got the request and launched");
    assert_eq!(fake.calls("RunTask").len(), 1, "a RunTask that may have reached ECS is not retried");
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn the_upstream_resets_the_connection_mid_answer() {
    let moto = Moto::get();
    moto.create_cluster("fault-reset");
    let fake = Fake::in_front_of(moto.addr, vec![Step::ForwardThenReset]).await;
    let proxy = proxy(&fake, BOUND).await;
    let answer = bounded("the submit", Http::new().run_task(&proxy.url(), &request(moto, "fault-reset", None).to_string())).await;
    assert_eq!(answer.status, 502, "{}", answer.text);
    let v = answer.json();
    assert_eq!(v["error"]["code"], "upstream_unreachable");
    let token = v["clientToken"].as_str().expect("the clientToken of a RunTask that reached ECS");
    assert_eq!(fake.calls("RunTask")[0].client_token().as_deref(), Some(token));
    assert!(v["error"]["message"].as_str().unwrap().contains("may have reached ECS"), "{v}");
    assert!(!answer.text.contains("PROVISIONING") && !answer.text.contains("taskArn"), "no part of the cut answer: {}", answer.text);
    assert_eq!(moto.task_arns("fault-reset").len(), 1);
    assert_eq!(fake.calls("RunTask").len(), 1);
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn the_client_disconnects_after_sending() {
    let moto = Moto::get();
    moto.create_cluster("fault-hangup");
    let gate = Gate::default();
    let fake = Fake::in_front_of(moto.addr, vec![Step::HoldAnswer(gate.clone())]).await;
    let proxy = proxy(&fake, BOUND).await;
    let _ = logs();
    let body = request(moto, "fault-hangup", Some("hangup-token-0001")).to_string();

    let mut client = tokio::net::TcpStream::connect(proxy.addr).await.unwrap();
    let head = format!(
        "POST /api/run-task HTTP/1.1\r\nhost: {}\r\nx-runtask-client: console\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        proxy.addr,
        body.len()
    );
    client.write_all(head.as_bytes()).await.unwrap();
    client.write_all(body.as_bytes()).await.unwrap();
    fake.arrivals("RunTask", 1).await;
    drop(client);
    gate.open();

    // The proxy kept waiting for ECS's answer although nobody was there to read it; the client's
    // retry with its token gets that answer.
    let retry = bounded("the retry", Http::new().run_task(&proxy.url(), &body)).await;
    assert_eq!(retry.status, 200, "{}", retry.text);
    assert_eq!(retry.json()["clientToken"], "hangup-token-0001");
    assert_eq!(task_arns(&retry), moto.task_arns("fault-hangup"));
    assert_eq!(moto.task_arns("fault-hangup").len(), 1);
    assert_eq!(fake.calls("RunTask").len(), 1);
    let log = logged();
    assert!(log.lines().any(|l| l.contains("RunTask sent") && l.contains("hangup-token-0001")), "the outcome is logged with its token:\n{log}");
    proxy.stop().await.unwrap();
}

/// Issue 9, item 1: a request-wide timeout used to count the upload too, cut the handler off
/// while ECS was launching, and answer an empty 408 without the token. Now the body has its own
/// deadline, and the RunTask deadline starts when RunTask is sent.
#[tokio::test]
async fn a_slow_upload_then_a_late_answer_keeps_the_client_token() {
    let moto = Moto::get();
    moto.create_cluster("fault-slow-upload");
    let gate = Gate::default();
    let fake = Fake::in_front_of(moto.addr, vec![Step::HoldAnswer(gate.clone())]).await;
    let mut s = settings(&fake.url());
    s.retry.attempt_timeout = Duration::from_secs(2);
    s.retry.max_attempts = 1;
    s.retry.late_answer_wait = BOUND;
    s.limits.body_read_timeout = Duration::from_secs(60);
    let proxy = runtask_proxy::start(s).await.unwrap();
    let body = request(moto, "fault-slow-upload", None).to_string();

    // Half the body, a pause (the client is on a slow link), the rest.
    let mut client = tokio::net::TcpStream::connect(proxy.addr).await.unwrap();
    let head = format!(
        "POST /api/run-task HTTP/1.1\r\nhost: {}\r\nx-runtask-client: console\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        proxy.addr,
        body.len()
    );
    client.write_all(head.as_bytes()).await.unwrap();
    client.write_all(&body.as_bytes()[..body.len() / 2]).await.unwrap();
    tokio::time::sleep(Duration::from_secs(13)).await;
    client.write_all(&body.as_bytes()[body.len() / 2..]).await.unwrap();
    let mut raw = String::new();
    bounded("the answer", client.read_to_string(&mut raw)).await.unwrap();
    let (head, text) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    assert!(head.starts_with("HTTP/1.1 504"), "{raw}");
    let v: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {raw}"));
    let token = v["clientToken"].as_str().unwrap_or_else(|| panic!("no clientToken: {raw}")).to_owned();
    assert_eq!(fake.calls("RunTask")[0].client_token().as_deref(), Some(token.as_str()));

    gate.open();
    let retry = retry_until_answered(&Http::new(), &proxy.url(), &request(moto, "fault-slow-upload", Some(&token)).to_string(), &token).await;
    assert_eq!(task_arns(&retry), moto.task_arns("fault-slow-upload"));
    assert_eq!(moto.task_arns("fault-slow-upload").len(), 1, "the retry did not launch a second task");
    assert_eq!(fake.calls("RunTask").len(), 1);
    proxy.stop().await.unwrap();
}

/// 50 concurrent submits with the same clientToken (a double-click, many times over) share one
/// RunTask call and its answer.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fifty_concurrent_submits_with_one_client_token_share_one_call() {
    let moto = Moto::get();
    moto.create_cluster("fault-coalesce");
    let gate = Gate::default();
    let fake = Fake::in_front_of(moto.addr, vec![Step::HoldAnswer(gate.clone())]).await;
    let proxy = proxy(&fake, BOUND).await;
    let http = Http::new();
    let body = request(moto, "fault-coalesce", Some("double-click-0001")).to_string();
    let submits: Vec<_> = (0..50)
        .map(|_| {
            let (http, url, body) = (http.clone(), proxy.url(), body.clone());
            tokio::spawn(async move { http.run_task(&url, &body).await })
        })
        .collect();
    fake.arrivals("RunTask", 1).await;
    gate.open();
    let launched = moto.task_arns("fault-coalesce");
    for s in submits {
        let answer = bounded("a submit", s).await.unwrap();
        assert_eq!(answer.status, 200, "{}", answer.text);
        assert_eq!(answer.json()["clientToken"], "double-click-0001");
        assert_eq!(task_arns(&answer), launched);
    }
    assert_eq!(fake.calls("RunTask").len(), 1, "one signed RunTask");
    assert_eq!(fake.calls("DescribeTaskDefinition").len(), 1, "one signed DescribeTaskDefinition for the pinned revision");
    assert_eq!(moto.task_arns("fault-coalesce").len(), 1);
    proxy.stop().await.unwrap();
}
