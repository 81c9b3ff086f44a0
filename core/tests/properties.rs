//! Property tests: the check never panics; every pointer resolves to a node whose range contains
//! the diagnostic's range; ranges fall on char boundaries and agree with line/column;
//! `is_valid` agrees with the report.

use proptest::prelude::*;
use runtask_core::json::{Document, LineIndex, TextRange};
use runtask_core::model::{self, ShapeKind};
use runtask_core::{check, check_bytes, is_valid, Options, Severity};

/// Member names of the model, plus near-misses, so generated objects hit the rules.
fn keys() -> Vec<String> {
    let mut names = std::collections::BTreeSet::new();
    let mut stack = vec![model::request()];
    let mut seen = std::collections::HashSet::new();
    while let Some(s) = stack.pop() {
        if !seen.insert(s.name) {
            continue;
        }
        match &s.kind {
            ShapeKind::Structure { members, .. } => {
                for m in *members {
                    names.insert(m.name.to_owned());
                    stack.push(m.shape);
                }
            }
            ShapeKind::List { member, .. } => stack.push(member),
            _ => {}
        }
    }
    let mut v: Vec<String> = names.into_iter().collect();
    v.extend(["TaskDefinition", "containerInstances", "subnet", "a/b~c", "ключ", "😀"].map(String::from));
    v
}

fn leaf() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::json;
    prop_oneof![
        Just(json!(null)),
        any::<bool>().prop_map(|b| json!(b)),
        prop_oneof![Just(0i64), Just(1), Just(-1), Just(10), Just(11), Just(256), Just(512), Just(1024), Just(2048), Just(8192), Just(16384), Just(65536), any::<i64>()].prop_map(|n| json!(n)),
        Just(json!(1.5)),
        prop_oneof![
            Just("FARGATE"), Just("EC2"), Just("EXTERNAL"), Just("FARGATE_SPOT"), Just("fargate"), Just("256"), Just("512"), Just("1024"),
            Just("2048"), Just("1 vCPU"), Just("2GB"), Just("LATEST"), Just("1.3.0"), Just("1.4.0"), Just("web:3"), Just("memberOf"),
            Just("distinctInstance"), Just("binpack"), Just("spread"), Just("random"), Just("attribute:ecs.instance-type =~ t3.*"),
            Just("attribute:ecs.os-type == linux and (task:group == db or not(agentConnected == true))"), Just("aws:x"),
            Just("arn:aws:iam::123456789012:role/r"), Just("arn:aws:s3:::b/k.env"), Just("subnet-1"), Just("sg-1"), Just("gp3"),
            Just("io2"), Just("snap-0abc"), Just("ENABLED"), Just("TASK_DEFINITION"), Just("s3"), Just("GPU"), Just("ALL"), Just(""),
            Just("日本語 テスト"), Just("a\u{0}b"), Just("line\nbreak")
        ]
        .prop_map(|s| json!(s)),
        "[ -~]{0,12}".prop_map(|s| json!(s)),
    ]
}

/// A JSON tree whose objects may repeat a member name (serde_json's maps cannot).
#[derive(Debug, Clone)]
enum J {
    Leaf(serde_json::Value),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl J {
    fn write(&self, out: &mut String, pretty: bool, depth: usize) {
        let nl = |out: &mut String, d: usize| {
            if pretty {
                out.push('\n');
                out.push_str(&"  ".repeat(d));
            }
        };
        match self {
            J::Leaf(v) => out.push_str(&v.to_string()),
            J::Arr(items) => {
                out.push('[');
                for (i, it) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    nl(out, depth + 1);
                    it.write(out, pretty, depth + 1);
                }
                out.push(']');
            }
            J::Obj(members) => {
                out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    nl(out, depth + 1);
                    out.push_str(&serde_json::to_string(k).unwrap());
                    out.push_str(if pretty { ": " } else { ":" });
                    v.write(out, pretty, depth + 1);
                }
                out.push('}');
            }
        }
    }
}

fn value(keys: Vec<String>) -> impl Strategy<Value = J> {
    leaf().prop_map(J::Leaf).prop_recursive(6, 96, 8, move |inner| {
        let keys = keys.clone();
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(J::Arr),
            // Names drawn from a pool, so repeats (duplicate members) happen.
            prop::collection::vec((prop::sample::select(keys), inner), 0..8).prop_map(J::Obj),
        ]
    })
}

fn request() -> impl Strategy<Value = String> {
    let k = keys();
    (prop::collection::vec((prop::sample::select(k.clone()), value(k)), 0..14), any::<bool>(), any::<bool>()).prop_map(|(members, pretty, crlf)| {
        let mut s = String::new();
        J::Obj(members).write(&mut s, pretty, 0);
        if crlf {
            s.replace('\n', "\r\n")
        } else {
            s
        }
    })
}

