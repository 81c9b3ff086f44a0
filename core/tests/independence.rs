//! No mistake hides another: a property over the fixtures.
//!
//! Each invalid fixture (outside `input/`, without a task definition) is one mistake: what it
//! sets, as a difference to a valid base request. Over several bases (Fargate by launch type, by
//! strategy, EC2, neither), a mistake is *reported alone* when the base with it applied gets the
//! fixture's rule at the fixture's pointer; it is then cut down to the members it needs (each
//! member whose removal keeps the finding is left out: a fixture's tags or subnets are usually
//! incidental). Two mistakes are *independent* when neither changes a member the other changes
//! or relies on: no member one changes is, contains or lies inside (unless both set it to the
//! same value) a member the other changes, the member the other's finding points at, the absent
//! member it is about (`Diagnostic::member`, or `ABSENT_PREMISES`), or a member of the base
//! without which the other's finding goes.
//!
//! Where the task runs is a premise of many rules. It is decided by `launchType` and the
//! capacity provider strategy together, so a pair is also independent only if it keeps that
//! fact: the base, each mistake alone and the two together agree on it (every candidate target
//! Fargate, every one EC2, every one external, or none given).
//!
//! The property: for every pair of independent mistakes each reported alone, both are reported,
//! by code and pointer, when the two are applied together. Every pair is tried (no sampling):
//! a finding never switches off a rule whose premise still holds.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use runtask_core::{check, Options};
use serde_json::{json, Map, Value};

