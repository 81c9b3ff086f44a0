use crate::context::Ctx;
use crate::diagnostics::message::{dotted, shorten};
use crate::diagnostics::Applicability;

use super::ebs_volumes;

crate::declare_rule! {
    /// ## What it checks
    /// That `iops` is not set for `gp2`, `st1`, `sc1` or `standard` volumes; only `gp3`, `io1`
    /// and `io2` take provisioned IOPS.
    ///
    /// ## Why it matters
    /// ECS: `iops` "is not supported for st1, sc1, or standard volume types"; EC2
    /// `CreateVolume`, which ECS calls, says to omit it for every type but io1, io2 and gp3 (gp2
    /// performance follows the size). (AWS CDK: `iops cannot be specified with sc1, st1, gp2
    /// and standard volume types`.)
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "volumeType": "gp2", "sizeInGiB": 100, "iops": 3000}}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "volumeType": "gp3", "sizeInGiB": 100, "iops": 3000}}]}
    /// ```
    ///
    /// ## How to fix
    /// Remove `iops` (the fix does; unsafe: you may have wanted that performance), or use `gp3`
    /// to choose the IOPS.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskManagedEBSVolumeConfiguration.html
    pub static RULE = {
        code: "RT708",
        name: "ebs-iops-not-supported",
        severity: Error,
        catalogue: ["R-VOL-12", "R-VOL-13"],
        topics: [Volumes],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    for ebs in ebs_volumes(doc, ctx.req) {
        let Some(ty) = ebs.ty.filter(|t| t.iops_ec2.is_none()) else { continue };
        let Some(node) = doc.get(ebs.node, "iops") else { continue };
        let help = if ty.name == "gp2" {
            "remove `iops` (gp2 performance follows the size: 3 IOPS a GiB), or use \"volumeType\": \"gp3\" to choose the IOPS"
        } else {
            "remove `iops`, or use gp3, io1 or io2 to provision IOPS"
        };
        let fix = ctx.remove(node, Applicability::Unsafe, "Remove `iops`");
        let mut r = ctx.report_key(node, format!("`{}` is {}, but {} volumes take no IOPS setting", dotted(doc, node), shorten(doc.raw(node), 20), ty.name));
        r.help(help).fix(fix);
        if let Some(t) = ebs.type_node {
            r.label(t, "this type has no provisioned IOPS");
        }
    }
}
