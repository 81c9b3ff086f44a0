use crate::context::Ctx;

use super::report_at_task_definition;

crate::declare_rule! {
    /// ## What it checks
    /// Whether the task definition's `placementConstraints` contain a `distinctInstance`
    /// constraint while the request has none. Task definitions accept only `memberOf`;
    /// `distinctInstance` belongs in the RunTask request. Reported at `/taskDefinition`.
    ///
    /// ## Why it matters
    /// RegisterTaskDefinition refuses it: `constraint.type 'distinctInstance' is not supported.`
    /// So this task definition (a RegisterTaskDefinition input) cannot be registered as written,
    /// and the constraint it means to apply must be given in the request.
    ///
    /// ## Task definition
    /// ```json
    /// {"family": "batch", "containerDefinitions": [{"name": "job", "image": "busybox", "memory": 256}], "requiresCompatibilities": ["EC2"], "placementConstraints": [{"type": "distinctInstance"}]}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "batch", "launchType": "EC2", "count": 3}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "batch", "launchType": "EC2", "count": 3, "placementConstraints": [{"type": "distinctInstance"}]}
    /// ```
    ///
    /// ## How to fix
    /// Remove `distinctInstance` from the task definition and add `{"type": "distinctInstance"}`
    /// to the request's `placementConstraints`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskDefinitionPlacementConstraint.html
    pub static RULE = {
        code: "RT819",
        name: "task-definition-distinct-instance",
        severity: Info,
        catalogue: ["R-TD-22"],
        task_definition: true,
        topics: [Placement],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    let types = td.placement_constraint_types();
    let Some(index) = types.iter().position(|t| t.as_deref() == Some("distinctInstance")) else { return };
    let name = td.name();
    if ctx.doc.elements(ctx.req.placement_constraints).any(|c| ctx.doc.get_str(c, "type").as_deref() == Some("distinctInstance")) {
        return;
    }
    report_at_task_definition(
        ctx,
        format!("task definition `{name}` has a `distinctInstance` constraint (`placementConstraints[{index}]`), which task definitions do not accept, and the request has none"),
    )
    .help("remove it from the task definition and add {\"type\": \"distinctInstance\"} to the request's `placementConstraints`")
        .note("RegisterTaskDefinition answers: constraint.type 'distinctInstance' is not supported.");
}
