//! runtask-core: checks an Amazon ECS `RunTask` request offline and reports every problem at
//! once, each with a code, severity, JSON pointer, exact location, message and fix hint.
//!
//! Pure: no I/O, no terminal. A request with problems is a normal [`Report`]; only bad
//! [`Options`] give an error.
//!
//! ```
//! let report = runtask_core::check(r#"{"taskDefinition": "web:3", "count": 11}"#, &Default::default()).unwrap();
//! assert!(report.diagnostics.iter().any(|d| d.code == "RT106" && d.pointer == "/count"));
//! ```

pub mod arn;
pub mod context;
pub mod data;
pub mod decimal;
pub mod diagnostics;
pub mod detect;
#[cfg(feature = "dialects")]
pub mod dialect;
#[cfg(feature = "yaml")]
pub mod extract;
pub mod ids;
pub mod json;
pub mod mapped;
pub mod model;
pub mod query;
pub mod registry;
pub mod rule;
#[cfg(feature = "render")]
pub mod render;
pub mod rules;
pub mod schema;
pub mod task_definition;
pub mod units;
#[cfg(feature = "yaml")]
pub mod yaml;

use context::{Ctx, Finding, Request, Target};
pub use diagnostics::{apply_fixes, Applicability, Diagnostic, Edit, Fix, Label, Severity};
use json::{Document, LineIndex, ParseErrorKind};
pub use registry::rules;
pub use rule::{Rule, Topic};
use task_definition::TaskDefinition;
pub use task_definition::TaskDefinitionError;

/// Requests larger than this are refused unread: a request at every documented limit is about
/// 60 KB (50 tags, 10 placement expressions of 2000 characters, 8192 characters of overrides).
pub const MAX_INPUT_BYTES: usize = 1024 * 1024;

/// What to check.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// A task definition (DescribeTaskDefinition output, RegisterTaskDefinition input or a bare
    /// task definition object) as JSON text; turns on the task-definition-aware rules.
    pub task_definition: Option<String>,
    /// Run only rules whose code starts with one of these (or whose name is one of these).
    pub select: Vec<String>,
    /// Skip rules whose code starts with one of these (or whose name is one of these).
    pub ignore: Vec<String>,
    /// Findings of the live pre-flight against the AWS account (crate runtask-live), positioned
    /// in the request and ordered with the rules' own findings; `select`/`ignore` apply to them.
    pub live: Vec<LiveFinding>,
}

/// A finding made against the AWS account by a live rule ([`Rule::live`]): the request member it
/// is about (a JSON pointer into the request as checked, or the object that lacks `member`) and
/// what to say. The check positions it like any other finding.
#[derive(Clone, Debug)]
pub struct LiveFinding {
    pub rule: &'static Rule,
    /// Usually the rule's; the rule that reports a check that could not be made uses info or
    /// warning by cause.
    pub severity: Severity,
    pub pointer: String,
    /// When the finding is about an absent member (an omitted `cluster`): its name; `pointer`
    /// is then the object that lacks it.
    pub member: Option<&'static str>,
    pub message: String,
    pub help: Option<String>,
    pub note: Option<String>,
}

impl Options {
    /// Checks the options alone: every select/ignore entry names a rule, the task definition can
    /// be read.
    pub fn validate(&self) -> Result<(), OptionsError> {
        Selection { select: &self.select, ignore: &self.ignore }.validate()?;
        self.read_task_definition()?;
        Ok(())
    }

    /// The task definition, read: what every check given these options reads it with. A build
    /// without the feature `task-definition` has no rules to compare a request with it, and says
    /// so rather than check without them.
    pub(crate) fn read_task_definition(&self) -> Result<Option<TaskDefinition<'_>>, OptionsError> {
        let Some(td) = &self.task_definition else { return Ok(None) };
        if cfg!(not(feature = "task-definition")) {
            return Err(OptionsError::NoTaskDefinitionRules);
        }
        TaskDefinition::parse(td).map(Some).map_err(OptionsError::TaskDefinition)
    }

    /// Whether a check with these options runs `rule`: it is selected, not ignored, and has the
    /// task definition it needs. (Input rules that the driver reports, RT001–RT007, do not depend
    /// on the options.)
    #[must_use]
    pub fn enables(&self, rule: &Rule) -> bool {
        rule.has_its_input(self.task_definition.is_some()) && Selection { select: &self.select, ignore: &self.ignore }.enabled(rule)
    }
}

