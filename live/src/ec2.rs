//! The EC2 lookups (query protocol, XML answers): subnets, security groups, VPCs, route tables,
//! VPC endpoints. Existence is always asked with a filter (`subnet-id`, `group-id`): what comes
//! back exists, what does not come back is missing. (Asked by ID, EC2 fails the whole call for one
//! missing ID and names only one of them.)

use serde::Serialize;

use crate::aws::{Aws, CallError, Service};

/// Pages followed at most for one listing (1000 items a page).
const MAX_PAGES: usize = 20;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Subnet {
    pub id: String,
    pub vpc_id: String,
    pub availability_zone: String,
    pub cidr_block: String,
    pub map_public_ip_on_launch: bool,
    /// The `Name` tag.
    pub name: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SecurityGroup {
    pub id: String,
    pub vpc_id: String,
    pub group_name: String,
    pub description: String,
    /// The `Name` tag.
    pub name: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Vpc {
    pub id: String,
    pub cidr_block: String,
    pub is_default: bool,
    /// `default` or `dedicated`.
    pub instance_tenancy: String,
    pub name: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    pub destination: String,
    /// The target's ID: `igw-…`, `nat-…`, `local`, `tgw-…`, `eni-…`, `i-…`, `pcx-…`, …
    pub target: String,
    /// `active` or `blackhole`.
    pub state: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RouteTable {
    pub id: String,
    pub vpc_id: String,
    pub main: bool,
    pub subnet_ids: Vec<String>,
    pub routes: Vec<Route>,
}

impl RouteTable {
    /// The active IPv4 default route's target.
    #[must_use]
    pub fn default_route(&self) -> Option<&Route> {
        self.routes.iter().find(|r| r.destination == "0.0.0.0/0" && r.state != "blackhole")
    }
}

/// The route table a subnet uses: its explicit association, else its VPC's main table.
#[must_use]
pub fn table_of<'t>(tables: &'t [RouteTable], subnet: &Subnet) -> Option<&'t RouteTable> {
    tables.iter().find(|t| t.subnet_ids.contains(&subnet.id)).or_else(|| tables.iter().find(|t| t.main && t.vpc_id == subnet.vpc_id))
}

/// Whether a subnet's default route goes to an internet gateway (a "public" subnet).
#[must_use]
pub fn is_public(tables: &[RouteTable], subnet: &Subnet) -> bool {
    table_of(tables, subnet).and_then(RouteTable::default_route).is_some_and(|r| r.target.starts_with("igw-"))
}

/// `Filter.1.Name=name`, `Filter.1.Value.N=…` for each filter.
fn filters(list: &[(&str, &[String])]) -> Vec<(String, String)> {
    let mut params = Vec::new();
    for (i, (name, values)) in list.iter().enumerate() {
        params.push((format!("Filter.{}.Name", i + 1), (*name).to_owned()));
        for (j, v) in values.iter().enumerate() {
            params.push((format!("Filter.{}.Value.{}", i + 1, j + 1), v.clone()));
        }
    }
    params
}

/// Every page of an EC2 Describe call; `set` names the list element of the answer.
async fn describe_all<T>(aws: &Aws, action: &str, params: Vec<(String, String)>, set: &str, read: impl Fn(roxmltree::Node<'_, '_>) -> Option<T>) -> Result<Vec<T>, CallError> {
    let mut out = Vec::new();
    let mut next: Option<String> = None;
    for _ in 0..MAX_PAGES {
        let mut p = params.clone();
        if let Some(t) = &next {
            p.push(("NextToken".to_owned(), t.clone()));
        }
        let xml = aws.query(Service::Ec2, action, &p).await?;
        let doc = roxmltree::Document::parse(&xml).map_err(|e| CallError::Malformed { action: format!("ec2:{action}"), detail: e.to_string() })?;
        let root = doc.root_element();
        if let Some(list) = child(root, set) {
            out.extend(list.children().filter(|n| n.has_tag_name("item")).filter_map(&read));
        }
        next = text(root, "nextToken").filter(|t| !t.is_empty());
        if next.is_none() {
            return Ok(out);
        }
    }
    Ok(out)
}

pub(crate) fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> Option<roxmltree::Node<'a, 'i>> {
    node.children().find(|c| c.tag_name().name() == name)
}

pub(crate) fn text(node: roxmltree::Node<'_, '_>, name: &str) -> Option<String> {
    child(node, name).map(|c| c.text().unwrap_or("").trim().to_owned())
}

fn name_tag(node: roxmltree::Node<'_, '_>) -> Option<String> {
    let tags = child(node, "tagSet")?;
    tags.children().filter(|n| n.has_tag_name("item")).find(|t| text(*t, "key").as_deref() == Some("Name")).and_then(|t| text(t, "value"))
}

fn read_subnet(n: roxmltree::Node<'_, '_>) -> Option<Subnet> {
    Some(Subnet {
        id: text(n, "subnetId")?,
        vpc_id: text(n, "vpcId").unwrap_or_default(),
        availability_zone: text(n, "availabilityZone").unwrap_or_default(),
        cidr_block: text(n, "cidrBlock").unwrap_or_default(),
        map_public_ip_on_launch: text(n, "mapPublicIpOnLaunch").as_deref() == Some("true"),
        name: name_tag(n),
    })
}

fn read_group(n: roxmltree::Node<'_, '_>) -> Option<SecurityGroup> {
    Some(SecurityGroup {
        id: text(n, "groupId")?,
        vpc_id: text(n, "vpcId").unwrap_or_default(),
        group_name: text(n, "groupName").unwrap_or_default(),
        description: text(n, "groupDescription").unwrap_or_default(),
        name: name_tag(n),
    })
}

fn read_vpc(n: roxmltree::Node<'_, '_>) -> Option<Vpc> {
    Some(Vpc {
        id: text(n, "vpcId")?,
        cidr_block: text(n, "cidrBlock").unwrap_or_default(),
        is_default: text(n, "isDefault").as_deref() == Some("true"),
        instance_tenancy: text(n, "instanceTenancy").unwrap_or_else(|| "default".to_owned()),
        name: name_tag(n),
    })
}

const ROUTE_TARGETS: &[&str] =
    &["natGatewayId", "gatewayId", "transitGatewayId", "networkInterfaceId", "instanceId", "vpcPeeringConnectionId", "egressOnlyInternetGatewayId", "localGatewayId", "carrierGatewayId", "coreNetworkArn"];

fn read_table(n: roxmltree::Node<'_, '_>) -> Option<RouteTable> {
    let items = |set: &str| child(n, set).into_iter().flat_map(|s| s.children().filter(|c| c.has_tag_name("item")));
    let routes = items("routeSet")
        .map(|r| Route {
            destination: text(r, "destinationCidrBlock").unwrap_or_default(),
            target: ROUTE_TARGETS.iter().find_map(|t| text(r, t).filter(|v| !v.is_empty())).unwrap_or_default(),
            state: text(r, "state").unwrap_or_else(|| "active".to_owned()),
        })
        .collect();
    let associations: Vec<_> = items("associationSet").collect();
    Some(RouteTable {
        id: text(n, "routeTableId")?,
        vpc_id: text(n, "vpcId").unwrap_or_default(),
        main: associations.iter().any(|a| text(*a, "main").as_deref() == Some("true")),
        subnet_ids: associations.iter().filter_map(|a| text(*a, "subnetId")).filter(|s| !s.is_empty()).collect(),
        routes,
    })
}

/// The subnets among `ids` that exist.
pub async fn subnets_by_id(aws: &Aws, ids: &[String]) -> Result<Vec<Subnet>, CallError> {
    describe_all(aws, "DescribeSubnets", filters(&[("subnet-id", ids)]), "subnetSet", read_subnet).await
}

/// The subnets of a VPC.
pub async fn subnets_of_vpc(aws: &Aws, vpc: &str) -> Result<Vec<Subnet>, CallError> {
    describe_all(aws, "DescribeSubnets", filters(&[("vpc-id", &[vpc.to_owned()])]), "subnetSet", read_subnet).await
}

/// The security groups among `ids` that exist.
pub async fn groups_by_id(aws: &Aws, ids: &[String]) -> Result<Vec<SecurityGroup>, CallError> {
    describe_all(aws, "DescribeSecurityGroups", filters(&[("group-id", ids)]), "securityGroupInfo", read_group).await
}

/// The security groups of a VPC.
pub async fn groups_of_vpc(aws: &Aws, vpc: &str) -> Result<Vec<SecurityGroup>, CallError> {
    describe_all(aws, "DescribeSecurityGroups", filters(&[("vpc-id", &[vpc.to_owned()])]), "securityGroupInfo", read_group).await
}

/// VPCs: these, or all of the Region's when `ids` is empty.
pub async fn vpcs(aws: &Aws, ids: &[String]) -> Result<Vec<Vpc>, CallError> {
    let params = if ids.is_empty() { Vec::new() } else { filters(&[("vpc-id", ids)]) };
    describe_all(aws, "DescribeVpcs", params, "vpcSet", read_vpc).await
}

/// Every route table of these VPCs (explicit associations and the main tables).
pub async fn route_tables(aws: &Aws, vpcs: &[String]) -> Result<Vec<RouteTable>, CallError> {
    describe_all(aws, "DescribeRouteTables", filters(&[("vpc-id", vpcs)]), "routeTableSet", read_table).await
}

/// The service names (`com.amazonaws.us-east-1.ecr.dkr`) of the VPC's endpoints that are
/// available or pending.
pub async fn endpoint_services(aws: &Aws, vpc: &str) -> Result<Vec<String>, CallError> {
    describe_all(aws, "DescribeVpcEndpoints", filters(&[("vpc-id", &[vpc.to_owned()])]), "vpcEndpointSet", |n| {
        let state = text(n, "state").unwrap_or_default().to_ascii_lowercase();
        matches!(state.as_str(), "available" | "pending" | "pendingacceptance" | "").then(|| text(n, "serviceName")).flatten()
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_route_tables_and_finds_a_subnets_table() {
        let xml = r#"<DescribeRouteTablesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><routeTableSet>
            <item><routeTableId>rtb-0a1b2c3d</routeTableId><vpcId>vpc-0a1b2c3d</vpcId><routeSet><item><destinationCidrBlock>10.0.0.0/16</destinationCidrBlock><gatewayId>local</gatewayId><state>active</state></item></routeSet>
              <associationSet><item><routeTableAssociationId>a</routeTableAssociationId><main>true</main></item></associationSet><tagSet/></item>
            <item><routeTableId>rtb-0e5f6a7b</routeTableId><vpcId>vpc-0a1b2c3d</vpcId><routeSet><item><destinationCidrBlock>0.0.0.0/0</destinationCidrBlock><gatewayId>igw-0a1b2c3d</gatewayId><state>active</state></item></routeSet>
              <associationSet><item><subnetId>subnet-0e5f6a7b</subnetId><main>false</main></item></associationSet></item>
            </routeTableSet></DescribeRouteTablesResponse>"#;
        let doc = roxmltree::Document::parse(xml).unwrap();
        let tables: Vec<RouteTable> = child(doc.root_element(), "routeTableSet").unwrap().children().filter(|n| n.has_tag_name("item")).filter_map(read_table).collect();
        assert_eq!(tables.len(), 2);
        let subnet = |id: &str| Subnet { id: id.to_owned(), vpc_id: "vpc-0a1b2c3d".to_owned(), availability_zone: String::new(), cidr_block: String::new(), map_public_ip_on_launch: false, name: None };
        assert_eq!(table_of(&tables, &subnet("subnet-0e5f6a7b")).unwrap().id, "rtb-0e5f6a7b");
        assert_eq!(table_of(&tables, &subnet("subnet-0c0ffee0")).unwrap().id, "rtb-0a1b2c3d");
        assert!(is_public(&tables, &subnet("subnet-0e5f6a7b")));
        assert!(!is_public(&tables, &subnet("subnet-0c0ffee0")));
    }

    #[test]
    fn filters_are_numbered_from_one() {
        let p = filters(&[("subnet-id", &["subnet-0a1b2c3d".to_owned(), "subnet-0e5f6a7b".to_owned()])]);
        assert_eq!(p[0], ("Filter.1.Name".to_owned(), "subnet-id".to_owned()));
        assert_eq!(p[2], ("Filter.1.Value.2".to_owned(), "subnet-0e5f6a7b".to_owned()));
    }
}
