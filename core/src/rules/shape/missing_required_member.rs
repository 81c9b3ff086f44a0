use crate::context::Ctx;
use super::Node;
use crate::data::limits::{EPHEMERAL_MAX_GIB, EPHEMERAL_MIN_GIB};
use crate::json::{Document, Kind};
use crate::model::ShapeKind;

use crate::diagnostics::message::dotted;

crate::declare_rule! {
    /// ## What it checks
    /// That every member the model marks required is present: `taskDefinition` in the request,
    /// `capacityProvider` in a strategy item, `subnets` in `awsvpcConfiguration`, `sizeInGiB` in
    /// `ephemeralStorage`, `type` and `value` of an environment file, `type` of a resource
    /// requirement, `name` and `managedEBSVolume.roleArn` of a volume configuration,
    /// `resourceType` of an EBS tag specification, `deleteOnTermination` of a termination policy,
    /// and `memory` of an NVIDIA MPS allocation.
    ///
    /// ## Why it matters
    /// The AWS CLI and SDKs refuse the request: `Missing required parameter in input:
    /// "taskDefinition"`.
    ///
    /// ## Invalid example
    /// ```json
    /// {"cluster": "batch"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"cluster": "batch", "taskDefinition": "web:3"}
    /// ```
    ///
    /// ## How to fix
    /// Add the member.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html
    pub static RULE = {
        code: "RT104",
        name: "missing-required-member",
        severity: Error,
        catalogue: ["R-TOP-05", "R-CP-03", "R-NET-03", "R-FG-13", "R-CO-15", "R-CO-16", "R-CO-22", "R-CO-27", "R-VOL-01", "R-VOL-04", "R-VOL-24", "R-VOL-28"],
        topics: [Shape],
    };
}

fn hint(member: &str) -> String {
    match member {
        "taskDefinition" => "add \"taskDefinition\": \"family:revision\" (or the task definition's ARN)",
        "capacityProvider" => "name the provider, e.g. \"capacityProvider\": \"FARGATE\"",
        "subnets" => "add \"subnets\": [\"subnet-…\"] with at least one subnet ID",
        "sizeInGiB" => return format!("add \"sizeInGiB\" ({EPHEMERAL_MIN_GIB}–{EPHEMERAL_MAX_GIB}), or remove `ephemeralStorage`"),
        "type" => "add the `type`",
        "value" => "add the S3 object ARN: \"value\": \"arn:aws:s3:::bucket/file.env\"",
        "name" => "add the name",
        "roleArn" => "add the ECS infrastructure role ARN (with AmazonECSInfrastructureRolePolicyForVolumes)",
        "resourceType" => "add \"resourceType\": \"volume\"",
        "deleteOnTermination" => "add \"deleteOnTermination\": true or false",
        "memory" => "add the MPS memory in MiB",
        _ => "add the member",
    }
    .to_owned()
}

/// Whether `node` is an object whose model structure has required members.
#[inline(always)]
pub(super) fn applies(_: &Document<'_>, node: &Node) -> bool {
    node.kind == Kind::Object && node.shape.is_some_and(|s| matches!(s.kind, ShapeKind::Structure { required, .. } if !required.is_empty()))
}

/// Reports each required member that `node` lacks.
#[inline(never)]
pub(super) fn check(ctx: &mut Ctx<'_, '_>, node: &Node) {
    let (doc, id) = (ctx.doc, node.id);
    let Some(ShapeKind::Structure { required, .. }) = node.shape.map(|s| &s.kind) else { return };
    for &name in *required {
        if doc.get(id, name).is_some() {
            continue;
        }
        let where_ = if id == doc.root() { "the request".to_owned() } else { format!("`{}`", dotted(doc, id)) };
        ctx.report_missing(id, name, format!("{where_} is missing the required member `{name}`")).help(hint(name));
    }
}
