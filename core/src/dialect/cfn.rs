//! CloudFormation, SAM and CDK templates: state machines (`AWS::StepFunctions::StateMachine` with
//! a `Definition` object or a `DefinitionString`, plain or built with `Fn::Sub`/`Fn::Join` as CDK
//! writes it; `AWS::Serverless::StateMachine` with `Definition`), schedules
//! (`AWS::Scheduler::Schedule`) and rules (`AWS::Events::Rule`) whose targets run ECS tasks.

use crate::extract::Syntax;
use crate::json::{Document, Kind, NodeId, TextRange};
use crate::mapped::Mapped;

use super::asl::{self, Machine};
use super::convert::DialectFinding;
use super::eventbridge::{self, Target};
use super::names;
use super::Found;

/// Reads every RunTask request of the template whose root is `doc`'s root.
pub(crate) fn extract(doc: &Document<'_>, text: &Mapped, syntax: Syntax, found: &mut Found) {
    let root = doc.root();
    let Some(resources) = doc.get(root, "Resources") else { return };
    for res in doc.children(resources) {
        let Some(id) = doc.key(res) else { continue };
        let Some(props) = doc.get(res, "Properties") else { continue };
        if doc.kind(props) != Kind::Object {
            continue;
        }
        match doc.get_str(res, "Type").as_deref() {
            Some(ty @ ("AWS::StepFunctions::StateMachine" | "AWS::Serverless::StateMachine")) => {
                let prefix = Some(format!("resource {id}"));
                if let Some(def) = doc.get(props, "Definition").filter(|&d| doc.kind(d) == Kind::Object) {
                    let m = Machine { doc, text, file_pointers: true, cfn: true, prefix, syntax };
                    asl::extract(&m, def, found);
                } else if let (Some(ds), "AWS::StepFunctions::StateMachine") = (doc.get(props, "DefinitionString"), ty) {
                    definition_string(doc, text, ds, prefix, syntax, found);
                }
            }
            Some("AWS::Scheduler::Schedule") => {
                if let Some(target) = doc.get(props, "Target") {
                    let t = Target { doc, text, names: &names::SCHEDULER_CFN, cfn: true, location: format!("resource {id}"), syntax };
                    eventbridge::extract(&t, target, found);
                }
            }
            Some("AWS::Events::Rule") => {
                for (i, target) in doc.elements(doc.get(props, "Targets")).enumerate() {
                    let which = doc.get_str(target, "Id").map_or_else(|| format!("target {i}"), |s| format!("target \"{s}\""));
                    let t = Target { doc, text, names: &names::EVENTS_CFN, cfn: true, location: format!("resource {id}, {which}"), syntax };
                    eventbridge::extract(&t, target, found);
                }
            }
            _ => {}
        }
    }
}

/// A state machine written as JSON text in `DefinitionString`.
fn definition_string(doc: &Document<'_>, text: &Mapped, ds: NodeId, prefix: Option<String>, syntax: Syntax, found: &mut Found) {
    let Some(inner) = definition_text(doc, text, ds) else { return };
    if !inner.text().contains("runTask") {
        return;
    }
    let inner_doc = match Document::parse(inner.text()) {
        Ok(d) => d,
        Err(e) => {
            let at = inner.file_range_of_char(e.offset);
            found.findings.push((
                DialectFinding::new(&crate::rules::input::invalid_json::RULE, at, String::new(), format!("the `DefinitionString` is not valid JSON: {}", e.message()))
                    .help("write the state machine as JSON (or use `Definition` with an object)"),
                prefix.clone(),
            ));
            return;
        }
    };
    // Inside the string the file has no pointers, and a JSON string held in a JSON string has its
    // quotes escaped: fixes are written back escaped (Syntax::Json), or not at all from YAML.
    let syntax = match syntax {
        Syntax::Json => Syntax::Json,
        _ => Syntax::Yaml,
    };
    let m = Machine { doc: &inner_doc, text: &inner, file_pointers: false, cfn: true, prefix, syntax };
    asl::extract(&m, inner_doc.root(), found);
}

/// The JSON text of a `DefinitionString`: a string, or `Fn::Sub`/`Fn::Join` around one, with
/// each substitution written as a `"${…}"` placeholder the readers know as a value of the
/// deployment. Every byte keeps its place in the file.
pub(crate) fn definition_text(doc: &Document<'_>, text: &Mapped, node: NodeId) -> Option<Mapped> {
    let mut out = Pieces::default();
    if doc.kind(node) == Kind::String {
        out.literal(&text.json_string_value(doc.range(node)), false);
        return Some(out.done());
    }
    if let Some(sub) = doc.get(node, "Fn::Sub") {
        let template = if doc.kind(sub) == Kind::Array { doc.children(sub).next()? } else { sub };
        if doc.kind(template) != Kind::String {
            return None;
        }
        out.literal(&text.json_string_value(doc.range(template)), true);
        return Some(out.done());
    }
    let join = doc.get(node, "Fn::Join")?;
    let mut args = doc.elements(Some(join));
    let sep_node = args.next()?;
    let sep = (doc.kind(sep_node) == Kind::String).then(|| text.json_string_value(doc.range(sep_node)))?;
    let parts = args.next()?;
    for (i, part) in doc.elements(Some(parts)).enumerate() {
        if i > 0 {
            out.literal(&sep, false);
        }
        if doc.kind(part) == Kind::String {
            out.literal(&text.json_string_value(doc.range(part)), false);
        } else {
            let what = placeholder_name(doc, part);
            out.placeholder(&what, text.file_range(doc.range(part)));
        }
    }
    Some(out.done())
}

