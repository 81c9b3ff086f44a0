//! The configuration: runtask.toml / .runtask.toml / [tool.runtask], found by walking up from
//! each file; --config, --isolated; every key; errors that name the line; `runtask-lint config`.

mod common;

use common::{codes_of, files_of, stderr, stdout, Scratch, BAD, GOOD};

/// A request that gives RT106 (count), RT112 (unpinned revision: `web` without `:3`) and RT114.
const MANY: &str = "{\n  \"taskDefinition\": \"web\",\n  \"count\": 11\n}\n";

fn codes(s: &Scratch, args: &[&str]) -> Vec<String> {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let o = s.lint(&all);
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
    codes_of(&o).into_iter().flat_map(|(_, c)| c).collect()
}

#[test]
fn select_ignore_and_extend_select() {
    let s = Scratch::new("cfg-select");
    s.file("run-task.json", MANY);
    let all = codes(&s, &["run-task.json"]);
    assert!(all.contains(&"RT106".to_owned()) && all.contains(&"RT112".to_owned()), "{all:?}");
    s.file("runtask.toml", "ignore = [\"RT112\"]\n");
    let c = codes(&s, &["run-task.json"]);
    assert!(!c.contains(&"RT112".to_owned()) && c.contains(&"RT106".to_owned()), "{c:?}");
    s.file("runtask.toml", "select = [\"RT106\"]\nextend-select = [\"unpinned-task-definition-revision\"]\n");
    let mut c = codes(&s, &["run-task.json"]);
    c.sort();
    assert_eq!(c, ["RT106", "RT112"]);
    // --select replaces `select`; `extend-select` still adds.
    let mut c = codes(&s, &["run-task.json", "--select", "RT114"]);
    c.sort();
    assert_eq!(c, ["RT112", "RT114"]);
    // --ignore adds to `ignore`.
    assert_eq!(codes(&s, &["run-task.json", "--ignore", "RT112"]), ["RT106"]);
}

