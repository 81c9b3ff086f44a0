use crate::context::Ctx;
use crate::json::json_string;
use crate::diagnostics::message::{cat, shown};
use crate::diagnostics::Applicability;

use super::parse_cluster;

crate::declare_rule! {
    /// ## What it checks
    /// That `cluster` is a cluster name (1–255 letters, digits, `_` and `-`) or a cluster ARN
    /// `arn:<partition>:ecs:<region>:<account>:cluster/<name>`. The message says which part is
    /// wrong.
    ///
    /// ## Why it matters
    /// No cluster can have such a name, so ECS answers `ClusterNotFoundException: Cluster not
    /// found.` Typical causes: a display name with spaces, an ARN of another resource (a
    /// service or task definition), or an account ID with a digit missing.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "arn:aws:ecs:us-east-1:123456789012:service/batch/web"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "arn:aws:ecs:us-east-1:123456789012:cluster/batch"}
    /// ```
    ///
    /// ## How to fix
    /// Use the cluster's name or its ARN, as `aws ecs list-clusters` prints it. Omit `cluster`
    /// to use the cluster named `default`. The fix trims stray whitespace (safe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-cluster
    pub static RULE = {
        code: "RT113",
        name: "invalid-cluster-reference",
        severity: Error,
        catalogue: ["R-TOP-09"],
        topics: [RequestMembers, Ids],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(node) = ctx.req.cluster else { return };
    let Some(value) = ctx.doc.str(node) else { return };
    let Err(p) = parse_cluster(&value) else { return };
    let message = cat!("`cluster` ", shown(&value, 80), " is not a valid cluster name or ARN: ", p.problem);
    let applicability = if p.safe { Applicability::Safe } else { Applicability::Unsafe };
    let fix = p.replacement.as_deref().map(|r| ctx.replace_value(node, json_string(r), applicability, cat!("Replace with `", r, "`")));
    ctx.report(node, message)
        .help(p.help)
        .note("ECS answers a cluster it cannot find with `ClusterNotFoundException: Cluster not found.`")
        .fix_opt(fix);
}
