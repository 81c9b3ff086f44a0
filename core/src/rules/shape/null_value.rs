use crate::context::Ctx;
use super::Node;
use crate::json::{Document, Kind};
use crate::diagnostics::Applicability;

use crate::diagnostics::message::{cat, dotted};

crate::declare_rule! {
    /// ## What it checks
    /// That no member of the request is `null`.
    ///
    /// ## Why it matters
    /// The AWS CLI and boto3 refuse it: `Invalid type for parameter overrides.taskRoleArn, value:
    /// None, type: <class 'NoneType'>, valid types: <class 'str'>`. Generated requests often
    /// carry nulls for unset fields.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "group": null}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3"}
    /// ```
    ///
    /// ## How to fix
    /// Omit the member instead of sending null. The fix removes it (safe: null and absent mean
    /// the same to a person, and AWS accepts only the latter).
    ///
    /// ## Reference
    /// https://github.com/boto/boto3/issues/3173
    pub static RULE = {
        code: "RT103",
        name: "null-value",
        severity: Error,
        catalogue: ["R-TOP-04"],
        topics: [Shape],
    };
}

/// Whether `node` is a null member or element that the model knows.
#[inline(always)]
pub(super) fn applies(_: &Document<'_>, node: &Node) -> bool {
    node.kind == Kind::Null && node.parent.is_some() && node.shape.is_some()
}

/// The finding for a null.
#[inline(never)]
pub(super) fn check(ctx: &mut Ctx<'_, '_>, node: &Node) {
    let (doc, id) = (ctx.doc, node.id);
    let path = dotted(doc, id);
    let fix = ctx.remove(id, Applicability::Safe, cat!("Remove `", path, "`"));
    ctx.report(id, cat!("`", path, "` is null; AWS accepts a value of the member's type or no member at all"))
        .help("omit the member instead of sending null")
        .fix(fix);
}
