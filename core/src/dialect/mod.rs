//! RunTask requests where they live: Step Functions state machines, CloudFormation/SAM/CDK
//! templates, EventBridge Scheduler input, and `aws ecs run-task` command lines in shell scripts,
//! Makefiles, Dockerfiles and GitHub Actions workflows.
//!
//! [`detect`] says which dialect a file is written in (or that it holds no RunTask request);
//! [`check_source`] finds every request in it, checks each with every rule through
//! [`crate::extract`], and adds the dialect's own findings. Pure: `file://` references on command
//! lines are read through the caller's [`Files`].

pub(crate) mod asl;
pub(crate) mod cfn;
pub(crate) mod convert;
pub(crate) mod eventbridge;
pub mod limits;
pub mod names;
pub mod schema;
pub(crate) mod shell;
pub(crate) mod shorthand;

use crate::diagnostics::Diagnostic;
use crate::extract::{check_extracted, Extracted, Syntax};
use crate::json::{Document, LineIndex};
use crate::mapped::Mapped;
use crate::{input_diagnostic, rules, Options, OptionsError, Report, Selection, MAX_INPUT_BYTES};

use convert::DialectFinding;
pub use crate::detect::{detect, Dialect};
pub(crate) use crate::detect::{extension, mentions_run_task};

/// Reads the files that `file://` references name.
pub trait Files {
    /// The text of `reference` (what follows `file://`, as written), or why it cannot be read.
    fn read(&self, reference: &str) -> Result<String, String>;
}

/// Reads nothing: every `file://` reference is reported as unread.
pub struct NoFiles;

impl Files for NoFiles {
    fn read(&self, _reference: &str) -> Result<String, String> {
        Err("files are not read here".to_owned())
    }
}

/// The requests and dialect findings of one file, as they are found.
#[derive(Default)]
pub(crate) struct Found {
    pub requests: Vec<Extracted>,
    /// Each with the location of the request it belongs to.
    pub findings: Vec<(DialectFinding, Option<String>)>,
}

impl Found {
    pub fn push(&mut self, ex: Extracted, findings: Vec<DialectFinding>) {
        let location = ex.location.clone();
        self.findings.extend(findings.into_iter().map(|f| (f, location.clone())));
        self.requests.push(ex);
    }
}

/// Checks every RunTask request of a file written in `dialect`. `path` names the file (for
/// messages; `file://` references are passed to `files` as written).
pub fn check_source(path: Option<&str>, bytes: &[u8], dialect: Dialect, options: &Options, files: &dyn Files) -> Result<Report, OptionsError> {
    let selection = Selection { select: &options.select, ignore: &options.ignore };
    selection.validate()?;
    let td = options.read_task_definition()?;
    if dialect == Dialect::Request {
        let yaml = path.is_some_and(|p| matches!(extension(p).as_str(), "yaml" | "yml")) || (path.is_none() && !bytes.iter().find(|b| !b.is_ascii_whitespace()).is_some_and(|b| matches!(b, b'{' | b'[' | b'"' | 0xEF | 0xFE | 0xFF)));
        if yaml {
            if let Ok(text) = std::str::from_utf8(bytes) {
                return crate::extract::check_yaml(text.strip_prefix('\u{feff}').unwrap_or(text), options);
            }
        }
        return crate::check_bytes(bytes, options);
    }
    if bytes.len() > MAX_INPUT_BYTES {
        return Ok(too_large(dialect, bytes.len() as u64));
    }
    let Ok(text) = std::str::from_utf8(bytes) else { return crate::check_bytes(bytes, options) };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let index = LineIndex::new(text);
    let mut found = Found::default();
    if let Err(d) = read(dialect, text, &index, files, &mut found) {
        return Ok(Report { diagnostics: vec![*d], ..Report::default() });
    }
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    for ex in &found.requests {
        // No live findings (yet) for the requests inside a state machine, template or script.
        diagnostics.extend(check_extracted(text, &index, ex, td.as_ref(), &selection, &[]));
    }
    for (mut f, location) in found.findings {
        if selection.enabled(f.rule) {
            if let Some(fix) = &mut f.fix {
                fit_quoting(text, fix);
            }
            diagnostics.push(finding_diagnostic(f, location, &index));
        }
    }
    diagnostics.sort_by_key(|d| (d.start, d.severity));
    let requests = found.requests.iter().map(|ex| ex.found(&index)).collect();
    Ok(Report { diagnostics, requests })
}

