use crate::context::Ctx;

use super::report_query_check;

crate::declare_rule! {
    /// ## What it checks
    /// That each comparison in a `memberOf` expression uses an operator its subject takes:
    /// `agentConnected` and `ec2InstanceId` take `==`, `!=`, `in`, `not_in`, `=~` and `!~`;
    /// `agentVersion`, `registeredAt` and `runningTasksCount` take `==`, `!=`, `>`, `>=`, `<`
    /// and `<=` (and the word forms of each). `task:group` and `attribute:<name>` are not
    /// restricted.
    ///
    /// ## Why it matters
    /// The developer guide lists the valid operators per subject; others, such as
    /// `agentVersion in [...]` or `registeredAt =~ 2018.*`, are not accepted.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementConstraints": [{"type": "memberOf", "expression": "agentVersion in [1.14.5, 1.15.0]"}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementConstraints": [{"type": "memberOf", "expression": "agentVersion >= 1.14.5"}]}
    /// ```
    ///
    /// ## How to fix
    /// Use an operator the subject takes: for several versions or dates, join `==`
    /// comparisons with `or`, or compare a range with `>=` and `<`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html
    pub static RULE = {
        code: "RT607",
        name: "query-operator-not-allowed",
        severity: Error,
        catalogue: ["R-PL-08"],
        topics: [Placement],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    report_query_check(ctx, |a| &a.operators);
}
