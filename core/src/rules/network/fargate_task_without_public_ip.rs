use crate::context::Ctx;
use crate::diagnostics::Severity;

crate::declare_rule! {
    /// ## What it checks
    /// Points out that a Fargate task gets no public IP address when
    /// `awsvpcConfiguration.assignPublicIp` is omitted or `DISABLED` (the default).
    ///
    /// ## Why it matters
    /// Without a public IP the task can reach the internet, Amazon ECR and CloudWatch Logs only
    /// through a NAT gateway or VPC endpoints. In a public subnet without either, the task
    /// cannot pull its image and stops with `CannotPullContainerError`. The console guide: a
    /// public IP "is required if your task needs outbound network access, for example to pull
    /// an image".
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"], "assignPublicIp": "ENABLED"}}}
    /// ```
    ///
    /// ## How to fix
    /// Nothing, when the subnets are private and have a NAT gateway or VPC endpoints. In a
    /// public subnet, set `"assignPublicIp": "ENABLED"`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html
    pub static RULE = {
        code: "RT404",
        name: "fargate-task-without-public-ip",
        severity: Info,
        catalogue: ["R-NET-10"],
        topics: [Network],
    };
}

const HELP: &str = "in a public subnet set \"assignPublicIp\": \"ENABLED\"; in a private subnet make sure a NAT gateway or VPC endpoints (ECR, S3, CloudWatch Logs) give the task outbound access";

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(severity) = ctx.fargate_severity(Severity::Info) else { return };
    // Without awsvpcConfiguration, RT400 reports the request.
    let Some(awsvpc) = ctx.req.awsvpc else { return };
    match ctx.doc.get(awsvpc, "assignPublicIp") {
        None => {
            ctx.report_missing(awsvpc, "assignPublicIp", "the Fargate task gets no public IP address: `assignPublicIp` is omitted and defaults to DISABLED")
                .help(HELP)
                .severity(severity);
        }
        Some(ip) if ctx.doc.str(ip).as_deref() == Some("DISABLED") => {
            ctx.report(ip, "the Fargate task gets no public IP address (`assignPublicIp` is DISABLED)").help(HELP).severity(severity);
        }
        Some(_) => {}
    }
}
