use crate::context::Ctx;
use crate::json::json_string;
use crate::diagnostics::message::shown;
use crate::diagnostics::Applicability;

use super::parse_task_definition;

crate::declare_rule! {
    /// ## What it checks
    /// That `taskDefinition` is one of the forms RunTask takes: a family (`web`), a family and
    /// revision (`web:3`), or the task definition's ARN
    /// `arn:<partition>:ecs:<region>:<account>:task-definition/<family>[:<revision>]` (without a
    /// revision, like a bare family, it runs the latest ACTIVE revision). The family is 1–255
    /// letters, digits, `_` and `-`; the revision is a positive integer; the account is 12
    /// digits. The message says which part is wrong.
    ///
    /// ## Why it matters
    /// ECS cannot find a task definition from a malformed reference and rejects the call with
    /// `ClientException: Unable to describe task definition.` Common causes: a container-image
    /// style tag (`web:latest`), a revision 0, an ARN from another service or resource type, or
    /// a shortened account ID.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:latest", "cluster": "batch"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3", "cluster": "batch"}
    /// ```
    ///
    /// ## How to fix
    /// Write `family`, `family:revision` or the full ARN. `web:latest` becomes `web` (the latest
    /// ACTIVE revision); the fix does that, and trims stray whitespace (safe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-taskDefinition
    pub static RULE = {
        code: "RT110",
        name: "invalid-task-definition-reference",
        severity: Error,
        catalogue: ["R-TOP-06"],
        topics: [RequestMembers, Ids],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(node) = ctx.req.task_definition else { return };
    let Some(value) = ctx.doc.str(node) else { return };
    // An empty value is RT107's.
    if value.is_empty() {
        return;
    }
    let Err(p) = parse_task_definition(&value) else { return };
    let message = format!("`taskDefinition` {} is not a valid task definition reference: {}", shown(&value, 80), p.problem);
    let applicability = if p.safe { Applicability::Safe } else { Applicability::Unsafe };
    let fix = p.replacement.as_deref().map(|r| ctx.replace_value(node, json_string(r), applicability, format!("Replace with `{r}`")));
    ctx.report(node, message)
        .help(p.help)
        .note("ECS answers a reference it cannot resolve with `Unable to describe task definition.`")
        .fix_opt(fix);
}
