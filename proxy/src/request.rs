//! What the proxy reads from a validated RunTask request, the clientToken insertion, and the
//! allow-lists.

use runtask_core::json::{Document, Kind};

/// The members of a request that the proxy acts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    /// `cluster` as given (name or ARN); `None` means ECS's `default` cluster.
    pub cluster: Option<String>,
    pub task_definition: Option<String>,
    pub client_token: Option<String>,
    /// Environment override values, for scrubbing free text.
    pub secrets: Vec<String>,
}

/// Members that decide where a task runs or whether it is a retry. A duplicate could be read one
/// way by the allow-list and another by ECS, so the proxy refuses them.
const SINGLE_MEMBERS: &[&str] = &["cluster", "taskDefinition", "clientToken"];

/// Reads the fields; `Err` names a member that appears more than once at the top level.
pub fn fields(text: &str) -> Result<Fields, String> {
    let doc = Document::parse_from(text, if text.starts_with('\u{feff}') { 3 } else { 0 }).map_err(|e| e.message())?;
    let root = doc.root();
    if doc.kind(root) != Kind::Object {
        return Err("the request is not a JSON object".to_owned());
    }
    for name in SINGLE_MEMBERS {
        let n = doc.children(root).filter(|&c| doc.key(c).as_deref() == Some(*name)).count();
        if n > 1 {
            return Err(format!("`{name}` appears {n} times; the proxy sends only requests where it appears once"));
        }
    }
    let string = |name: &str| doc.get_str(root, name).map(|s| s.into_owned());
    Ok(Fields {
        cluster: string("cluster"),
        task_definition: string("taskDefinition"),
        client_token: string("clientToken"),
        secrets: crate::redact::secrets_of(&doc),
    })
}

/// `text` with `"clientToken":"<token>"` inserted right after the opening `{`, everything else
/// byte-identical. `None` when the text does not start (after whitespace or a BOM) with `{`.
#[must_use]
pub fn insert_client_token(text: &str, token: &str) -> Option<String> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lead = text.len() - body.len() + (body.len() - body.trim_start().len());
    if !text[lead..].starts_with('{') {
        return None;
    }
    let after = lead + 1;
    let empty = text[after..].trim_start().starts_with('}');
    let member = serde_json::to_string(token).ok()?;
    let mut out = String::with_capacity(text.len() + member.len() + 16);
    out.push_str(&text[..after]);
    out.push_str("\"clientToken\":");
    out.push_str(&member);
    if !empty {
        out.push(',');
    }
    out.push_str(&text[after..]);
    Some(out)
}

/// The last segment of a resource ARN (`arn:...:cluster/NAME` → `NAME`), or the value itself.
fn resource_name(value: &str) -> &str {
    match runtask_core::arn::parse(value) {
        Some(arn) => arn.resource.rsplit('/').next().unwrap_or(arn.resource),
        None => value,
    }
}

/// The cluster name a request targets (`default` when it names none).
#[must_use]
pub fn cluster_name(cluster: Option<&str>) -> &str {
    cluster.map_or("default", resource_name)
}

/// The family of `family`, `family:revision` or a task definition ARN.
#[must_use]
pub fn family(task_definition: &str) -> &str {
    let name = resource_name(task_definition);
    name.split(':').next().unwrap_or(name)
}

/// An allow-list: empty allows everything; entries are names (or ARNs, compared whole).
#[derive(Debug, Clone, Default)]
pub struct AllowList(pub Vec<String>);

impl AllowList {
    #[must_use]
    pub fn allows(&self, name: &str, given: &str) -> bool {
        self.0.is_empty() || self.0.iter().any(|e| e == name || (e.starts_with("arn:") && (e == given || given.strip_prefix(e.as_str()).is_some_and(|r| r.starts_with(':')))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserts_after_the_brace_and_keeps_the_rest() {
        let t = " {\n  \"taskDefinition\": \"web\"\n}\n";
        assert_eq!(insert_client_token(t, "abc").unwrap(), " {\"clientToken\":\"abc\",\n  \"taskDefinition\": \"web\"\n}\n");
        assert_eq!(insert_client_token("{ }", "a").unwrap(), "{\"clientToken\":\"a\" }");
        assert_eq!(insert_client_token("\u{feff}{}", "a").unwrap(), "\u{feff}{\"clientToken\":\"a\"}");
        assert_eq!(insert_client_token("[]", "a"), None);
    }

    #[test]
    fn reads_fields_and_refuses_duplicates() {
        let f = fields(r#"{"cluster":"c\u0031","taskDefinition":"web:3"}"#).unwrap();
        assert_eq!(f.cluster.as_deref(), Some("c1"));
        assert_eq!(f.client_token, None);
        assert!(fields(r#"{"cluster":"a","clu\u0073ter":"b"}"#).unwrap_err().contains("`cluster` appears 2 times"));
    }

    #[test]
    fn names_and_allow_lists() {
        assert_eq!(cluster_name(None), "default");
        assert_eq!(cluster_name(Some("arn:aws:ecs:us-east-1:123456789012:cluster/prod")), "prod");
        assert_eq!(family("arn:aws:ecs:us-east-1:123456789012:task-definition/web:3"), "web");
        assert_eq!(family("web:3"), "web");
        assert_eq!(family("web"), "web");
        let list = AllowList(vec!["web".into()]);
        assert!(list.allows("web", "web:3"));
        assert!(!list.allows("api", "api"));
        assert!(AllowList::default().allows("x", "x"));
        let arn = AllowList(vec!["arn:aws:ecs:us-east-1:123456789012:task-definition/web".into()]);
        assert!(arn.allows("web", "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3"));
        assert!(!arn.allows("web", "arn:aws:ecs:us-east-1:999999999999:task-definition/web:3"));
    }
}