/// Valid requests the mistakes are applied to: where the task runs decides which rules apply.
fn bases() -> Vec<(&'static str, Value)> {
    let net = json!({"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"], "securityGroups": ["sg-0123456789abcdef0"], "assignPublicIp": "DISABLED"}});
    vec![
        ("fargate-launch-type", json!({"taskDefinition": "web:3", "cluster": "batch", "launchType": "FARGATE", "networkConfiguration": net})),
        ("fargate-strategy", json!({"taskDefinition": "web:3", "cluster": "batch", "capacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1}], "networkConfiguration": net})),
        ("ec2", json!({"taskDefinition": "web:3", "cluster": "batch", "launchType": "EC2"})),
        ("cluster-default", json!({"taskDefinition": "web:3", "cluster": "batch"})),
    ]
}

/// One invalid fixture as a mistake.
struct Mistake {
    name: String,
    code: String,
    pointer: String,
    /// What the fixture sets: pointer → value, at the leaves (scalars, arrays, empty objects).
    sets: BTreeMap<String, Value>,
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

fn leaves(v: &Value, at: &str, out: &mut BTreeMap<String, Value>) {
    match v {
        Value::Object(m) if !m.is_empty() => {
            for (k, c) in m {
                leaves(c, &format!("{at}/{}", escape(k)), out);
            }
        }
        _ => {
            out.insert(at.to_owned(), v.clone());
        }
    }
}

fn segments(pointer: &str) -> Vec<String> {
    pointer.split('/').skip(1).map(|s| s.replace("~1", "/").replace("~0", "~")).collect()
}

/// `base` with `value` at `pointer`, creating (or replacing non-objects by) objects on the way.
fn set(base: &mut Value, pointer: &str, value: &Value) {
    let segs = segments(pointer);
    let mut cur = base;
    for (i, s) in segs.iter().enumerate() {
        if !cur.is_object() {
            *cur = Value::Object(Map::new());
        }
        let m = cur.as_object_mut().unwrap();
        if i == segs.len() - 1 {
            m.insert(s.clone(), value.clone());
            return;
        }
        cur = m.entry(s.clone()).or_insert_with(|| Value::Object(Map::new()));
    }
    *cur = value.clone();
}

/// `v` without the member at `pointer`.
fn remove(v: &mut Value, pointer: &str) {
    let segs = segments(pointer);
    let mut cur = v;
    for (i, s) in segs.iter().enumerate() {
        let Some(m) = cur.as_object_mut() else { return };
        if i == segs.len() - 1 {
            m.remove(s);
            return;
        }
        let Some(next) = m.get_mut(s) else { return };
        cur = next;
    }
}

/// `p` is `q`, or one contains the other.
fn related(p: &str, q: &str) -> bool {
    let inside = |a: &str, b: &str| a.len() > b.len() && a.starts_with(b) && a.as_bytes()[b.len()] == b'/';
    p == q || inside(p, q) || inside(q, p)
}

fn fixture_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut dirs = Vec::new();
    for area in fs::read_dir(&root).unwrap() {
        let area = area.unwrap().path();
        if !area.is_dir() || area.file_name().unwrap() == "input" {
            continue;
        }
        for d in fs::read_dir(&area).unwrap() {
            let d = d.unwrap().path();
            if d.is_dir() && !d.join("task-definition.json").exists() {
                dirs.push(d);
            }
        }
    }
    dirs.sort();
    dirs
}

fn mistakes() -> Vec<Mistake> {
    let mut out = Vec::new();
    for dir in fixture_dirs() {
        let code = dir.file_name().unwrap().to_string_lossy().split('-').next().unwrap().to_owned();
        let Ok(expect) = fs::read_to_string(dir.join("invalid/expect.json")) else { continue };
        let expect: BTreeMap<String, String> = serde_json::from_str(&expect).unwrap();
        for (file, pointer) in expect {
            let text = fs::read_to_string(dir.join("invalid").join(&file)).unwrap();
            // serde_json keeps the last of duplicate members: such a fixture is not what it says.
            let report = check(&text, &Options::default()).unwrap();
            if report.diagnostics.iter().any(|d| d.code == "RT006") {
                continue;
            }
            let Ok(mut v @ Value::Object(_)) = serde_json::from_str::<Value>(&text) else { continue };
            // Which task definition and cluster a fixture names is incidental unless its finding is
            // about them: the base's stand in.
            for member in ["taskDefinition", "cluster"] {
                if !pointer.starts_with(&format!("/{member}")) {
                    v.as_object_mut().unwrap().remove(member);
                }
            }
            let mut sets = BTreeMap::new();
            leaves(&v, "", &mut sets);
            out.push(Mistake { name: format!("{}/{file}", dir.file_name().unwrap().to_string_lossy()), code: code.clone(), pointer, sets });
        }
    }
    out
}

/// A mistake applied to a base: what it changes, and the members its finding relies on besides.
struct Applied<'m> {
    mistake: &'m Mistake,
    changes: BTreeMap<String, Value>,
    /// The member the finding points at, the absent members it is about, and the base's members
    /// without which it goes.
    premises: BTreeSet<String>,
}

/// The findings of the rules `codes` (every rule when empty). Rules do not see each other's
/// findings, so running only the rules concerned gives them the same findings, faster.
fn findings(v: &Value, codes: &[&str]) -> Vec<(String, String, Option<&'static str>)> {
    let options = Options { select: codes.iter().map(|c| (*c).to_owned()).collect(), ..Options::default() };
    let report = check(&v.to_string(), &options).unwrap();
    report.diagnostics.into_iter().map(|d| (d.code.to_owned(), d.pointer, d.member)).collect()
}

fn apply(base: &Value, changes: &BTreeMap<String, Value>) -> Value {
    let mut v = base.clone();
    for (p, value) in changes {
        set(&mut v, p, value);
    }
    v
}

/// Where the task runs, as the request's candidates say: `launchType` and every strategy
/// provider (names in any case: `fargate` is a misspelt `FARGATE`, reported as such).
fn target(v: &Value) -> &'static str {
    let mut kinds = BTreeSet::new();
    if let Some(lt) = v.get("launchType").and_then(Value::as_str) {
        kinds.insert(match lt.to_ascii_uppercase().as_str() {
            "FARGATE" | "FARGATE_SPOT" => "fargate",
            "EXTERNAL" => "external",
            "EC2" | "MANAGED_INSTANCES" => "ec2",
            _ => "unknown",
        });
    }
    for item in v.get("capacityProviderStrategy").and_then(Value::as_array).into_iter().flatten() {
        if let Some(p) = item.get("capacityProvider").and_then(Value::as_str) {
            kinds.insert(match p.to_ascii_uppercase().as_str() {
                "FARGATE" | "FARGATE_SPOT" => "fargate",
                "" => "unknown",
                _ => "ec2",
            });
        }
    }
    match (kinds.len(), kinds.iter().next()) {
        // Only Fargate takes a platform version: with no other candidate, it says Fargate.
        (0, _) if v.get("platformVersion").is_some() => "platform-version",
        (0, _) => "none",
        (1, Some(k)) => k,
        _ => "mixed",
    }
}

/// Rules whose finding is about a member that is absent elsewhere than at the finding's pointer
/// (`Diagnostic::member` names only an absent member of the object pointed at): the members
/// whose absence or presence they rely on.
const ABSENT_PREMISES: &[(&str, &[&str])] = &[
    // ECS Exec without a task role: none in `overrides`.
    ("RT124", &["/overrides/taskRoleArn"]),
    // A spread strategy without a task `group`.
    ("RT617", &["/group"]),
    // One of the task-level sizes overridden without the other.
    ("RT304", &["/overrides/cpu", "/overrides/memory"]),
];

/// Neither changes what the other changes or relies on.
fn independent(a: &Applied<'_>, b: &Applied<'_>) -> bool {
    let one_way = |x: &Applied<'_>, y: &Applied<'_>| {
        x.changes.keys().all(|p| {
            let same = |q: &String| p == q && y.changes.get(q) == Some(&x.changes[p]);
            y.changes.keys().chain(&y.premises).all(|q| !related(p, q) || same(q))
        })
    };
    one_way(a, b) && one_way(b, a)
}

