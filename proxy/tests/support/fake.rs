//! A fake ECS endpoint that records what it receives and misbehaves on request: it answers
//! DescribeTaskDefinition with a fixed task definition, RunTask and DescribeTasks with the next
//! step of a script (answer, hang, drop the connection) or, when the script is used up, a success,
//! and any other call (the live pre-flight's lookups) with an `UnknownOperationException`, which
//! the pre-flight reports as a check it could not make, without using up the script.
//!
//! In front of moto ([`Fake::in_front_of`]) it is a fault-injecting forwarder instead: every call
//! but DescribeTaskDefinition goes to moto, which launches real tasks, and a script step decides
//! what the proxy then sees of moto's answer: all of it, all of it once the test opens a
//! [`Gate`], nothing (the connection closes), or half of it (the connection is reset).

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, Semaphore};

/// Holds an answer back until the test opens it.
#[derive(Clone, Debug)]
pub struct Gate(Arc<Semaphore>);

impl Default for Gate {
    fn default() -> Self {
        Gate(Arc::new(Semaphore::new(0)))
    }
}

impl Gate {
    /// Lets every held answer through, now and later.
    pub fn open(&self) {
        self.0.add_permits(Semaphore::MAX_PERMITS / 2);
    }

    async fn pass(&self) {
        let _ = self.0.acquire().await.map(tokio::sync::SemaphorePermit::forget);
    }
}

/// What to do with one request.
#[derive(Clone, Debug)]
pub enum Step {
    Answer(u16, String),
    /// Read the request and never answer.
    Hang,
    /// Read the request and close the connection without answering.
    Close,
    /// In front of moto: forward and pass moto's answer on (what happens once the script is used
    /// up).
    Forward,
    /// In front of moto: forward, then pass moto's answer on once the gate opens.
    HoldAnswer(Gate),
    /// In front of moto: forward (so the task launches), then close without answering.
    ForwardThenClose,
    /// In front of moto: forward, then send the head and half of the answer's body and reset the
    /// connection.
    ForwardThenReset,
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
    /// moto, when the fake forwards.
    upstream: Option<SocketAddr>,
}

