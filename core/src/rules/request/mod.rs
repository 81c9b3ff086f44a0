//! RT110–RT139: the request's own top-level members: task definition, cluster, count, client
//! token, startedBy, group, referenceId, propagateTags, ECS Exec.
//!
//! Shared here: reading `taskDefinition` and `cluster` references (short forms and ECS ARNs),
//! describing a character for messages, and platform version numbers.

use crate::arn::{self, PARTITIONS};
use crate::diagnostics::message::explain_account;
use crate::ids;
use crate::diagnostics::message::{cat, describe_char, shorten};

pub mod count_may_partially_place;
pub mod empty_client_token;
pub mod execute_command_enabled;
pub mod execute_command_platform_too_old;
pub mod execute_command_with_auto_scaling_provider;
pub mod execute_command_without_task_role;
pub mod implicit_default_cluster;
pub mod implicit_task_group;
pub mod invalid_client_token_character;
pub mod invalid_cluster_reference;
pub mod invalid_started_by_character;
pub mod invalid_task_definition_reference;
pub mod propagate_tags_none;
pub mod propagate_tags_service;
pub mod reference_id_present;
pub mod started_by_beyond_legacy_limits;
pub mod task_definition_wildcard_revision;
pub mod unpinned_task_definition_revision;

checks![
    invalid_task_definition_reference,
    task_definition_wildcard_revision,
    unpinned_task_definition_revision,
    invalid_cluster_reference,
    implicit_default_cluster,
    count_may_partially_place,
    invalid_client_token_character,
    empty_client_token,
    invalid_started_by_character,
    started_by_beyond_legacy_limits,
    implicit_task_group,
    reference_id_present,
    propagate_tags_service,
    propagate_tags_none,
    execute_command_without_task_role,
    execute_command_platform_too_old,
    execute_command_with_auto_scaling_provider,
    execute_command_enabled,
];

/// A task definition revision as written after the family's `:`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Revision {
    /// No revision: ECS uses the latest ACTIVE one.
    Latest,
    Number(u32),
    /// `*`: all revisions (an IAM policy resource, not something to run).
    Wildcard,
}

/// A readable `taskDefinition` value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TaskDefinitionRef<'a> {
    pub family: &'a str,
    pub revision: Revision,
    pub is_arn: bool,
}

/// Why a `taskDefinition` or `cluster` value cannot be read: `problem` completes "… is not a
/// valid …: {problem}"; `help` says what to write instead; `replacement` is an evident
/// correction (the raw string, unquoted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RefProblem {
    pub problem: String,
    pub help: String,
    pub replacement: Option<String>,
    /// Whether the replacement is surely what was meant (a safe fix), not a likely guess.
    pub safe: bool,
}

impl RefProblem {
    #[inline(never)]
    fn new(problem: impl Into<String>, help: impl Into<String>) -> Self {
        RefProblem { problem: problem.into(), help: help.into(), replacement: None, safe: true }
    }
}

const TD_FORMS: &str = "use `family`, `family:revision` (e.g. `web:3`) or the full ARN `arn:aws:ecs:<region>:<account>:task-definition/<family>[:<revision>]`";
const CLUSTER_FORMS: &str = "use the cluster's name (e.g. `batch`) or its ARN `arn:aws:ecs:<region>:<account>:cluster/<name>`";

/// Reads a `taskDefinition` value: `family`, `family:revision`, `family:*` or
/// `arn:<partition>:ecs:<region>:<account>:task-definition/<family>[:<revision|*>]`.
pub(crate) fn parse_task_definition(s: &str) -> Result<TaskDefinitionRef<'_>, RefProblem> {
    if let Some(problem) = whitespace_problem(s, TD_FORMS) {
        return Err(problem);
    }
    if looks_like_arn(s) {
        let rest = ecs_arn_resource(s, "task-definition", TD_FORMS)?;
        let (family, revision) = family_and_revision(rest, true)?;
        return Ok(TaskDefinitionRef { family, revision, is_arn: true });
    }
    let (family, revision) = family_and_revision(s, false)?;
    Ok(TaskDefinitionRef { family, revision, is_arn: false })
}

