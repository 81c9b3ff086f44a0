//! Against a real local ECS endpoint (moto's server): valid requests launch, invalid ones do not,
//! and the read-only helpers answer.

mod support;

use support::moto::Moto;
use support::{moto_settings, Http, ENV_SECRET};

async fn proxy(moto: &Moto) -> runtask_proxy::Running {
    runtask_proxy::start(moto_settings(&moto.url())).await.unwrap()
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
    let mut s = moto_settings(&moto.url());
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

/// Issue 9, item 2: an empty clientToken is the same for every call, so it protects nothing.
#[tokio::test]
async fn an_empty_client_token_is_refused_and_nothing_runs() {
    let moto = Moto::get();
    moto.create_cluster("empty-token");
    let proxy = proxy(moto).await;
    let mut request = moto.request("empty-token", 1);
    request["clientToken"] = serde_json::json!("");
    let answer = Http::new().run_task(&proxy.url(), &request.to_string()).await;
    assert_eq!(answer.status, 422, "{}", answer.text);
    let v = answer.json();
    assert_eq!(v["error"]["code"], "invalid_request");
    assert!(v["error"]["message"].as_str().unwrap().contains("clientToken"), "{v}");
    assert!(v.get("clientToken").is_none(), "{v}");
    assert!(v["diagnostics"].as_array().unwrap().iter().any(|d| d["pointer"] == "/clientToken"), "{v}");
    assert!(moto.task_arns("empty-token").is_empty());
    proxy.stop().await.unwrap();
}

/// Issue 9, item 4: DescribeTasks names a cluster, but the task ARNs can name another one, or
/// none (old-format ARNs and bare IDs), and moto answers across clusters.
#[tokio::test]
async fn describe_tasks_stays_in_the_allowed_cluster() {
    let moto = Moto::get();
    moto.create_cluster("dt-home");
    moto.create_cluster("dt-foreign");
    let foreign = moto.ecs("RunTask", &moto.request("dt-foreign", 1));
    let foreign_arn = foreign["tasks"][0]["taskArn"].as_str().unwrap().to_owned();
    let foreign_id = foreign_arn.rsplit('/').next().unwrap().to_owned();
    let mut s = moto_settings(&moto.url());
    s.allow_clusters = vec!["dt-home".into()];
    let proxy = runtask_proxy::start(s).await.unwrap();
    let http = Http::new();
    let home = http.run_task(&proxy.url(), &moto.request("dt-home", 1).to_string()).await;
    assert_eq!(home.status, 200, "{}", home.text);
    let home_arn = home.json()["tasks"][0]["taskArn"].as_str().unwrap().to_owned();
    let describe = |tasks: String| {
        let (http, url) = (http.clone(), format!("{}/api/tasks?cluster=dt-home&tasks={tasks}", proxy.url()));
        async move { http.console("GET", &url, "").await }
    };

    // An ARN that names another cluster: refused before anything is sent.
    let refused = describe(format!("{home_arn},{foreign_arn}")).await;
    assert_eq!(refused.status, 403, "{}", refused.text);
    assert_eq!(refused.json()["error"]["code"], "not_allowed");
    assert!(refused.json()["error"]["message"].as_str().unwrap().contains("dt-foreign"), "{}", refused.text);

    // An old-format ARN and a bare ID name no cluster: moto answers the foreign task, and the
    // proxy drops it as ECS would (MISSING in that cluster).
    let old_format = format!("arn:aws:ecs:us-east-1:123456789012:task/{foreign_id}");
    for given in [old_format.as_str(), foreign_id.as_str()] {
        let answer = describe(format!("{home_arn},{given}")).await;
        assert_eq!(answer.status, 200, "{}", answer.text);
        let v = answer.json();
        let arns: Vec<&str> = v["tasks"].as_array().unwrap().iter().map(|t| t["taskArn"].as_str().unwrap()).collect();
        assert_eq!(arns, vec![home_arn.as_str()], "{v}");
        assert!(!answer.text.contains(&foreign_arn), "{v}");
        assert_eq!(v["failures"], serde_json::json!([{"arn": given, "reason": "MISSING"}]), "{v}");
    }
    proxy.stop().await.unwrap();
}

/// Issue 9, item 5: role overrides go through `--allow-role`.
#[tokio::test]
async fn role_overrides_need_the_role_allow_list() {
    const APP: &str = "arn:aws:iam::123456789012:role/app-task";
    const ADMIN: &str = "arn:aws:iam::123456789012:role/admin";
    let moto = Moto::get();
    moto.create_cluster("roles");
    let with_role = |member: &str, arn: &str| {
        let mut r = moto.request("roles", 1);
        r["overrides"][member] = serde_json::json!(arn);
        r.to_string()
    };
    let http = Http::new();

    // A role allow-list: only its roles.
    let mut s = moto_settings(&moto.url());
    s.allow_roles = vec![APP.into()];
    let proxy = runtask_proxy::start(s).await.unwrap();
    for member in ["taskRoleArn", "executionRoleArn"] {
        let refused = http.run_task(&proxy.url(), &with_role(member, ADMIN)).await;
        assert_eq!(refused.status, 403, "{member}: {}", refused.text);
        let v = refused.json();
        assert_eq!(v["error"]["code"], "not_allowed");
        let message = v["error"]["message"].as_str().unwrap();
        assert!(message.contains(member) && message.contains("--allow-role"), "{message}");
    }
    assert!(moto.task_arns("roles").is_empty());
    let allowed = http.run_task(&proxy.url(), &with_role("taskRoleArn", APP)).await;
    assert_eq!(allowed.status, 200, "{}", allowed.text);
    assert_eq!(moto.task_arns("roles").len(), 1);
    let status = http.console("GET", &format!("{}/api/status", proxy.url()), "").await.json();
    assert_eq!(status["allowRoles"], serde_json::json!([APP]));
    proxy.stop().await.unwrap();

    // Other allow-lists but no role allow-list: role overrides are refused.
    let mut s = moto_settings(&moto.url());
    s.allow_clusters = vec!["roles".into()];
    let proxy = runtask_proxy::start(s).await.unwrap();
    let refused = http.run_task(&proxy.url(), &with_role("taskRoleArn", APP)).await;
    assert_eq!(refused.status, 403, "{}", refused.text);
    assert!(refused.json()["error"]["message"].as_str().unwrap().contains("--allow-role"), "{}", refused.text);
    let plain = http.run_task(&proxy.url(), &moto.request("roles", 1).to_string()).await;
    assert_eq!(plain.status, 200, "{}", plain.text);
    assert_eq!(moto.task_arns("roles").len(), 2);
    proxy.stop().await.unwrap();

    // No allow-list at all: the proxy restricts nothing.
    let proxy = runtask_proxy::start(moto_settings(&moto.url())).await.unwrap();
    let open = http.run_task(&proxy.url(), &with_role("executionRoleArn", ADMIN)).await;
    assert_eq!(open.status, 200, "{}", open.text);
    assert_eq!(moto.task_arns("roles").len(), 3);
    proxy.stop().await.unwrap();
}
