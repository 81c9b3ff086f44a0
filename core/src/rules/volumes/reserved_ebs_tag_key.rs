use crate::context::Ctx;
use crate::data::limits::EBS_RESERVED_TAG_KEYS;
use crate::diagnostics::message::dotted;
use crate::diagnostics::Applicability;

use super::ebs_volumes;

crate::declare_rule! {
    /// ## What it checks
    /// That no EBS tag specification sets the tag keys `AmazonECSCreated` or `AmazonECSManaged`.
    /// The other tag rules (RT500–RT502, and the length and count limits of RT107/RT108) apply
    /// to these tags as well.
    ///
    /// ## Why it matters
    /// ECS puts these tags on the volumes it manages: "AmazonECSCreated and AmazonECSManaged are
    /// reserved tags that can't be used" (ECS API reference), and the request is rejected.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 100, "tagSpecifications": [{"resourceType": "volume", "tags": [{"key": "AmazonECSManaged", "value": "true"}]}]}}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 100, "tagSpecifications": [{"resourceType": "volume", "tags": [{"key": "team", "value": "data"}]}]}}]}
    /// ```
    ///
    /// ## How to fix
    /// Remove the tag (the fix does; unsafe: check nothing else relies on it): ECS adds it
    /// itself. Use a key of your own for your own purpose.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EBSTagSpecification.html
    pub static RULE = {
        code: "RT715",
        name: "reserved-ebs-tag-key",
        severity: Error,
        catalogue: ["R-VOL-26"],
        topics: [Tags, Volumes],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    for ebs in ebs_volumes(doc, ctx.req) {
        for spec in doc.elements(doc.get(ebs.node, "tagSpecifications")) {
            for tag in doc.elements(doc.get(spec, "tags")) {
                let Some(node) = doc.get(tag, "key") else { continue };
                let Some(key) = doc.str(node) else { continue };
                if !EBS_RESERVED_TAG_KEYS.contains(&key.as_ref()) {
                    continue;
                }
                let fix = ctx.remove(tag, Applicability::Unsafe, format!("Remove the `{key}` tag"));
                ctx.report(node, format!("`{}` is {key}, a tag key ECS reserves for the volumes it manages", dotted(doc, node)))
                    .help("remove this tag: ECS adds it itself; use a key of your own for anything else")
                    .fix(fix);
            }
        }
    }
}
