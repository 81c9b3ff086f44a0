use crate::context::Ctx;
use crate::diagnostics::message::shown;

use super::{parse_task_definition, Revision};

crate::declare_rule! {
    /// ## What it checks
    /// That `taskDefinition` does not end in the wildcard revision `:*`
    /// (`arn:aws:ecs:us-east-1:123456789012:task-definition/web:*`, or `web:*`).
    ///
    /// ## Why it matters
    /// The `:*` form is how an IAM policy's `Resource` grants every revision of a family; the
    /// RunTask documentation describes it for permissions, not as a task definition to run. A
    /// value copied from a policy runs an unpredictable revision, if it runs at all.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:*", "cluster": "batch"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:7", "cluster": "batch"}
    /// ```
    ///
    /// ## How to fix
    /// Put a concrete revision in the request (`…/web:7`), or just the family (`web`) for the
    /// latest ACTIVE revision. Keep `:*` for IAM policies.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-taskDefinition
    pub static RULE = {
        code: "RT111",
        name: "task-definition-wildcard-revision",
        severity: Warning,
        catalogue: ["R-TOP-07"],
        topics: [RequestMembers],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(node) = ctx.req.task_definition else { return };
    let Some(value) = ctx.doc.str(node) else { return };
    let Ok(r) = parse_task_definition(&value) else { return };
    if r.revision != Revision::Wildcard {
        return;
    }
    let family = r.family;
    ctx.report(node, format!("`taskDefinition` {} asks for every revision (`:*`) of `{family}`; a task runs one revision", shown(&value, 80)))
        .help(format!("name a revision (`{family}:7` or the ARN ending in `:7`), or give just `{family}` for its latest ACTIVE revision; keep `:*` for IAM policy resources"));
}
