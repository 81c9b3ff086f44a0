use crate::context::Ctx;
use super::Node;
use crate::data::launch::Capacity;
use crate::json::json_string;
use crate::json::{Document, Kind};
use crate::diagnostics::Applicability;

use crate::diagnostics::message::{cat, backticked, closest, dotted, shown};

crate::declare_rule! {
    /// ## What it checks
    /// That members with a fixed set of values use one of them, with the exact case:
    /// `launchType`, `propagateTags`, `assignPublicIp`, environment file `type`, resource
    /// requirement `type`, placement constraint and strategy `type`, EBS `filesystemType` and
    /// tag specification `resourceType`.
    ///
    /// ## Why it matters
    /// ECS rejects unknown values (`Invalid value for propagateTags`); the AWS CLI does not check
    /// enums, and the Rust SDK sends unknown strings as they are, so the error comes only from
    /// AWS.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "fargate", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123abcd"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123abcd"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Use one of the listed values. When only the case differs, the fix corrects it (safe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html
    pub static RULE = {
        code: "RT105",
        name: "invalid-enum-value",
        severity: Error,
        catalogue: ["R-LT-01", "R-TOP-22", "R-NET-08", "R-CO-15", "R-CO-22", "R-PL-03", "R-PL-14", "R-VOL-20", "R-VOL-24"],
        topics: [Shape],
    };
}

/// Whether `node` is a string member that takes one of a fixed set of values.
#[inline(always)]
pub(super) fn applies(_: &Document<'_>, node: &Node) -> bool {
    node.kind == Kind::String && node.shape.is_some_and(|s| !s.enum_values().is_empty())
}

/// Checks a string member that takes an enum value.
#[inline(never)]
pub(super) fn check(ctx: &mut Ctx<'_, '_>, node: &Node) {
    let (doc, id) = (ctx.doc, node.id);
    let Some(shape) = node.shape else { return };
    let values = shape.enum_values();
    let Some(value) = doc.str(id) else { return };
    if values.contains(&value.as_ref()) {
        return;
    }
    // A capacity provider name in launchType has its own rule (RT203).
    if id == ctx.req.launch_type.unwrap_or(u32::MAX) && Capacity::of_launch_type(&value) == Some(Capacity::FargateSpot) {
        return;
    }
    let path = dotted(doc, id);
    let list = backticked(values);
    let message = cat!("`", path, "` is ", shown(&value, 40), ", which is not one of ", list);
    let suggestion = closest(&value, values.iter());
    let case = suggestion.filter(|s| s.case_only);
    let close = suggestion.map(|s| s.name);
    match close {
        Some(v) => {
            let app = if case.is_some() { Applicability::Safe } else { Applicability::Unsafe };
            let fix = ctx.replace_value(id, json_string(v), app, cat!("Replace with `", v, "`"));
            let help = if case.is_some() { cat!("values are case-sensitive: use `", v, "`") } else { cat!("did you mean `", v, "`?") };
            ctx.report(id, message).help(help).fix(fix);
        }
        None => {
            ctx.report(id, message).help(cat!("use one of ", list));
        }
    }
}