/// Misuse of the API: the request itself never causes one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionsError {
    /// A `select`/`ignore` entry that matches no rule.
    UnknownRule(String),
    /// The task definition could not be read.
    TaskDefinition(TaskDefinitionError),
    /// A task definition was given to a build without the rules that use it (the feature
    /// `task-definition`: the npm package's validator `.wasm` leaves them to the readers' module).
    NoTaskDefinitionRules,
}

impl std::fmt::Display for OptionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OptionsError::UnknownRule(s) => write!(f, "`{s}` matches no rule code or name (see `runtask-lint --explain`)"),
            OptionsError::TaskDefinition(e) => e.fmt(f),
            OptionsError::NoTaskDefinitionRules => f.write_str("this build of runtask-core has no task-definition rules (feature `task-definition`), so it cannot check a request with a task definition"),
        }
    }
}

impl std::error::Error for OptionsError {}

/// Every finding, sorted by position.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    /// The RunTask requests found in a state machine, template or script (empty for a request
    /// file itself).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub requests: Vec<FoundRequest>,
}

/// A request found in a file, as the report lists it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FoundRequest {
    /// e.g. `state "Run report"`.
    pub location: String,
    /// Into the file as parsed; `""` where the file has no pointer for it.
    pub pointer: String,
    pub line: u32,
    pub column: u32,
    pub start: u32,
    pub end: u32,
    /// The request in the API's shape (values known only at run time are `null`).
    pub json: String,
    /// The members whose values are known only at run time, as the dialect spells them.
    pub dynamic: Vec<String>,
}


impl Report {
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    #[must_use]
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }

    /// The fixes of all diagnostics.
    pub fn fixes(&self) -> impl Iterator<Item = &Fix> {
        self.diagnostics.iter().filter_map(|d| d.fix.as_ref())
    }
}

/// Checks a request given as text.
pub fn check(source: &str, options: &Options) -> Result<Report, OptionsError> {
    check_input(source.as_bytes(), Some(source), options)
}

/// Whether the request has no error-severity finding.
pub fn is_valid(source: &str, options: &Options) -> Result<bool, OptionsError> {
    Ok(!check(source, options)?.has_errors())
}

pub(crate) struct Selection<'o> {
    pub(crate) select: &'o [String],
    pub(crate) ignore: &'o [String],
}

impl Selection<'_> {
    fn matches(entry: &str, rule: &Rule) -> bool {
        rule.is_selected_by(entry)
    }

    pub(crate) fn enabled(&self, rule: &Rule) -> bool {
        (self.select.is_empty() || self.select.iter().any(|s| Self::matches(s, rule)))
            && !self.ignore.iter().any(|s| Self::matches(s, rule))
    }

    pub(crate) fn validate(&self) -> Result<(), OptionsError> {
        for entry in self.select.iter().chain(self.ignore) {
            if !rules().iter().any(|r| Self::matches(entry, r)) {
                return Err(OptionsError::UnknownRule(entry.clone()));
            }
        }
        Ok(())
    }
}

/// Checks a request given as bytes: invalid UTF-8, a byte-order mark and oversized input become
/// diagnostics.
pub fn check_bytes(bytes: &[u8], options: &Options) -> Result<Report, OptionsError> {
    check_input(bytes, None, options)
}

