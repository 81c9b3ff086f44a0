//! RT860 role-not-found, RT861 role-not-trusting-ecs-tasks: the task role and the execution role
//! that the task will get (the overrides, else the task definition's). Roles of another account
//! are not looked up (GetRole sees only the caller's account).

use runtask_core::arn::role_name;
use runtask_core::json::Document;
use runtask_core::rules::live::{role_not_found, role_not_trusting_ecs_tasks};
use runtask_core::LiveFinding;
use tokio::time::Instant;

use super::{finding, not_made, within, TaskDefinitionInfo};
use crate::aws::{Aws, Service};
use crate::ec2::{child, text};
use crate::ecs::account_of_arn;
use crate::request::Facts;

const PRINCIPAL: &str = "ecs-tasks.amazonaws.com";

struct Role {
    arn: String,
    pointer: String,
    /// "`overrides.taskRoleArn`" or "the task definition's `taskRoleArn`".
    source: String,
}

pub(crate) async fn check(aws: &Aws, facts: &Facts, td: Option<&TaskDefinitionInfo>, account: Option<&str>, deadline: Instant) -> Vec<LiveFinding> {
    let td_pointer = facts.task_definition.as_ref().map_or(String::new(), |t| t.pointer.clone());
    let mut roles = Vec::new();
    for (over, from_td, member) in [(&facts.task_role_override, td.and_then(|t| t.task_role.as_ref()), "taskRoleArn"), (&facts.execution_role_override, td.and_then(|t| t.execution_role.as_ref()), "executionRoleArn")] {
        match (over, from_td) {
            (Some(o), _) => roles.push(Role { arn: o.value.clone(), pointer: o.pointer.clone(), source: format!("`overrides.{member}`") }),
            (None, Some(arn)) => roles.push(Role { arn: arn.clone(), pointer: td_pointer.clone(), source: format!("the task definition's `{member}`") }),
            (None, None) => {}
        }
    }
    let (first, second) = tokio::join!(lookup(aws, roles.first(), account, deadline), lookup(aws, roles.get(1), account, deadline));
    let mut out = Vec::new();
    for (role, answer) in first.into_iter().chain(second) {
        match answer {
            // Without the caller's account (neither the cluster nor the task definition was
            // found), the role GetRole found may be another account's namesake: compare.
            Ok(xml) if account.is_none() && returned_account(&xml).is_some_and(|a| account_of_arn(&role.arn).is_some_and(|r| r != a)) => {}
            Ok(xml) => match trust_of(&xml) {
                Some(policy) if trusts_ecs_tasks(&policy) => {}
                Some(_) => out.push(finding(
                    &role_not_trusting_ecs_tasks::RULE,
                    &role.pointer,
                    format!("role `{}` ({}) does not trust `{PRINCIPAL}`: ECS cannot assume it for the task", role.arn, role.source),
                    Some(format!("add `{PRINCIPAL}` as a service principal allowed `sts:AssumeRole` in the role's trust policy")),
                )),
                None => out.push(not_made(&role.pointer, &format!("that role `{}` trusts {PRINCIPAL}", role.arn), &crate::aws::CallError::Malformed { action: "iam:GetRole".to_owned(), detail: "no readable trust policy in the answer".to_owned() })),
            },
            Err(e) if e.code() == Some("NoSuchEntity") && account.is_none() && account_of_arn(&role.arn).is_some() => out.push(not_made(
                &role.pointer,
                &format!("that role `{}` exists", role.arn),
                &crate::aws::CallError::Service { action: "iam:GetRole".to_owned(), status: 404, code: "NoSuchEntity".to_owned(), message: "no role of that name in the caller's account, whose ID is unknown (neither the cluster nor the task definition was found), so the role may be another account's".to_owned() },
            )),
            Err(e) if e.code() == Some("NoSuchEntity") => out.push(finding(
                &role_not_found::RULE,
                &role.pointer,
                format!("role `{}` ({}) does not exist", role.arn, role.source),
                Some(format!("create the role with a trust policy for `{PRINCIPAL}`, or use an existing role's ARN")),
            )),
            Err(e) => out.push(not_made(&role.pointer, &format!("that role `{}` exists", role.arn), &e)),
        }
    }
    out
}

