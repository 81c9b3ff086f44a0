//! Requests where they live: real public state machines, templates and scripts
//! (`tests/dialects/`, sources in `tests/dialects/SOURCES.md`) and single mutations of them;
//! exact positions in JSON, YAML block scalars and flow style, and JSON held in strings; values
//! known only at run time never being errors; bad input; detection.

#![cfg(feature = "dialects")]

use std::fs;
use std::path::{Path, PathBuf};

use runtask_core::dialect::{check_source, detect, Dialect, Files, NoFiles};
use runtask_core::{apply_fixes, Diagnostic, Options, Report, Severity};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dialects")
}

fn check_as(path: &str, text: &str) -> Report {
    let dialect = detect(Some(path), text).unwrap_or_else(|| panic!("{path}: no dialect detected"));
    check_source(Some(path), text.as_bytes(), dialect, &Options::default(), &NoFiles).unwrap()
}

/// The text a diagnostic points at.
fn at<'a>(text: &'a str, d: &Diagnostic) -> &'a str {
    &text[d.start as usize..d.end as usize]
}

/// Every position of `d` (its range, labels and fix edits) in UTF-16 is that of a plain count,
/// so that JavaScript can slice the file with it.
fn assert_utf16_positions(text: &str, d: &Diagnostic) {
    let utf16 = |at: u32| text[..at as usize].encode_utf16().count() as u32;
    assert_eq!((d.utf16_start, d.utf16_end), (utf16(d.start), utf16(d.end)), "{d:?}");
    for l in &d.labels {
        assert_eq!((l.utf16_start, l.utf16_end), (utf16(l.start), utf16(l.end)), "{l:?}");
        let line_start = text[..l.start as usize].rfind(['\n', '\r']).map_or(0, |i| i + 1) as u32;
        assert_eq!(l.utf16_column, utf16(l.start) - utf16(line_start) + 1, "{l:?}");
    }
    for e in d.fix.iter().flat_map(|f| &f.edits) {
        assert_eq!((e.utf16_start, e.utf16_end), (utf16(e.start), utf16(e.end)), "{e:?}");
    }
}

fn show(text: &str, r: &Report) -> String {
    let mut out = String::new();
    for q in &r.requests {
        out.push_str(&format!("request {} at {}:{} pointer {:?}\n  {}\n", q.location, q.line, q.column, q.pointer, q.json));
    }
    for d in &r.diagnostics {
        assert_utf16_positions(text, d);
        out.push_str(&format!(
            "{}:{} {}[{}] {}\n  at {:?} pointer {:?} request {:?} in {}\n",
            d.line,
            d.column,
            d.severity,
            d.code,
            d.message,
            at(text, d),
            d.pointer,
            d.request.as_deref().unwrap_or("-"),
            d.location.as_deref().unwrap_or("-")
        ));
        if let Some(f) = &d.fix {
            for e in &f.edits {
                out.push_str(&format!("  fix {:?} -> {:?}\n", &text[e.start as usize..e.end as usize], e.content));
            }
        }
    }
    out
}

fn real_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.file_name().unwrap() != "SOURCES.md" {
                out.push(p);
            }
        }
    }
    let mut v = Vec::new();
    walk(&root(), &mut v);
    v.sort();
    v
}

fn rel(p: &Path) -> String {
    p.strip_prefix(root()).unwrap().to_string_lossy().replace('\\', "/")
}

#[test]
fn real_files_are_read_and_checked() {
    let sources = fs::read_to_string(root().join("SOURCES.md")).unwrap();
    let files = real_files();
    assert!(files.len() >= 9, "{files:?}");
    for f in files {
        let name = rel(&f);
        assert!(sources.contains(&format!("`{name}`")), "{name} is not recorded in SOURCES.md");
        let text = fs::read_to_string(&f).unwrap();
        let report = check_as(&f.to_string_lossy(), &text);
        assert!(!report.requests.is_empty(), "{name}: no request found");
        insta::assert_snapshot!(name.replace(['/', '.'], "_"), show(&text, &report));
    }
}

/// One change to a real file, and the finding it must cause, at the exact text.
struct Mutation {
    file: &'static str,
    find: &'static str,
    replace: &'static str,
    code: &'static str,
    at: &'static str,
}

