crate::declare_rule! {
    /// ## What it checks
    /// That the subnets and security groups of `awsvpcConfiguration` are all in one VPC.
    ///
    /// ## Why it matters
    /// The API reference says: "All specified subnets and security groups must be from the same
    /// VPC." A task's network interface lives in one VPC; a group of another VPC cannot be
    /// attached to it.
    ///
    /// ## Account state
    /// `subnet-0a1b2c3d` is in `vpc-01111111`, `sg-0e5f6a7b` in `vpc-02222222`.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"], "securityGroups": ["sg-0e5f6a7b"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"], "securityGroups": ["sg-0a1b2c3d"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Pick subnets and security groups of the same VPC. The message names each one's VPC.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html
    pub static RULE = {
        code: "RT855",
        name: "network-in-different-vpcs",
        severity: Error,
        catalogue: ["R-NET-11"],
        live: true,
        topics: [Live, Network],
    };
}
