crate::declare_rule! {
    /// ## What it checks
    /// That every subnet in `networkConfiguration.awsvpcConfiguration.subnets` exists in the
    /// account and Region.
    ///
    /// ## Why it matters
    /// ECS refuses the request with `Error retrieving subnet information for [subnet-…]`, one
    /// subnet at a time. Subnet IDs are per Region and per account.
    ///
    /// ## Account state
    /// The account has `subnet-0a1b2c3d` and no `subnet-0deadbee`.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d", "subnet-0deadbee"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Use subnet IDs of this Region's VPC (`aws ec2 describe-subnets`).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html
    pub static RULE = {
        code: "RT853",
        name: "subnet-not-found",
        severity: Error,
        catalogue: ["R-LIVE-03"],
        live: true,
        topics: [Live, Network],
    };
}
