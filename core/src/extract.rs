//! A RunTask request found in a file, in the API's shape, and how its findings go back into the
//! file as written. Every reader (a YAML request, a state machine's Task state, a template's
//! schedule target, a command line) produces the same [`Extracted`]: the API-shaped request as
//! [`Mapped`] text (each byte knows the file range it comes from), the file's own pointers, the
//! values known only at run time, and how the file's dialect spells the members. The rules run
//! on the request unchanged; [`check_extracted`] moves each diagnostic back: range, line and
//! column in the file, `pointer` into the file, `request` in the API shape, the message in the
//! dialect's spelling, and the fix where its edit maps back.

use crate::diagnostics::{Diagnostic, Edit, Fix};
use crate::json::{Document, Kind, LineIndex, NodeId, ParseErrorKind, TextRange};
use crate::mapped::Mapped;
use crate::task_definition::TaskDefinition;
use crate::{check_document, input_diagnostic, rules, FoundRequest, LiveFinding, Options, OptionsError, Report, Selection};

/// How a dialect names the request's members in messages.
pub trait Spelling: Sync {
    /// `text` (a message, help or note written with the API's names in backticks) with the
    /// names as the dialect writes them.
    fn spell(&self, text: &str) -> String;
}

/// Where the file has pointers for the request's nodes.
#[derive(Clone, Debug)]
pub enum FilePointers {
    /// The request is the file itself: request pointers are file pointers.
    Same,
    /// The file pointer of each request node written from a node of the file, by the node's
    /// value range in the request text; a node not listed takes its nearest listed ancestor's,
    /// and `""` when none is listed (the request sits in a string or a command line).
    Table(Vec<(TextRange, String)>),
}

/// How the file writes values, for mapping fixes back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    Json,
    Yaml,
    Shell,
}

/// A member whose value is known only at run time.
#[derive(Clone, Debug)]
pub struct Dynamic {
    /// The `null` standing for it in the request text.
    pub range: TextRange,
    /// The member as the dialect spells it, e.g. `Overrides.Cpu`.
    pub member: String,
    /// What computes it, e.g. "JSONPath `$.cpu`"; empty for a value that is there but cannot be
    /// read (its own rule reports it, the info does not list it).
    pub what: String,
}

/// A request as the rules see it, and the way back into the file.
pub struct Extracted {
    /// The request in the API's shape; a value known only at run time is a `null` listed in
    /// `dynamic`.
    pub json: Mapped,
    pub pointers: FilePointers,
    pub dynamic: Vec<Dynamic>,
    /// Where the request is, e.g. `state "Run report"` (None for a request file itself).
    pub location: Option<String>,
    pub syntax: Syntax,
    pub spelling: Option<&'static dyn Spelling>,
    /// The part of the file the request is written in.
    pub range: TextRange,
    /// The file pointer of the request object (`""` where the file has none).
    pub pointer: String,
    /// Members may be added at run time (a command line with `$EXTRA_ARGS`): no member is
    /// reported missing.
    pub open: bool,
}

impl Extracted {
    /// The listing entry for this request.
    #[must_use]
    pub fn found(&self, index: &LineIndex<'_>) -> FoundRequest {
        let p = index.position(self.range.start);
        FoundRequest {
            location: self.location.clone().unwrap_or_default(),
            pointer: self.pointer.clone(),
            line: p.line,
            column: p.column,
            start: self.range.start,
            end: self.range.end,
            json: self.json.text().to_owned(),
            dynamic: self.dynamic.iter().filter(|d| !d.what.is_empty()).map(|d| d.member.clone()).collect(),
        }
    }
}

/// The node whose value range is exactly `range`.
pub(crate) fn node_at(doc: &Document<'_>, range: TextRange) -> Option<NodeId> {
    doc.ids().find(|&id| doc.range(id) == range)
}

/// Checks one extracted request and returns its diagnostics placed in `file` (whose line index
/// is `index`).
/// `live`: the live findings made for this request (`--live`; a request file read as YAML).
pub(crate) fn check_extracted(file: &str, index: &LineIndex<'_>, ex: &Extracted, td: Option<&TaskDefinition<'_>>, selection: &Selection<'_>, live: &[LiveFinding]) -> Vec<Diagnostic> {
    let text = ex.json.text();
    let mut doc = match Document::parse(text) {
        Ok(doc) => doc,
        Err(e) => {
            // The request text is the file's own (a YAML request, JSON held in a string): its
            // syntax error is the file's, at the mapped position.
            let rule = if e.kind == ParseErrorKind::TooDeep { &rules::input::nesting_too_deep::RULE } else { &rules::input::invalid_json::RULE };
            let mut d = input_diagnostic(rule, &ex.pointer, e.message(), e.help());
            let end = (e.offset + text[e.offset.min(text.len())..].chars().next().map_or(0, char::len_utf8)) as u32;
            let r = ex.json.file_range(TextRange::new(e.offset as u32, end));
            d.set_position(index, r.start, r.end);
            d.location.clone_from(&ex.location);
            return vec![d];
        }
    };
    for dv in &ex.dynamic {
        if let Some(id) = node_at(&doc, dv.range) {
            doc.set_dynamic(id);
        }
    }
    let request_index = LineIndex::new(text);
    // Live findings are made for a request file (JSON or YAML), not (yet) for the requests inside
    // a dialect (their callers pass none).
    let mut out = Vec::new();
    check_document(&doc, &request_index, td, selection, live, &mut out);
    if ex.open {
        // A finding about an absent member (`member` names it) cannot stand when members may be
        // added at run time.
        out.retain(|d| d.member.is_none());
    }
    for d in &mut out {
        place(file, index, ex, &doc, d);
    }
    if let Some(d) = unchecked_info(file, index, ex, &doc, selection) {
        out.push(d);
    }
    out.sort_by_key(|d| (d.start, d.severity));
    out
}

