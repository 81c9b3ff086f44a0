//! A fake ECS endpoint that records what it receives and misbehaves on request: it answers
//! DescribeTaskDefinition with a fixed task definition, and each other call with the next step
//! of a script (answer, hang, drop the connection) or, when the script is used up, a success.

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What to do with one request.
#[derive(Clone, Debug)]
pub enum Step {
    Answer(u16, String),
    /// Read the request and never answer.
    Hang,
    /// Read the request and close the connection without answering.
    Close,
}

impl Step {
    #[must_use]
    pub fn error(status: u16, code: &str, message: &str) -> Step {
        Step::Answer(status, serde_json::json!({"__type": code, "message": message}).to_string())
    }
}

/// One request as received.
#[derive(Clone, Debug)]
pub struct Received {
    /// The `X-Amz-Target` action, e.g. `RunTask`.
    pub action: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Whether the fake answered it with a 2xx (for RunTask: a launch).
    pub succeeded: bool,
}

impl Received {
    #[must_use]
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    #[must_use]
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    #[must_use]
    pub fn client_token(&self) -> Option<String> {
        let v: serde_json::Value = serde_json::from_slice(&self.body).ok()?;
        v.get("clientToken")?.as_str().map(str::to_owned)
    }

    /// The `Signature=` part of the Authorization header.
    #[must_use]
    pub fn signature(&self) -> Option<String> {
        self.header("authorization")?.split("Signature=").nth(1).map(str::to_owned)
    }
}

#[derive(Default)]
struct State {
    script: VecDeque<Step>,
    received: Vec<Received>,
}

/// A running fake; it stops when dropped with its runtime.
#[derive(Clone)]
pub struct Fake {
    pub addr: SocketAddr,
    state: Arc<Mutex<State>>,
}

pub const TASK_DEFINITION: &str = r#"{"taskDefinition":{"taskDefinitionArn":"arn:aws:ecs:us-east-1:123456789012:task-definition/web:1","family":"web","revision":1,"status":"ACTIVE","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],"cpu":"256","memory":"512","containerDefinitions":[{"name":"app","image":"nginx","memory":512,"essential":true,"environment":[{"name":"TD_VALUE","value":"td-plain-value-1234"}]}]}}"#;

/// A RunTask success naming the override environment as ECS echoes it.
#[must_use]
pub fn run_task_success(env_value: &str) -> String {
    serde_json::json!({
        "tasks": [{"taskArn": "arn:aws:ecs:us-east-1:123456789012:task/c/0123456789abcdef", "lastStatus": "PROVISIONING",
                   "overrides": {"containerOverrides": [{"name": "app", "environment": [{"name": "K", "value": env_value}]}]}}],
        "failures": []
    })
    .to_string()
}

impl Fake {
    /// Starts on a free loopback port, running `script` for the calls that are not
    /// DescribeTaskDefinition.
    pub async fn start(script: Vec<Step>) -> Fake {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(Mutex::new(State { script: script.into(), received: Vec::new() }));
        let s = state.clone();
        tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else { return };
                let s = s.clone();
                tokio::spawn(async move { serve(stream, s).await });
            }
        });
        Fake { addr, state }
    }

    #[must_use]
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    #[must_use]
    pub fn received(&self) -> Vec<Received> {
        self.state.lock().unwrap().received.clone()
    }

    /// The requests for `action`.
    #[must_use]
    pub fn calls(&self, action: &str) -> Vec<Received> {
        self.received().into_iter().filter(|r| r.action == action).collect()
    }
}

async fn serve(mut stream: TcpStream, state: Arc<Mutex<State>>) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(p) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break p + 4;
        }
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let headers: Vec<(String, String)> = head.lines().skip(1).filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned())).collect();
    let length: usize = headers.iter().find(|(k, _)| k == "content-length").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
    while buf.len() < head_end + length {
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let body = buf[head_end..head_end + length].to_vec();
    let action = headers.iter().find(|(k, _)| k == "x-amz-target").map(|(_, v)| v.rsplit('.').next().unwrap_or("").to_owned()).unwrap_or_default();
    let step = if action == "DescribeTaskDefinition" {
        Step::Answer(200, TASK_DEFINITION.to_owned())
    } else {
        let next = state.lock().unwrap().script.pop_front();
        next.unwrap_or_else(|| Step::Answer(200, if action == "RunTask" { run_task_success("from-fake") } else { r#"{"tasks":[],"failures":[]}"#.to_owned() }))
    };
    let succeeded = matches!(step, Step::Answer(s, _) if (200..300).contains(&s));
    state.lock().unwrap().received.push(Received { action, headers, body, succeeded });
    match step {
        Step::Answer(status, body) => {
            let response = format!(
                "HTTP/1.1 {status} X\r\ncontent-type: application/x-amz-json-1.1\r\nx-amzn-requestid: fake-request-id\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            let _ = stream.write_all(response.as_bytes()).await;
            let _ = stream.shutdown().await;
        }
        Step::Hang => tokio::time::sleep(Duration::from_secs(3600)).await,
        Step::Close => drop(stream),
    }
}
