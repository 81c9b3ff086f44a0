crate::declare_rule! {
    /// ## What it checks
    /// For a Fargate task, that each subnet lets the task reach what it must reach to start:
    /// the image registry, CloudWatch Logs and the secrets' services. That holds when the
    /// subnet's route table sends `0.0.0.0/0` to a NAT gateway (or another NAT device), or to an
    /// internet gateway with `assignPublicIp: ENABLED`. Otherwise the VPC needs interface
    /// endpoints (`ecr.api`, `ecr.dkr` and the `s3` gateway endpoint for ECR images; `logs`,
    /// `ssm`, `secretsmanager` as used), and images outside ECR cannot be pulled at all.
    ///
    /// ## Why it matters
    /// RunTask accepts the request, then the task stops: `CannotPullContainerError` or
    /// `ResourceInitializationError` after minutes of waiting. The message names the route table,
    /// its default route (or its absence) and the endpoints that are missing.
    ///
    /// ## Account state
    /// `subnet-0a1b2c3d` uses a route table with only the `local` route; the VPC has no endpoints.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"], "assignPublicIp": "DISABLED"}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"], "assignPublicIp": "DISABLED"}}}
    /// ```
    /// (after adding `0.0.0.0/0 → nat-…` to the subnet's route table)
    ///
    /// ## How to fix
    /// Route `0.0.0.0/0` of private subnets to a NAT gateway; or use public subnets (default route
    /// to an internet gateway) with `assignPublicIp: ENABLED`; or create the VPC endpoints named.
    ///
    /// ## Reference
    /// https://repost.aws/knowledge-center/ecs-fargate-docker-timeout-error
    /// https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html
    pub static RULE = {
        code: "RT857",
        name: "task-without-route-for-image-pull",
        severity: Warning,
        catalogue: ["R-LIVE-05"],
        live: true,
        topics: [Live, Network],
    };
}
