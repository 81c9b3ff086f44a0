//! Builds the API-shaped request from a dialect's JSON (a state machine's `Parameters`, a
//! template's `EcsParameters`, a JSON value on a command line), walking it with the model: names
//! are read through the dialect's [`Names`], values are copied with their origins, values known
//! only at run time become `null`s listed as [`Dynamic`], and the dialect's own findings (an
//! unknown member, a member it does not pass, a wrong case, its own limits) are reported at the
//! file's exact characters.

use std::borrow::Cow;

use crate::diagnostics::{Applicability, Edit, Fix, Severity};
use crate::extract::Dynamic;
use crate::json::{Document, Kind, NodeId, TextRange};
use crate::mapped::Mapped;
use crate::model::{Shape, ShapeKind};
use crate::rule::Rule;
use crate::rules::dialect as r;

use super::limits;
use super::names::{Lookup, Names};

/// A finding of the dialect layer, already in file coordinates.
#[derive(Debug, Clone)]
pub(crate) struct DialectFinding {
    pub rule: &'static Rule,
    pub severity: Severity,
    pub range: TextRange,
    /// Into the file as parsed; `""` where the file has no pointer for it.
    pub pointer: String,
    /// The API member concerned, when there is one.
    pub request: Option<String>,
    pub message: String,
    pub help: Option<String>,
    pub note: Option<String>,
    pub fix: Option<Fix>,
}

impl DialectFinding {
    pub fn new(rule: &'static Rule, range: TextRange, pointer: String, message: impl Into<String>) -> Self {
        DialectFinding { rule, severity: rule.severity, range, pointer, request: None, message: message.into(), help: None, note: None, fix: None }
    }

    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    #[must_use]
    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    #[must_use]
    pub fn request(mut self, pointer: impl Into<String>) -> Self {
        self.request = Some(pointer.into());
        self
    }

    #[must_use]
    pub fn severity(mut self, s: Severity) -> Self {
        self.severity = s;
        self
    }

    #[must_use]
    pub fn fix(mut self, fix: Option<Fix>) -> Self {
        self.fix = fix;
        self
    }
}

/// The request being written: JSON text mapped to the file, the file's pointers for its nodes,
/// and its values known only at run time.
pub(crate) struct Builder {
    pub json: Mapped,
    pub pointers: Vec<(TextRange, String)>,
    pub dynamic: Vec<Dynamic>,
    /// Per open container: (is an array, has items).
    stack: Vec<(bool, bool)>,
}

impl Builder {
    pub fn new() -> Self {
        Builder { json: Mapped::with_capacity(256), pointers: Vec::new(), dynamic: Vec::new(), stack: Vec::new() }
    }

    fn here(&self) -> TextRange {
        let o = self.json.origin(self.json.len());
        TextRange::new(o.end, o.end)
    }

    /// Before a value: the comma between array elements.
    fn before_value(&mut self) {
        let here = self.here();
        if let Some(top) = self.stack.last_mut() {
            if top.0 {
                if top.1 {
                    self.json.push(",", here);
                }
                top.1 = true;
            }
        }
    }

    /// Opens `{` or `[`, the brace mapped to `at`. Returns the request offset of the brace.
    pub fn open(&mut self, array: bool, at: TextRange) -> u32 {
        self.before_value();
        let start = self.json.len();
        self.json.push(if array { "[" } else { "{" }, at);
        self.stack.push((array, false));
        start
    }

    /// Closes the open container; returns its range in the request text.
    pub fn close(&mut self, start: u32, at: TextRange) -> TextRange {
        let array = self.stack.pop().is_some_and(|t| t.0);
        self.json.push(if array { "]" } else { "}" }, at);
        TextRange::new(start, self.json.len())
    }

    /// A member name in the open object.
    pub fn key(&mut self, name: &str, at: TextRange) {
        let here = self.here();
        if let Some(top) = self.stack.last_mut() {
            if top.1 {
                self.json.push(",", here);
            }
            top.1 = true;
        }
        self.json.push(&crate::json::json_string(name), at);
        self.json.push(":", TextRange::new(at.end, at.end));
    }

