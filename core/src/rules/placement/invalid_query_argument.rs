use crate::context::Ctx;

use super::report_query_check;

crate::declare_rule! {
    /// ## What it checks
    /// That the values compared with a subject have the subject's form. `registeredAt` takes a
    /// date in one of the documented formats, `2018-06-18`, `2018-06-18T22:28:28`,
    /// `2018-06-18T22:28:28Z` or `2018-06-18T22:28:28+00:00`, and the date must exist (error).
    /// `runningTasksCount` takes a whole number, `agentConnected` `true` or `false`,
    /// `agentVersion` a dotted version such as `1.14.5`, and `ec2InstanceId` an instance ID
    /// (warnings: AWS documents these only by example). Patterns after `=~` are RT609's.
    ///
    /// ## Why it matters
    /// ECS does not accept dates in other formats. A value of the wrong form for the other
    /// subjects matches no instance, so the task is not placed: `MemberOf placement constraint
    /// unsatisfied.`
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementConstraints": [{"type": "memberOf", "expression": "registeredAt < 2018/02/13"}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementConstraints": [{"type": "memberOf", "expression": "registeredAt < 2018-02-13"}]}
    /// ```
    ///
    /// ## How to fix
    /// Write the date as `YYYY-MM-DD`, optionally with `Thh:mm:ss` and `Z` or an offset; use
    /// numbers for `runningTasksCount`, `true`/`false` for `agentConnected`, versions without a
    /// `v` for `agentVersion` (the fix removes it, safe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html
    pub static RULE = {
        code: "RT608",
        name: "invalid-query-argument",
        severity: Error,
        catalogue: ["R-PL-09"],
        topics: [Placement],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    report_query_check(ctx, |a| &a.arguments);
}
