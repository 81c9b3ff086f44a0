//! RT330–RT369: task and container overrides: the 8192-character limit, roles, container
//! cpu/memory against the task, environment, environment files, resource requirements.

use crate::context::Request;
use crate::json::{Document, Kind, NodeId};
use crate::registry::Rule;

pub mod container_cpu_exceeds_task;
pub mod container_memory_below_minimum;
pub mod container_memory_exceeds_task;
pub mod container_override_without_name;
pub mod elastic_inference_requested;
pub mod empty_container_override;
pub mod environment_file_without_env_extension;
pub mod environment_files_on_old_platform;
pub mod environment_files_on_windows;
pub mod gpu_on_fargate;
pub mod gpu_sharing_on_external;
pub mod invalid_environment_file_arn;
pub mod invalid_gpu_amount_members;
pub mod invalid_gpu_count_value;
pub mod invalid_neuron_device_request;
pub mod invalid_override_role_arn;
pub mod memory_reservation_above_memory;
pub mod overrides_too_long;
pub mod secret_like_environment_variable;

pub(crate) static RULES: &[&Rule] = &[
    &overrides_too_long::RULE,
    &invalid_override_role_arn::RULE,
    &elastic_inference_requested::RULE,
    &container_cpu_exceeds_task::RULE,
    &container_memory_exceeds_task::RULE,
    &container_override_without_name::RULE,
    &empty_container_override::RULE,
    &memory_reservation_above_memory::RULE,
    &container_memory_below_minimum::RULE,
    &secret_like_environment_variable::RULE,
    &invalid_environment_file_arn::RULE,
    &environment_file_without_env_extension::RULE,
    &environment_files_on_old_platform::RULE,
    &environment_files_on_windows::RULE,
    &gpu_on_fargate::RULE,
    &invalid_gpu_amount_members::RULE,
    &invalid_gpu_count_value::RULE,
    &gpu_sharing_on_external::RULE,
    &invalid_neuron_device_request::RULE,
];

/// The container overrides that are objects (others are RT102's).
pub(crate) fn container_overrides<'d>(doc: &'d Document<'_>, req: &Request) -> impl Iterator<Item = NodeId> + 'd {
    doc.elements(req.container_overrides).filter(move |&c| doc.kind(c) == Kind::Object)
}

/// The items of `member` (an array) of every container override, with their override:
/// `environment`, `environmentFiles`, `resourceRequirements`.
pub(crate) fn override_items<'d>(doc: &'d Document<'_>, req: &Request, member: &'static str) -> impl Iterator<Item = (NodeId, NodeId)> + 'd {
    container_overrides(doc, req).flat_map(move |c| doc.elements(doc.get(c, member)).map(move |i| (c, i)))
}

/// How a message names a container override: container `web`, or `containerOverrides[2]` when it
/// has no name.
pub(crate) fn container_label(doc: &Document<'_>, node: NodeId) -> String {
    match doc.get_str(node, "name") {
        Some(name) if !name.is_empty() => format!("container `{}`", crate::rules::shape::shorten(&name, 64)),
        _ => format!("`containerOverrides[{}]`", doc.index(node)),
    }
}

/// Just the quoted container name, or `containerOverrides[i]`, for lists in messages.
pub(crate) fn container_short(doc: &Document<'_>, node: NodeId) -> String {
    match doc.get_str(node, "name") {
        Some(name) if !name.is_empty() => format!("`{}`", crate::rules::shape::shorten(&name, 64)),
        _ => format!("`containerOverrides[{}]`", doc.index(node)),
    }
}

/// The length of the compact JSON serialization of `node`, as AWS measures its 8192-character
/// overrides limit: no whitespace, members in document order, numbers as written, and strings
/// with JSON's minimal escaping (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, `\u00XX` for other
/// control characters, everything else literal, `/` unescaped). Lengths are UTF-16 code units,
/// as Java's `String.length()` counts them (ECS runs on Java): a character outside the Basic
/// Multilingual Plane (an emoji) counts 2. Walks the document; builds no strings.
#[must_use]
pub(crate) fn compact_len(doc: &Document<'_>, node: NodeId) -> usize {
    let r = doc.range(node);
    compact_len_of(&doc.source().as_bytes()[r.start as usize..r.end as usize])
}