/// The one info per request that names what could not be checked.
fn unchecked_info(_file: &str, index: &LineIndex<'_>, ex: &Extracted, doc: &Document<'_>, selection: &Selection<'_>) -> Option<Diagnostic> {
    let rule = &rules::dialect::unchecked_dynamic_values::RULE;
    // Values that are there but unreadable (reported by their own rule) are not listed.
    let dynamic: Vec<&Dynamic> = ex.dynamic.iter().filter(|d| !d.what.is_empty()).collect();
    if dynamic.is_empty() || !selection.enabled(rule) {
        return None;
    }
    const SHOWN: usize = 6;
    let mut listed: Vec<String> = dynamic.iter().take(SHOWN).map(|d| format!("`{}` ({})", d.member, d.what)).collect();
    if dynamic.len() > SHOWN {
        listed.push(format!("{} more", dynamic.len() - SHOWN));
    }
    let whole = dynamic.len() == 1 && doc.kind(doc.root()) == Kind::Dynamic;
    let message = if whole {
        format!("the whole request is known only at run time ({}): it cannot be checked here", dynamic[0].what)
    } else {
        let n = dynamic.len();
        format!("{n} value{} known only at run time {} not checked: {}", if n == 1 { "" } else { "s" }, if n == 1 { "is" } else { "are" }, join_words(&listed))
    };
    let mut d = input_diagnostic(rule, &ex.pointer, message, Some("the static members next to them were checked fully; check these values where they are computed"));
    // At the request as a whole: its first line.
    let first = ex.json.file_range(TextRange::new(0, 1));
    d.set_position(index, first.start, first.end);
    d.location.clone_from(&ex.location);
    d.request = ex.location.as_ref().map(|_| String::new());
    Some(d)
}

