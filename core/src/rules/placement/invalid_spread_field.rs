use crate::context::Ctx;
use crate::json::json_string;
use crate::query::BUILT_IN_ATTRIBUTES;
use crate::diagnostics::Applicability;

use super::{item_name, items};
use crate::diagnostics::message::shown;

crate::declare_rule! {
    /// ## What it checks
    /// That a `spread` placement strategy's `field` is `instanceId`, `host` (the same) or
    /// `attribute:<name>` with a name, such as `attribute:ecs.availability-zone`.
    ///
    /// ## Why it matters
    /// Spread distributes tasks evenly over the values of that field; anything else is not a
    /// field ECS can spread over, and the request is rejected.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementStrategy": [{"type": "spread", "field": "ecs.availability-zone"}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementStrategy": [{"type": "spread", "field": "attribute:ecs.availability-zone"}]}
    /// ```
    ///
    /// ## How to fix
    /// Use `instanceId`, `host` or `attribute:<name>`. The fix corrects the case of
    /// `instanceId`/`host` and adds a missing `attribute:` prefix to a built-in attribute
    /// (safe). To pack tasks by CPU or memory, use `"type": "binpack"`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-strategies.html
    pub static RULE = {
        code: "RT614",
        name: "invalid-spread-field",
        severity: Error,
        catalogue: ["R-PL-17"],
        topics: [Placement],
    };
}

const VALID: &str = "use `instanceId`, `host` or `attribute:<name>`, e.g. `attribute:ecs.availability-zone`";

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    let found: Vec<_> = items(doc, ctx.req.placement_strategy)
        .filter(|(_, ty)| ty.as_deref() == Some("spread"))
        .filter_map(|(item, _)| doc.get(item, "field").map(|f| (item, f)))
        .collect();
    for (item, field) in found {
        let Some(value) = doc.str(field) else { continue };
        if value == "instanceId" || value == "host" {
            continue;
        }
        if let Some(name) = value.strip_prefix("attribute:") {
            if !name.is_empty() {
                continue;
            }
        }
        let item_name = item_name(doc, item);
        let shown = shown(&value, 60);
        let message = format!("`{item_name}` is `spread` on {shown}, which is not a field ECS can spread over");
        let lower = value.to_ascii_lowercase();
        // (replacement, safe, help)
        let suggestion: Option<(String, bool, String)> = if lower == "instanceid" || lower == "host" {
            let fixed = if lower == "host" { "host" } else { "instanceId" };
            Some((fixed.to_owned(), true, format!("the field is case-sensitive: write `{fixed}`")))
        } else if lower == "attribute:" {
            None
        } else if let Some(rest) = ["attribute.", "attributes:", "attr:"].iter().find_map(|p| lower.starts_with(p).then(|| &value[p.len()..])) {
            let fixed = format!("attribute:{rest}");
            Some((fixed.clone(), true, format!("write `{fixed}`")))
        } else if lower.starts_with("attribute:") {
            let fixed = format!("attribute:{}", &value["attribute:".len()..]);
            Some((fixed.clone(), true, format!("the prefix is lower case: write `{fixed}`")))
        } else if BUILT_IN_ATTRIBUTES.contains(&value.as_ref()) || BUILT_IN_ATTRIBUTES.iter().any(|a| a[4..] == *value) {
            let bare = value.strip_prefix("ecs.").unwrap_or(&value);
            let fixed = format!("attribute:ecs.{bare}");
            Some((fixed.clone(), true, format!("attributes need the `attribute:` prefix: write `{fixed}`")))
        } else if matches!(lower.as_str(), "availabilityzone" | "availability_zone" | "az" | "zone") {
            Some(("attribute:ecs.availability-zone".to_owned(), false, "to spread over Availability Zones, write `attribute:ecs.availability-zone`".to_owned()))
        } else {
            None
        };
        match suggestion {
            Some((fixed, safe, help)) => {
                let app = if safe { Applicability::Safe } else { Applicability::Unsafe };
                let fix = ctx.replace_value(field, json_string(&fixed), app, format!("Replace with `{fixed}`"));
                ctx.report(field, message).help(help).fix(fix);
            }
            None if lower == "cpu" || lower == "memory" => {
                ctx.report(field, message).help(format!("to pack tasks by {lower}, use \"type\": \"binpack\"; for spread, {VALID}"));
            }
            None if lower == "attribute:" => {
                ctx.report(field, format!("`{item_name}` is `spread` on `attribute:` without an attribute name")).help(VALID);
            }
            None => {
                ctx.report(field, message).help(VALID);
            }
        }
    }
}
