//! The request as text: the pretty JSON the JSON view shows, the compact JSON that is sent (and
//! counted against the overrides limit), an AWS CLI command, a boto3 call.

use serde_json::Value;

use crate::state::{Out, Request};

impl Request {
    /// Pretty-printed JSON, two-space indent, stable key order.
    #[must_use]
    pub fn to_json(&self) -> String {
        self.tree().pretty(Dialect::Json)
    }

    /// Characters of `overrides` as sent (compact JSON), against the 8192 limit: runtask-core's
    /// count (UTF-16 units, as RT330 counts them).
    #[must_use]
    pub fn overrides_chars(&self) -> usize {
        let mut o = Vec::new();
        crate::state::Member::write(&self.overrides, "overrides", &mut o);
        o.first().map_or(0, |(_, v)| runtask_core::json::compact_len(&v.compact()))
    }
}

/// `aws ecs run-task --cli-input-json '…'` with the JSON text as shown, quoted for POSIX shells.
#[must_use]
pub fn aws_cli(json: &str) -> String {
    format!("aws ecs run-task --cli-input-json '{}'", json.replace('\'', r"'\''"))
}

/// A Python snippet calling `ecs.run_task(...)` with keyword arguments.
#[must_use]
pub fn boto3(request: &Request) -> String {
    let Out::Object(members) = request.tree() else { unreachable!("a request is an object") };
    let mut s = String::from("import boto3\n\necs = boto3.client(\"ecs\")\nresponse = ecs.run_task(");
    if members.iter().all(|(k, _)| is_python_identifier(k)) {
        for (k, v) in &members {
            s.push_str("\n    ");
            s.push_str(k);
            s.push('=');
            // Indented as a member two levels down: the call's arguments are four spaces in.
            s.push_str(&v.pretty_at(Dialect::Python, 2, k.len() + 1));
            s.push(',');
        }
        s.push_str("\n)\n");
    } else {
        // A member name Python cannot take as a keyword: pass the dict.
        s.push_str("\n    **");
        s.push_str(&Out::Object(members).pretty(Dialect::Python).replace('\n', "\n    "));
        s.push_str("\n)\n");
    }
    s.push_str("print(response[\"tasks\"], response[\"failures\"])\n");
    s
}

fn is_python_identifier(k: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
        "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
        "pass", "raise", "return", "try", "while", "with", "yield",
    ];
    let mut chars = k.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !KEYWORDS.contains(&k)
}

// ---------------------------------------------------------------------------------------------
// The printers.

/// How to spell the literals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Json,
    /// Python: `True`, `False`, `None`; otherwise JSON's syntax is Python's.
    Python,
}

/// Lines of the pretty form are at most this wide when a container can be kept on one line.
pub const WIDTH: usize = 80;

/// A node of the tree, seen the same way whether it was built (`Out`) or pasted (`Value`).
#[derive(Clone, Copy)]
enum Node<'a> {
    Out(&'a Out<'a>),
    Value(&'a Value),
}

impl<'a> Node<'a> {
    /// The JSON value, when this is one (pasted, or a built leaf).
    fn value(self) -> Option<&'a Value> {
        match self {
            Node::Out(Out::Value(v)) => Some(*v),
            Node::Value(v) => Some(v),
            _ => None,
        }
    }

    fn object(self) -> Option<Vec<(&'a str, Node<'a>)>> {
        match (self, self.value()) {
            (Node::Out(Out::Object(m)), _) => Some(m.iter().map(|(k, v)| (*k, Node::Out(v))).collect()),
            (_, Some(Value::Object(m))) => Some(m.iter().map(|(k, v)| (k.as_str(), Node::Value(v))).collect()),
            _ => None,
        }
    }

    fn array(self) -> Option<Vec<Node<'a>>> {
        match (self, self.value()) {
            (Node::Out(Out::Array(a)), _) => Some(a.iter().map(Node::Out).collect()),
            (_, Some(Value::Array(a))) => Some(a.iter().map(Node::Value).collect()),
            _ => None,
        }
    }

    fn scalar(self) -> Option<&'a Value> {
        self.value().filter(|v| !v.is_object() && !v.is_array())
    }
}

