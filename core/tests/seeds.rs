//! The seed documents' own examples (tests/seeds/): the RunTask API reference's example request
//! (verbatim, with its doubled quote, and corrected), the `aws ecs run-task` example, and the two
//! boto3 calls of the cpu/memory-overrides post, written as JSON.

use runtask_core::{check, Options, Severity};

fn diagnostics(name: &str) -> Vec<(Severity, &'static str, String, u32, u32)> {
    let src = std::fs::read_to_string(format!("{}/tests/seeds/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    check(&src, &Options::default()).unwrap().diagnostics.into_iter().map(|d| (d.severity, d.code, d.pointer, d.line, d.column)).collect()
}

fn errors(name: &str) -> Vec<(&'static str, String)> {
    diagnostics(name).into_iter().filter(|d| d.0 == Severity::Error).map(|d| (d.1, d.2)).collect()
}

#[test]
fn api_reference_example_as_printed_has_a_doubled_quote() {
    // The API reference prints `""clientToken"`: invalid JSON, found at the doubled quote.
    let d = diagnostics("api-reference-example-verbatim.json");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!((d[0].1, d[0].3, d[0].4), ("RT001", 1, 48));
}

#[test]
fn api_reference_example_corrected_is_valid() {
    assert!(errors("api-reference-example.json").is_empty());
    // It names no revision and no cluster: the infos say what ECS will pick.
    let codes: Vec<&str> = diagnostics("api-reference-example.json").iter().map(|d| d.1).collect();
    assert!(codes.contains(&"RT112") && codes.contains(&"RT114"), "{codes:?}");
}

#[test]
fn cli_example_is_valid() {
    assert!(errors("cli-example.json").is_empty());
}

#[test]
fn blog_boto3_calls_are_valid_but_for_their_placeholder_ids() {
    // The post's first call, and the second with task cpu 512 / memory 3072 and one container
    // taking all of it (equality is valid). Their `subnet-XXXX` and `sg-XXXX` stand for IDs:
    // sent as written they can never exist, and only they are errors.
    let placeholders = [
        ("RT402", "/networkConfiguration/awsvpcConfiguration/subnets/0".to_owned()),
        ("RT402", "/networkConfiguration/awsvpcConfiguration/securityGroups/0".to_owned()),
    ];
    assert_eq!(errors("blog-boto3-run-task.json"), placeholders);
    assert_eq!(errors("blog-boto3-run-task-overrides.json"), placeholders);
}

#[test]
fn blog_overrides_break_when_the_container_asks_for_more() {
    let src = std::fs::read_to_string(format!("{}/tests/seeds/blog-boto3-run-task-overrides.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let more = src.replace("\"memory\": 3072\n", "\"memory\": 4096\n");
    assert_ne!(more, src);
    let report = check(&more, &Options::default()).unwrap();
    assert!(report.diagnostics.iter().any(|d| d.code == "RT334" && d.pointer == "/overrides/memory"), "{:#?}", report.diagnostics);
}
