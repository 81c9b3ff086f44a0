//! The live pre-flight through the proxy, against moto's server: `POST /api/preflight`, the check
//! before a launch (a live error refuses it with 422 and nothing runs; a lookup that cannot be
//! made never does), the allow-lists, and the pickers.

mod support;

use std::time::{Duration, Instant};

use aws_credential_types::Credentials;
use runtask_live::Aws;
use serde_json::{json, Value};
use support::moto::Moto;
use support::{moto_settings, Http, ACCESS_KEY_ID, SECRET_ACCESS_KEY};

const MISSING_SUBNET: &str = "subnet-0deadbeef0000000a";

fn live_to(endpoint: &str) -> Aws {
    Aws::with_endpoint(endpoint, "us-east-1", Some(Credentials::new(ACCESS_KEY_ID, SECRET_ACCESS_KEY, None, None, "runtask-proxy-tests"))).unwrap()
}

/// A proxy in front of moto whose live pre-flight also asks moto.
async fn proxy(moto: &Moto, configure: impl FnOnce(&mut runtask_proxy::Settings)) -> runtask_proxy::Running {
    let mut settings = moto_settings(&moto.url());
    settings.live = Some(live_to(&moto.url()));
    configure(&mut settings);
    runtask_proxy::start(settings).await.unwrap()
}

async fn preflight(proxy: &runtask_proxy::Running, body: &Value) -> support::Answer {
    Http::new().console("POST", &format!("{}/api/preflight", proxy.url()), body.to_string()).await
}

async fn get(proxy: &runtask_proxy::Running, path: &str) -> support::Answer {
    Http::new().console("GET", &format!("{}{path}", proxy.url()), "").await
}

fn with_missing_subnet(moto: &Moto, cluster: &str) -> Value {
    let mut request = moto.request(cluster, 1);
    request["networkConfiguration"]["awsvpcConfiguration"]["subnets"] = json!([moto.subnet, MISSING_SUBNET]);
    request
}