const MUTATIONS: &[Mutation] = &[
    // JSON state machine: a value, a member name, a dynamic value made static.
    Mutation { file: "sfn-guide/wait-for-task-token.asl.json", find: "\"LaunchType\":\"FARGATE\"", replace: "\"LaunchType\":\"fargate\"", code: "RT105", at: "\"fargate\"" },
    Mutation { file: "sfn-guide/wait-for-task-token.asl.json", find: "\"Value.$\":\"$$.Task.Token\"", replace: "\"Value.$\":\"$.token\"", code: "RT055", at: "\"arn:aws:states:::ecs:runTask.waitForTaskToken\"" },
    Mutation { file: "sfn-guide/run-job.asl.json", find: "\"Cluster\": \"cluster-arn\",", replace: "\"Cluster\": \"cluster-arn\", \"Count\": 2,", code: "RT052", at: "\"Count\"" },
    Mutation { file: "sfn-guide/run-job.asl.json", find: "\"Command.$\"", replace: "\"command.$\"", code: "RT053", at: "\"command.$\"" },
    // CDK: JSON held in strings joined by Fn::Join.
    Mutation { file: "cdk/fargate-run-task-capacity-provider.template.json", find: "\\\"Memory\\\":\\\"2048\\\"", replace: "\\\"Memory\\\":\\\"9999\\\"", code: "RT301", at: "\\\"9999\\\"" },
    Mutation { file: "cdk/fargate-run-task-capacity-provider.template.json", find: "{\\\"CapacityProvider\\\":\\\"FARGATE\\\",\\\"Weight\\\":1,\\\"Base\\\":0}", replace: "{\\\"CapacityProvider\\\":\\\"FARGATE\\\",\\\"Weight\\\":1001,\\\"Base\\\":0}", code: "RT106", at: "1001" },
    // Scheduler template.
    Mutation { file: "cdk/ecs-run-task-fargate-schedule.template.json", find: "\"PropagateTags\": \"TASK_DEFINITION\"", replace: "\"PropagateTags\": \"SERVICE\"", code: "RT056", at: "\"SERVICE\"" },
    Mutation { file: "cdk/ecs-run-task-fargate-schedule.template.json", find: "\"AssignPublicIp\": \"DISABLED\"", replace: "\"AssignPublicIp\": \"NO\"", code: "RT105", at: "\"NO\"" },
    // Scripts: shorthand, JSON in double quotes with escapes, a stray option.
    Mutation { file: "scripts/run_ecs_task.sh", find: "assignPublicIp=ENABLED", replace: "assignPublicIp=ENABLE", code: "RT105", at: "ENABLE" },
    Mutation { file: "scripts/run-uc-green-kong-migration.sh", find: "\\\"assignPublicIp\\\": \\\"ENABLED\\\"", replace: "\\\"assignPublicIp\\\": \\\"YES\\\"", code: "RT105", at: "\\\"YES\\\"" },
    Mutation { file: "scripts/run-uc-green-kong-migration.sh", find: "--launch-type FARGATE", replace: "--lauch-type FARGATE", code: "RT059", at: "--lauch-type" },
    Mutation { file: "scripts/run_task.sh", find: "--count 1", replace: "--count 20", code: "RT106", at: "20" },
    // Makefile and workflow.
    Mutation { file: "make/Makefile", find: "--cluster timdex-dev", replace: "--cluster 'timdex dev'", code: "RT113", at: "'timdex dev'" },
    Mutation { file: "github/.github/workflows/deploy.yml", find: "\"name\":\"migrate\"", replace: "\"name\":\"migrate\",\"cpu\":-1", code: "RT106", at: "-1" },
];

