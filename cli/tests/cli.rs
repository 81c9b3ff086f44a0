//! The runtask-lint binary end to end: formats (snapshots), exit status, inputs, fixes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn lint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_runtask-lint")).args(args).current_dir(root()).env_remove("NO_COLOR").output().unwrap()
}

fn lint_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_runtask-lint"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

const BAD: &str = "cli/tests/data/bad.json";
const GOOD: &str = "tests/inputs/typical-fargate.json";

#[test]
fn full_format() {
    let o = lint(&[BAD, "--color", "never"]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn concise_format() {
    let o = lint(&[BAD, "--format", "concise"]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn json_format_is_one_array_with_one_object_per_file() {
    let o = lint(&[BAD, GOOD, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let files = v.as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["file"], BAD);
    assert_eq!(files[1]["file"], GOOD);
    for d in files[0]["diagnostics"].as_array().unwrap() {
        assert!(matches!(d["severity"].as_str(), Some("error" | "warning" | "info")));
        assert!(d["code"].as_str().unwrap().starts_with("RT"));
        assert!(d["pointer"].is_string() && d["message"].is_string());
        assert!(d["line"].as_u64().unwrap() >= 1 && d["column"].as_u64().unwrap() >= 1);
        assert!(d["help"].is_string() || d["help"].is_null());
    }
    insta::assert_snapshot!(stdout(&lint(&[BAD, "--format", "json"])));
}

#[test]
fn github_format() {
    let o = lint(&[BAD, "--format", "github"]);
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn sarif_format() {
    let o = lint(&[BAD, "--format", "sarif"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["version"], "2.1.0");
    let results = v["runs"][0]["results"].as_array().unwrap();
    assert!(!results.is_empty());
    // Rules metadata change as rules are added; snapshot only the results.
    insta::assert_json_snapshot!(results);
}

#[test]
fn valid_file_exits_zero() {
    let o = lint(&[GOOD, "--format", "concise"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn missing_file_is_reported_and_the_others_still_checked() {
    let o = lint(&["does-not-exist.json", BAD, "--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["error"], "no such file");
    assert!(!v[1]["diagnostics"].as_array().unwrap().is_empty());
}

#[test]
fn usage_errors_exit_two() {
    let o = lint(&[BAD, "--select", "RT99X"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("RT99X"));
    assert_eq!(lint(&[BAD, "--format", "xml"]).status.code(), Some(2));
    let o = lint(&[BAD, "--task-definition", "nope.json"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn select_and_ignore_by_prefix() {
    let o = lint(&[BAD, "--format", "json", "--select", "RT106"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let codes: Vec<&str> = v[0]["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert!(!codes.is_empty() && codes.iter().all(|c| *c == "RT106"), "{codes:?}");
    let o = lint(&[BAD, "--format", "json", "--ignore", "RT1"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v[0]["diagnostics"].as_array().unwrap().iter().all(|d| !d["code"].as_str().unwrap().starts_with("RT1")));
}

#[test]
fn explain_prints_the_rule_docs() {
    let o = lint(&["--explain", "RT106"]);
    assert_eq!(o.status.code(), Some(0));
    let s = stdout(&o);
    assert!(s.starts_with("# RT106 value-out-of-range"), "{s}");
    assert!(s.contains("## Invalid example"));
    assert_eq!(lint(&["--explain", "RT999"]).status.code(), Some(2));
}

#[test]
fn stdin_json_and_yaml() {
    let o = lint_stdin(&["-", "--format", "concise"], b"{\"taskDefinition\": \"web:3\", \"count\": 0}");
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("<stdin>:1:38: error[RT106]"), "{}", stdout(&o));
    let o = lint_stdin(&["-", "--format", "concise"], b"taskDefinition: web:3\ncount: 0\n");
    assert!(stdout(&o).contains("<stdin>:2:8: error[RT106]"), "{}", stdout(&o));
}

#[test]
fn yaml_file_positions_are_yaml_positions() {
    let o = lint(&["cli/tests/data/bad.yaml", "--format", "concise"]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!(stdout(&o));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let plain = stdout(&lint(&[BAD]));
    assert!(!plain.contains('\u{1b}'), "piped output must be plain");
    let coloured = stdout(&lint(&[BAD, "--color", "always"]));
    assert!(coloured.contains('\u{1b}'));
}

#[test]
fn fix_applies_safe_fixes_and_rechecks() {
    let dir = std::env::temp_dir().join(format!("runtask-fix-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("req.json");
    std::fs::write(&file, "{\"TaskDefinition\": \"web:3\", \"count\": \"2\", \"launchType\": \"ec2\"}").unwrap();
    let o = lint(&[file.to_str().unwrap(), "--fix", "--format", "concise"]);
    let fixed = std::fs::read_to_string(&file).unwrap();
    assert_eq!(fixed, "{\"taskDefinition\": \"web:3\", \"count\": 2, \"launchType\": \"EC2\"}");
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn huge_file_is_refused_without_reading_it() {
    let dir = std::env::temp_dir().join(format!("runtask-huge-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("huge.json");
    // A sparse 200 MB file: instant to make, and the CLI must not read it.
    std::fs::File::create(&file).unwrap().set_len(200 * 1024 * 1024).unwrap();
    let o = lint(&[file.to_str().unwrap(), "--format", "concise"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("error[RT002] the input is 209715200 bytes"), "{}", stdout(&o));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn rules_lists_every_rule() {
    let o = lint(&["rules", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), runtask_core::registry::rules().len());
}

#[test]
fn rules_reference_is_up_to_date() {
    let o = lint(&["rules", "--markdown"]);
    let committed = std::fs::read_to_string(root().join("docs/rules.md")).unwrap();
    assert!(stdout(&o) == committed, "docs/rules.md is out of date: run `cargo run -p runtask-lint -- rules --markdown > docs/rules.md`");
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("runtask-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn state_machines_templates_and_scripts_are_detected_and_read() {
    let files = ["docs/examples/manage-ecs-task.asl.json", "docs/examples/nightly-report.yaml", "docs/examples/run-report.sh"];
    let o = lint(&[files[0], files[1], files[2], "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let find = |file: usize, code: &str| v[file]["diagnostics"].as_array().unwrap().iter().find(|d| d["code"] == code).cloned().unwrap_or_else(|| panic!("{code} in {}", files[file]));
    let d = find(0, "RT400");
    assert_eq!((d["pointer"].as_str(), d["request"].as_str(), d["location"].as_str()), (Some("/States/Manage ECS task/Parameters"), Some(""), Some("state \"Manage ECS task\"")));
    let d = find(1, "RT106");
    assert_eq!((d["line"].as_u64(), d["pointer"].as_str(), d["request"].as_str()), (Some(18), Some("/Resources/NightlyReport/Properties/Target/EcsParameters/TaskCount"), Some("/count")));
    assert!(d["message"].as_str().unwrap().contains("`TaskCount`"));
    let d = find(2, "RT301");
    assert_eq!((d["line"].as_u64(), d["pointer"].as_str(), d["location"].as_str()), (Some(10), Some(""), Some("line 5: aws ecs run-task")));
    // A request file keeps its output: no `request` or `location`.
    let o = lint(&[BAD, "--format", "json"]);
    assert!(!stdout(&o).contains("\"location\""));
}

#[test]
fn dialect_option_forces_the_reading() {
    // A state machine read as a request is full of unknown members.
    let o = lint(&["docs/examples/manage-ecs-task.asl.json", "--dialect", "request", "--format", "concise"]);
    assert!(stdout(&o).contains("error[RT101] unknown member `StartAt`"), "{}", stdout(&o));
    // Standard input has no name: the content decides, or --dialect does.
    let script = b"aws ecs run-task --task-definition web:3 --count 0\n";
    let o = lint_stdin(&["-", "--format", "concise"], script);
    assert!(stdout(&o).contains("<stdin>:1:50: error[RT106]"), "{}", stdout(&o));
    let o = lint_stdin(&["-", "--dialect", "shell", "--format", "concise"], script);
    assert!(stdout(&o).contains("<stdin>:1:50: error[RT106]"), "{}", stdout(&o));
}

#[test]
fn detected_only_skips_files_without_a_request() {
    let dir = temp_dir("detected");
    let other = dir.join("package.json");
    std::fs::write(&other, "{\"name\": \"x\", \"scripts\": {\"test\": \"jest\"}}").unwrap();
    let compose = dir.join("docker-compose.yml");
    std::fs::write(&compose, "services:\n  web:\n    image: nginx\n").unwrap();
    let o = lint(&[other.to_str().unwrap(), compose.to_str().unwrap(), "--detected-only", "--format", "concise"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("no problems"), "{}", stdout(&o));
    // Named explicitly without the option, a file is checked as a request.
    let o = lint(&[other.to_str().unwrap(), "--format", "concise"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn file_references_are_read_next_to_the_script() {
    let dir = temp_dir("fileref");
    std::fs::create_dir_all(dir.join("deploy")).unwrap();
    std::fs::write(dir.join("deploy/overrides.json"), "{\"cpu\": \"abc\"}").unwrap();
    let script = dir.join("deploy/run.sh");
    std::fs::write(&script, "#!/bin/sh\naws ecs run-task --task-definition web:3 --launch-type EC2 \\\n  --overrides file://overrides.json \\\n  --placement-constraints file://missing.json\n").unwrap();
    // Run from elsewhere: the references are next to the script, not the working directory.
    let o = lint(&[script.to_str().unwrap(), "--format", "concise"]);
    let out = stdout(&o);
    assert!(out.contains("run.sh:3:15: error[RT300]"), "{out}");
    assert!(out.contains("run.sh:4:27: warning[RT062]"), "{out}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn fixes_apply_to_yaml_state_machines() {
    let dir = temp_dir("fixyaml");
    let file = dir.join("machine.asl.yaml");
    std::fs::write(&file, "StartAt: Run\nStates:\n  Run:\n    Type: Task\n    Resource: arn:aws:states:::ecs:runTask\n    Parameters:\n      TaskDefinition: web:3\n      LaunchType: ec2\n      cluster: batch\n    End: true\n").unwrap();
    let o = lint(&[file.to_str().unwrap(), "--fix", "--format", "concise"]);
    let fixed = std::fs::read_to_string(&file).unwrap();
    assert!(fixed.contains("      LaunchType: \"EC2\"\n      Cluster: batch\n"), "{fixed}");
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn huge_template_gets_one_diagnostic() {
    let dir = temp_dir("hugetemplate");
    let file = dir.join("template.yaml");
    std::fs::write(&file, "Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition: {StartAt: R, States: {R: {Type: Task, Resource: arn:aws:states:::ecs:runTask}}}\n").unwrap();
    // 10 MB: the CLI reads only its start, to tell what it is.
    std::fs::OpenOptions::new().write(true).open(&file).unwrap().set_len(10 * 1024 * 1024).unwrap();
    let o = lint(&[file.to_str().unwrap(), "--format", "concise", "--detected-only"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert_eq!(out.lines().filter(|l| l.contains("error[")).count(), 1, "{out}");
    assert!(out.contains("error[RT002] the template is 10485760 bytes"), "{out}");
    std::fs::remove_dir_all(&dir).unwrap();
}
