use crate::context::Ctx;
use crate::diagnostics::message::dotted;
use crate::diagnostics::{Applicability, Severity};

use super::{ebs_volumes, fit, int32, thousands, Fit};

crate::declare_rule! {
    /// ## What it checks
    /// That `managedEBSVolume.iops` is within the range of the volume type (`gp3` when
    /// `volumeType` is omitted). An error outside what EC2 `CreateVolume` accepts: gp3
    /// 3,000–80,000, io1 100–64,000, io2 100–256,000. A warning for gp3 values of
    /// 16,001–80,000, which EC2 accepts but the ECS documentation (16,000 at most) does not
    /// list.
    ///
    /// ## Why it matters
    /// ECS passes the value to EC2 `CreateVolume`, which rejects it outside the range; the task
    /// does not start. (AWS CDK: `'<type>' volumes must have 'iops' between … and …`.)
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 100, "iops": 1000}}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 100, "iops": 3000}}]}
    /// ```
    ///
    /// ## How to fix
    /// Choose IOPS in the type's range. The fix sets the nearest value the ECS documentation
    /// lists (unsafe: it changes the volume's performance and price). EC2 also caps IOPS per
    /// GiB of size (gp3 500, io1 50, io2 1,000).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskManagedEBSVolumeConfiguration.html
    pub static RULE = {
        code: "RT709",
        name: "ebs-iops-out-of-range",
        severity: Error,
        catalogue: ["R-VOL-14", "R-VOL-15"],
        topics: [Volumes],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    for ebs in ebs_volumes(doc, ctx.req) {
        let Some(ty) = ebs.ty else { continue };
        let (Some(ecs), Some(ec2)) = (ty.iops_ecs, ty.iops_ec2) else { continue };
        let Some(node) = doc.get(ebs.node, "iops") else { continue };
        let Some(v) = int32(doc, node) else { continue };
        let nearest = v.clamp(ecs.0, ecs.1);
        let fix = ctx.replace_value(node, nearest.to_string(), Applicability::Unsafe, format!("Set `iops` to {nearest}"));
        let path = dotted(doc, node);
        let label = ebs.type_label();
        match fit(v, ecs, ec2) {
            Fit::Within => {}
            Fit::Outside => {
                ctx.report(node, format!("`{path}` is {}, but {label} volumes take {}–{} IOPS", thousands(v), thousands(ec2.0), thousands(ec2.1)))
                    .help(format!("use {}–{} IOPS, the range ECS documents for {}", thousands(ecs.0), thousands(ecs.1), ty.name))
                    .fix(fix);
            }
            Fit::Gap => {
                ctx.report(node, format!("`{path}` is {}: EC2 accepts up to {} IOPS for {label} volumes, but the ECS documentation lists at most {}", thousands(v), thousands(ec2.1), thousands(ecs.1)))
                    .help(format!("check that ECS accepts this value in your Region; {} IOPS or less is documented", thousands(ecs.1)))
                    .severity(Severity::Warning)
                    .fix(fix);
            }
        }
    }
}
