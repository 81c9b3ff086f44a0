//! A snapshot per core fixture: the input and the full rendering of its diagnostics (no colour),
//! so one snapshot covers spans, messages, help and fixes together.

use std::fs;

use runtask_core::render::{full, FileResult};
use runtask_core::{check_bytes, Options};

#[test]
fn fixtures_render() {
    insta::glob!("../../core/tests/fixtures", "**/*.json", |path| {
        let name = path.file_name().unwrap().to_string_lossy();
        if name == "expect.json" || name == "task-definition.json" {
            return;
        }
        let bytes = fs::read(path).unwrap();
        let rule_dir = path.parent().and_then(|p| p.parent()).unwrap();
        let td = fs::read_to_string(rule_dir.join("task-definition.json")).ok();
        let options = Options { task_definition: td, ..Options::default() };
        let report = check_bytes(&bytes, &options).unwrap();
        let text = String::from_utf8(bytes.clone()).ok();
        let shown = match &text {
            Some(t) if t.len() <= 4000 => t.clone(),
            Some(t) => format!("({} bytes, not shown)", t.len()),
            None => format!("({} bytes, not UTF-8)", bytes.len()),
        };
        let rendered = full(&[FileResult { path: &name, source: text.as_deref(), diagnostics: &report.diagnostics, error: None }], false);
        insta::assert_snapshot!(format!("{shown}\n----- runtask-lint -----\n{rendered}"));
    });
}
