//! RT862 ecr-image-not-found, RT863 awslogs-group-not-found, RT864 container-secret-not-found:
//! what the task definition's containers need at start. Only references into this account and
//! Region are looked up; secrets are looked up for existence only (never a value).

use runtask_core::rules::live::{awslogs_group_not_found, container_secret_not_found, ecr_image_not_found};
use runtask_core::LiveFinding;
use serde_json::json;
use tokio::time::Instant;

use super::{finding, not_made, within, TaskDefinitionInfo};
use crate::aws::{Aws, Service};
use crate::request::Facts;

/// An image in ECR: account, Region, repository, and tag or digest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct EcrImage {
    pub account: String,
    pub region: String,
    pub repository: String,
    /// `("imageTag", "v1")` or `("imageDigest", "sha256:…")`.
    pub id: (&'static str, String),
}

/// `123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web:v1` (or `@sha256:…`; no tag means
/// `latest`).
pub(crate) fn ecr_image(image: &str) -> Option<EcrImage> {
    let (host, path) = image.split_once('/')?;
    let mut parts = host.split('.');
    let account = parts.next()?;
    if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) || parts.next()? != "dkr" || !parts.next()?.starts_with("ecr") {
        return None;
    }
    let region = parts.next()?.to_owned();
    if !host.ends_with(".amazonaws.com") && !host.ends_with(".amazonaws.com.cn") {
        return None;
    }
    let (repository, id) = if let Some((repo, digest)) = path.split_once('@') {
        (repo, ("imageDigest", digest.to_owned()))
    } else {
        match path.rsplit_once(':') {
            Some((repo, tag)) if !tag.contains('/') => (repo, ("imageTag", tag.to_owned())),
            _ => (path, ("imageTag", "latest".to_owned())),
        }
    };
    Some(EcrImage { account: account.to_owned(), region, repository: repository.to_owned(), id })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SecretService {
    Ssm,
    SecretsManager,
}

/// Which service a `valueFrom` names: Secrets Manager ARNs, else an SSM parameter (name or ARN).
pub(crate) fn secret_service(value_from: &str) -> SecretService {
    if value_from.starts_with("arn:") && value_from.split(':').nth(2) == Some("secretsmanager") {
        SecretService::SecretsManager
    } else {
        SecretService::Ssm
    }
}

/// A reference's Region and account when it is an ARN.
pub(crate) fn arn_scope(value: &str) -> Option<(&str, &str)> {
    let mut p = value.split(':');
    (p.next()? == "arn").then_some(())?;
    let _partition = p.next()?;
    let _service = p.next()?;
    Some((p.next()?, p.next()?))
}

/// The SSM parameter name of a `valueFrom` (a name, or `arn:…:parameter/name`).
pub(crate) fn parameter_name(value_from: &str) -> String {
    match value_from.split_once(":parameter") {
        Some((_, rest)) if value_from.starts_with("arn:") => {
            let rest = rest.trim_start_matches('/');
            if rest.contains('/') {
                format!("/{rest}")
            } else {
                rest.to_owned()
            }
        }
        _ => value_from.to_owned(),
    }
}

/// The secret of a Secrets Manager `valueFrom`: the ARN without `:json-key:stage:version`.
pub(crate) fn secret_id(value_from: &str) -> String {
    value_from.split(':').take(7).collect::<Vec<_>>().join(":")
}

pub(crate) async fn check(aws: &Aws, facts: &Facts, td: Option<&TaskDefinitionInfo>, account: Option<&str>, deadline: Instant) -> Vec<LiveFinding> {
    let (Some(td), Some(reference)) = (td, &facts.task_definition) else { return Vec::new() };
    let pointer = reference.pointer.as_str();
    let region = aws.region();
    let here = |r: &str, a: &str| r == region && account.is_none_or(|acct| acct == a);
    let (images, logs, secrets) = tokio::join!(images(aws, td, pointer, &here, deadline), log_groups(aws, td, pointer, region, deadline), secrets(aws, td, pointer, &here, deadline));
    let mut out = images;
    out.extend(logs);
    out.extend(secrets);
    out
}

