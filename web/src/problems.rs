//! runtask-core's report, arranged for the view: each diagnostic with the JSON pointer of the
//! form control it belongs to, and an index from pointer to diagnostics.

use std::collections::HashMap;

use runtask_core::json::escape_segment;
use runtask_core::{Diagnostic, Options, Severity};

/// One diagnostic, as the Problems list and the fields show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub help: Option<String>,
    /// Where the diagnostic is (its `pointer`).
    pub pointer: String,
    /// The control to show it next to and focus: `pointer`, or the member a
    /// missing-required-member diagnostic names.
    pub target: String,
    /// The range in the JSON text, in UTF-16 code units (for selecting it in the text area).
    pub utf16_start: u32,
    pub utf16_end: u32,
}

/// One problem as a control shows it (no positions: they move with every keystroke).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
}

/// The problems of each control, by the control's pointer. Controls depend on this, not on the
/// full report, so a keystroke that only moves positions wakes none of them.
pub type FieldIndex = HashMap<String, Vec<FieldProblem>>;

/// The report for the current request.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Problems {
    pub list: Vec<Problem>,
    /// Why the task definition was not used, when one was given.
    pub task_definition_error: Option<String>,
}

impl Problems {
    /// Runs runtask-core on `text`, with the task definition when one is given and readable.
    #[must_use]
    pub fn check(text: &str, task_definition: Option<&str>) -> Self {
        let mut task_definition_error = None;
        let options = match task_definition.filter(|t| !t.trim().is_empty()) {
            Some(td) => match runtask_core::task_definition::TaskDefinition::parse(td) {
                Ok(_) => Options { task_definition: Some(td.to_owned()), ..Options::default() },
                Err(e) => {
                    task_definition_error = Some(e.to_string());
                    Options::default()
                }
            },
            None => Options::default(),
        };
        // Only misuse of Options fails, and these options are always valid.
        let diagnostics = runtask_core::check(text, &options).map(|r| r.diagnostics).unwrap_or_default();
        let mut problems = Problems { task_definition_error, ..Problems::default() };
        for d in &diagnostics {
            let p = Problem {
                severity: d.severity,
                code: d.code,
                message: d.message.clone(),
                help: d.help.as_deref().map(str::to_owned),
                pointer: d.pointer.clone(),
                target: target(d),
                utf16_start: d.utf16_start,
                utf16_end: d.utf16_end,
            };
            problems.list.push(p);
        }
        problems
    }

    #[must_use]
    pub fn count(&self, severity: Severity) -> usize {
        self.list.iter().filter(|p| p.severity == severity).count()
    }

    /// What each control shows.
    #[must_use]
    pub fn field_index(&self) -> FieldIndex {
        let mut index = FieldIndex::new();
        for p in &self.list {
            index.entry(p.target.clone()).or_default().push(FieldProblem { severity: p.severity, code: p.code, message: p.message.clone() });
        }
        index
    }

}

/// The pointer of the control a diagnostic belongs to. A member that is missing (required, or
/// worth setting) is reported on the object that lacks it and named in `member`; its control is
/// the member's own.
#[must_use]
pub fn target(d: &Diagnostic) -> String {
    match d.member {
        Some(m) => format!("{}/{}", d.pointer, escape_segment(m)),
        None => d.pointer.clone(),
    }
}

/// How many problems of each severity, in words: "2 errors, 1 note"; "No problems found." for none.
#[must_use]
pub fn summary(errors: usize, warnings: usize, infos: usize) -> String {
    let mut parts = Vec::new();
    for (n, one, many) in [(errors, "error", "errors"), (warnings, "warning", "warnings"), (infos, "note", "notes")] {
        if n > 0 {
            parts.push(format!("{n} {}", if n == 1 { one } else { many }));
        }
    }
    if parts.is_empty() {
        return "No problems found.".to_owned();
    }
    parts.join(", ")
}

/// Severity in words, capitalised, for people.
#[must_use]
pub fn severity_words(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Info => "Info",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_member_belongs_to_its_own_control() {
        let p = Problems::check(r#"{"cluster": "c"}"#, None);
        assert!(p.list.iter().any(|p| p.target == "/taskDefinition" && p.pointer.is_empty()), "{p:#?}");
        assert_eq!(p.count(Severity::Error), 1);
        let p = Problems::check(r#"{"taskDefinition": "t", "networkConfiguration": {"awsvpcConfiguration": {}}}"#, None);
        assert!(p.field_index().contains_key("/networkConfiguration/awsvpcConfiguration/subnets"), "{p:#?}");
    }

    #[test]
    fn members_worth_setting_belong_to_their_controls() {
        let p = Problems::check(r#"{"taskDefinition": "t"}"#, None);
        let targets: Vec<&str> = p.list.iter().map(|p| p.target.as_str()).collect();
        assert!(targets.contains(&"/cluster"), "{targets:?}");
        assert!(targets.contains(&"/launchType"), "{targets:?}");
        let p = Problems::check(r#"{"taskDefinition": "t", "count": 11, "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1"]}}}"#, None);
        let targets: Vec<&str> = p.list.iter().map(|p| p.target.as_str()).collect();
        assert!(targets.contains(&"/count"), "{targets:?}");
        assert!(targets.contains(&"/networkConfiguration/awsvpcConfiguration/assignPublicIp"), "{targets:?}");
    }

    #[test]
    fn every_mistake_is_listed() {
        let text = include_str!("../../tests/inputs/invalid-many-mistakes.json");
        let p = Problems::check(text, None);
        assert!(p.list.len() >= 10, "{}", p.list.len());
        assert!(p.field_index()["/count"].iter().any(|p| p.severity == Severity::Error));
    }

    #[test]
    fn an_unreadable_task_definition_is_said_and_ignored() {
        let p = Problems::check(r#"{"taskDefinition": "t"}"#, Some("{"));
        assert!(p.task_definition_error.is_some());
        assert_eq!(p.count(Severity::Error), 0);
        assert_eq!(Problems::check(r#"{"taskDefinition": "t"}"#, Some("  ")).task_definition_error, None);
    }

    #[test]
    fn summaries() {
        assert_eq!(summary(0, 0, 0), "No problems found.");
        assert_eq!(summary(2, 0, 1), "2 errors, 1 note");
        assert_eq!(summary(1, 3, 0), "1 error, 3 warnings");
    }

    #[test]
    fn the_large_request_is_valid() {
        let p = Problems::check(include_str!("../../tests/inputs/large-near-limits.json"), None);
        assert_eq!(p.count(Severity::Error), 0, "{:#?}", p.list);
    }
}
