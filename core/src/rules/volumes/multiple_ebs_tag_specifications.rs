use crate::context::Ctx;
use crate::json::Kind;
use crate::diagnostics::message::dotted;

use super::ebs_volumes;

crate::declare_rule! {
    /// ## What it checks
    /// That `managedEBSVolume.tagSpecifications` has at most one entry.
    ///
    /// ## Why it matters
    /// A volume has one resource type (`volume`) and one set of tags; tools that build these
    /// requests warn that only the first specification is used (ecspresso: `has more than one
    /// tag specifications. Only the first tag specification is used.`), so the tags of the
    /// others may be lost.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 100, "tagSpecifications": [{"resourceType": "volume", "tags": [{"key": "team", "value": "data"}]}, {"resourceType": "volume", "tags": [{"key": "env", "value": "prod"}]}]}}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 100, "tagSpecifications": [{"resourceType": "volume", "tags": [{"key": "team", "value": "data"}, {"key": "env", "value": "prod"}]}]}}]}
    /// ```
    ///
    /// ## How to fix
    /// Put all tags in one specification.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EBSTagSpecification.html
    pub static RULE = {
        code: "RT716",
        name: "multiple-ebs-tag-specifications",
        severity: Warning,
        status: Preview,
        catalogue: ["R-VOL-27"],
        topics: [Tags, Volumes],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    for ebs in ebs_volumes(doc, ctx.req) {
        let Some(specs) = doc.get(ebs.node, "tagSpecifications") else { continue };
        let n = doc.child_count(specs);
        if doc.kind(specs) != Kind::Array || n < 2 {
            continue;
        }
        let mut r = ctx.report(specs, format!("`{}` has {n} tag specifications; only the first may be used", dotted(doc, specs)));
        r.help("put all the volume's tags in the first specification and remove the others");
        for extra in doc.children(specs).skip(1) {
            r.label(extra, "its tags may be ignored");
        }
    }
}
