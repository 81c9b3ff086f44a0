crate::declare_rule! {
    /// ## What it checks
    /// For a Fargate task, that the subnets' VPC does not have dedicated instance tenancy.
    ///
    /// ## Why it matters
    /// The console guide says dedicated hardware tenancy is not supported by Fargate tasks: the
    /// task cannot be placed in such a VPC. Whether RunTask refuses at once or the task fails is
    /// not documented, hence a warning.
    ///
    /// ## Account state
    /// `subnet-0a1b2c3d` is in a VPC with `instanceTenancy: dedicated`.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Run Fargate tasks in subnets of a VPC with default tenancy, or use EC2 capacity.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-defs.html
    pub static RULE = {
        code: "RT856",
        name: "fargate-in-dedicated-tenancy-vpc",
        severity: Warning,
        catalogue: ["R-NET-13"],
        live: true,
        topics: [Live, Network, LaunchType],
    };
}
