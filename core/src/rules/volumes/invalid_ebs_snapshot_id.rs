use crate::context::Ctx;
use crate::json::json_string;
use crate::diagnostics::message::{dotted, shorten};
use crate::diagnostics::Applicability;

use super::ebs_volumes;

crate::declare_rule! {
    /// ## What it checks
    /// That `managedEBSVolume.snapshotId` is a snapshot ID: `snap-` followed by hexadecimal
    /// digits, e.g. `snap-0123456789abcdef0`.
    ///
    /// ## Why it matters
    /// ECS passes the ID to EC2 `CreateVolume`, which rejects anything else; the task does not
    /// start. (AWS CDK: `'snapshotId' does match expected pattern. Expected
    /// 'snap-<hexadecmial value>'`.)
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "snapshotId": "db-backup-2024"}}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "snapshotId": "snap-0123456789abcdef0"}}]}
    /// ```
    ///
    /// ## How to fix
    /// Use the snapshot's ID (`aws ec2 describe-snapshots --owner-ids self` lists them), not its
    /// name or ARN. Surrounding spaces, and an ARN around the ID, are removed by the fix (safe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskManagedEBSVolumeConfiguration.html
    pub static RULE = {
        code: "RT703",
        name: "invalid-ebs-snapshot-id",
        severity: Error,
        catalogue: ["R-VOL-06"],
    };
}

/// `snap-` followed by at least one hex digit.
fn is_snapshot_id(s: &str) -> bool {
    s.strip_prefix("snap-").is_some_and(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    for ebs in ebs_volumes(doc, ctx.req) {
        let Some(node) = doc.get(ebs.node, "snapshotId") else { continue };
        let Some(value) = doc.str(node) else { continue };
        if is_snapshot_id(&value) {
            continue;
        }
        let message = format!("`{}` is {}, which is not a snapshot ID (`snap-` and hexadecimal digits)", dotted(doc, node), shorten(&json_string(&value), 60));
        // An ID with spaces around it, or inside an ARN (`arn:aws:ec2:<region>::snapshot/snap-…`).
        let candidate = value.trim();
        let candidate = if candidate.starts_with("arn:") { candidate.rsplit('/').next().unwrap_or("") } else { candidate };
        if is_snapshot_id(candidate) {
            let fix = ctx.replace_value(node, json_string(candidate), Applicability::Safe, format!("Replace with `{candidate}`"));
            ctx.report(node, message).help(format!("use the ID alone: \"{candidate}\"")).fix(fix);
        } else {
            ctx.report(node, message).help("use the snapshot's ID, e.g. \"snap-0123456789abcdef0\"; `aws ec2 describe-snapshots --owner-ids self` lists them");
        }
    }
}