async fn images(aws: &Aws, td: &TaskDefinitionInfo, pointer: &str, here: &impl Fn(&str, &str) -> bool, deadline: Instant) -> Vec<LiveFinding> {
    let mut out = Vec::new();
    let mut seen = Vec::new();
    for c in &td.containers {
        let Some(image) = ecr_image(&c.image).filter(|i| here(&i.region, &i.account)) else { continue };
        if seen.contains(&c.image) {
            continue;
        }
        seen.push(c.image.clone());
        let input = json!({ "repositoryName": image.repository, "registryId": image.account, "imageIds": [{ image.id.0: image.id.1 }] });
        let answer = within(deadline, "ecr:DescribeImages", aws.json(Service::Ecr, "DescribeImages", &input)).await;
        let problem = match &answer {
            Ok(v) if v["imageDetails"].as_array().is_some_and(|a| !a.is_empty()) => continue,
            Err(e) if e.code() == Some("RepositoryNotFoundException") => format!("repository `{}` does not exist", image.repository),
            Err(e) if e.code() == Some("ImageNotFoundException") => format!("repository `{}` has no image {} `{}`", image.repository, if image.id.0 == "imageTag" { "tagged" } else { "with digest" }, image.id.1),
            Err(e) => {
                out.push(not_made(pointer, &format!("that image `{}` exists", c.image), e));
                continue;
            }
            Ok(_) => {
                let e = crate::aws::CallError::Malformed { action: "ecr:DescribeImages".to_owned(), detail: "neither the image nor an error in the answer".to_owned() };
                out.push(not_made(pointer, &format!("that image `{}` exists", c.image), &e));
                continue;
            }
        };
        out.push(finding(
            &ecr_image_not_found::RULE,
            pointer,
            format!("container `{}` of task definition `{}` uses image `{}`, but {problem}: the task will stop with CannotPullContainerError", c.name, crate::ecs::short_name(&td.arn), c.image),
            Some("push the image, or register a revision with an image that exists (`aws ecr describe-images`)".to_owned()),
        ));
    }
    out
}

async fn log_groups(aws: &Aws, td: &TaskDefinitionInfo, pointer: &str, region: &str, deadline: Instant) -> Vec<LiveFinding> {
    let mut out = Vec::new();
    let mut seen = Vec::new();
    for c in &td.containers {
        let Some((group, group_region, create)) = &c.awslogs else { continue };
        if *create || group.is_empty() || group_region.as_deref().is_some_and(|r| r != region) || seen.contains(group) {
            continue;
        }
        seen.push(group.clone());
        let exists = within(deadline, "logs:DescribeLogGroups", async {
            let mut input = json!({ "logGroupNamePrefix": group, "limit": 50 });
            for _ in 0..20 {
                let v = aws.json(Service::Logs, "DescribeLogGroups", &input).await?;
                if v["logGroups"].as_array().into_iter().flatten().any(|g| g["logGroupName"].as_str() == Some(group)) {
                    return Ok(true);
                }
                match v["nextToken"].as_str() {
                    Some(t) if !t.is_empty() => input["nextToken"] = json!(t),
                    _ => return Ok(false),
                }
            }
            Ok(false)
        })
        .await;
        match exists {
            Ok(true) => {}
            Ok(false) => out.push(finding(
                &awslogs_group_not_found::RULE,
                pointer,
                format!("container `{}` of task definition `{}` logs to awslogs group `{group}`, which does not exist in {region}, and `awslogs-create-group` is not set: the task will stop with ResourceInitializationError", c.name, crate::ecs::short_name(&td.arn)),
                Some(format!("create it (`aws logs create-log-group --log-group-name {group}`), or set `awslogs-create-group: \"true\"`")),
            )),
            Err(e) => out.push(not_made(pointer, &format!("that log group `{group}` exists"), &e)),
        }
    }
    out
}

