//! The whole check on arbitrary bytes (and, from the same bytes, as YAML and with a task
//! definition): never panics; every range lies on char boundaries inside the input; every
//! pointer resolves to a node whose range contains the diagnostic's range.

#![no_main]

use libfuzzer_sys::fuzz_target;
use runtask_core::json::{Document, TextRange};
use runtask_core::{check_bytes, Options};

const TASK_DEFINITION: &str = r#"{"family": "web", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
  "cpu": "256", "memory": "512", "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 256}]}"#;

fuzz_target!(|data: &[u8]| {
    let with_td = Options { task_definition: Some(TASK_DEFINITION.to_owned()), ..Options::default() };
    for options in [Options::default(), with_td] {
        let report = check_bytes(data, &options).expect("options are valid");
        let Ok(text) = std::str::from_utf8(data) else { continue };
        let doc = Document::parse(text.strip_prefix('\u{feff}').map_or(text, |_| text));
        for d in &report.diagnostics {
            assert!(d.start <= d.end && (d.end as usize) <= text.len(), "{d:?}");
            assert!(text.is_char_boundary(d.start as usize) && text.is_char_boundary(d.end as usize), "{d:?}");
            if let Ok(doc) = &doc {
                let node = doc.resolve(&d.pointer).unwrap_or_else(|| panic!("pointer does not resolve: {d:?}"));
                assert!(doc.member_range(node).contains_range(TextRange::new(d.start, d.end)), "{d:?}");
            }
        }
        if data.len() < 4096 {
            let _ = runtask_core::extract::check_yaml(text, &options).expect("options are valid");
        }
    }
});
