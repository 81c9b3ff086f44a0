use serde::Serialize;

/// Whether a fix keeps the meaning the author evidently wanted (`safe`, e.g. `"fargate"` →
/// `"FARGATE"`) or changes what is requested (`unsafe`: review it before applying).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps the meaning the author evidently wanted (e.g. `"fargate"` → `"FARGATE"`).
    Safe,
    /// Changes what is requested (e.g. a different memory size); review before applying.
    Unsafe,
}

/// Replace `source.slice(utf16Start, utf16End)` with `content` (or bytes `start..end` of the
/// UTF-8 text).
// The UTF-16 offsets are set when the diagnostic that carries the edit is positioned
// (`Diagnostic::set_position`); 0 before.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Edit {
    pub start: u32,
    pub end: u32,
    pub utf16_start: u32,
    pub utf16_end: u32,
    pub content: String,
}

impl Edit {
    /// Replaces the bytes `start..end` with `content`. The UTF-16 offsets are filled in when the
    /// diagnostic that carries the edit is positioned.
    #[must_use]
    pub fn new(start: u32, end: u32, content: impl Into<String>) -> Self {
        Edit { start, end, utf16_start: 0, utf16_end: 0, content: content.into() }
    }
}

/// A fix: edits to the source that resolve the finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "tsify", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Fix {
    pub applicability: Applicability,
    /// What applying it does, e.g. "Replace `fargate` with `FARGATE`".
    pub description: String,
    pub edits: Vec<Edit>,
}

/// Applies the fixes (safe ones only unless `include_unsafe`) to `source`. Fixes whose edits
/// overlap an edit already taken are skipped; run the check again to apply them.
#[must_use]
pub fn apply_fixes<'a>(source: &str, fixes: impl IntoIterator<Item = &'a Fix>, include_unsafe: bool) -> (String, usize) {
    let mut edits: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    'fix: for fix in fixes {
        if fix.applicability == Applicability::Unsafe && !include_unsafe {
            continue;
        }
        for e in &fix.edits {
            if edits.iter().any(|t| e.start < t.end.max(t.start + 1) && t.start < e.end.max(e.start + 1)) {
                continue 'fix;
            }
        }
        edits.extend(fix.edits.iter());
        applied += 1;
    }
    edits.sort_by_key(|e| (e.start, e.end));
    let mut out = String::with_capacity(source.len());
    let mut at = 0usize;
    for e in edits {
        let (s, t) = (e.start as usize, e.end as usize);
        if s < at || t > source.len() || !source.is_char_boundary(s) || !source.is_char_boundary(t) {
            continue;
        }
        out.push_str(&source[at..s]);
        out.push_str(&e.content);
        at = t;
    }
    out.push_str(&source[at..]);
    (out, applied)
}
