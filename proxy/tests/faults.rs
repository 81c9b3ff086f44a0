//! A fault-injecting upstream: refused connections, hangs, dropped connections, 5xx and
//! throttling. No request hangs past its time limit, a RunTask launches at most once, and a retry
//! sends the same bytes, so the same clientToken.

mod support;

use std::time::{Duration, Instant};

use runtask_proxy::RetryPolicy;
use support::fake::{Fake, Step};
use support::{settings, Http};

const REQUEST: &str = "{\n  \"cluster\": \"c\",\n  \"taskDefinition\": \"web:1\",\n  \"launchType\": \"FARGATE\",\n  \"networkConfiguration\": {\"awsvpcConfiguration\": {\"subnets\": [\"subnet-0123456789abcdef0\"]}}\n}";

async fn proxy_for(fake: &Fake, attempt_timeout: Duration) -> runtask_proxy::Running {
    let mut s = settings(&fake.url());
    s.retry = RetryPolicy { attempt_timeout, max_attempts: 3, backoff_base: Duration::from_millis(20), backoff_cap: Duration::from_millis(200), late_answer_wait: Duration::from_secs(2) };
    runtask_proxy::start(s).await.unwrap()
}

/// At most one RunTask answered with success per clientToken.
fn assert_at_most_one_launch(fake: &Fake) {
    let mut launched = std::collections::HashMap::<String, usize>::new();
    for r in fake.calls("RunTask").iter().filter(|r| r.succeeded) {
        *launched.entry(r.client_token().unwrap()).or_default() += 1;
    }
    assert!(launched.values().all(|&n| n == 1), "{launched:?}");
}

