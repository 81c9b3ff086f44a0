//! Suppression comments (`# runtask: ignore[RT112]`) in YAML, trailing or on the line above, and
//! RT008 `unused-suppression` for those that suppress nothing, with its fix. JSON goes through
//! `per-file-ignores` (tests/config.rs).

mod common;

use common::{codes_of, stderr, stdout, Scratch};

fn findings(s: &Scratch, file: &str) -> Vec<(String, u64, String)> {
    let o = s.lint(&[file, "--format", "json"]);
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    v[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap().to_owned(), d["line"].as_u64().unwrap(), d["message"].as_str().unwrap().to_owned()))
        .collect()
}

fn codes_on(f: &[(String, u64, String)], line: u64) -> Vec<&str> {
    f.iter().filter(|d| d.1 == line).map(|d| d.0.as_str()).collect()
}

#[test]
fn trailing_and_line_above_suppress_findings() {
    let s = Scratch::new("sup-yaml");
    let plain = "taskDefinition: web\ncount: 0\ncluster: batch\nlaunchType: EC2\n";
    s.file("run-task.yaml", plain);
    let f = findings(&s, "run-task.yaml");
    assert_eq!(codes_on(&f, 1), ["RT112"], "{f:?}");
    assert_eq!(codes_on(&f, 2), ["RT106"], "{f:?}");
    s.file("run-task.yaml", "taskDefinition: web  # runtask: ignore[RT112] pinned by the deploy job\n# runtask: ignore[value-out-of-range]\n\n# the batch size\ncount: 0\ncluster: batch\nlaunchType: EC2\n");
    let f = findings(&s, "run-task.yaml");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn an_unused_suppression_is_reported_with_a_fix() {
    let s = Scratch::new("sup-unused");
    let text = "taskDefinition: web:3  # runtask: ignore[RT112]\ncount: 0  # runtask: ignore[RT106, RT339]\ncluster: batch\nlaunchType: EC2\n";
    s.file("run-task.yaml", text);
    let f = findings(&s, "run-task.yaml");
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!((f[0].0.as_str(), f[0].1, f[0].2.as_str()), ("RT008", 1, "unused suppression: no RT112 finding on line 1"));
    assert_eq!((f[1].0.as_str(), f[1].1, f[1].2.as_str()), ("RT008", 2, "unused suppression: no RT339 finding on line 2"));
    let o = s.lint(&["run-task.yaml", "--format", "concise", "--quiet"]);
    assert_eq!(o.status.code(), Some(0), "a warning");
    assert_eq!(stdout(&o), "run-task.yaml:1:42: warning[RT008] unused suppression: no RT112 finding on line 1\nrun-task.yaml:2:36: warning[RT008] unused suppression: no RT339 finding on line 2\n");
    let o = s.lint(&["run-task.yaml", "--fix"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(s.read("run-task.yaml"), "taskDefinition: web:3\ncount: 0  # runtask: ignore[RT106]\ncluster: batch\nlaunchType: EC2\n");
    assert!(findings(&s, "run-task.yaml").is_empty());
}

#[test]
fn unknown_codes_and_empty_suppressions_are_reported() {
    let s = Scratch::new("sup-unknown");
    s.file("run-task.yaml", "taskDefinition: web:3  # runtask: ignore[RT10]\ncluster: batch  # runtask: ignore\nlaunchType: EC2\n# runtask: ignore[RT106]\n");
    let f = findings(&s, "run-task.yaml");
    assert_eq!(f.len(), 3, "{f:?}");
    assert_eq!(f[0].2, "`RT10` in a suppression comment is not a rule code or name");
    assert!(f[1].2.contains("must name the codes"), "{f:?}");
    assert_eq!((f[2].1, f[2].2.as_str()), (4, "unused suppression: no RT106 finding after the comment"));
}

#[test]
fn codes_of_rules_that_do_not_run_are_not_reported() {
    let s = Scratch::new("sup-disabled");
    // RT801 needs a task definition; RT112 is ignored; neither can be judged unused.
    s.file("run-task.yaml", "taskDefinition: web:3  # runtask: ignore[RT801]\ncluster: batch  # runtask: ignore[RT112]\nlaunchType: EC2\n");
    s.file("runtask.toml", "ignore = [\"RT112\"]\n");
    assert!(findings(&s, "run-task.yaml").is_empty());
    // Ignoring RT008 itself silences them all.
    s.file("run-task.yaml", "taskDefinition: web:3  # runtask: ignore[RT106]\ncluster: batch\nlaunchType: EC2\n");
    assert_eq!(findings(&s, "run-task.yaml").len(), 1);
    s.file("runtask.toml", "ignore = [\"unused-suppression\"]\n");
    assert!(findings(&s, "run-task.yaml").is_empty());
}

#[test]
fn json_has_no_comments() {
    // A `#` in a JSON string is not a suppression, and JSON is never scanned for them.
    let s = Scratch::new("sup-json");
    s.file("run-task.json", "{\"taskDefinition\": \"web\", \"group\": \"x # runtask: ignore[RT112]\"}\n");
    let by_file = codes_of(&s.lint(&["--format", "json"]));
    assert!(by_file[0].1.contains(&"RT112".to_owned()) && !by_file[0].1.contains(&"RT008".to_owned()), "{by_file:?}");
}

/// Issue 10 on issue 12's suppressions: `#` comments suppress findings in YAML state machines and
/// templates, scripts and workflows; a JSON state machine has no comments.
#[test]
fn suppressions_work_in_state_machines_and_scripts() {
    let s = Scratch::new("sup-dialects");
    let machine = "StartAt: Run\nStates:\n  Run:\n    Type: Task\n    Resource: arn:aws:states:::ecs:runTask\n    Parameters:\n      TaskDefinition: web:3\n      Cluster: batch\n      LaunchType: EC2\n      Count: 0{}\n    End: true\n";
    s.file("m.asl.yaml", &machine.replace("{}", ""));
    let f = findings(&s, "m.asl.yaml");
    // Step Functions does not pass `Count`.
    assert_eq!(codes_on(&f, 10), ["RT052"], "{f:?}");
    s.file("m.asl.yaml", &machine.replace("{}", "  # runtask: ignore[RT052] removed by the next release"));
    let f = findings(&s, "m.asl.yaml");
    assert!(f.is_empty(), "{f:?}");
    let script = "#!/bin/sh\n{}aws ecs run-task --cluster batch --task-definition web:3 --launch-type EC2 --count 0\n";
    s.file("run.sh", &script.replace("{}", ""));
    let f = findings(&s, "run.sh");
    assert_eq!(codes_on(&f, 2), ["RT106"], "{f:?}");
    s.file("run.sh", &script.replace("{}", "# runtask: ignore[value-out-of-range]\n"));
    let f = findings(&s, "run.sh");
    assert!(f.is_empty(), "{f:?}");
    // An unused one is reported in a script as in YAML.
    s.file("run.sh", &script.replace("{}", "# runtask: ignore[RT106, RT301]\n"));
    let f = findings(&s, "run.sh");
    assert_eq!(f.iter().map(|d| (d.0.as_str(), d.1)).collect::<Vec<_>>(), [("RT008", 2)], "{f:?}");
}