fn write_scalar(v: &Value, s: &mut String, dialect: Dialect) {
    match (v, dialect) {
        (Value::Null, Dialect::Python) => s.push_str("None"),
        (Value::Bool(true), Dialect::Python) => s.push_str("True"),
        (Value::Bool(false), Dialect::Python) => s.push_str("False"),
        (Value::String(text), _) => write_string(text, s),
        (other, _) => s.push_str(&other.to_string()),
    }
}

/// Writes `node` on one line (`{"a": 1, "b": [2]}`); false, with `s` left longer than `limit`,
/// as soon as it does not fit.
fn write_inline(node: Node<'_>, s: &mut String, limit: usize, dialect: Dialect) -> bool {
    if let Some(v) = node.scalar() {
        write_scalar(v, s, dialect);
    } else if let Some(members) = node.object() {
        s.push('{');
        for (i, (k, v)) in members.into_iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            write_string(k, s);
            s.push_str(": ");
            if s.len() > limit || !write_inline(v, s, limit, dialect) {
                return false;
            }
        }
        s.push('}');
    } else if let Some(items) = node.array() {
        s.push('[');
        for (i, v) in items.into_iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            if s.len() > limit || !write_inline(v, s, limit, dialect) {
                return false;
            }
        }
        s.push(']');
    }
    s.len() <= limit
}

/// Writes `node` at `depth`: on one line when that fits in [`WIDTH`] (after `prefix` columns of
/// key), else one member or element a line. The top level is always one member a line.
fn write_pretty(node: Node<'_>, s: &mut String, depth: usize, prefix: usize, dialect: Dialect) {
    if let Some(v) = node.scalar() {
        return write_scalar(v, s, dialect);
    }
    if depth > 0 {
        let start = s.len();
        // Room for the indentation, the key and a trailing comma.
        let limit = start + WIDTH.saturating_sub(depth * 2 + prefix + 1);
        if write_inline(node, s, limit, dialect) {
            return;
        }
        s.truncate(start);
    }
    if let Some(members) = node.object() {
        if members.is_empty() {
            return s.push_str("{}");
        }
        s.push('{');
        for (i, (k, v)) in members.into_iter().enumerate() {
            s.push_str(if i == 0 { "\n" } else { ",\n" });
            indent(s, depth + 1);
            let before = s.len();
            write_string(k, s);
            s.push_str(": ");
            let key = s.len() - before;
            write_pretty(v, s, depth + 1, key, dialect);
        }
        s.push('\n');
        indent(s, depth);
        s.push('}');
    } else if let Some(items) = node.array() {
        if items.is_empty() {
            return s.push_str("[]");
        }
        s.push('[');
        for (i, v) in items.into_iter().enumerate() {
            s.push_str(if i == 0 { "\n" } else { ",\n" });
            indent(s, depth + 1);
            write_pretty(v, s, depth + 1, 0, dialect);
        }
        s.push('\n');
        indent(s, depth);
        s.push(']');
    }
}

impl Out<'_> {
    /// Pretty-printed: two-space indent, one member a line at the top, and any nested object or
    /// array that fits in [`WIDTH`] columns on one line (a tag, an environment variable, a
    /// command), so a large request stays a few hundred lines.
    #[must_use]
    pub fn pretty(&self, dialect: Dialect) -> String {
        let mut s = String::with_capacity(4096);
        write_pretty(Node::Out(self), &mut s, 0, 0, dialect);
        s
    }

    /// Pretty-printed as the value of a member at `depth` whose key takes `prefix` columns.
    #[must_use]
    pub fn pretty_at(&self, dialect: Dialect, depth: usize, prefix: usize) -> String {
        let mut s = String::new();
        write_pretty(Node::Out(self), &mut s, depth, prefix, dialect);
        s
    }

    /// No whitespace, as the SDKs send it.
    #[must_use]
    pub fn compact(&self) -> String {
        let mut s = String::new();
        self.write_compact(&mut s);
        s
    }

    fn write_compact(&self, s: &mut String) {
        match self {
            Out::Value(v) => s.push_str(&v.to_string()),
            Out::Object(members) => {
                s.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        s.push(',');
                    }
                    write_string(k, s);
                    s.push(':');
                    v.write_compact(s);
                }
                s.push('}');
            }
            Out::Array(items) => {
                s.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        s.push(',');
                    }
                    v.write_compact(s);
                }
                s.push(']');
            }
        }
    }
}

