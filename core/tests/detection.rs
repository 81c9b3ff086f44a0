//! Detection from the parsed document (`Prepared::detect`, what the npm package runs on JSON
//! text) gives the answer of the text scan (`detect::detect`) on every file of the
//! repository's test trees, and on the texts where the two ways of reading names could part.

use std::fs;
use std::path::{Path, PathBuf};

use runtask_core::detect::{detect, Dialect};
use runtask_core::{check_bytes, check_prepared, prepare, Options};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let path = e.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// Both detections, with and without the file's name, when the text is JSON.
fn same_detection(name: &str, bytes: &[u8]) -> bool {
    let Some(prepared) = prepare(bytes) else { return false };
    for path in [None, Some(name)] {
        assert_eq!(prepared.detect(path), detect(path, prepared.text()), "{name} (path given: {})", path.is_some());
    }
    true
}

#[test]
fn detection_from_the_document_matches_the_text_scan_on_every_test_file() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut all = Vec::new();
    for dir in ["core/tests", "tests", "cli/tests", "pkg/tests", "extract"] {
        files(&repo.join(dir), &mut all);
    }
    let mut json = 0;
    let mut dialects = std::collections::HashSet::new();
    for path in &all {
        let Ok(bytes) = fs::read(path) else { continue };
        let name = path.to_string_lossy();
        if same_detection(&name, &bytes) {
            json += 1;
            if let Some(d) = prepare(&bytes).and_then(|p| p.detect(None)) {
                dialects.insert(d);
            }
        }
    }
    // The trees hold more than a thousand JSON files: requests, state machines, templates and
    // schedules among them.
    assert!(json > 1000, "only {json} JSON files found");
    for d in [Dialect::Request, Dialect::StateMachine, Dialect::Cloudformation, Dialect::Scheduler] {
        assert!(dialects.contains(&d), "no {d} among the JSON files");
    }
}

#[test]
fn texts_where_the_two_readings_could_part_detect_alike() {
    let cases = [
        // An escaped quote shifts the text scan's pairing: it finds `taskDefinition` here.
        r#"["a\"taskDefinition"]"#,
        // … also when more strings follow it.
        r#"["a\"taskDefinition", "b", {"c": "d"}]"#,
        r#"{"note": "say \"States\" and \"StartAt\"", "x": 1}"#,
        r#"{"St\"ates": 1, "a\"": "StartAt"}"#,
        // An escaped backslash before the closing quote is no escaped quote.
        r#"{"a": "x\\", "taskDefinition": "web"}"#,
        // Names as values, escaped names, a byte-order mark, names in nested objects.
        r#"{"k": ["taskDefinition"], "v": "launchType"}"#,
        r#"{"St\u0061tes": {}, "StartAt": "A"}"#,
        "\u{feff}{\"taskDefinition\": \"web:3\"}",
        r#"{"a": {"States": {}, "StartAt": "A", "Type": "Task", "Resource": "arn:aws:states:::ecs:runTask"}}"#,
        r#"{"Resources": {}, "AWSTemplateFormatVersion": "2010-09-09", "x": "runTask"}"#,
        r#"{"Target": {"EcsParameters": {}}}"#,
        r#"{"overrides": {}, "serviceName": "s", "launchType": "EC2"}"#,
        r#"{"name": "x", "overrides": {}}"#,
        "{}",
        "[]",
        "\"taskDefinition\"",
    ];
    for text in cases {
        assert!(same_detection("input.json", text.as_bytes()), "{text} should parse");
    }
    let shifted = prepare(br#"["a\"taskDefinition"]"#).unwrap();
    assert_eq!(shifted.detect(None), Some(Dialect::Request));
    // Not JSON: nothing is prepared, and callers go the old way.
    for text in ["taskDefinition: web:3\n", "{\"a\": ", "aws ecs run-task --cluster c"] {
        assert!(prepare(text.as_bytes()).is_none(), "{text}");
    }
}

/// A request checked from its prepared parse reports what `check_bytes` reports.
#[test]
fn a_prepared_request_is_checked_as_check_bytes_checks_it() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut all = Vec::new();
    files(&repo.join("core/tests/fixtures"), &mut all);
    files(&repo.join("tests/inputs"), &mut all);
    let with_bom = "\u{feff}{\"taskDefinition\": \"web:3\", \"count\": 11}".as_bytes().to_vec();
    let mut checked = 0;
    for bytes in all.iter().filter_map(|p| fs::read(p).ok()).chain([with_bom]) {
        let Some(prepared) = prepare(&bytes) else { continue };
        for options in [Options::default(), Options { ignore: vec!["RT1".into()], ..Options::default() }] {
            let from_bytes = serde_json::to_string(&check_bytes(&bytes, &options).unwrap()).unwrap();
            let from_prepared = serde_json::to_string(&check_prepared(&prepared, &options).unwrap()).unwrap();
            assert_eq!(from_prepared, from_bytes);
        }
        checked += 1;
    }
    assert!(checked > 1000, "only {checked} requests checked");
    // Bad options are an error either way.
    let prepared = prepare(b"{}").unwrap();
    assert!(check_prepared(&prepared, &Options { select: vec!["NOPE".into()], ..Options::default() }).is_err());
}
