use crate::context::Ctx;
use crate::diagnostics::message::dotted;
use crate::diagnostics::{Applicability, Severity};

use super::{ebs_volumes, fit, int32, thousands, Fit};

crate::declare_rule! {
    /// ## What it checks
    /// That `managedEBSVolume.sizeInGiB` is within the range of the volume type (`gp3` when
    /// `volumeType` is omitted). An error outside what EC2 `CreateVolume` accepts: gp2 1–16,384,
    /// gp3 1–65,536, io1 4–16,384, io2 4–65,536, st1 and sc1 125–16,384, standard 1–1,024 GiB.
    /// A warning for gp3 and io2 sizes of 16,385–65,536 GiB, which EC2 accepts but the ECS
    /// documentation (16,384 at most) does not list.
    ///
    /// ## Why it matters
    /// ECS creates the volume with EC2 `CreateVolume` ("maps 1:1"), which rejects sizes outside
    /// the type's range; the task does not start. Whether ECS itself accepts the larger sizes
    /// EC2 now allows is not documented.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "volumeType": "st1", "sizeInGiB": 100}}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "volumeType": "st1", "sizeInGiB": 125}}]}
    /// ```
    ///
    /// ## How to fix
    /// Choose a size in the type's range, or another type. The fix sets the nearest size the
    /// ECS documentation lists (unsafe: it changes the volume's size).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskManagedEBSVolumeConfiguration.html
    pub static RULE = {
        code: "RT706",
        name: "ebs-size-out-of-range",
        severity: Error,
        catalogue: ["R-VOL-09", "R-VOL-10"],
        topics: [Volumes],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    for ebs in ebs_volumes(doc, ctx.req) {
        let Some(ty) = ebs.ty else { continue };
        let Some(node) = doc.get(ebs.node, "sizeInGiB") else { continue };
        let Some(v) = int32(doc, node) else { continue };
        let (ecs, ec2) = (ty.size_ecs, ty.size_ec2);
        let nearest = v.clamp(ecs.0, ecs.1);
        let fix = ctx.replace_value(node, nearest.to_string(), Applicability::Unsafe, format!("Set `sizeInGiB` to {nearest}"));
        let path = dotted(doc, node);
        let label = ebs.type_label();
        match fit(v, ecs, ec2) {
            Fit::Within => {}
            Fit::Outside => {
                ctx.report(node, format!("`{path}` is {} GiB, but {label} volumes are {}–{} GiB", thousands(v), thousands(ec2.0), thousands(ec2.1)))
                    .help(format!("use {}–{} GiB, the range ECS documents for {}, or a volume type that allows this size", thousands(ecs.0), thousands(ecs.1), ty.name))
                    .fix(fix);
            }
            Fit::Gap => {
                ctx.report(node, format!("`{path}` is {} GiB: EC2 accepts {label} volumes of up to {} GiB, but the ECS documentation lists at most {} GiB", thousands(v), thousands(ec2.1), thousands(ecs.1)))
                    .help(format!("check that ECS accepts this size in your Region; {} GiB or less is documented", thousands(ecs.1)))
                    .severity(Severity::Warning)
                    .fix(fix);
            }
        }
    }
}
