use crate::context::Ctx;
use crate::diagnostics::Applicability;

use super::{insert_member, item_name, items};

crate::declare_rule! {
    /// ## What it checks
    /// That every placement constraint and every placement strategy has a `type`. (A `type`
    /// that is not one of the allowed values is RT105's.)
    ///
    /// ## Why it matters
    /// The model marks `type` optional, so the AWS CLI sends the item, but ECS cannot apply a
    /// constraint or strategy without knowing which kind it is: "The constraint type is
    /// required, but the expression is optional."
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementConstraints": [{"expression": "attribute:ecs.instance-type =~ t3.*"}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementConstraints": [{"type": "memberOf", "expression": "attribute:ecs.instance-type =~ t3.*"}]}
    /// ```
    ///
    /// ## How to fix
    /// Add the `type`: `memberOf` or `distinctInstance` for constraints, `random`, `spread` or
    /// `binpack` for strategies. When the other members say which one it must be (an
    /// `expression` needs `memberOf`, `field: memory` needs `binpack`, `field: instanceId`
    /// needs `spread`), the fix adds it (safe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-constraints.html
    pub static RULE = {
        code: "RT602",
        name: "missing-placement-type",
        severity: Error,
        catalogue: ["R-PL-03", "R-PL-14"],
        topics: [Placement],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    let constraints: Vec<_> = items(doc, ctx.req.placement_constraints).filter(|(i, _)| doc.get(*i, "type").is_none()).map(|(i, _)| i).collect();
    for item in constraints {
        let name = item_name(doc, item);
        if doc.get(item, "expression").is_some() {
            let fix = insert_member(doc, item, "type", "memberOf", Applicability::Safe);
            ctx.report_missing(item, "type", format!("`{name}` has an `expression` but no `type`"))
                .help("add \"type\": \"memberOf\": only memberOf constraints take an expression")
                .fix(fix);
        } else {
            ctx.report_missing(item, "type", format!("`{name}` has no `type`"))
                .help("add \"type\": \"distinctInstance\" (one task per instance) or \"type\": \"memberOf\" with an `expression`");
        }
    }
    let strategies: Vec<_> = items(doc, ctx.req.placement_strategy).filter(|(i, _)| doc.get(*i, "type").is_none()).map(|(i, _)| i).collect();
    for item in strategies {
        let name = item_name(doc, item);
        let field = doc.get_str(item, "field");
        let inferred = field.as_deref().and_then(|f| {
            if f.eq_ignore_ascii_case("cpu") || f.eq_ignore_ascii_case("memory") {
                Some("binpack")
            } else if f == "instanceId" || f == "host" || f.starts_with("attribute:") {
                Some("spread")
            } else {
                None
            }
        });
        match (inferred, field) {
            (Some(ty), Some(f)) => {
                let fix = insert_member(doc, item, "type", ty, Applicability::Safe);
                ctx.report_missing(item, "type", format!("`{name}` has `field` {f} but no `type`"))
                    .help(format!("add \"type\": \"{ty}\": only {ty} strategies take that field"))
                    .fix(fix);
            }
            _ => {
                ctx.report_missing(item, "type", format!("`{name}` has no `type`"))
                    .help("add \"type\": \"random\", \"spread\" (with a `field` such as attribute:ecs.availability-zone) or \"binpack\" (with `field` cpu or memory)");
            }
        }
    }
}
