use serde_json::{json, Value};

use super::FileResult;

/// Exactly one JSON array with one object per input file:
/// `[{"file": str, "diagnostics": [...]}]`; an unreadable file also has `"error": str`.
#[must_use]
pub fn json(files: &[FileResult<'_>]) -> String {
    let arr: Vec<Value> = files
        .iter()
        .map(|f| {
            let mut o = json!({ "file": f.path, "diagnostics": f.diagnostics });
            if let Some(err) = f.error {
                o["error"] = Value::String(err.to_owned());
            }
            o
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&Value::Array(arr)).unwrap_or_else(|_| "[]".to_owned());
    s.push('\n');
    s
}
