//! Amazon States Language: every Task state that runs `ecs:runTask` (request-response, `.sync`
//! or `.waitForTaskToken`), in any nesting (Parallel branches, Map `ItemProcessor`/`Iterator`),
//! with its `Parameters` (JSONPath) or `Arguments` (JSONata) read as the RunTask request.

use std::borrow::Cow;

use crate::json::{Document, Kind, NodeId, TextRange};
use crate::mapped::Mapped;
use crate::model;
use crate::rules::dialect as r;

use super::convert::{intrinsic, placeholder, short, Builder, DialectFinding, Hooks, Walker};
use super::names::{self, Names};
use super::Found;
use crate::extract::{Extracted, FilePointers, Syntax};

/// The query language of a state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lang {
    JsonPath,
    Jsonata,
}

/// Which `ecs:runTask` integration a Task state uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Integration {
    RequestResponse,
    Sync,
    WaitForTaskToken,
}

/// Where a state machine sits.
pub(crate) struct Machine<'a, 's> {
    pub doc: &'a Document<'s>,
    pub text: &'a Mapped,
    /// The document's pointers are the file's.
    pub file_pointers: bool,
    /// Inside a CloudFormation template: intrinsic functions are values known at deploy time.
    pub cfn: bool,
    /// e.g. `resource Nightly` for a state machine in a template.
    pub prefix: Option<String>,
    pub syntax: Syntax,
}

/// `QueryLanguage` of a state machine or state, if set.
fn query_language(doc: &Document<'_>, node: NodeId) -> Option<Lang> {
    match doc.get_str(node, "QueryLanguage").as_deref() {
        Some("JSONata") => Some(Lang::Jsonata),
        Some("JSONPath") => Some(Lang::JsonPath),
        _ => None,
    }
}

/// Reads every `ecs:runTask` Task state of the state machine at `root`.
pub(crate) fn extract(m: &Machine<'_, '_>, root: NodeId, found: &mut Found) {
    let lang = query_language(m.doc, root).unwrap_or(Lang::JsonPath);
    machine(m, root, lang, found, 0);
}