/// Reads a `cluster` value: a name or `arn:<partition>:ecs:<region>:<account>:cluster/<name>`.
/// Returns the cluster name.
pub(crate) fn parse_cluster(s: &str) -> Result<&str, RefProblem> {
    if s.is_empty() {
        return Err(RefProblem::new("it is empty", "omit `cluster` to use the cluster named `default`, or give the cluster's name or ARN"));
    }
    if let Some(problem) = whitespace_problem(s, CLUSTER_FORMS) {
        return Err(problem);
    }
    if looks_like_arn(s) {
        let name = ecs_arn_resource(s, "cluster", CLUSTER_FORMS)?;
        check_name(name, "cluster name", CLUSTER_FORMS)?;
        return Ok(name);
    }
    check_name(s, "cluster name", CLUSTER_FORMS)?;
    Ok(s)
}

/// Leading or trailing whitespace, with a fix that trims it when the rest reads.
fn whitespace_problem(s: &str, forms: &str) -> Option<RefProblem> {
    let trimmed = s.trim();
    if trimmed.len() == s.len() || trimmed.is_empty() {
        return None;
    }
    let mut p = RefProblem::new("it has leading or trailing whitespace", format!("remove the whitespace; {forms}"));
    p.replacement = Some(trimmed.to_owned());
    Some(p)
}

fn looks_like_arn(s: &str) -> bool {
    s.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("arn:"))
}

/// Checks an ECS ARN of resource type `kind` and returns what follows `kind/`.
fn ecs_arn_resource<'a>(s: &'a str, kind: &str, forms: &str) -> Result<&'a str, RefProblem> {
    if !s.starts_with("arn:") {
        let mut p = RefProblem::new(format!("ARNs start with lowercase `arn:`, not `{}`", &s[..4]), forms);
        p.replacement = Some(format!("arn:{}", &s[4..]));
        return Err(p);
    }
    // An ARN that parses has at least six parts: the parts are counted only when it does not.
    let Some(a) = arn::parse(s) else {
        let parts = s.split(':').count();
        if parts < 6 {
            return Err(RefProblem::new(
                format!("an ARN has six `:`-separated parts (`arn:<partition>:ecs:<region>:<account>:{kind}/…`), this one has {parts}"),
                forms,
            ));
        }
        let partition = s.split(':').nth(1).unwrap_or("");
        return Err(RefProblem::new(format!("`{partition}` is not an AWS partition (expected one of {})", PARTITIONS.join(", ")), forms));
    };
    if a.service != "ecs" {
        let what = if a.service.is_empty() { "has no service".to_owned() } else { format!("is an `{}` ARN, not an `ecs` one", a.service) };
        return Err(RefProblem::new(format!("it {what}"), forms));
    }
    if !arn::is_region(a.region) {
        let what = if a.region.is_empty() { "it has no region".to_owned() } else { format!("`{}` is not a Region name such as `us-east-1`", a.region) };
        return Err(RefProblem::new(what, forms));
    }
    if a.account.is_empty() {
        return Err(RefProblem::new("it has no account ID", forms));
    }
    if let Some(id) = ids::account_problem(a.account) {
        let (says, help) = explain_account(&"", &id);
        let shown = shorten(a.account, 20);
        let mut p = RefProblem::new(format!("its account `{shown}` {}", says.strip_prefix("which ").unwrap_or(&says)), if id.suggestion.is_some() { help } else { forms.to_owned() });
        p.replacement = id.suggestion.map(|good| format!("arn:{}:{}:{}:{good}:{}", a.partition, a.service, a.region, a.resource));
        p.safe = id.error != ids::IdError::LetterO;
        return Err(p);
    }
    let prefix_len = kind.len() + 1;
    match a.resource.get(..prefix_len) {
        Some(p) if p.len() == prefix_len && p.starts_with(kind) && p.ends_with('/') => Ok(&a.resource[prefix_len..]),
        _ => {
            let found = a.resource.split(['/', ':']).next().unwrap_or("");
            let what = if found.is_empty() {
                format!("the resource part is empty (expected `{kind}/…`)")
            } else if found == kind {
                format!("the resource must be `{kind}/…` with a `/`")
            } else {
                format!("it names a `{found}`, not a `{kind}` (the resource part must start with `{kind}/`)")
            };
            Err(RefProblem::new(what, forms))
        }
    }
}

