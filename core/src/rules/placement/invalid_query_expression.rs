use crate::context::Ctx;

use super::{located, query_expressions, replacement_fix, source_range};

crate::declare_rule! {
    /// ## What it checks
    /// That every `memberOf` expression follows the cluster query language:
    /// `subject operator [argument]` comparisons joined by `and`/`&&` and `or`/`||`, negated by
    /// `not`/`!`, grouped by parentheses. Subjects are `agentConnected`, `agentVersion`,
    /// `ec2InstanceId`, `registeredAt`, `runningTasksCount`, `task:group` and
    /// `attribute:<name>`; `in`/`not_in` take a list `[a, b]`; `exists`/`not_exists` take
    /// nothing; values with spaces or `, [ ] ( ) '` need single quotes. The finding points at
    /// the offending part of the expression.
    ///
    /// ## Why it matters
    /// ECS rejects a constraint whose expression it cannot parse, and the error does not say
    /// where the expression goes wrong.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementConstraints": [{"type": "memberOf", "expression": "attribute:ecs.instance-type t2.small"}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementConstraints": [{"type": "memberOf", "expression": "attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d"}]}
    /// ```
    ///
    /// ## How to fix
    /// Follow the message: it says what was expected where. Some mistakes have an evident fix
    /// (`=` for `==`, `&` for `&&`, a subject's case, a missing `attribute:` prefix, a value
    /// after `in` without brackets), which the fix applies.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html
    pub static RULE = {
        code: "RT605",
        name: "invalid-query-expression",
        severity: Error,
        catalogue: ["R-PL-07"],
        topics: [Placement],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    for (node, text) in query_expressions(ctx) {
        let analysis = ctx.query_analysis(node, &text);
        let Some(e) = analysis.syntax.clone() else { continue };
        let range = source_range(doc, node, e.span);
        let fix = e.fix.as_ref().and_then(|r| replacement_fix(doc, node, &text, e.span, r));
        let message = located(doc, node, &text, e.span, e.message);
        let mut r = ctx.report_span(node, range, message);
        r.fix_opt(fix);
        if let Some(h) = e.help {
            r.help(h);
        }
    }
}
