//! Meta-tests over the rule table: codes, names, docs, doc examples, catalogue coverage.

use std::collections::BTreeSet;

use runtask_core::registry::{by_topic, rules, Topic, NOT_CHECKABLE};
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

/// A dialect rule's example (a state machine, template or script) checked as what it is.
#[cfg(feature = "dialects")]
fn check_example(lang: &str, text: &str) -> runtask_core::Report {
    use runtask_core::dialect::{check_source, detect, Dialect, NoFiles};
    let path = match lang {
        "yaml" => "example.yaml",
        "sh" => "example.sh",
        _ => "example.json",
    };
    let dialect = detect(Some(path), text).unwrap_or(Dialect::Request);
    check_source(Some(path), text.as_bytes(), dialect, &Options::default(), &NoFiles).unwrap()
}

#[cfg(feature = "dialects")]
#[test]
fn dialect_doc_examples_fire_and_pass() {
    let mut seen = 0;
    for r in rules().iter().filter(|r| r.catalogue.iter().any(|c| c.starts_with("R-DIA") || c.starts_with("R-SFN") || c.starts_with("R-EVB") || c.starts_with("R-CLI"))) {
        seen += 1;
        let (lang, bad) = r.example_block("Invalid example").unwrap_or_else(|| panic!("{}: no invalid example", r.code));
        let report = check_example(&lang, &bad);
        assert!(report.diagnostics.iter().any(|d| d.code == r.code), "{} {}: invalid example does not fire:\n{bad}\n{:#?}", r.code, r.name, report.diagnostics);
        let (lang, good) = r.example_block("Valid example").unwrap_or_else(|| panic!("{}: no valid example", r.code));
        let report = check_example(&lang, &good);
        let fired: Vec<_> = report.diagnostics.iter().filter(|d| d.code == r.code).collect();
        assert!(fired.is_empty(), "{} {}: valid example fires:\n{good}\n{fired:#?}", r.code, r.name);
    }
    assert_eq!(seen, 15);
}

#[test]
fn doc_examples_fire_and_pass() {
    // The live rules' examples need the account state their docs describe: live/tests/preflight.rs
    // checks each live rule against moto's server. The dialect rules' examples are state
    // machines, templates and scripts, checked by the dialect fixtures.
    for r in rules().iter().filter(|r| !r.live && r.example_block("Invalid example").is_none_or(|(lang, _)| lang == "json") && !r.code.starts_with("RT05") && !r.code.starts_with("RT06")) {
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

#[test]
fn options_enable_exactly_the_rules_a_check_runs() {
    let find = |c: &str| runtask_core::registry::find(c).unwrap();
    let all = Options::default();
    assert!(all.enables(find("RT106")) && all.enables(find("RT008")));
    assert!(!all.enables(find("RT801")), "a task-definition rule needs a task definition");
    let with_td = Options { task_definition: Some("{}".into()), ..Options::default() };
    assert!(with_td.enables(find("RT801")));
    let some = Options { select: vec!["RT1".into()], ignore: vec!["RT106".into(), "unused-suppression".into()], ..Options::default() };
    assert!(some.enables(find("RT112")) && !some.enables(find("RT106")) && !some.enables(find("RT301")) && !some.enables(find("RT008")));
    assert!(find("RT112").is_selected_by("rt1") && find("RT112").is_selected_by("RT112") && !find("RT112").is_selected_by("R"));
}

/// Issue 8: a newcomer finds every rule about a topic from one place, whatever area it lives in.
#[test]
fn every_rule_has_a_topic_and_the_obvious_ones_are_found() {
    for r in rules() {
        assert!(!r.topics.is_empty(), "{} {} has no topic", r.code, r.name);
    }
    // A rule whose name says the topic is listed under it.
    let words: &[(&[&str], Topic)] = &[
        (&["tag-", "-tag", "tags"], Topic::Tags),
        (&["platform"], Topic::PlatformVersion),
        (&["windows"], Topic::Windows),
        (&["ebs", "volume"], Topic::Volumes),
        (&["execute-command"], Topic::Exec),
        (&["gpu", "neuron", "inference"], Topic::Gpu),
        (&["role"], Topic::Iam),
        (&["environment"], Topic::Environment),
        (&["placement", "binpack", "spread", "query"], Topic::Placement),
        (&["capacity-provider", "launch-type"], Topic::LaunchType),
    ];
    for r in rules() {
        for (keys, topic) in words {
            // `tagged-…` is not about tags; `query-language-…` is Step Functions' QueryLanguage
            // (JSONPath or JSONata), not the cluster query language of placement constraints.
            if keys.iter().any(|k| r.name.contains(k)) && !r.name.starts_with("tagged-") && !r.name.starts_with("query-language-") {
                assert!(r.topics.contains(topic), "{} {} is about {topic:?} but not listed under it", r.code, r.name);
            }
        }
    }
    // The tag rules live in four areas and are found together.
    let tags: Vec<&str> = by_topic(Topic::Tags).map(|r| r.code).collect();
    for code in ["RT107", "RT122", "RT500", "RT501", "RT502", "RT715", "RT826"] {
        assert!(tags.contains(&code), "{code} missing from {tags:?}");
    }
    let areas: BTreeSet<char> = tags.iter().map(|c| c.chars().nth(2).unwrap()).collect();
    assert!(areas.len() >= 4, "{areas:?}");
    // Every topic has rules, and the reference lists every topic.
    let index = runtask_core::registry::topics_markdown();
    for &t in Topic::ALL {
        assert!(by_topic(t).next().is_some(), "{t:?} has no rule");
        assert!(index.contains(&format!("### {}", t.title())), "{t:?}");
    }
}
