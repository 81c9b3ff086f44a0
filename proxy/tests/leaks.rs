//! Credentials, signatures, the auth token and environment override values never appear in an
//! answer, a log line or an error message: every path is driven with logging at `trace`, then the
//! captured logs (in-process, and the real binary's stderr) and every answer are searched.

mod support;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use support::fake::{run_task_success, Fake, Step};
use support::{settings, Http, ENV_SECRET, SECRET_ACCESS_KEY, SESSION_TOKEN};

const TOKEN: &str = "auth-token-never-logged-42a7c1";

/// The request, with a secret environment override.
fn request() -> String {
    serde_json::json!({
        "cluster": "c", "taskDefinition": "web:1", "launchType": "FARGATE",
        "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
        "overrides": {"containerOverrides": [{"name": "app", "environment": [{"name": "API_KEY", "value": ENV_SECRET}]}]}
    })
    .to_string()
}

/// Everything logged in this test binary, through the proxy's own filter at `trace`.
fn logs() -> &'static support::Capture {
    support::captured_logs("trace")
}

fn assert_clean(what: &str, text: &str, secrets: &[String]) {
    for s in secrets {
        assert!(!text.contains(s.as_str()), "{what} contains the secret `{s}`:\n{text}");
    }
}

fn secrets(fake: &Fake) -> Vec<String> {
    let mut out: Vec<String> = [SECRET_ACCESS_KEY, SESSION_TOKEN, ENV_SECRET, TOKEN].iter().map(|s| (*s).to_owned()).collect();
    let signatures: Vec<String> = fake.received().iter().filter_map(support::fake::Received::signature).collect();
    assert!(!signatures.is_empty(), "the fake saw no signed request");
    out.extend(signatures);
    out
}

#[tokio::test]
async fn nothing_secret_in_answers_or_logs() {
    let capture = logs();
    let fake = Fake::start(vec![
        Step::Answer(200, run_task_success(ENV_SECRET)),
        Step::error(400, "InvalidParameterException", &format!("Environment value {ENV_SECRET} is not valid")),
        Step::error(500, "ServerException", "retry me"),
        Step::Answer(200, run_task_success(ENV_SECRET)),
        Step::Hang,
        Step::Close,
        Step::Answer(200, serde_json::json!({"tasks": [{"overrides": {"containerOverrides": [{"environment": [{"name": "A", "value": ENV_SECRET}]}]}}], "failures": []}).to_string()),
    ])
    .await;
    let mut s = settings(&fake.url());
    s.retry.attempt_timeout = Duration::from_millis(500);
    let proxy = runtask_proxy::start(s).await.unwrap();
    let http = Http::new();
    let base = proxy.url();
    let mut answers = Vec::new();
    for _ in 0..5 {
        answers.push(http.run_task(&base, &request()).await);
    }
    answers.push(http.console("GET", &format!("{base}/api/tasks?cluster=c&tasks=t"), "").await);
    answers.push(http.console("GET", &format!("{base}/api/task-definitions/web:1"), "").await);
    // Refused requests that carry the secret.
    let invalid = serde_json::json!({"taskDefinition": "web:1", "count": 99, "overrides": {"containerOverrides": [{"name": "app", "environment": [{"name": "A", "value": ENV_SECRET, "extra": ENV_SECRET}]}]}});
    answers.push(http.run_task(&base, &invalid.to_string()).await);
    answers.push(http.run_task(&base, &format!("{{\"env\": \"{ENV_SECRET}\",,}}")).await);
    let statuses: Vec<u16> = answers.iter().map(|a| a.status).collect();
    assert_eq!(statuses, vec![200, 400, 200, 504, 502, 200, 200, 422, 422], "{answers:#?}");
    proxy.stop().await.unwrap();

    // A dry run with credentials signs, then redacts.
    let mut dry = settings(&fake.url());
    dry.dry_run_reason = Some("started with --dry-run".into());
    let dry = runtask_proxy::start(dry).await.unwrap();
    let shown = http.run_task(&dry.url(), &request()).await;
    assert_eq!(shown.status, 200, "{}", shown.text);
    let v = shown.json();
    assert_eq!(v["dryRun"], true);
    assert_eq!(v["request"]["headers"]["authorization"], "<redacted>");
    assert_eq!(v["request"]["headers"]["x-amz-security-token"], "<redacted>");
    assert_eq!(v["redacted"], serde_json::json!(["/overrides/containerOverrides/0/environment/0/value"]));
    answers.push(shown);
    dry.stop().await.unwrap();

    // A token-protected proxy.
    let mut guarded = settings(&fake.url());
    guarded.listen = "0.0.0.0:0".parse().unwrap();
    guarded.auth_token = Some(TOKEN.into());
    let guarded = runtask_proxy::start(guarded).await.unwrap();
    let url = format!("http://127.0.0.1:{}/api/run-task", guarded.addr.port());
    let bearer = format!("Bearer {TOKEN}");
    answers.push(http.send("POST", &url, &[("x-runtask-client", "console"), ("content-type", "application/json"), ("authorization", &bearer)], request()).await);
    answers.push(http.send("POST", &url, &[("x-runtask-client", "console"), ("content-type", "application/json"), ("authorization", "Bearer wrong")], request()).await);
    assert_eq!(answers[answers.len() - 2].status, 200);
    assert_eq!(answers[answers.len() - 1].status, 401);
    guarded.stop().await.unwrap();

    let secrets = secrets(&fake);
    for a in &answers {
        assert_clean("an answer", &format!("{:?}\n{}", a.headers, a.text), &secrets);
    }
    let logged = capture.text();
    assert!(logged.contains("RunTask sent") && logged.contains("retrying ECS call") && logged.contains("ECS call failed"), "{logged}");
    assert!(logged.contains("DEBUG") || logged.contains("TRACE"), "the capture runs at trace level");
    assert_clean("the log", &logged, &secrets);
}

