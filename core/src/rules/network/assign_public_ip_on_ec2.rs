use crate::context::{Ctx, Target};
use crate::diagnostics::Applicability;

crate::declare_rule! {
    /// ## What it checks
    /// That `awsvpcConfiguration.assignPublicIp` is not `ENABLED` when the task runs on EC2
    /// instances (`launchType` `EC2`, or a strategy of Auto Scaling group capacity providers).
    ///
    /// ## Why it matters
    /// Only Fargate tasks can get a public IP address on their network interface. ECS rejects
    /// the request: `Assign public IP is not supported for this launch type.`
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"], "assignPublicIp": "ENABLED"}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"], "assignPublicIp": "DISABLED"}}}
    /// ```
    ///
    /// ## How to fix
    /// Set `DISABLED` (or remove it) and give the task outbound access through a NAT gateway in
    /// its subnets; or run the task on Fargate. The fix sets `DISABLED` (unsafe: the task loses
    /// the public address you asked for).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html
    pub static RULE = {
        code: "RT403",
        name: "assign-public-ip-on-ec2",
        severity: Error,
        catalogue: ["R-NET-09"],
        topics: [Network, LaunchType],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.target != Target::Ec2Like {
        return;
    }
    let Some(awsvpc) = ctx.req.awsvpc else { return };
    let Some(ip) = ctx.doc.get(awsvpc, "assignPublicIp") else { return };
    if ctx.doc.str(ip).as_deref() != Some("ENABLED") {
        return;
    }
    let on = match ctx.launch_type() {
        Some(lt) => format!("`launchType` is {lt}"),
        None => "its capacity providers are not Fargate's".to_owned(),
    };
    let lt = ctx.req.launch_type;
    let fix = ctx.replace_value(ip, "\"DISABLED\"", Applicability::Unsafe, "Set `assignPublicIp` to `DISABLED`");
    let mut r = ctx.report(ip, format!("`assignPublicIp` is ENABLED but the task runs on EC2 instances ({on}); only Fargate tasks can get a public IP"));
    r.help("set \"assignPublicIp\": \"DISABLED\" and reach the internet through a NAT gateway, or run the task on Fargate")
        .note("AWS answers: Assign public IP is not supported for this launch type.")
        .fix(fix);
    if let Some(lt) = lt {
        r.label(lt, "the task runs on EC2 instances");
    }
}
