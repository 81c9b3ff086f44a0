//! moto's server as a real local ECS endpoint: one per test binary, on a free loopback port,
//! seeded with what a Fargate RunTask needs (a VPC with DNS hostnames, a subnet, a security
//! group, a task definition whose container sets `memory`). Each test makes its own cluster.
//!
//! moto_server is found at `$RUNTASK_MOTO_SERVER` or `.tools/venv/bin/moto_server` (installed by
//! `make tools-python`). When it is missing the tests fail: they do not skip.
//!
//! moto runs under a small Python supervisor that holds a pipe from the test process and stops
//! moto when the pipe closes, so no server outlives the tests.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

pub struct Moto {
    pub addr: SocketAddr,
    pub subnet: String,
    pub security_group: String,
    /// Keeps the supervisor's stdin open.
    _child: Mutex<Child>,
}

/// The account moto answers as.
pub const ACCOUNT: &str = "123456789012";

const SUPERVISOR: &str = r"
import subprocess, sys
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    sys.stdin.read()
finally:
    p.terminate()
    try:
        p.wait(5)
    except Exception:
        p.kill()
";

fn moto_server() -> PathBuf {
    if let Some(p) = std::env::var_os("RUNTASK_MOTO_SERVER") {
        return PathBuf::from(p);
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../.tools/venv/bin/moto_server")
}

impl Moto {
    /// The server of this test binary, started on first use.
    pub fn get() -> &'static Moto {
        static MOTO: OnceLock<Moto> = OnceLock::new();
        MOTO.get_or_init(Moto::start)
    }

    #[must_use]
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    fn start() -> Moto {
        let mut moto = Moto::start_with(&[]);
        moto.seed();
        moto
    }

    /// A server of its own (not the shared one), started with these environment variables,
    /// unseeded: for tests that change the server's global state (IAM enforcement).
    #[must_use]
    pub fn start_with(env: &[(&str, &str)]) -> Moto {
        let server = moto_server();
        assert!(
            server.is_file(),
            "moto's server is not installed at {}: run `make tools-python` (it installs moto[server] into .tools/venv) or set RUNTASK_MOTO_SERVER to a moto_server executable",
            server.display()
        );
        let python = server.parent().map(|d| d.join("python")).filter(|p| p.is_file()).unwrap_or_else(|| PathBuf::from("python3"));
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let mut child = Command::new(&python)
            .arg("-c")
            .arg(SUPERVISOR)
            .arg(&server)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .envs(env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {} with {}: {e}", server.display(), python.display()));
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let deadline = Instant::now() + Duration::from_secs(60);
        while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err() {
            if let Ok(Some(status)) = child.try_wait() {
                panic!("moto_server exited ({status}) before listening on {addr}");
            }
            assert!(Instant::now() < deadline, "moto_server did not listen on {addr} within 60 s");
            std::thread::sleep(Duration::from_millis(100));
        }
        Moto { addr, subnet: String::new(), security_group: String::new(), _child: Mutex::new(child) }
    }

    fn seed(&mut self) {
        let vpc = xml_value(&self.ec2("Action=CreateVpc&CidrBlock=10.0.0.0%2F16"), "vpcId");
        self.ec2(&format!("Action=ModifyVpcAttribute&VpcId={vpc}&EnableDnsHostnames.Value=true"));
        self.subnet = xml_value(&self.ec2(&format!("Action=CreateSubnet&VpcId={vpc}&CidrBlock=10.0.1.0%2F24")), "subnetId");
        self.security_group = xml_value(&self.ec2(&format!("Action=CreateSecurityGroup&GroupName=runtask&GroupDescription=runtask&VpcId={vpc}")), "groupId");
        self.ecs(
            "RegisterTaskDefinition",
            &serde_json::json!({
                "family": "web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
                "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512, "essential": true,
                                          "environment": [{"name": "TD_VALUE", "value": "td-plain-value-1234"}]}]
            }),
        );
    }

    /// A RunTask request for `cluster` that moto can launch.
    #[must_use]
    pub fn request(&self, cluster: &str, count: u32) -> serde_json::Value {
        serde_json::json!({
            "cluster": cluster,
            "taskDefinition": "web:1",
            "launchType": "FARGATE",
            "count": count,
            "networkConfiguration": {"awsvpcConfiguration": {"subnets": [self.subnet], "securityGroups": [self.security_group], "assignPublicIp": "DISABLED"}},
            "overrides": {"containerOverrides": [{"name": "app", "environment": [{"name": "API_KEY", "value": super::ENV_SECRET}]}]}
        })
    }

    pub fn create_cluster(&self, name: &str) {
        self.ecs("CreateCluster", &serde_json::json!({ "clusterName": name }));
    }

    /// Every task ARN in `cluster`, straight from moto.
    #[must_use]
    pub fn task_arns(&self, cluster: &str) -> Vec<String> {
        let mut arns = Vec::new();
        let mut next: Option<String> = None;
        loop {
            let mut body = serde_json::json!({ "cluster": cluster, "maxResults": 100 });
            if let Some(t) = &next {
                body["nextToken"] = serde_json::json!(t);
            }
            let v = self.ecs("ListTasks", &body);
            // moto's ListTasks matches the cluster name as a substring: keep this cluster's own.
            let own = format!(":task/{cluster}/");
            arns.extend(v["taskArns"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_owned()).filter(|a| a.contains(&own)));
            next = v.get("nextToken").and_then(|t| t.as_str()).map(str::to_owned);
            if next.is_none() {
                return arns;
            }
        }
    }

    /// An ECS call straight to moto; panics on an error answer.
    pub fn ecs(&self, action: &str, body: &serde_json::Value) -> serde_json::Value {
        let (status, text) = post(
            self.addr,
            &[("content-type", "application/x-amz-json-1.1"), ("x-amz-target", &format!("AmazonEC2ContainerServiceV20141113.{action}")), ("authorization", &fake_auth("ecs"))],
            &body.to_string(),
        );
        assert!(status == 200, "moto {action}: {status} {text}");
        serde_json::from_str(&text).unwrap()
    }

    /// An EC2 query call straight to moto (`Action=…&…`, values URL-encoded); the XML answer.
    pub fn ec2(&self, query: &str) -> String {
        let (status, text) =
            post(self.addr, &[("content-type", "application/x-www-form-urlencoded"), ("authorization", &fake_auth("ec2"))], &format!("{query}&Version=2016-11-15"));
        assert!(status == 200, "moto EC2 {query}: {status} {text}");
        text
    }

    /// An IAM query call straight to moto; the XML answer.
    pub fn iam(&self, query: &str) -> String {
        let (status, text) =
            post(self.addr, &[("content-type", "application/x-www-form-urlencoded"), ("authorization", &fake_auth("iam"))], &format!("{query}&Version=2010-05-08"));
        assert!(status == 200, "moto IAM {query}: {status} {text}");
        text
    }

    /// An awsJson1_1 call straight to moto: `service` is the signing name (`ecr`, `logs`, `ssm`,
    /// `secretsmanager`), `target` the full `X-Amz-Target`. Panics on an error answer.
    pub fn json(&self, service: &str, target: &str, body: &serde_json::Value) -> serde_json::Value {
        let (status, text) = post(self.addr, &[("content-type", "application/x-amz-json-1.1"), ("x-amz-target", target), ("authorization", &fake_auth(service))], &body.to_string());
        assert!(status == 200, "moto {target}: {status} {text}");
        if text.trim().is_empty() {
            return serde_json::Value::Null;
        }
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("moto {target}: {e}: {text}"))
    }

    /// Turns IAM enforcement on after `unauthenticated` more requests (moto's
    /// `/moto-api/reset-auth`).
    pub fn reset_auth(&self, unauthenticated: u32) {
        let (status, text) = post_path(self.addr, "/moto-api/reset-auth", &[("content-type", "text/plain")], &unauthenticated.to_string());
        assert!(status == 200, "moto reset-auth: {status} {text}");
    }
}

