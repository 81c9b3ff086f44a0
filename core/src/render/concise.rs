use super::FileResult;

/// `file:line:col: severity[CODE] message`, one line per diagnostic; unreadable files as
/// `file: error: reason`.
#[must_use]
pub fn concise(files: &[FileResult<'_>]) -> String {
    let mut out = String::new();
    for f in files {
        if let Some(err) = f.error {
            out.push_str(&format!("{}: error: {err}\n", f.path));
        }
        for d in f.diagnostics {
            out.push_str(&format!("{}:{}:{}: {}[{}] {}\n", f.path, d.line, d.column, d.severity, d.code, d.message));
        }
    }
    out
}
