use crate::context::Ctx;
use crate::json::json_string;
use crate::data::limits::EBS_TYPES;
use crate::diagnostics::message::{dotted, shown};
use crate::diagnostics::Applicability;

use super::ebs_volumes;

crate::declare_rule! {
    /// ## What it checks
    /// That `managedEBSVolume.volumeType` is one of `gp2`, `gp3`, `io1`, `io2`, `st1`, `sc1`
    /// and `standard`, in lower case. (The API model has no enum for it, so the AWS CLI sends
    /// any string.) When `volumeType` is omitted, ECS uses `gp3`.
    ///
    /// ## Why it matters
    /// The value goes to EC2 `CreateVolume`, which accepts only these types; the task does not
    /// start.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 20, "volumeType": "ssd"}}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 20, "volumeType": "gp3"}}]}
    /// ```
    ///
    /// ## How to fix
    /// Use one of the listed types; `gp3` suits most workloads. When only the case differs
    /// (`GP3`), the fix corrects it (safe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskManagedEBSVolumeConfiguration.html
    pub static RULE = {
        code: "RT704",
        name: "invalid-ebs-volume-type",
        severity: Error,
        catalogue: ["R-VOL-07"],
        topics: [Volumes],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    for ebs in ebs_volumes(doc, ctx.req) {
        let Some(node) = ebs.type_node else { continue };
        let Some(value) = doc.str(node) else { continue };
        if ebs.ty.is_some() {
            continue;
        }
        let list = EBS_TYPES.iter().map(|t| format!("`{}`", t.name)).collect::<Vec<_>>().join(", ");
        let message = format!("`{}` is {}, which is not an EBS volume type ({list})", dotted(doc, node), shown(&value, 40));
        let trimmed = value.trim();
        match EBS_TYPES.iter().find(|t| t.name.eq_ignore_ascii_case(trimmed)) {
            Some(t) => {
                let fix = ctx.replace_value(node, json_string(t.name), Applicability::Safe, format!("Replace with `{}`", t.name));
                ctx.report(node, message).help(format!("volume types are lower case: use `{}`", t.name)).fix(fix);
            }
            None => {
                ctx.report(node, message).help(format!("use one of {list}; gp3 suits most workloads"));
            }
        }
    }
}
