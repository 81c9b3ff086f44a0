//! Every dialect reader on arbitrary text (state machines, templates, scheduler input, scripts,
//! Makefiles, Dockerfiles, workflows): never panics; every range lies on char boundaries inside
//! the input, in order; a pointer into the file resolves when the file is JSON; detection never
//! panics either.

#![no_main]

use libfuzzer_sys::fuzz_target;
use runtask_core::dialect::{check_source, detect, Dialect, Files};
use runtask_core::json::Document;
use runtask_core::Options;

/// `file://` references read as a small request, or not at all.
struct Fixed;

impl Files for Fixed {
    fn read(&self, reference: &str) -> Result<String, String> {
        if reference.len() % 2 == 0 {
            Ok(r#"{"cpu": "256", "memory": "9999"}"#.to_owned())
        } else {
            Err("no such file".to_owned())
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = detect(Some("x.yaml"), text);
    let _ = detect(None, text);
    let json = Document::parse(text).ok();
    for dialect in Dialect::ALL {
        let report = check_source(Some("fuzz"), data, dialect, &Options::default(), &Fixed).expect("options are valid");
        for d in &report.diagnostics {
            assert!(d.start <= d.end && (d.end as usize) <= text.len(), "{dialect}: {d:?}");
            assert!(text.is_char_boundary(d.start as usize) && text.is_char_boundary(d.end as usize), "{dialect}: {d:?}");
            if let (Some(doc), false) = (&json, d.pointer.is_empty()) {
                assert!(doc.resolve(&d.pointer).is_some(), "{dialect}: pointer does not resolve: {d:?}");
            }
            if let Some(f) = &d.fix {
                for e in &f.edits {
                    assert!(e.start <= e.end && (e.end as usize) <= text.len() && text.is_char_boundary(e.start as usize) && text.is_char_boundary(e.end as usize), "{dialect}: {d:?}");
                }
            }
        }
    }
});