fn machine(m: &Machine<'_, '_>, node: NodeId, lang: Lang, found: &mut Found, depth: usize) {
    let doc = m.doc;
    if depth > 32 || doc.kind(node) != Kind::Object {
        return;
    }
    let Some(states) = doc.get(node, "States") else { return };
    for st in doc.children(states) {
        if doc.kind(st) != Kind::Object {
            continue;
        }
        let name = doc.key(st).map(Cow::into_owned).unwrap_or_default();
        let lang = query_language(doc, st).unwrap_or(lang);
        match doc.get_str(st, "Type").as_deref() {
            Some("Task") => task(m, &name, st, lang, found),
            Some("Parallel") => {
                for b in doc.elements(doc.get(st, "Branches")) {
                    machine(m, b, lang, found, depth + 1);
                }
            }
            Some("Map") => {
                for key in ["ItemProcessor", "Iterator"] {
                    if let Some(p) = doc.get(st, key) {
                        machine(m, p, lang, found, depth + 1);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The text of a `Resource`, with CloudFormation placeholders kept as `${…}`: a string, or a
/// string built by `Fn::Sub` or `Fn::Join`.
pub(crate) fn resource_text(doc: &Document<'_>, node: NodeId) -> Option<String> {
    if let Some(s) = doc.str(node) {
        return Some(s.into_owned());
    }
    if let Some(sub) = doc.get(node, "Fn::Sub") {
        return doc.str(sub).or_else(|| doc.children(sub).next().and_then(|f| doc.str(f))).map(Cow::into_owned);
    }
    let join = doc.get(node, "Fn::Join")?;
    let mut args = doc.elements(Some(join));
    let sep = args.next().and_then(|s| doc.str(s))?;
    let parts = args.next()?;
    let pieces: Vec<String> = doc.elements(Some(parts)).map(|p| doc.str(p).map_or_else(|| "${…}".to_owned(), Cow::into_owned)).collect();
    Some(pieces.join(&sep))
}

/// The integration when `resource` is `arn:<partition>:states:::ecs:runTask[.sync|.waitForTaskToken]`
/// (the partition may be a placeholder such as `${AWS::Partition}`), and whether it is the AWS
/// SDK integration (`…:::aws-sdk:ecs:runTask`).
pub(crate) fn ecs_integration(resource: &str) -> Option<(Integration, bool)> {
    // Placeholders may hold `:` (`${AWS::Partition}`): read each as one word.
    let mut plain = String::with_capacity(resource.len());
    let mut rest = resource;
    while let Some(at) = rest.find("${") {
        plain.push_str(&rest[..at]);
        match rest[at..].find('}') {
            Some(close) => {
                plain.push('P');
                rest = &rest[at + close + 1..];
            }
            None => {
                rest = &rest[at..];
                break;
            }
        }
    }
    plain.push_str(rest);
    let after = plain.strip_prefix("arn:")?;
    let (_partition, service) = after.split_once(':')?;
    let (sdk, action) = if let Some(a) = service.strip_prefix("states:::ecs:") {
        (false, a)
    } else if let Some(a) = service.strip_prefix("states:::aws-sdk:ecs:") {
        (true, a)
    } else {
        return None;
    };
    let integration = match action {
        "runTask" => Integration::RequestResponse,
        "runTask.sync" if !sdk => Integration::Sync,
        "runTask.waitForTaskToken" => Integration::WaitForTaskToken,
        _ => return None,
    };
    Some((integration, sdk))
}

fn task(m: &Machine<'_, '_>, name: &str, st: NodeId, lang: Lang, found: &mut Found) {
    let doc = m.doc;
    let Some(res) = doc.get(st, "Resource") else { return };
    let Some((integration, sdk)) = resource_text(doc, res).and_then(|t| ecs_integration(&t)) else { return };
    let file = |r: TextRange| m.text.file_range(r);
    let ptr = |n: NodeId| if m.file_pointers { doc.pointer(n).into_string() } else { String::new() };
    let location = match &m.prefix {
        Some(p) => format!("{p}, state \"{name}\""),
        None => format!("state \"{name}\""),
    };
    let params = doc.get(st, "Parameters");
    let args = doc.get(st, "Arguments");
    let mut findings = Vec::new();
    if let (Lang::Jsonata, Some(p)) = (lang, params) {
        let kr = file(doc.key_range(p).unwrap_or_else(|| doc.range(p)));
        findings.push(
            DialectFinding::new(&r::query_language_mismatch::RULE, kr, ptr(p), "this state uses JSONata, whose Task states take `Arguments`, not `Parameters`")
                .help("rename `Parameters` to `Arguments` and write expressions as \"{% … %}\", or set \"QueryLanguage\": \"JSONPath\" on the state")
                .note("JSONata states have only `Arguments` and `Output` (Step Functions developer guide, \"Transforming data with JSONata\")"),
        );
    }
    if let (Lang::JsonPath, Some(a)) = (lang, args) {
        let kr = file(doc.key_range(a).unwrap_or_else(|| doc.range(a)));
        findings.push(
            DialectFinding::new(&r::query_language_mismatch::RULE, kr, ptr(a), "this state uses JSONPath, whose Task states take `Parameters`, not `Arguments`")
                .help("rename `Arguments` to `Parameters`, or set \"QueryLanguage\": \"JSONata\" on the state or the state machine"),
        );
    }
    let request = match lang {
        Lang::Jsonata => args.or(params),
        Lang::JsonPath => params.or(args),
    };
    if let (Lang::Jsonata, Some(req)) = (lang, request) {
        dollar_keys(m, req, &mut findings);
    }
    let names: &'static Names = if sdk { &names::STEP_FUNCTIONS_SDK } else { &names::STEP_FUNCTIONS };
    let hooks = AslHooks { lang, cfn: m.cfn };
    let mut b = Builder::new();
    let (range, pointer) = match request {
        Some(req) => {
            let mut w = Walker { doc, text: m.text, names, hooks: &hooks, file_pointers: m.file_pointers, findings: &mut findings };
            let member = if doc.key(req).as_deref() == Some("Arguments") { "Arguments" } else { "Parameters" };
            if hooks.dynamic_value(doc, req).is_some() {
                w.value(&mut b, req, model::request(), "", member);
            } else {
                w.value(&mut b, req, model::request(), "", "");
            }
            (file(doc.member_range(req)), ptr(req))
        }
        None => {
            // No parameters at all: an empty request, at the state's name.
            let kr = file(doc.key_range(st).unwrap_or_else(|| doc.range(st)));
            let start = b.open(false, kr);
            b.close(start, TextRange::new(kr.end, kr.end));
            (kr, ptr(st))
        }
    };
    if integration == Integration::WaitForTaskToken && request.is_some_and(|req| !passes_token(doc, req, lang, &hooks)) {
        let rr = file(doc.range(res));
        findings.push(
            DialectFinding::new(&r::wait_for_task_token_without_token::RULE, rr, ptr(res), "`.waitForTaskToken` waits for a task token, but the overrides pass none to the task: the state never ends unless it times out")
                .help(match lang {
                    Lang::JsonPath => "pass the token to the container, e.g. in `Overrides.ContainerOverrides[].Environment`: {\"Name\": \"TASK_TOKEN\", \"Value.$\": \"$$.Task.Token\"}",
                    Lang::Jsonata => "pass the token to the container, e.g. in `Overrides.ContainerOverrides[].Environment`: {\"Name\": \"TASK_TOKEN\", \"Value\": \"{% $states.context.Task.Token %}\"}",
                })
                .note("the task calls SendTaskSuccess or SendTaskFailure with the token to end the state"),
        );
    }
    let (json, pointers, dynamic) = b.sorted_pointers();
    let ex = Extracted {
        json,
        pointers: FilePointers::Table(pointers),
        dynamic,
        location: Some(location),
        syntax: m.syntax,
        spelling: Some(names),
        range,
        pointer,
        open: false,
    };
    found.push(ex, findings);
}

/// `.$` keys under `node` in a JSONata state.
fn dollar_keys(m: &Machine<'_, '_>, node: NodeId, findings: &mut Vec<DialectFinding>) {
    let doc = m.doc;
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        for c in doc.children(n) {
            if let Some(k) = doc.key(c) {
                if let Some(base) = k.strip_suffix(".$") {
                    let kr = m.text.file_range(doc.key_range(c).unwrap_or_else(|| doc.range(c)));
                    let pointer = if m.file_pointers { doc.pointer(c).into_string() } else { String::new() };
                    findings.push(
                        DialectFinding::new(&r::query_language_mismatch::RULE, kr, pointer, format!("`{k}` is JSONPath syntax; a JSONata state does not read `.$` keys"))
                            .help(format!("write \"{base}\": \"{{% … %}}\" with a JSONata expression (the state input is `$states.input`)")),
                    );
                }
            }
            stack.push(c);
        }
    }
}

/// Whether the task token reaches the task: some value in `Overrides` is an expression that reads
/// it. An `Overrides` known only at run time may pass it.
fn passes_token(doc: &Document<'_>, req: NodeId, lang: Lang, hooks: &AslHooks) -> bool {
    if hooks.dynamic_value(doc, req).is_some() {
        return true;
    }
    let Some(overrides) = doc.children(req).find(|&c| hooks.member(doc, c).0 == "Overrides") else { return false };
    if hooks.member(doc, overrides).1.is_some() || hooks.dynamic_value(doc, overrides).is_some() {
        // `"Overrides.$": "$.overrides"`: whatever the input holds.
        return true;
    }
    let mut stack = vec![overrides];
    while let Some(n) = stack.pop() {
        if let Some(s) = doc.str(n) {
            let expression = match lang {
                Lang::JsonPath => doc.key(n).is_some_and(|k| k.ends_with(".$")),
                Lang::Jsonata => true,
            };
            if expression && (s.contains("$$.Task.Token") || s.contains("$states.context.Task.Token")) {
                return true;
            }
        }
        stack.extend(doc.children(n));
    }
    false
}

/// What computes values in a state's request.
pub(crate) struct AslHooks {
    pub lang: Lang,
    pub cfn: bool,
}

impl Hooks for AslHooks {
    fn member<'d>(&self, doc: &'d Document<'_>, node: NodeId) -> (Cow<'d, str>, Option<String>) {
        let key = doc.key(node).map(Cow::into_owned).unwrap_or_default();
        match key.strip_suffix(".$") {
            Some(base) => {
                let expr = doc.str(node).map_or_else(|| "an expression".to_owned(), |s| describe_path(&s));
                (Cow::Owned(base.to_owned()), Some(expr))
            }
            None => (Cow::Owned(key), None),
        }
    }

    fn dynamic_value(&self, doc: &Document<'_>, node: NodeId) -> Option<String> {
        if self.cfn {
            if let Some(what) = intrinsic(doc, node) {
                return Some(what);
            }
        }
        let s = doc.str(node)?;
        let t = s.trim();
        if self.lang == Lang::Jsonata && t.starts_with("{%") && t.ends_with("%}") {
            return Some(format!("JSONata `{}`", short(t)));
        }
        placeholder(&s)
    }
}

/// How a JSONPath-state expression is named: a path, a context path, an intrinsic function.
fn describe_path(s: &str) -> String {
    let t = s.trim();
    if t.starts_with("$$.") {
        format!("context object `{}`", short(t))
    } else if t.starts_with("States.") {
        format!("intrinsic function `{}`", short(t))
    } else {
        format!("JSONPath `{}`", short(t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resources() {
        assert_eq!(ecs_integration("arn:aws:states:::ecs:runTask.sync"), Some((Integration::Sync, false)));
        assert_eq!(ecs_integration("arn:${AWS::Partition}:states:::ecs:runTask.waitForTaskToken"), Some((Integration::WaitForTaskToken, false)));
        assert_eq!(ecs_integration("arn:aws-cn:states:::ecs:runTask"), Some((Integration::RequestResponse, false)));
        assert_eq!(ecs_integration("arn:aws:states:::aws-sdk:ecs:runTask"), Some((Integration::RequestResponse, true)));
        assert_eq!(ecs_integration("arn:aws:states:::lambda:invoke"), None);
        assert_eq!(ecs_integration("arn:aws:states:::ecs:runTask.sync:2"), None);
    }
}
