//! Keeping environment values out of what the proxy answers.
//!
//! Environment values (container overrides in requests and tasks, container definitions in task
//! definitions) often hold secrets. They are masked by position in the JSON text, so everything
//! else stays byte-for-byte as it was; strings the proxy passes on from elsewhere (ECS error
//! messages, diagnostics) are scrubbed of the request's values.

use runtask_core::json::{Document, Kind, NodeId};
use serde_json::Value;

/// What a masked value becomes.
pub const MASK: &str = "<redacted>";

/// Values shorter than this are not scrubbed from free text: replacing every `1` in a message
/// would garble it, and a one-to-three character value is no secret.
const MIN_SCRUB_LEN: usize = 4;

/// Every `value` member of every object in an array member named `environment`, anywhere in the
/// document: each occurrence of a repeated `value`, whatever its type.
fn environment_values(doc: &Document<'_>) -> Vec<NodeId> {
    let mut out = Vec::new();
    for id in doc.ids() {
        if doc.kind(id) != Kind::Array || doc.key(id).as_deref() != Some("environment") {
            continue;
        }
        for element in doc.children(id) {
            if doc.kind(element) == Kind::Object {
                out.extend(doc.children(element).filter(|&member| doc.key(member).as_deref() == Some("value")));
            }
        }
    }
    out
}

/// The decoded environment values of a request, for scrubbing free text.
#[must_use]
pub fn secrets_of(doc: &Document<'_>) -> Vec<String> {
    let mut out: Vec<String> = environment_values(doc)
        .into_iter()
        .filter(|&id| doc.kind(id) == Kind::String)
        .filter_map(|id| doc.str(id))
        .map(|s| s.into_owned())
        .filter(|s| s.chars().count() >= MIN_SCRUB_LEN)
        .collect();
    // Longest first, so a value that contains another is replaced whole.
    out.sort_by_key(|s| std::cmp::Reverse(s.len()));
    out.dedup();
    out
}

/// `text` with every environment value replaced by `"<redacted>"`, and the JSON pointers of the
/// masked values. Text that is not JSON comes back unchanged.
#[must_use]
pub fn mask_text(text: &str) -> (String, Vec<String>) {
    let Ok(doc) = Document::parse(text) else {
        return (text.to_owned(), Vec::new());
    };
    let mut ranges: Vec<(u32, u32, String)> =
        environment_values(&doc).into_iter().map(|id| (doc.range(id).start, doc.range(id).end, doc.pointer(id).to_string())).collect();
    if ranges.is_empty() {
        return (text.to_owned(), Vec::new());
    }
    ranges.sort_by_key(|r| r.0);
    let mut out = String::with_capacity(text.len());
    let mut at = 0usize;
    let mut pointers = Vec::with_capacity(ranges.len());
    for (start, end, pointer) in ranges {
        out.push_str(&text[at..start as usize]);
        out.push('"');
        out.push_str(MASK);
        out.push('"');
        at = end as usize;
        pointers.push(pointer);
    }
    out.push_str(&text[at..]);
    (out, pointers)
}

/// Replaces each secret in `text`.
#[must_use]
pub fn scrub_str(text: &str, secrets: &[String]) -> String {
    let mut out = text.to_owned();
    for s in secrets {
        if out.contains(s.as_str()) {
            out = out.replace(s.as_str(), MASK);
        }
    }
    out
}

/// Replaces each secret in every string of `value`.
pub fn scrub_value(value: &mut Value, secrets: &[String]) {
    if secrets.is_empty() {
        return;
    }
    match value {
        Value::String(s) if secrets.iter().any(|x| s.contains(x.as_str())) => *s = scrub_str(s, secrets),
        Value::Array(items) => items.iter_mut().for_each(|v| scrub_value(v, secrets)),
        Value::Object(map) => map.values_mut().for_each(|v| scrub_value(v, secrets)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_override_and_definition_values_only() {
        let text = r#"{"overrides":{"containerOverrides":[{"name":"app","environment":[{"name":"A","value":"s3cr\"et"},{"name":"B"}]}]},"x":{"environment":"keep"},"value":"keep"}"#;
        let (masked, pointers) = mask_text(text);
        assert_eq!(
            masked,
            r#"{"overrides":{"containerOverrides":[{"name":"app","environment":[{"name":"A","value":"<redacted>"},{"name":"B"}]}]},"x":{"environment":"keep"},"value":"keep"}"#
        );
        assert_eq!(pointers, vec!["/overrides/containerOverrides/0/environment/0/value"]);
    }

    #[test]
    fn masks_every_occurrence_of_a_repeated_value() {
        let text = r#"{"environment":[{"name":"K","value":"first-secret","value":"second","value":{"n":1}}]}"#;
        let (masked, pointers) = mask_text(text);
        assert_eq!(masked, r#"{"environment":[{"name":"K","value":"<redacted>","value":"<redacted>","value":"<redacted>"}]}"#);
        assert_eq!(pointers.len(), 3);
        let doc = Document::parse(text).unwrap();
        assert_eq!(secrets_of(&doc), vec!["first-secret".to_owned(), "second".to_owned()]);
    }

    #[test]
    fn leaves_other_text_alone() {
        assert_eq!(mask_text("not json").0, "not json");
        let t = r#" { "a" : [ 1, 2 ] } "#;
        assert_eq!(mask_text(t), (t.to_owned(), vec![]));
    }

    #[test]
    fn secrets_are_decoded_and_long_enough() {
        let text = r#"{"environment":[{"name":"A","value":"p\u0061ssword"},{"name":"B","value":"1"}]}"#;
        let doc = Document::parse(text).unwrap();
        assert_eq!(secrets_of(&doc), vec!["password".to_owned()]);
        let mut v = serde_json::json!({"m": ["the password is wrong", 3]});
        scrub_value(&mut v, &secrets_of(&doc));
        assert_eq!(v, serde_json::json!({"m": ["the <redacted> is wrong", 3]}));
    }
}
