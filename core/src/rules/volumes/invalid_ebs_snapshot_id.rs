use crate::context::Ctx;
use crate::diagnostics::message::{dotted, explain_ec2_id, or_list, pieces, shown};
use crate::diagnostics::{Applicability, Severity};
use crate::ids::{IdError, EC2_ID_LENGTHS, SNAPSHOT};
use crate::json::json_string;

use super::ebs_volumes;

crate::declare_rule! {
    /// ## What it checks
    /// That `managedEBSVolume.snapshotId` is a snapshot ID: `snap-` and 17 (or 8) lowercase
    /// hexadecimal digits, e.g. `snap-0123456789abcdef0`. A digit too many or too few, a letter
    /// `O` for a zero and stray spaces are errors; upper-case digits a warning.
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
    /// name or ARN. When the ID meant is evident the message names it: the fix removes spaces,
    /// lowers the case, takes the ID out of an ARN (safe) or reads a letter `O` as a zero (unsafe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskManagedEBSVolumeConfiguration.html
    pub static RULE = {
        code: "RT703",
        name: "invalid-ebs-snapshot-id",
        severity: Error,
        catalogue: ["R-VOL-06"],
        topics: [Volumes, Ids],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    for ebs in ebs_volumes(doc, ctx.req) {
        let Some(node) = doc.get(ebs.node, "snapshotId") else { continue };
        let Some(value) = doc.str(node) else { continue };
        if SNAPSHOT.is_valid(&value) {
            continue;
        }
        let head = format!("`{}` is {}", dotted(doc, node), shown(&value, 60));
        if SNAPSHOT.is_meant(&value) {
            let Some(problem) = SNAPSHOT.problem(&value) else { continue };
            let (message, help) = explain_ec2_id(&pieces!(head, ", "), &problem, SNAPSHOT);
            let fix = problem.suggestion.as_deref().map(|s| {
                let applicability = if problem.error == IdError::LetterO { Applicability::Unsafe } else { Applicability::Safe };
                ctx.replace_value(node, json_string(s), applicability, format!("Replace with `{s}`"))
            });
            let severity = if problem.certain() { Severity::Error } else { Severity::Warning };
            ctx.report(node, message).severity(severity).help(help).fix_opt(fix);
            continue;
        }
        let message = format!("{head}, which is not a snapshot ID (`snap-` and {} hexadecimal digits)", or_list(&EC2_ID_LENGTHS));
        // An ID inside an ARN (`arn:aws:ec2:<region>::snapshot/snap-…`).
        let tail = value.trim().rsplit('/').next().unwrap_or("");
        if value.trim().starts_with("arn:") && SNAPSHOT.is_valid(tail) {
            let fix = ctx.replace_value(node, json_string(tail), Applicability::Safe, format!("Replace with `{tail}`"));
            ctx.report(node, message).help(format!("use the ID alone: \"{tail}\"")).fix(fix);
        } else {
            ctx.report(node, message).help("use the snapshot's ID, e.g. \"snap-0123456789abcdef0\"; `aws ec2 describe-snapshots --owner-ids self` lists them");
        }
    }
}