/// Every independent pair of mistakes reported alone on `base`: how many, and the findings hidden.
fn pairs_on(base_name: &str, base: &Value, all: &[Mistake]) -> (usize, Vec<String>) {
    let base = base.clone();
    let mut failures = Vec::new();
    let mut pairs = 0;
    let base_leaves = {
        let mut l = BTreeMap::new();
        leaves(&base, "", &mut l);
        l
    };
    let base_findings = findings(&base, &[]);
    // The mistakes reported alone on this base.
    let mut alone = Vec::new();
    for m in all {
        let mut changes: BTreeMap<String, Value> = m.sets.iter().filter(|(p, v)| base_leaves.get(*p) != Some(*v)).map(|(p, v)| (p.clone(), v.clone())).collect();
        if changes.is_empty() {
            continue;
        }
        let reported = |changes: &BTreeMap<String, Value>| findings(&apply(&base, changes), &[&m.code]).into_iter().find(|(c, p, _)| *c == m.code && *p == m.pointer);
        // A mistake only when the base alone does not have the finding.
        if reported(&changes).is_none() || base_findings.iter().any(|(c, p, _)| *c == m.code && *p == m.pointer) {
            continue;
        }
        // The members the finding needs.
        for p in changes.keys().cloned().collect::<Vec<_>>() {
            let mut fewer = changes.clone();
            fewer.remove(&p);
            if !fewer.is_empty() && reported(&fewer).is_some() {
                changes = fewer;
            }
        }
        let Some((_, _, member)) = reported(&changes) else { unreachable!("kept only while reported") };
        let mut premises: BTreeSet<String> = BTreeSet::new();
        if !m.pointer.is_empty() {
            premises.insert(m.pointer.clone());
        }
        premises.extend(member.map(|name| format!("{}/{}", m.pointer, escape(name))));
        premises.extend(ABSENT_PREMISES.iter().filter(|(code, _)| *code == m.code).flat_map(|(_, ps)| ps.iter().map(|p| (*p).to_owned())));
        // The base's members the finding needs: without one of them, it goes.
        let with = apply(&base, &changes);
        for p in base_leaves.keys().filter(|p| !changes.keys().any(|c| related(c, p))) {
            let mut without = with.clone();
            remove(&mut without, p);
            if !findings(&without, &[&m.code]).iter().any(|(c, q, _)| *c == m.code && *q == m.pointer) {
                premises.insert(p.clone());
            }
        }
        // Fixtures that come down to the same mistake are tried once.
        if alone.iter().any(|a: &Applied<'_>| a.mistake.code == m.code && a.mistake.pointer == m.pointer && a.changes == changes) {
            continue;
        }
        alone.push(Applied { mistake: m, changes, premises });
    }
    eprintln!("{base_name}: {} mistakes reported alone", alone.len());
    for (i, a) in alone.iter().enumerate() {
        for b in &alone[i + 1..] {
            if !independent(a, b) {
                continue;
            }
            let mut both = a.changes.clone();
            both.extend(b.changes.clone());
            let merged = apply(&base, &both);
            let fact = target(&base);
            if [apply(&base, &a.changes), apply(&base, &b.changes), merged.clone()].iter().any(|v| target(v) != fact) {
                continue;
            }
            pairs += 1;
            let found = findings(&merged, &[&a.mistake.code, &b.mistake.code]);
            for m in [a.mistake, b.mistake] {
                if !found.iter().any(|(c, p, _)| *c == m.code && *p == m.pointer) {
                    let found = findings(&merged, &[]);
                    let other = if std::ptr::eq(m, a.mistake) { b.mistake } else { a.mistake };
                    failures.push(format!(
                        "[{base_name}] {} ({} at {}) is hidden by {} ({} at {}):\n    {merged}\n    found {:?}",
                        m.name,
                        m.code,
                        m.pointer,
                        other.name,
                        other.code,
                        other.pointer,
                        found.iter().map(|(c, p, _)| format!("{c} {p}")).collect::<BTreeSet<_>>()
                    ));
                }
            }
        }
    }
    (pairs, failures)
}

#[test]
fn independent_mistakes_are_all_reported_together() {
    let all = mistakes();
    assert!(all.len() > 300, "fixtures not read: {}", all.len());
    // One thread a base: the pairs are many (about 200 000).
    let results: Vec<(usize, Vec<String>)> = std::thread::scope(|scope| {
        let all = &all;
        let handles: Vec<_> = bases().into_iter().map(|(name, base)| scope.spawn(move || pairs_on(name, &base, all))).collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let pairs: usize = results.iter().map(|r| r.0).sum();
    let failures: Vec<String> = results.into_iter().flat_map(|r| r.1).collect();
    eprintln!("{pairs} independent pairs");
    assert!(pairs > 10_000, "too few independent pairs to mean much: {pairs}");
    assert!(failures.is_empty(), "{} of {pairs} pairs hide a finding:\n{}", failures.len(), failures.join("\n"));
}