async fn secrets(aws: &Aws, td: &TaskDefinitionInfo, pointer: &str, here: &impl Fn(&str, &str) -> bool, deadline: Instant) -> Vec<LiveFinding> {
    // (container, secret name, valueFrom, looked-up name)
    let mut parameters: Vec<(&str, &str, &str, String)> = Vec::new();
    let mut managed: Vec<(&str, &str, &str, String)> = Vec::new();
    for c in &td.containers {
        for (name, value_from) in &c.secrets {
            if let Some((r, a)) = arn_scope(value_from) {
                if !here(r, a) {
                    continue;
                }
            }
            match secret_service(value_from) {
                SecretService::Ssm => parameters.push((&c.name, name, value_from, parameter_name(value_from))),
                SecretService::SecretsManager => managed.push((&c.name, name, value_from, secret_id(value_from))),
            }
        }
    }
    let mut out = Vec::new();
    let report = |out: &mut Vec<LiveFinding>, (container, name, value_from, _): &(&str, &str, &str, String), what: &str| {
        out.push(finding(
            &container_secret_not_found::RULE,
            pointer,
            format!("container `{container}` of task definition `{}` takes secret `{name}` from `{value_from}`, but {what} does not exist: the task will stop with ResourceInitializationError", crate::ecs::short_name(&td.arn)),
            Some("create it, or correct `valueFrom` in the task definition".to_owned()),
        ));
    };
    let names: Vec<String> = parameters.iter().map(|p| p.3.clone()).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    let found = async {
        let mut found: Vec<String> = Vec::new();
        for chunk in names.chunks(50) {
            let input = json!({ "ParameterFilters": [{ "Key": "Name", "Option": "Equals", "Values": chunk }], "MaxResults": 50 });
            let v = aws.json(Service::Ssm, "DescribeParameters", &input).await?;
            found.extend(v["Parameters"].as_array().into_iter().flatten().filter_map(|p| p["Name"].as_str().map(str::to_owned)));
        }
        Ok(found)
    };
    if !names.is_empty() {
        match within(deadline, "ssm:DescribeParameters", found).await {
            Ok(found) => {
                for p in parameters.iter().filter(|p| !found.contains(&p.3)) {
                    report(&mut out, p, &format!("SSM parameter `{}`", p.3));
                }
            }
            Err(e) => out.push(not_made(pointer, "that the containers' SSM parameters exist", &e)),
        }
    }
    for s in &managed {
        match within(deadline, "secretsmanager:DescribeSecret", aws.json(Service::SecretsManager, "DescribeSecret", &json!({ "SecretId": s.3 }))).await {
            Ok(_) => {}
            Err(e) if e.code() == Some("ResourceNotFoundException") => report(&mut out, s, &format!("Secrets Manager secret `{}`", s.3)),
            Err(e) => out.push(not_made(pointer, &format!("that secret `{}` exists", s.3), &e)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ecr_images() {
        let i = ecr_image("123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web:v1").unwrap();
        assert_eq!((i.account.as_str(), i.region.as_str(), i.repository.as_str(), i.id.1.as_str()), ("123456789012", "us-east-1", "team/web", "v1"));
        assert_eq!(ecr_image("123456789012.dkr.ecr.eu-west-1.amazonaws.com/web").unwrap().id, ("imageTag", "latest".to_owned()));
        assert_eq!(ecr_image("123456789012.dkr.ecr.eu-west-1.amazonaws.com/web@sha256:ab").unwrap().id, ("imageDigest", "sha256:ab".to_owned()));
        assert_eq!(ecr_image("nginx:1.27"), None);
        assert_eq!(ecr_image("public.ecr.aws/nginx/nginx:1"), None);
        assert_eq!(ecr_image("localhost:5000/web:1"), None);
    }

    #[test]
    fn reads_secret_references() {
        assert_eq!(secret_service("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:password::"), SecretService::SecretsManager);
        assert_eq!(secret_id("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:password::"), "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf");
        assert_eq!(secret_service("/prod/db"), SecretService::Ssm);
        assert_eq!(parameter_name("arn:aws:ssm:us-east-1:123456789012:parameter/prod/db"), "/prod/db");
        assert_eq!(parameter_name("arn:aws:ssm:us-east-1:123456789012:parameter/dbpass"), "dbpass");
        assert_eq!(parameter_name("dbpass"), "dbpass");
        assert_eq!(arn_scope("arn:aws:ssm:eu-west-1:210987654321:parameter/x"), Some(("eu-west-1", "210987654321")));
    }
}
