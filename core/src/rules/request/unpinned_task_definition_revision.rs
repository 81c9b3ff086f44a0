use crate::context::Ctx;
use crate::json::json_string;
use crate::diagnostics::Applicability;

use super::{parse_task_definition, Revision};

crate::declare_rule! {
    /// ## What it checks
    /// That `taskDefinition` names a revision (`web:3`), rather than only the family (`web`, or
    /// an ARN ending in the family: `arn:aws:ecs:eu-west-2:111122223333:task-definition/web`).
    ///
    /// ## Why it matters
    /// With only the family, ECS runs the latest ACTIVE revision at the moment of the call: a
    /// newly registered revision changes what this request runs, and since March 2024 the
    /// permission check is made against that latest revision too.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web", "cluster": "batch"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch"}
    /// ```
    ///
    /// ## How to fix
    /// Pin `family:revision` for reproducible runs. When the task definition is supplied and has
    /// a `revision`, the fix pins that one (unsafe: it changes what runs once a newer revision
    /// is registered).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-taskDefinition
    pub static RULE = {
        code: "RT112",
        name: "unpinned-task-definition-revision",
        severity: Info,
        catalogue: ["R-TOP-08"],
        topics: [RequestMembers],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(node) = ctx.req.task_definition else { return };
    let Some(value) = ctx.doc.str(node) else { return };
    let Ok(r) = parse_task_definition(&value) else { return };
    if r.revision != Revision::Latest {
        return;
    }
    let family = r.family;
    // The supplied task definition's revision, when it is this family's.
    let known = ctx
        .td
        .filter(|td| td.family().as_deref() == Some(family))
        .and_then(|td| td.get("revision").and_then(|n| td.doc.int(n)))
        .filter(|&n| n > 0);
    // The pinned form keeps the author's: `family:n`, or the ARN with `:n`.
    let pinned = |n: i64| if r.is_arn { format!("{value}:{n}") } else { format!("{family}:{n}") };
    let fix = known.map(|n| ctx.replace_value(node, json_string(&pinned(n)), Applicability::Unsafe, format!("Pin revision {n}: `{}`", pinned(n))));
    let help = match known {
        Some(n) => format!("pin the revision, e.g. `{}` (the supplied task definition), for reproducible runs", pinned(n)),
        None => format!("pin a revision, e.g. `{}`, for reproducible runs", pinned(3)),
    };
    let what = if r.is_arn { format!("is the ARN of `{family}` without a revision") } else { format!("`{family}` has no revision") };
    ctx.report(node, format!("`taskDefinition` {what}: ECS runs whichever revision of `{family}` is the latest ACTIVE one at call time"))
        .help(help)
        .fix_opt(fix);
}