/// The text of the first `<tag>` of an XML answer.
#[must_use]
pub fn xml_text(xml: &str, tag: &str) -> String {
    xml_value(xml, tag)
}

/// moto picks the service and region from the credential scope; it does not check signatures.
fn fake_auth(service: &str) -> String {
    format!("AWS4-HMAC-SHA256 Credential=AKIDSEED/20260101/us-east-1/{service}/aws4_request, SignedHeaders=host, Signature=0")
}

fn xml_value(xml: &str, tag: &str) -> String {
    let open = format!("<{tag}>");
    let start = xml.find(&open).unwrap_or_else(|| panic!("no <{tag}> in {xml}")) + open.len();
    let end = xml[start..].find('<').unwrap() + start;
    xml[start..end].to_owned()
}

/// A blocking HTTP/1.1 POST with `Connection: close`: the status and the body.
pub fn post(addr: SocketAddr, headers: &[(&str, &str)], body: &str) -> (u16, String) {
    post_path(addr, "/", headers, body)
}

fn post_path(addr: SocketAddr, path: &str, headers: &[(&str, &str)], body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let mut request = format!("POST {path} HTTP/1.1\r\nhost: {addr}\r\ncontent-length: {}\r\nconnection: close\r\n", body.len());
    for (k, v) in headers {
        request.push_str(&format!("{k}: {v}\r\n"));
    }
    request.push_str("\r\n");
    request.push_str(body);
    stream.write_all(request.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, rest) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let chunked = head.to_ascii_lowercase().contains("transfer-encoding: chunked");
    (status, if chunked { dechunk(rest) } else { rest.to_owned() })
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        s = &rest[n + 2..];
    }
    out
}
