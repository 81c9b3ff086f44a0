//! A snapshot per core fixture: the input and the full rendering of its diagnostics (no colour),
//! so one snapshot covers spans, messages, help and fixes together.

use std::fs;

use runtask_core::dialect::{check_source, detect, Dialect, NoFiles};
use runtask_core::render::{full, FileResult};
use runtask_core::{check_bytes, Options};

#[test]
fn fixtures_render() {
    insta::glob!("../../core/tests/fixtures", "**/*.*", |path| {
        let name = path.file_name().unwrap().to_string_lossy();
        if name == "expect.json" || name == "task-definition.json" {
            return;
        }
        let bytes = fs::read(path).unwrap();
        let rule_dir = path.parent().and_then(|p| p.parent()).unwrap();
        let td = fs::read_to_string(rule_dir.join("task-definition.json")).ok();
        let options = Options { task_definition: td, ..Options::default() };
        // The dialect area holds state machines, templates and scripts: read as detected.
        let in_dialect = path.components().any(|c| c.as_os_str() == "dialect");
        if !in_dialect && path.extension().is_none_or(|e| e != "json") {
            return;
        }
        let report = if in_dialect {
            let p = path.to_string_lossy();
            let dialect = detect(Some(&p), &String::from_utf8_lossy(&bytes)).unwrap_or(Dialect::Request);
            check_source(Some(&p), &bytes, dialect, &options, &NoFiles).unwrap()
        } else {
            check_bytes(&bytes, &options).unwrap()
        };
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
