//! Listings for choosing rather than typing: clusters, task definition families and revisions,
//! VPCs, the subnets and security groups of a VPC (with Name tags, AZ, public or private), and a
//! cluster's capacity providers. Each is one bounded series of read-only calls; the caller bounds
//! the time (`tokio::time::timeout`). Everything serialises to camelCase JSON for the console.

use serde::Serialize;

use crate::aws::{Aws, CallError};
use crate::ec2::{self, SecurityGroup, Vpc};
use crate::ecs::{self, Cluster};

/// A subnet with what a picker shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SubnetChoice {
    #[serde(flatten)]
    pub subnet: ec2::Subnet,
    /// The subnet's route table sends 0.0.0.0/0 to an internet gateway.
    pub public: bool,
    /// The route table that applies (explicit association, else the VPC's main table).
    pub route_table: Option<String>,
}

/// A task definition revision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Revision {
    /// `web:3`.
    pub name: String,
    pub revision: u32,
    pub arn: String,
}

/// The capacity providers a cluster can use in a strategy, and its default strategy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CapacityProviders {
    pub cluster: String,
    pub capacity_providers: Vec<String>,
    pub default_strategy: Vec<ecs::StrategyItem>,
}

impl Aws {
    /// Every cluster of the Region with its status and capacity providers, by name.
    pub async fn list_clusters(&self) -> Result<Vec<Cluster>, CallError> {
        let arns = ecs::list_cluster_arns(self).await?;
        if arns.is_empty() {
            return Ok(Vec::new());
        }
        let (mut clusters, _) = ecs::describe_clusters(self, &arns).await?;
        clusters.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(clusters)
    }

    /// Task definition families with an ACTIVE revision, optionally starting with `prefix`.
    pub async fn list_task_definition_families(&self, prefix: Option<&str>) -> Result<Vec<String>, CallError> {
        ecs::families(self, prefix).await
    }

    /// The ACTIVE revisions of a family, newest first.
    pub async fn list_task_definition_revisions(&self, family: &str) -> Result<Vec<Revision>, CallError> {
        let arns = ecs::task_definition_arns(self, family, "ACTIVE").await?;
        Ok(arns
            .into_iter()
            .filter_map(|arn| {
                let name = ecs::short_name(&arn).to_owned();
                let revision = ecs::split_reference(&name).1?.parse().ok()?;
                Some(Revision { name, revision, arn })
            })
            .collect())
    }

    /// The Region's VPCs.
    pub async fn list_vpcs(&self) -> Result<Vec<Vpc>, CallError> {
        ec2::vpcs(self, &[]).await
    }

    /// The subnets of a VPC with their AZ, Name tag and whether they are public, by AZ then ID.
    pub async fn list_subnets(&self, vpc: &str) -> Result<Vec<SubnetChoice>, CallError> {
        let vpcs = [vpc.to_owned()];
        let (subnets, tables) = tokio::join!(ec2::subnets_of_vpc(self, vpc), ec2::route_tables(self, &vpcs));
        let (subnets, tables) = (subnets?, tables?);
        let mut out: Vec<SubnetChoice> = subnets
            .into_iter()
            .map(|subnet| SubnetChoice { public: ec2::is_public(&tables, &subnet), route_table: ec2::table_of(&tables, &subnet).map(|t| t.id.clone()), subnet })
            .collect();
        out.sort_by(|a, b| (&a.subnet.availability_zone, &a.subnet.id).cmp(&(&b.subnet.availability_zone, &b.subnet.id)));
        Ok(out)
    }

    /// The security groups of a VPC, by group name.
    pub async fn list_security_groups(&self, vpc: &str) -> Result<Vec<SecurityGroup>, CallError> {
        let mut groups = ec2::groups_of_vpc(self, vpc).await?;
        groups.sort_by(|a, b| a.group_name.cmp(&b.group_name));
        Ok(groups)
    }

    /// The capacity providers associated with a cluster (`default` when None), and its default
    /// strategy. A missing cluster is `Ok(None)`.
    pub async fn cluster_capacity_providers(&self, cluster: Option<&str>) -> Result<Option<CapacityProviders>, CallError> {
        let name = cluster.unwrap_or("default").to_owned();
        let (found, _) = ecs::describe_clusters(self, std::slice::from_ref(&name)).await?;
        Ok(found.into_iter().next().map(|c| CapacityProviders { cluster: c.name, capacity_providers: c.capacity_providers, default_strategy: c.default_strategy }))
    }
}
