//! moto's server, the same harness as runtask-proxy's tests (proxy/tests/support/moto.rs), and
//! the account state the live checks look at, built through moto's own API.
#![allow(dead_code)]

#[path = "../../../proxy/tests/support/moto.rs"]
pub mod moto;

use std::sync::atomic::{AtomicU32, Ordering};

use aws_credential_types::Credentials;
use moto::{xml_text, Moto, ACCOUNT};
use runtask_live::Aws;
use serde_json::{json, Value};

/// moto.rs's `request()` puts this in an environment override.
pub const ENV_SECRET: &str = "hunter2-live-test-secret";
pub const REGION: &str = "us-east-1";
pub const ECS: &str = "AmazonEC2ContainerServiceV20141113";

/// A connection to `moto` with any credentials (moto checks none until enforcement is on).
pub fn aws(moto: &Moto) -> Aws {
    Aws::with_endpoint(&moto.url(), REGION, Some(Credentials::new("AKIDLIVETEST", "live-test-secret", None, None, "tests"))).unwrap()
}

/// A name no other test uses.
pub fn unique(prefix: &str) -> String {
    static N: AtomicU32 = AtomicU32::new(0);
    format!("{prefix}-{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed))
}

pub fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

pub fn trust(service: &str) -> String {
    json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}]}).to_string()
}

/// An account with everything a Fargate task of one family needs, each part named uniquely:
/// a VPC with a private subnet whose default route goes to a NAT gateway, a public subnet
/// (internet gateway), a subnet with no way out, a security group; a cluster with FARGATE;
/// task and execution roles trusting ecs-tasks; an ECR image; a log group; an SSM parameter and
/// a Secrets Manager secret; and the task definition `family:1` using all of them.
pub struct World {
    pub tag: String,
    pub vpc: String,
    pub private_subnet: String,
    pub public_subnet: String,
    pub isolated_subnet: String,
    pub security_group: String,
    pub cluster: String,
    pub family: String,
    pub task_role: String,
    pub execution_role: String,
    pub repository: String,
    pub image: String,
    pub log_group: String,
    pub parameter: String,
    pub secret_arn: String,
}