    /// A member name copied as written (an unknown member kept for the API's own rule).
    pub fn key_copy(&mut self, src: &Mapped, raw: TextRange) {
        let here = self.here();
        if let Some(top) = self.stack.last_mut() {
            if top.1 {
                self.json.push(",", here);
            }
            top.1 = true;
        }
        self.json.push_copy(src, raw);
        let end = src.file_range(raw).end;
        self.json.push(":", TextRange::new(end, end));
    }

    /// A value copied as written. Returns its range in the request.
    pub fn copy(&mut self, src: &Mapped, raw: TextRange) -> TextRange {
        self.before_value();
        let start = self.json.len();
        self.json.push_copy(src, raw);
        TextRange::new(start, self.json.len())
    }

    /// A value written out (JSON text), mapped to `at`.
    pub fn text(&mut self, json: &str, at: TextRange) -> TextRange {
        self.before_value();
        let start = self.json.len();
        self.json.push(json, at);
        TextRange::new(start, self.json.len())
    }

    /// A JSON string whose characters come from `value` (each with its own origin).
    pub fn string(&mut self, value: &Mapped, at: TextRange) -> TextRange {
        self.before_value();
        let start = self.json.len();
        self.json.push("\"", TextRange::new(at.start, at.start));
        let text = value.text();
        let mut buf = [0u8; 4];
        for (i, c) in text.char_indices() {
            let from = value.file_range(TextRange::new(i as u32, (i + c.len_utf8()) as u32));
            match c {
                '"' => self.json.push("\\\"", from),
                '\\' => self.json.push("\\\\", from),
                '\n' => self.json.push("\\n", from),
                '\r' => self.json.push("\\r", from),
                '\t' => self.json.push("\\t", from),
                c if (c as u32) < 0x20 => self.json.push(&format!("\\u{:04x}", c as u32), from),
                c => self.json.push(c.encode_utf8(&mut buf), from),
            }
        }
        self.json.push("\"", TextRange::new(at.end, at.end));
        TextRange::new(start, self.json.len())
    }

    /// A value known only at run time: a `null` mapped to `at`.
    pub fn dynamic(&mut self, at: TextRange, member: String, what: String) -> TextRange {
        let r = self.text("null", at);
        self.dynamic.push(Dynamic { range: r, member, what });
        r
    }

    pub fn pointer(&mut self, range: TextRange, pointer: String) {
        self.pointers.push((range, pointer));
    }

    /// The file pointers sorted for lookup.
    pub fn sorted_pointers(mut self) -> (Mapped, Vec<(TextRange, String)>, Vec<Dynamic>) {
        self.pointers.sort_by_key(|(r, _)| *r);
        self.pointers.dedup_by_key(|(r, _)| *r);
        (self.json, self.pointers, self.dynamic)
    }
}

/// How a dialect writes values known only at run time.
pub(crate) trait Hooks {
    /// The member's name as meant and, for a member whose key makes its value an expression
    /// (`"Cpu.$": "$.cpu"`), what computes it.
    fn member<'d>(&self, doc: &'d Document<'_>, node: NodeId) -> (Cow<'d, str>, Option<String>) {
        (Cow::Owned(doc.key(node).map(|k| k.into_owned()).unwrap_or_default()), None)
    }

    /// What computes a value known only at run time (`{% … %}`, `!Ref X`, `${X}`), if it is one.
    fn dynamic_value(&self, doc: &Document<'_>, node: NodeId) -> Option<String>;
}

/// `${Name}` placeholders (CloudFormation `Fn::Sub`, SAM `DefinitionSubstitutions`, shell and
/// GitHub expressions in a string): what the first one is, if the string has one.
pub(crate) fn placeholder(s: &str) -> Option<String> {
    let at = s.find("${")?;
    let close = s[at..].find('}')? + at;
    let inner = &s[at..=close];
    // GitHub's `${{ … }}`.
    if inner.starts_with("${{") {
        let end = s[at..].find("}}").map_or(close, |e| at + e + 1);
        return Some(format!("expression `{}`", short(&s[at..=end])));
    }
    Some(format!("placeholder `{}`", short(inner)))
}