/// A running fake; it stops when dropped with its runtime.
#[derive(Clone)]
pub struct Fake {
    pub addr: SocketAddr,
    state: Arc<Mutex<State>>,
    arrived: Arc<Notify>,
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
        Self::start_with(script, None).await
    }

    /// A forwarder to moto at `upstream`: each call that is not DescribeTaskDefinition runs the
    /// next step of `script` (forwarding as is once it is used up).
    pub async fn in_front_of(upstream: SocketAddr, script: Vec<Step>) -> Fake {
        Self::start_with(script, Some(upstream)).await
    }

    async fn start_with(script: Vec<Step>, upstream: Option<SocketAddr>) -> Fake {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(Mutex::new(State { script: script.into(), received: Vec::new(), upstream }));
        let arrived = Arc::new(Notify::new());
        let (s, a) = (state.clone(), arrived.clone());
        tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else { return };
                let (s, a) = (s.clone(), a.clone());
                tokio::spawn(async move { serve(stream, s, a).await });
            }
        });
        Fake { addr, state, arrived }
    }

    /// Waits until `n` calls of `action` have arrived (and, in front of moto, reached it).
    pub async fn arrivals(&self, action: &str, n: usize) {
        let wait = async {
            loop {
                let notified = self.arrived.notified();
                if self.calls(action).len() >= n {
                    return;
                }
                notified.await;
            }
        };
        tokio::time::timeout(Duration::from_secs(120), wait).await.unwrap_or_else(|_| panic!("{n} {action} calls did not arrive within 120 s"));
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

async fn serve(mut stream: TcpStream, state: Arc<Mutex<State>>, arrived: Arc<Notify>) {
    let Some((headers, body)) = read_request(&mut stream).await else { return };
    let action = headers.iter().find(|(k, _)| k == "x-amz-target").map(|(_, v)| v.rsplit('.').next().unwrap_or("").to_owned()).unwrap_or_default();
    let upstream = state.lock().unwrap().upstream;
    let step = match (action.as_str(), upstream) {
        // Also in front of moto: the faults are for the other calls, and a short RunTask
        // deadline must not catch a slow DescribeTaskDefinition.
        ("DescribeTaskDefinition", _) => Step::Answer(200, TASK_DEFINITION.to_owned()),
        (other, _) if other != "RunTask" && other != "DescribeTasks" => match upstream {
            Some(_) => Step::Forward,
            None => Step::Answer(400, r#"{"__type":"UnknownOperationException","message":"the fake ECS answers RunTask, DescribeTasks and DescribeTaskDefinition"}"#.to_owned()),
        },
        _ => {
            let next = state.lock().unwrap().script.pop_front();
            next.unwrap_or_else(|| match upstream {
                Some(_) => Step::Forward,
                None => Step::Answer(200, if action == "RunTask" { run_task_success("from-fake") } else { r#"{"tasks":[],"failures":[]}"#.to_owned() }),
            })
        }
    };
    // In front of moto, the call reaches moto first, as it would reach ECS, whatever the proxy
    // then sees of the answer.
    let forwarded = match (upstream, &step) {
        (Some(moto), Step::Forward | Step::HoldAnswer(_) | Step::ForwardThenClose | Step::ForwardThenReset) => {
            let headers: Vec<(String, String)> = headers.iter().filter(|(k, _)| !["host", "connection", "content-length"].contains(&k.as_str())).cloned().collect();
            let text = String::from_utf8_lossy(&body).into_owned();
            Some(
                tokio::task::spawn_blocking(move || {
                    let pairs: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                    super::moto::post(moto, &pairs, &text)
                })
                .await
                .unwrap(),
            )
        }
        _ => None,
    };
    let succeeded = match (&forwarded, &step) {
        (Some((status, _)), _) | (None, Step::Answer(status, _)) => (200..300).contains(status),
        _ => false,
    };
    state.lock().unwrap().received.push(Received { action, headers, body, succeeded });
    arrived.notify_waiters();
    let (status, text) = match (&step, forwarded) {
        (_, Some(answer)) => answer,
        (Step::Answer(status, text), None) => (*status, text.clone()),
        (Step::Hang, None) => {
            tokio::time::sleep(Duration::from_secs(3600)).await;
            return;
        }
        _ => return drop(stream),
    };
    let head = format!(
        "HTTP/1.1 {status} X\r\ncontent-type: application/x-amz-json-1.1\r\nx-amzn-requestid: fake-request-id\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        text.len()
    );
    match step {
        Step::ForwardThenClose => drop(stream),
        Step::ForwardThenReset => {
            let _ = stream.write_all(head.as_bytes()).await;
            let _ = stream.write_all(&text.as_bytes()[..text.len() / 2]).await;
            let _ = stream.flush().await;
            // An RST instead of a FIN.
            let _ = stream.set_zero_linger();
            drop(stream);
        }
        step => {
            if let Step::HoldAnswer(gate) = step {
                gate.pass().await;
            }
            let _ = stream.write_all(head.as_bytes()).await;
            let _ = stream.write_all(text.as_bytes()).await;
            let _ = stream.shutdown().await;
        }
    }
}

/// The headers (names lower-cased) and body of one HTTP/1.1 request with a Content-Length.
async fn read_request(stream: &mut TcpStream) -> Option<(Vec<(String, String)>, Vec<u8>)> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(p) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break p + 4;
        }
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return None,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let headers: Vec<(String, String)> = head.lines().skip(1).filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned())).collect();
    let length: usize = headers.iter().find(|(k, _)| k == "content-length").and_then(|(_, v)| v.parse().ok()).unwrap_or(0);
    while buf.len() < head_end + length {
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return None,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    Some((headers, buf[head_end..head_end + length].to_vec()))
}
