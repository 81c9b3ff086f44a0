use crate::context::Ctx;

use super::report_query_check;

crate::declare_rule! {
    /// ## What it checks
    /// That each `attribute:<name>` in a `memberOf` expression names an attribute that can
    /// exist: 1 to 128 characters of letters, digits, `-`, `_`, `/`, `\` and `.`. It also flags
    /// an `ecs.` name that is a near miss of a built-in attribute (`ecs.instance_type` for
    /// `ecs.instance-type`).
    ///
    /// ## Why it matters
    /// ECS cannot store an attribute with any other name, so the comparison matches no
    /// instance and the task is not placed.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementConstraints": [{"type": "memberOf", "expression": "attribute:team@corp == data"}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementConstraints": [{"type": "memberOf", "expression": "attribute:team/corp == data"}]}
    /// ```
    ///
    /// ## How to fix
    /// Use the attribute's exact name, as `aws ecs list-attributes` shows it. For a built-in
    /// attribute near miss, the fix writes the built-in name (unsafe: check it is the one you
    /// meant).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-constraints.html
    pub static RULE = {
        code: "RT610",
        name: "invalid-attribute-name",
        severity: Warning,
        catalogue: ["R-PL-11"],
        topics: [Placement],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    report_query_check(ctx, |a| &a.attribute_names);
}