/// One pass over the value's source bytes: white space outside strings is dropped; inside string
/// literals each escape is decoded and re-counted with minimal escaping, non-ASCII in UTF-16 units;
/// everything else counts as written.
fn compact_len_of(b: &[u8]) -> usize {
    let mut n = 0;
    let mut i = 0;
    let mut in_string = false;
    while i < b.len() {
        let c = b[i];
        if !in_string {
            match c {
                b' ' | b'\t' | b'\n' | b'\r' => {}
                b'"' => {
                    in_string = true;
                    n += 1;
                }
                _ => n += 1,
            }
            i += 1;
            continue;
        }
        // Eight plain ASCII characters at a time: no quote, no backslash, nothing above 0x7F.
        if let Some(chunk) = b.get(i..i + 8) {
            let v = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
            let quote = (v ^ 0x2222_2222_2222_2222).wrapping_sub(0x0101_0101_0101_0101) & !(v ^ 0x2222_2222_2222_2222);
            let backslash = (v ^ 0x5C5C_5C5C_5C5C_5C5C).wrapping_sub(0x0101_0101_0101_0101) & !(v ^ 0x5C5C_5C5C_5C5C_5C5C);
            if (quote | backslash | v) & 0x8080_8080_8080_8080 == 0 {
                n += 8;
                i += 8;
                continue;
            }
        }
        match c {
            b'"' => {
                in_string = false;
                n += 1;
                i += 1;
            }
            b'\\' => {
                let (units, width) = escape_len(&b[i..]);
                n += units;
                i += width;
            }
            0x80.. => {
                let (units, width) = literal_len(c);
                n += units;
                i += width;
            }
            _ => {
                n += 1;
                i += 1;
            }
        }
    }
    n
}


/// (UTF-16 units when written with minimal escaping, bytes consumed) for the escape at the
/// start of `esc` (which begins with a backslash).
fn escape_len(esc: &[u8]) -> (usize, usize) {
    match esc.get(1) {
        Some(b'u') => {
            let v = esc.get(2..6).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u32::from_str_radix(h, 16).ok());
            // A surrogate escape is one UTF-16 unit, as in the Java string.
            (v.map_or(1, escaped_char_len), 6)
        }
        Some(b'/') => (1, 2),
        _ => (2, 2),
    }
}

/// (UTF-16 units, bytes) of the literal character starting with byte `c`: one unit, two for
/// 4-byte UTF-8 (outside the BMP). The parser rejects literal control characters, and quotes
/// are always escaped.
fn literal_len(c: u8) -> (usize, usize) {
    match c {
        0xF0..=0xFF => (2, 4),
        0xE0..=0xEF => (1, 3),
        0xC0..=0xDF => (1, 2),
        _ => (1, 1),
    }
}

/// The minimal escaped length of the code unit `v` inside a JSON string.
fn escaped_char_len(v: u32) -> usize {
    match v {
        0x22 | 0x5C | 0x08 | 0x09 | 0x0A | 0x0C | 0x0D => 2,
        0x00..=0x1F => 6,
        _ => 1,
    }
}

