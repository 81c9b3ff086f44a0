//! Property: an API request written in each dialect — a state machine's `Parameters` (JSON and
//! YAML), a `DefinitionString` in a template, an EventBridge Scheduler target in a YAML
//! template, an `aws ecs run-task` command line — gets the same findings (codes) as the request
//! itself, apart from the dialects' own rules. The dialects' member names come from
//! `runtask_core::dialect::names`, the same tables that read them; the property checks the whole
//! way there and back (conversion, positions, dynamic-value handling that must not trigger).

#![cfg(feature = "dialects")]

use std::collections::BTreeMap;

use proptest::prelude::*;
use runtask_core::dialect::names::{self, cli_option, Names};
use runtask_core::dialect::{check_source, Dialect, NoFiles};
use runtask_core::model::{self, Shape, ShapeKind};
use runtask_core::{check, Options};
use serde_json::{json, Map, Value};

/// A small deterministic generator (the seed comes from proptest).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<T: Clone>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())].clone()
    }
}

const STRINGS: &[&str] = &["web:3", "web", "batch", "FARGATE", "EC2", "fargate", "256", "512", "1024", "4096", "1 vCPU", "LATEST", "1.3.0", "1.4.0", "ENABLED", "DISABLED", "subnet-0123456789abcdef0", "sg-0123456789abcdef0", "aws:x", "team", "memberOf", "distinctInstance", "binpack", "spread", "memory", "cpu", "attribute:ecs.instance-type =~ t3.*", "TASK_DEFINITION", "SERVICE", "arn:aws:iam::123456789012:role/r", "GPU", "1", "s3", "arn:aws:s3:::b/k.env", ""];
const INTS: &[i64] = &[0, 1, 2, 10, 11, -1, 128, 256, 512, 1024, 2048, 1001, 100_001, 21, 200, 201];

/// A value for `shape`, sometimes of the wrong type or out of range.
fn value(rng: &mut Rng, shape: &'static Shape, depth: usize) -> Value {
    if rng.chance(4) {
        // The wrong type.
        return match shape.kind {
            ShapeKind::String { .. } => json!(rng.pick(INTS)),
            _ => json!(rng.pick(STRINGS)),
        };
    }
    match &shape.kind {
        ShapeKind::String { enum_values, .. } => {
            if !enum_values.is_empty() && rng.chance(70) {
                json!(rng.pick(enum_values))
            } else {
                json!(rng.pick(STRINGS))
            }
        }
        ShapeKind::Integer { .. } => json!(rng.pick(INTS)),
        ShapeKind::Boolean => json!(rng.chance(50)),
        ShapeKind::List { member, .. } => {
            let n = if depth > 4 { 0 } else { rng.below(3) };
            Value::Array((0..n).map(|_| value(rng, member, depth + 1)).collect())
        }
        ShapeKind::Structure { members, .. } => {
            let mut m = Map::new();
            if depth < 5 {
                for member in *members {
                    if rng.chance(30) {
                        m.insert(member.name.to_owned(), value(rng, member.shape, depth + 1));
                    }
                }
            }
            Value::Object(m)
        }
    }
}

/// A request with members a dialect carries (`top`), always with a task definition.
fn request(rng: &mut Rng, top: &[&str], skip_overrides: &[&str]) -> Value {
    let mut m = Map::new();
    m.insert("taskDefinition".to_owned(), json!(rng.pick(&["web:3", "web", "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3"])));
    for member in model::request().members() {
        if member.name == "taskDefinition" || !top.contains(&member.name) || !rng.chance(35) {
            continue;
        }
        let mut v = value(rng, member.shape, 1);
        if member.name == "overrides" {
            if let Some(o) = v.as_object_mut() {
                for s in skip_overrides {
                    o.remove(*s);
                }
            }
        }
        m.insert(member.name.to_owned(), v);
    }
    Value::Object(m)
}

