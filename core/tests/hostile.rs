//! Hostile input: each gives a clear diagnostic, bounded memory and no panic.
//!
//! The cost of hostile member names (thousands of `\u`-escaped names, or every name twice) is
//! counted in decodes by `json::tests::escaped_member_names_cost_linear_work` and
//! `json::tests::repeated_escaped_member_names_cost_linear_work` (unit tests: the counter is
//! internal), and measured against an ordinary body by the `hostile-escaped-names-60KiB`
//! criterion group of `benches/check.rs`.

use runtask_core::{check, check_bytes, Options, MAX_INPUT_BYTES};

fn codes(bytes: &[u8]) -> Vec<(&'static str, String, u32, u32)> {
    check_bytes(bytes, &Options::default()).unwrap().diagnostics.into_iter().map(|d| (d.code, d.pointer, d.line, d.column)).collect()
}

#[test]
fn two_hundred_megabytes_is_refused_unread() {
    // 200 MB of a valid-looking JSON array: refused by size before any parsing.
    let mut big = Vec::with_capacity(200 * 1024 * 1024);
    big.push(b'[');
    while big.len() < 200 * 1024 * 1024 - 2 {
        big.extend_from_slice(b"1,");
    }
    big.extend_from_slice(b"1]");
    let report = check_bytes(&big, &Options::default()).unwrap();
    assert_eq!(report.diagnostics.len(), 1);
    let d = &report.diagnostics[0];
    assert_eq!(d.code, "RT002");
    assert!(d.message.contains(&format!("{} bytes", big.len())), "{}", d.message);
    assert!(big.len() >= 200 * 1024 * 1024);
}

#[test]
fn just_over_the_limit_is_refused() {
    let mut s = b"{\"taskDefinition\": \"web:3\"}".to_vec();
    s.resize(MAX_INPUT_BYTES + 1, b' ');
    assert_eq!(codes(&s)[0].0, "RT002");
    s.truncate(MAX_INPUT_BYTES);
    assert!(codes(&s).iter().all(|c| c.0 != "RT002"));
}

#[test]
fn hundred_thousand_nested_arrays() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    let c = codes(deep.as_bytes());
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].0, "RT003");
    assert_eq!((c[0].2, c[0].3), (1, 129), "points at the array that goes too deep");
}

#[test]
fn invalid_utf8_names_the_byte_and_position() {
    let c = check_bytes(b"{\n  \"startedBy\": \"caf\xe9\"\n}", &Options::default()).unwrap();
    let d = &c.diagnostics[0];
    assert_eq!(d.code, "RT004");
    assert_eq!((d.line, d.column), (2, 20));
    assert!(d.message.contains("0xE9"), "{}", d.message);
}

#[test]
fn empty_file() {
    let c = codes(b"");
    assert_eq!(c, vec![("RT001", String::new(), 1, 1)]);
    let report = check("", &Options::default()).unwrap();
    assert!(report.diagnostics[0].message.contains("empty"));
}

#[test]
fn a_json_array_is_not_a_request() {
    let c = codes(b"[{\"taskDefinition\": \"web:3\"}]");
    assert_eq!(c, vec![("RT007", String::new(), 1, 1)]);
}

#[test]
fn bom_is_reported_and_the_rest_still_checked() {
    let c = codes(b"\xef\xbb\xbf{\"taskDefinition\": \"web:3\", \"count\": 11}");
    assert!(c.iter().any(|c| c.0 == "RT005"));
    assert!(c.iter().any(|c| c.0 == "RT106" && c.1 == "/count"));
}
