use crate::context::Ctx;
use crate::json::Kind;
use crate::diagnostics::message::dotted;

crate::declare_rule! {
    /// ## What it checks
    /// That each entry of `volumeConfigurations` has `managedEBSVolume`.
    ///
    /// ## Why it matters
    /// `managedEBSVolume` is optional in the API model, but an Amazon EBS volume is the only
    /// kind of volume that can be configured at launch ("Currently, the only supported volume
    /// type is an Amazon EBS volume"): without it the entry configures nothing, and the task
    /// definition's `configuredAtLaunch` volume gets no volume.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data"}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 20}}]}
    /// ```
    ///
    /// ## How to fix
    /// Add `managedEBSVolume` with the infrastructure role and a size or snapshot, or remove the
    /// entry.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskVolumeConfiguration.html
    pub static RULE = {
        code: "RT700",
        name: "volume-configuration-without-managed-ebs-volume",
        severity: Warning,
        catalogue: ["R-VOL-03"],
        topics: [Volumes],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    for v in doc.elements(ctx.req.volume_configurations) {
        if doc.kind(v) != Kind::Object || doc.get(v, "managedEBSVolume").is_some() {
            continue;
        }
        ctx.report_missing(v, "managedEBSVolume", format!("`{}` has no `managedEBSVolume`: an EBS volume is the only kind ECS configures at launch", dotted(doc, v)))
            .help("add \"managedEBSVolume\": {\"roleArn\": \"arn:aws:iam::<account-id>:role/ecsInfrastructureRole\", \"sizeInGiB\": 20}, or remove the entry");
    }
}
