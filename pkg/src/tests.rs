use serde_json::{json, Value};

use super::compact::{Compact, RuleTexts, NONE};
use super::*;

const INPUTS: &[&str] = &[
    include_str!("../../tests/inputs/typical-fargate.json"),
    include_str!("../../tests/inputs/large-near-limits.json"),
    include_str!("../../tests/inputs/invalid-many-mistakes.json"),
    "{\r\n  \"taskDefinition\": \"web:1\", \"launchType\": \"fargate\",\r\n  \"tags\": [{\"key\": \"チーム\", \"value\": \"開発🚀!\"}, {\"key\": \"team\", \"value\": \"x\"}, {\"key\": \"team\", \"value\": \"y\"}],\r\n  \"count\": 11, \"group\": null\r\n}",
    "\u{feff}{\"taskDefinition\": \"web:1\"}",
    "{\"taskDefinition\": ",
];

fn report(src: &str) -> runtask_core::Report {
    runtask_core::check(src, &Options::default()).unwrap()
}

/// Reads the compact form back, as `js/build-result.js` does.
struct Reader<'c> {
    nums: &'c [u32],
    i: usize,
    ascii: Vec<u16>,
    at: usize,
    other: Vec<u16>,
    other_at: usize,
}

impl Reader<'_> {
    fn num(&mut self) -> u32 {
        self.i += 1;
        self.nums[self.i - 1]
    }
    fn nums(&mut self, n: usize) -> Vec<u32> {
        (0..n).map(|_| self.num()).collect()
    }
    fn text(&mut self) -> String {
        let n = self.num();
        let len = (n >> 1) as usize;
        if n & 1 == 0 {
            self.at += len;
            String::from_utf16(&self.ascii[self.at - len..self.at]).unwrap()
        } else {
            self.other_at += len;
            String::from_utf16(&self.other[self.other_at - len..self.other_at]).unwrap()
        }
    }
    fn optional(&mut self) -> Option<String> {
        if self.nums[self.i] == NONE {
            self.i += 1;
            None
        } else {
            Some(self.text())
        }
    }
}

/// What `js/build-result.js` keeps of each rule: its code, name and catalogue rows.
type KeptRules = std::collections::HashMap<u32, (String, String, Vec<String>)>;

/// Decodes `c` as `js/build-result.js` does, with no rule texts kept from earlier calls.
fn decode(c: &Compact) -> Value {
    decode_keeping(c, &mut KeptRules::new())
}

fn decode_keeping(c: &Compact, kept: &mut KeptRules) -> Value {
    let mut r = Reader { nums: &c.nums, i: 0, ascii: c.ascii.encode_utf16().collect(), at: 0, other: c.other.encode_utf16().collect(), other_at: 0 };
    assert!(c.ascii.is_ascii());
    let ok = r.num() == 1;
    let count = r.num();
    let mut diagnostics = Vec::new();
    for _ in 0..count {
        let severity = ["error", "warning", "info"][r.num() as usize];
        let rule = r.num();
        let (code, name, catalogue) = if rule & 3 == 0 {
            kept.get(&(rule >> 2)).expect("a rule sent by number was kept").clone()
        } else {
            let (code, name) = (r.text(), r.text());
            let catalogue: Vec<String> = (0..r.num()).map(|_| r.text()).collect();
            if rule & 3 == 1 {
                kept.insert(rule >> 2, (code.clone(), name.clone(), catalogue.clone()));
            }
            (code, name, catalogue)
        };
        let (pointer, message) = (r.text(), r.text());
        let (help, note, member) = (r.optional(), r.optional(), r.optional());
        let n = r.nums(10);
        let mut labels = Vec::new();
        for _ in 0..r.num() {
            let (pointer, message) = (r.text(), r.text());
            let l = r.nums(7);
            labels.push(json!({"pointer": pointer, "message": message, "line": l[0], "column": l[1], "utf16Column": l[2], "start": l[3], "end": l[4], "utf16Start": l[5], "utf16End": l[6]}));
        }
        let fix = if r.num() == 1 {
            let applicability = ["safe", "unsafe"][r.num() as usize];
            let description = r.text();
            let mut edits = Vec::new();
            for _ in 0..r.num() {
                let e = r.nums(4);
                edits.push(json!({"start": e[0], "end": e[1], "utf16Start": e[2], "utf16End": e[3], "content": r.text()}));
            }
            json!({"applicability": applicability, "description": description, "edits": edits})
        } else {
            Value::Null
        };
        let mut d = json!({
            "severity": severity, "code": code, "pointer": pointer, "line": n[0], "column": n[1], "message": message,
            "help": help, "name": name, "note": note, "member": member, "endLine": n[2], "endColumn": n[3], "utf16Column": n[4],
            "utf16EndColumn": n[5], "start": n[6], "end": n[7], "utf16Start": n[8], "utf16End": n[9],
            "labels": labels, "fix": fix, "catalogue": catalogue,
        });
        for key in ["request", "location"] {
            if let Some(v) = r.optional() {
                d[key] = json!(v);
            }
        }
        diagnostics.push(d);
    }
    assert_eq!(r.i, c.nums.len(), "numbers left over");
    assert_eq!(r.at, r.ascii.len(), "text left over");
    assert_eq!(r.other_at, r.other.len(), "text left over");
    json!({"ok": ok, "diagnostics": diagnostics})
}