#[tokio::test]
async fn nothing_secret_on_the_binarys_stderr() {
    let fake = Fake::start(vec![Step::error(400, "ClientException", &format!("bad {ENV_SECRET}")), Step::Answer(200, run_task_success(ENV_SECRET))]).await;
    let mut child = Command::new(env!("CARGO_BIN_EXE_runtask-proxy"))
        .args(["--listen", "127.0.0.1:0", "--auth-token-env", "RUNTASK_TEST_TOKEN", "--upstream-timeout", "2"])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("RUST_LOG", "trace,aws_sigv4=trace,hyper=trace")
        .env("AWS_ACCESS_KEY_ID", support::ACCESS_KEY_ID)
        .env("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY)
        .env("AWS_SESSION_TOKEN", SESSION_TOKEN)
        .env("AWS_REGION", "us-east-1")
        .env("AWS_ENDPOINT_URL_ECS", fake.url())
        // The live pre-flight's other services (EC2, IAM, ...) too: nothing leaves loopback.
        .env("AWS_ENDPOINT_URL", fake.url())
        .env("AWS_CONFIG_FILE", "/nonexistent/runtask-config")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/runtask-credentials")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("RUNTASK_TEST_TOKEN", TOKEN)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = Arc::new(Mutex::new(String::new()));
    let (tx, rx) = std::sync::mpsc::channel();
    let sink = stderr.clone();
    let reader = BufReader::new(child.stderr.take().unwrap());
    let pump = std::thread::spawn(move || {
        for line in reader.lines().map_while(Result::ok) {
            if let Some(url) = line.strip_prefix("runtask-proxy listening on ") {
                let _ = tx.send(url.to_owned());
            }
            let mut s = sink.lock().unwrap();
            s.push_str(&line);
            s.push('\n');
        }
    });
    let base = match rx.recv_timeout(Duration::from_secs(30)) {
        Ok(url) => url,
        Err(_) => {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the proxy did not start: {}", stderr.lock().unwrap());
        }
    };
    let http = Http::new();
    let bearer = format!("Bearer {TOKEN}");
    let headers = [("x-runtask-client", "console"), ("content-type", "application/json"), ("authorization", bearer.as_str())];
    let status = http.send("GET", &format!("{base}/api/status"), &headers, "").await;
    assert_eq!(status.json()["dryRun"], false, "{}", status.text);
    let mut answers = vec![status];
    answers.push(http.send("POST", &format!("{base}/api/run-task"), &headers, request()).await);
    answers.push(http.send("POST", &format!("{base}/api/run-task"), &headers, request()).await);
    answers.push(http.send("POST", &format!("{base}/api/run-task"), &[("x-runtask-client", "console"), ("content-type", "application/json"), ("authorization", "Bearer nope")], request()).await);
    assert_eq!(answers.iter().map(|a| a.status).collect::<Vec<_>>(), vec![200, 400, 200, 401]);

    // SIGTERM: a graceful stop.
    let _ = Command::new("kill").arg(child.id().to_string()).status();
    let exit = child.wait().unwrap();
    pump.join().unwrap();
    assert!(exit.success(), "{exit:?}");
    let logged = stderr.lock().unwrap().clone();
    assert!(logged.contains("RunTask sent"), "{logged}");
    let secrets = secrets(&fake);
    assert_clean("the binary's stderr", &logged, &secrets);
    for a in &answers {
        assert_clean("an answer", &format!("{:?}\n{}", a.headers, a.text), &secrets);
    }
}
