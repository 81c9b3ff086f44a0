//! The requests found in a pasted state machine, template or script, arranged for the view: the
//! dialect reader's report (`extract/`, one JSON text) with each diagnostic under the request it
//! belongs to. Plain Rust, tested on the host; the reader itself is loaded by `found_panel.rs`.

use runtask_core::detect::{detect, shape, Dialect};
use runtask_core::Severity;
use serde_json::Value;

/// One diagnostic of a found request (or of the file), as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundProblem {
    pub severity: Severity,
    pub code: String,
    pub message: String,
    /// 1-based, in the pasted text.
    pub line: u64,
    pub column: u64,
    /// The pointer in the API-shaped request (`/overrides/cpu`); empty for the request itself.
    pub request: String,
}

/// One RunTask request found in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundRequest {
    /// e.g. `state "Run report"`, `resource Nightly`, `line 12: aws ecs run-task`.
    pub location: String,
    pub line: u64,
    pub column: u64,
    /// The request in the API's shape, what "Open in form" loads; values known only at run time
    /// are `null` in it.
    pub json: String,
    /// Those members, as the file spells them.
    pub dynamic: Vec<String>,
    pub problems: Vec<FoundProblem>,
}

impl FoundRequest {
    #[must_use]
    pub fn count(&self, severity: Severity) -> usize {
        self.problems.iter().filter(|p| p.severity == severity).count()
    }
}

/// The reader's report on one pasted text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// What the text was read as (a `--dialect` name: `state-machine`, `shell`, ...).
    pub dialect: Dialect,
    pub requests: Vec<FoundRequest>,
    /// Problems that belong to no request: the file does not parse, or is too large.
    pub file_problems: Vec<FoundProblem>,
}

/// The dialect pasted text is written in when it is not a request: a state machine, template,
/// schedule or script, with or without a RunTask request in it. None for a request (or text
/// that could be one), which the JSON view takes as it always has.
#[must_use]
pub fn pasted_file(text: &str) -> Option<Dialect> {
    shape(text).filter(|d| *d != Dialect::Request)
}

/// The dialect of a file opened (or dropped) with its `name`: by name and content (a Makefile, a
/// workflow), else as pasted text. None for a request.
#[must_use]
pub fn file_dialect(name: &str, text: &str) -> Option<Dialect> {
    detect(Some(name), text).filter(|d| *d != Dialect::Request).or_else(|| pasted_file(text))
}

fn text(v: &Value, key: &str) -> String {
    v[key].as_str().unwrap_or_default().to_owned()
}

fn problem(d: &Value) -> FoundProblem {
    FoundProblem {
        severity: d["severity"].as_str().and_then(Severity::parse).unwrap_or(Severity::Error),
        code: text(d, "code"),
        message: text(d, "message"),
        line: d["line"].as_u64().unwrap_or(0),
        column: d["column"].as_u64().unwrap_or(0),
        request: text(d, "request"),
    }
}

