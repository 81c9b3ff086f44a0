use crate::context::Ctx;
use crate::diagnostics::Applicability;

crate::declare_rule! {
    /// ## What it checks
    /// That `propagateTags` is not `NONE`.
    ///
    /// ## Why it matters
    /// `NONE` is in the enum, and leaving the member out already means "don't propagate". But
    /// RunTask has rejected it: ecspresso (issue #457, commit 53891849) and ecschedule (#42)
    /// hit `InvalidParameterException: Invalid value for propagateTags` and stopped sending it.
    /// Whether ECS still rejects it is not confirmed.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "propagateTags": "NONE"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch"}
    /// ```
    ///
    /// ## How to fix
    /// Remove `propagateTags`; the result is the same (the fix does; safe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-propagateTags
    pub static RULE = {
        code: "RT123",
        name: "propagate-tags-none",
        severity: Warning,
        catalogue: ["R-TOP-24"],
        topics: [RequestMembers, Tags],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(node) = ctx.req.propagate_tags else { return };
    if ctx.doc.str(node).as_deref() != Some("NONE") {
        return;
    }
    let fix = ctx.remove(node, Applicability::Safe, "Remove `propagateTags`");
    ctx.report(node, "`propagateTags` is `NONE`, which RunTask has rejected (`Invalid value for propagateTags`)")
        .help("remove `propagateTags`: leaving it out already means the tags are not propagated")
        .fix(fix);
}