/// CloudFormation intrinsic functions: `{"Ref": …}`, `{"Fn::…": …}`, `{"Condition": …}`.
pub(crate) fn intrinsic(doc: &Document<'_>, node: NodeId) -> Option<String> {
    if doc.kind(node) != Kind::Object || doc.child_count(node) != 1 {
        return None;
    }
    let member = doc.children(node).next()?;
    let key = doc.key(member)?;
    if key == "Ref" || key == "Condition" || key.starts_with("Fn::") {
        let arg = match doc.str(member) {
            Some(s) => format!(" {}", short(&s)),
            None => String::new(),
        };
        Some(format!("CloudFormation `{key}{arg}`"))
    } else {
        None
    }
}

/// At most 48 characters of an expression.
pub(crate) fn short(s: &str) -> String {
    let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= 48 {
        one_line
    } else {
        let cut: String = one_line.chars().take(47).collect();
        format!("{cut}…")
    }
}

/// Walks one source document into the request.
pub(crate) struct Walker<'a, 's> {
    pub doc: &'a Document<'s>,
    /// The document's text, mapped to the file.
    pub text: &'a Mapped,
    pub names: &'static Names,
    pub hooks: &'a dyn Hooks,
    /// The document's pointers are the file's (false inside a string or a command line).
    pub file_pointers: bool,
    pub findings: &'a mut Vec<DialectFinding>,
}

impl Walker<'_, '_> {
    fn file(&self, r: TextRange) -> TextRange {
        self.text.file_range(r)
    }

    fn pointer_of(&self, node: NodeId) -> String {
        if self.file_pointers {
            self.doc.pointer(node).into_string()
        } else {
            String::new()
        }
    }

    fn record(&self, out: &mut Builder, range: TextRange, node: NodeId) {
        if self.file_pointers {
            out.pointer(range, self.pointer_of(node));
        }
    }

    /// Writes `node` as the API member at `path` (API path, `*` for list items), whose shape is
    /// `shape`; `member` is how the dialect spells it, for messages.
    pub fn value(&mut self, out: &mut Builder, node: NodeId, shape: &'static Shape, path: &str, member: &str) {
        if let Some(what) = self.hooks.dynamic_value(self.doc, node) {
            let r = out.dynamic(self.file(self.doc.range(node)), member.to_owned(), what);
            self.record(out, r, node);
            return;
        }
        match (&shape.kind, self.doc.kind(node)) {
            (ShapeKind::Structure { .. }, Kind::Object) => self.object(out, node, shape, path, member),
            (ShapeKind::List { member: item, .. }, Kind::Array) => {
                if path == "/tags" && self.names.tags_as_maps {
                    self.tag_maps(out, node, item, member);
                    return;
                }
                let at = self.file(self.doc.range(node));
                let start = out.open(true, TextRange::new(at.start, at.start + 1.min(at.len())));
                for (i, el) in self.doc.children(node).enumerate() {
                    self.value(out, el, item, &format!("{path}/*"), &format!("{member}[{i}]"));
                }
                let r = out.close(start, TextRange::new(at.end, at.end));
                self.record(out, r, node);
            }
            _ => {
                // Scalars, and values of the wrong type (the API's type rule reports those).
                let r = out.copy(self.text, self.doc.range(node));
                self.record(out, r, node);
            }
        }
        self.check_limits(node, path, member);
    }

    fn object(&mut self, out: &mut Builder, node: NodeId, shape: &'static Shape, path: &str, member: &str) {
        let at = self.file(self.doc.range(node));
        let start = out.open(false, TextRange::new(at.start, at.start + 1.min(at.len())));
        self.members(out, node, shape, path, member);
        let r = out.close(start, TextRange::new(at.end, at.end));
        self.record(out, r, node);
    }