/// "a, b and c".
pub(crate) fn join_words(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Moves one diagnostic from the request text into the file.
fn place(file: &str, index: &LineIndex<'_>, ex: &Extracted, doc: &Document<'_>, d: &mut Diagnostic) {
    let request_pointer = std::mem::take(&mut d.pointer);
    d.pointer = file_pointer(ex, doc, &request_pointer);
    for l in &mut d.labels {
        let lr = ex.json.file_range(TextRange::new(l.start, l.end));
        l.pointer = file_pointer(ex, doc, &l.pointer);
        (l.start, l.end) = (lr.start, lr.end);
    }
    d.fix = d.fix.take().and_then(|f| map_fix(file, ex, doc, f));
    // With the labels' and edits' ranges in the file, so that they are positioned there too.
    let r = ex.json.file_range(TextRange::new(d.start, d.end));
    d.set_position(index, r.start, r.end);
    if let Some(spelling) = ex.spelling {
        d.message = spelling.spell(&d.message);
        d.help = d.help.as_deref().map(|h| spelling.spell(h).into());
        d.note = d.note.as_deref().map(|n| spelling.spell(n).into());
        for l in &mut d.labels {
            l.message = spelling.spell(&l.message);
        }
        if let Some(f) = &mut d.fix {
            f.description = spelling.spell(&f.description);
        }
    }
    if ex.location.is_some() {
        d.request = Some(request_pointer);
        d.location.clone_from(&ex.location);
    }
}

fn file_pointer(ex: &Extracted, doc: &Document<'_>, request_pointer: &str) -> String {
    let FilePointers::Table(table) = &ex.pointers else { return request_pointer.to_owned() };
    let mut node = doc.resolve(request_pointer);
    while let Some(n) = node {
        let r = doc.range(n);
        if let Ok(i) = table.binary_search_by_key(&r, |(k, _)| *k) {
            return table[i].1.clone();
        }
        node = doc.parent(n);
    }
    String::new()
}

/// A fix whose every edit replaces a whole value (or member name) that the file writes in a
/// syntax the replacement can be written in; None otherwise.
fn map_fix(file: &str, ex: &Extracted, doc: &Document<'_>, fix: Fix) -> Option<Fix> {
    let text = ex.json.text();
    let mut edits = Vec::with_capacity(fix.edits.len());
    for e in &fix.edits {
        let er = TextRange::new(e.start, e.end);
        if er.is_empty() {
            return None;
        }
        let (node, is_key) = doc.ids().find_map(|id| {
            if doc.range(id) == er && !matches!(doc.kind(id), Kind::Object | Kind::Array | Kind::Dynamic) {
                Some((id, false))
            } else if doc.key_range(id) == Some(er) {
                Some((id, true))
            } else {
                None
            }
        })?;
        let fr = ex.json.file_range(er);
        let written = file.get(fr.start as usize..fr.end as usize)?;
        let request_text = &text[e.start as usize..e.end as usize];
        let content = if written == request_text {
            e.content.clone()
        } else {
            match ex.syntax {
                Syntax::Json if written == escape_inner(request_text) => escape_inner(&e.content),
                Syntax::Yaml if yaml_scalar(written) && (!is_key || unquoted(written) == doc.key(node).as_deref().unwrap_or("")) => e.content.clone(),
                Syntax::Shell if !is_key && doc.str(node).as_deref() == Some(written) => shell_word(&e.content)?,
                _ => return None,
            }
        };
        edits.push(Edit::new(fr.start, fr.end, content));
    }
    Some(Fix { edits, ..fix })
}

/// JSON text as it is written inside a JSON string.
fn escape_inner(s: &str) -> String {
    let quoted = crate::json::json_string(s);
    quoted[1..quoted.len() - 1].to_owned()
}

/// A YAML scalar on one line that a JSON scalar can replace.
fn yaml_scalar(s: &str) -> bool {
    !s.is_empty() && !s.contains(['\n', '\r']) && !s.starts_with(['|', '>', '&', '*', '!', '{', '['])
}

fn unquoted(s: &str) -> &str {
    s.strip_prefix(['"', '\'']).and_then(|t| t.strip_suffix(['"', '\''])).unwrap_or(s)
}

/// A JSON scalar as an unquoted shell word, when it needs no quoting.
fn shell_word(json: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(json).ok()?;
    let s = match v {
        serde_json::Value::String(s) => s,
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::Bool(b) => b.to_string(),
        _ => return None,
    };
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.:/=@+,".contains(&b))).then_some(s)
}

/// Checks a request written as YAML (the `--cli-input-yaml` shape). Positions in the report are
/// YAML positions; fixes are kept where the edit is a scalar written on one line.
pub fn check_yaml(src: &str, options: &Options) -> Result<Report, OptionsError> {
    if src.len() > crate::MAX_INPUT_BYTES {
        return crate::check(src, options);
    }
    options.validate()?;
    let selection = Selection { select: &options.select, ignore: &options.ignore };
    let td = options.read_task_definition()?;
    let index = LineIndex::new(src);
    let json = match crate::yaml::to_json(src) {
        Ok(json) => json,
        Err(e) => return Ok(Report { diagnostics: vec![yaml_error(src, &index, &e, "")], ..Report::default() }),
    };
    let ex = Extracted { json, pointers: FilePointers::Same, dynamic: Vec::new(), location: None, syntax: Syntax::Yaml, spelling: None, range: TextRange::new(0, src.len() as u32), pointer: String::new(), open: false };
    Ok(Report { diagnostics: check_extracted(src, &index, &ex, td.as_ref(), &selection, &options.live), ..Report::default() })
}

/// The one diagnostic for YAML that cannot be read, at the syntax position.
pub(crate) fn yaml_error(src: &str, index: &LineIndex<'_>, e: &crate::yaml::YamlError, pointer: &str) -> Diagnostic {
    let end = (e.offset + src[e.offset.min(src.len())..].chars().next().map_or(0, char::len_utf8)) as u32;
    let mut d = input_diagnostic(&rules::input::invalid_json::RULE, pointer, e.message.clone(), Some("check the indentation and quoting at this position"));
    d.set_position(index, e.offset as u32, end);
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostics_point_at_yaml_lines() {
        let y = "taskDefinition: web:3\ncluster: batch\ncount: 11\n";
        let r = check_yaml(y, &Options::default()).unwrap();
        let d = r.diagnostics.iter().find(|d| d.code == "RT106").unwrap();
        assert_eq!((d.line, d.column, d.pointer.as_str()), (3, 8, "/count"));
        assert_eq!(&y[d.start as usize..d.end as usize], "11");
    }

    #[test]
    fn bad_yaml_is_a_diagnostic() {
        let r = check_yaml("taskDefinition: [web\ncount: 1\n", &Options::default()).unwrap();
        assert_eq!(r.diagnostics[0].code, "RT001");
        assert!(r.diagnostics[0].message.contains("YAML"));
        let r = check_yaml("a: 1\n---\nb: 2\n", &Options::default()).unwrap();
        assert!(r.diagnostics[0].message.contains("more than one document"));
    }
}
