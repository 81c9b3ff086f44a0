//! Text renderings of diagnostics for the command line and CI: `full` (rustc-style excerpt with a
//! caret under the span), `concise` (one line each), `json`, `github` (workflow annotations) and
//! `sarif` (SARIF 2.1.0). Pure functions from results to strings; the CLI decides where they go.

mod concise;
mod full;
mod github;
mod json;
mod sarif;

pub use concise::concise;
pub use full::{full, full_body};
pub use github::github;
pub use json::json;
pub use sarif::sarif;

use crate::{Diagnostic, Severity};

/// One checked input: its name, its text when it could be read as text, the findings, or the
/// reason it could not be checked at all.
#[derive(Debug, Clone, Copy)]
pub struct FileResult<'a> {
    pub path: &'a str,
    pub source: Option<&'a str>,
    pub diagnostics: &'a [Diagnostic],
    /// The file could not be read (missing, a directory, permission).
    pub error: Option<&'a str>,
}

/// "2 errors, 1 warning and 3 infos in 2 files", or "no problems in 1 file".
#[must_use]
pub fn summary(files: &[FileResult<'_>]) -> String {
    let count = |s: Severity| files.iter().flat_map(|f| f.diagnostics).filter(|d| d.severity == s).count();
    let (e, w, i) = (count(Severity::Error), count(Severity::Warning), count(Severity::Info));
    let unreadable = files.iter().filter(|f| f.error.is_some()).count();
    let n = files.len();
    let files_word = if n == 1 { "file" } else { "files" };
    let mut parts = Vec::new();
    for (count, word) in [(e, "error"), (w, "warning"), (i, "info")] {
        if count > 0 {
            parts.push(format!("{count} {word}{}", if count == 1 { "" } else { "s" }));
        }
    }
    let mut s = match parts.len() {
        0 => format!("no problems in {n} {files_word}"),
        1 => format!("{} in {n} {files_word}", parts[0]),
        _ => {
            let last = parts.pop().unwrap_or_default();
            format!("{} and {last} in {n} {files_word}", parts.join(", "))
        }
    };
    if unreadable > 0 {
        s.push_str(&format!(" ({unreadable} could not be read)"));
    }
    s
}
