crate::declare_rule! {
    /// ## What it checks
    /// That every security group in `networkConfiguration.awsvpcConfiguration.securityGroups`
    /// exists in the account and Region.
    ///
    /// ## Why it matters
    /// ECS refuses the request with `Error retrieving security group information for [sg-…]`.
    /// Security group IDs are per Region; a group name is not an ID.
    ///
    /// ## Account state
    /// The account has `sg-0a1b2c3d` and no `sg-0deadbee`.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"], "securityGroups": ["sg-0deadbee"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"], "securityGroups": ["sg-0a1b2c3d"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Use security group IDs of the subnets' VPC (`aws ec2 describe-security-groups --filters
    /// Name=vpc-id,Values=vpc-…`).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html
    pub static RULE = {
        code: "RT854",
        name: "security-group-not-found",
        severity: Error,
        catalogue: ["R-LIVE-04"],
        live: true,
        topics: [Live, Network],
    };
}
