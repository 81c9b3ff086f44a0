//! Per-rule fixtures: `tests/fixtures/<area>/<CODE>-<name>/{valid,invalid}/*.json`.
//!
//! - every file in `valid/` gives no error and no diagnostic of the folder's rule;
//! - every file in `invalid/` gives a diagnostic of the folder's rule at the pointer that
//!   `invalid/expect.json` names for it (`{"case.json": "/pointer"}`);
//! - a `task-definition.json` beside `valid/` and `invalid/` is passed as the task definition;
//! - every registered rule has a folder with at least one valid and one invalid case.
//!
//! The `dialect` area holds state machines, templates and scripts (any extension): each is read
//! as the dialect [`runtask_core::dialect::detect`] finds (with the `dialects` feature).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use runtask_core::registry::rules;
use runtask_core::{check_bytes, Options, Severity};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn rule_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    for area in fs::read_dir(root()).unwrap() {
        let area = area.unwrap().path();
        if !area.is_dir() {
            continue;
        }
        for d in fs::read_dir(&area).unwrap() {
            let d = d.unwrap().path();
            if d.is_dir() {
                dirs.push(d);
            }
        }
    }
    dirs.sort();
    dirs
}

fn is_dialect(dir: &Path) -> bool {
    dir.parent().and_then(|a| a.file_name()).is_some_and(|a| a == "dialect")
}

/// The case files of a folder: `.json` files, or any file in the dialect area.
fn json_files(dir: &Path) -> Vec<PathBuf> {
    let any = dir.parent().is_some_and(is_dialect);
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| rd.map(|e| e.unwrap().path()).filter(|p| (any || p.extension().is_some_and(|e| e == "json")) && p.file_name().unwrap() != "expect.json").collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// Checks a case file: as a request, or in the dialect area as the dialect it is written in.
fn check_case(dir: &Path, file: &Path, options: &Options) -> Option<runtask_core::Report> {
    let bytes = fs::read(file).unwrap();
    if !is_dialect(dir) {
        return Some(check_bytes(&bytes, options).unwrap());
    }
    check_dialect(file, &bytes, options)
}

#[cfg(feature = "dialects")]
fn check_dialect(file: &Path, bytes: &[u8], options: &Options) -> Option<runtask_core::Report> {
    use runtask_core::dialect::{check_source, detect, Dialect, NoFiles};
    let path = file.to_string_lossy();
    let dialect = detect(Some(&path), &String::from_utf8_lossy(bytes)).unwrap_or(Dialect::Request);
    Some(check_source(Some(&path), bytes, dialect, options, &NoFiles).unwrap())
}

#[cfg(not(feature = "dialects"))]
fn check_dialect(_: &Path, _: &[u8], _: &Options) -> Option<runtask_core::Report> {
    None
}

#[test]
fn fixtures_hold() {
    let mut failures = Vec::new();
    let mut seen = BTreeMap::new();
    for dir in rule_dirs() {
        let folder = dir.file_name().unwrap().to_string_lossy().to_string();
        let (code, name) = folder.split_once('-').unwrap_or_else(|| panic!("{folder}: expected CODE-name"));
        let rule = rules().iter().find(|r| r.code == code).unwrap_or_else(|| panic!("{folder}: no rule {code}"));
        assert_eq!(rule.name, name, "{folder}: the rule is called {}", rule.name);
        let td = fs::read_to_string(dir.join("task-definition.json")).ok();
        let options = Options { task_definition: td, ..Options::default() };
        let valid = json_files(&dir.join("valid"));
        let invalid = json_files(&dir.join("invalid"));
        seen.insert(code.to_owned(), (valid.len(), invalid.len()));
        for f in &valid {
            let Some(report) = check_case(&dir, f, &options) else { continue };
            let bad: Vec<_> = report.diagnostics.iter().filter(|d| d.code == code || d.severity == Severity::Error).collect();
            if !bad.is_empty() {
                failures.push(format!("{}: expected to pass, got {:?}", f.display(), bad.iter().map(|d| format!("{} {} {}", d.code, d.pointer, d.message)).collect::<Vec<_>>()));
            }
        }
        let expect: BTreeMap<String, String> = fs::read_to_string(dir.join("invalid/expect.json"))
            .map(|s| serde_json::from_str(&s).unwrap_or_else(|e| panic!("{folder}/invalid/expect.json: {e}")))
            .unwrap_or_default();
        for f in &invalid {
            let file = f.file_name().unwrap().to_string_lossy().to_string();
            let Some(pointer) = expect.get(&file) else {
                failures.push(format!("{}: not listed in expect.json", f.display()));
                continue;
            };
            let Some(report) = check_case(&dir, f, &options) else { continue };
            if !report.diagnostics.iter().any(|d| d.code == code && &d.pointer == pointer) {
                failures.push(format!(
                    "{}: expected {code} at {pointer:?}, got {:?}",
                    f.display(),
                    report.diagnostics.iter().map(|d| format!("{} {} {}", d.code, d.pointer, d.message)).collect::<Vec<_>>()
                ));
            }
        }
        for listed in expect.keys() {
            if !dir.join("invalid").join(listed).exists() {
                failures.push(format!("{folder}/invalid/expect.json lists missing {listed}"));
            }
        }
    }
    assert!(failures.is_empty(), "{} fixture failures:\n{}", failures.len(), failures.join("\n"));
}

/// Rules whose invalid input is not a core fixture (too big to commit, or read by the CLI
/// only); the named test builds it.
const BUILT_BY_TESTS: &[(&str, &str)] = &[
    ("RT002", "tests/hostile.rs builds inputs of 1 MiB + 1 byte and 200 MB"),
    ("RT008", "runtask-lint reports it from YAML comments: cli/tests/suppressions.rs"),
];

#[test]
fn every_rule_has_fixtures() {
    let mut present = BTreeMap::new();
    for dir in rule_dirs() {
        let folder = dir.file_name().unwrap().to_string_lossy().to_string();
        let code = folder.split('-').next().unwrap().to_owned();
        present.insert(code, (json_files(&dir.join("valid")).len(), json_files(&dir.join("invalid")).len()));
    }
    // The live rules need the account's state: their cases are in live/tests/preflight.rs, against
    // moto's server, one per finding.
    let missing: Vec<String> = rules()
        .iter()
        .filter(|r| !r.live)
        .filter(|r| !matches!(present.get(r.code), Some((v, i)) if *v > 0 && (*i > 0 || BUILT_BY_TESTS.iter().any(|(c, _)| c == &r.code))))
        .map(|r| format!("{}-{}", r.code, r.name))
        .collect();
    assert!(missing.is_empty(), "rules without valid and invalid fixtures: {missing:?}");
}
