use crate::context::Ctx;
use crate::diagnostics::message::dotted;
use crate::diagnostics::Applicability;

use super::ebs_volumes;

crate::declare_rule! {
    /// ## What it checks
    /// That no EBS tag specification of a `RunTask` request has `"propagateTags": "SERVICE"`.
    ///
    /// ## Why it matters
    /// "Tags can only propagate to a SERVICE specified in ServiceVolumeConfiguration" (ECS API
    /// reference): a task started by `RunTask` belongs to no service, and ECS rejects the
    /// value.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 100, "tagSpecifications": [{"resourceType": "volume", "propagateTags": "SERVICE"}]}}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 100, "tagSpecifications": [{"resourceType": "volume", "propagateTags": "TASK_DEFINITION"}]}}]}
    /// ```
    ///
    /// ## How to fix
    /// Use `TASK_DEFINITION` to copy the task definition's tags to the volume (the fix does;
    /// unsafe: other tags are copied), or `NONE`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EBSTagSpecification.html
    pub static RULE = {
        code: "RT714",
        name: "ebs-tags-propagated-from-service",
        severity: Error,
        catalogue: ["R-VOL-25"],
        topics: [Tags, Volumes],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    for ebs in ebs_volumes(doc, ctx.req) {
        for spec in doc.elements(doc.get(ebs.node, "tagSpecifications")) {
            let Some(node) = doc.get(spec, "propagateTags") else { continue };
            if doc.str(node).as_deref() != Some("SERVICE") {
                continue;
            }
            let fix = ctx.replace_value(node, "\"TASK_DEFINITION\"", Applicability::Unsafe, "Use `TASK_DEFINITION`");
            ctx.report(node, format!("`{}` is SERVICE, but a task started by RunTask belongs to no service", dotted(doc, node)))
                .help("use \"TASK_DEFINITION\" to copy the task definition's tags to the volume, or \"NONE\"")
                .fix(fix);
        }
    }
}
