//! The request as something to paste elsewhere: JSON, an AWS CLI command, a boto3 call.

use crate::state::{Dialect, Out, Request};

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

#[cfg(test)]
mod tests {
    use super::*;

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