/// The report for a file above [`MAX_INPUT_BYTES`], which is not read.
#[must_use]
pub fn too_large(dialect: Dialect, len: u64) -> Report {
    let limit = match dialect {
        Dialect::StateMachine => " (Step Functions accepts definitions up to 1 MB)",
        Dialect::Cloudformation => " (CloudFormation accepts templates up to 1 MB)",
        _ => "",
    };
    let d = input_diagnostic(
        &rules::input::input_too_large::RULE,
        "",
        format!("the {} is {len} bytes; runtask reads files up to {MAX_INPUT_BYTES} bytes{limit}", dialect.noun()),
        Some("check that this is the file you meant: its requests are not checked"),
    );
    Report { diagnostics: vec![d], ..Report::default() }
}

/// Parses the file as `dialect` and collects its requests; a file that cannot be read gives one
/// diagnostic at the syntax position.
fn read(dialect: Dialect, text: &str, index: &LineIndex<'_>, files: &dyn Files, found: &mut Found) -> Result<(), Box<Diagnostic>> {
    match dialect {
        Dialect::StateMachine | Dialect::Cloudformation | Dialect::Scheduler => {
            let (mapped, syntax) = structured(text, index, dialect)?;
            let doc = match Document::parse(mapped.text()) {
                Ok(doc) => doc,
                Err(e) => {
                    let rule = if e.kind == crate::json::ParseErrorKind::TooDeep { &rules::input::nesting_too_deep::RULE } else { &rules::input::invalid_json::RULE };
                    let mut d = input_diagnostic(rule, "", e.message(), e.help());
                    let r = mapped.file_range_of_char(e.offset);
                    d.set_position(index, r.start, r.end);
                    return Err(Box::new(d));
                }
            };
            match dialect {
                Dialect::StateMachine => {
                    let m = asl::Machine { doc: &doc, text: &mapped, file_pointers: true, cfn: false, prefix: None, syntax };
                    asl::extract(&m, doc.root(), found);
                }
                Dialect::Cloudformation => cfn::extract(&doc, &mapped, syntax, found),
                _ => {
                    let root = doc.root();
                    if let Some(target) = doc.get(root, "Target") {
                        let location = doc.get_str(root, "Name").map_or_else(|| "schedule".to_owned(), |n| format!("schedule \"{n}\""));
                        let t = eventbridge::Target { doc: &doc, text: &mapped, names: &names::SCHEDULER_API, cfn: false, location, syntax };
                        eventbridge::extract(&t, target, found);
                    }
                }
            }
            Ok(())
        }
        Dialect::Shell | Dialect::Makefile | Dialect::Dockerfile => shell::extract_file(text, dialect, index, files, found),
        Dialect::GithubActions => {
            let (mapped, _) = structured(text, index, dialect)?;
            let Ok(doc) = Document::parse(mapped.text()) else { return Ok(()) };
            shell::extract_workflow(&doc, &mapped, index, files, found)
        }
        Dialect::Request => Ok(()),
    }
}

/// A JSON or YAML file as JSON text mapped to the file.
fn structured(text: &str, index: &LineIndex<'_>, dialect: Dialect) -> Result<(Mapped, Syntax), Box<Diagnostic>> {
    if text.trim_start().starts_with('{') {
        return Ok((Mapped::identity(text), Syntax::Json));
    }
    let options = crate::yaml::YamlOptions { cloudformation_tags: dialect == Dialect::Cloudformation };
    match crate::yaml::to_json_with(text, options) {
        Ok(m) => Ok((m, Syntax::Yaml)),
        Err(e) => {
            let mut d = crate::extract::yaml_error(text, index, &e, "");
            d.message = format!("the {} cannot be read: {}", dialect.noun(), d.message);
            Err(Box::new(d))
        }
    }
}

/// A renamed member written as the file writes the name it replaces: `"Name"` in JSON and quoted
/// YAML, `Name` as a plain YAML key.
fn fit_quoting(text: &str, fix: &mut crate::diagnostics::Fix) {
    for e in &mut fix.edits {
        let written = text.get(e.start as usize..e.end as usize).unwrap_or("");
        let Some(bare) = e.content.strip_prefix('"').and_then(|c| c.strip_suffix('"')) else { continue };
        if bare.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            if let Some(q) = written.chars().next().filter(|c| *c == '\'') {
                e.content = format!("{q}{bare}{q}");
            } else if !written.starts_with('"') {
                e.content = bare.to_owned();
            }
        }
    }
}

fn finding_diagnostic(f: DialectFinding, location: Option<String>, index: &LineIndex<'_>) -> Diagnostic {
    let mut d = input_diagnostic(f.rule, &f.pointer, f.message, None);
    d.severity = f.severity;
    d.help = f.help.map(Into::into);
    d.note = f.note.map(Into::into);
    d.fix = f.fix;
    d.set_position(index, f.range.start, f.range.end);
    d.request = f.request.or_else(|| location.as_ref().map(|_| String::new()));
    d.location = location;
    d
}
