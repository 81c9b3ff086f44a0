use super::FileResult;
use crate::Severity;

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
/// Infos become `notice`. See https://docs.github.com/actions/reference/workflow-commands-for-github-actions
#[must_use]
pub fn github(files: &[FileResult<'_>]) -> String {
    let mut out = String::new();
    for f in files {
        if let Some(err) = f.error {
            out.push_str(&format!("::error file={},title=runtask-lint::{}\n", property(f.path), data(err)));
        }
        for d in f.diagnostics {
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut message = d.message.clone();
            if let Some(h) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(h);
            }
            out.push_str(&format!(
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                property(f.path),
                d.line,
                d.column,
                d.end_line,
                d.end_column,
                property(&format!("{} {} ({})", d.code, d.name, if d.pointer.is_empty() { "/" } else { &d.pointer })),
                data(&message)
            ));
        }
    }
    out
}

fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}