#[test]
fn severity_changes_the_report_and_the_exit_status() {
    let s = Scratch::new("cfg-severity");
    s.file("run-task.json", MANY).file("runtask.toml", "[severity]\nRT106 = \"warning\"\nRT114 = \"error\"\n");
    let o = s.lint(&["run-task.json", "--format", "json", "--isolated"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rt106 = v[0]["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == "RT106").unwrap().clone();
    assert_eq!(rt106["severity"], "error");
    let o = s.lint(&["run-task.json", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let sev = |code: &str| v[0]["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == code).unwrap()["severity"].clone();
    assert_eq!(sev("RT106"), "warning");
    assert_eq!(sev("RT114"), "error");
    assert_eq!(o.status.code(), Some(1), "RT114 is an error now");
    s.file("runtask.toml", "[severity]\nRT106 = \"info\"\nRT1 = \"warning\"\n");
    let o = s.lint(&["run-task.json", "--format", "concise"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("info[RT106]") && stdout(&o).contains("warning[RT114]"), "{}", stdout(&o));
    let sarif: serde_json::Value = serde_json::from_slice(&s.lint(&["run-task.json", "--format", "sarif"]).stdout).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let rt106 = results.iter().find(|r| r["ruleId"] == "RT106").unwrap();
    assert_eq!(rt106["level"], "note", "SARIF follows the configured severity");
}

#[test]
fn per_file_ignores_by_glob() {
    let s = Scratch::new("cfg-per-file");
    s.file("legacy/run-task-old.json", MANY).file("deploy/run-task-new.json", MANY).file(
        "runtask.toml",
        "[per-file-ignores]\n\"legacy/*.json\" = [\"RT112\", \"RT106\"]\n\"run-task-new.json\" = [\"RT114\"]\n",
    );
    let by_file = codes_of(&s.lint(&["--format", "json"]));
    assert_eq!(by_file[0].0, "deploy/run-task-new.json");
    assert!(by_file[0].1.contains(&"RT112".to_owned()) && !by_file[0].1.contains(&"RT114".to_owned()), "{by_file:?}");
    assert_eq!(by_file[1].0, "legacy/run-task-old.json");
    assert!(!by_file[1].1.iter().any(|c| c == "RT112" || c == "RT106"), "{by_file:?}");
}

#[test]
fn include_and_exclude_choose_the_walked_files() {
    let s = Scratch::new("cfg-include");
    s.file("jobs/nightly.json", BAD).file("jobs/fixtures/broken.json", BAD).file("run-task.json", GOOD).file("jobs/readme.txt", "x");
    assert_eq!(files_of(&s.lint(&["--format", "json"])), ["run-task.json"]);
    s.file("runtask.toml", "include = [\"jobs/**/*.json\"]\nexclude = [\"fixtures/\"]\n");
    assert_eq!(files_of(&s.lint(&["--format", "json"])), ["jobs/nightly.json"]);
    // A file named on the command line is checked, unless --force-exclude.
    assert_eq!(files_of(&s.lint(&["jobs/fixtures/broken.json", "--format", "json"])), ["jobs/fixtures/broken.json"]);
    assert!(files_of(&s.lint(&["jobs/fixtures/broken.json", "--format", "json", "--force-exclude"])).is_empty());
}

#[test]
fn task_definitions_map_requests_to_their_task_definition() {
    let s = Scratch::new("cfg-td");
    let td = r#"{"family": "web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
        "containerDefinitions": [{"name": "app", "image": "nginx", "essential": true}]}"#;
    let request = r#"{"taskDefinition": "web:3", "cluster": "batch", "launchType": "FARGATE",
  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
  "overrides": {"containerOverrides": [{"name": "worker", "command": ["x"]}]}}"#;
    s.file("deploy/web/run-task.json", request).file("deploy/other/run-task.json", request).file("deploy/web/taskdef.json", td);
    // Without the mapping the container-name rule (task definition) cannot run.
    let without = codes_of(&s.lint(&["--format", "json"]));
    assert!(without.iter().all(|(_, c)| !c.iter().any(|c| c.starts_with("RT8"))), "{without:?}");
    s.file("runtask.toml", "[[task-definitions]]\nrequests = [\"deploy/web/*.json\"]\nfile = \"deploy/web/taskdef.json\"\n");
    let with = codes_of(&s.lint(&["--format", "json"]));
    assert_eq!(with.len(), 2, "the task definition itself is not checked as a request: {with:?}");
    assert_eq!(with[1].0, "deploy/web/run-task.json");
    assert!(with[1].1.iter().any(|c| c.starts_with("RT8")), "{with:?}");
    assert!(with[0].1.iter().all(|c| !c.starts_with("RT8")), "other requests are not mapped: {with:?}");
    // From another directory, relative to the configuration file all the same.
    let o = s.lint_in("deploy/web", &["run-task.json", "--format", "json"]);
    assert!(codes_of(&o)[0].1.iter().any(|c| c.starts_with("RT8")), "{}", stdout(&o));
}

#[test]
fn the_nearest_configuration_applies_and_pyproject_works() {
    let s = Scratch::new("cfg-nearest");
    s.file("a/run-task.json", MANY).file("a/b/run-task.json", MANY).file("runtask.toml", "ignore = [\"RT106\"]\n");
    s.file("a/b/pyproject.toml", "[project]\nname = \"x\"\n\n[tool.runtask]\nignore = [\"RT112\"]\n");
    s.file("a/pyproject.toml", "[project]\nname = \"no runtask table: skipped\"\n");
    let by_file = codes_of(&s.lint(&["--format", "json"]));
    assert_eq!(by_file[0].0, "a/b/run-task.json");
    assert!(by_file[0].1.contains(&"RT106".to_owned()) && !by_file[0].1.contains(&"RT112".to_owned()), "no merging: {by_file:?}");
    assert!(!by_file[1].1.contains(&"RT106".to_owned()) && by_file[1].1.contains(&"RT112".to_owned()), "{by_file:?}");
    // .runtask.toml wins over runtask.toml in the same directory.
    s.file(".runtask.toml", "ignore = [\"RT114\"]\n");
    assert!(codes_of(&s.lint(&["a/run-task.json", "--format", "json"]))[0].1.contains(&"RT106".to_owned()));
    // --config: one file for all; --isolated: none.
    s.file("other.toml", "select = [\"RT106\"]\n");
    let by_file = codes_of(&s.lint(&["--format", "json", "--config", "other.toml"]));
    assert!(by_file.iter().all(|(_, c)| c == &["RT106"]), "{by_file:?}");
    let by_file = codes_of(&s.lint(&["--format", "json", "--isolated"]));
    assert!(by_file.iter().all(|(_, c)| c.contains(&"RT106".to_owned()) && c.contains(&"RT112".to_owned())), "{by_file:?}");
}

#[test]
fn an_unknown_key_names_its_line_with_a_suggestion() {
    let s = Scratch::new("cfg-unknown-key");
    s.file("run-task.json", GOOD).file("runtask.toml", "# team settings\nignore = [\"RT112\"]\nselct = [\"RT1\"]\n");
    let o = s.lint(&["run-task.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert!(err.contains("error: configuration: unknown configuration key `selct`"), "{err}");
    assert!(err.contains("--> runtask.toml:3:1"), "{err}");
    assert!(err.contains("3 | selct = [\"RT1\"]"), "{err}");
    assert!(err.contains("help: did you mean `select`?"), "{err}");
}

#[test]
fn configuration_errors() {
    let s = Scratch::new("cfg-errors");
    s.file("run-task.json", GOOD);
    let cases: &[(&str, &str, &str)] = &[
        ("ignore = [\"RT11\", \"RT99X\"]\n", "runtask.toml:1:19", "`RT99X` matches no rule code or name"),
        ("[per-file-ignores]\n\"*.json\" = [\"unpinned-revision\"]\n", "runtask.toml:2:13", "did you mean"),
        ("[severity]\nRT106 = \"eror\"\n", "runtask.toml:2:9", "did you mean `error`?"),
        ("select = \"RT1\"\n", "runtask.toml:1:10", "`select` must be an array of strings"),
        ("[[task-definitions]]\nrequests = [\"*.json\"]\nfiel = \"td.json\"\n", "runtask.toml:3:1", "did you mean `file`?"),
        ("[[task-definitions]]\nrequests = [\"*.json\"]\nfile = \"td.json\"\n", "runtask.toml:3:8", "cannot read the task definition `td.json`: no such file"),
        ("include = [\"a/[b\"]\n", "runtask.toml:1:12", "invalid glob"),
        ("select = [\"RT1\"\n", "runtask.toml:", "invalid TOML"),
        ("extend_select = [\"RT1\"]\n", "runtask.toml:1:1", "did you mean `extend-select`?"),
    ];
    for (text, place, message) in cases {
        s.file("runtask.toml", text);
        let o = s.lint(&["run-task.json"]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{text}: {err}");
        assert!(err.contains(place) && err.contains(message), "{text}:\n{err}");
    }
    // A broken [tool.runtask] is an error too; a pyproject.toml without one is not read.
    std::fs::remove_file(s.path("runtask.toml")).unwrap();
    s.file("pyproject.toml", "[tool.runtask]\nignroe = []\n");
    assert!(stderr(&s.lint(&["run-task.json"])).contains("pyproject.toml:2:1"));
    s.file("pyproject.toml", "[tool.black]\nline-length = [\n");
    assert_eq!(s.lint(&["run-task.json"]).status.code(), Some(0));
}

#[test]
fn config_prints_the_effective_settings() {
    let s = Scratch::new("cfg-show");
    s.file("deploy/run-task.json", GOOD).file("deploy/runtask-td.json", r#"{"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx"}]}"#).file(
        "runtask.toml",
        "ignore = [\"RT112\"]\n[severity]\nRT339 = \"error\"\n[per-file-ignores]\n\"deploy/*\" = [\"RT114\"]\n[[task-definitions]]\nrequests = [\"deploy/run-*.json\"]\nfile = \"deploy/runtask-td.json\"\n",
    );
    let o = s.lint(&["config", "deploy/run-task.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let v: toml::Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(v["configuration"].as_str(), Some("runtask.toml"));
    assert_eq!(v["checked-when-walked"].as_bool(), Some(true));
    assert_eq!(v["ignore"].as_array().unwrap().iter().map(|x| x.as_str().unwrap()).collect::<Vec<_>>(), ["RT112", "RT114"]);
    assert_eq!(v["severity"]["RT339"].as_str(), Some("error"));
    assert_eq!(v["task-definition"].as_str(), Some("deploy/runtask-td.json"));
    let o = s.lint(&["config", "deploy/runtask-td.json"]);
    let v: toml::Table = toml::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["checked-when-walked"].as_bool(), Some(false), "a configured task definition is not a request");
    let o = s.lint(&["config", "--isolated", "deploy/run-task.json"]);
    let v: toml::Table = toml::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["configuration"].as_str(), Some("(none: defaults)"));
}

#[test]
fn help_documents_every_key() {
    let s = Scratch::new("cfg-help");
    let o = s.lint(&["--help"]);
    let text = stdout(&o);
    for key in ["select", "extend-select", "ignore", "per-file-ignores", "severity", "include", "exclude", "task-definitions", "runtask: ignore["] {
        assert!(text.contains(key), "--help lacks {key}");
    }
}
