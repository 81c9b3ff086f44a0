use crate::context::Ctx;
use crate::diagnostics::message::{cat, shown};
use crate::diagnostics::Applicability;

crate::declare_rule! {
    /// ## What it checks
    /// Whether the request sets `referenceId`.
    ///
    /// ## Why it matters
    /// The RunTask reference says of `referenceId`: "This parameter is only used by Amazon ECS.
    /// It is not intended for use by customers." A value set by hand is usually meant as a
    /// label or an idempotency key, which are `startedBy`/`tags` and `clientToken`.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "referenceId": "job-42"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "startedBy": "job-42"}
    /// ```
    ///
    /// ## How to fix
    /// Remove `referenceId` (the fix does; unsafe, as you may have meant another member). Use
    /// `startedBy` or `tags` to label the run and `clientToken` for idempotency.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-referenceId
    pub static RULE = {
        code: "RT121",
        name: "reference-id-present",
        severity: Warning,
        catalogue: ["R-TOP-20"],
        topics: [RequestMembers],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(node) = ctx.req.reference_id else { return };
    let value = ctx.doc.str(node).map(|v| cat!(" ", shown(&v, 60))).unwrap_or_default();
    let fix = ctx.remove(node, Applicability::Unsafe, "Remove `referenceId`");
    ctx.report_key(node, cat!("`referenceId`", value, " is set, but the member is for Amazon ECS's own use, not for customers"))
        .help("remove it; label the run with `startedBy` or `tags`, and use `clientToken` for idempotency")
        .fix(fix);
}