#[test]
fn single_mutations_are_found_at_the_changed_characters() {
    for m in MUTATIONS {
        let path = root().join(m.file);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(m.find), "{}: mutation target {:?} not found", m.file, m.find);
        let before = check_as(&path.to_string_lossy(), &text);
        let mutated = text.replacen(m.find, m.replace, 1);
        let after = check_as(&path.to_string_lossy(), &mutated);
        let hit = after.diagnostics.iter().find(|d| d.code == m.code && at(&mutated, d) == m.at);
        assert!(hit.is_some(), "{} ({:?} -> {:?}): expected {} at {:?}, got:\n{}", m.file, m.find, m.replace, m.code, m.at, show(&mutated, &after));
        let had = before.diagnostics.iter().filter(|d| d.code == m.code).count();
        assert!(after.diagnostics.iter().filter(|d| d.code == m.code).count() > had, "{}: {} was already there", m.file, m.code);
        // The line of the finding is the line of the changed text.
        let d = hit.unwrap();
        let line = mutated[..d.start as usize].matches('\n').count() as u32 + 1;
        assert_eq!(d.line, line, "{}: {}", m.file, m.code);
    }
}

#[test]
fn positions_in_yaml_block_scalars_flow_style_and_strings_in_strings() {
    let t = "Resources:\n  Machine:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: !Sub |\n        {\"StartAt\": \"Run\", \"States\": {\"Run\": {\"Type\": \"Task\",\n          \"Resource\": \"arn:${AWS::Partition}:states:::ecs:runTask.sync\",\n          \"Parameters\": {\"TaskDefinition\": \"web:3\", \"LaunchType\": \"EC2\",\n            \"Overrides\": {\"Cpu\": \"abc\"}},\n          \"End\": true}}}\n  Flow:\n    Type: AWS::Scheduler::Schedule\n    Properties:\n      Target: {Arn: !GetAtt C.Arn, EcsParameters: {TaskDefinitionArn: !Ref T, TaskCount: 0, LaunchType: EC2}}\n  Quoted:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: \"{\\\"StartAt\\\": \\\"R\\\", \\\"States\\\": {\\\"R\\\": {\\\"Type\\\": \\\"Task\\\", \\\"Resource\\\": \\\"arn:aws:states:::ecs:runTask\\\", \\\"Parameters\\\": {\\\"TaskDefinition\\\": \\\"web:3\\\", \\\"Group\\\": 7}, \\\"End\\\": true}}}\"\n";
    let r = check_as("template.yaml", t);
    let cpu = r.diagnostics.iter().find(|d| d.code == "RT300").unwrap_or_else(|| panic!("{}", show(t, &r)));
    assert_eq!((cpu.line, cpu.column, at(t, cpu)), (9, 34, "\"abc\""));
    assert_eq!(cpu.pointer, "", "inside a DefinitionString the file has no pointer");
    assert_eq!(cpu.request.as_deref(), Some("/overrides/cpu"));
    assert_eq!(cpu.location.as_deref(), Some("resource Machine, state \"Run\""));
    assert!(cpu.message.contains("`Overrides.Cpu`"), "{}", cpu.message);
    let count = r.diagnostics.iter().find(|d| d.code == "RT106").unwrap_or_else(|| panic!("{}", show(t, &r)));
    assert_eq!((count.line, at(t, count)), (14, "0"));
    assert_eq!(count.pointer, "/Resources/Flow/Properties/Target/EcsParameters/TaskCount");
    let group = r.diagnostics.iter().find(|d| d.code == "RT102").unwrap_or_else(|| panic!("{}", show(t, &r)));
    assert_eq!((group.line, at(t, group)), (18, "7"));
}

