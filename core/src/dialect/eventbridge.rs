//! EventBridge targets that run ECS tasks: a schedule's `Target` (EventBridge Scheduler, in
//! `aws scheduler create-schedule` input or `AWS::Scheduler::Schedule`) and a rule's `Targets[]`
//! (`AWS::Events::Rule`). `EcsParameters` carries the RunTask members in the dialect's names, the
//! target's `Arn` is the cluster and its `Input` (JSON text) the overrides.

use crate::diagnostics::Severity;
use crate::extract::{Extracted, FilePointers, Syntax};
use crate::json::{Document, Kind, NodeId, TextRange};
use crate::mapped::Mapped;
use crate::model;
use crate::rules::dialect as r;

use super::convert::{intrinsic, placeholder, Builder, DialectFinding, Hooks, Walker};
use super::names::{self, Names};
use super::Found;

/// Values of a template (intrinsics, `${…}`) or of a scheduler input (`${…}` only, when it is a
/// template of a deployment tool).
pub(crate) struct TemplateHooks {
    pub cfn: bool,
}

impl Hooks for TemplateHooks {
    fn dynamic_value(&self, doc: &Document<'_>, node: NodeId) -> Option<String> {
        if self.cfn {
            if let Some(what) = intrinsic(doc, node) {
                return Some(what);
            }
        }
        placeholder(&doc.str(node)?)
    }
}

/// Where a target sits.
pub(crate) struct Target<'a, 's> {
    pub doc: &'a Document<'s>,
    pub text: &'a Mapped,
    pub names: &'static Names,
    pub cfn: bool,
    pub location: String,
    pub syntax: Syntax,
}

/// Reads the ECS task of `target` (an object with `EcsParameters`), if it has one.
pub(crate) fn extract(t: &Target<'_, '_>, target: NodeId, found: &mut Found) {
    let doc = t.doc;
    let Some(ecs) = doc.get(target, "EcsParameters") else { return };
    let file = |r: TextRange| t.text.file_range(r);
    let ptr = |n: NodeId| doc.pointer(n).into_string();
    let hooks = TemplateHooks { cfn: t.cfn };
    let mut findings = Vec::new();
    let mut b = Builder::new();
    if hooks.dynamic_value(doc, ecs).is_some() || doc.kind(ecs) != Kind::Object {
        let mut w = Walker { doc, text: t.text, names: t.names, hooks: &hooks, file_pointers: true, findings: &mut findings };
        w.value(&mut b, ecs, model::request(), "", "EcsParameters");
    } else {
        let at = file(doc.range(ecs));
        let start = b.open(false, TextRange::new(at.start, at.start + 1.min(at.len())));
        {
            let mut w = Walker { doc, text: t.text, names: t.names, hooks: &hooks, file_pointers: true, findings: &mut findings };
            w.members(&mut b, ecs, model::request(), "", "");
            if let Some(arn) = doc.get(target, "Arn") {
                b.key("cluster", file(doc.key_range(arn).unwrap_or_else(|| doc.range(arn))));
                let string = model::request().member("cluster").map_or(model::request(), |m| m.shape);
                w.value(&mut b, arn, string, "/cluster", "Arn");
            }
        }
        if let Some(input) = doc.get(target, "Input") {
            overrides(t, &hooks, input, &mut b, &mut findings);
        }
        let r = b.close(start, TextRange::new(at.end, at.end));
        b.pointer(r, ptr(ecs));
        own_rules(t, ecs, &mut findings);
    }
    let (json, pointers, dynamic) = b.sorted_pointers();
    let ex = Extracted {
        json,
        pointers: FilePointers::Table(pointers),
        dynamic,
        location: Some(t.location.clone()),
        syntax: t.syntax,
        spelling: Some(t.names),
        range: file(doc.member_range(ecs)),
        pointer: ptr(ecs),
        open: false,
    };
    found.push(ex, findings);
}

