use serde_json::{json, Value};

use super::FileResult;
use crate::registry::rules;
use crate::Severity;

/// SARIF 2.1.0, one run, with every rule's metadata and one result per diagnostic.
#[must_use]
pub fn sarif(files: &[FileResult<'_>]) -> String {
    let rule_index = |code: &str| rules().iter().position(|r| r.code == code);
    let driver_rules: Vec<Value> = rules()
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary() },
                "fullDescription": { "markdown": r.documentation(), "text": r.summary() },
                "help": { "markdown": r.documentation(), "text": format!("runtask-lint --explain {}", r.code) },
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": { "catalogue": r.catalogue, "requiresTaskDefinition": r.needs_task_definition }
            })
        })
        .collect();
    let mut results = Vec::new();
    let mut notifications = Vec::new();
    for f in files {
        if let Some(err) = f.error {
            notifications.push(json!({
                "level": "error",
                "message": { "text": err },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": f.path } } }]
            }));
        }
        for d in f.diagnostics {
            let mut message = d.message.clone();
            if let Some(h) = &d.help {
                message.push_str(" (help: ");
                message.push_str(h);
                message.push(')');
            }
            let mut result = json!({
                "ruleId": d.code,
                "level": level(d.severity),
                "message": { "text": message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": f.path },
                        "region": {
                            "startLine": d.line, "startColumn": d.column,
                            "endLine": d.end_line, "endColumn": d.end_column,
                            "byteOffset": d.start, "byteLength": d.end - d.start
                        }
                    },
                    "logicalLocations": [{ "fullyQualifiedName": d.pointer, "kind": "member" }]
                }]
            });
            if let Some(i) = rule_index(d.code) {
                result["ruleIndex"] = json!(i);
            }
            if let Some(fix) = &d.fix {
                result["fixes"] = json!([{
                    "description": { "text": fix.description },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": f.path },
                        "replacements": fix.edits.iter().map(|e| json!({
                            "deletedRegion": { "byteOffset": e.start, "byteLength": e.end - e.start },
                            "insertedContent": { "text": e.content }
                        })).collect::<Vec<_>>()
                    }]
                }]);
            }
            results.push(result);
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "runtask-lint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": driver_rules
            }},
            "invocations": [{ "executionSuccessful": notifications.is_empty(), "toolExecutionNotifications": notifications }],
            "results": results
        }]
    });
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}