fn codes(v: &Value) -> Vec<String> {
    v["diagnostics"].as_array().unwrap_or_else(|| panic!("{v}")).iter().map(|d| d["code"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn the_preflight_finds_a_missing_subnet_and_marks_it_live() {
    let moto = Moto::get();
    moto.create_cluster("live-pre");
    let proxy = proxy(moto, |_| {}).await;
    let answer = preflight(&proxy, &with_missing_subnet(moto, "live-pre")).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let v = answer.json();
    assert_eq!(v["liveChecked"], true, "{v}");
    let d = v["diagnostics"].as_array().unwrap();
    let missing = d.iter().find(|d| d["code"] == "RT853").unwrap_or_else(|| panic!("no RT853 in {v}"));
    assert_eq!(missing["pointer"], "/networkConfiguration/awsvpcConfiguration/subnets/1");
    assert_eq!(missing["severity"], "error");
    assert_eq!(missing["live"], true);
    assert!(missing["message"].as_str().unwrap().contains(MISSING_SUBNET), "{missing}");
    // The subnet that exists is not reported; offline findings are not marked live.
    assert!(!d.iter().any(|d| d["code"] == "RT853" && d["pointer"].as_str().unwrap().ends_with("/0")), "{v}");
    assert!(d.iter().filter(|d| !d["code"].as_str().unwrap().starts_with("RT85") && !d["code"].as_str().unwrap().starts_with("RT86")).all(|d| d.get("live").is_none()), "{v}");
    assert_eq!(v["diagnosticsTotal"].as_u64().unwrap() as usize, d.len());

    // The same request with its subnet: no live error.
    let fine = preflight(&proxy, &moto.request("live-pre", 1)).await.json();
    assert_eq!(fine["liveChecked"], true);
    assert!(!fine["diagnostics"].as_array().unwrap().iter().any(|d| d["severity"] == "error"), "{fine}");
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn a_live_error_refuses_the_launch_and_nothing_runs() {
    let moto = Moto::get();
    moto.create_cluster("live-refused");
    let proxy = proxy(moto, |_| {}).await;
    let answer = Http::new().run_task(&proxy.url(), &with_missing_subnet(moto, "live-refused").to_string()).await;
    assert_eq!(answer.status, 422, "{}", answer.text);
    let v = answer.json();
    assert_eq!(v["error"]["code"], "invalid_request");
    assert!(v["error"]["message"].as_str().unwrap().contains("RT853"), "{v}");
    assert!(codes(&v).contains(&"RT853".to_owned()), "{v}");
    assert_eq!(moto.task_arns("live-refused"), Vec::<String>::new());

    // A cluster that does not exist is a live error too.
    let gone = Http::new().run_task(&proxy.url(), &moto.request("live-no-such-cluster", 1).to_string()).await;
    assert_eq!(gone.status, 422, "{}", gone.text);
    assert!(codes(&gone.json()).contains(&"RT851".to_owned()), "{}", gone.text);

    // The valid request launches, checked live.
    let ok = Http::new().run_task(&proxy.url(), &moto.request("live-refused", 1).to_string()).await;
    assert_eq!(ok.status, 200, "{}", ok.text);
    assert_eq!(ok.json()["liveChecked"], true);
    assert_eq!(moto.task_arns("live-refused").len(), 1);
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn a_closed_endpoint_neither_blocks_nor_refuses_a_launch() {
    let moto = Moto::get();
    moto.create_cluster("live-closed");
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let deadline = Duration::from_secs(3);
    let proxy = proxy(moto, |s| {
        s.live = Some(live_to(&format!("http://127.0.0.1:{port}")));
        s.live_deadline = deadline;
    })
    .await;
    let started = Instant::now();
    let answer = preflight(&proxy, &moto.request("live-closed", 1)).await;
    assert!(started.elapsed() < deadline + Duration::from_secs(3), "took {:?}", started.elapsed());
    assert_eq!(answer.status, 200, "{}", answer.text);
    let v = answer.json();
    let live: Vec<&Value> = v["diagnostics"].as_array().unwrap().iter().filter(|d| d["live"] == true).collect();
    assert!(!live.is_empty() && live.iter().all(|d| d["code"] == "RT850" && d["severity"] != "error"), "{v}");

    // The launch goes ahead (ECS is moto, the lookups fail): warnings, no refusal.
    let started = Instant::now();
    let launched = Http::new().run_task(&proxy.url(), &moto.request("live-closed", 1).to_string()).await;
    assert_eq!(launched.status, 200, "{}", launched.text);
    assert!(started.elapsed() < deadline + Duration::from_secs(30), "took {:?}", started.elapsed());
    assert!(codes(&launched.json()).contains(&"RT850".to_owned()), "{}", launched.text);
    assert_eq!(moto.task_arns("live-closed").len(), 1);
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn the_allow_lists_apply_before_any_lookup() {
    let moto = Moto::get();
    moto.create_cluster("live-allowed");
    moto.create_cluster("live-forbidden");
    let proxy = proxy(moto, |s| {
        s.allow_clusters = vec!["live-allowed".to_owned()];
        s.allow_task_definitions = vec!["web".to_owned()];
    })
    .await;
    let refused = preflight(&proxy, &moto.request("live-forbidden", 1)).await;
    assert_eq!(refused.status, 403, "{}", refused.text);
    assert_eq!(refused.json()["error"]["code"], "not_allowed");
    let clusters = get(&proxy, "/api/pickers/clusters").await;
    assert_eq!(clusters.status, 200, "{}", clusters.text);
    let names: Vec<String> = clusters.json()["items"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap().to_owned()).collect();
    assert_eq!(names, ["live-allowed"]);
    assert_eq!(get(&proxy, "/api/pickers/capacity-providers?cluster=live-forbidden").await.status, 403);
    assert_eq!(get(&proxy, "/api/pickers/task-definition-revisions?family=other").await.status, 403);
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn the_pickers_list_what_the_account_has() {
    let moto = Moto::get();
    moto.create_cluster("live-pickers");
    let proxy = proxy(moto, |_| {}).await;

    let clusters = get(&proxy, "/api/pickers/clusters").await.json();
    assert!(clusters["items"].as_array().unwrap().iter().any(|c| c["name"] == "live-pickers" && c["status"] == "ACTIVE"), "{clusters}");
    let families = get(&proxy, "/api/pickers/task-definition-families?prefix=we").await.json();
    assert!(families["items"].as_array().unwrap().contains(&json!("web")), "{families}");
    let revisions = get(&proxy, "/api/pickers/task-definition-revisions?family=web").await.json();
    assert_eq!(revisions["items"][0]["name"], "web:1", "{revisions}");
    let providers = get(&proxy, "/api/pickers/capacity-providers?cluster=live-pickers").await;
    assert_eq!(providers.status, 200, "{}", providers.text);
    assert_eq!(providers.json()["cluster"], "live-pickers");
    assert_eq!(get(&proxy, "/api/pickers/capacity-providers?cluster=live-no-such").await.status, 404);

    // The seeded subnet's VPC: its subnets and groups, with AZ and public/private.
    let vpcs = get(&proxy, "/api/pickers/vpcs").await.json();
    let mut found = None;
    for vpc in vpcs["items"].as_array().unwrap() {
        let id = vpc["id"].as_str().unwrap();
        let subnets = get(&proxy, &format!("/api/pickers/subnets?vpc={id}")).await.json();
        if let Some(s) = subnets["items"].as_array().unwrap().iter().find(|s| s["id"] == moto.subnet.as_str()) {
            found = Some((id.to_owned(), s.clone()));
        }
    }
    let (vpc, subnet) = found.unwrap_or_else(|| panic!("the seeded subnet {} is in no listed VPC: {vpcs}", moto.subnet));
    assert!(subnet["availabilityZone"].as_str().unwrap().starts_with("us-east-1"), "{subnet}");
    assert_eq!(subnet["public"], false, "{subnet}");
    let groups = get(&proxy, &format!("/api/pickers/security-groups?vpc={vpc}")).await.json();
    assert!(groups["items"].as_array().unwrap().iter().any(|g| g["id"] == moto.security_group.as_str()), "{groups}");

    // Bad input is refused before any lookup.
    assert_eq!(get(&proxy, "/api/pickers/subnets?vpc=vpc-1").await.status, 400);
    assert_eq!(get(&proxy, "/api/pickers/task-definition-revisions?family=a%20b").await.status, 400);
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn without_a_live_connection_the_preflight_checks_offline() {
    let moto = Moto::get();
    let proxy = runtask_proxy::start(moto_settings(&moto.url())).await.unwrap();
    let v = preflight(&proxy, &with_missing_subnet(moto, "live-none")).await.json();
    assert_eq!(v["liveChecked"], false);
    assert!(v["liveUnavailableReason"].is_string(), "{v}");
    assert!(!codes(&v).contains(&"RT853".to_owned()), "{v}");
    assert_eq!(get(&proxy, "/api/pickers/clusters").await.status, 503);
    proxy.stop().await.unwrap();
}
