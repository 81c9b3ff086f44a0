//! RT853 subnet-not-found, RT854 security-group-not-found, RT855 network-in-different-vpcs,
//! RT856 fargate-in-dedicated-tenancy-vpc, RT857 task-without-route-for-image-pull.

use std::collections::BTreeSet;

use runtask_core::rules::live::{fargate_in_dedicated_tenancy_vpc, network_in_different_vpcs, security_group_not_found, subnet_not_found, task_without_route_for_image_pull};
use runtask_core::LiveFinding;
use tokio::time::Instant;

use super::containers::{ecr_image, secret_service, SecretService};
use super::{finding, listed, not_made, within, TaskDefinitionInfo};
use crate::aws::Aws;
use crate::ec2::{self, RouteTable, SecurityGroup, Subnet};
use crate::request::Facts;

pub(crate) struct Lookup {
    pub findings: Vec<LiveFinding>,
    /// The subnets found, in request order.
    pub subnets: Vec<Subnet>,
    pub groups: Vec<SecurityGroup>,
}

/// First round: which subnets and security groups exist, and their VPCs.
pub(crate) async fn lookup(aws: &Aws, facts: &Facts, deadline: Instant) -> Lookup {
    let mut out = Lookup { findings: Vec::new(), subnets: Vec::new(), groups: Vec::new() };
    let subnet_ids: Vec<String> = facts.subnets.iter().map(|s| s.value.clone()).collect();
    let group_ids: Vec<String> = facts.security_groups.iter().map(|s| s.value.clone()).collect();
    let subnets = async {
        if subnet_ids.is_empty() {
            return None;
        }
        Some(within(deadline, "ec2:DescribeSubnets", ec2::subnets_by_id(aws, &subnet_ids)).await)
    };
    let groups = async {
        if group_ids.is_empty() {
            return None;
        }
        Some(within(deadline, "ec2:DescribeSecurityGroups", ec2::groups_by_id(aws, &group_ids)).await)
    };
    let (subnets, groups) = tokio::join!(subnets, groups);
    let list_pointer = |first: Option<&crate::request::At>| first.map(|a| a.pointer.rsplit_once('/').map_or(a.pointer.clone(), |(p, _)| p.to_owned())).unwrap_or_default();
    match subnets {
        Some(Ok(found)) => {
            for s in &facts.subnets {
                match found.iter().find(|f| f.id == s.value) {
                    Some(f) => out.subnets.push(f.clone()),
                    None => out.findings.push(finding(
                        &subnet_not_found::RULE,
                        &s.pointer,
                        format!("subnet `{}` does not exist in {}", s.value, aws.region()),
                        Some("use a subnet ID of this Region and account (`aws ec2 describe-subnets`)".to_owned()),
                    )),
                }
            }
        }
        Some(Err(e)) => out.findings.push(not_made(&list_pointer(facts.subnets.first()), "that the subnets exist", &e)),
        None => {}
    }
    match groups {
        Some(Ok(found)) => {
            for g in &facts.security_groups {
                match found.iter().find(|f| f.id == g.value) {
                    Some(f) => out.groups.push(f.clone()),
                    None => out.findings.push(finding(
                        &security_group_not_found::RULE,
                        &g.pointer,
                        format!("security group `{}` does not exist in {}", g.value, aws.region()),
                        Some("use a security group ID of the subnets' VPC (`aws ec2 describe-security-groups`)".to_owned()),
                    )),
                }
            }
        }
        Some(Err(e)) => out.findings.push(not_made(&list_pointer(facts.security_groups.first()), "that the security groups exist", &e)),
        None => {}
    }
    out.findings.extend(different_vpcs(facts, &out.subnets, &out.groups));
    out
}

