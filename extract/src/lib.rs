//! The console's dialect reader, a .wasm of its own: the console's main .wasm leaves the state
//! machine, template and script readers out (they would add about 145 KB gzip to every page
//! load) and loads this one only when text that is not a request is pasted
//! (web/src/components/found_panel.rs, web/js/extract.js).
//!
//! One function across the boundary, JSON text in both directions: [`extract`].

use runtask_core::dialect::{check_source, detect, Dialect, NoFiles};
use runtask_core::Options;
use wasm_bindgen::prelude::wasm_bindgen;

/// Reads `source` as `dialect` (a `--dialect` name; detected from the content when empty) and
/// returns, as JSON text, `{"dialect", "diagnostics", "requests"}`: the report of
/// `runtask_core::dialect::check_source` (each diagnostic with `line`, `column`, `code`,
/// `severity`, `message` and, for a request found in the file, `request` and `location`; each
/// request with its `location`, `line`, `column`, API-shaped `json` and `dynamic` members).
/// `dialect` is `null` when the text holds no RunTask request. `file://` references are not
/// read (the console has no files next to the pasted text): each is reported as unread.
/// An unknown dialect name gives `{"error"}`.
#[wasm_bindgen]
#[must_use]
pub fn extract(source: &str, dialect: &str) -> String {
    let dialect = if dialect.is_empty() {
        match detect(None, source) {
            Some(d) => d,
            None => return serde_json::json!({ "dialect": null, "diagnostics": [], "requests": [] }).to_string(),
        }
    } else {
        match Dialect::from_name(dialect) {
            Some(d) => d,
            None => return serde_json::json!({ "error": format!("unknown dialect `{dialect}`") }).to_string(),
        }
    };
    match check_source(None, source.as_bytes(), dialect, &Options::default(), &NoFiles) {
        Ok(report) => serde_json::json!({
            "dialect": dialect.name(),
            "diagnostics": report.diagnostics,
            "requests": report.requests,
        })
        .to_string(),
        Err(e) => serde_json::json!({ "error": e.to_string() }).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::extract;
    use serde_json::Value;

    fn read(path: &str) -> String {
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)).unwrap()
    }

    /// The report is core's: the same requests and diagnostics as `check_source` on the file.
    #[test]
    fn a_state_machine_lists_its_request_with_its_problems() {
        let text = read("docs/examples/manage-ecs-task.asl.json");
        let out: Value = serde_json::from_str(&extract(&text, "")).unwrap();
        assert_eq!(out["dialect"], "state-machine");
        let requests = out["requests"].as_array().unwrap();
        assert_eq!(requests.len(), 1);
        assert_eq!(requests[0]["location"], "state \"Manage ECS task\"");
        let api: Value = serde_json::from_str(requests[0]["json"].as_str().unwrap()).unwrap();
        assert_eq!(api["launchType"], "FARGATE");
        assert_eq!(requests[0]["dynamic"].as_array().unwrap().len(), 1);
        let codes: Vec<&str> = out["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
        assert!(codes.contains(&"RT400"), "{codes:?}");
        for d in out["diagnostics"].as_array().unwrap() {
            assert_eq!(d["location"], "state \"Manage ECS task\"", "{d}");
            assert!(d["line"].as_u64().unwrap() > 1);
        }
    }

    #[test]
    fn a_script_a_file_without_requests_a_syntax_error_and_a_bad_name() {
        let out: Value = serde_json::from_str(&extract("aws ecs run-task --cluster c --task-definition web:3 --count 11\n", "")).unwrap();
        assert_eq!(out["dialect"], "shell");
        assert_eq!(out["requests"][0]["location"], "line 1: aws ecs run-task");
        assert!(out["diagnostics"].as_array().unwrap().iter().any(|d| d["code"] == "RT106"));

        let none: Value = serde_json::from_str(&extract("#!/bin/sh\necho hello\n", "")).unwrap();
        assert_eq!(none["dialect"], Value::Null);
        assert_eq!(none["requests"].as_array().unwrap().len(), 0);
        let forced: Value = serde_json::from_str(&extract(r#"{"StartAt": "A", "States": {}}"#, "state-machine")).unwrap();
        assert_eq!(forced["requests"].as_array().unwrap().len(), 0);

        let broken: Value = serde_json::from_str(&extract("StartAt: A\nStates:\n  A: [\n", "state-machine")).unwrap();
        let d = broken["diagnostics"].as_array().unwrap();
        assert_eq!(d.len(), 1, "{broken}");
        assert_eq!(d[0]["severity"], "error");
        assert!(d[0]["line"].as_u64().unwrap() >= 3, "{}", d[0]);

        let bad: Value = serde_json::from_str(&extract("x", "cobol")).unwrap();
        assert_eq!(bad["error"], "unknown dialect `cobol`");
    }
}