/// [`check_bytes`] of `bytes`; `text` is `bytes` as a `str` when the caller has one, which saves
/// reading the bytes as UTF-8 again.
fn check_input(bytes: &[u8], text: Option<&str>, options: &Options) -> Result<Report, OptionsError> {
    let (selection, td) = read_options(options)?;

    if bytes.len() > MAX_INPUT_BYTES {
        return Ok(input_too_large(bytes.len() as u64));
    }
    if starts_utf16(bytes) {
        let d = input_diagnostic(
            &rules::input::invalid_utf8::RULE,
            "",
            "the input is UTF-16 (it starts with a UTF-16 byte-order mark); JSON requests must be UTF-8".to_owned(),
            Some("save the file as UTF-8"),
        );
        return Ok(Report { diagnostics: vec![d], ..Report::default() });
    }
    let text = match text.map_or_else(|| std::str::from_utf8(bytes), Ok) {
        Ok(t) => t,
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            // The prefix is valid UTF-8 by construction.
            let prefix = std::str::from_utf8(valid).unwrap_or("");
            let index = LineIndex::new(prefix);
            let pos = index.position(prefix.len() as u32);
            let bad: Vec<String> = bytes[e.valid_up_to()..].iter().take(e.error_len().unwrap_or(1).max(1)).map(|b| format!("0x{b:02X}")).collect();
            let mut d = input_diagnostic(
                &rules::input::invalid_utf8::RULE,
                "",
                format!("the input is not valid UTF-8: byte {} at line {}, column {} cannot start or continue a character", bad.join(" "), pos.line, pos.column),
                Some("save the file as UTF-8 (AWS reads requests as UTF-8)"),
            );
            d.set_position(&index, e.valid_up_to() as u32, e.valid_up_to() as u32 + 1);
            return Ok(Report { diagnostics: vec![d], ..Report::default() });
        }
    };
    Ok(check_text(text, td.as_ref(), &selection, &options.live))
}

/// Whether `bytes` start with a UTF-16 byte-order mark (either byte order).
fn starts_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF])
}

fn read_options(options: &Options) -> Result<(Selection<'_>, Option<TaskDefinition<'_>>), OptionsError> {
    let selection = Selection { select: &options.select, ignore: &options.ignore };
    selection.validate()?;
    Ok((selection, options.read_task_definition()?))
}

/// Input read and parsed as JSON once, for a caller that looks at the document before checking
/// it: the npm package detects what the text is written in from the parsed document
/// ([`Prepared::detect`]), then checks it as a request without parsing it again.
pub struct Prepared<'s> {
    /// The whole text, byte-order mark included.
    text: &'s str,
    doc: Document<'s>,
}

impl<'s> Prepared<'s> {
    /// The text without its byte-order mark, as [`detect::detect`] reads it.
    #[must_use]
    pub fn text(&self) -> &'s str {
        self.text.strip_prefix('\u{feff}').unwrap_or(self.text)
    }

    /// [`detect::detect`] of the text, read from the parsed document.
    #[must_use]
    pub fn detect(&self, path: Option<&str>) -> Option<detect::Dialect> {
        detect::detect_parsed(path, self.text(), &self.doc)
    }
}

/// `bytes` read as [`check_bytes`] reads them and parsed as JSON; None when `check_bytes` would
/// report the input itself (too large, not UTF-8) or the text is not JSON, which the caller then
/// hands to `check_bytes` as before.
#[must_use]
pub fn prepare(bytes: &[u8]) -> Option<Prepared<'_>> {
    if bytes.len() > MAX_INPUT_BYTES || starts_utf16(bytes) {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let doc = Document::parse_from(text, bom_len(text)).ok()?;
    Some(Prepared { text, doc })
}

/// What [`check_bytes`] reports for the bytes that `prepared` was made from.
pub fn check_prepared(prepared: &Prepared<'_>, options: &Options) -> Result<Report, OptionsError> {
    let (selection, td) = read_options(options)?;
    Ok(check_parsed(prepared.text, Ok(&prepared.doc), td.as_ref(), &selection, &options.live))
}

fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{feff}') {
        3
    } else {
        0
    }
}