/// How an intrinsic function in a `Fn::Join` is shown: `${AWS::Partition}`, `${Role.Arn}`.
fn placeholder_name(doc: &Document<'_>, node: NodeId) -> String {
    if let Some(r) = doc.get_str(node, "Ref") {
        return r.into_owned();
    }
    if let Some(g) = doc.get(node, "Fn::GetAtt") {
        let parts: Vec<String> = doc.elements(Some(g)).filter_map(|p| doc.str(p).map(|s| s.into_owned())).collect();
        return if parts.is_empty() { doc.str(g).map_or_else(|| "Fn::GetAtt".to_owned(), |s| s.into_owned()) } else { parts.join(".") };
    }
    doc.children(node).next().and_then(|m| doc.key(m)).map_or_else(|| "…".to_owned(), |k| k.into_owned())
}

/// JSON text assembled from pieces, knowing whether it is inside a JSON string so that a
/// placeholder is written as a string of its own or as part of the string it is in.
#[derive(Default)]
struct Pieces {
    out: Mapped,
    in_string: bool,
    escaped: bool,
}

impl Pieces {
    /// Appends `text`; with `sub`, `${Name}` substitutions in it are placeholders (`${!Name}`
    /// writes `${Name}` literally).
    fn literal(&mut self, text: &Mapped, sub: bool) {
        let s = text.text();
        let mut i = 0;
        while i < s.len() {
            if sub && s[i..].starts_with("${") {
                if let Some(close) = s[i..].find('}') {
                    let inner = &s[i + 2..i + close];
                    let at = text.file_range(TextRange::new(i as u32, (i + close + 1) as u32));
                    if let Some(lit) = inner.strip_prefix('!') {
                        let lit = format!("${{{lit}}}");
                        for c in lit.chars() {
                            self.push_char(c, at);
                        }
                    } else {
                        self.placeholder(inner, at);
                    }
                    i += close + 1;
                    continue;
                }
            }
            let c = s[i..].chars().next().unwrap_or(' ');
            let at = text.file_range(TextRange::new(i as u32, (i + c.len_utf8()) as u32));
            self.push_char(c, at);
            i += c.len_utf8();
        }
    }

    fn push_char(&mut self, c: char, at: TextRange) {
        if self.in_string {
            if self.escaped {
                self.escaped = false;
            } else if c == '\\' {
                self.escaped = true;
            } else if c == '"' {
                self.in_string = false;
            }
        } else if c == '"' {
            self.in_string = true;
        }
        self.out.push_char(c, at);
    }

    fn placeholder(&mut self, name: &str, at: TextRange) {
        let name: String = name.chars().filter(|c| !matches!(c, '"' | '\\' | '}')).collect();
        let text = format!("${{{name}}}");
        if self.in_string {
            self.out.push(&text, at);
        } else {
            self.out.push(&format!("\"{text}\""), at);
        }
    }

    fn done(self) -> Mapped {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cdk_style_join_keeps_positions_and_places_placeholders() {
        let file = r#"{"DefinitionString": {"Fn::Join": ["", ["{\"States\":{\"A\":{\"Resource\":\"arn:", {"Ref": "AWS::Partition"}, ":states:::ecs:runTask.sync\",\"Parameters\":{\"Count\":", {"Ref": "N"}, "}}}}"]]}}"#;
        let doc = Document::parse(file).unwrap();
        let text = Mapped::identity(file);
        let ds = doc.resolve("/DefinitionString").unwrap();
        let inner = definition_text(&doc, &text, ds).unwrap();
        let v: serde_json::Value = serde_json::from_str(inner.text()).unwrap();
        assert_eq!(v["States"]["A"]["Resource"], "arn:${AWS::Partition}:states:::ecs:runTask.sync");
        assert_eq!(v["States"]["A"]["Parameters"]["Count"], "${N}");
        let at = inner.text().find("Parameters").unwrap() as u32;
        let r = inner.file_range(TextRange::new(at, at + 10));
        assert_eq!(&file[r.start as usize..r.end as usize], "Parameters");
        let at = inner.text().find("\"${N}\"").unwrap() as u32;
        let r = inner.file_range(TextRange::new(at, at + 6));
        assert_eq!(&file[r.start as usize..r.end as usize], r#"{"Ref": "N"}"#);
    }

    #[test]
    fn sub_placeholders_outside_strings_become_strings() {
        let file = r#"{"S": {"Fn::Sub": "{\"Count\": ${N}, \"Group\": \"g-${Env}\", \"Lit\": \"${!Keep}\"}"}}"#;
        let doc = Document::parse(file).unwrap();
        let inner = definition_text(&doc, &Mapped::identity(file), doc.resolve("/S").unwrap()).unwrap();
        let v: serde_json::Value = serde_json::from_str(inner.text()).unwrap();
        assert_eq!(v["Count"], "${N}");
        assert_eq!(v["Group"], "g-${Env}");
        assert_eq!(v["Lit"], "${Keep}");
    }
}
