use crate::context::Ctx;
use crate::diagnostics::message::dotted;

use super::ebs_volumes;

crate::declare_rule! {
    /// ## What it checks
    /// That `managedEBSVolume` gives `sizeInGiB`, `snapshotId`, or both.
    ///
    /// ## Why it matters
    /// "You must specify either a volume size or a snapshot ID": without either, ECS cannot
    /// create the volume. (AWS CDK: `'sizeInGiB' or 'snapShotId' must be specified`.)
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "volumeType": "gp3"}}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "volumeType": "gp3", "sizeInGiB": 100}}]}
    /// ```
    ///
    /// ## How to fix
    /// Add `sizeInGiB` for a new empty volume, or `snapshotId` to restore a snapshot (its size
    /// is used unless `sizeInGiB` asks for more).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskManagedEBSVolumeConfiguration.html
    pub static RULE = {
        code: "RT702",
        name: "ebs-volume-without-size-or-snapshot",
        severity: Error,
        catalogue: ["R-VOL-05"],
        topics: [Volumes],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    for ebs in ebs_volumes(doc, ctx.req) {
        if doc.get(ebs.node, "sizeInGiB").is_some() || doc.get(ebs.node, "snapshotId").is_some() {
            continue;
        }
        ctx.report_missing(ebs.node, "sizeInGiB", format!("`{}` has neither `sizeInGiB` nor `snapshotId`; ECS needs one to create the volume", dotted(doc, ebs.node)))
            .help("add \"sizeInGiB\" (e.g. 20) for a new volume, or \"snapshotId\": \"snap-…\" to restore a snapshot");
    }
}
