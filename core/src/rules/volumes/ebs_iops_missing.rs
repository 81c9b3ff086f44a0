use crate::context::Ctx;
use crate::data::limits::EBS_TYPES;
use crate::diagnostics::message::dotted;

use super::{ebs_volumes, thousands};

crate::declare_rule! {
    /// ## What it checks
    /// That an `io1` or `io2` volume gives `iops`.
    ///
    /// ## Why it matters
    /// Provisioned IOPS volumes have no default IOPS: "This parameter is required for io1 and
    /// io2 volume types" (ECS API reference). EC2 rejects the volume and the task does not
    /// start. (AWS CDK: `iops must be specified with io1 or io2 volume types`.)
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "volumeType": "io2", "sizeInGiB": 100}}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "volumeType": "io2", "sizeInGiB": 100, "iops": 5000}}]}
    /// ```
    ///
    /// ## How to fix
    /// Add `iops` (io1: 100–64,000, io2: 100–256,000), or use `gp3`, which includes 3,000 IOPS.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskManagedEBSVolumeConfiguration.html
    pub static RULE = {
        code: "RT707",
        name: "ebs-iops-missing",
        severity: Error,
        catalogue: ["R-VOL-11"],
        topics: [Volumes],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    for ebs in ebs_volumes(doc, ctx.req) {
        let Some(ty) = ebs.ty.filter(|t| t.iops_required) else { continue };
        if doc.get(ebs.node, "iops").is_some() {
            continue;
        }
        let (lo, hi) = ty.iops_ecs.unwrap_or((0, 0));
        let mut r = ctx.report_missing(ebs.node, "iops", format!("`{}` is an {} volume without `iops`; {} volumes need provisioned IOPS", dotted(doc, ebs.node), ty.name, ty.name));
        let gp3 = EBS_TYPES.iter().find(|t| t.name == "gp3").and_then(|t| t.iops_ecs).map_or(0, |(baseline, _)| baseline);
        r.help(format!("add \"iops\" ({}–{}), or use gp3, which includes {} IOPS", thousands(lo), thousands(hi), thousands(gp3)));
        if let Some(t) = ebs.type_node {
            r.label(t, "provisioned IOPS type");
        }
    }
}