fn assert_well_located(src: &str) {
    let report = check(src, &Options::default()).unwrap();
    let index = LineIndex::new(src);
    let doc = Document::parse(src.strip_prefix('\u{feff}').map_or(src, |_| src));
    for d in &report.diagnostics {
        assert!(src.is_char_boundary(d.start as usize) && src.is_char_boundary(d.end as usize), "{d:?}");
        assert!(d.start <= d.end && d.end as usize <= src.len(), "{d:?}");
        let p = index.position(d.start);
        assert_eq!((p.line, p.column, p.utf16_column, p.utf16_offset), (d.line, d.column, d.utf16_column, d.utf16_start), "{d:?}");
        // Labels and fix edits: UTF-16 offsets as a plain count of the text before them gives.
        let utf16 = |at: u32| src[..at as usize].encode_utf16().count() as u32;
        for l in &d.labels {
            assert!(src.is_char_boundary(l.start as usize) && src.is_char_boundary(l.end as usize) && l.start <= l.end, "{l:?}");
            let p = index.position(l.start);
            assert_eq!((l.line, l.column, l.utf16_column), (p.line, p.column, p.utf16_column), "{l:?}");
            assert_eq!((l.utf16_start, l.utf16_end), (utf16(l.start), utf16(l.end)), "{l:?}");
        }
        for e in d.fix.iter().flat_map(|f| &f.edits) {
            assert!(src.is_char_boundary(e.start as usize) && src.is_char_boundary(e.end as usize), "{e:?}");
            assert_eq!((e.utf16_start, e.utf16_end), (utf16(e.start), utf16(e.end)), "{e:?}");
        }
        let Ok(doc) = &doc else { continue };
        let node = doc.resolve(&d.pointer).unwrap_or_else(|| panic!("pointer {:?} does not resolve: {d:?}\n{src}", d.pointer));
        if let Some(member) = d.member {
            // A finding about an absent member: the object has no such member.
            let child = format!("{}/{}", d.pointer, runtask_core::json::escape_segment(member));
            assert!(doc.resolve(&child).is_none(), "{} says `{member}` is missing but {child} exists\n{src}", d.code);
        }
        let range = doc.member_range(node);
        assert!(range.contains_range(TextRange::new(d.start, d.end)), "{} at {}..{} outside {:?} ({})\n{src}", d.code, d.start, d.end, range, d.pointer);
    }
    assert_eq!(is_valid(src, &Options::default()).unwrap(), !report.diagnostics.iter().any(|d| d.severity == Severity::Error));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let _ = check_bytes(&bytes, &Options::default()).unwrap();
    }

    #[test]
    fn never_panics_on_json_like_text(s in "[\\[\\]{}\",:0-9a-zA-Z .\\\\-]{0,200}") {
        let _ = check(&s, &Options::default()).unwrap();
    }

    #[test]
    fn pointers_resolve_and_ranges_contain(src in request()) {
        assert_well_located(&src);
    }
}

#[test]
fn shared_inputs_are_well_located() {
    for f in ["typical-fargate.json", "large-near-limits.json", "invalid-many-mistakes.json"] {
        let src = std::fs::read_to_string(format!("{}/../tests/inputs/{f}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        assert_well_located(&src);
    }
}

/// Found by the fuzzer: diagnostics on an earlier duplicate member pointed at a pointer that
/// resolves to the later one. Earlier duplicates are now ignored (AWS ignores them), and only
/// RT006 speaks of them.
#[test]
fn regression_fuzz_duplicate_unknown_members() {
    let src = "{\n  \"cluster\": \"batch\",\n  \"tasiDefinition\": \"web\",\n  \"tasiDefinition\": \"web:3\",\n  \"propagateTags\": \"rrides\"\n}\n";
    assert_well_located(src);
    let report = check(src, &Options::default()).unwrap();
    let unknown: Vec<_> = report.diagnostics.iter().filter(|d| d.code == "RT101").collect();
    assert_eq!(unknown.len(), 1, "{unknown:?}");
    assert_eq!(unknown[0].line, 4);
    assert!(report.diagnostics.iter().any(|d| d.code == "RT006" && d.line == 4));
}

/// Found by the fuzzer: a duplicate inside a member that is itself shadowed by a later duplicate
/// was reported with a pointer that resolves to the later member.
#[test]
fn regression_fuzz_duplicate_inside_a_shadowed_member() {
    let src = std::fs::read_to_string(format!("{}/tests/fuzz-regression-shadowed-subtree.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    assert_well_located(&src);
}

/// Labels and fix edits after non-ASCII text and `\r\n` line ends: their UTF-16 offsets differ
/// from the byte offsets, and are those of a plain count.
#[test]
fn labels_and_edits_after_non_ascii_text_carry_utf16_offsets() {
    let src = "{\r\n  \"taskDefinition\": \"web:1\",\r\n  \"tags\": [{\"key\": \"チーム\", \"value\": \"開発🚀!\"}, {\"key\": \"team\", \"value\": \"x\"}, {\"key\": \"team\", \"value\": \"y\"}],\r\n  \"launchType\": \"fargate\", \"count\": 11\r\n}";
    assert_well_located(src);
    let report = check(src, &Options::default()).unwrap();
    let label = report.diagnostics.iter().flat_map(|d| &d.labels).next().expect("a finding with a label (duplicate tag key)");
    assert!(label.utf16_start < label.start, "{label:?}");
    let edit = report.diagnostics.iter().filter(|d| d.code == "RT105").flat_map(|d| d.fix.iter().flat_map(|f| &f.edits)).next().expect("the fix of `fargate`");
    assert!(edit.utf16_start < edit.start, "{edit:?}");
    let utf16: Vec<u16> = src.encode_utf16().collect();
    assert_eq!(String::from_utf16(&utf16[edit.utf16_start as usize..edit.utf16_end as usize]).unwrap(), "\"fargate\"");
}