    /// Writes the members of the object `node` into the object open in `out`.
    pub fn members(&mut self, out: &mut Builder, node: NodeId, shape: &'static Shape, path: &str, member: &str) {
        let doc = self.doc;
        for c in doc.children(node) {
            let (written, expression) = self.hooks.member(doc, c);
            let key_range = self.file(doc.key_range(c).unwrap_or_else(|| doc.range(c)));
            let lookup = self.names.lookup(shape, path, &written);
            let m = match lookup {
                Lookup::Found(m) => m,
                Lookup::Case(m, spelled) => {
                    // Next to the rightly spelled member it is not read at all: only reported.
                    let shadowing = doc.children(node).any(|o| self.hooks.member(doc, o).0 == spelled);
                    let fix = if shadowing { None } else { self.rename(c, spelled) };
                    let here = join(member, spelled);
                    self.findings.push(
                        DialectFinding::new(&r::member_case::RULE, key_range, self.pointer_of(c), format!("{} writes this member `{spelled}`, not `{written}`", self.names.service))
                            .help(format!("rename it to `{spelled}`; {} does not read `{written}`", self.names.service))
                            .request(format!("{path}/{}", m.name).replace("/*", "/0"))
                            .fix(fix)
                            .note(format!("`{here}` is the name in {}'s specification", self.names.service)),
                    );
                    if shadowing {
                        continue;
                    }
                    m
                }
                Lookup::NotCarried(m) => {
                    self.not_carried(c, key_range, &written, path, m.name);
                    continue;
                }
                Lookup::Unknown => {
                    if self.names.keeps_unknown {
                        out.key_copy(self.text, doc.key_range(c).unwrap_or_else(|| doc.range(c)));
                        let r = out.copy(self.text, doc.range(c));
                        self.record(out, r, c);
                        continue;
                    }
                    self.unknown(c, key_range, &written, shape, path, member);
                    continue;
                }
            };
            let child_path = format!("{path}/{}", m.name);
            let spelled = join(member, &self.names.name_of(&child_path));
            out.key(m.name, key_range);
            if let Some(what) = expression {
                let r = out.dynamic(self.file(doc.range(c)), spelled, what);
                self.record(out, r, c);
                continue;
            }
            self.value(out, c, m.shape, &child_path, &spelled);
        }
    }

    /// Scheduler's tags, `[{"team": "data"}]`, as the API's `[{"key": "team", "value": "data"}]`.
    fn tag_maps(&mut self, out: &mut Builder, node: NodeId, item: &'static Shape, member: &str) {
        let doc = self.doc;
        let at = self.file(doc.range(node));
        let list = out.open(true, TextRange::new(at.start, at.start + 1.min(at.len())));
        let value_shape = item.member("value").map_or(item, |m| m.shape);
        for (i, el) in doc.children(node).enumerate() {
            if doc.kind(el) != Kind::Object {
                let r = out.copy(self.text, doc.range(el));
                self.record(out, r, el);
                continue;
            }
            let keys: Vec<String> = doc.children(el).filter_map(|e| doc.key(e).map(|k| k.to_ascii_lowercase())).collect();
            if keys.len() == 2 && keys.contains(&"key".to_owned()) && keys.contains(&"value".to_owned()) {
                let tag = doc.get_str(el, "key").or_else(|| doc.get_str(el, "Key")).unwrap_or_default();
                self.findings.push(
                    DialectFinding::new(&r::scheduler_tag_as_key_value::RULE, self.file(doc.range(el)), self.pointer_of(el), format!("`{member}[{i}]` makes two tags, named `key` and `value`: {} reads each map as tag key → value", self.names.service))
                        .help(format!("write the tag as one entry: {{\"{tag}\": \"…\"}}"))
                        .note("with two such entries the run fails: `Multiple tags contain the same key.`")
                        .request(format!("/tags/{i}")),
                );
            }
            for entry in doc.children(el) {
                let Some(key_raw) = doc.key_range(entry) else { continue };
                let kr = self.file(key_raw);
                let er = self.file(doc.range(entry));
                let obj = out.open(false, TextRange::new(kr.start, kr.start));
                out.key("key", kr);
                let k = out.copy(self.text, key_raw);
                if self.file_pointers {
                    out.pointer(k, self.pointer_of(entry));
                }
                out.key("value", er);
                self.value(out, entry, value_shape, "/tags/*/value", &format!("{member}[{i}]"));
                let r = out.close(obj, TextRange::new(er.end, er.end));
                self.record(out, r, entry);
            }
        }
        let r = out.close(list, TextRange::new(at.end, at.end));
        self.record(out, r, node);
        self.check_limits(node, "/tags", member);
    }

