//! Fixes: applying them until none is left (`--fix`), or showing them as a unified diff
//! (`--diff`). Every round re-checks the fixed text with the same settings.

use runtask_core::{apply_fixes, Applicability, Diagnostic, OptionsError};

use crate::candidate::Reading;
use crate::config::FileSettings;
use crate::lint::{lint, Contents};

/// A fix that was applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub code: &'static str,
    pub description: String,
}

/// The outcome of fixing one text.
pub struct Fixed {
    pub text: String,
    /// The findings of the fixed text.
    pub diagnostics: Vec<Diagnostic>,
    pub applied: Vec<Applied>,
}

/// Applies the fixes of `diagnostics` to `text` (the unsafe ones too with `include_unsafe`),
/// re-checking after each round, for at most 10 rounds. `path`: where the file is.
pub fn fix(text: &str, path: Option<&str>, diagnostics: Vec<Diagnostic>, reading: Reading, settings: &FileSettings, include_unsafe: bool) -> Result<Fixed, OptionsError> {
    let mut text = text.to_owned();
    let mut diagnostics = diagnostics;
    let mut applied = Vec::new();
    for _ in 0..10 {
        let wanted: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.fix.as_ref().is_some_and(|f| include_unsafe || f.applicability == Applicability::Safe)).collect();
        let (fixed, n) = apply_fixes(&text, wanted.iter().filter_map(|d| d.fix.as_ref()), include_unsafe);
        if n == 0 || fixed == text {
            break;
        }
        // apply_fixes takes fixes in order and skips those that overlap one already taken: the
        // same walk tells which were applied.
        applied.extend(taken(&text, &wanted, include_unsafe));
        text = fixed;
        diagnostics = lint(Contents { bytes: text.as_bytes(), text: Some(&text), too_large: None, path }, reading, settings)?;
    }
    Ok(Fixed { text, diagnostics, applied })
}

fn taken(text: &str, wanted: &[&Diagnostic], include_unsafe: bool) -> Vec<Applied> {
    let mut out = Vec::new();
    let mut edits: Vec<(u32, u32)> = Vec::new();
    for d in wanted {
        let Some(f) = &d.fix else { continue };
        let overlaps = f.edits.iter().any(|e| edits.iter().any(|&(s, t)| e.start < t.max(s + 1) && s < e.end.max(e.start + 1)));
        let fits = f.edits.iter().all(|e| (e.end as usize) <= text.len());
        if overlaps || !fits || (!include_unsafe && f.applicability == Applicability::Unsafe) {
            continue;
        }
        edits.extend(f.edits.iter().map(|e| (e.start, e.end)));
        out.push(Applied { code: d.code, description: f.description.clone() });
    }
    out
}

/// A unified diff from `before` to `after` for the file `name` (empty when they are equal).
pub fn unified_diff(name: &str, before: &str, after: &str) -> String {
    if before == after {
        return String::new();
    }
    similar::TextDiff::from_lines(before, after).unified_diff().context_radius(3).header(&format!("a/{name}"), &format!("b/{name}")).to_string()
}
