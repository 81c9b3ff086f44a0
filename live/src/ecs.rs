//! The ECS lookups (awsJson1_1): clusters and task definitions.

use serde::Serialize;
use serde_json::{json, Value};

use crate::aws::{Aws, CallError, Service};

const MAX_PAGES: usize = 20;

/// A cluster as DescribeClusters gives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Cluster {
    pub name: String,
    pub arn: String,
    /// `ACTIVE`, `PROVISIONING`, `DEPROVISIONING`, `FAILED`, `INACTIVE`.
    pub status: String,
    /// The capacity providers associated with the cluster.
    pub capacity_providers: Vec<String>,
    pub default_strategy: Vec<StrategyItem>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StrategyItem {
    pub capacity_provider: String,
    pub weight: i64,
    pub base: i64,
}

impl Cluster {
    fn read(v: &Value) -> Option<Cluster> {
        let strs = |key: &str| -> Vec<String> { v[key].as_array().map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_owned)).collect()).unwrap_or_default() };
        Some(Cluster {
            name: v["clusterName"].as_str()?.to_owned(),
            arn: v["clusterArn"].as_str().unwrap_or_default().to_owned(),
            status: v["status"].as_str().unwrap_or_default().to_owned(),
            capacity_providers: strs("capacityProviders"),
            default_strategy: v["defaultCapacityProviderStrategy"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|i| Some(StrategyItem { capacity_provider: i["capacityProvider"].as_str()?.to_owned(), weight: i["weight"].as_i64().unwrap_or(0), base: i["base"].as_i64().unwrap_or(0) }))
                        .collect()
                })
                .unwrap_or_default(),
        })
    }
}

/// DescribeClusters for these names or ARNs: the clusters found, and the names reported missing.
pub async fn describe_clusters(aws: &Aws, names: &[String]) -> Result<(Vec<Cluster>, Vec<String>), CallError> {
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for chunk in names.chunks(100) {
        let v = aws.json(Service::Ecs, "DescribeClusters", &json!({ "clusters": chunk })).await?;
        found.extend(v["clusters"].as_array().into_iter().flatten().filter_map(Cluster::read));
        missing.extend(v["failures"].as_array().into_iter().flatten().filter(|f| f["reason"].as_str() == Some("MISSING")).filter_map(|f| f["arn"].as_str().map(str::to_owned)));
    }
    Ok((found, missing))
}

/// Every cluster ARN of the Region.
pub async fn list_cluster_arns(aws: &Aws) -> Result<Vec<String>, CallError> {
    paginate(aws, "ListClusters", json!({ "maxResults": 100 }), "clusterArns").await
}

/// DescribeTaskDefinition (with tags): the whole answer.
pub async fn describe_task_definition(aws: &Aws, reference: &str) -> Result<Value, CallError> {
    aws.json(Service::Ecs, "DescribeTaskDefinition", &json!({ "taskDefinition": reference, "include": ["TAGS"] })).await
}

/// The ARNs of the family's revisions with this status (`ACTIVE`/`INACTIVE`), newest first.
/// (The API matches a family prefix; only the exact family is kept. Sorted here too: moto
/// ignores `sort`.)
pub async fn task_definition_arns(aws: &Aws, family: &str, status: &str) -> Result<Vec<String>, CallError> {
    let arns = paginate(aws, "ListTaskDefinitions", json!({ "familyPrefix": family, "status": status, "sort": "DESC", "maxResults": 100 }), "taskDefinitionArns").await?;
    let mut arns: Vec<String> = arns.into_iter().filter(|a| family_of_arn(a) == Some(family)).collect();
    arns.sort_by_key(|a| std::cmp::Reverse(split_reference(a).1.and_then(|r| r.parse::<u64>().ok()).unwrap_or(0)));
    Ok(arns)
}

/// Task definition families with an ACTIVE revision, optionally starting with `prefix`.
pub async fn families(aws: &Aws, prefix: Option<&str>) -> Result<Vec<String>, CallError> {
    let mut input = json!({ "status": "ACTIVE", "maxResults": 100 });
    if let Some(p) = prefix.filter(|p| !p.is_empty()) {
        input["familyPrefix"] = json!(p);
    }
    paginate(aws, "ListTaskDefinitionFamilies", input, "families").await
}

async fn paginate(aws: &Aws, action: &str, input: Value, list: &str) -> Result<Vec<String>, CallError> {
    let mut out = Vec::new();
    let mut input = input;
    for _ in 0..MAX_PAGES {
        let v = aws.json(Service::Ecs, action, &input).await?;
        out.extend(v[list].as_array().into_iter().flatten().filter_map(|s| s.as_str().map(str::to_owned)));
        match v["nextToken"].as_str().filter(|t| !t.is_empty()) {
            Some(t) => input["nextToken"] = json!(t),
            None => break,
        }
    }
    Ok(out)
}

/// `web` of `arn:aws:ecs:us-east-1:123456789012:task-definition/web:3`.
#[must_use]
pub fn family_of_arn(arn: &str) -> Option<&str> {
    let rest = arn.split_once(":task-definition/")?.1;
    Some(rest.split(':').next().unwrap_or(rest))
}

/// `web:3` of a task definition ARN.
#[must_use]
pub fn short_name(arn: &str) -> &str {
    arn.split_once(":task-definition/").map_or(arn, |(_, r)| r)
}

/// A task definition reference split into family and revision: `web`, `web:3` or an ARN.
#[must_use]
pub fn split_reference(reference: &str) -> (&str, Option<&str>) {
    let name = short_name(reference);
    match name.split_once(':') {
        Some((family, revision)) => (family, Some(revision)),
        None => (name, None),
    }
}

/// The account of an ARN (`arn:partition:service:region:account:…`).
#[must_use]
pub fn account_of_arn(arn: &str) -> Option<&str> {
    runtask_core::arn::parse(arn).map(|a| a.account).filter(|a| !a.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_and_arns() {
        let arn = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3";
        assert_eq!(family_of_arn(arn), Some("web"));
        assert_eq!(short_name(arn), "web:3");
        assert_eq!(split_reference(arn), ("web", Some("3")));
        assert_eq!(split_reference("web"), ("web", None));
        assert_eq!(split_reference("arn:aws:ecs:us-east-1:123456789012:task-definition/web"), ("web", None));
        assert_eq!(account_of_arn(arn), Some("123456789012"));
        assert_eq!(account_of_arn("arn:aws:iam::123456789012:role/x"), Some("123456789012"));
        assert_eq!(account_of_arn("web:3"), None);
    }
}