/// `family[:revision]`, alone or after `task-definition/` in an ARN.
fn family_and_revision(s: &str, in_arn: bool) -> Result<(&str, Revision), RefProblem> {
    // The first `:` (a byte search: `split_once` sets up a searcher for so short a text).
    let (family, revision) = match s.bytes().position(|b| b == b':') {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    check_name(family, "family", TD_FORMS)?;
    // No revision, in an ARN too: "If a revision isn't specified, the latest ACTIVE revision is
    // used" (RunTask API reference; CDK's EcsRunTask sends this form).
    let Some(rev) = revision else {
        return Ok((family, Revision::Latest));
    };
    if rev == "*" {
        return Ok((family, Revision::Wildcard));
    }
    if rev.is_empty() {
        let mut p = RefProblem::new(format!("nothing follows the `:` after `{family}`"), format!("add the revision number (`{family}:3`) or remove the `:`"));
        if !in_arn {
            p.replacement = Some(family.to_owned());
        }
        return Err(p);
    }
    if rev.contains(':') {
        return Err(RefProblem::new(format!("it has more than one `:` after the family (`{rev}`)"), TD_FORMS));
    }
    if rev.bytes().all(|b| b.is_ascii_digit()) {
        return match rev.parse::<u32>() {
            Ok(0) => Err(RefProblem::new("revision 0 does not exist: revisions start at 1", format!("use `{family}:1` or a later revision"))),
            Ok(n) if n <= i32::MAX as u32 => Ok((family, Revision::Number(n))),
            _ => Err(RefProblem::new(format!("the revision `{rev}` is too large to be a revision number"), TD_FORMS)),
        };
    }
    if rev.eq_ignore_ascii_case("latest") && !in_arn {
        let mut p = RefProblem::new(
            format!("the revision `{rev}` is not a number: task definitions have no `latest` tag"),
            format!("give just the family `{family}` to run its latest ACTIVE revision"),
        );
        p.replacement = Some(family.to_owned());
        return Err(p);
    }
    Err(RefProblem::new(format!("the revision `{rev}` is not a positive integer"), format!("use a revision number, e.g. `{family}:3`")))
}

/// A family, cluster or capacity provider name: 1–255 of `[A-Za-z0-9_-]`.
fn check_name(name: &str, what: &str, forms: &str) -> Result<(), RefProblem> {
    // The usual name, all of `[A-Za-z0-9_-]` within the limit, in one pass over its bytes.
    if !name.is_empty() && name.len() <= crate::data::limits::NAME_MAX && first_invalid_name_byte(name).is_none() {
        return Ok(());
    }
    if name.is_empty() {
        return Err(RefProblem::new(format!("the {what} is empty"), forms));
    }
    let len = name.chars().count();
    if len > crate::data::limits::NAME_MAX {
        return Err(RefProblem::new(format!("the {what} is {len} characters long, longer than the maximum of {}", crate::data::limits::NAME_MAX), forms));
    }
    if let Some(c) = first_invalid_name_char(name) {
        return Err(RefProblem::new(
            cat!("the ", what, " `", shorten(name, 60), "` contains ", describe_char(c), "; only letters, digits, `_` and `-` are allowed"),
            forms,
        ));
    }
    Ok(())
}

/// The first character of an ECS name outside `[A-Za-z0-9_-]`.
pub(crate) fn first_invalid_name_char(name: &str) -> Option<char> {
    first_invalid_name_byte(name).and_then(|i| name[i..].chars().next())
}

/// Where the first character outside `[A-Za-z0-9_-]` starts (every other character starts with a
/// byte outside it: ASCII is itself, and the bytes of other characters are all above 0x7F).
fn first_invalid_name_byte(name: &str) -> Option<usize> {
    name.bytes().position(|b| !NAME_BYTES[usize::from(b)])
}

/// The bytes of an ECS name, `[A-Za-z0-9_-]`, as a table: one load per byte.
static NAME_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'_' || c == b'-';
        b += 1;
    }
    t
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_definition_forms() {
        assert_eq!(parse_task_definition("web").unwrap(), TaskDefinitionRef { family: "web", revision: Revision::Latest, is_arn: false });
        assert_eq!(parse_task_definition("web_app-2:12").unwrap().revision, Revision::Number(12));
        assert_eq!(parse_task_definition("web:*").unwrap().revision, Revision::Wildcard);
        let arn = parse_task_definition("arn:aws:ecs:us-east-1:123456789012:task-definition/web:3").unwrap();
        assert_eq!(arn, TaskDefinitionRef { family: "web", revision: Revision::Number(3), is_arn: true });
        assert_eq!(parse_task_definition("arn:aws-cn:ecs:cn-north-1:123456789012:task-definition/web:*").unwrap().revision, Revision::Wildcard);
        // An ARN without a revision runs the latest ACTIVE revision, as a bare family does.
        let latest = parse_task_definition("arn:aws:ecs:eu-west-2:111122223333:task-definition/ml-demo").unwrap();
        assert_eq!(latest, TaskDefinitionRef { family: "ml-demo", revision: Revision::Latest, is_arn: true });
    }

    #[test]
    fn task_definition_problems() {
        let p = |s: &str| parse_task_definition(s).unwrap_err().problem;
        assert!(p("web:0").contains("revision 0"));
        assert!(p("web:latest").contains("no `latest` tag"));
        assert_eq!(parse_task_definition("web:latest").unwrap_err().replacement.as_deref(), Some("web"));
        assert!(p("web:v2").contains("`v2` is not a positive integer"));
        assert!(p("web:3:4").contains("more than one `:`"));
        assert!(p("my web:3").contains("a space"));
        assert!(p("web.app").contains("`.`"));
        assert!(p(&"a".repeat(256)).contains("256 characters"));
        assert!(p(" web:3").contains("whitespace"));
        assert!(p("web:").contains("nothing follows"));
        assert!(p("arn:aws:ecs:us-east-1:1234:task-definition/web:3").contains("has 4 digits; account IDs have 12"));
        assert!(p("arn:aws:ecs::123456789012:task-definition/web:3").contains("no region"));
        assert!(p("arn:aws:iam::123456789012:task-definition/web:3").contains("`iam` ARN"));
        assert!(p("arn:aws:ecs:us-east-1:123456789012:cluster/web").contains("names a `cluster`"));
        assert!(p("arn:awz:ecs:us-east-1:123456789012:task-definition/web:3").contains("not an AWS partition"));
        assert!(p("arn:aws:ecs:us-east-1:123456789012").contains("six"));
        assert!(p("ARN:aws:ecs:us-east-1:123456789012:task-definition/web:3").contains("lowercase"));
    }

    /// Issue 8: an account ID that can never exist gets the one it evidently means.
    #[test]
    fn account_ids_get_a_did_you_mean() {
        let e = parse_task_definition("arn:aws:ecs:eu-west-2:11112222333O:task-definition/ml-demo:3").unwrap_err();
        assert_eq!(e.replacement.as_deref(), Some("arn:aws:ecs:eu-west-2:111122223330:task-definition/ml-demo:3"));
        assert!(!e.safe && e.help == "did you mean the account `111122223330`?", "{e:?}");
        let e = parse_cluster("arn:aws:ecs:eu-west-2:1111-2222-3333:cluster/batch").unwrap_err();
        assert_eq!(e.replacement.as_deref(), Some("arn:aws:ecs:eu-west-2:111122223333:cluster/batch"));
        assert!(e.safe);
        let e = parse_cluster("arn:aws:ecs:eu-west-2:11112222333:cluster/batch").unwrap_err();
        assert!(e.problem.contains("has 11 digits") && e.replacement.is_none(), "{e:?}");
        // The role ARNs of the overrides and of EBS volumes alike.
        for (member, at) in [("overrides", "/overrides/taskRoleArn"), ("volumes", "/volumeConfigurations/0/managedEBSVolume/roleArn")] {
            let role = "arn:aws:iam::11112222333O:role/app";
            let request = if member == "overrides" {
                format!(r#"{{"taskDefinition": "web:3", "overrides": {{"taskRoleArn": "{role}"}}}}"#)
            } else {
                format!(r#"{{"taskDefinition": "web:3", "volumeConfigurations": [{{"name": "d", "managedEBSVolume": {{"roleArn": "{role}", "sizeInGiB": 10}}}}]}}"#)
            };
            let report = crate::check(&request, &crate::Options::default()).unwrap();
            let d = report.diagnostics.iter().find(|d| d.pointer == at).unwrap();
            assert_eq!(d.fix.as_ref().unwrap().edits[0].content, "\"arn:aws:iam::111122223330:role/app\"", "{member}");
        }
    }

    #[test]
    fn clusters() {
        assert_eq!(parse_cluster("batch").unwrap(), "batch");
        assert_eq!(parse_cluster("arn:aws:ecs:eu-west-1:123456789012:cluster/batch").unwrap(), "batch");
        assert!(parse_cluster("").unwrap_err().problem.contains("empty"));
        assert!(parse_cluster("arn:aws:ecs:eu-west-1:123456789012:cluster/").unwrap_err().problem.contains("empty"));
        assert!(parse_cluster("my cluster").unwrap_err().problem.contains("a space"));
        assert!(parse_cluster("arn:aws:ecs:eu-west-1:123456789012:task-definition/x:1").unwrap_err().problem.contains("names a `task-definition`"));
    }

    /// Applying each rule's fixes (unsafe included) removes its finding and adds no error.
    #[test]
    fn fixes_resolve_their_findings() {
        use crate::{apply_fixes, check, Options, Severity};
        let cases: &[(&str, &str)] = &[
            ("RT110", r#"{"taskDefinition":"web:latest","cluster":"b"}"#),
            ("RT110", r#"{"taskDefinition":" web:3","cluster":"b"}"#),
            ("RT112", r#"{"taskDefinition":"web","cluster":"b"}"#),
            ("RT112", r#"{"taskDefinition":"arn:aws:ecs:us-east-1:123456789012:task-definition/web","cluster":"b"}"#),
            ("RT113", r#"{"taskDefinition":"web:3","cluster":"batch "}"#),
            ("RT116", r#"{"taskDefinition":"web:3","cluster":"b","clientToken":"run 42\n"}"#),
            ("RT117", r#"{"taskDefinition":"web:3","cluster":"b","clientToken":""}"#),
            ("RT118", r#"{"taskDefinition":"web:3","cluster":"b","startedBy":"ci job.42"}"#),
            ("RT121", r#"{"taskDefinition":"web:3","cluster":"b","referenceId":"x"}"#),
            ("RT122", r#"{"taskDefinition":"web:3","cluster":"b","propagateTags":"SERVICE"}"#),
            ("RT123", r#"{"taskDefinition":"web:3","propagateTags":"NONE","cluster":"b"}"#),
            ("RT125", r#"{"taskDefinition":"web:3","cluster":"b","launchType":"FARGATE","platformVersion":"1.3.0","enableExecuteCommand":true,"networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-0123abcd"]}}}"#),
        ];
        let td = r#"{"taskDefinition":{"family":"web","revision":7,"containerDefinitions":[{"name":"app"}]}}"#;
        for (code, src) in cases {
            let options = Options { task_definition: (*code == "RT112").then(|| td.to_owned()), ..Options::default() };
            let before = check(src, &options).unwrap();
            let fixes: Vec<_> = before.diagnostics.iter().filter(|d| d.code == *code).filter_map(|d| d.fix.as_ref()).collect();
            assert!(!fixes.is_empty(), "{code}: no fix for {src}: {:#?}", before.diagnostics);
            let (fixed, _) = apply_fixes(src, fixes, true);
            let after = check(&fixed, &options).unwrap();
            let left: Vec<_> = after.diagnostics.iter().filter(|d| d.code == *code || d.severity == Severity::Error).map(|d| format!("{} {}", d.code, d.message)).collect();
            assert!(left.is_empty(), "{code}: after fixing {src}\n→ {fixed}\nstill: {left:?}");
        }
    }
}