/// Words that make an environment variable's name look like a secret (compared ignoring case).
const SECRET_WORDS: &[&str] =
    &["PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "PRIVATEKEY", "ACCESS_KEY", "CREDENTIAL"];

/// Endings that make such a name a pointer to a secret rather than the secret itself
/// (`DB_SECRET_ARN`, `TOKEN_TTL`).
const REFERENCE_ENDINGS: &[&str] = &[
    "_ARN", "_NAME", "_ID", "_PATH", "_FILE", "_PARAM", "_PARAMETER", "_URL", "_URI", "_ENDPOINT", "_REGION", "_TTL", "_EXPIRY",
    "_EXPIRES", "_TIMEOUT", "_LENGTH", "_HEADER", "_TYPE",
];

/// Whether an environment variable's name looks like it holds a secret: `DB_PASSWORD`,
/// `apiToken`, `STRIPE_API_KEY`; not `DB_SECRET_ARN` or `TOKEN_TTL`.
#[must_use]
pub(crate) fn is_secret_name(name: &str) -> bool {
    SECRET_WORDS.iter().any(|w| contains_upper(name, w)) && !REFERENCE_ENDINGS.iter().any(|e| ends_with_upper(name, e))
}

/// `haystack` ends with `suffix` (ASCII upper case) ignoring ASCII case.
fn ends_with_upper(haystack: &str, suffix: &str) -> bool {
    let (h, s) = (haystack.as_bytes(), suffix.as_bytes());
    h.len() >= s.len() && h[h.len() - s.len()..].iter().zip(s).all(|(a, b)| a.to_ascii_uppercase() == *b)
}

/// One container's part of a task-level size: the container override, the node of its value,
/// the value, and which member it is (`cpu`, `memory` or `memoryReservation`).
pub(crate) struct Share {
    pub container: NodeId,
    pub node: NodeId,
    pub value: i64,
    pub member: &'static str,
}

/// The shares of the container overrides that set `member` (or, for memory, `memoryReservation`
/// when `memory` is absent), skipping values that are not non-negative integers (RT102/RT106).
pub(crate) fn shares(doc: &Document<'_>, req: &Request, members: &[&'static str]) -> Vec<Share> {
    container_overrides(doc, req)
        .filter_map(|c| {
            members.iter().find_map(|&member| {
                let node = doc.get(c, member)?;
                let value = doc.int(node).filter(|v| *v >= 0)?;
                Some(Share { container: c, node, value, member })
            })
        })
        .collect()
}

/// `` `web` 1024 + `worker` 512 ``: each container's share for a message; at most eight are named.
pub(crate) fn share_list(doc: &Document<'_>, shares: &[Share], unit: &str, tag_member: Option<&str>) -> String {
    let mut parts: Vec<String> = shares
        .iter()
        .take(8)
        .map(|s| {
            let tag = match tag_member {
                Some(m) if s.member != m => format!(" ({})", s.member),
                _ => String::new(),
            };
            format!("{} {}{unit}{tag}", container_short(doc, s.container), s.value)
        })
        .collect();
    if shares.len() > 8 {
        let rest: i128 = shares[8..].iter().map(|s| i128::from(s.value)).sum();
        parts.push(format!("{} more containers {rest}{unit}", shares.len() - 8));
    }
    parts.join(" + ")
}

