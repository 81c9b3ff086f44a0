use crate::context::Ctx;
use crate::query::{self, Expr};

use super::{item_name, located, query_expressions, source_range};

crate::declare_rule! {
    /// ## What it checks
    /// That the `memberOf` constraints can all hold on one instance. All constraints (and the
    /// comparisons joined by `and` in each) must match the same instance, so it flags pairs
    /// that never do: one attribute required equal to two different values
    /// (`attribute:ecs.os-type == linux` and `== windows`), a value both required and excluded,
    /// `exists` with `not_exists`, ranges that do not overlap (`runningTasksCount > 5` and
    /// `< 3`), `ecs.os-type` and `ecs.os-family` naming different systems, and values
    /// `ecs.os-type` (`linux`, `windows`) and `ecs.os-family` (`LINUX`, `WINDOWS_SERVER_…`)
    /// never have. `task:group` may name several groups at once (an instance hosts tasks of
    /// many groups).
    ///
    /// ## Why it matters
    /// ECS accepts the request, but no instance qualifies: the response lists the task under
    /// `failures` with `MemberOf placement constraint unsatisfied.`
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementConstraints": [{"type": "memberOf", "expression": "attribute:ecs.os-type == linux"}, {"type": "memberOf", "expression": "attribute:ecs.os-type == windows"}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementConstraints": [{"type": "memberOf", "expression": "attribute:ecs.os-type == linux"}, {"type": "memberOf", "expression": "attribute:ecs.instance-type =~ t3.*"}]}
    /// ```
    ///
    /// ## How to fix
    /// Remove the comparison you did not mean, or join the alternatives with `or` in one
    /// expression.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html
    pub static RULE = {
        code: "RT611",
        name: "unsatisfiable-placement-constraints",
        severity: Info,
        status: Preview,
        catalogue: ["R-PL-12"],
        topics: [Placement],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    let exprs = query_expressions(ctx);
    if exprs.is_empty() {
        return;
    }
    let parsed: Vec<Option<Expr<'_>>> = exprs.iter().map(|(_, text)| query::parse(text).ok()).collect();
    let facts: Vec<query::Fact<'_>> = parsed.iter().enumerate().filter_map(|(i, e)| e.as_ref().map(|e| query::facts(i, e))).flatten().collect();
    let text_of = |origin: usize, span| query::slice(&exprs[origin].1, span).to_owned();
    for c in query::conflicts(&facts, &text_of) {
        let (origin, span) = c.at;
        let (node, text) = (exprs[origin].0, &exprs[origin].1);
        let range = source_range(doc, node, span);
        let message = located(doc, node, text, span, c.message);
        let other = c.with.filter(|(o, _)| *o != origin).map(|(o, _)| exprs[o].0);
        let mut r = ctx.report_span(node, range, message);
        r.help(c.help);
        if let Some(other) = other {
            let name = doc.parent(other).map_or_else(String::new, |item| item_name(doc, item));
            r.label(other, format!("the other comparison is in `{name}`; every constraint must hold"));
        }
    }
}
