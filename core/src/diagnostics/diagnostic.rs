use std::borrow::Cow;
use serde::Serialize;

use super::fix::Fix;
use crate::json::LineIndex;

/// How bad a finding is: `error`, AWS (or the AWS CLI/SDK before sending) rejects the request;
/// `warning`, accepted or of unconfirmed outcome but almost certainly a mistake; `info`, legal but
/// surprising.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

// The doc comments of these types are also the npm package's TypeScript declarations (feature
// `tsify`, pkg/reference/runtask.d.ts): they speak of JSON and JavaScript strings.

/// A secondary location.
// Positioned with its diagnostic (`Diagnostic::set_position`), from `start`/`end`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Label {
    pub pointer: String,
    pub message: String,
    pub line: u32,
    pub column: u32,
    pub utf16_column: u32,
    pub start: u32,
    pub end: u32,
    pub utf16_start: u32,
    pub utf16_end: u32,
}

/// One finding, with the fields of `runtask-lint --format json`. Lines and columns are 1-based;
/// `column` counts Unicode scalar values and `utf16Column` UTF-16 code units (what JavaScript
/// strings and editors count); `start`/`end` are UTF-8 byte offsets and `utf16Start`/`utf16End`
/// offsets into the JavaScript string, half open.
// Field order is the order of the JSON output: the fields every consumer needs come first
// (`severity`, `code`, `pointer`, `line`, `column`, `message`, `help`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable code, e.g. `RT201`.
    pub code: &'static str,
    /// JSON pointer (RFC 6901) of the value concerned; `""` is the whole request.
    pub pointer: String,
    pub line: u32,
    pub column: u32,
    /// What is wrong, with the actual values.
    pub message: String,
    /// What to do about it.
    pub help: Option<Cow<'static, str>>,
    /// The rule's name, e.g. `launch-type-with-capacity-provider`.
    pub name: &'static str,
    /// Why, or what the documents say.
    pub note: Option<Cow<'static, str>>,
    /// When the finding is about a member that is absent: its name (`pointer` is then the object
    /// that lacks it).
    pub member: Option<&'static str>,
    pub end_line: u32,
    pub end_column: u32,
    pub utf16_column: u32,
    pub utf16_end_column: u32,
    pub start: u32,
    pub end: u32,
    /// `source.slice(utf16Start, utf16End)` is the text concerned.
    pub utf16_start: u32,
    pub utf16_end: u32,
    /// Secondary locations that explain the finding, e.g. the `launchType` that conflicts.
    pub labels: Vec<Label>,
    /// An edit that resolves the finding.
    pub fix: Option<Fix>,
    /// The rows of runtask's rule catalogue this finding comes from.
    pub catalogue: &'static [&'static str],
    /// For a request found in a state machine, template or script: the pointer in the
    /// API-shaped request, e.g. `/overrides/cpu` (`pointer` then points into the file as parsed,
    /// `""` where the file has none).
    #[cfg_attr(feature = "tsify", tsify(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request: Option<String>,
    /// For a request found in a state machine, template or script: where it is, e.g.
    /// `state "Run report"`, `resource Nightly` or `line 12: aws ecs run-task`.
    #[cfg_attr(feature = "tsify", tsify(optional))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

impl Diagnostic {
    /// Sets the range `start..end` (UTF-8 byte offsets into the text `index` was built from) and
    /// every position derived from it, and positions the labels and fix edits, whose byte offsets
    /// are into the same text: lines, columns and UTF-16 offsets all come from this one index.
    pub fn set_position(&mut self, index: &LineIndex<'_>, start: u32, end: u32) {
        let s = index.position(start);
        let e = index.position(end);
        self.start = start;
        self.end = end;
        self.line = s.line;
        self.column = s.column;
        self.utf16_column = s.utf16_column;
        self.utf16_start = s.utf16_offset;
        self.end_line = e.line;
        self.end_column = e.column;
        self.utf16_end_column = e.utf16_column;
        self.utf16_end = e.utf16_offset;
        for l in &mut self.labels {
            let s = index.position(l.start);
            l.line = s.line;
            l.column = s.column;
            l.utf16_column = s.utf16_column;
            l.utf16_start = s.utf16_offset;
            l.utf16_end = index.utf16_offset(l.end);
        }
        for e in self.fix.iter_mut().flat_map(|f| &mut f.edits) {
            e.utf16_start = index.utf16_offset(e.start);
            e.utf16_end = index.utf16_offset(e.end);
        }
    }
}
