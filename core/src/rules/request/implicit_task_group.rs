use crate::context::{Ctx, Target};

use super::parse_task_definition;

crate::declare_rule! {
    /// ## What it checks
    /// Whether `group` is omitted from a request whose placement depends on task groups: a
    /// `spread` placement strategy, or a placement constraint expression on `task:group`.
    ///
    /// ## Why it matters
    /// Without `group`, the task joins the default group `family:<family>` (e.g.
    /// `family:web`), shared with every other task of that family. Standalone tasks are spread
    /// "based on the tasks from the same task group", so these runs are balanced together with
    /// all other `web` tasks, and `task:group` expressions see them as `family:web`. Requests
    /// whose placement does not look at groups are not reported: there the group is only a
    /// label.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "launchType": "EC2", "placementStrategy": [{"type": "spread", "field": "attribute:ecs.availability-zone"}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "launchType": "EC2", "group": "nightly-report", "placementStrategy": [{"type": "spread", "field": "attribute:ecs.availability-zone"}]}
    /// ```
    ///
    /// ## How to fix
    /// Set `group` to a name for this kind of run when it should be placed apart from other
    /// tasks of the family.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-group
    pub static RULE = {
        code: "RT120",
        name: "implicit-task-group",
        severity: Info,
        catalogue: ["R-TOP-19"],
        topics: [RequestMembers],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    // Placement settings are not allowed on Fargate at all (another rule's error).
    if ctx.req.group.is_some() || ctx.target == Target::Fargate {
        return;
    }
    let doc = ctx.doc;
    let spread = doc.elements(ctx.req.placement_strategy).find(|&s| doc.get_str(s, "type").as_deref() == Some("spread"));
    let by_group = || {
        doc.elements(ctx.req.placement_constraints)
            .find_map(|c| doc.get(c, "expression").filter(|&e| doc.str(e).is_some_and(|x| x.contains("task:group"))))
    };
    let (node, what) = match spread {
        Some(s) => (s, "`spread` balances these tasks together with every other task of the family"),
        None => match by_group() {
            Some(e) => (e, "`task:group` expressions see these tasks in the family's group"),
            None => return,
        },
    };
    let td = ctx.str(ctx.req.task_definition);
    let group = match td.as_deref().map(parse_task_definition) {
        Some(Ok(r)) => format!("`family:{}`", r.family),
        _ => "`family:<family>`".to_owned(),
    };
    ctx.report_missing(ctx.req.root, "group", format!("`group` is not set, so the task joins the default group {group}: {what}"))
        .label(node, "placement by task group")
        .help("set \"group\" (e.g. \"group\": \"nightly-report\") to place these runs apart from other tasks of the family");
}