#[test]
fn positions_in_json_strings_in_json() {
    let t = r#"{"Resources": {"M": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"DefinitionString": "{\"StartAt\":\"R\",\"States\":{\"R\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::ecs:runTask\",\"Parameters\":{\"TaskDefinition\":\"web:3\",\"LaunchType\":\"fargate\"},\"End\":true}}}"}}}}"#;
    let r = check_as("t.template.json", t);
    let d = r.diagnostics.iter().find(|d| d.code == "RT105").unwrap_or_else(|| panic!("{}", show(t, &r)));
    assert_eq!(at(t, d), r#"\"fargate\""#);
    // The fix is written escaped, and applying it removes the finding.
    let fix = d.fix.as_ref().expect("the fix maps back");
    assert_eq!(fix.edits[0].content, r#"\"FARGATE\""#);
    let (fixed, n) = apply_fixes(t, [fix], false);
    assert_eq!(n, 1);
    let again = check_as("t.template.json", &fixed);
    assert!(!again.diagnostics.iter().any(|d| d.code == "RT105"), "{}", show(&fixed, &again));
}

#[test]
fn fixes_map_back_to_yaml_and_shell() {
    let y = "StartAt: Run\nStates:\n  Run:\n    Type: Task\n    Resource: arn:aws:states:::ecs:runTask\n    Parameters:\n      TaskDefinition: web:3\n      LaunchType: fargate\n      launchType2: x\n    End: true\n";
    let r = check_as("m.asl.yaml", y);
    let d = r.diagnostics.iter().find(|d| d.code == "RT105").unwrap();
    let (fixed, _) = apply_fixes(y, d.fix.iter(), false);
    assert!(fixed.contains("LaunchType: \"FARGATE\"\n"), "{fixed}");
    let s = "#!/bin/sh\naws ecs run-task --task-definition web:3 --launch-type fargate\n";
    let r = check_as("run.sh", s);
    let d = r.diagnostics.iter().find(|d| d.code == "RT105").unwrap();
    let (fixed, _) = apply_fixes(s, d.fix.iter(), false);
    assert_eq!(fixed, "#!/bin/sh\naws ecs run-task --task-definition web:3 --launch-type FARGATE\n");
}

/// In a file with non-ASCII text before the request, the labels and fix edits of the request's
/// findings are placed in the file with their UTF-16 offsets (what the npm package slices with).
#[test]
fn labels_and_edits_in_a_file_carry_utf16_offsets() {
    let y = "Comment: 夜間レポート 🌙\r\nStartAt: Run\r\nStates:\r\n  Run:\r\n    Type: Task\r\n    Resource: arn:aws:states:::ecs:runTask\r\n    Parameters:\r\n      TaskDefinition: web:3\r\n      LaunchType: fargate\r\n      Tags: [{Key: チーム, Value: a}, {Key: team, Value: b}, {Key: team, Value: c}]\r\n    End: true\r\n";
    let r = check_as("m.asl.yaml", y);
    for d in &r.diagnostics {
        assert_utf16_positions(y, d);
    }
    let fix = r.diagnostics.iter().find(|d| d.code == "RT105").and_then(|d| d.fix.as_ref()).unwrap_or_else(|| panic!("{}", show(y, &r)));
    let units: Vec<u16> = y.encode_utf16().collect();
    let e = &fix.edits[0];
    assert!(e.utf16_start < e.start, "{e:?}");
    assert_eq!(String::from_utf16(&units[e.utf16_start as usize..e.utf16_end as usize]).unwrap(), "fargate");
    let label = r.diagnostics.iter().flat_map(|d| &d.labels).next().unwrap_or_else(|| panic!("a label: {}", show(y, &r)));
    assert!(label.utf16_start < label.start, "{label:?}");
}

#[test]
fn values_known_only_at_run_time_are_never_errors() {
    // Each value below would be an error if it were static.
    let cases: &[(&str, &str)] = &[
        ("m.asl.json", r#"{"StartAt":"R","States":{"R":{"Type":"Task","Resource":"arn:aws:states:::ecs:runTask.sync","Parameters":{"TaskDefinition.$":"$.td","Cluster.$":"$$.Execution.Input.cluster","LaunchType.$":"$.lt","Overrides":{"Cpu.$":"States.Format('{}', $.cpu)","Memory.$":"$.memory"}},"End":true}}}"#),
        ("m.asl.json", r#"{"QueryLanguage":"JSONata","StartAt":"R","States":{"R":{"Type":"Task","Resource":"arn:aws:states:::ecs:runTask","Arguments":{"TaskDefinition":"{% $states.input.td %}","PlatformVersion":"{% $states.input.pv %}","NetworkConfiguration":"{% $states.input.net %}","LaunchType":"FARGATE"},"End":true}}}"#),
        ("t.yaml", "Resources:\n  S:\n    Type: AWS::Scheduler::Schedule\n    Properties:\n      Target:\n        Arn: !GetAtt C.Arn\n        EcsParameters:\n          TaskDefinitionArn: !Ref T\n          TaskCount: !Ref N\n          LaunchType: !If [IsProd, FARGATE, EC2]\n          NetworkConfiguration: !If [IsProd, {AwsvpcConfiguration: {Subnets: [!Ref S1]}}, !Ref AWS::NoValue]\n          PropagateTags: \"${Propagate}\"\n"),
        ("run.sh", "#!/bin/sh\naws ecs run-task --task-definition \"$TD\" --count \"$N\" --launch-type \"$LT\" --overrides \"$OVERRIDES\" --network-configuration \"awsvpcConfiguration={subnets=[$SUBNET]}\"\n"),
        ("Makefile", "run:\n\taws ecs run-task --task-definition $(TD) --count $(N) --launch-type ${LT} $(EXTRA)\n"),
        (".github/workflows/x.yml", "on: push\njobs:\n  a:\n    steps:\n      - run: aws ecs run-task --task-definition ${{ vars.TD }} --count ${{ inputs.n }} --cluster ${{ vars.C }}\n"),
    ];
    for (path, text) in cases {
        let r = check_as(path, text);
        let errors: Vec<_> = r.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
        assert!(errors.is_empty(), "{path}: {}", show(text, &r));
        let infos = r.diagnostics.iter().filter(|d| d.code == "RT050").count();
        assert_eq!(infos, r.requests.len(), "{path}: one info per request\n{}", show(text, &r));
    }
}

#[test]
fn static_members_next_to_dynamic_ones_are_checked_fully() {
    let t = r#"{"StartAt":"R","States":{"R":{"Type":"Task","Resource":"arn:aws:states:::ecs:runTask","Parameters":{"TaskDefinition.$":"$.td","LaunchType":"FARGATE","PlatformVersion":"1.2.0","Overrides":{"Cpu":"256","Memory.$":"$.m"}},"End":true}}}"#;
    let r = check_as("m.asl.json", t);
    let codes: Vec<&str> = r.diagnostics.iter().map(|d| d.code).collect();
    // No network configuration on Fargate, whatever the dynamic values are.
    assert!(codes.contains(&"RT400"), "{}", show(t, &r));
    // The cpu/memory pair is not judged: memory is unknown.
    assert!(!codes.contains(&"RT301"), "{}", show(t, &r));
}

#[test]
fn findings_sit_at_the_member_or_its_request_object() {
    for f in real_files() {
        let text = fs::read_to_string(&f).unwrap();
        let r = check_as(&f.to_string_lossy(), &text);
        for d in &r.diagnostics {
            assert!(d.pointer != "/States" && d.pointer != "/Resources", "{}: {d:?}", rel(&f));
            // Not on the `DefinitionString` key or the command's first word when a member is concerned.
            if d.request.as_deref().is_some_and(|p| !p.is_empty()) && d.member.is_none() {
                assert!(!at(&text, d).starts_with("aws ecs"), "{}: {d:?}", rel(&f));
                assert_ne!(at(&text, d), "\"DefinitionString\"", "{}", rel(&f));
            }
        }
    }
}

#[test]
fn bad_input_gets_one_clear_diagnostic() {
    let r = check_source(Some("t.yaml"), b"Resources:\n  M:\n    Type: [AWS::StepFunctions::StateMachine\n    Properties: {}\n", Dialect::Cloudformation, &Options::default(), &NoFiles).unwrap();
    assert_eq!(r.diagnostics.len(), 1, "{:?}", r.diagnostics);
    assert_eq!(r.diagnostics[0].code, "RT001");
    assert!(r.diagnostics[0].message.contains("template cannot be read"), "{}", r.diagnostics[0].message);
    let s = "#!/bin/sh\naws ecs run-task --cluster 'batch --task-definition web:3\n";
    let r = check_as("run.sh", s);
    assert_eq!(r.diagnostics.len(), 1);
    assert_eq!((r.diagnostics[0].code, r.diagnostics[0].line, r.diagnostics[0].column), ("RT063", 2, 28));
    // A 10 MB template: refused unread, one diagnostic.
    let big = format!("Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      Definition: {{StartAt: R, States: {{R: {{Type: Task, Resource: arn:aws:states:::ecs:runTask}}}}}}\n# {}\n", "x".repeat(10 * 1024 * 1024));
    let r = check_source(Some("big.yaml"), big.as_bytes(), Dialect::Cloudformation, &Options::default(), &NoFiles).unwrap();
    assert_eq!(r.diagnostics.len(), 1);
    assert_eq!(r.diagnostics[0].code, "RT002");
    assert!(r.diagnostics[0].message.contains("template"), "{}", r.diagnostics[0].message);
    // An EventBridge target's Input that is not JSON: an error for a rule ("Valid JSON text"), a
    // warning for a schedule.
    for (ty, targets, severity) in [("AWS::Events::Rule", "Targets:\n        - Id: t\n          ", Severity::Error), ("AWS::Scheduler::Schedule", "Target:\n          ", Severity::Warning)] {
        let t = format!("Resources:\n  R:\n    Type: {ty}\n    Properties:\n      {targets}Arn: arn:aws:ecs:us-east-1:1:cluster/c\n          Input: 'run now'\n          EcsParameters: {{TaskDefinitionArn: arn:aws:ecs:us-east-1:1:task-definition/t:1, LaunchType: EC2}}\n");
        let r = check_as("t.yaml", &t);
        let d = r.diagnostics.iter().find(|d| d.code == "RT001").unwrap_or_else(|| panic!("{}", show(&t, &r)));
        assert_eq!((d.severity, at(&t, d)), (severity, "r"), "{ty}");
    }
    // A DefinitionString that is not JSON: at its syntax position.
    let t = "Resources:\n  M:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      DefinitionString: |\n        {\"StartAt\": \"R\", \"States\": {\"R\": {\"Type\": \"Task\", \"Resource\": \"arn:aws:states:::ecs:runTask\",}}}\n";
    let r = check_as("t.yaml", t);
    assert_eq!(r.diagnostics.len(), 1, "{}", show(t, &r));
    assert_eq!((r.diagnostics[0].code, r.diagnostics[0].line), ("RT001", 6));
}

#[test]
fn files_without_a_request_give_nothing() {
    assert_eq!(detect(Some("package.json"), r#"{"name": "x", "scripts": {"test": "jest"}}"#), None);
    // Request-like members in other files: npm's `overrides`, a service, a task definition.
    assert_eq!(detect(Some("package.json"), r#"{"name": "x", "overrides": {"foo": "1.0.0"}}"#), None);
    assert_eq!(detect(Some("service.json"), r#"{"serviceName": "web", "taskDefinition": "web:3", "desiredCount": 2, "launchType": "FARGATE"}"#), None);
    assert_eq!(detect(Some("taskdef.json"), r#"{"taskDefinition": {"family": "web", "containerDefinitions": []}}"#), None);
    assert_eq!(detect(Some("docker-compose.yml"), "services:\n  web:\n    image: nginx\n"), None);
    assert_eq!(detect(Some("deploy.sh"), "#!/bin/sh\naws ecs update-service --cluster c --service s\n"), None);
    assert_eq!(detect(Some("sm.asl.json"), r#"{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}"#), None);
    assert_eq!(detect(Some("t.yaml"), "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n"), None);
    // A template that mentions runTask only in a Lambda's code has no request either.
    let t = "Resources:\n  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code: {ZipFile: \"ecs.runTask()\"}\n";
    let r = check_as("t.yaml", t);
    assert!(r.diagnostics.is_empty() && r.requests.is_empty(), "{}", show(t, &r));
    // And what is detected.
    assert_eq!(detect(Some("run-task.json"), "{}"), Some(Dialect::Request));
    assert_eq!(detect(Some("job.json"), r#"{"taskDefinition": "web:3"}"#), Some(Dialect::Request));
    assert_eq!(detect(Some("job.yaml"), "launchType: FARGATE\noverrides: {cpu: '256'}\n"), Some(Dialect::Request));
    assert_eq!(detect(Some("x/.github/workflows/ci.yml"), "on: push\njobs:\n  a:\n    steps:\n      - run: aws ecs run-task --cluster c\n"), Some(Dialect::GithubActions));
    assert_eq!(detect(None, "{\"Target\": {\"EcsParameters\": {}}}"), Some(Dialect::Scheduler));
}

/// Reads `file://` references from a table.
struct Table(Vec<(&'static str, &'static str)>);

impl Files for Table {
    fn read(&self, reference: &str) -> Result<String, String> {
        self.0.iter().find(|(n, _)| *n == reference).map(|(_, t)| (*t).to_owned()).ok_or_else(|| "no such file".to_owned())
    }
}

#[test]
fn file_references_are_read_through_the_caller() {
    let s = "aws ecs run-task --task-definition web:3 --launch-type EC2 --overrides file://o.json --cli-input-json file://in.json\n";
    let files = Table(vec![("o.json", r#"{"cpu": "abc"}"#), ("in.json", r#"{"cluster": "batch prod", "count": 3}"#)]);
    let r = check_source(Some("run.sh"), s.as_bytes(), Dialect::Shell, &Options::default(), &files).unwrap();
    let cpu = r.diagnostics.iter().find(|d| d.code == "RT300").unwrap_or_else(|| panic!("{}", show(s, &r)));
    assert_eq!(at(s, cpu), "file://o.json", "findings inside a referenced file sit at the reference");
    assert!(r.diagnostics.iter().any(|d| d.code == "RT113"), "{}", show(s, &r));
    let r = check_source(Some("run.sh"), s.as_bytes(), Dialect::Shell, &Options::default(), &NoFiles).unwrap();
    let missing: Vec<_> = r.diagnostics.iter().filter(|d| d.code == "RT062").collect();
    assert_eq!(missing.len(), 2, "{}", show(s, &r));
    assert!(missing.iter().all(|d| d.severity == Severity::Warning));
    assert!(!r.diagnostics.iter().any(|d| d.severity == Severity::Error), "{}", show(s, &r));
}

#[test]
fn dialect_limits_agree_with_their_record() {
    let record = fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/dialects.md")).unwrap();
    let json = record.split("```json").nth(1).and_then(|s| s.split("```").next()).unwrap();
    let entries: Vec<serde_json::Value> = serde_json::from_str(json).unwrap();
    let table = runtask_core::dialect::limits::describe_all();
    assert_eq!(entries.len(), table.len(), "spec/dialects.md and limits.rs list different limits");
    for e in &entries {
        let key = (e["dialect"].as_str().unwrap().to_owned(), e["path"].as_str().unwrap().to_owned(), e["limit"].as_str().unwrap().to_owned());
        assert!(table.contains(&key), "{key:?} is recorded but not in limits.rs: {table:?}");
    }
}

#[test]
fn nested_states_join_built_resources_and_the_task_definition() {
    // A Task state in a Map inside a Parallel branch, in a template's Definition object whose
    // Resource is built with Fn::Join; the task definition given with the check applies too.
    let t = r#"{"Resources": {"M": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"Definition": {
  "StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [{"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true,
    "ItemProcessor": {"StartAt": "Run", "States": {"Run": {"Type": "Task", "End": true,
      "Resource": {"Fn::Join": [":", ["arn", {"Ref": "AWS::Partition"}, "states", "", "", "ecs:runTask.sync"]]},
      "Parameters": {"TaskDefinition": "web:3", "LaunchType": "EC2", "Overrides": {"ContainerOverrides": [{"Name": "wbe"}]}}}}}}}}]}}}}}}}"#;
    let td = r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 256}]}"#;
    let options = Options { task_definition: Some(td.to_owned()), ..Options::default() };
    let r = check_source(Some("t.template.json"), t.as_bytes(), Dialect::Cloudformation, &options, &NoFiles).unwrap();
    assert_eq!(r.requests.len(), 1, "{}", show(t, &r));
    assert_eq!(r.requests[0].location, "resource M, state \"Run\"");
    let d = r.diagnostics.iter().find(|d| d.code == "RT801" || d.name == "container-override-name-unknown").unwrap_or_else(|| panic!("{}", show(t, &r)));
    assert_eq!(at(t, d), "\"wbe\"");
    assert_eq!(d.pointer, "/Resources/M/Properties/Definition/States/P/Branches/0/States/Each/ItemProcessor/States/Run/Parameters/Overrides/ContainerOverrides/0/Name");
    assert!(d.message.contains("`wbe`"), "{}", d.message);
}
