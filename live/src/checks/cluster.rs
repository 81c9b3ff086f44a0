//! RT851 cluster-not-found, RT858 capacity-provider-not-attached, RT859
//! launch-type-bypasses-capacity-providers: one DescribeClusters.
//!
//! The cluster is asked for by name (`default` when omitted: DescribeClusters without a name
//! answers with empty lists on moto). Its `capacityProviders` are the associations (moto calls
//! FARGATE and FARGATE_SPOT "MISSING" in DescribeCapacityProviders, so that call is not used).

use runtask_core::data::launch::is_fargate_provider;
use runtask_core::rules::live::{capacity_provider_not_attached, cluster_not_found, launch_type_bypasses_capacity_providers};
use runtask_core::LiveFinding;
use tokio::time::Instant;

use super::{finding, listed, not_made, within};
use crate::aws::{Aws, CallError};
use crate::ecs::{self, Cluster};
use crate::request::Facts;

pub(crate) struct Outcome {
    pub findings: Vec<LiveFinding>,
    /// The account, from the cluster's ARN.
    pub account: Option<String>,
}

pub(crate) async fn check(aws: &Aws, facts: &Facts, deadline: Instant) -> Outcome {
    let name = facts.cluster_name().to_owned();
    let (pointer, member) = match &facts.cluster {
        Some(c) => (c.pointer.clone(), None),
        None => (String::new(), Some("cluster")),
    };
    let mut findings = Vec::new();
    let answer = within(deadline, "ecs:DescribeClusters", ecs::describe_clusters(aws, std::slice::from_ref(&name))).await;
    let cluster = match answer {
        Ok((found, _)) if !found.is_empty() => found.into_iter().next(),
        Ok((_, missing)) if !missing.is_empty() => {
            let others = within(deadline, "ecs:ListClusters", ecs::list_cluster_arns(aws)).await.ok();
            let mut f = finding(&cluster_not_found::RULE, &pointer, format!("cluster `{name}` does not exist in {}", aws.region()), Some(help(others.as_deref())));
            f.member = member;
            findings.push(f);
            None
        }
        Ok(_) => {
            let e = CallError::Malformed { action: "ecs:DescribeClusters".to_owned(), detail: "neither the cluster nor a failure in the answer".to_owned() };
            findings.push(with_member(not_made(&pointer, &format!("that cluster `{name}` exists"), &e), member));
            None
        }
        Err(e) => {
            findings.push(with_member(not_made(&pointer, &format!("that cluster `{name}` exists"), &e), member));
            None
        }
    };
    let Some(cluster) = cluster else { return Outcome { findings, account: None } };
    let account = ecs::account_of_arn(&cluster.arn).map(str::to_owned);
    if cluster.status != "ACTIVE" {
        let mut f = finding(
            &cluster_not_found::RULE,
            &pointer,
            format!("cluster `{name}` is {}, not ACTIVE{}", cluster.status, if cluster.status == "INACTIVE" { " (it was deleted)" } else { "" }),
            Some("use an ACTIVE cluster, or create the cluster again".to_owned()),
        );
        f.member = member;
        findings.push(f);
        return Outcome { findings, account };
    }
    findings.extend(capacity_providers(facts, &cluster));
    Outcome { findings, account }
}

fn with_member(mut f: LiveFinding, member: Option<&'static str>) -> LiveFinding {
    f.member = member;
    f
}

fn help(others: Option<&[String]>) -> String {
    match others {
        Some([]) => "the Region has no cluster: create one (`aws ecs create-cluster`) or check the Region".to_owned(),
        Some(arns) => {
            let names: Vec<&str> = arns.iter().map(|a| a.rsplit('/').next().unwrap_or(a)).take(10).collect();
            format!("clusters in this Region: {}{}", listed(&names), if arns.len() > 10 { ", …" } else { "" })
        }
        None => "check the name and the Region (`aws ecs list-clusters`)".to_owned(),
    }
}

fn capacity_providers(facts: &Facts, cluster: &Cluster) -> Vec<LiveFinding> {
    let mut out = Vec::new();
    for p in &facts.capacity_providers {
        if cluster.capacity_providers.contains(&p.value) {
            continue;
        }
        let has = if cluster.capacity_providers.is_empty() { "it has none".to_owned() } else { format!("it has {}", listed(&cluster.capacity_providers)) };
        let verb = if is_fargate_provider(&p.value) { "associate it (even FARGATE and FARGATE_SPOT must be associated)" } else { "associate it" };
        out.push(finding(
            &capacity_provider_not_attached::RULE,
            &p.pointer,
            format!("capacity provider `{}` is not associated with cluster `{}` ({has})", p.value, cluster.name),
            Some(format!("{verb} with `aws ecs put-cluster-capacity-providers`, which replaces the whole list, or use an associated provider")),
        ));
    }
    if let Some(lt) = facts.launch_type.as_ref().filter(|lt| lt.value == "EC2") {
        let asg: Vec<&str> = cluster.default_strategy.iter().map(|i| i.capacity_provider.as_str()).filter(|p| !is_fargate_provider(p)).collect();
        if !asg.is_empty() && facts.capacity_providers.is_empty() {
            out.push(finding(
                &launch_type_bypasses_capacity_providers::RULE,
                &lt.pointer,
                format!("`launchType: EC2` bypasses cluster `{}`'s default capacity provider strategy ({}): managed scaling will not add capacity for this task", cluster.name, listed(&asg)),
                Some("drop `launchType` to use the cluster's default strategy, or give a `capacityProviderStrategy`".to_owned()),
            ));
        }
    }
    out
}