/// The report for an input of `len` bytes, above [`MAX_INPUT_BYTES`], which is not read at all.
/// Callers that can learn the size without reading (a file's metadata) use it directly.
#[must_use]
pub fn input_too_large(len: u64) -> Report {
    let d = input_diagnostic(
        &rules::input::input_too_large::RULE,
        "",
        format!("the input is {len} bytes; a RunTask request is refused above {MAX_INPUT_BYTES} bytes"),
        Some("check that this is the request file: even a request at every documented limit is under 100 KB"),
    );
    Report { diagnostics: vec![d], ..Report::default() }
}

#[inline(never)]
pub(crate) fn input_diagnostic(rule: &'static Rule, pointer: &str, message: String, help: Option<&str>) -> Diagnostic {
    Diagnostic {
        severity: rule.severity,
        code: rule.code,
        pointer: pointer.to_owned(),
        line: 1,
        column: 1,
        message,
        help: help.map(|h| std::borrow::Cow::Owned(h.to_owned())),
        name: rule.name,
        note: None,
        member: None,
        end_line: 1,
        end_column: 1,
        utf16_column: 1,
        utf16_end_column: 1,
        start: 0,
        end: 0,
        utf16_start: 0,
        utf16_end: 0,
        labels: Vec::new(),
        fix: None,
        catalogue: rule.catalogue,
        request: None,
        location: None,
    }
}

fn check_text(text: &str, td: Option<&TaskDefinition<'_>>, selection: &Selection<'_>, live: &[LiveFinding]) -> Report {
    let parsed = Document::parse_from(text, bom_len(text));
    check_parsed(text, parsed.as_ref(), td, selection, live)
}

/// The report for `text` and what its JSON parse gave.
fn check_parsed(text: &str, parsed: Result<&Document<'_>, &json::ParseError>, td: Option<&TaskDefinition<'_>>, selection: &Selection<'_>, live: &[LiveFinding]) -> Report {
    // A parsed document knows its line starts; text that is not JSON is scanned for them.
    let index = parsed.map_or_else(|_| LineIndex::new(text), Document::line_index);
    let mut diagnostics = Vec::new();
    if bom_len(text) > 0 {
        let rule = &rules::input::byte_order_mark::RULE;
        let mut d = input_diagnostic(
            rule,
            "",
            "the file starts with a UTF-8 byte-order mark; the AWS CLI's `--cli-input-json` rejects it".to_owned(),
            Some("save the file as UTF-8 without a BOM"),
        );
        d.fix = Some(Fix {
            applicability: Applicability::Safe,
            description: "Remove the byte-order mark".to_owned(),
            edits: vec![Edit::new(0, 3, String::new())],
        });
        d.set_position(&index, 0, 3);
        diagnostics.push(d);
    }
    let doc = match parsed {
        Ok(doc) => doc,
        Err(e) => {
            let rule = if e.kind == ParseErrorKind::TooDeep { &rules::input::nesting_too_deep::RULE } else { &rules::input::invalid_json::RULE };
            let mut d = input_diagnostic(rule, "", e.message(), e.help());
            let end = (e.offset + text[e.offset.min(text.len())..].chars().next().map_or(0, char::len_utf8)) as u32;
            d.set_position(&index, e.offset as u32, end);
            diagnostics.push(d);
            return Report { diagnostics, ..Report::default() };
        }
    };
    check_document(doc, &index, td, selection, live, &mut diagnostics);
    Report { diagnostics, ..Report::default() }
}

