//! The latency runtask-proxy adds: a trivial upstream (a fixed RunTask answer) called directly,
//! and through the proxy (DescribeTaskDefinition, validation with the task definition, clientToken,
//! SigV4 signing, RunTask), sequentially over keep-alive connections, interleaved so that both
//! see the same machine load. Also the proxy's own CPU work alone: validation + token + signing.
//!
//! The task definition is a pinned revision, so after the first request the proxy serves it from
//! its cache: each proxied request is one upstream round trip, like a direct one.
//!
//! `cargo bench -p runtask-proxy` (release build). `RUNTASK_BENCH_N` sets the number of requests.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use aws_credential_types::provider::SharedCredentialsProvider;
use aws_credential_types::Credentials;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::service::service_fn;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::{TokioExecutor, TokioIo};
use runtask_proxy::upstream::{Action, RetryPolicy, Upstream};

const REQUEST: &str = r#"{
  "cluster": "production",
  "taskDefinition": "web:42",
  "launchType": "FARGATE",
  "platformVersion": "LATEST",
  "count": 1,
  "startedBy": "runtask-console",
  "group": "family:web",
  "enableExecuteCommand": false,
  "propagateTags": "TASK_DEFINITION",
  "networkConfiguration": {
    "awsvpcConfiguration": {
      "subnets": ["subnet-0a1b2c3d4e5f67890", "subnet-0fedcba9876543210"],
      "securityGroups": ["sg-0123456789abcdef0"],
      "assignPublicIp": "DISABLED"
    }
  },
  "overrides": {
    "cpu": "512",
    "memory": "1024",
    "containerOverrides": [
      {
        "name": "app",
        "command": ["bundle", "exec", "rake", "db:migrate"],
        "environment": [
          {"name": "RAILS_ENV", "value": "production"},
          {"name": "LOG_LEVEL", "value": "info"}
        ],
        "cpu": 256,
        "memory": 512
      }
    ]
  },
  "tags": [
    {"key": "team", "value": "payments"},
    {"key": "purpose", "value": "migration"}
  ]
}"#;

const TASK_DEFINITION: &str = r#"{"taskDefinition":{"taskDefinitionArn":"arn:aws:ecs:us-east-1:123456789012:task-definition/web:42","family":"web","revision":42,"status":"ACTIVE","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"512","memory":"1024","containerDefinitions":[{"name":"app","image":"123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.2.3","memory":512,"essential":true}]}}"#;
const RUN_TASK: &str = r#"{"tasks":[{"taskArn":"arn:aws:ecs:us-east-1:123456789012:task/production/0123456789abcdef0123456789abcdef","lastStatus":"PROVISIONING","desiredStatus":"RUNNING"}],"failures":[]}"#;

/// An upstream that answers every call at once.
async fn trivial_upstream() -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else { return };
            let _ = stream.set_nodelay(true);
            tokio::spawn(async move {
                let service = service_fn(|request: hyper::Request<hyper::body::Incoming>| async move {
                    let describe = request.headers().get("x-amz-target").is_some_and(|t| t.as_bytes().ends_with(b"DescribeTaskDefinition"));
                    let _ = request.into_body().collect().await;
                    Ok::<_, Infallible>(hyper::Response::new(Full::new(Bytes::from_static(if describe { TASK_DEFINITION } else { RUN_TASK }.as_bytes()))))
                });
                let _ = hyper::server::conn::http1::Builder::new().serve_connection(TokioIo::new(stream), service).await;
            });
        }
    });
    addr
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn micros(d: Duration) -> String {
    format!("{:.0} µs", d.as_secs_f64() * 1e6)
}

