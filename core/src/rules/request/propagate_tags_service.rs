use crate::context::Ctx;
use crate::diagnostics::Applicability;

crate::declare_rule! {
    /// ## What it checks
    /// That `propagateTags` is not `SERVICE`.
    ///
    /// ## Why it matters
    /// `SERVICE` is in the shared enum, but a task started by RunTask belongs to no service:
    /// the RunTask reference says "An error will be received if you specify the SERVICE option
    /// when running a task."
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "propagateTags": "SERVICE"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "propagateTags": "TASK_DEFINITION"}
    /// ```
    ///
    /// ## How to fix
    /// Use `TASK_DEFINITION` to copy the task definition's tags (the fix; unsafe, different
    /// tags), or copy the service's tags into `tags` yourself (what ecspresso does).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-propagateTags
    pub static RULE = {
        code: "RT122",
        name: "propagate-tags-service",
        severity: Error,
        catalogue: ["R-TOP-23"],
        topics: [RequestMembers, Tags],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(node) = ctx.req.propagate_tags else { return };
    if ctx.doc.str(node).as_deref() != Some("SERVICE") {
        return;
    }
    let fix = ctx.replace_value(node, "\"TASK_DEFINITION\"", Applicability::Unsafe, "Replace with `TASK_DEFINITION`");
    ctx.report(node, "`propagateTags` is `SERVICE`, but a task started by RunTask has no service to take tags from")
        .help("use \"TASK_DEFINITION\", or list the service's tags in `tags`")
        .note("RunTask reference: \"An error will be received if you specify the SERVICE option when running a task.\"")
        .fix(fix);
}