impl Found {
    /// Reads the reader's JSON (`extract/src/lib.rs`, `extract`) for text read as `dialect`.
    /// Each diagnostic goes to the request of its `location`; where two requests share one, to
    /// the request whose text holds the diagnostic.
    pub fn parse(json: &str, dialect: Dialect) -> Result<Found, String> {
        let v: Value = serde_json::from_str(json).map_err(|e| format!("the dialect reader answered something unreadable: {e}"))?;
        if let Some(e) = v["error"].as_str() {
            return Err(e.to_owned());
        }
        let raw = v["requests"].as_array().map(Vec::as_slice).unwrap_or_default();
        let mut requests: Vec<FoundRequest> = raw
            .iter()
            .map(|r| FoundRequest {
                location: text(r, "location"),
                line: r["line"].as_u64().unwrap_or(0),
                column: r["column"].as_u64().unwrap_or(0),
                json: text(r, "json"),
                dynamic: r["dynamic"].as_array().map(|a| a.iter().filter_map(|d| d.as_str().map(str::to_owned)).collect()).unwrap_or_default(),
                problems: Vec::new(),
            })
            .collect();
        let mut file_problems = Vec::new();
        for d in v["diagnostics"].as_array().map(Vec::as_slice).unwrap_or_default() {
            let location = d["location"].as_str();
            let start = d["start"].as_u64().unwrap_or(0);
            let same: Vec<usize> = (0..requests.len()).filter(|&i| Some(requests[i].location.as_str()) == location).collect();
            let within = |&i: &usize| raw[i]["start"].as_u64().unwrap_or(0) <= start && start <= raw[i]["end"].as_u64().unwrap_or(0);
            match same.iter().copied().find(within).or(same.first().copied()) {
                Some(i) => requests[i].problems.push(problem(d)),
                None => file_problems.push(problem(d)),
            }
        }
        Ok(Found { dialect, requests, file_problems })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_files_are_told_from_requests() {
        assert_eq!(pasted_file(include_str!("../../docs/examples/manage-ecs-task.asl.json")), Some(Dialect::StateMachine));
        assert_eq!(pasted_file(include_str!("../../docs/examples/run-report.sh")), Some(Dialect::Shell));
        assert_eq!(pasted_file(include_str!("../../docs/examples/nightly-report.yaml")), Some(Dialect::Cloudformation));
        assert_eq!(pasted_file(include_str!("../../tests/inputs/invalid-many-mistakes.json")), None);
        assert_eq!(pasted_file(include_str!("../../tests/inputs/large-near-limits.json")), None);
        assert_eq!(pasted_file(r#"{"count": 2"#), None);
        let makefile = include_str!("../../core/tests/dialects/make/Makefile");
        assert_eq!(file_dialect("Makefile", makefile), Some(Dialect::Makefile));
        assert_eq!(file_dialect("notes.txt", makefile), Some(Dialect::Shell));
        assert_eq!(file_dialect("run-task.json", include_str!("../../tests/inputs/typical-fargate.json")), None);
        assert_eq!(file_dialect("sm.asl.json", include_str!("../../docs/examples/manage-ecs-task.asl.json")), Some(Dialect::StateMachine));
    }

    #[test]
    fn diagnostics_go_to_their_requests() {
        let json = r#"{"dialect": "state-machine",
          "requests": [
            {"location": "state \"A\"", "line": 3, "column": 5, "start": 10, "end": 50, "json": "{\"cluster\": \"c\"}", "dynamic": ["Cluster"]},
            {"location": "state \"B\"", "line": 9, "column": 5, "start": 60, "end": 90, "json": "{}", "dynamic": []}],
          "diagnostics": [
            {"severity": "error", "code": "RT104", "message": "missing", "line": 9, "column": 5, "start": 60, "location": "state \"B\"", "request": ""},
            {"severity": "info", "code": "RT050", "message": "dynamic", "line": 3, "column": 5, "start": 10, "location": "state \"A\"", "request": ""},
            {"severity": "warning", "code": "RT400", "message": "x", "line": 10, "column": 7, "start": 70, "location": "state \"B\"", "request": "/launchType"}]}"#;
        let found = Found::parse(json, Dialect::StateMachine).unwrap();
        assert_eq!(found.requests.len(), 2);
        assert_eq!(found.requests[0].dynamic, ["Cluster"]);
        assert_eq!(found.requests[0].count(Severity::Info), 1);
        assert_eq!(found.requests[1].problems.iter().map(|p| p.code.as_str()).collect::<Vec<_>>(), ["RT104", "RT400"]);
        assert_eq!(found.requests[1].problems[1].request, "/launchType");
        assert!(found.file_problems.is_empty());
    }

    #[test]
    fn file_problems_and_errors() {
        let broken = r#"{"dialect": "state-machine", "requests": [], "diagnostics": [{"severity": "error", "code": "RT001", "message": "the state machine cannot be read", "line": 3, "column": 6, "start": 20}]}"#;
        let found = Found::parse(broken, Dialect::StateMachine).unwrap();
        assert!(found.requests.is_empty());
        assert_eq!(found.file_problems[0].line, 3);
        assert_eq!(Found::parse(r#"{"error": "unknown dialect `x`"}"#, Dialect::Shell), Err("unknown dialect `x`".to_owned()));
        assert!(Found::parse("not json", Dialect::Shell).unwrap_err().contains("unreadable"));
    }
}