/// The target's `Input`: JSON text holding the task overrides, in the API's names.
fn overrides(t: &Target<'_, '_>, hooks: &TemplateHooks, input: NodeId, b: &mut Builder, findings: &mut Vec<DialectFinding>) {
    let doc = t.doc;
    let key = t.text.file_range(doc.key_range(input).unwrap_or_else(|| doc.range(input)));
    let task_override = model::request().member("overrides").map_or(model::request(), |m| m.shape);
    if let Some(what) = hooks.dynamic_value(doc, input) {
        b.key("overrides", key);
        let r = b.dynamic(t.text.file_range(doc.range(input)), "Input".to_owned(), what);
        b.pointer(r, doc.pointer(input).into_string());
        return;
    }
    if doc.kind(input) != Kind::String {
        return;
    }
    let inner = t.text.json_string_value(doc.range(input));
    let inner_doc = match Document::parse(inner.text()) {
        Ok(d) => d,
        Err(e) => {
            let at = inner.file_range_of_char(e.offset);
            // EventBridge documents `Input` as "Valid JSON text"; the Scheduler requires JSON only
            // for some targets, so for it this is a warning.
            let f = DialectFinding::new(&crate::rules::input::invalid_json::RULE, at, doc.pointer(input).into_string(), format!("`Input` is not valid JSON: {}", e.message()))
                .help("write the overrides as a JSON object, e.g. {\"containerOverrides\": [{\"name\": \"app\", \"command\": [\"run\"]}]}");
            findings.push(if std::ptr::eq(t.names, &names::EVENTS_CFN) { f } else { f.severity(Severity::Warning) });
            return;
        }
    };
    b.key("overrides", key);
    let inner_hooks = TemplateHooks { cfn: false };
    let mut w = Walker { doc: &inner_doc, text: &inner, names: &names::API, hooks: &inner_hooks, file_pointers: false, findings };
    let start = b.json.len();
    w.value(b, inner_doc.root(), task_override, "/overrides", "Input");
    // The whole Input has the file's pointer; inside the string there is none.
    let r = TextRange::new(start, b.json.len());
    b.pointer(r, doc.pointer(input).into_string());
}

/// The target's own rules: a task definition ARN, and a network configuration with Fargate.
fn own_rules(t: &Target<'_, '_>, ecs: NodeId, findings: &mut Vec<DialectFinding>) {
    let doc = t.doc;
    let file = |r: TextRange| t.text.file_range(r);
    let events = std::ptr::eq(t.names, &names::EVENTS_CFN);
    if let Some(td) = doc.get(ecs, "TaskDefinitionArn") {
        if let Some(s) = doc.str(td) {
            if placeholder(&s).is_none() && !s.starts_with("arn:") {
                let f = DialectFinding::new(
                    &r::task_definition_arn_not_arn::RULE,
                    file(doc.range(td)),
                    doc.pointer(td).into_string(),
                    format!("`TaskDefinitionArn` is {}, not an ARN: {} takes the task definition's ARN", crate::json::json_string(&s), t.names.service),
                )
                .help("use the ARN, arn:aws:ecs:<region>:<account>:task-definition/<family>[:<revision>] (in a template: !Ref the task definition)")
                .request("/taskDefinition");
                findings.push(if events { f } else { f.severity(Severity::Warning) });
            }
        }
    }
    if events && doc.get_str(ecs, "LaunchType").as_deref() == Some("FARGATE") && doc.get(ecs, "NetworkConfiguration").is_none() {
        let lt = doc.get(ecs, "LaunchType").unwrap_or(ecs);
        findings.push(
            DialectFinding::new(
                &r::eventbridge_fargate_without_network_configuration::RULE,
                file(doc.range(lt)),
                doc.pointer(lt).into_string(),
                "`LaunchType` is FARGATE but `EcsParameters` has no `NetworkConfiguration`: EventBridge refuses the target",
            )
            .help("add NetworkConfiguration: {AwsVpcConfiguration: {Subnets: [subnet-…], SecurityGroups: [sg-…]}}")
            .request("/networkConfiguration"),
        );
    }
}
