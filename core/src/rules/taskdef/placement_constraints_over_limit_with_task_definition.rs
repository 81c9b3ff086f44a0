use crate::context::Ctx;

crate::declare_rule! {
    /// ## What it checks
    /// That the request's `placementConstraints` and the task definition's together number at
    /// most 10. (More than 10 in the request alone is RT108's.)
    ///
    /// ## Why it matters
    /// "You can specify up to 10 constraints for each task (including constraints in the task
    /// definition and those specified at runtime)" (RunTask API reference). ECS rejects the
    /// request.
    ///
    /// ## Task definition
    /// ```json
    /// {"family": "batch", "containerDefinitions": [{"name": "job", "image": "busybox", "memory": 256}], "requiresCompatibilities": ["EC2"], "placementConstraints": [{"type": "memberOf", "expression": "attribute:ecs.os-type == linux"}, {"type": "memberOf", "expression": "attribute:ecs.cpu-architecture == x86_64"}, {"type": "memberOf", "expression": "attribute:team == data"}]}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "batch", "launchType": "EC2", "placementConstraints": [
    ///   {"type": "distinctInstance"},
    ///   {"type": "memberOf", "expression": "attribute:ecs.instance-type =~ m5.*"},
    ///   {"type": "memberOf", "expression": "attribute:ecs.availability-zone in [us-east-1a, us-east-1b]"},
    ///   {"type": "memberOf", "expression": "attribute:stack == prod"},
    ///   {"type": "memberOf", "expression": "attribute:disk == ssd"},
    ///   {"type": "memberOf", "expression": "attribute:gpu not_exists"},
    ///   {"type": "memberOf", "expression": "attribute:rack exists"},
    ///   {"type": "memberOf", "expression": "agentConnected == true"}
    /// ]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "batch", "launchType": "EC2", "placementConstraints": [
    ///   {"type": "distinctInstance"},
    ///   {"type": "memberOf", "expression": "attribute:ecs.instance-type =~ m5.* and attribute:stack == prod"}
    /// ]}
    /// ```
    ///
    /// ## How to fix
    /// Merge `memberOf` expressions with `and`, or drop constraints the task definition already
    /// has.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html
    pub static RULE = {
        code: "RT818",
        name: "placement-constraints-over-limit-with-task-definition",
        severity: Error,
        catalogue: ["R-TD-21"],
        task_definition: true,
        topics: [Placement],
    };
}

const MAX_CONSTRAINTS: usize = 10;

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    let Some(node) = ctx.req.placement_constraints else { return };
    let requested = ctx.doc.elements(Some(node)).count();
    let from_td = td.placement_constraint_types().len();
    if requested == 0 || requested > MAX_CONSTRAINTS || from_td == 0 || requested + from_td <= MAX_CONSTRAINTS {
        return;
    }
    let name = td.name();
    ctx.report(node, format!(
        "the request has {requested} placement constraints and task definition `{name}` has {from_td}: {} in all, more than the {MAX_CONSTRAINTS} a task can have",
        requested + from_td
    ))
    .help(format!("remove {} of them, e.g. by merging memberOf expressions with `and`", requested + from_td - MAX_CONSTRAINTS));
}
