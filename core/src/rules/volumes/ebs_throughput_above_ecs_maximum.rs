use crate::context::Ctx;
use crate::data::limits::{EBS_THROUGHPUT_EC2, EBS_THROUGHPUT_ECS_MAX};
use crate::diagnostics::message::dotted;
use crate::diagnostics::Applicability;

use super::{ebs_volumes, int32, thousands};

crate::declare_rule! {
    /// ## What it checks
    /// That a gp3 volume's `throughput` is at most 1,000 MiB/s, the maximum the ECS
    /// documentation gives. Values of 1,001–2,000 MiB/s, which EC2 `CreateVolume` accepts, are
    /// a warning; below 125 or above 2,000 MiB/s RT106 reports an error.
    ///
    /// ## Why it matters
    /// ECS documents "a maximum of 1,000 MiB/s" and AWS CDK rejects more (`'throughput' must be
    /// less than or equal to 1000 MiB/s`), while EC2, to which the parameter "maps 1:1", now
    /// allows 2,000. Whether ECS accepts the higher values is not documented.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "volumeType": "gp3", "sizeInGiB": 500, "throughput": 1500}}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "volumeType": "gp3", "sizeInGiB": 500, "throughput": 1000}}]}
    /// ```
    ///
    /// ## How to fix
    /// Check that ECS accepts the value in your Region, or use 1,000 MiB/s (the fix does;
    /// unsafe: it lowers the throughput).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskManagedEBSVolumeConfiguration.html
    pub static RULE = {
        code: "RT711",
        name: "ebs-throughput-above-ecs-maximum",
        severity: Warning,
        catalogue: ["R-VOL-18"],
        topics: [Volumes],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    for ebs in ebs_volumes(doc, ctx.req) {
        if ebs.ty.is_none_or(|t| t.name != "gp3") {
            continue;
        }
        let Some(node) = doc.get(ebs.node, "throughput") else { continue };
        let Some(v) = int32(doc, node) else { continue };
        if v <= EBS_THROUGHPUT_ECS_MAX || v > EBS_THROUGHPUT_EC2.1 {
            continue;
        }
        let fix = ctx.replace_value(node, EBS_THROUGHPUT_ECS_MAX.to_string(), Applicability::Unsafe, format!("Set `throughput` to {EBS_THROUGHPUT_ECS_MAX}"));
        ctx.report(node, format!(
            "`{}` is {} MiB/s: EC2 accepts up to {} MiB/s for gp3, but the ECS documentation lists at most {} MiB/s",
            dotted(doc, node),
            thousands(v),
            thousands(EBS_THROUGHPUT_EC2.1),
            thousands(EBS_THROUGHPUT_ECS_MAX)
        ))
        .help(format!("check that ECS accepts this value in your Region; {} MiB/s or less is documented", thousands(EBS_THROUGHPUT_ECS_MAX)))
        .fix(fix);
    }
}