fn indent(s: &mut String, depth: usize) {
    for _ in 0..depth {
        s.push_str("  ");
    }
}

fn write_string(text: &str, s: &mut String) {
    // serde_json's escaping: valid JSON, and a valid Python string literal.
    s.push_str(&Value::String(text.to_owned()).to_string());
}

#[cfg(test)]
mod tests {
    use super::*;

#[test]
    fn overrides_are_counted_as_compact_json() {
        let r = Request::from_json(r#"{"overrides": {"containerOverrides": [{"name": "app", "command": ["echo", "hé"]}]}}"#).unwrap();
        assert_eq!(r.overrides_chars(), r#"{"containerOverrides":[{"name":"app","command":["echo","hé"]}]}"#.chars().count());
        assert_eq!(Request::default().overrides_chars(), 0);
        // RT330 counts UTF-16 units: an emoji is two, and the meter says the same as the rule.
        let r = Request::from_json(r#"{"overrides": {"containerOverrides": [{"name": "😀"}]}}"#).unwrap();
        assert_eq!(r.overrides_chars(), r#"{"containerOverrides":[{"name":"😀"}]}"#.chars().count() + 1);
        let request = format!(r#"{{"taskDefinition": "web:3", "overrides": {{"containerOverrides": [{{"name": "{}"}}]}}}}"#, "😀".repeat(4090));
        let r = Request::from_json(&request).unwrap();
        assert_eq!(r.overrides_chars(), r#"{"containerOverrides":[{"name":""}]}"#.len() + 2 * 4090, "an emoji is two units");
        let report = runtask_core::check(&request, &runtask_core::Options::default()).unwrap();
        assert!(report.diagnostics.iter().any(|d| d.code == "RT330"), "over 8192 for the rule too");
    }
    
    #[test]
    fn python_dialect_spells_literals_as_python() {
        let r = Request::from_json(r#"{"enableExecuteCommand": true, "extra": {"a": null, "b": [false]}}"#).unwrap();
        assert_eq!(
            r.tree().pretty(Dialect::Python),
            "{\n  \"enableExecuteCommand\": True,\n  \"extra\": {\"a\": None, \"b\": [False]}\n}"
        );
    }

    #[test]
    fn cli_command_quotes_single_quotes() {
        let r = Request::from_json(r#"{"taskDefinition": "web:3", "startedBy": "it's me"}"#).unwrap();
        assert_eq!(
            aws_cli(&r.to_json()),
            "aws ecs run-task --cli-input-json '{\n  \"taskDefinition\": \"web:3\",\n  \"startedBy\": \"it'\\''s me\"\n}'"
        );
    }

    #[test]
    fn boto3_uses_keyword_arguments() {
        let r = Request::from_json(r#"{"taskDefinition": "web:3", "enableExecuteCommand": true, "tags": [{"key": "a", "value": "b"}]}"#).unwrap();
        assert_eq!(
            boto3(&r),
            r#"import boto3

ecs = boto3.client("ecs")
response = ecs.run_task(
    taskDefinition="web:3",
    tags=[{"key": "a", "value": "b"}],
    enableExecuteCommand=True,
)
print(response["tasks"], response["failures"])
"#
        );
    }

    #[test]
    fn boto3_breaks_long_arguments() {
        let r = Request::from_json(r#"{"taskDefinition": "t", "tags": [{"key": "team", "value": "data-platform"}, {"key": "cost-centre", "value": "research-and-development"}]}"#).unwrap();
        assert!(boto3(&r).contains(
            "    tags=[\n      {\"key\": \"team\", \"value\": \"data-platform\"},\n      {\"key\": \"cost-centre\", \"value\": \"research-and-development\"}\n    ],\n"
        ), "{}", boto3(&r));
    }

    #[test]
    fn boto3_passes_a_dict_for_odd_names() {
        let r = Request::from_json(r#"{"taskDefinition": "t", "not-a-name": 1}"#).unwrap();
        assert!(boto3(&r).contains("    **{\n      \"taskDefinition\": \"t\",\n      \"not-a-name\": 1\n    }\n)"));
    }
}
