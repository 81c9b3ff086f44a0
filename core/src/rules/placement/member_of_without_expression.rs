use crate::context::Ctx;
use crate::json::Kind;

use super::{item_name, items};

crate::declare_rule! {
    /// ## What it checks
    /// That a `memberOf` placement constraint has a non-empty `expression`.
    ///
    /// ## Why it matters
    /// `memberOf` places tasks on the instances that satisfy the expression; without one there
    /// is nothing to satisfy and ECS rejects the constraint.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementConstraints": [{"type": "memberOf"}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementConstraints": [{"type": "memberOf", "expression": "attribute:ecs.availability-zone in [us-east-1a, us-east-1b]"}]}
    /// ```
    ///
    /// ## How to fix
    /// Add a cluster query language expression such as
    /// `attribute:ecs.instance-type =~ t3.*`, or use `distinctInstance` if you wanted one task
    /// per instance.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-query-language.html
    pub static RULE = {
        code: "RT604",
        name: "member-of-without-expression",
        severity: Error,
        catalogue: ["R-PL-05"],
        topics: [Placement],
    };
}

const HELP: &str = "add an expression such as \"expression\": \"attribute:ecs.instance-type =~ t3.*\", or use \"type\": \"distinctInstance\" for one task per instance";

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    let found: Vec<_> = items(doc, ctx.req.placement_constraints).filter(|(_, ty)| ty.as_deref() == Some("memberOf")).map(|(i, _)| i).collect();
    for item in found {
        let name = item_name(doc, item);
        match doc.get(item, "expression") {
            None => {
                ctx.report_missing(item, "expression", format!("`{name}` is `memberOf` but has no `expression`")).help(HELP);
            }
            Some(e) if doc.kind(e) == Kind::String => {
                if doc.str(e).is_some_and(|s| s.bytes().all(|b| b == b' ' || b == b'\t')) {
                    ctx.report(e, format!("`{name}` is `memberOf` but its `expression` is empty")).help(HELP);
                }
            }
            // Other types are RT102's, null RT103's.
            Some(_) => {}
        }
    }
}
