//! Checking one file: a pure function of (name, contents, how it is read, settings), so files can
//! be checked in any order or in parallel and the output, ordered by the arguments, stays the same.
//! The command line and the editor server both come here.

use runtask_core::{check_bytes, dialect, input_too_large, Diagnostic, OptionsError};

use crate::candidate::Reading;
use crate::config::FileSettings;
use crate::input::NextTo;
use crate::suppress;

/// A file's contents as read.
#[derive(Debug, Clone, Copy)]
pub struct Contents<'a> {
    pub bytes: &'a [u8],
    /// The same bytes, when they are UTF-8.
    pub text: Option<&'a str>,
    /// The file's size when above the limit (nothing was read).
    pub too_large: Option<u64>,
    /// Where the file is: `file://` references on its command lines are read next to it.
    pub path: Option<&'a str>,
}

/// Every finding for the file, after the configuration's suppressions and severities, sorted
/// by position.
pub fn lint(contents: Contents<'_>, reading: Reading, settings: &FileSettings) -> Result<Vec<Diagnostic>, OptionsError> {
    if let Some(n) = contents.too_large {
        return Ok(match reading {
            Reading::Dialect { dialect, .. } => dialect::too_large(dialect, n),
            _ => input_too_large(n),
        }
        .diagnostics);
    }
    let options = &settings.options;
    let (report, text) = match (reading, contents.text) {
        (Reading::Yaml, Some(text)) => {
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            (runtask_core::extract::check_yaml(text, options)?, Some(text))
        }
        (Reading::Dialect { dialect, .. }, text) => {
            // Positions are in the text without its BOM, as for YAML.
            let report = dialect::check_source(contents.path, contents.bytes, dialect, options, &NextTo::new(contents.path))?;
            (report, text.map(|t| t.strip_prefix('\u{feff}').unwrap_or(t)))
        }
        _ => (check_bytes(contents.bytes, options)?, contents.text),
    };
    let mut diagnostics = report.diagnostics;
    if let (Some(marker), Some(text)) = (reading.comment_marker(), text) {
        diagnostics = suppress::apply(text, marker, diagnostics, options);
    }
    for d in &mut diagnostics {
        d.severity = settings.severity_of(d.code, d.severity);
    }
    // Stable: findings at the same place keep core's order.
    diagnostics.sort_by_key(|d| d.start);
    Ok(diagnostics)
}