/// The compact form holds exactly what the typed result holds: on a first call, when the rule
/// texts were kept from earlier calls (and sent by number), and when a call's reading failed
/// (its texts not kept: sent again).
#[test]
fn compact_form_round_trips() {
    let mut texts = RuleTexts::new();
    let mut kept = KeptRules::new();
    let mut by_number = 0;
    for round in 0..2 {
        for src in INPUTS {
            let r = report(src);
            let ok = !r.has_errors();
            let expected = serde_json::to_value(convert(r.clone())).unwrap();
            assert_eq!(decode(&Compact::encode(&r, &RuleTexts::new())), expected, "{src}");
            // A reading that failed (`keep` not called): the same texts are sent again.
            let failed = Compact::encode(&r, &texts);
            let c = Compact::encode(&r, &texts);
            assert_eq!((&failed.nums, &failed.ascii), (&c.nums, &c.ascii));
            let decoded = decode_keeping(&c, &mut kept);
            texts.keep(&c);
            assert_eq!(decoded["ok"], json!(ok));
            assert_eq!(decoded, expected, "{src}");
            if round == 1 {
                // Every rule of the second round was kept in the first: no code is sent again.
                assert!(!c.ascii.contains("RT"), "{}", c.ascii);
                by_number += r.diagnostics.len();
            }
        }
    }
    assert!(by_number > 40, "{by_number}");
}

/// A diagnostic whose name or catalogue are not the texts kept under its code's number (no rule
/// makes one) is sent with its own texts, and does not replace the kept ones.
#[test]
fn other_texts_under_a_kept_number_are_sent_alone() {
    let r = report(INPUTS[2]);
    let mut texts = RuleTexts::new();
    let mut kept = KeptRules::new();
    let first = Compact::encode(&r, &texts);
    decode_keeping(&first, &mut kept);
    texts.keep(&first);
    let mut odd = r.clone();
    odd.diagnostics.truncate(1);
    odd.diagnostics[0].name = "another-name";
    odd.diagnostics[0].catalogue = &["R-XX-01"];
    let c = Compact::encode(&odd, &texts);
    assert_eq!(decode_keeping(&c, &mut kept), serde_json::to_value(convert(odd)).unwrap());
    texts.keep(&c);
    // The kept texts are still the rule's own.
    let again = Compact::encode(&r, &texts);
    assert_eq!(decode_keeping(&again, &mut kept), serde_json::to_value(convert(r)).unwrap());
}

#[test]
fn options_errors_are_core_errors() {
    let bad = Options { select: vec!["RT999".into()], ..Options::default() };
    assert!(matches!(validate_bytes_native(b"{}", &bad), Err(OptionsError::Core(_))));
}

/// `rule_infos` exists with the documentation (the `docs` feature: the native build and the docs
/// example; the `.wasm` leaves it out).
#[cfg(feature = "docs")]
#[test]
fn rules_and_fargate_sizes() {
    let rules = rule_infos();
    assert_eq!(rules.len(), runtask_core::rules().len());
    assert!(rules.iter().all(|r| r.reference.as_deref().is_some_and(|u| u.starts_with("https://")) && !r.docs.is_empty()));
    let sizes = fargate_sizes_native();
    assert_eq!(sizes.iter().filter(|s| s.confirmed).count(), runtask_core::data::fargate::FARGATE_TIERS.len());
    assert_eq!(sizes[0].cpu, 256);
}

/// Issue 10: requests in a state machine, a template and a script (the README's examples).
const DIALECT_INPUTS: &[(&str, &str)] = &[
    ("manage-ecs-task.asl.json", include_str!("../../docs/examples/manage-ecs-task.asl.json")),
    ("nightly-report.yaml", include_str!("../../docs/examples/nightly-report.yaml")),
    ("run-report.sh", include_str!("../../docs/examples/run-report.sh")),
];

