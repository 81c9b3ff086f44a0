use crate::context::Ctx;
use crate::json::json_string;
use crate::diagnostics::Applicability;

use super::{binpack_fields, item_name};
use crate::diagnostics::message::shown;

crate::declare_rule! {
    /// ## What it checks
    /// That a `binpack` placement strategy's `field` is `cpu` or `memory` (in any case; see
    /// RT613 for upper case).
    ///
    /// ## Why it matters
    /// Binpack packs tasks by the remaining amount of a resource, and the only resources are
    /// CPU and memory: "For the binpack placement strategy, valid values are cpu and memory."
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementStrategy": [{"type": "binpack", "field": "instanceId"}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementStrategy": [{"type": "binpack", "field": "memory"}]}
    /// ```
    ///
    /// ## How to fix
    /// Use `"field": "memory"` or `"field": "cpu"`. To distribute tasks over instances or
    /// Availability Zones, use `"type": "spread"` with that field instead.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementStrategy.html
    pub static RULE = {
        code: "RT612",
        name: "invalid-binpack-field",
        severity: Error,
        catalogue: ["R-PL-15"],
        topics: [Placement],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    for (item, field) in binpack_fields(doc, ctx.req) {
        let Some(value) = doc.str(field) else { continue };
        if value.eq_ignore_ascii_case("cpu") || value.eq_ignore_ascii_case("memory") {
            continue;
        }
        let name = item_name(doc, item);
        let shown = shown(&value, 60);
        let lower = value.to_ascii_lowercase();
        let spread_like = value == "instanceId" || value == "host" || value.starts_with("attribute:");
        let guess = if lower.starts_with("mem") || lower == "ram" {
            Some("memory")
        } else if lower.contains("cpu") {
            Some("cpu")
        } else {
            None
        };
        let message = format!("`{name}` is `binpack` on {shown}, but binpack takes only `cpu` or `memory`");
        match guess {
            Some(g) => {
                let fix = ctx.replace_value(field, json_string(g), Applicability::Unsafe, format!("Replace with `{g}`"));
                ctx.report(field, message).help(format!("did you mean `{g}`?")).fix(fix);
            }
            None if spread_like => {
                ctx.report(field, message).help(format!("to distribute tasks by {shown}, use \"type\": \"spread\"; binpack needs \"field\": \"cpu\" or \"memory\""));
            }
            None => {
                ctx.report(field, message).help("use \"field\": \"memory\" or \"cpu\"");
            }
        }
    }
}
