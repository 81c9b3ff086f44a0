use crate::context::Ctx;
use crate::json::json_string;
use crate::diagnostics::Applicability;

use super::{binpack_fields, item_name};

crate::declare_rule! {
    /// ## What it checks
    /// That a `binpack` strategy's `field` is written `cpu` or `memory` in lower case, the
    /// documented spelling, rather than `CPU`, `MEMORY` or `Memory`.
    ///
    /// ## Why it matters
    /// ECS accepts the other cases today (requests with `"field": "MEMORY"` are reported to
    /// work), but only the lower-case values are documented; tools and readers that compare
    /// the value exactly may not recognise it.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementStrategy": [{"type": "binpack", "field": "MEMORY"}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementStrategy": [{"type": "binpack", "field": "memory"}]}
    /// ```
    ///
    /// ## How to fix
    /// Write the field in lower case (the fix does, safe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementStrategy.html
    pub static RULE = {
        code: "RT613",
        name: "uppercase-binpack-field",
        severity: Info,
        status: Preview,
        catalogue: ["R-PL-16"],
        topics: [Placement],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    for (item, field) in binpack_fields(doc, ctx.req) {
        let Some(value) = doc.str(field) else { continue };
        let lower = value.to_ascii_lowercase();
        if (lower != "cpu" && lower != "memory") || value == lower {
            continue;
        }
        let name = item_name(doc, item);
        let fix = ctx.replace_value(field, json_string(&lower), Applicability::Safe, format!("Replace with `{lower}`"));
        ctx.report(field, format!("`{name}.field` is `{value}`; ECS accepts it, but the documented value is `{lower}`"))
            .help(format!("write `{lower}`"))
            .fix(fix);
    }
}