/// Runs every selected rule on a parsed request and resolves the findings against `index`, the
/// line index of the document's text, with the live findings made for this request (`--live`).
/// Sorted by position, appended to `out` (no copy of each diagnostic into a new list).
pub(crate) fn check_document(doc: &Document<'_>, index: &LineIndex<'_>, td: Option<&TaskDefinition<'_>>, selection: &Selection<'_>, live: &[LiveFinding], out: &mut Vec<Diagnostic>) {
    let req = Request::index(doc);
    let target = Target::of(doc, &req);
    let mut findings: Vec<Finding> = Vec::new();
    // A request known only at run time as a whole (a JSONata expression): nothing to check.
    if doc.kind(doc.root()) == json::Kind::Dynamic {
        return;
    }
    let root_is_object = doc.kind(doc.root()) == json::Kind::Object;
    // No select or ignore (the usual case): every rule is enabled, without a call per rule.
    let every_rule = selection.select.is_empty() && selection.ignore.is_empty();
    let runs = |rule: &'static Rule| {
        // The root-type rule always runs: without an object nothing else can be checked.
        let always = std::ptr::eq(rule, &rules::input::request_not_object::RULE);
        rule.has_its_input(td.is_some()) && (always || (root_is_object && (every_rule || selection.enabled(rule))))
    };
    // Every rule in code order, each area's checks called directly; the node rules in one walk.
    let strategy = context::StrategyItem::list(doc, &req);
    rules::run_areas(&mut Ctx { doc, req: &req, target, td, strategy: &strategy, rule: &rules::input::request_not_object::RULE, out: &mut findings }, &runs);
    if root_is_object {
        findings.extend(live.iter().filter(|f| selection.enabled(f.rule)).map(|f| live_finding(doc, f)));
    }
    // What sits under a member shadowed by a later duplicate is ignored by AWS, so by every rule
    // too (RT006 reports the duplication at the member that is kept).
    // Sorted by position, stable (findings at the same place keep the rules' code order); the
    // keys are sorted and the findings resolved in that order, so no large struct is moved.
    let order = finding_order(findings.iter().enumerate().filter(|(_, f)| !doc.in_shadowed(f.node)).map(|(i, f)| (f.range.start, f.severity, i)));
    out.reserve(order.len());
    for &key in &order {
        out.push(resolve(doc, index, &mut findings[finding_index(key)]));
    }
}

/// The findings' order: by position, then severity, then the order they were made in (each
/// given by its index), as one number per finding: the position in the high 32 bits, the
/// severity in the next 2, the index in the low 30 (a finding takes over 150 bytes: 2^30 of them
/// would take 150 GiB, and a wasm32 memory holds 4). One `u64` sort in the `.wasm`, shared with
/// RT006's.
fn finding_order(findings: impl Iterator<Item = (u32, Severity, usize)>) -> Vec<u64> {
    let mut order: Vec<u64> = findings
        .map(|(start, severity, i)| {
            debug_assert!(i as u64 <= INDEX_BITS);
            u64::from(start) << 32 | (severity as u64) << 30 | (i as u64 & INDEX_BITS)
        })
        .collect();
    order.sort_unstable();
    order
}

/// The index bits of a [`finding_order`] key.
const INDEX_BITS: u64 = (1 << 30) - 1;

fn finding_index(key: u64) -> usize {
    (key & INDEX_BITS) as usize
}

/// A live finding at the node its pointer names (the nearest existing ancestor when the member is
/// gone); about an absent member, at the lacking object's name or opening brace, as
/// `Ctx::report_missing` places it.
fn live_finding(doc: &Document<'_>, f: &LiveFinding) -> Finding {
    let mut pointer = f.pointer.as_str();
    let node = loop {
        if let Some(n) = doc.resolve(pointer) {
            break n;
        }
        match pointer.rfind('/') {
            Some(i) => pointer = &pointer[..i],
            None => break doc.root(),
        }
    };
    let range = if f.member.is_some() {
        doc.key_range(node).unwrap_or_else(|| {
            let r = doc.range(node);
            json::TextRange::new(r.start, r.start + 1)
        })
    } else {
        doc.range(node)
    };
    Finding {
        rule: f.rule,
        severity: f.severity,
        node,
        range,
        message: f.message.clone(),
        help: f.help.clone().map(Into::into),
        note: f.note.clone().map(Into::into),
        fix: None,
        labels: Vec::new(),
        member: f.member,
    }
}

