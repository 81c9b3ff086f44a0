//! Against a real local ECS endpoint (moto's server): valid requests launch, invalid ones do not,
//! and the read-only helpers answer.

mod support;

use support::moto::Moto;
use support::{settings, Http, ENV_SECRET};

async fn proxy(moto: &Moto) -> runtask_proxy::Running {
    runtask_proxy::start(settings(&moto.url())).await.unwrap()
}

#[tokio::test]
async fn a_valid_request_launches_its_tasks() {
    let moto = Moto::get();
    moto.create_cluster("valid");
    let proxy = proxy(moto).await;
    let answer = Http::new().run_task(&proxy.url(), &moto.request("valid", 2).to_string()).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let v = answer.json();
    assert_eq!(v["tasks"].as_array().unwrap().len(), 2, "{v}");
    assert_eq!(v["failures"], serde_json::json!([]));
    assert_eq!(v["taskDefinitionChecked"], true);
    assert!(uuid::Uuid::parse_str(v["clientToken"].as_str().unwrap()).is_ok());
    let launched: Vec<String> = v["tasks"].as_array().unwrap().iter().map(|t| t["taskArn"].as_str().unwrap().to_owned()).collect();
    let mut listed = moto.task_arns("valid");
    listed.sort();
    let mut launched_sorted = launched.clone();
    launched_sorted.sort();
    assert_eq!(listed, launched_sorted);
    // ECS echoes the overrides; their environment values are masked.
    assert!(!answer.text.contains(ENV_SECRET));
    assert_eq!(v["tasks"][0]["overrides"]["containerOverrides"][0]["environment"][0]["value"], "<redacted>");
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn an_invalid_request_gets_422_and_nothing_runs() {
    let moto = Moto::get();
    moto.create_cluster("invalid");
    let proxy = proxy(moto).await;
    let http = Http::new();
    let mut request = moto.request("invalid", 11);
    request["launchType"] = serde_json::json!("FARGATE");
    let answer = http.run_task(&proxy.url(), &request.to_string()).await;
    assert_eq!(answer.status, 422, "{}", answer.text);
    let v = answer.json();
    assert_eq!(v["error"]["code"], "invalid_request");
    let d = v["diagnostics"].as_array().unwrap();
    let count = d.iter().find(|d| d["pointer"] == "/count").unwrap_or_else(|| panic!("{v}"));
    assert_eq!(count["code"], "RT106");
    assert_eq!(count["severity"], "error");
    // The CLI's JSON shape: positions, help, name.
    for key in ["line", "column", "endLine", "endColumn", "start", "end", "utf16Start", "message", "help", "name"] {
        assert!(count.get(key).is_some(), "no `{key}` in {count}");
    }

    let broken = http.run_task(&proxy.url(), r#"{"cluster": "invalid", "taskDefinition": "web:1",,}"#).await;
    assert_eq!(broken.status, 422, "{}", broken.text);
    assert!(broken.json()["diagnostics"][0]["code"].as_str().unwrap().starts_with("RT0"));

    assert_eq!(moto.task_arns("invalid"), Vec::<String>::new());
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn describe_tasks_through_the_proxy() {
    let moto = Moto::get();
    moto.create_cluster("describe");
    let proxy = proxy(moto).await;
    let http = Http::new();
    let run = http.run_task(&proxy.url(), &moto.request("describe", 1).to_string()).await.json();
    let arn = run["tasks"][0]["taskArn"].as_str().unwrap().to_owned();
    let missing = "arn:aws:ecs:us-east-1:123456789012:task/describe/00000000000000000000000000000000";
    let url = format!("{}/api/tasks?cluster=describe&tasks={arn},{missing}", proxy.url());
    let answer = http.console("GET", &url, "").await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let v = answer.json();
    assert_eq!(v["tasks"].as_array().unwrap().len(), 1, "{v}");
    assert_eq!(v["tasks"][0]["taskArn"], arn.as_str());
    assert!(v["tasks"][0]["lastStatus"].is_string());
    assert!(!answer.text.contains(ENV_SECRET));

    let none = http.console("GET", &format!("{}/api/tasks?cluster=describe", proxy.url()), "").await;
    assert_eq!(none.status, 400, "{}", none.text);
    assert_eq!(none.json()["error"]["code"], "bad_request");
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn describe_task_definition_through_the_proxy() {
    let moto = Moto::get();
    let proxy = proxy(moto).await;
    let http = Http::new();
    let answer = http.console("GET", &format!("{}/api/task-definitions/web:1", proxy.url()), "").await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let v = answer.json();
    assert_eq!(v["taskDefinition"]["family"], "web");
    assert_eq!(v["taskDefinition"]["containerDefinitions"][0]["memory"], 512);
    assert_eq!(v["taskDefinition"]["containerDefinitions"][0]["environment"][0]["value"], "<redacted>");
    assert_eq!(http.console("GET", &format!("{}/api/task-definitions/web", proxy.url()), "").await.status, 200);

    let missing = http.console("GET", &format!("{}/api/task-definitions/nope:7", proxy.url()), "").await;
    assert_eq!(missing.status, 404, "{}", missing.text);
    assert_eq!(missing.json()["error"]["code"], "ClientException");

    let bad = http.console("GET", &format!("{}/api/task-definitions/a%20b", proxy.url()), "").await;
    assert_eq!(bad.status, 400, "{}", bad.text);
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn the_requests_own_client_token_is_kept() {
    let moto = Moto::get();
    moto.create_cluster("token");
    let proxy = proxy(moto).await;
    let mut request = moto.request("token", 1);
    request["clientToken"] = serde_json::json!("console-token-0001");
    let answer = Http::new().run_task(&proxy.url(), &request.to_string()).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert_eq!(answer.json()["clientToken"], "console-token-0001");
    assert_eq!(moto.task_arns("token").len(), 1);
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn an_unknown_task_definition_is_ecs_clear_error() {
    let moto = Moto::get();
    moto.create_cluster("unknown-td");
    let proxy = proxy(moto).await;
    let mut request = moto.request("unknown-td", 1);
    request["taskDefinition"] = serde_json::json!("missing:3");
    let answer = Http::new().run_task(&proxy.url(), &request.to_string()).await;
    assert_eq!(answer.status, 404, "{}", answer.text);
    let v = answer.json();
    assert_eq!(v["error"]["code"], "ClientException");
    assert!(v["error"]["message"].as_str().unwrap().contains("DescribeTaskDefinition"), "{v}");
    assert!(moto.task_arns("unknown-td").is_empty());
    proxy.stop().await.unwrap();
}

#[tokio::test]
async fn allow_lists_refuse_before_anything_is_sent() {
    let moto = Moto::get();
    moto.create_cluster("allowed");
    moto.create_cluster("elsewhere");
    let mut s = settings(&moto.url());
    s.allow_clusters = vec!["allowed".into()];
    s.allow_task_definitions = vec!["web".into()];
    let proxy = runtask_proxy::start(s).await.unwrap();
    let http = Http::new();

    let refused = http.run_task(&proxy.url(), &moto.request("elsewhere", 1).to_string()).await;
    assert_eq!(refused.status, 403, "{}", refused.text);
    let v = refused.json();
    assert_eq!(v["error"]["code"], "not_allowed");
    assert!(v["error"]["message"].as_str().unwrap().contains("elsewhere"), "{v}");
    assert!(moto.task_arns("elsewhere").is_empty());

    let mut other_family = moto.request("allowed", 1);
    other_family["taskDefinition"] = serde_json::json!("arn:aws:ecs:us-east-1:123456789012:task-definition/batch:4");
    let refused = http.run_task(&proxy.url(), &other_family.to_string()).await;
    assert_eq!(refused.status, 403, "{}", refused.text);
    assert!(refused.json()["error"]["message"].as_str().unwrap().contains("batch"));

    let ok = http.run_task(&proxy.url(), &moto.request("allowed", 1).to_string()).await;
    assert_eq!(ok.status, 200, "{}", ok.text);
    assert_eq!(moto.task_arns("allowed").len(), 1);
    assert!(moto.task_arns("elsewhere").is_empty());

    let status = http.console("GET", &format!("{}/api/status", proxy.url()), "").await.json();
    assert_eq!(status["allowClusters"], serde_json::json!(["allowed"]));
    assert_eq!(status["allowTaskDefinitions"], serde_json::json!(["web"]));
    proxy.stop().await.unwrap();
}