/// Every subnet and group whose VPC is not the first subnet's (or, without subnets, the first
/// group's).
fn different_vpcs(facts: &Facts, subnets: &[Subnet], groups: &[SecurityGroup]) -> Vec<LiveFinding> {
    let Some(reference) = subnets.first().map(|s| (&s.vpc_id, format!("subnet `{}`", s.id))).or_else(|| groups.first().map(|g| (&g.vpc_id, format!("security group `{}`", g.id)))) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let pointer_of = |list: &[crate::request::At], id: &str| list.iter().find(|a| a.value == id).map(|a| a.pointer.clone()).unwrap_or_default();
    for s in subnets.iter().filter(|s| &s.vpc_id != reference.0) {
        out.push(finding(
            &network_in_different_vpcs::RULE,
            &pointer_of(&facts.subnets, &s.id),
            format!("subnet `{}` is in `{}`, but {} is in `{}`: all subnets and security groups must be in one VPC", s.id, s.vpc_id, reference.1, reference.0),
            Some("pick subnets and security groups of the same VPC".to_owned()),
        ));
    }
    for g in groups.iter().filter(|g| &g.vpc_id != reference.0) {
        out.push(finding(
            &network_in_different_vpcs::RULE,
            &pointer_of(&facts.security_groups, &g.id),
            format!("security group `{}` is in `{}`, but {} is in `{}`: all subnets and security groups must be in one VPC", g.id, g.vpc_id, reference.1, reference.0),
            Some(format!("use a security group of `{}`", reference.0)),
        ));
    }
    out
}

/// Second round, for Fargate: tenancy, and whether each subnet can reach what the task pulls.
pub(crate) async fn second_round(aws: &Aws, facts: &Facts, net: &Lookup, td: Option<&TaskDefinitionInfo>, deadline: Instant) -> Vec<LiveFinding> {
    if !facts.fargate || net.subnets.is_empty() {
        return Vec::new();
    }
    let vpcs: Vec<String> = net.subnets.iter().map(|s| s.vpc_id.clone()).collect::<BTreeSet<_>>().into_iter().collect();
    let subnets_pointer = facts.subnets.first().map(|a| a.pointer.rsplit_once('/').map_or(a.pointer.clone(), |(p, _)| p.to_owned())).unwrap_or_default();
    let (described, tables, endpoints) = tokio::join!(
        within(deadline, "ec2:DescribeVpcs", ec2::vpcs(aws, &vpcs)),
        within(deadline, "ec2:DescribeRouteTables", ec2::route_tables(aws, &vpcs)),
        async {
            let mut all = Vec::new();
            for v in &vpcs {
                all.extend(within(deadline, "ec2:DescribeVpcEndpoints", ec2::endpoint_services(aws, v)).await?);
            }
            Ok(all)
        },
    );
    let mut out = Vec::new();
    match described {
        Ok(list) => {
            for v in list.iter().filter(|v| v.instance_tenancy == "dedicated") {
                out.push(finding(
                    &fargate_in_dedicated_tenancy_vpc::RULE,
                    &subnets_pointer,
                    format!("the subnets are in `{}`, a VPC with dedicated instance tenancy: Fargate tasks do not support dedicated tenancy", v.id),
                    Some("run Fargate tasks in a VPC with default tenancy, or use EC2 capacity".to_owned()),
                ));
            }
        }
        Err(e) => out.push(not_made(&subnets_pointer, "the VPC's tenancy", &e)),
    }
    let tables = match tables {
        Ok(t) => t,
        Err(e) => {
            out.push(not_made(&subnets_pointer, "that the subnets can reach the image registry", &e));
            return out;
        }
    };
    let needs = Needs::of(aws.region(), td);
    for subnet in &net.subnets {
        let Some(problem) = no_route(&tables, subnet, facts.public_ip()) else { continue };
        let endpoints = match &endpoints {
            Ok(e) => e,
            Err(e) => {
                out.push(not_made(&subnets_pointer, "the VPC's endpoints (needed without a NAT route)", e));
                return out;
            }
        };
        let missing: Vec<&str> = needs.endpoints.iter().filter(|svc| !endpoints.iter().any(|e| e.ends_with(&format!(".{svc}")))).map(String::as_str).collect();
        if missing.is_empty() && needs.public_images.is_empty() {
            continue;
        }
        let pointer = facts.subnets.iter().find(|a| a.value == subnet.id).map_or(subnets_pointer.clone(), |a| a.pointer.clone());
        let mut why = Vec::new();
        if !missing.is_empty() {
            why.push(format!("the VPC has no endpoint for {} ({})", listed(&missing), needs.reason));
        }
        if !needs.public_images.is_empty() {
            why.push(format!("{} cannot be pulled through VPC endpoints", listed(&needs.public_images)));
        }
        out.push(finding(
            &task_without_route_for_image_pull::RULE,
            &pointer,
            format!("subnet `{}` gives the task no way out: {problem}; and {}", subnet.id, why.join("; ")),
            Some("route 0.0.0.0/0 to a NAT gateway, or use a public subnet with `assignPublicIp: ENABLED`, or create the VPC endpoints named".to_owned()),
        ));
    }
    out
}

