use serde::Serialize;

use super::fix::Fix;

/// How bad a finding is. `error`: AWS (or the AWS CLI/SDK before sending) rejects the request.
/// `warning`: accepted, or of unconfirmed outcome, but almost certainly a mistake.
/// `info`: legal but surprising.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
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

/// A secondary location that explains the finding, e.g. the `launchType` that conflicts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Label {
    pub pointer: String,
    pub message: String,
    pub line: u32,
    pub column: u32,
    pub start: u32,
    pub end: u32,
}

/// One finding. Field order is the order of the JSON output: the fields every consumer needs come
/// first (`severity`, `code`, `pointer`, `line`, `column`, `message`, `help`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable code, e.g. `RT201`.
    pub code: &'static str,
    /// JSON pointer (RFC 6901) of the value concerned.
    pub pointer: String,
    /// 1-based line of the start.
    pub line: u32,
    /// 1-based column of the start, in Unicode scalar values.
    pub column: u32,
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// The rule's name, e.g. `launch-type-with-capacity-provider`.
    pub name: &'static str,
    /// Why, or what the documents say.
    pub note: Option<String>,
    /// When the finding is about a member that is absent: its name (the pointer is then the
    /// object that lacks it).
    pub member: Option<&'static str>,
    pub end_line: u32,
    pub end_column: u32,
    /// 1-based columns in UTF-16 code units, as JavaScript editors count.
    pub utf16_column: u32,
    pub utf16_end_column: u32,
    /// UTF-8 byte offsets of the range, half open.
    pub start: u32,
    pub end: u32,
    /// UTF-16 offsets of the range, for JavaScript strings.
    pub utf16_start: u32,
    pub utf16_end: u32,
    pub labels: Vec<Label>,
    /// An edit that resolves the finding, with whether it is safe to apply unattended.
    pub fix: Option<Fix>,
    /// The rows of the rule catalogue (`spec/rules.md`) this finding comes from.
    pub catalogue: &'static [&'static str],
    /// For a request found inside a larger file (a state machine, a template, a script): the
    /// pointer in the API-shaped request, e.g. `/overrides/cpu`, while `pointer` points into the
    /// file as parsed (`""` where the file has no pointer for it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request: Option<String>,
    /// For a request found inside a larger file: where it is, e.g. `state "Run report"`,
    /// `resource Nightly` or `line 12: aws ecs run-task`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}