#[tokio::test]
async fn sends_the_exact_bytes_with_only_a_client_token_inserted() {
    let fake = Fake::start(vec![]).await;
    let proxy = proxy_for(&fake, Duration::from_secs(2)).await;
    let answer = Http::new().run_task(&proxy.url(), REQUEST).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let token = answer.json()["clientToken"].as_str().unwrap().to_owned();
    let sent = fake.calls("RunTask");
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].text(), format!("{{\"clientToken\":\"{token}\",{}", &REQUEST[1..]));
    let r = &sent[0];
    assert_eq!(r.header("x-amz-target"), Some("AmazonEC2ContainerServiceV20141113.RunTask"));
    assert_eq!(r.header("content-type"), Some("application/x-amz-json-1.1"));
    let auth = r.header("authorization").unwrap();
    assert!(auth.starts_with("AWS4-HMAC-SHA256 Credential=AKIDRUNTASKPROXYTEST/"), "{auth}");
    assert!(auth.contains("/us-east-1/ecs/aws4_request"), "{auth}");
    assert!(auth.contains("SignedHeaders=") && auth.contains("host") && auth.contains("x-amz-date") && auth.contains("x-amz-target"), "{auth}");
    assert_eq!(r.header("x-amz-security-token"), Some(support::SESSION_TOKEN));

    // With the request's own token, the bytes go as they came.
    let own = "{ \"clientToken\" : \"mine-1\",\"cluster\":\"c\", \"taskDefinition\":\"web:1\", \"launchType\": \"FARGATE\", \"networkConfiguration\": {\"awsvpcConfiguration\": {\"subnets\": [\"subnet-0123456789abcdef0\"]}} }";
    let answer = Http::new().run_task(&proxy.url(), own).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert_eq!(fake.calls("RunTask")[1].text(), own);
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn a_refused_connection_is_502_quickly() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut s = settings(&format!("http://127.0.0.1:{port}"));
    s.retry.attempt_timeout = Duration::from_secs(1);
    let proxy = runtask_proxy::start(s).await.unwrap();
    let started = Instant::now();
    let answer = Http::new().run_task(&proxy.url(), REQUEST).await;
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
    assert_eq!(answer.status, 502, "{}", answer.text);
    let v = answer.json();
    assert_eq!(v["error"]["code"], "upstream_unreachable");
    // The endpoint is the operator's business (it is in the log); the client learns what failed.
    let message = v["error"]["message"].as_str().unwrap();
    assert!(!message.contains(&port.to_string()) && !message.contains("127.0.0.1"), "{message}");
    assert!(message.contains("cannot reach ECS") && message.contains("nothing was sent"), "{message}");
    // It failed at DescribeTaskDefinition, before any RunTask: there is no token to give.
    assert!(v.get("clientToken").is_none(), "{v}");

    let tasks = Http::new().console("GET", &format!("{}/api/tasks?tasks=t1", proxy.url()), "").await;
    assert_eq!(tasks.status, 502, "{}", tasks.text);
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn a_hanging_upstream_is_504_within_the_limit_and_not_retried() {
    let fake = Fake::start(vec![Step::Hang, Step::Answer(200, support::fake::run_task_success("x"))]).await;
    let proxy = proxy_for(&fake, Duration::from_millis(800)).await;
    let started = Instant::now();
    let answer = Http::new().run_task(&proxy.url(), REQUEST).await;
    let took = started.elapsed();
    assert!(took >= Duration::from_millis(800) && took < Duration::from_secs(3), "{took:?}");
    assert_eq!(answer.status, 504, "{}", answer.text);
    let v = answer.json();
    assert_eq!(v["error"]["code"], "upstream_timeout");
    assert!(v["error"]["message"].as_str().unwrap().contains("same clientToken"), "{v}");
    assert!(!v["error"]["message"].as_str().unwrap().contains(&fake.addr.port().to_string()), "{v}");
    // The token is given back so that a retry cannot launch twice.
    let sent = fake.calls("RunTask");
    assert_eq!(sent.len(), 1, "a RunTask that may have reached ECS is not retried");
    assert_eq!(v["clientToken"].as_str(), sent[0].client_token().as_deref());
    assert_at_most_one_launch(&fake);
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn a_dropped_connection_after_sending_is_not_retried() {
    let fake = Fake::start(vec![Step::Close]).await;
    let proxy = proxy_for(&fake, Duration::from_secs(2)).await;
    let answer = Http::new().run_task(&proxy.url(), REQUEST).await;
    assert_eq!(answer.status, 502, "{}", answer.text);
    assert_eq!(answer.json()["error"]["code"], "upstream_unreachable");
    assert_eq!(fake.calls("RunTask").len(), 1);
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn a_500_then_200_is_retried_with_the_same_client_token() {
    let fake = Fake::start(vec![Step::error(500, "ServerException", "try again")]).await;
    let proxy = proxy_for(&fake, Duration::from_secs(2)).await;
    let answer = Http::new().run_task(&proxy.url(), REQUEST).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let sent = fake.calls("RunTask");
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0].body, sent[1].body, "a retry sends the same bytes");
    assert_eq!(sent[0].client_token(), sent[1].client_token());
    assert_eq!(answer.json()["clientToken"].as_str(), sent[1].client_token().as_deref());
    assert_at_most_one_launch(&fake);
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn throttling_is_retried_then_reported_as_429() {
    let fake = Fake::start(vec![Step::error(400, "ThrottlingException", "Rate exceeded")]).await;
    let proxy = proxy_for(&fake, Duration::from_secs(2)).await;
    let http = Http::new();
    let answer = http.run_task(&proxy.url(), REQUEST).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let sent = fake.calls("RunTask");
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0].client_token(), sent[1].client_token());

    let throttled = Fake::start(vec![Step::error(400, "ThrottlingException", "Rate exceeded"); 3]).await;
    let proxy2 = proxy_for(&throttled, Duration::from_secs(2)).await;
    let answer = http.run_task(&proxy2.url(), REQUEST).await;
    assert_eq!(answer.status, 429, "{}", answer.text);
    let v = answer.json();
    assert_eq!(v["error"]["code"], "ThrottlingException");
    assert!(v["error"]["message"].as_str().unwrap().contains("Rate exceeded"));
    assert_eq!(v["error"]["requestId"], "fake-request-id");
    let sent = throttled.calls("RunTask");
    assert_eq!(sent.len(), 3, "three attempts");
    assert!(sent.iter().all(|r| r.client_token() == sent[0].client_token()));
    assert_eq!(v["clientToken"].as_str(), sent[0].client_token().as_deref());
    proxy.stop().await.unwrap();
    proxy2.stop().await.unwrap();
}

