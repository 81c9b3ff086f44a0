use crate::context::Ctx;
use crate::diagnostics::message::dotted;
use crate::diagnostics::{Applicability, Severity};

use super::ebs_volumes;

crate::declare_rule! {
    /// ## What it checks
    /// That a task on Fargate does not ask for a `standard` (magnetic) EBS volume.
    ///
    /// ## Why it matters
    /// "The magnetic volume type is not supported on Fargate" (ECS API reference); the volume
    /// cannot be attached and the task does not start.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "db:4", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}, "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 20, "volumeType": "standard"}}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "db:4", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}, "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 20, "volumeType": "gp3"}}]}
    /// ```
    ///
    /// ## How to fix
    /// Use `gp3` (the fix does; unsafe: it changes the volume's price and performance), or
    /// `sc1`/`st1` for cold or sequential data of at least 125 GiB.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskManagedEBSVolumeConfiguration.html
    pub static RULE = {
        code: "RT705",
        name: "magnetic-ebs-volume-on-fargate",
        severity: Error,
        catalogue: ["R-VOL-08"],
        topics: [Volumes],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(severity) = ctx.fargate_severity(Severity::Error) else { return };
    let doc = ctx.doc;
    for ebs in ebs_volumes(doc, ctx.req) {
        let (Some(node), Some(ty)) = (ebs.type_node, ebs.ty) else { continue };
        if ty.name != "standard" {
            continue;
        }
        let fix = ctx.replace_value(node, "\"gp3\"", Applicability::Unsafe, "Use `gp3`");
        ctx.report(node, format!("`{}` is `standard` (magnetic), which Fargate tasks cannot use", dotted(doc, node)))
            .help("use \"gp3\", the general-purpose SSD type")
            .severity(severity)
            .fix(fix);
    }
}
