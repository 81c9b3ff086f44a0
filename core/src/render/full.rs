use annotate_snippets::{AnnotationKind, Group, Level, Patch, Renderer, Snippet};

use super::{summary, FileResult};
use crate::{Applicability, Severity};

/// rustc-style: a title with the code, the file position, an excerpt with a caret under the exact
/// span, secondary labels, then `note`, `help` and the fix as a suggested edit. `color` adds ANSI
/// styles (the CLI turns it on only for a terminal). Ends with a summary line.
#[must_use]
pub fn full(files: &[FileResult<'_>], color: bool) -> String {
    let mut out = full_body(files, color);
    out.push_str(&summary(files));
    out.push('\n');
    out
}

/// [`full`] without its summary line: the blocks of each file, which the CLI renders in chunks of
/// files on several threads and joins.
#[must_use]
pub fn full_body(files: &[FileResult<'_>], color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let mut out = String::new();
    for f in files {
        if let Some(err) = f.error {
            let title = Level::ERROR.primary_title(format!("{}: {err}", f.path));
            out.push_str(&renderer.render(&[Group::with_title(title)]));
            out.push_str("\n\n");
        }
        for d in f.diagnostics {
            let level = match d.severity {
                Severity::Error => Level::ERROR,
                Severity::Warning => Level::WARNING,
                Severity::Info => Level::INFO,
            };
            let title = level.primary_title(d.message.as_str()).id(d.code);
            let mut groups: Vec<Group<'_>> = Vec::new();
            // A request found inside a file: the file's pointer when it has one, else the member
            // in the request (a command line, a string).
            let pointer = match (&d.request, d.pointer.is_empty()) {
                (Some(r), true) if !r.is_empty() => format!("request {r}"),
                (Some(_), true) => String::new(),
                _ if d.pointer.is_empty() => "/".to_owned(),
                _ => d.pointer.clone(),
            };
            let mut main = match f.source {
                Some(src) if (d.end as usize) <= src.len() && src.is_char_boundary(d.start as usize) && src.is_char_boundary(d.end as usize) => {
                    let mut snippet = Snippet::source(src)
                        .path(f.path)
                        .annotation(AnnotationKind::Primary.span(d.start as usize..d.end as usize).label(format!("{} {}", d.name, pointer).trim_end().to_owned()));
                    for l in &d.labels {
                        if (l.end as usize) <= src.len() {
                            snippet = snippet.annotation(AnnotationKind::Context.span(l.start as usize..l.end as usize).label(l.message.as_str()));
                        }
                    }
                    title.element(snippet)
                }
                _ => title.element(Level::NOTE.message(format!("in {} at {}:{}", f.path, d.line, d.column))),
            };
            if let Some(note) = &d.note {
                main = main.element(Level::NOTE.message(note.as_ref()));
            }
            if let Some(help) = &d.help {
                main = main.element(Level::HELP.message(help.as_ref()));
            }
            groups.push(main);
            if let (Some(fix), Some(src)) = (&d.fix, f.source) {
                let ok = fix.edits.iter().all(|e| (e.end as usize) <= src.len() && src.is_char_boundary(e.start as usize) && src.is_char_boundary(e.end as usize));
                if ok && !fix.edits.is_empty() {
                    let safety = if fix.applicability == Applicability::Safe { "safe fix" } else { "unsafe fix, review it" };
                    let mut snippet = Snippet::source(src).path(f.path);
                    for e in &fix.edits {
                        snippet = snippet.patch(Patch::new(e.start as usize..e.end as usize, e.content.as_str()));
                    }
                    groups.push(Level::HELP.secondary_title(format!("{} ({safety})", fix.description)).element(snippet));
                }
            }
            out.push_str(&renderer.render(&groups));
            out.push_str("\n\n");
        }
    }
    out
}
