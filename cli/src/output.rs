//! Rendering, `--explain`, `rules`, `schema` and `--fix`.

use std::process::ExitCode;

use runtask_core::registry::{self, find};
use runtask_core::render::{self, FileResult};
use runtask_core::{apply_fixes as apply, check_bytes, Options, Report};

use crate::args::Format;
use crate::input::Loaded;

pub fn render(format: Format, files: &[FileResult<'_>], color: bool) -> String {
    match format {
        Format::Full => render::full(files, color),
        Format::Concise => {
            let mut s = render::concise(files);
            s.push_str(&render::summary(files));
            s.push('\n');
            s
        }
        Format::Json => render::json(files),
        Format::Github => render::github(files),
        Format::Sarif => render::sarif(files),
    }
}

pub fn explain(code: &str) -> Result<ExitCode, String> {
    let Some(rule) = find(code) else {
        let close: Vec<&str> = registry::rules().iter().filter(|r| strsim_like(code, r.code) || r.name.contains(&code.to_ascii_lowercase())).map(|r| r.code).take(5).collect();
        let hint = if close.is_empty() { "see `runtask-lint rules`".to_owned() } else { format!("did you mean {}?", close.join(", ")) };
        return Err(format!("no rule `{code}`: {hint}"));
    };
    let mut out = format!("# {} {}\n\n", rule.code, rule.name);
    out.push_str(&format!("Severity: {}. ", rule.severity));
    if rule.needs_task_definition {
        out.push_str("Runs when a task definition is given (--task-definition). ");
    }
    if !rule.catalogue.is_empty() {
        out.push_str(&format!("Catalogue: {}.", rule.catalogue.join(", ")));
    }
    out.push_str("\n\n");
    out.push_str(&rule.documentation());
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}

fn strsim_like(a: &str, b: &str) -> bool {
    let a = a.to_ascii_uppercase();
    a.len() >= 3 && b.starts_with(&a[..3])
}

pub fn list_rules(json: bool) -> Result<ExitCode, String> {
    if json {
        let list: Vec<serde_json::Value> = registry::rules()
            .iter()
            .map(|r| {
                serde_json::json!({
                    "code": r.code, "name": r.name, "severity": r.severity,
                    "requiresTaskDefinition": r.needs_task_definition,
                    "catalogue": r.catalogue, "summary": r.summary(), "documentation": r.documentation(),
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&list).map_err(|e| e.to_string())?);
    } else {
        for r in registry::rules() {
            let td = if r.needs_task_definition { " [task definition]" } else { "" };
            println!("{}  {:<7}  {}{td}\n        {}", r.code, r.severity.as_str(), r.name, r.summary());
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn schema() -> Result<ExitCode, String> {
    let schema = runtask_core::schema::json_schema();
    println!("{}", serde_json::to_string_pretty(&schema).map_err(|e| e.to_string())?);
    Ok(ExitCode::SUCCESS)
}

/// Applies fixes until none is left (at most 10 rounds), writes the file, and returns the
/// report of the fixed text. Standard input is left as it is.
pub fn apply_fixes(loaded: &mut Loaded, report: Report, options: &Options, include_unsafe: bool) -> Result<Report, String> {
    let (Some(path), Some(text)) = (loaded.path.clone(), loaded.text.clone()) else {
        return Ok(report);
    };
    if loaded.yaml {
        eprintln!("{path}: fixes apply to JSON only; nothing changed");
        return Ok(report);
    }
    let mut text = text;
    let mut report = report;
    let mut total = 0;
    for _ in 0..10 {
        let (fixed, applied) = apply(&text, report.fixes(), include_unsafe);
        if applied == 0 || fixed == text {
            break;
        }
        total += applied;
        text = fixed;
        report = check_bytes(text.as_bytes(), options).map_err(|e| e.to_string())?;
    }
    if total > 0 {
        std::fs::write(&path, &text).map_err(|e| format!("{path}: writing the fixed file: {e}"))?;
        eprintln!("{path}: applied {total} fix{}", if total == 1 { "" } else { "es" });
        loaded.bytes = text.clone().into_bytes();
        loaded.text = Some(text);
    }
    Ok(report)
}
