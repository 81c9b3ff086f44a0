use crate::context::Ctx;
use crate::diagnostics::message::cat;
use crate::json::Kind;
use crate::diagnostics::Applicability;

use super::{item_name, items};

crate::declare_rule! {
    /// ## What it checks
    /// That a `distinctInstance` placement constraint has no `expression` member, not even an
    /// empty string.
    ///
    /// ## Why it matters
    /// ECS rejects it: `distinctInstance expression should not be specified.` Tools that
    /// always write an `expression` (Terraform before its fix, templates with an empty
    /// default) run into this.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementConstraints": [{"type": "distinctInstance", "expression": ""}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementConstraints": [{"type": "distinctInstance"}]}
    /// ```
    ///
    /// ## How to fix
    /// Remove `expression` (the fix does; safe when it is empty). If you meant to restrict the
    /// instances, use a separate `memberOf` constraint with the expression.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementConstraint.html
    pub static RULE = {
        code: "RT603",
        name: "distinct-instance-with-expression",
        severity: Error,
        catalogue: ["R-PL-04"],
        topics: [Placement],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    let found: Vec<_> = items(doc, ctx.req.placement_constraints)
        .filter(|(_, ty)| ty.as_deref() == Some("distinctInstance"))
        .filter_map(|(item, _)| doc.get(item, "expression").map(|e| (item, e)))
        .collect();
    for (item, expression) in found {
        let name = item_name(doc, item);
        let empty = matches!(doc.kind(expression), Kind::Null) || doc.str(expression).is_some_and(|s| s.trim().is_empty());
        let (what, applicability, help) = if empty {
            ("an empty `expression`", Applicability::Safe, "remove the `expression` member".to_owned())
        } else {
            ("an `expression`", Applicability::Unsafe, "remove `expression`; to also restrict the instances, add a separate {\"type\": \"memberOf\", \"expression\": …} constraint".to_owned())
        };
        let fix = ctx.remove(expression, applicability, "Remove `expression`");
        ctx.report_key(expression, cat!("`", name, "` is `distinctInstance` but has ", what, "; distinctInstance takes no expression"))
            .help(help)
            .note("AWS: `distinctInstance expression should not be specified.`")
            .fix(fix);
    }
}
