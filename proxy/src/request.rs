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
    /// `overrides.taskRoleArn` and `overrides.executionRoleArn`.
    pub task_role_arn: Option<String>,
    pub execution_role_arn: Option<String>,
    /// Environment override values, for scrubbing free text.
    pub secrets: Vec<String>,
}

/// Members that decide where a task runs, with what permissions, or whether it is a retry. A
/// duplicate could be read one way by the allow-lists and another by ECS, so the proxy refuses
/// them.
const SINGLE_MEMBERS: &[&str] = &["cluster", "taskDefinition", "clientToken", "overrides"];
/// The same, inside `overrides`.
const SINGLE_OVERRIDES: &[&str] = &["taskRoleArn", "executionRoleArn"];

/// Reads the fields; `Err` says why the proxy will not send the request: a member of
/// [`SINGLE_MEMBERS`] that appears more than once, or an empty `clientToken`.
pub fn fields(text: &str) -> Result<Fields, String> {
    let doc = Document::parse_from(text, if text.starts_with('\u{feff}') { 3 } else { 0 }).map_err(|e| e.message())?;
    let root = doc.root();
    if doc.kind(root) != Kind::Object {
        return Err("the request is not a JSON object".to_owned());
    }
    let once = |object, names: &[&str], prefix: &str| {
        for name in names {
            let n = doc.children(object).filter(|&c| doc.key(c).as_deref() == Some(*name)).count();
            if n > 1 {
                return Err(format!("`{prefix}{name}` appears {n} times; the proxy sends only requests where it appears once"));
            }
        }
        Ok(())
    };
    once(root, SINGLE_MEMBERS, "")?;
    let overrides = doc.get(root, "overrides").filter(|&o| doc.kind(o) == Kind::Object);
    if let Some(o) = overrides {
        once(o, SINGLE_OVERRIDES, "overrides.")?;
    }
    let string = |name: &str| doc.get_str(root, name).map(|s| s.into_owned());
    let role = |name: &str| overrides.and_then(|o| doc.get_str(o, name)).map(|s| s.into_owned());
    let client_token = string("clientToken");
    if client_token.as_deref() == Some("") {
        return Err("`clientToken` is empty, so it would be the same for every call and could not prevent a double launch: remove it (the proxy then adds a fresh one) or give each logical request its own".to_owned());
    }
    Ok(Fields {
        cluster: string("cluster"),
        task_definition: string("taskDefinition"),
        client_token,
        task_role_arn: role("taskRoleArn"),
        execution_role_arn: role("executionRoleArn"),
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
#[must_use]
pub fn resource_name(value: &str) -> &str {
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

/// The cluster a task ARN names (`arn:...:task/CLUSTER/ID`); `None` for an old-format ARN
/// (`arn:...:task/ID`) or a bare task ID.
#[must_use]
pub fn task_cluster(task: &str) -> Option<&str> {
    let arn = runtask_core::arn::parse(task)?;
    let mut parts = arn.resource.split('/');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some("task"), Some(cluster), Some(_), None) if !cluster.is_empty() => Some(cluster),
        _ => None,
    }
}

/// Whether `cluster_arn` (from an ECS answer) is the cluster a request named (`None`: `default`).
/// A request that names an ARN must match it whole; one that names a name, the ARN's name.
#[must_use]
pub fn same_cluster(requested: Option<&str>, cluster_arn: &str) -> bool {
    match requested {
        Some(r) if r.starts_with("arn:") => r == cluster_arn,
        _ => cluster_name(requested) == resource_name(cluster_arn),
    }
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
        let roles = fields(r#"{"overrides":{"taskRoleArn":"arn:aws:iam::1:role/a","executionRoleArn":"arn:aws:iam::1:role/b"}}"#).unwrap();
        assert_eq!((roles.task_role_arn.as_deref(), roles.execution_role_arn.as_deref()), (Some("arn:aws:iam::1:role/a"), Some("arn:aws:iam::1:role/b")));
        assert!(fields(r#"{"overrides":{"taskRoleArn":"a","taskRoleArn":"b"}}"#).unwrap_err().contains("`overrides.taskRoleArn` appears 2 times"));
        assert!(fields(r#"{"overrides":{},"overrides":{"taskRoleArn":"b"}}"#).unwrap_err().contains("`overrides` appears 2 times"));
        assert!(fields(r#"{"clientToken":""}"#).unwrap_err().contains("`clientToken` is empty"));
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
        assert_eq!(task_cluster("arn:aws:ecs:us-east-1:123456789012:task/prod/0123"), Some("prod"));
        assert_eq!(task_cluster("arn:aws:ecs:us-east-1:123456789012:task/0123"), None);
        assert_eq!(task_cluster("0123"), None);
        assert!(same_cluster(Some("prod"), "arn:aws:ecs:us-east-1:123456789012:cluster/prod"));
        assert!(same_cluster(None, "arn:aws:ecs:us-east-1:123456789012:cluster/default"));
        assert!(!same_cluster(Some("prod"), "arn:aws:ecs:us-east-1:123456789012:cluster/dev"));
        assert!(!same_cluster(Some("arn:aws:ecs:us-east-1:123456789012:cluster/prod"), "arn:aws:ecs:us-east-1:999999999999:cluster/prod"));
        let arn = AllowList(vec!["arn:aws:ecs:us-east-1:123456789012:task-definition/web".into()]);
        assert!(arn.allows("web", "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3"));
        assert!(!arn.allows("web", "arn:aws:ecs:us-east-1:999999999999:task-definition/web:3"));
    }
}
