use crate::context::{Ctx, Target};

use super::{family, item_name, items};

crate::declare_rule! {
    /// ## What it checks
    /// Whether a request with a `spread` placement strategy sets `group`.
    ///
    /// ## Why it matters
    /// Standalone tasks are spread based on the tasks of the same task group, which defaults
    /// to `family:<task definition family>`. Without `group`, a spread over Availability Zones
    /// balances only against other tasks of the same family, which may not be what you expect.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementStrategy": [{"type": "spread", "field": "attribute:ecs.availability-zone"}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "group": "batch-workers", "placementStrategy": [{"type": "spread", "field": "attribute:ecs.availability-zone"}]}
    /// ```
    ///
    /// ## How to fix
    /// Set `group` to the set of tasks the new ones should be spread against, e.g.
    /// `"group": "batch-workers"`, or accept the default family group.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-strategies.html
    pub static RULE = {
        code: "RT617",
        name: "spread-without-group",
        severity: Info,
        catalogue: ["R-PL-20"],
        topics: [Placement],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    // Fargate takes no strategies at all (RT601).
    if ctx.req.group.is_some() || ctx.target == Target::Fargate {
        return;
    }
    let doc = ctx.doc;
    let Some((item, ty)) = items(doc, ctx.req.placement_strategy).find(|(_, ty)| ty.as_deref() == Some("spread")).and_then(|(i, _)| doc.get(i, "type").map(|t| (i, t)))
    else {
        return;
    };
    let name = item_name(doc, item);
    let group = match ctx.str(ctx.req.task_definition) {
        Some(td) if !family(&td).is_empty() => format!("`family:{}`", family(&td)),
        _ => "`family:<family>`".to_owned(),
    };
    ctx.report(ty, format!("`{name}` spreads tasks, but the request sets no `group`: standalone tasks are spread against the tasks of their group, here the default {group}"))
        .help("set `group` to the tasks these should be spread against, e.g. \"group\": \"batch-workers\", or keep the default on purpose");
}
