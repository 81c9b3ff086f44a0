//! Meta-tests over the rule table: codes, names, docs, doc examples, catalogue coverage.

use std::collections::BTreeSet;

use runtask_core::registry::{rules, NOT_CHECKABLE};
use runtask_core::{check, Options};

const SECTIONS: &[&str] = &["## What it checks", "## Why it matters", "## Invalid example", "## Valid example", "## How to fix", "## Reference"];

#[test]
fn codes_are_unique_sorted_and_well_formed() {
    let codes: Vec<&str> = rules().iter().map(|r| r.code).collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(codes, sorted, "codes must be unique and sorted");
    for code in codes {
        assert!(code.len() == 5 && code.starts_with("RT") && code[2..].bytes().all(|b| b.is_ascii_digit()), "{code}");
        assert!(!code.starts_with("RT9"), "RT9xx is reserved for users: {code}");
    }
}

#[test]
fn names_are_unique_kebab_case_and_say_what_they_flag() {
    let mut seen = BTreeSet::new();
    for r in rules() {
        assert!(seen.insert(r.name), "duplicate name {}", r.name);
        assert!(r.name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{}", r.name);
        for banned in ["no-", "disallow-", "avoid-", "use-", "prefer-"] {
            assert!(!r.name.starts_with(banned), "{} names the fix, not the problem", r.name);
        }
    }
}

#[test]
fn every_rule_is_documented() {
    for r in rules() {
        let doc = r.documentation();
        let mut at = 0;
        for s in SECTIONS {
            let i = doc[at..].find(s).unwrap_or_else(|| panic!("{} {}: missing or misplaced `{s}`", r.code, r.name));
            at += i;
        }
        assert!(!r.summary().is_empty(), "{}: empty summary", r.code);
        assert!(doc.contains("https://"), "{}: reference needs a URL", r.code);
        assert_eq!(r.live, r.code >= "RT850" && r.code < "RT900", "{}: live rules are RT850–RT899", r.code);
    }
}

#[test]
fn doc_examples_fire_and_pass() {
    // The live rules' examples need the account state their docs describe: live/tests/preflight.rs
    // checks each live rule against moto's server.
    for r in rules().iter().filter(|r| !r.live) {
        let td = r.example("Task definition");
        let options = Options { task_definition: td, ..Options::default() };
        if let Some(bad) = r.example("Invalid example") {
            let report = check(&bad, &options).unwrap();
            assert!(report.diagnostics.iter().any(|d| d.code == r.code), "{} {}: invalid example does not fire:\n{bad}\n{:#?}", r.code, r.name, report.diagnostics);
        }
        if let Some(good) = r.example("Valid example") {
            let report = check(&good, &options).unwrap();
            let fired: Vec<_> = report.diagnostics.iter().filter(|d| d.code == r.code).collect();
            assert!(fired.is_empty(), "{} {}: valid example fires:\n{good}\n{fired:#?}", r.code, r.name);
        }
    }
}

#[test]
fn every_catalogue_row_is_implemented_or_explained() {
    let catalogue = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/rules.md")).unwrap();
    let ids: BTreeSet<String> = catalogue
        .lines()
        .filter_map(|l| l.strip_prefix("| R-"))
        .map(|l| format!("R-{}", l.split(' ').next().unwrap()))
        .collect();
    assert!(ids.len() > 150, "catalogue not read: {}", ids.len());
    let implemented: BTreeSet<&str> = rules().iter().flat_map(|r| r.catalogue.iter().copied()).collect();
    let explained: BTreeSet<&str> = NOT_CHECKABLE.iter().map(|(id, _)| *id).collect();
    let missing: Vec<&String> = ids.iter().filter(|id| !implemented.contains(id.as_str()) && !explained.contains(id.as_str())).collect();
    assert!(missing.is_empty(), "{} catalogue rows have no rule: {missing:?}", missing.len());
    for id in implemented.iter().chain(explained.iter()) {
        assert!(ids.contains(*id), "{id} is not in the catalogue");
    }
}
