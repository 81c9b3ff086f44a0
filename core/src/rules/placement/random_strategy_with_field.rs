use crate::context::Ctx;
use crate::diagnostics::Applicability;

use super::{item_name, items};

crate::declare_rule! {
    /// ## What it checks
    /// That a `random` placement strategy has no `field`.
    ///
    /// ## Why it matters
    /// "For the random placement strategy, this field is not used": the field is ignored, so
    /// a `field` suggests a spread or binpack was intended.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementStrategy": [{"type": "random", "field": "instanceId"}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementStrategy": [{"type": "random"}]}
    /// ```
    ///
    /// ## How to fix
    /// Remove `field` (the fix does, safe: it has no effect), or change the type to `spread` or
    /// `binpack` if that was the intent.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementStrategy.html
    pub static RULE = {
        code: "RT616",
        name: "random-strategy-with-field",
        severity: Warning,
        catalogue: ["R-PL-19"],
        topics: [Placement],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    let found: Vec<_> = items(doc, ctx.req.placement_strategy)
        .filter(|(_, ty)| ty.as_deref() == Some("random"))
        .filter_map(|(item, _)| doc.get(item, "field").map(|f| (item, f)))
        .collect();
    for (item, field) in found {
        let name = item_name(doc, item);
        let value = doc.str(field);
        let help = match value.as_deref() {
            Some(v) if v.eq_ignore_ascii_case("cpu") || v.eq_ignore_ascii_case("memory") => format!("remove `field`, or use \"type\": \"binpack\" to pack tasks by {v}"),
            Some(v) if v == "instanceId" || v == "host" || v.starts_with("attribute:") => format!("remove `field`, or use \"type\": \"spread\" to spread tasks over {v}"),
            _ => "remove `field`".to_owned(),
        };
        let fix = ctx.remove(field, Applicability::Safe, "Remove `field`");
        ctx.report_key(field, format!("`{name}` is `random`, which ignores `field`")).help(help).fix(fix);
    }
}
