use crate::context::Ctx;
use crate::diagnostics::Applicability;

crate::declare_rule! {
    /// ## What it checks
    /// That `clientToken`, when present, is not an empty string.
    ///
    /// ## Why it matters
    /// The token makes a retried call idempotent: ECS matches calls by it, and it "must be
    /// unique". An empty token is the same for every call, so it either collides with another
    /// request (`ConflictException`) or silently disables the protection. The AWS SDKs generate
    /// a fresh token when the member is left out.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "clientToken": ""}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch"}
    /// ```
    ///
    /// ## How to fix
    /// Remove `clientToken` (the fix does; safe), or set it to a UUID per logical request.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-clientToken
    pub static RULE = {
        code: "RT117",
        name: "empty-client-token",
        severity: Warning,
        catalogue: ["R-TOP-14"],
        topics: [RequestMembers],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(node) = ctx.req.client_token else { return };
    if ctx.doc.str(node).is_none_or(|t| !t.is_empty()) {
        return;
    }
    let fix = ctx.remove(node, Applicability::Safe, "Remove the empty `clientToken`");
    ctx.report(node, "`clientToken` is empty, so every call carries the same token")
        .help("remove it (the SDKs then generate one) or use a fresh UUID for each logical request")
        .fix(fix);
}
