//! runtask-lint in a repository: directories, the walk's choices and order, a closed pipe, and the
//! command-line habits (--quiet, --exit-zero, --output-file, --statistics, --show-fixes, --diff,
//! NO_COLOR/FORCE_COLOR, completions).

mod common;

use std::io::Read;
use std::process::Stdio;

use common::{codes_of, command, files_of, stderr, stdout, Scratch, BAD, GOOD};

fn repo(name: &str) -> Scratch {
    let s = Scratch::new(name);
    s.file("deploy/run-task-b.json", BAD)
        .file("deploy/run-task-a.json", GOOD)
        .file("deploy/nested/runtask-nightly.yaml", "taskDefinition: web:3\ncount: 0\ncluster: batch\nlaunchType: EC2\n")
        .file("deploy/package.json", "{\"name\": \"not a request\"}")
        .file("deploy/ignored/run-task-x.json", BAD)
        .file("deploy/.gitignore", "ignored/\n")
        .file("node_modules/dep/run-task.json", BAD)
        .file("run_task.yml", "taskDefinition: web:3\ncluster: batch\nlaunchType: EC2\n");
    s
}

#[test]
fn a_directory_is_walked_for_request_files() {
    // Before: "deploy/: is a directory", "no problems in 1 file (1 could not be read)", exit 2.
    let s = repo("walk");
    let o = s.lint(&["deploy/", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    // Sorted by name, depth first; .gitignore honoured; package.json is not a request file.
    assert_eq!(files_of(&o), ["deploy/nested/runtask-nightly.yaml", "deploy/run-task-a.json", "deploy/run-task-b.json"]);
    let o = s.lint(&["deploy", "--format", "concise"]);
    assert!(stdout(&o).contains("deploy/run-task-b.json:3:12: error[RT106]"), "{}", stdout(&o));
    assert!(stdout(&o).ends_with("2 errors in 3 files\n"), "{}", stdout(&o));
}

#[test]
fn no_argument_checks_the_current_directory() {
    let s = repo("cwd");
    let o = s.lint(&["--format", "json"]);
    assert_eq!(files_of(&o), ["deploy/nested/runtask-nightly.yaml", "deploy/run-task-a.json", "deploy/run-task-b.json", "run_task.yml"], "node_modules is never walked");
}

#[test]
fn order_follows_the_arguments_and_a_file_is_checked_once() {
    let s = repo("order");
    let o = s.lint(&["run_task.yml", "deploy/run-task-b.json", "deploy", "--format", "json"]);
    assert_eq!(files_of(&o), ["run_task.yml", "deploy/run-task-b.json", "deploy/nested/runtask-nightly.yaml", "deploy/run-task-a.json"]);
    // The same run twice gives the same bytes.
    assert_eq!(stdout(&s.lint(&["deploy", "run_task.yml"])), stdout(&s.lint(&["deploy", "run_task.yml"])));
}

#[test]
fn a_named_file_is_checked_whatever_its_name() {
    let s = repo("named");
    let o = s.lint(&["deploy/package.json", "--format", "json"]);
    assert_eq!(files_of(&o), ["deploy/package.json"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn a_directory_without_request_files_warns_and_passes() {
    let s = Scratch::new("empty");
    s.file("src/package.json", "{}");
    let o = s.lint(&["src"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("no request files under src"), "{}", stderr(&o));
    assert_eq!(stdout(&o), "no problems in 0 files\n");
    assert!(s.lint(&["src", "--quiet"]).stderr.is_empty());
}

#[test]
fn a_missing_path_is_reported_and_the_others_still_checked() {
    let s = repo("missing");
    let o = s.lint(&["nope/", "deploy/run-task-b.json", "--format", "json"]);
    assert_eq!(o.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["error"], "no such file");
    assert_eq!(v[1]["diagnostics"][0]["code"], "RT106");
}

/// Runs runtask-lint in `dir` with its standard output a pipe whose reading end is already
/// closed, as after `| head` has read enough: its first write fails.
fn closed_pipe_in(dir: &std::path::Path, args: &[&str]) -> (Option<i32>, String) {
    let (reader, writer) = os_pipe::pipe().unwrap();
    drop(reader);
    let mut child = command(dir, args).stdout(writer).stderr(Stdio::piped()).spawn().unwrap();
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    (child.wait().unwrap().code(), err)
}

fn closed_pipe(args: &[&str]) -> (Option<i32>, String) {
    closed_pipe_in(&Scratch::new("pipe").dir, args)
}

#[test]
fn a_closed_pipe_ends_quietly_with_the_sigpipe_status() {
    // Before: "failed printing to stdout: Broken pipe", a backtrace, exit 101.
    for args in [&["rules"][..], &["rules", "--json"], &["schema"], &["--explain", "RT106"], &["completions", "bash"]] {
        let (code, err) = closed_pipe(args);
        assert_eq!(err, "", "{args:?}: nothing on standard error");
        assert_eq!(code, Some(141), "{args:?}: 128 + SIGPIPE, what a shell reports for `cat` or `grep`");
    }
    let s = repo("pipe-check");
    assert_eq!(closed_pipe_in(&s.dir, &["deploy"]), (Some(141), String::new()));
}

#[test]
fn quiet_prints_the_findings_and_nothing_else() {
    let s = repo("quiet");
    let full = stdout(&s.lint(&["deploy/run-task-b.json", "--color", "never"]));
    let quiet = stdout(&s.lint(&["deploy/run-task-b.json", "--color", "never", "-q"]));
    assert!(full.ends_with("1 error in 1 file\n"));
    assert_eq!(format!("{quiet}1 error in 1 file\n"), full);
    let concise = stdout(&s.lint(&["deploy/run-task-b.json", "--format", "concise", "--quiet"]));
    assert_eq!(concise, "deploy/run-task-b.json:3:12: error[RT106] `count` is 0, below the minimum of 1\n");
}

#[test]
fn exit_zero_keeps_failures_but_not_findings() {
    let s = repo("exit-zero");
    assert_eq!(s.lint(&["deploy/run-task-b.json", "--exit-zero"]).status.code(), Some(0));
    assert_eq!(s.lint(&["deploy/run-task-b.json", "nope.json", "--exit-zero"]).status.code(), Some(2));
}

#[test]
fn output_file_takes_the_report() {
    let s = repo("output-file");
    let o = s.lint(&["deploy/run-task-b.json", "--format", "json", "-o", "report.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let v: serde_json::Value = serde_json::from_str(&s.read("report.json")).unwrap();
    assert_eq!(v[0]["diagnostics"][0]["code"], "RT106");
    let o = s.lint(&["deploy/run-task-b.json", "-o", "no/such/dir/report.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--output-file no/such/dir/report.txt"), "{}", stderr(&o));
}

#[test]
fn statistics_count_findings_per_rule() {
    let s = Scratch::new("stats");
    s.file("run-task-1.json", "{\"TaskDefinition\": \"web:3\", \"count\": 11, \"launchType\": \"fargate\"}")
        .file("run-task-2.json", "{\"taskDefinition\": \"web:3\", \"count\": 12}");
    let o = s.lint(&["--statistics"]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    let first = text.lines().next().unwrap();
    assert!(first.starts_with("    2  RT106  error    value-out-of-range"), "{text}");
    assert!(text.contains("RT101  error    unknown-member  (1 fixable)"), "{text}");
    let o = s.lint(&["--statistics", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["code"], "RT106");
    assert_eq!(v[0]["count"], 2);
    let total: u64 = v.as_array().unwrap().iter().map(|r| r["count"].as_u64().unwrap()).sum();
    let all = codes_of(&s.lint(&["--format", "json"]));
    assert_eq!(total as usize, all.iter().map(|(_, c)| c.len()).sum::<usize>());
}

#[test]
fn show_fixes_lists_available_and_applied_fixes() {
    let s = Scratch::new("show-fixes");
    s.file("run-task.json", "{\"TaskDefinition\": \"web:3\", \"launchType\": \"fargate\"}");
    let o = s.lint(&["run-task.json", "--show-fixes", "--format", "concise"]);
    let text = stdout(&o);
    assert!(text.contains("Fixes available (2 safe, 0 unsafe"), "{text}");
    assert!(text.contains("run-task.json:1:2: RT101 Rename to `taskDefinition` (safe)"), "{text}");
    let o = s.lint(&["run-task.json", "--show-fixes", "--fix", "--format", "concise"]);
    let text = stdout(&o);
    assert!(text.contains("Fixed 2 problems:\n  run-task.json: RT101 Rename to `taskDefinition`\n"), "{text}");
    assert_eq!(s.read("run-task.json"), "{\"taskDefinition\": \"web:3\", \"launchType\": \"FARGATE\"}");
}

#[test]
fn diff_prints_the_fixes_without_writing() {
    let s = Scratch::new("diff");
    let before = "{\n  \"TaskDefinition\": \"web:3\",\n  \"launchType\": \"fargate\"\n}\n";
    s.file("run-task.json", before).file("run-task-ok.json", GOOD);
    let o = s.lint(&["--diff"]);
    assert_eq!(o.status.code(), Some(1), "a diff to apply");
    assert_eq!(
        stdout(&o),
        "--- a/run-task.json\n+++ b/run-task.json\n@@ -1,4 +1,4 @@\n {\n-  \"TaskDefinition\": \"web:3\",\n-  \"launchType\": \"fargate\"\n+  \"taskDefinition\": \"web:3\",\n+  \"launchType\": \"FARGATE\"\n }\n"
    );
    assert!(stderr(&o).contains("Would fix 1 file"));
    assert_eq!(s.read("run-task.json"), before, "--diff writes nothing");
    let o = s.lint(&["run-task-ok.json", "--diff"]);
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), String::new()));
}

#[test]
fn no_color_and_force_color() {
    let s = repo("color");
    let args = ["deploy/run-task-b.json"];
    let has_color = |o: &std::process::Output| stdout(o).contains('\u{1b}');
    assert!(!has_color(&s.lint(&args)), "piped: plain");
    assert!(has_color(&s.lint_env(&args, &[("FORCE_COLOR", "1")])));
    assert!(!has_color(&s.lint_env(&args, &[("FORCE_COLOR", "0")])));
    assert!(!has_color(&s.lint_env(&args, &[("FORCE_COLOR", "1"), ("NO_COLOR", "1")])), "NO_COLOR wins");
    assert!(has_color(&s.lint_env(&["deploy/run-task-b.json", "--color", "always"], &[("NO_COLOR", "1")])), "the flag wins");
    assert!(!has_color(&s.lint_env(&["deploy/run-task-b.json", "-o", "out.txt"], &[])) && !s.read("out.txt").contains('\u{1b}'));
}

#[test]
fn completions_for_each_shell() {
    let s = Scratch::new("completions");
    for (shell, marker) in [("bash", "complete -F _runtask__lint"), ("zsh", "#compdef runtask-lint"), ("fish", "complete -c runtask-lint")] {
        let o = s.lint(&["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        let text = stdout(&o);
        assert!(text.contains(marker), "{shell}: {}", &text[..text.len().min(300)]);
        for flag in ["--format", "--config", "--statistics"] {
            assert!(text.contains(flag.trim_start_matches('-')), "{shell}: {flag}");
        }
    }
    assert_eq!(s.lint(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn bash_completion_completes_the_formats() {
    let s = Scratch::new("bash-complete");
    let script = stdout(&s.lint(&["completions", "bash"]));
    s.file("complete.bash", &script);
    let probe = "source ./complete.bash\nCOMP_WORDS=(runtask-lint --format c)\nCOMP_CWORD=2\nCOMP_LINE='runtask-lint --format c'\nCOMP_POINT=${#COMP_LINE}\n_runtask__lint runtask-lint c --format\necho \"${COMPREPLY[@]}\"\n";
    let o = std::process::Command::new("bash").arg("-c").arg(probe).current_dir(&s.dir).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "concise", "{}", String::from_utf8_lossy(&o.stderr));
}

/// Issue 12 with issue 10: without an `include`, a walk also finds the requests that live in state
/// machines, templates, scripts, Makefiles and workflows, and skips silently the JSON, YAML and
/// scripts that hold none (a package.json with npm's `overrides`, a build script).
#[test]
fn a_walk_finds_requests_where_they_live() {
    let s = Scratch::new("dialect-walk");
    s.file("sfn/report.asl.json", "{\"StartAt\": \"Run\", \"States\": {\"Run\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::ecs:runTask.sync\",\n  \"Parameters\": {\"TaskDefinition\": \"web:3\", \"Cluster\": \"batch\", \"LaunchType\": \"EC2\", \"Count\": 0}, \"End\": true}}}\n")
        .file("deploy/run.sh", "#!/bin/sh\naws ecs run-task --cluster batch --task-definition web:3 --launch-type EC2 --count 0\n")
        .file("deploy/build.sh", "#!/bin/sh\ncargo build --release\n")
        .file(".github/workflows/nightly.yml", "on: push\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps:\n      - run: aws ecs run-task --cluster batch --task-definition web:3 --launch-type EC2\n")
        .file("Makefile", "all:\n\tcargo build\n")
        .file("package.json", "{\"name\": \"x\", \"overrides\": {\"a\": \"1\"}, \"taskDefinition\": \"not a request\"}\n")
        .file("config.yaml", "services:\n  web:\n    image: nginx\n");
    let o = s.lint(&["--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(files_of(&o), [".github/workflows/nightly.yml", "deploy/run.sh", "sfn/report.asl.json"]);
    let codes = codes_of(&o);
    // The script's count 0; Step Functions does not pass `Count` (read as a state machine).
    assert!(codes[1].1.contains(&"RT106".to_owned()) && codes[2].1.contains(&"RT052".to_owned()), "{codes:?}");
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
    // A directory where nothing holds a request still warns.
    let o = s.lint(&["deploy/build.sh", "Makefile", "--detected-only", "--format", "json"]);
    assert_eq!(files_of(&o), Vec::<String>::new());
    // An `include` replaces the default patterns, the dialect ones too.
    s.file("runtask.toml", "include = [\"sfn/*.json\"]\n");
    let o = s.lint(&["--format", "json"]);
    assert_eq!(files_of(&o), ["sfn/report.asl.json"]);
}