    fn rename(&self, node: NodeId, to: &str) -> Option<Fix> {
        let raw = self.doc.key_range(node)?;
        let fr = self.file(raw);
        let written = &self.text.text()[raw.start as usize..raw.end as usize];
        // Only where the file writes the name as the document does (a JSON or YAML key).
        let content = if written.starts_with('"') { crate::json::json_string(to) } else { to.to_owned() };
        Some(Fix { applicability: Applicability::Safe, description: format!("Rename to `{to}`"), edits: vec![Edit::new(fr.start, fr.end, content)] })
    }

    fn not_carried(&mut self, node: NodeId, key_range: TextRange, written: &str, path: &str, api: &str) {
        let service = self.names.service;
        let mut f = DialectFinding::new(&r::member_not_passed::RULE, key_range, self.pointer_of(node), format!("{service} does not pass `{written}` to RunTask"))
            .request(format!("{path}/{api}").replace("/*", "/0"));
        f = match (path, api) {
            ("", "count") => f
                .help("remove `Count`: a Task state starts one task; to run several, put the Task state in a Map state")
                .note("with `.sync` Step Functions waits for the task it started; `Count` is not among the parameters the integration passes"),
            ("", "startedBy") => f.help("remove `StartedBy`: with `.sync` Step Functions sets it itself"),
            ("/overrides", "taskRoleArn" | "executionRoleArn") => f
                .help(format!("remove `{written}`; set the role in the task definition"))
                .note("the Step Functions developer guide: \"For the Overrides parameter, Step Functions does not support executionRoleArn or taskRoleArn\""),
            _ => f.help(format!("remove `{written}`; {service} passes only: {}", self.names_list(path))),
        };
        self.findings.push(f);
    }

    fn names_list(&self, path: &str) -> String {
        let shape = if path.is_empty() { crate::model::request() } else { crate::rules::shape::model_member(path).map_or(crate::model::request(), |m| m.shape) };
        self.names.names_at(shape, path).join(", ")
    }

    fn unknown(&mut self, node: NodeId, key_range: TextRange, written: &str, shape: &'static Shape, path: &str, member: &str) {
        let names = self.names.names_at(shape, path);
        let close = names
            .iter()
            .map(|n| (n, strsim::jaro_winkler(&n.to_ascii_lowercase(), &written.to_ascii_lowercase())))
            .filter(|(_, s)| *s >= 0.85)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(n, _)| n.clone());
        let place = if member.is_empty() { String::new() } else { format!(" in `{member}`") };
        let mut f = DialectFinding::new(&r::unknown_dialect_member::RULE, key_range, self.pointer_of(node), format!("unknown member `{written}`{place}: {} has no such parameter here", self.names.service));
        f = match close {
            Some(n) => {
                let fix = self.rename(node, &n).map(|mut fx| {
                    fx.applicability = Applicability::Unsafe;
                    fx
                });
                f.help(format!("did you mean `{n}`?")).fix(fix)
            }
            None => f.help(format!("remove it; valid members here: {}", names.join(", "))),
        };
        self.findings.push(f);
    }

    /// The dialect's own limits on the value at `path` (Scheduler's `PropagateTags`, EventBridge's
    /// five strategies...).
    fn check_limits(&mut self, node: NodeId, path: &str, member: &str) {
        for limit in limits::for_path(self.names, path) {
            if let Some(problem) = limits::violation(self.doc, node, &limit.limit) {
                let range = self.file(self.doc.range(node));
                let f = DialectFinding::new(&r::dialect_value_out_of_range::RULE, range, self.pointer_of(node), format!("`{member}` {problem}: {} accepts {}", self.names.service, limit.limit.describe()))
                    .help(limit.help)
                    .note(format!("source: {}", limit.source))
                    .request(path.replace("/*", "/0"));
                self.findings.push(f);
            }
        }
    }
}

/// A member's dotted name under its parent's; under a command-line option, after a space
/// (`--overrides containerOverrides[0].cpu`).
fn join(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_owned()
    } else if parent.starts_with("--") && !parent.contains([' ', '[']) {
        format!("{parent} {name}")
    } else {
        format!("{parent}.{name}")
    }
}