/// GetRole for `role`; None when it is not looked up (not a role ARN, or another account's:
/// GetRole sees only the caller's account).
async fn lookup<'r>(aws: &Aws, role: Option<&'r Role>, account: Option<&str>, deadline: Instant) -> Option<(&'r Role, Result<String, crate::aws::CallError>)> {
    let role = role?;
    let name = role_name(&role.arn)?;
    if account.is_some_and(|a| account_of_arn(&role.arn).is_some_and(|r| r != a)) {
        return None;
    }
    Some((role, within(deadline, "iam:GetRole", aws.query(Service::Iam, "GetRole", &[("RoleName".to_owned(), name.to_owned())])).await))
}

/// The account of the role a GetRole answer describes.
fn returned_account(xml: &str) -> Option<String> {
    let doc = roxmltree::Document::parse(xml).ok()?;
    let role = doc.descendants().find(|n| n.has_tag_name("Role"))?;
    account_of_arn(&text(role, "Arn")?).map(str::to_owned)
}

/// The trust policy (decoded JSON text) of a GetRole answer.
fn trust_of(xml: &str) -> Option<String> {
    let doc = roxmltree::Document::parse(xml).ok()?;
    let role = doc.descendants().find(|n| n.has_tag_name("Role"))?;
    let encoded = text(role, "AssumeRolePolicyDocument").or_else(|| child(role, "AssumeRolePolicyDocument").and_then(|n| n.text().map(str::to_owned)))?;
    Some(percent_encoding::percent_decode_str(&encoded).decode_utf8_lossy().into_owned())
}

/// Whether a policy allows `sts:AssumeRole` to the service principal `ecs-tasks.amazonaws.com`.
fn trusts_ecs_tasks(policy: &str) -> bool {
    let Ok(doc) = Document::parse(policy) else { return false };
    let root = doc.root();
    let as_list = |node: Option<runtask_core::json::NodeId>| -> Vec<String> {
        let Some(n) = node else { return Vec::new() };
        match doc.str(n) {
            Some(s) => vec![s.into_owned()],
            None => doc.elements(Some(n)).filter_map(|e| doc.str(e).map(|s| s.into_owned())).collect(),
        }
    };
    let statements: Vec<_> = match doc.get(root, "Statement") {
        Some(s) if doc.kind(s) == runtask_core::json::Kind::Array => doc.elements(Some(s)).collect(),
        Some(s) => vec![s],
        None => Vec::new(),
    };
    statements.into_iter().any(|s| {
        doc.get_str(s, "Effect").as_deref() == Some("Allow")
            && as_list(doc.get(s, "Action")).iter().any(|a| a == "sts:AssumeRole" || a == "sts:*" || a == "*")
            && as_list(doc.get(s, "Principal").and_then(|p| doc.get(p, "Service"))).iter().any(|p| p == PRINCIPAL)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trust_policies() {
        assert!(trusts_ecs_tasks(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#));
        assert!(trusts_ecs_tasks(r#"{"Statement":{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com","ecs-tasks.amazonaws.com"]},"Action":["sts:AssumeRole","sts:TagSession"]}}"#));
        assert!(!trusts_ecs_tasks(r#"{"Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#));
        assert!(!trusts_ecs_tasks(r#"{"Statement":[{"Effect":"Deny","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#));
        assert!(!trusts_ecs_tasks("not json"));
        let xml = "<GetRoleResponse><GetRoleResult><Role><RoleName>x</RoleName><AssumeRolePolicyDocument>%7B%22Statement%22%3A%5B%5D%7D</AssumeRolePolicyDocument></Role></GetRoleResult></GetRoleResponse>";
        assert_eq!(trust_of(xml).as_deref(), Some(r#"{"Statement":[]}"#));
    }
}
