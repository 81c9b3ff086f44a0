//! `runtask-lint --live` end to end: the binary, the standard AWS chain from the environment
//! (credentials, Region, AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE>) and moto's server.
#![cfg(feature = "live")]

#[allow(dead_code)]
#[path = "../../proxy/tests/support/moto.rs"]
mod moto;

use std::path::PathBuf;
use std::process::{Command, Output};

use moto::Moto;
use serde_json::{json, Value};

/// moto.rs's `request()` puts this in an environment override.
const ENV_SECRET: &str = "hunter2-cli-live-secret";

/// The binary with a clean AWS environment pointing at `endpoint`.
fn lint(endpoint: &str, extra_env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_runtask-lint"));
    for (k, _) in std::env::vars() {
        if k.starts_with("AWS_") {
            cmd.env_remove(k);
        }
    }
    let home = std::env::temp_dir().join(format!("runtask-live-home-{}", std::process::id()));
    cmd.env("HOME", &home)
        .env("AWS_CONFIG_FILE", home.join("config"))
        .env("AWS_SHARED_CREDENTIALS_FILE", home.join("credentials"))
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_ACCESS_KEY_ID", "AKIDCLILIVETEST")
        .env("AWS_SECRET_ACCESS_KEY", "cli-live-test-secret")
        .env("AWS_REGION", "us-east-1")
        .env("AWS_ENDPOINT_URL", endpoint)
        .env("NO_COLOR", "1");
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    cmd.args(args).output().unwrap()
}

fn write(name: &str, value: &Value) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("runtask-live-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string_pretty(value).unwrap()).unwrap();
    path
}

fn a_request(moto: &Moto, cluster: &str) -> Value {
    let mut request = moto.request(cluster, 1);
    request.as_object_mut().unwrap().remove("overrides");
    assert!(ENV_SECRET.len() > 8);
    request
}

#[test]
fn live_findings_in_json_output_with_positions() {
    let moto = Moto::get();
    let cluster = format!("cli-live-{}", std::process::id());
    moto.create_cluster(&cluster);
    let mut request = a_request(moto, &cluster);
    request["networkConfiguration"]["awsvpcConfiguration"]["subnets"] = json!([moto.subnet, "subnet-0deadbeef0000000b"]);
    let file = write("missing-subnet.json", &request);
    let o = lint(&moto.url(), &[], &["--live", "--format", "json", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let d = v[0]["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "RT853").unwrap_or_else(|| panic!("{v:#}"));
    assert_eq!(d["pointer"], "/networkConfiguration/awsvpcConfiguration/subnets/1");
    let text = std::fs::read_to_string(&file).unwrap();
    let line = text.lines().position(|l| l.contains("subnet-0deadbeef0000000b")).unwrap() + 1;
    assert_eq!((d["line"].as_u64(), d["severity"].as_str()), (Some(line as u64), Some("error")));
    assert_eq!(d["name"], "subnet-not-found");

    // Without --live: no live finding.
    let o = lint(&moto.url(), &[], &["--format", "json", file.to_str().unwrap()]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v[0]["diagnostics"].as_array().unwrap().iter().all(|d| d["code"] != "RT853"));
}

#[test]
fn live_findings_point_into_yaml() {
    let moto = Moto::get();
    let cluster = format!("cli-yaml-{}", std::process::id());
    moto.create_cluster(&cluster);
    let yaml = format!("cluster: {cluster}\ntaskDefinition: web:1\nlaunchType: FARGATE\nnetworkConfiguration:\n  awsvpcConfiguration:\n    subnets:\n      - {}\n      - subnet-0deadbeef0000000c\n", moto.subnet);
    let dir = std::env::temp_dir().join(format!("runtask-live-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("request.yaml");
    std::fs::write(&file, yaml).unwrap();
    let o = lint(&moto.url(), &[], &["--live", "--format", "concise", "--select", "RT853", file.to_str().unwrap()]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("request.yaml:8:9: error[RT853] subnet `subnet-0deadbeef0000000c` does not exist"), "{out}");
}

#[test]
fn a_service_endpoint_override_wins_over_the_global_one() {
    let moto = Moto::get();
    let cluster = format!("cli-override-{}", std::process::id());
    moto.create_cluster(&cluster);
    let file = write("override.json", &a_request(moto, &cluster));
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let ec2 = format!("http://127.0.0.1:{closed}");
    let o = lint(&moto.url(), &[("AWS_ENDPOINT_URL_EC2", &ec2)], &["--live", "--live-timeout", "5", "--format", "concise", file.to_str().unwrap()]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(0), "{out}");
    // EC2 went to the closed port (its checks are not made), ECS to moto (the cluster was found).
    assert!(out.contains("warning[RT850] could not check that the subnets exist") && out.contains(&format!("127.0.0.1:{closed}")), "{out}");
    assert!(!out.contains("RT851"), "{out}");
}

#[test]
fn live_needs_a_region_and_checks_its_timeout() {
    let o = lint("http://127.0.0.1:9", &[("AWS_REGION", "")], &["--live", "--live-timeout", "0", "x.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--live-timeout"), "{}", String::from_utf8_lossy(&o.stderr));
    let o = lint("http://127.0.0.1:9", &[], &["--region", "eu-west-1", "x.json"]);
    assert_eq!(o.status.code(), Some(2), "--region without --live is a usage error");
}
