use crate::context::{Ctx, Target};
use crate::diagnostics::Applicability;

crate::declare_rule! {
    /// ## What it checks
    /// Whether `overrides.ephemeralStorage` is set for a task that does not run on Fargate
    /// (launch type `EC2` or `EXTERNAL`, or a strategy of Auto Scaling group providers).
    ///
    /// ## Why it matters
    /// Ephemeral storage overrides are "only supported for tasks hosted on Fargate". On EC2 the
    /// task's storage is the container instance's volume, so the override does nothing.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "overrides": {"ephemeralStorage": {"sizeInGiB": 50}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"ephemeralStorage": {"sizeInGiB": 50}}}
    /// ```
    ///
    /// ## How to fix
    /// Remove `ephemeralStorage` and size the container instance's volume instead. The fix
    /// removes it (unsafe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskOverride.html
    pub static RULE = {
        code: "RT309",
        name: "ephemeral-storage-outside-fargate",
        severity: Warning,
        catalogue: ["R-FG-15"],
        topics: [EphemeralStorage, LaunchType],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let place = match ctx.target {
        Target::Ec2Like => "on EC2",
        Target::External => "on external (ECS Anywhere) instances",
        _ => return,
    };
    let Some(ov) = ctx.req.overrides else { return };
    let Some(node) = ctx.doc.get(ov, "ephemeralStorage") else { return };
    let fix = ctx.remove(node, Applicability::Unsafe, "Remove `ephemeralStorage`");
    let launch_type = ctx.req.launch_type;
    let mut r = ctx.report_key(node, format!("`overrides.ephemeralStorage` is only supported on Fargate, but this task runs {place}"));
    r.help("remove it, and give the container instances a larger volume if the task needs more space").fix(fix);
    if let Some(lt) = launch_type {
        r.label(lt, "the launch type");
    }
}
