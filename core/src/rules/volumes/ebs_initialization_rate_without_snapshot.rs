use crate::context::Ctx;
use crate::diagnostics::message::{dotted, shorten};
use crate::diagnostics::Applicability;

use super::ebs_volumes;

crate::declare_rule! {
    /// ## What it checks
    /// That `managedEBSVolume.volumeInitializationRate` is set only together with
    /// `snapshotId`. (Its range, 100–300 MiB/s, is checked by RT106.)
    ///
    /// ## Why it matters
    /// The rate says how fast data is fetched from the snapshot into the new volume: "This
    /// property can be specified only if you specify a snapshotId" (ECS API reference). A new
    /// empty volume has nothing to fetch, and the request is rejected.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 100, "volumeInitializationRate": 200}}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "snapshotId": "snap-0123456789abcdef0", "volumeInitializationRate": 200}}]}
    /// ```
    ///
    /// ## How to fix
    /// Add the `snapshotId` the volume should be created from, or remove
    /// `volumeInitializationRate` (the fix does; unsafe if you meant to restore a snapshot).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskManagedEBSVolumeConfiguration.html
    pub static RULE = {
        code: "RT712",
        name: "ebs-initialization-rate-without-snapshot",
        severity: Error,
        catalogue: ["R-VOL-19"],
        topics: [Volumes],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    for ebs in ebs_volumes(doc, ctx.req) {
        let Some(node) = doc.get(ebs.node, "volumeInitializationRate") else { continue };
        if doc.get(ebs.node, "snapshotId").is_some() {
            continue;
        }
        let fix = ctx.remove(node, Applicability::Unsafe, "Remove `volumeInitializationRate`");
        ctx.report_key(node, format!("`{}` is {}, but there is no `snapshotId`: the rate applies only to volumes created from a snapshot", dotted(doc, node), shorten(doc.raw(node), 20)))
            .help("add the \"snapshotId\" to restore, or remove `volumeInitializationRate`")
            .fix(fix);
    }
}
