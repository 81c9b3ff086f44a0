//! The diagnostics an answer carries: bounded, whatever the request (issue 9: a crafted 60 KiB
//! body once produced a 3.2 MB answer).
//!
//! At most [`MAX_DIAGNOSTICS`] and [`MAX_DIAGNOSTICS_BYTES`]; errors are taken before warnings
//! and notes, then listed in document order; environment values are scrubbed. `total` is how many
//! runtask-core reported, so a client can say "and N more". A finding of a live rule (made against
//! the AWS account, RT850–RT899) carries `"live": true`.

use runtask_core::{Report, Severity};
use serde_json::Value;

use crate::limits::{MAX_DIAGNOSTICS, MAX_DIAGNOSTICS_BYTES};
use crate::redact::scrub_value;

/// The diagnostics of one answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostics {
    /// The CLI's `--format json` objects.
    pub list: Vec<Value>,
    /// How many the report had.
    pub total: usize,
}

impl Diagnostics {
    /// The first diagnostics of `report`, with `secrets` scrubbed.
    #[must_use]
    pub fn of(report: &Report, secrets: &[String]) -> Self {
        let all = &report.diagnostics;
        let errors = (0..all.len()).filter(|&i| all[i].severity == Severity::Error);
        let others = (0..all.len()).filter(|&i| all[i].severity != Severity::Error);
        let mut chosen: Vec<(usize, Value)> = Vec::new();
        let mut bytes = 0;
        for i in errors.chain(others).take(MAX_DIAGNOSTICS) {
            let mut v = serde_json::to_value(&all[i]).unwrap_or(Value::Null);
            if runtask_core::registry::find(all[i].code).is_some_and(|r| r.live) {
                v["live"] = Value::Bool(true);
            }
            scrub_value(&mut v, secrets);
            bytes += serde_json::to_string(&v).map_or(0, |s| s.len());
            if bytes > MAX_DIAGNOSTICS_BYTES {
                break;
            }
            chosen.push((i, v));
        }
        chosen.sort_by_key(|(i, _)| *i);
        Diagnostics { list: chosen.into_iter().map(|(_, v)| v).collect(), total: all.len() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(text: &str) -> Report {
        runtask_core::check_bytes(text.as_bytes(), &runtask_core::Options::default()).unwrap()
    }

    #[test]
    fn errors_first_then_document_order_and_the_total() {
        let tags: Vec<String> = (0..150).map(|i| format!(r#"{{"key":"aws:t{i}","value":"v"}}"#)).collect();
        let r = report(&format!(r#"{{"taskDefinition":"web:1","tags":[{}]}}"#, tags.join(",")));
        let d = Diagnostics::of(&r, &[]);
        assert_eq!(d.total, r.diagnostics.len());
        assert_eq!(d.list.len(), MAX_DIAGNOSTICS);
        assert!(d.list.iter().all(|v| v["severity"] == "error"));
        let starts: Vec<u64> = d.list.iter().map(|v| v["start"].as_u64().unwrap()).collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");

        let few = report(r#"{"taskDefinition":"web:1","count":0}"#);
        let d = Diagnostics::of(&few, &[]);
        assert_eq!((d.list.len(), d.total), (few.diagnostics.len(), few.diagnostics.len()));
    }

    #[test]
    fn long_quotes_stop_at_the_byte_budget() {
        // Unknown members with long names: each diagnostic quotes its name.
        let members: Vec<String> = (0..60).map(|i| format!(r#""{}{i}":1"#, "x".repeat(900))).collect();
        let r = report(&format!(r#"{{"taskDefinition":"web:1",{}}}"#, members.join(",")));
        let d = Diagnostics::of(&r, &[]);
        let size: usize = d.list.iter().map(|v| v.to_string().len()).sum();
        assert!(size <= MAX_DIAGNOSTICS_BYTES, "{size}");
        assert!(d.total >= d.list.len());
    }
}