/// Why the subnet has no usable default route, or None when it has one.
fn no_route(tables: &[RouteTable], subnet: &Subnet, public_ip: bool) -> Option<String> {
    let Some(table) = ec2::table_of(tables, subnet) else {
        return Some(format!("no route table applies to it in `{}`", subnet.vpc_id));
    };
    let kind = if table.main && !table.subnet_ids.contains(&subnet.id) { "the VPC's main route table" } else { "route table" };
    match table.default_route() {
        None => Some(format!("{kind} `{}` has no 0.0.0.0/0 route (no NAT gateway)", table.id)),
        Some(r) if r.target.starts_with("igw-") && !public_ip => {
            Some(format!("{kind} `{}` sends 0.0.0.0/0 to internet gateway `{}`, which needs `assignPublicIp: ENABLED` (it is DISABLED)", table.id, r.target))
        }
        Some(_) => None,
    }
}

/// The endpoint services a task without internet access needs, from its task definition.
struct Needs {
    endpoints: Vec<String>,
    reason: String,
    /// Images outside ECR: no endpoint reaches them.
    public_images: Vec<String>,
}

impl Needs {
    fn of(region: &str, td: Option<&TaskDefinitionInfo>) -> Needs {
        let Some(td) = td else {
            return Needs { endpoints: vec!["ecr.api".into(), "ecr.dkr".into(), "s3".into()], reason: "image pulls from ECR".to_owned(), public_images: Vec::new() };
        };
        let mut endpoints = Vec::new();
        let mut reasons = Vec::new();
        let mut public_images = Vec::new();
        for c in &td.containers {
            if ecr_image(&c.image).is_some() {
                if !endpoints.iter().any(|e| e == "ecr.dkr") {
                    endpoints.extend(["ecr.api".to_owned(), "ecr.dkr".to_owned(), "s3".to_owned()]);
                    reasons.push("ECR images");
                }
            } else if !c.image.is_empty() && !public_images.contains(&c.image) {
                public_images.push(c.image.clone());
            }
            if c.awslogs.as_ref().is_some_and(|(_, r, _)| r.as_deref().is_none_or(|r| r == region)) && !endpoints.iter().any(|e| e == "logs") {
                endpoints.push("logs".to_owned());
                reasons.push("awslogs");
            }
            for (_, value_from) in &c.secrets {
                let svc = match secret_service(value_from) {
                    SecretService::Ssm => "ssm",
                    SecretService::SecretsManager => "secretsmanager",
                };
                if !endpoints.iter().any(|e| e == svc) {
                    endpoints.push(svc.to_owned());
                    reasons.push("secrets");
                }
            }
        }
        reasons.dedup();
        Needs { endpoints, reason: format!("needed for {}", reasons.join(", ")), public_images }
    }
}
