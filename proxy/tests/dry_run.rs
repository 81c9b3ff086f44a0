//! Dry run: the exact request is shown (signature redacted) and nothing is sent. Without
//! credentials the proxy runs as a dry run and says so at start-up.

mod support;

use std::process::{Command, Stdio};

use support::fake::Fake;
use support::{Http, ENV_SECRET};

#[tokio::test]
async fn without_credentials_nothing_is_sent_and_the_request_is_shown() {
    let fake = Fake::start(vec![]).await;
    let proxy = runtask_proxy::start(runtask_proxy::Settings::new(fake.url(), "eu-west-1")).await.unwrap();
    let http = Http::new();
    let base = proxy.url();
    let status = http.console("GET", &format!("{base}/api/status"), "").await.json();
    assert_eq!(status["dryRun"], true);
    assert_eq!(status["dryRunReason"], "no AWS credentials found");
    assert_eq!(status["region"], "eu-west-1");
    assert_eq!(status["endpoint"], fake.url());
    assert_eq!(status["authRequired"], false);
    assert_eq!(status["version"], env!("CARGO_PKG_VERSION"));

    let request = format!(
        "{{\n  \"cluster\": \"c\",\n  \"taskDefinition\": \"web:1\",\n  \"overrides\": {{\"containerOverrides\": [{{\"name\": \"app\", \"environment\": [{{\"name\": \"K\", \"value\": \"{ENV_SECRET}\"}}]}}]}}\n}}"
    );
    let answer = http.run_task(&base, &request).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let v = answer.json();
    assert_eq!(v["dryRun"], true);
    assert_eq!(v["taskDefinitionChecked"], false);
    let token = v["clientToken"].as_str().unwrap();
    let shown = &v["request"];
    assert_eq!(shown["method"], "POST");
    assert_eq!(shown["url"], format!("{}/", fake.url()));
    assert_eq!(shown["headers"]["authorization"], "<redacted>");
    assert_eq!(shown["headers"]["x-amz-target"], "AmazonEC2ContainerServiceV20141113.RunTask");
    assert_eq!(shown["headers"]["content-type"], "application/x-amz-json-1.1");
    assert!(shown["headers"]["x-amz-date"].is_string());
    let expected = format!("{{\"clientToken\":\"{token}\",{}", &request[1..]).replace(ENV_SECRET, "<redacted>");
    assert_eq!(shown["body"], expected);
    assert_eq!(v["redacted"], serde_json::json!(["/overrides/containerOverrides/0/environment/0/value"]));
    assert!(!answer.text.contains(ENV_SECRET));

    // Invalid requests are still refused.
    assert_eq!(http.run_task(&base, r#"{"taskDefinition":"web:1","count":0}"#).await.status, 422);
    // The read-only helpers need credentials.
    let tasks = http.console("GET", &format!("{base}/api/tasks?tasks=t"), "").await;
    assert_eq!(tasks.status, 503, "{}", tasks.text);
    assert_eq!(tasks.json()["error"]["code"], "no_credentials");

    assert!(fake.received().is_empty(), "{:?}", fake.received());
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn dry_run_with_credentials_checks_the_task_definition_but_never_launches() {
    let fake = Fake::start(vec![]).await;
    let mut s = support::settings(&fake.url());
    s.dry_run_reason = Some("started with --dry-run".into());
    let proxy = runtask_proxy::start(s).await.unwrap();
    // The fake's task definition uses awsvpc, so the TD-aware rules want a network configuration.
    let body = r#"{"cluster":"c","taskDefinition":"web:1","clientToken":"t-1","launchType":"FARGATE","networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-0123456789abcdef0"]}}}"#;
    let answer = Http::new().run_task(&proxy.url(), body).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let v = answer.json();
    assert_eq!(v["dryRun"], true);
    assert_eq!(v["taskDefinitionChecked"], true);
    assert_eq!(v["clientToken"], "t-1");
    assert_eq!(v["request"]["body"], body);
    assert_eq!(v["request"]["headers"]["x-amz-security-token"], "<redacted>");
    assert!(fake.calls("RunTask").is_empty());
    assert_eq!(fake.calls("DescribeTaskDefinition").len(), 1);
    proxy.stop().await.unwrap();
}

#[test]
fn the_binary_says_dry_run_at_start_up_without_credentials() {
    let mut proxy = Command::new(env!("CARGO_BIN_EXE_runtask-proxy"));
    proxy.args(["--listen", "127.0.0.1:0", "--region", "us-east-1", "--static-dir", "/nonexistent"]);
    let mut child = support::without_aws(proxy).spawn().unwrap();
    let (_, started) = support::listening(&mut child);
    let _ = Command::new("kill").arg(child.id().to_string()).status();
    let _ = child.wait();
    assert!(started.contains("dry run: no AWS credentials"), "{started}");
    assert!(started.contains("nothing is sent"), "{started}");
}

/// Issue 9, item 8: a new user without credentials or region sees one line about it (and the
/// address), not the credential chain's and instance metadata's warnings.
#[test]
fn without_credentials_the_start_up_says_one_line() {
    let dir = std::env::temp_dir().join(format!("runtask-proxy-quiet-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html>").unwrap();
    // Instance metadata on a port where nothing listens: every probe fails, as off EC2.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_runtask-proxy"))
        .args(["--listen", "127.0.0.1:0", "--static-dir"])
        .arg(&dir)
        .env_clear()
        .env("HOME", &dir)
        .env("AWS_EC2_METADATA_SERVICE_ENDPOINT", format!("http://{closed}"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (url, before) = support::listening(&mut child);
    let _ = Command::new("kill").arg(child.id().to_string()).status();
    let _ = child.wait();
    std::fs::remove_dir_all(&dir).unwrap();
    let lines: Vec<&str> = before.lines().collect();
    assert_eq!(lines.len(), 1, "{before}");
    let line = lines[0];
    assert!(line.contains("dry run: no AWS credentials") && line.contains("nothing is sent"), "{line}");
    assert!(line.contains("AWS_PROFILE") && line.contains("--region"), "it says how to change it: {line}");
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
}

/// Issue 9, item 6: an environment entry with its `value` twice shows neither in the dry run.
#[tokio::test]
async fn a_duplicated_environment_value_is_masked_every_time() {
    let fake = Fake::start(vec![]).await;
    let proxy = runtask_proxy::start(runtask_proxy::Settings::new(fake.url(), "eu-west-1")).await.unwrap();
    let request = format!(
        r#"{{"cluster":"c","taskDefinition":"web:1","overrides":{{"containerOverrides":[{{"name":"app","environment":[{{"name":"K","value":"{ENV_SECRET}","value":"x-other-value"}}]}}]}}}}"#
    );
    let answer = Http::new().run_task(&proxy.url(), &request).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert!(!answer.text.contains(ENV_SECRET), "{}", answer.text);
    assert!(!answer.text.contains("x-other-value"), "{}", answer.text);
    let v = answer.json();
    assert_eq!(
        v["redacted"],
        serde_json::json!(["/overrides/containerOverrides/0/environment/0/value", "/overrides/containerOverrides/0/environment/0/value"]),
        "{v}"
    );
    proxy.stop().await.unwrap();
}
