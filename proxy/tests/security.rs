//! Who may call `/api/*`, body limits, allow-lists, and the non-loopback rule. Each refusal is
//! checked to send nothing upstream.

mod support;

use std::time::Duration;

use support::fake::Fake;
use support::{cors_headers, settings, Http};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const REQUEST: &str = r#"{"cluster":"c","taskDefinition":"web:1","launchType":"FARGATE","networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-0123456789abcdef0"]}}}"#;

async fn proxy() -> (Fake, runtask_proxy::Running) {
    let fake = Fake::start(vec![]).await;
    let running = runtask_proxy::start(settings(&fake.url())).await.unwrap();
    (fake, running)
}

/// A proxy serving the console's files from `dir`.
async fn serving(dir: &std::path::Path) -> runtask_proxy::Running {
    let fake = Fake::start(vec![]).await;
    let mut s = settings(&fake.url());
    s.static_dir = dir.to_owned();
    runtask_proxy::start(s).await.unwrap()
}

#[tokio::test]
async fn api_needs_the_console_header() {
    let (fake, proxy) = proxy().await;
    let http = Http::new();
    let base = proxy.url();
    for (method, path) in [("GET", "/api/status"), ("POST", "/api/run-task"), ("GET", "/api/tasks?tasks=t"), ("GET", "/api/task-definitions/web"), ("GET", "/api/other")] {
        let a = http.send(method, &format!("{base}{path}"), &[("content-type", "application/json")], REQUEST).await;
        assert_eq!(a.status, 403, "{method} {path}: {}", a.text);
        assert_eq!(a.json()["error"]["code"], "forbidden");
        assert!(cors_headers(&a.headers).is_empty());
        let wrong = http.send(method, &format!("{base}{path}"), &[("content-type", "application/json"), ("x-runtask-client", "other")], REQUEST).await;
        assert_eq!(wrong.status, 403);
    }
    // A form post, the classic cross-site request.
    let form = http.send("POST", &format!("{base}/api/run-task"), &[("content-type", "application/x-www-form-urlencoded")], "a=b").await;
    assert_eq!(form.status, 403);
    assert!(fake.received().is_empty());
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn origin_must_be_the_proxys_own_and_no_cors_headers_ever() {
    let (fake, proxy) = proxy().await;
    let http = Http::new();
    let base = proxy.url();
    let own = base.clone();
    let localhost = format!("http://localhost:{}", proxy.addr.port());
    for origin in [own.as_str(), localhost.as_str()] {
        let a = http.send("POST", &format!("{base}/api/run-task"), &[("x-runtask-client", "console"), ("content-type", "application/json"), ("origin", origin)], REQUEST).await;
        assert_eq!(a.status, 200, "{origin}: {}", a.text);
        assert!(cors_headers(&a.headers).is_empty(), "{:?}", a.headers);
    }
    for origin in ["http://evil.example", "null", "http://127.0.0.1:1", "https://127.0.0.1"] {
        let a = http.send("POST", &format!("{base}/api/run-task"), &[("x-runtask-client", "console"), ("content-type", "application/json"), ("origin", origin)], REQUEST).await;
        assert_eq!(a.status, 403, "{origin}: {}", a.text);
        assert!(a.json()["error"]["message"].as_str().unwrap().contains("Origin"));
        assert!(cors_headers(&a.headers).is_empty());
    }
    // A CORS preflight is refused and gets no CORS headers.
    let preflight = http
        .send(
            "OPTIONS",
            &format!("{base}/api/run-task"),
            &[("origin", "http://evil.example"), ("access-control-request-method", "POST"), ("access-control-request-headers", "x-runtask-client,content-type")],
            "",
        )
        .await;
    assert_eq!(preflight.status, 403);
    assert!(cors_headers(&preflight.headers).is_empty());
    // A DNS-rebound name: same-origin to the browser, but not this proxy's name.
    let rebound = http.send("GET", &format!("{base}/api/status"), &[("x-runtask-client", "console"), ("host", "attacker.example:80")], "").await;
    assert_eq!(rebound.status, 403, "{}", rebound.text);
    assert_eq!(fake.calls("RunTask").len(), 2);
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn bodies_over_64_kib_are_413_and_non_json_is_415() {
    let (fake, proxy) = proxy().await;
    let http = Http::new();
    let url = format!("{}/api/run-task", proxy.url());
    let big = format!(r#"{{"cluster":"c","taskDefinition":"web:1","startedBy":"{}"}}"#, "x".repeat(64 * 1024));
    let a = http.console("POST", &url, big.clone()).await;
    assert_eq!(a.status, 413, "{}", a.text);
    assert_eq!(a.json()["error"]["code"], "payload_too_large");

    // Chunked, so no Content-Length to refuse up front.
    let mut stream = tokio::net::TcpStream::connect(proxy.addr).await.unwrap();
    let head = format!("POST /api/run-task HTTP/1.1\r\nhost: {}\r\nx-runtask-client: console\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n", proxy.addr);
    stream.write_all(head.as_bytes()).await.unwrap();
    for chunk in big.as_bytes().chunks(8192) {
        if stream.write_all(format!("{:x}\r\n", chunk.len()).as_bytes()).await.is_err() {
            break;
        }
        let _ = stream.write_all(chunk).await;
        let _ = stream.write_all(b"\r\n").await;
    }
    let _ = stream.write_all(b"0\r\n\r\n").await;
    let mut answer = String::new();
    let _ = tokio::time::timeout(Duration::from_secs(5), stream.read_to_string(&mut answer)).await;
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");

    for content_type in ["text/plain", "application/x-www-form-urlencoded", "application/jsonx"] {
        let a = http.send("POST", &url, &[("x-runtask-client", "console"), ("content-type", content_type)], REQUEST).await;
        assert_eq!(a.status, 415, "{content_type}: {}", a.text);
        assert_eq!(a.json()["error"]["code"], "unsupported_media_type");
    }
    let none = http.send("POST", &url, &[("x-runtask-client", "console")], REQUEST).await;
    assert_eq!(none.status, 415);
    let with_charset = http.send("POST", &url, &[("x-runtask-client", "console"), ("content-type", "Application/JSON; charset=utf-8")], REQUEST).await;
    assert_eq!(with_charset.status, 200, "{}", with_charset.text);
    assert_eq!(fake.calls("RunTask").len(), 1);
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn allow_lists_answer_403_with_the_reason_and_send_nothing() {
    let fake = Fake::start(vec![]).await;
    let mut s = settings(&fake.url());
    s.allow_clusters = vec!["prod".into()];
    s.allow_task_definitions = vec!["web".into()];
    let proxy = runtask_proxy::start(s).await.unwrap();
    let http = Http::new();
    let base = proxy.url();
    for (body, word) in [
        (r#"{"taskDefinition":"web:1","launchType":"FARGATE","networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-0123456789abcdef0"]}}}"#, "default"),
        (r#"{"cluster":"dev","taskDefinition":"web:1","launchType":"FARGATE","networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-0123456789abcdef0"]}}}"#, "dev"),
        (r#"{"cluster":"arn:aws:ecs:us-east-1:123456789012:cluster/dev","taskDefinition":"web:1","launchType":"FARGATE","networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-0123456789abcdef0"]}}}"#, "dev"),
        (r#"{"cluster":"prod","taskDefinition":"batch:1","launchType":"FARGATE","networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-0123456789abcdef0"]}}}"#, "batch"),
    ] {
        let a = http.run_task(&base, body).await;
        assert_eq!(a.status, 403, "{body}: {}", a.text);
        let v = a.json();
        assert_eq!(v["error"]["code"], "not_allowed");
        assert!(v["error"]["message"].as_str().unwrap().contains(word), "{v}");
    }
    // A duplicate `cluster` could be read differently by ECS than by the allow-list.
    let dup = http.run_task(&base, r#"{"cluster":"prod","taskDefinition":"web:1","cluster":"dev"}"#).await;
    assert_eq!(dup.status, 422, "{}", dup.text);
    let tasks = http.console("GET", &format!("{base}/api/tasks?cluster=dev&tasks=t"), "").await;
    assert_eq!(tasks.status, 403);
    let td = http.console("GET", &format!("{base}/api/task-definitions/batch:2"), "").await;
    assert_eq!(td.status, 403);
    assert!(fake.received().is_empty(), "{:?}", fake.received());

    let ok = http.run_task(&base, r#"{"cluster":"arn:aws:ecs:us-east-1:123456789012:cluster/prod","taskDefinition":"web:1","launchType":"FARGATE","networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-0123456789abcdef0"]}}}"#).await;
    assert_eq!(ok.status, 200, "{}", ok.text);
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn a_non_loopback_address_needs_a_token() {
    let mut s = settings("http://127.0.0.1:9");
    s.listen = "0.0.0.0:0".parse().unwrap();
    match runtask_proxy::start(s.clone()).await {
        Err(runtask_proxy::StartError::NeedsToken(_)) => {}
        Err(e) => panic!("{e}"),
        Ok(_) => panic!("started on 0.0.0.0 without a token"),
    }

    // The binary refuses too, before binding anything.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_runtask-proxy"))
        .args(["--listen", "0.0.0.0:0", "--endpoint-url", "http://127.0.0.1:9", "--region", "us-east-1"])
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--auth-token-env") && stderr.contains("0.0.0.0"), "{stderr}");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_runtask-proxy"))
        .args(["--listen", "0.0.0.0:0", "--auth-token-env", "RUNTASK_TEST_UNSET_TOKEN"])
        .env_remove("RUNTASK_TEST_UNSET_TOKEN")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("RUNTASK_TEST_UNSET_TOKEN is not set"));
}

#[tokio::test]
async fn with_a_token_api_needs_the_bearer() {
    let fake = Fake::start(vec![]).await;
    let mut s = settings(&fake.url());
    s.listen = "0.0.0.0:0".parse().unwrap();
    s.auth_token = Some("a-long-enough-test-token".into());
    let proxy = runtask_proxy::start(s).await.unwrap();
    let http = Http::new();
    let url = format!("http://127.0.0.1:{}/api/status", proxy.addr.port());
    let none = http.console("GET", &url, "").await;
    assert_eq!(none.status, 401);
    assert_eq!(none.json()["error"]["code"], "unauthorized");
    assert_eq!(none.headers.get("www-authenticate").unwrap(), "Bearer");
    let wrong = http.send("GET", &url, &[("x-runtask-client", "console"), ("authorization", "Bearer a-long-enough-test-tokeX")], "").await;
    assert_eq!(wrong.status, 401);
    let right = http.send("GET", &url, &[("x-runtask-client", "console"), ("authorization", "Bearer a-long-enough-test-token")], "").await;
    assert_eq!(right.status, 200, "{}", right.text);
    assert_eq!(right.json()["authRequired"], true);
    assert!(!right.text.contains("a-long-enough-test-token"));
    // Still needs the console header.
    let no_header = http.send("GET", &url, &[("authorization", "Bearer a-long-enough-test-token")], "").await;
    assert_eq!(no_header.status, 403);
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn other_paths_serve_the_console_and_unknown_api_paths_are_json() {
    let dir = std::env::temp_dir().join(format!("runtask-proxy-static-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><title>console</title>").unwrap();
    std::fs::write(dir.join("app.js"), "console.log(1)").unwrap();
    let proxy = serving(&dir).await;
    let http = Http::new();
    let base = proxy.url();
    let index = http.send("GET", &format!("{base}/"), &[], "").await;
    assert_eq!(index.status, 200);
    assert!(index.text.contains("<title>console</title>"));
    assert_eq!(index.headers.get("x-content-type-options").unwrap(), "nosniff");
    assert_eq!(index.headers.get("x-frame-options").unwrap(), "DENY");
    assert!(cors_headers(&index.headers).is_empty());
    let js = http.send("GET", &format!("{base}/app.js"), &[], "").await;
    assert_eq!(js.status, 200);
    assert!(js.headers.get("content-type").unwrap().to_str().unwrap().contains("javascript"));
    assert_eq!(http.send("GET", &format!("{base}/missing.txt"), &[], "").await.status, 404);
    assert_eq!(http.send("GET", &format!("{base}/../Cargo.toml"), &[], "").await.status, 404);

    let unknown = http.console("GET", &format!("{base}/api/unknown"), "").await;
    assert_eq!(unknown.status, 404);
    assert_eq!(unknown.json()["error"]["code"], "not_found");
    let wrong_method = http.console("GET", &format!("{base}/api/run-task"), "").await;
    assert_eq!(wrong_method.status, 405, "{}", wrong_method.text);
    assert_eq!(wrong_method.json()["error"]["code"], "method_not_allowed");
    let status = http.console("GET", &format!("{base}/api/status"), "").await;
    assert_eq!(status.headers.get("cache-control").unwrap(), "no-store");
    proxy.stop().await.unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Issue 9, item 7: no dotfiles, nothing reached through a symbolic link that leaves the
/// directory, however the path is spelled.
#[cfg(unix)]
#[tokio::test]
async fn static_files_never_include_dotfiles_or_escape_through_symlinks() {
    let root = std::env::temp_dir().join(format!("runtask-proxy-static-escape-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let dir = root.join("dist");
    let outside = root.join("outside");
    std::fs::create_dir_all(dir.join("assets")).unwrap();
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><title>console</title>").unwrap();
    std::fs::write(dir.join("assets/app.js"), "console.log(1)").unwrap();
    std::fs::write(dir.join(".env"), "SECRET_IN_DOTFILE=1").unwrap();
    std::fs::write(dir.join(".git/config"), "SECRET_IN_DOTDIR=1").unwrap();
    std::fs::write(outside.join("secret.txt"), "SECRET_OUTSIDE=1").unwrap();
    std::os::unix::fs::symlink(outside.join("secret.txt"), dir.join("linked.txt")).unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("linked-dir")).unwrap();
    std::os::unix::fs::symlink(dir.join("assets/app.js"), dir.join("inside-link.js")).unwrap();

    let proxy = serving(&dir).await;
    let http = Http::new();
    let base = proxy.url();
    assert_eq!(http.send("GET", &format!("{base}/assets/app.js"), &[], "").await.status, 200);
    assert_eq!(http.send("GET", &format!("{base}/"), &[], "").await.status, 200);
    // A link that stays inside the directory is followed.
    assert_eq!(http.send("GET", &format!("{base}/inside-link.js"), &[], "").await.status, 200);
    for path in ["/.env", "/%2eenv", "/.git/config", "/%2Egit/config", "/assets/../.env", "/assets/%2e%2e/.env", "/linked.txt", "/linked-dir/secret.txt", "/linked%2ddir/secret.txt"] {
        let a = http.send("GET", &format!("{base}{path}"), &[], "").await;
        assert_eq!(a.status, 404, "{path}: {}", a.text);
        assert!(!a.text.contains("SECRET"), "{path}: {}", a.text);
    }
    proxy.stop().await.unwrap();
    std::fs::remove_dir_all(&root).unwrap();
}

/// Issue 9, item 9: a token that cannot match (spaces, control characters) is refused at
/// start-up, by the library and by the binary.
#[tokio::test]
async fn a_token_that_could_never_match_is_refused_at_start_up() {
    for bad in ["                        ", " padded-token-with-spaces-1 ", "token with inner spaces 123", "tab\there-and-long-enough-x"] {
        let mut s = settings("http://127.0.0.1:9");
        s.auth_token = Some(bad.into());
        match runtask_proxy::start(s).await {
            Err(runtask_proxy::StartError::Config(m)) => assert!(m.contains("token"), "{m}"),
            Err(e) => panic!("{bad:?}: {e}"),
            Ok(running) => {
                running.stop().await.unwrap();
                panic!("started with the token {bad:?}");
            }
        }
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_runtask-proxy"))
            .args(["--listen", "127.0.0.1:0", "--region", "us-east-1", "--auth-token-env", "RUNTASK_TEST_BAD_TOKEN"])
            .env_clear()
            .env("RUNTASK_TEST_BAD_TOKEN", bad)
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("RUNTASK_TEST_BAD_TOKEN") && stderr.contains("space"), "{stderr}");
    }
}

/// Issue 9, item 6: refusals do not tell the caller where the proxy listens.
#[tokio::test]
async fn refusals_do_not_name_the_bind_address() {
    let (_fake, proxy) = proxy().await;
    let port = proxy.addr.port().to_string();
    let http = Http::new();
    let rebound = http.send("GET", &format!("{}/api/status", proxy.url()), &[("x-runtask-client", "console"), ("host", "attacker.example")], "").await;
    assert_eq!(rebound.status, 403, "{}", rebound.text);
    assert!(!rebound.text.contains(&port) && !rebound.text.contains("127.0.0.1"), "{}", rebound.text);
    proxy.stop().await.unwrap();
}

/// Issue 9, item 5: with an allow-list and no `--allow-role`, the proxy says at start-up that
/// role overrides are refused.
#[test]
fn the_binary_says_when_role_overrides_are_refused() {
    let mut proxy = std::process::Command::new(env!("CARGO_BIN_EXE_runtask-proxy"));
    proxy.args(["--listen", "127.0.0.1:0", "--region", "us-east-1", "--allow-cluster", "prod", "--static-dir", "/nonexistent"]);
    let mut child = support::without_aws(proxy).spawn().unwrap();
    let (_, before) = support::listening(&mut child);
    let _ = child.kill();
    let _ = child.wait();
    assert!(before.contains("role overrides") && before.contains("--allow-role"), "{before}");
}