fn main() {
    // `cargo bench` passes `--bench`; ignore arguments.
    let n: usize = std::env::var("RUNTASK_BENCH_N").ok().and_then(|v| v.parse().ok()).unwrap_or(5000);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    runtime.block_on(async move {
        let upstream = trivial_upstream().await;
        let credentials = SharedCredentialsProvider::new(Credentials::new("AKIDBENCH", "bench-secret", Some("bench-session".into()), None, "bench"));
        let settings = runtask_proxy::Settings::new(format!("http://{upstream}"), "us-east-1").with_credentials(credentials.clone());
        let proxy = runtask_proxy::start(settings).await.unwrap();

        let mut http = HttpConnector::new();
        http.set_nodelay(true);
        let client: Client<HttpConnector, Full<Bytes>> = Client::builder(TokioExecutor::new()).build(http);
        let direct_url = format!("http://{upstream}/");
        let proxy_url = format!("{}/api/run-task", proxy.url());
        let call = |url: String, proxied: bool| {
            let client = client.clone();
            async move {
                let mut r = hyper::Request::post(url).header("content-type", if proxied { "application/json" } else { "application/x-amz-json-1.1" });
                r = if proxied { r.header("x-runtask-client", "console") } else { r.header("x-amz-target", "AmazonEC2ContainerServiceV20141113.RunTask") };
                let started = Instant::now();
                let response = client.request(r.body(Full::new(Bytes::from_static(REQUEST.as_bytes()))).unwrap()).await.unwrap();
                let status = response.status();
                let _ = response.into_body().collect().await.unwrap();
                assert!(status.is_success(), "{status}");
                started.elapsed()
            }
        };
        for _ in 0..500 {
            call(direct_url.clone(), false).await;
            call(proxy_url.clone(), true).await;
        }
        let mut direct = Vec::with_capacity(n);
        let mut proxied = Vec::with_capacity(n);
        for _ in 0..n {
            direct.push(call(direct_url.clone(), false).await);
            proxied.push(call(proxy_url.clone(), true).await);
        }

        // The proxy's CPU work alone.
        let signer = Upstream::new(&format!("http://{upstream}"), "us-east-1", Some(credentials), RetryPolicy::default()).unwrap();
        let mut work = Vec::with_capacity(n);
        for _ in 0..n {
            let started = Instant::now();
            let options = runtask_core::Options { task_definition: Some(TASK_DEFINITION.to_owned()), ..Default::default() };
            let report = runtask_core::check_bytes(REQUEST.as_bytes(), &options).unwrap();
            assert!(!report.has_errors(), "{:?}", report.diagnostics);
            let text = runtask_proxy::request::insert_client_token(REQUEST, &uuid::Uuid::new_v4().to_string()).unwrap();
            let again = runtask_core::check_bytes(text.as_bytes(), &options).unwrap();
            assert!(!again.has_errors());
            let body = Bytes::from(text);
            let shown = signer.show(Action::RunTask, &body, String::new()).await.unwrap();
            std::hint::black_box(shown);
            work.push(started.elapsed());
        }
        proxy.stop().await.unwrap();

        let mut paired: Vec<Duration> = proxied.iter().zip(&direct).map(|(p, d)| p.saturating_sub(*d)).collect();
        paired.sort();
        direct.sort();
        proxied.sort();
        work.sort();
        let mut added: Vec<Duration> = Vec::new();
        for p in [0.5, 0.9, 0.99] {
            added.push(percentile(&proxied, p).saturating_sub(percentile(&direct, p)));
        }
        println!("runtask-proxy latency, {n} sequential RunTask requests each way ({} bytes), trivial upstream on loopback", REQUEST.len());
        println!();
        println!("| | p50 | p90 | p99 |");
        println!("|---|---|---|---|");
        println!("| direct to the upstream | {} | {} | {} |", micros(percentile(&direct, 0.5)), micros(percentile(&direct, 0.9)), micros(percentile(&direct, 0.99)));
        println!("| through the proxy | {} | {} | {} |", micros(percentile(&proxied, 0.5)), micros(percentile(&proxied, 0.9)), micros(percentile(&proxied, 0.99)));
        println!("| added by the proxy (difference) | {} | {} | {} |", micros(added[0]), micros(added[1]), micros(added[2]));
        println!("| added, per interleaved pair | {} | {} | {} |", micros(percentile(&paired, 0.5)), micros(percentile(&paired, 0.9)), micros(percentile(&paired, 0.99)));
        println!("| validation ×2 + token + SigV4 alone | {} | {} | {} |", micros(percentile(&work, 0.5)), micros(percentile(&work, 0.9)), micros(percentile(&work, 0.99)));
    });
}