/// `haystack` contains `needle` (ASCII upper case) ignoring ASCII case, without allocating.
#[must_use]
pub(crate) fn contains_upper(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w.iter().zip(n).all(|(a, b)| a.to_ascii_uppercase() == *b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn len(src: &str) -> usize {
        let doc = Document::parse(src).unwrap();
        compact_len(&doc, doc.root())
    }

    #[test]
    fn compact_length_matches_serde_json_for_ascii() {
        for src in [
            r#"{"containerOverrides": [ {"name": "web", "command": ["sh", "-c", "echo \"hi\" \\ done"]} ], "cpu": "256"}"#,
            r#"[1, -2.5, true, false, null, {}, [], ""]"#,
            "{\n  \"a\" : { \"b\" : [ 1 , 2 ] }\n}",
            r#"{"s": "tab\there\nnew line \r \b \f \u0001 \u001f"}"#,
        ] {
            let v: serde_json::Value = serde_json::from_str(src).unwrap();
            assert_eq!(len(src), serde_json::to_string(&v).unwrap().len(), "{src}");
        }
    }

    #[test]
    fn compact_length_never_exceeds_the_source_length() {
        // overrides_too_long skips the count when the source text fits: this must hold.
        for src in [
            r#""\u0000\u001f\"\\\/\b\f\n\r\t""#,
            "\"😀é€\"",
            r#""\ud83d\ude00\ud800""#,
            "{ \"a\" : [ 1 , 2.50e3 , true , null ] }",
            "\"\u{7f}\"",
        ] {
            assert!(len(src) <= src.len(), "{src}: {} > {}", len(src), src.len());
        }
    }

    #[test]
    fn numbers_count_as_written() {
        // serde_json would print 1000.0 and 0.5; AWS receives the text as sent.
        assert_eq!(len("[1e3, 0.50, -0]"), "[1e3,0.50,-0]".len());
    }

    #[test]
    fn escapes_are_recounted_minimally() {
        // "\/" is written "/", "\u0041" is "A", "\u00e9" is one unit.
        assert_eq!(len(r#""\/\u0041\u00e9""#), 5);
        // A quote or backslash written as \u escapes still needs two characters.
        assert_eq!(len(r#""\u0022\u005c""#), 6);
        // Control characters without a short escape take six.
        assert_eq!(len(r#""\u0000""#), 8);
    }

    #[test]
    fn non_ascii_counts_utf16_units() {
        // é and € are one unit each; 😀 (U+1F600) is two, written literally or as a surrogate pair.
        assert_eq!(len("\"é€\""), 4);
        assert_eq!(len("\"😀\""), 4);
        assert_eq!(len(r#""\ud83d\ude00""#), 4);
        assert_eq!(len("{\"ключ\": \"😀\"}"), 2 + 6 + 1 + 4);
    }

    #[test]
    fn secret_names() {
        for name in ["DB_PASSWORD", "apiToken", "STRIPE_API_KEY", "client_secret", "GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY", "SSH_PRIVATE_KEY", "apiKey"] {
            assert!(is_secret_name(name), "{name}");
        }
        for name in ["PATH", "DB_SECRET_ARN", "TOKEN_TTL", "PASSWORD_PARAMETER_NAME", "LOG_LEVEL", "secret_name", "KEYCLOAK_REALM"] {
            assert!(!is_secret_name(name), "{name}");
        }
    }

    fn report(request: &str, td: Option<&str>) -> Vec<crate::Diagnostic> {
        let options = crate::Options { task_definition: td.map(str::to_owned), ..crate::Options::default() };
        crate::check(request, &options).unwrap().diagnostics
    }

    const NET: &str = r#""networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}"#;

    #[test]
    fn environment_values_never_appear_in_findings() {
        let secret = "hunter2-S3CR3T";
        let env: Vec<String> = (0..120).map(|i| format!(r#"{{"name": "DB_PASSWORD_{i}", "value": "{secret}-{i:04}-padding-padding-padding"}}"#)).collect();
        let request = format!(
            r#"{{"taskDefinition": "web:3", "launchType": "FARGATE", {NET}, "overrides": {{"cpu": "256", "memory": "512",
              "containerOverrides": [{{"environment": [{}], "cpu": 512, "memory": 5, "memoryReservation": 9}}]}}}}"#,
            env.join(",")
        );
        let diagnostics = report(&request, None);
        let codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
        for code in ["RT330", "RT333", "RT335", "RT337", "RT338", "RT339"] {
            assert!(codes.contains(&code), "{code} should fire: {codes:?}");
        }
        for d in &diagnostics {
            let texts = [Some(d.message.as_str()), d.help.as_deref(), d.note.as_deref()];
            for t in texts.into_iter().flatten().chain(d.labels.iter().map(|l| l.message.as_str())) {
                assert!(!t.contains(secret), "{} echoes an environment value: {t}", d.code);
            }
        }
    }

    #[test]
    fn secret_like_names_are_reported_once_per_request() {
        let request = r#"{"taskDefinition": "web:3", "overrides": {"containerOverrides": [
            {"name": "web", "environment": [{"name": "DB_PASSWORD", "value": "a"}, {"name": "API_TOKEN", "value": "b"}]},
            {"name": "worker", "environment": [{"name": "STRIPE_API_KEY", "value": "c"}]}]}}"#;
        let found: Vec<_> = report(request, None).into_iter().filter(|d| d.code == "RT339").collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].pointer, "/overrides/containerOverrides/0/environment/0/name");
        assert!(found[0].message.contains("and 2 more"), "{}", found[0].message);
    }

    #[test]
    fn the_only_container_of_the_task_definition_names_an_unnamed_override() {
        let td = r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx"}]}"#;
        let request = r#"{"taskDefinition": "web:3", "overrides": {"containerOverrides": [{"command": ["./migrate"]}]}}"#;
        let d = report(request, Some(td)).into_iter().find(|d| d.code == "RT335").unwrap();
        let (fixed, _) = crate::apply_fixes(request, [d.fix.as_ref().unwrap()], true);
        assert!(fixed.contains(r#"[{"name": "web", "command": ["./migrate"]}]"#), "{fixed}");
        assert!(!report(&fixed, Some(td)).iter().any(|d| d.code == "RT335"));
    }

    #[test]
    fn gpu_sharing_on_external_is_reported_once() {
        let td = r#"{"family": "model", "requiresCompatibilities": ["EXTERNAL"], "containerDefinitions": [{"name": "model", "image": "m"}]}"#;
        let overrides = r#""overrides": {"containerOverrides": [{"name": "model",
            "resourceRequirements": [{"type": "GPU", "sharingStrategy": {"nvidiaMps": {"memory": 4096}}}]}]}"#;
        let external = format!(r#"{{"taskDefinition": "model:4", "launchType": "EXTERNAL", {overrides}}}"#);
        let codes: Vec<_> = report(&external, Some(td)).into_iter().map(|d| d.code).filter(|c| *c == "RT347" || *c == "RT820").collect();
        assert_eq!(codes, ["RT347"]);
        // Without the launch type, the task definition's requirement is RT820's alone.
        let implicit = format!(r#"{{"taskDefinition": "model:4", {overrides}}}"#);
        let codes: Vec<_> = report(&implicit, Some(td)).into_iter().map(|d| d.code).filter(|c| *c == "RT347" || *c == "RT820").collect();
        assert_eq!(codes, ["RT820"]);
    }

    #[test]
    fn windows_on_ec2_ignores_task_size_so_containers_are_not_compared() {
        let td = r#"{"family": "iis", "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2019_FULL"},
            "containerDefinitions": [{"name": "iis", "image": "iis", "memory": 2048}]}"#;
        let request = r#"{"taskDefinition": "iis:1", "launchType": "EC2", "overrides": {"cpu": "1024", "memory": "1024",
            "containerOverrides": [{"name": "iis", "cpu": 2048, "memory": 4096}]}}"#;
        let codes: Vec<_> = report(request, Some(td)).into_iter().map(|d| d.code).collect();
        assert!(!codes.contains(&"RT333") && !codes.contains(&"RT334"), "{codes:?}");
        assert!(codes.contains(&"RT308"), "{codes:?}");
    }

    #[test]
    fn missing_neuron_value_fix_inserts_all() {
        let request = r#"{"taskDefinition": "llm:2", "capacityProviderStrategy": [{"capacityProvider": "mi", "weight": 1}], "overrides": {"containerOverrides": [{"name": "llm",
            "resourceRequirements": [{"type": "NeuronDevice"}]}]}}"#;
        let d = report(request, None).into_iter().find(|d| d.code == "RT348").unwrap();
        let (fixed, _) = crate::apply_fixes(request, [d.fix.as_ref().unwrap()], true);
        assert!(fixed.contains(r#"{"value": "ALL", "type": "NeuronDevice"}"#), "{fixed}");
        assert!(!report(&fixed, None).iter().any(|d| d.code == "RT348"));
    }

    #[test]
    fn case_insensitive_contains() {
        assert!(contains_upper("db_password", "PASSWORD"));
        assert!(contains_upper("apiToken", "TOKEN"));
        assert!(!contains_upper("PATH", "TOKEN"));
    }
}
