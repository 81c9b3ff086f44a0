"""Seeds moto's server for the console's launch test: what a Fargate RunTask needs there (a VPC
with DNS hostnames, a subnet, a security group, a cluster, a task definition whose container sets
`memory`). Prints the names as JSON. Usage: seed_moto.py http://127.0.0.1:PORT"""
import json
import sys

import boto3

endpoint = sys.argv[1]
kw = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing")
ec2 = boto3.client("ec2", **kw)
ecs = boto3.client("ecs", **kw)

vpc = ec2.create_vpc(CidrBlock="10.42.0.0/16")["Vpc"]["VpcId"]
ec2.modify_vpc_attribute(VpcId=vpc, EnableDnsHostnames={"Value": True})
subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.42.1.0/24", AvailabilityZone="us-east-1a")["Subnet"]["SubnetId"]
sg = ec2.create_security_group(GroupName="runtask-console-test", Description="console test", VpcId=vpc)["GroupId"]
ecs.create_cluster(clusterName="console-test")
td = ecs.register_task_definition(
    family="console-job",
    requiresCompatibilities=["FARGATE"],
    networkMode="awsvpc",
    cpu="256",
    memory="512",
    containerDefinitions=[{"name": "app", "image": "public.ecr.aws/docker/library/busybox:latest", "memory": 512, "essential": True}],
)["taskDefinition"]
print(json.dumps({
    "cluster": "console-test",
    "taskDefinition": f"{td['family']}:{td['revision']}",
    "vpc": vpc,
    "subnet": subnet,
    "securityGroup": sg,
    "container": "app",
}))