/// The request's members renamed as `names` writes them (below `path`).
fn rename(v: &Value, names: &'static Names, path: &str) -> Value {
    match v {
        Value::Object(m) => Value::Object(m.iter().map(|(k, v)| {
            let p = format!("{path}/{k}");
            (names.name_of(&p), rename(v, names, &p))
        }).collect()),
        Value::Array(items) => Value::Array(items.iter().map(|i| rename(i, names, &format!("{path}/*"))).collect()),
        other => other.clone(),
    }
}

/// Codes, without the dialects' own (RT05x, RT06x) and their count.
fn codes(diags: &[runtask_core::Diagnostic]) -> BTreeMap<&'static str, usize> {
    let mut m = BTreeMap::new();
    for d in diags {
        if !(d.code.starts_with("RT05") || d.code.starts_with("RT06")) {
            *m.entry(d.code).or_default() += 1;
        }
    }
    m
}

fn state_machine(params: Value) -> Value {
    json!({"StartAt": "Run", "States": {"Run": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.sync", "Parameters": params, "End": true}}})
}

fn in_dialect(path: &str, text: &str, dialect: Dialect) -> BTreeMap<&'static str, usize> {
    let r = check_source(Some(path), text.as_bytes(), dialect, &Options::default(), &NoFiles).unwrap();
    codes(&r.diagnostics)
}

/// A shell word that passes `s` through unchanged.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// The request as an `aws ecs run-task` command line, when every member has a form there.
fn command_line(req: &Value) -> Option<String> {
    let mut out = String::from("aws ecs run-task");
    for (k, v) in req.as_object()? {
        let m = model::request().member(k)?;
        let option = format!("--{}", cli_option(k));
        match (&m.shape.kind, v) {
            (ShapeKind::Boolean, Value::Bool(b)) => out.push_str(&format!(" {}{}", if *b { "--" } else { "--no-" }, cli_option(k))),
            (ShapeKind::Integer { .. }, Value::Number(n)) => out.push_str(&format!(" {option} {n}")),
            (ShapeKind::String { .. }, Value::String(s)) if !s.is_empty() && !s.starts_with("--") && !s.starts_with("file://") => out.push_str(&format!(" {option} {}", quote(s))),
            (ShapeKind::List { .. } | ShapeKind::Structure { .. }, Value::Array(_) | Value::Object(_)) => out.push_str(&format!(" {option} {}", quote(&v.to_string()))),
            _ => return None,
        }
    }
    out.push('\n');
    Some(out)
}

fn same(dialect: &str, expected: &BTreeMap<&'static str, usize>, got: &BTreeMap<&'static str, usize>, text: &str) -> Result<(), TestCaseError> {
    prop_assert_eq!(expected, got, "{} differs for:\n{}", dialect, text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    #[test]
    fn every_dialect_gives_the_request_findings(seed in 1u64..u64::MAX) {
        let mut rng = Rng(seed);

        // Step Functions: JSON, YAML and a DefinitionString in a template.
        let req = request(&mut rng, names::STEP_FUNCTIONS_PASSES, &["taskRoleArn", "executionRoleArn"]);
        let expected = codes(&check(&req.to_string(), &Options::default()).unwrap().diagnostics);
        let sm = state_machine(rename(&req, &names::STEP_FUNCTIONS, ""));
        let json_text = serde_json::to_string_pretty(&sm).unwrap();
        same("state machine (JSON)", &expected, &in_dialect("m.asl.json", &json_text, Dialect::StateMachine), &json_text)?;
        let yaml_text = format!("StartAt: Run\nStates:\n  Run:\n    Type: Task\n    Resource: arn:aws:states:::ecs:runTask.sync\n    End: true\n    Parameters: {}\n", sm["States"]["Run"]["Parameters"]);
        same("state machine (YAML)", &expected, &in_dialect("m.asl.yaml", &yaml_text, Dialect::StateMachine), &yaml_text)?;
        let template = json!({"Resources": {"M": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {"DefinitionString": sm.to_string()}}}}).to_string();
        same("DefinitionString", &expected, &in_dialect("t.template.json", &template, Dialect::Cloudformation), &template)?;

        // EventBridge Scheduler in a YAML template; tags as maps, the cluster as the target's Arn,
        // overrides as its Input.
        let mut req = request(&mut rng, &["taskDefinition", "count", "launchType", "networkConfiguration", "platformVersion", "group", "capacityProviderStrategy", "enableECSManagedTags", "enableExecuteCommand", "placementConstraints", "placementStrategy", "propagateTags", "referenceId", "cluster", "overrides"], &[]);
        let expected = codes(&check(&req.to_string(), &Options::default()).unwrap().diagnostics);
        let obj = req.as_object_mut().unwrap();
        let arn = obj.remove("cluster");
        let input = obj.remove("overrides");
        let mut target = Map::new();
        if let Some(a) = arn { target.insert("Arn".to_owned(), a); }
        if let Some(i) = input { target.insert("Input".to_owned(), Value::String(i.to_string())); }
        target.insert("EcsParameters".to_owned(), rename(&req, &names::SCHEDULER_CFN, ""));
        let yaml = format!("Resources:\n  S:\n    Type: AWS::Scheduler::Schedule\n    Properties:\n      Target: {}\n", Value::Object(target));
        same("scheduler template", &expected, &in_dialect("t.yaml", &yaml, Dialect::Cloudformation), &yaml)?;

        // A command line.
        let all: Vec<&str> = model::request().members().iter().map(|m| m.name).collect();
        let req = request(&mut rng, &all, &[]);
        if let Some(script) = command_line(&req) {
            let expected = codes(&check(&req.to_string(), &Options::default()).unwrap().diagnostics);
            same("command line", &expected, &in_dialect("run.sh", &script, Dialect::Shell), &script)?;
        }
    }
}

/// Pieces of every dialect, so that random text reaches deep into the readers.
fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("{"), Just("}"), Just("["), Just("]"), Just(","), Just(":"), Just("\""), Just("'"), Just("\\"), Just("\n"), Just("  "), Just("\t"),
            Just("$"), Just("${"), Just("$("), Just(")"), Just("`"), Just("${{"), Just("}}"), Just("{%"), Just("%}"), Just("|"), Just(">-"), Just("- "), Just("#"),
            Just("!Ref "), Just("!Sub "), Just("Fn::Join"), Just("\"States\""), Just("StartAt"), Just("States:"), Just("\"Type\": \"Task\""), Just("Type: Task"),
            Just("\"Resource\": \"arn:aws:states:::ecs:runTask.sync\""), Just("Resource: arn:aws:states:::ecs:runTask.waitForTaskToken"), Just("\"Parameters\""), Just("Parameters:"),
            Just("Arguments"), Just("QueryLanguage: JSONata"), Just(".$"), Just("Resources:"), Just("AWS::StepFunctions::StateMachine"), Just("DefinitionString"), Just("AWS::Scheduler::Schedule"),
            Just("AWS::Events::Rule"), Just("Target"), Just("EcsParameters"), Just("TaskDefinitionArn"), Just("Input"), Just("aws ecs run-task"), Just(" --cluster"), Just(" --overrides"),
            Just(" --network-configuration awsvpcConfiguration={subnets=[a,b]}"), Just(" --count 2"), Just(" --cli-input-json file://x"), Just("<<EOF\n"), Just("EOF\n"), Just("run: |\n"),
            Just("é"), Just("😀"), Just("0"), Just("-1"), Just("null"), Just("true")
        ],
        0..40,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn readers_never_panic_and_stay_inside_the_text(text in pieces()) {
        for dialect in Dialect::ALL {
            let r = check_source(Some("x"), text.as_bytes(), dialect, &Options::default(), &NoFiles).unwrap();
            for d in &r.diagnostics {
                prop_assert!(d.start <= d.end && (d.end as usize) <= text.len(), "{}: {:?}", dialect, d);
                prop_assert!(text.is_char_boundary(d.start as usize) && text.is_char_boundary(d.end as usize), "{}: {:?}", dialect, d);
            }
        }
    }
}