#[tokio::test]
async fn persistent_5xx_gives_up_after_the_attempts_with_a_clear_error() {
    let fake = Fake::start(vec![Step::Answer(503, "<html>Service Unavailable from lb-internal-10-0-3-7</html>".into()); 5]).await;
    let proxy = proxy_for(&fake, Duration::from_secs(2)).await;
    let answer = Http::new().run_task(&proxy.url(), REQUEST).await;
    assert_eq!(answer.status, 503, "{}", answer.text);
    let v = answer.json();
    assert_eq!(v["error"]["code"], "ServerException");
    // Only a parsed ECS error is passed on; a raw body is not (issue 9, item 6).
    let message = v["error"]["message"].as_str().unwrap();
    assert!(message.contains("503") && !message.contains("lb-internal") && !message.contains("html"), "{message}");
    assert_eq!(fake.calls("RunTask").len(), 3);
    assert_at_most_one_launch(&fake);
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn client_errors_pass_through_without_retry() {
    for (code, status, expected) in [("InvalidParameterException", 400, 400), ("ClientException", 400, 400), ("AccessDeniedException", 400, 403), ("ClusterNotFoundException", 400, 400)] {
        let fake = Fake::start(vec![Step::error(status, code, "ECS says no")]).await;
        let proxy = proxy_for(&fake, Duration::from_secs(2)).await;
        let answer = Http::new().run_task(&proxy.url(), REQUEST).await;
        assert_eq!(answer.status, expected, "{code}: {}", answer.text);
        let v = answer.json();
        assert_eq!(v["error"]["code"], code);
        assert_eq!(v["error"]["message"], "ECS RunTask: ECS says no");
        assert_eq!(fake.calls("RunTask").len(), 1, "{code} is not retried");
        proxy.stop().await.unwrap();
    }
}

#[tokio::test]
async fn read_only_calls_retry_after_a_hang() {
    let fake = Fake::start(vec![Step::Hang]).await;
    let proxy = proxy_for(&fake, Duration::from_millis(500)).await;
    let started = Instant::now();
    let answer = Http::new().console("GET", &format!("{}/api/tasks?cluster=c&tasks=t1", proxy.url()), "").await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert!(started.elapsed() < Duration::from_secs(3));
    let calls = fake.calls("DescribeTasks");
    assert_eq!(calls.len(), 2);
    assert_eq!(calls[0].text(), r#"{"cluster":"c","tasks":["t1"]}"#);
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn concurrent_requests_each_launch_once() {
    let script: Vec<Step> = (0..20).map(|i| if i % 3 == 0 { Step::error(500, "ServerException", "x") } else { Step::Answer(200, support::fake::run_task_success("v")) }).collect();
    let fake = Fake::start(script).await;
    let proxy = proxy_for(&fake, Duration::from_secs(2)).await;
    let http = Http::new();
    let url = proxy.url();
    let answers = futures_join_all((0..20).map(|_| {
        let http = http.clone();
        let url = url.clone();
        async move { http.run_task(&url, REQUEST).await }
    }))
    .await;
    assert!(answers.iter().all(|a| a.status == 200), "{:?}", answers.iter().map(|a| a.status).collect::<Vec<_>>());
    assert_at_most_one_launch(&fake);
    let launches = fake.calls("RunTask").iter().filter(|r| r.succeeded).count();
    assert_eq!(launches, 20);
    proxy.stop().await.unwrap();
}

async fn futures_join_all<F: std::future::Future + Send + 'static>(futures: impl Iterator<Item = F>) -> Vec<F::Output>
where
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}

#[tokio::test]
async fn pinned_task_definition_revisions_are_described_once() {
    let fake = Fake::start(vec![]).await;
    let proxy = proxy_for(&fake, Duration::from_secs(2)).await;
    let http = Http::new();
    for _ in 0..3 {
        assert_eq!(http.run_task(&proxy.url(), r#"{"cluster":"c","taskDefinition":"web:1","launchType":"FARGATE","networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-0123456789abcdef0"]}}}"#).await.status, 200);
    }
    assert_eq!(fake.calls("DescribeTaskDefinition").len(), 1);
    // A family alone names the latest revision, which can change: described every time.
    for _ in 0..2 {
        assert_eq!(http.run_task(&proxy.url(), r#"{"cluster":"c","taskDefinition":"web","launchType":"FARGATE","networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-0123456789abcdef0"]}}}"#).await.status, 200);
    }
    assert_eq!(fake.calls("DescribeTaskDefinition").len(), 3);
    assert_eq!(fake.calls("RunTask").len(), 5);
    proxy.stop().await.unwrap();
}