impl World {
    pub fn new(moto: &Moto) -> World {
        let tag = unique("w");
        let vpc = xml_text(&moto.ec2("Action=CreateVpc&CidrBlock=10.1.0.0%2F16"), "vpcId");
        let subnet = |cidr: &str, name: &str| {
            let id = xml_text(&moto.ec2(&format!("Action=CreateSubnet&VpcId={vpc}&CidrBlock={}&AvailabilityZone=us-east-1a", enc(cidr))), "subnetId");
            moto.ec2(&format!("Action=CreateTags&ResourceId.1={id}&Tag.1.Key=Name&Tag.1.Value={name}"));
            id
        };
        let public_subnet = subnet("10.1.1.0/24", "public-a");
        let private_subnet = subnet("10.1.2.0/24", "private-a");
        let isolated_subnet = subnet("10.1.3.0/24", "isolated-a");
        let igw = xml_text(&moto.ec2("Action=CreateInternetGateway"), "internetGatewayId");
        moto.ec2(&format!("Action=AttachInternetGateway&InternetGatewayId={igw}&VpcId={vpc}"));
        let public_rt = xml_text(&moto.ec2(&format!("Action=CreateRouteTable&VpcId={vpc}")), "routeTableId");
        moto.ec2(&format!("Action=CreateRoute&RouteTableId={public_rt}&DestinationCidrBlock=0.0.0.0%2F0&GatewayId={igw}"));
        moto.ec2(&format!("Action=AssociateRouteTable&RouteTableId={public_rt}&SubnetId={public_subnet}"));
        let eip = xml_text(&moto.ec2("Action=AllocateAddress&Domain=vpc"), "allocationId");
        let nat = xml_text(&moto.ec2(&format!("Action=CreateNatGateway&SubnetId={public_subnet}&AllocationId={eip}")), "natGatewayId");
        let private_rt = xml_text(&moto.ec2(&format!("Action=CreateRouteTable&VpcId={vpc}")), "routeTableId");
        moto.ec2(&format!("Action=CreateRoute&RouteTableId={private_rt}&DestinationCidrBlock=0.0.0.0%2F0&NatGatewayId={nat}"));
        moto.ec2(&format!("Action=AssociateRouteTable&RouteTableId={private_rt}&SubnetId={private_subnet}"));
        let security_group = xml_text(&moto.ec2(&format!("Action=CreateSecurityGroup&GroupName={tag}&GroupDescription=tasks&VpcId={vpc}")), "groupId");

        let cluster = format!("{tag}-cluster");
        moto.ecs("CreateCluster", &json!({"clusterName": cluster, "capacityProviders": ["FARGATE"]}));
        let role = |name: &str, service: &str| xml_text(&moto.iam(&format!("Action=CreateRole&RoleName={name}&AssumeRolePolicyDocument={}", enc(&trust(service)))), "Arn");
        let task_role = role(&format!("{tag}-task"), "ecs-tasks.amazonaws.com");
        let execution_role = role(&format!("{tag}-exec"), "ecs-tasks.amazonaws.com");

        let repository = format!("{tag}/web");
        moto.json("ecr", "AmazonEC2ContainerRegistry_V20150921.CreateRepository", &json!({"repositoryName": repository}));
        let manifest = json!({"schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json", "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "size": 1, "digest": "sha256:0000000000000000000000000000000000000000000000000000000000000000"}, "layers": []});
        moto.json("ecr", "AmazonEC2ContainerRegistry_V20150921.PutImage", &json!({"repositoryName": repository, "imageManifest": manifest.to_string(), "imageTag": "v1"}));
        let image = format!("{ACCOUNT}.dkr.ecr.{REGION}.amazonaws.com/{repository}:v1");
        let log_group = format!("/ecs/{tag}");
        moto.json("logs", "Logs_20140328.CreateLogGroup", &json!({"logGroupName": log_group}));
        let parameter = format!("/{tag}/db-user");
        moto.json("ssm", "AmazonSSM.PutParameter", &json!({"Name": parameter, "Value": "app", "Type": "String"}));
        let secret_arn = moto.json("secretsmanager", "secretsmanager.CreateSecret", &json!({"Name": format!("{tag}-db"), "SecretString": "s3cr3t"}))["ARN"].as_str().unwrap().to_owned();

        let world = World { family: tag.clone(), tag, vpc, private_subnet, public_subnet, isolated_subnet, security_group, cluster, task_role, execution_role, repository, image, log_group, parameter, secret_arn };
        world.register(moto, &world.family, |_| {});
        world
    }

    /// The task definition of this world, changed by `edit`, registered as `family`'s next
    /// revision; its `family:revision`.
    pub fn register(&self, moto: &Moto, family: &str, edit: impl FnOnce(&mut Value)) -> String {
        let mut td = json!({
            "family": family, "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",
            "taskRoleArn": self.task_role, "executionRoleArn": self.execution_role,
            "containerDefinitions": [{
                "name": "app", "image": self.image, "essential": true,
                "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": self.log_group, "awslogs-region": REGION, "awslogs-stream-prefix": "app"}},
                "secrets": [{"name": "DB_USER", "valueFrom": self.parameter}, {"name": "DB_PASSWORD", "valueFrom": self.secret_arn}]
            }]
        });
        edit(&mut td);
        let v = moto.ecs("RegisterTaskDefinition", &td);
        format!("{family}:{}", v["taskDefinition"]["revision"])
    }

    /// A Fargate request for this world that should have no live finding.
    pub fn request(&self) -> Value {
        json!({
            "cluster": self.cluster, "taskDefinition": format!("{}:1", self.family), "launchType": "FARGATE",
            "networkConfiguration": {"awsvpcConfiguration": {"subnets": [self.private_subnet], "securityGroups": [self.security_group], "assignPublicIp": "DISABLED"}}
        })
    }
}