/// Detected from the content and name, with `request` and `location` as in the CLI's JSON, and
/// through the compact form unchanged.
#[cfg(feature = "dialects")]
#[test]
fn requests_where_they_live_carry_request_and_location() {
    for (name, src) in DIALECT_INPUTS {
        let how = Source { dialect: None, filename: Some((*name).to_owned()) };
        let core = how.check(src.as_bytes(), &Options::default()).unwrap();
        assert!(core.diagnostics.iter().any(|d| d.location.is_some() && d.request.is_some()), "{name}: {:#?}", core.diagnostics);
        let ours = serde_json::to_value(convert(core.clone())).unwrap();
        assert_eq!(decode(&Compact::encode(&core, &RuleTexts::new())), ours, "{name}");
        // The content alone is enough for the state machine and the template.
        if !name.ends_with(".sh") {
            let unnamed = Source::default().check(src.as_bytes(), &Options::default()).unwrap();
            assert_eq!(unnamed.diagnostics.len(), core.diagnostics.len(), "{name}");
        }
    }
}

#[cfg(feature = "dialects")]
#[test]
fn the_dialect_can_be_forced() {
    let (_, machine) = DIALECT_INPUTS[0];
    let as_request = Source { dialect: Some(Dialect::Request), filename: None }.check(machine.as_bytes(), &Options::default()).unwrap();
    assert!(as_request.diagnostics.iter().any(|d| d.code == "RT101" && d.message.contains("StartAt")), "{:#?}", as_request.diagnostics);
    assert!(as_request.diagnostics.iter().all(|d| d.location.is_none()));
    // A script given without a name is still found by its content.
    let script = b"aws ecs run-task --task-definition web:3 --count 0\n";
    let r = Source::default().check(script, &Options::default()).unwrap();
    assert!(r.diagnostics.iter().any(|d| d.code == "RT106" && d.location.as_deref() == Some("line 1: aws ecs run-task")), "{:#?}", r.diagnostics);
    // A request file named .yaml is read as YAML.
    let r = Source { dialect: None, filename: Some("run-task.yaml".into()) }.check(b"taskDefinition: web:3\ncount: 0\n", &Options::default()).unwrap();
    assert!(r.diagnostics.iter().any(|d| d.code == "RT106" && d.line == 2), "{:#?}", r.diagnostics);
}

/// What the validator's `.wasm` (built without the dialect readers) checks itself, and what it
/// hands to the readers' `.wasm`: requests in JSON stay, whatever else goes, with its dialect.
#[test]
fn only_json_requests_are_checked_without_the_readers() {
    for src in INPUTS {
        let plan = Source::default().plan(src.as_bytes());
        assert!(matches!(plan, Plan::Prepared(_) | Plan::Bytes), "{src}");
        // The same report as core's check, without the readers.
        let here = Source::default().check_request(src.as_bytes(), &Options::default()).unwrap().unwrap();
        assert_eq!(here.diagnostics, report(src).diagnostics, "{src}");
    }
    let expected = [Dialect::StateMachine, Dialect::Cloudformation, Dialect::Shell];
    for ((name, src), want) in DIALECT_INPUTS.iter().zip(expected) {
        let named = Source { dialect: None, filename: Some((*name).to_owned()) };
        assert!(matches!(named.plan(src.as_bytes()), Plan::Reader(d) if d == want), "{name}");
        assert!(named.check_request(src.as_bytes(), &Options::default()).is_none(), "{name}");
    }
    // A request named .yaml goes to the readers as a request; forced to `request`, a state
    // machine stays (and is checked as a request).
    let yaml = Source { dialect: None, filename: Some("run-task.yml".into()) };
    assert!(matches!(yaml.plan(b"taskDefinition: web:3\n"), Plan::Reader(Dialect::Request)));
    assert!(matches!(yaml.plan(b"{\"taskDefinition\": \"web:3\"}"), Plan::Reader(Dialect::Request)));
    let forced = Source { dialect: Some(Dialect::Request), filename: None };
    assert!(matches!(forced.plan(DIALECT_INPUTS[0].1.as_bytes()), Plan::Bytes));
    let script = Source { dialect: Some(Dialect::Shell), filename: None };
    assert!(matches!(script.plan(b"{}"), Plan::Reader(Dialect::Shell)));
}