fn resolve(doc: &Document<'_>, index: &LineIndex<'_>, f: &mut Finding) -> Diagnostic {
    let labels = std::mem::take(&mut f.labels)
        .into_iter()
        .map(|(node, range, message)| {
            // Positioned with the diagnostic (`Diagnostic::set_position` below).
            Label { pointer: doc.pointer(node).into_string(), message, line: 0, column: 0, utf16_column: 0, start: range.start, end: range.end, utf16_start: 0, utf16_end: 0 }
        })
        .collect();
    let mut d = f.rule.diagnostic(doc.pointer(f.node).into_string(), std::mem::take(&mut f.message));
    d.severity = f.severity;
    d.help = f.help.take();
    d.note = f.note.take();
    d.member = f.member;
    d.labels = labels;
    d.fix = f.fix.take();
    d.set_position(index, f.range.start, f.range.end);
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rules that need the task definition run in a build with the feature `task-definition`
    /// and nowhere without it (their checks left out). Run with and without it (`make
    /// test-rust`).
    #[test]
    fn task_definition_rules_run_only_with_the_feature() {
        let needing: Vec<_> = rules::AREAS.iter().flat_map(|a| a.iter()).filter(|c| c.rule.needs_task_definition).collect();
        assert!(needing.len() > 30, "{}", needing.len());
        assert!(needing.iter().any(|c| c.rule.code == "RT308"), "one outside the RT8xx area");
        for c in needing {
            assert_eq!(matches!(c.run, rules::Run::Document(_)), cfg!(feature = "task-definition"), "{}", c.rule.code);
        }
    }

    /// Without the feature `task-definition` (the npm validator's `.wasm`), `check`,
    /// `check_bytes` and `Options::validate` refuse a task definition rather than check without
    /// its rules, and check as before without one; the rules stay declared. Run by
    /// `make test-rust` (`--no-default-features`).
    #[cfg(not(feature = "task-definition"))]
    #[test]
    fn without_task_definition_rules_a_task_definition_is_refused() {
        let options = Options { task_definition: Some(r#"{"family": "web", "containerDefinitions": []}"#.to_owned()), ..Options::default() };
        let request = r#"{"taskDefinition": "web:1", "count": 11}"#;
        assert_eq!(check(request, &options).unwrap_err(), OptionsError::NoTaskDefinitionRules);
        assert_eq!(check_bytes(request.as_bytes(), &options).unwrap_err(), OptionsError::NoTaskDefinitionRules);
        assert_eq!(options.validate().unwrap_err(), OptionsError::NoTaskDefinitionRules);
        let plain = check(request, &Options::default()).unwrap();
        assert!(plain.diagnostics.iter().any(|d| d.code == "RT106"), "{plain:?}");
        let rt800 = rules().iter().find(|r| r.code == "RT800").unwrap();
        assert!(rt800.needs_task_definition);
        assert!(Options { select: vec!["RT800".to_owned()], ..Options::default() }.validate().is_ok());
    }

    proptest::proptest! {
        /// The findings' order is the sort of (position, severity, index) it stands for.
        #[test]
        fn finding_order_sorts_by_position_severity_and_index(
            findings in proptest::collection::vec((0u32..6, proptest::sample::select(vec![Severity::Error, Severity::Warning, Severity::Info])), 0..60),
            far in proptest::bool::ANY,
        ) {
            // Positions near the top of the range too.
            let findings: Vec<(u32, Severity)> = findings.into_iter().map(|(p, s)| (if far { u32::MAX - p } else { p }, s)).collect();
            let mut expected: Vec<(u32, Severity, usize)> = findings.iter().enumerate().map(|(i, &(p, s))| (p, s, i)).collect();
            expected.sort_unstable();
            let order = finding_order(findings.iter().enumerate().map(|(i, &(p, s))| (p, s, i)));
            let got: Vec<(u32, Severity, usize)> = order.iter().map(|&k| { let i = finding_index(k); (findings[i].0, findings[i].1, i) }).collect();
            proptest::prop_assert_eq!(got, expected);
        }
    }
}
