use crate::context::Ctx;

use super::report_query_check;

crate::declare_rule! {
    /// ## What it checks
    /// That a `memberOf` expression does not combine `and` and `or` (or `&&` and `||`) in one
    /// group without parentheses, as in `a == 1 and b == 2 or c == 3`.
    ///
    /// ## Why it matters
    /// The ECS documentation does not say whether `and` binds tighter than `or`. The two
    /// readings select different instances, so the task may be placed somewhere you did not
    /// intend, or not at all.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementConstraints": [{"type": "memberOf", "expression": "attribute:ecs.instance-type == t3.large and attribute:ecs.availability-zone == us-east-1a or attribute:ecs.instance-type == m5.large"}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementConstraints": [{"type": "memberOf", "expression": "(attribute:ecs.instance-type == t3.large and attribute:ecs.availability-zone == us-east-1a) or attribute:ecs.instance-type == m5.large"}]}
    /// ```
    ///
    /// ## How to fix
    /// Add parentheses that say what you mean. The fix puts them around the `and` groups, the
    /// reading most languages use (unsafe: check that it is yours).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html
    pub static RULE = {
        code: "RT606",
        name: "mixed-and-or-without-parentheses",
        severity: Warning,
        status: Preview,
        catalogue: ["R-PL-07"],
        topics: [Placement],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    report_query_check(ctx, |a| &a.and_or);
}
