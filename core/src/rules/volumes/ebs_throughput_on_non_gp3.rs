use crate::context::Ctx;
use crate::diagnostics::message::{dotted, shorten};
use crate::diagnostics::Applicability;

use super::ebs_volumes;

crate::declare_rule! {
    /// ## What it checks
    /// That `managedEBSVolume.throughput` is set only for `gp3` volumes (the type used when
    /// `volumeType` is omitted).
    ///
    /// ## Why it matters
    /// "This parameter is only supported for the gp3 volume type" (ECS API reference); EC2
    /// rejects it for other types and the task does not start. (AWS CDK: `'throughput' can
    /// only be configured with gp3 volume type`.)
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "volumeType": "gp2", "sizeInGiB": 100, "throughput": 250}}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "volumeType": "gp3", "sizeInGiB": 100, "throughput": 250}}]}
    /// ```
    ///
    /// ## How to fix
    /// Use `gp3`, or remove `throughput` (the fix does; unsafe: you may have wanted that
    /// throughput).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskManagedEBSVolumeConfiguration.html
    pub static RULE = {
        code: "RT710",
        name: "ebs-throughput-on-non-gp3",
        severity: Error,
        catalogue: ["R-VOL-16"],
        topics: [Volumes],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    for ebs in ebs_volumes(doc, ctx.req) {
        let Some(ty) = ebs.ty.filter(|t| t.name != "gp3") else { continue };
        let Some(node) = doc.get(ebs.node, "throughput") else { continue };
        let fix = ctx.remove(node, Applicability::Unsafe, "Remove `throughput`");
        let mut r = ctx.report_key(node, format!("`{}` is {}, but only gp3 volumes take a throughput and this one is {}", dotted(doc, node), shorten(doc.raw(node), 20), ty.name));
        r.help("use \"volumeType\": \"gp3\", or remove `throughput`").fix(fix);
        if let Some(t) = ebs.type_node {
            r.label(t, "not gp3");
        }
    }
}
