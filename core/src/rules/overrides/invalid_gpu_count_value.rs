use crate::context::Ctx;
use crate::diagnostics::message::{dotted, shown};
use crate::diagnostics::Applicability;

use super::override_items;

crate::declare_rule! {
    /// ## What it checks
    /// That the `value` of a container override's `GPU` resource requirement is a positive whole
    /// number of GPUs as a string (`"1"`, `"4"`) or `ALL`.
    ///
    /// ## Why it matters
    /// "The value is the number of physical GPUs the Amazon ECS container agent reserves for the
    /// container … You can also specify ALL." Other text (`"0"`, `"0.5"`, `"one"`) is refused;
    /// a share of a GPU needs `sharingStrategy` instead.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "model:4", "launchType": "EC2", "overrides": {"containerOverrides": [{"name": "model",
    ///  "resourceRequirements": [{"type": "GPU", "value": "0.5"}]}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "model:4", "launchType": "EC2", "overrides": {"containerOverrides": [{"name": "model",
    ///  "resourceRequirements": [{"type": "GPU", "value": "2"}]}]}}
    /// ```
    ///
    /// ## How to fix
    /// Give a whole number of GPUs of at least 1, or `ALL`. The fix corrects the case of `all`
    /// (safe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ResourceRequirement.html
    pub static RULE = {
        code: "RT346",
        name: "invalid-gpu-count-value",
        severity: Error,
        catalogue: ["R-CO-25"],
        topics: [Gpu],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    let items: Vec<_> = override_items(doc, ctx.req, |c| c.resource_requirements).filter(|&(_, i)| doc.get_str(i, "type").as_deref() == Some("GPU")).collect();
    for (_, item) in items {
        let Some(node) = doc.get(item, "value") else { continue };
        let Some(value) = doc.str(node) else { continue };
        if value == "ALL" || is_positive_count(&value) {
            continue;
        }
        let head = format!("`{}` is {}", dotted(doc, node), shown(&value, 40));
        if value.trim().eq_ignore_ascii_case("all") {
            let fix = ctx.replace_value(node, "\"ALL\"", Applicability::Safe, "Replace with `ALL`");
            ctx.report(node, format!("{head}; the value for all GPUs is `ALL` in upper case")).help("use `ALL`").fix(fix);
            continue;
        }
        let message = if value.bytes().all(|b| b.is_ascii_digit()) && !value.is_empty() {
            format!("{head}: a GPU requirement needs at least 1 GPU")
        } else if value.trim_start().starts_with('-') {
            format!("{head}, a negative number of GPUs")
        } else if crate::decimal::is_float_text(value.trim()) {
            format!("{head}, which is not a whole number of GPUs; share a GPU with `sharingStrategy` instead")
        } else {
            format!("{head}, which is neither a number of GPUs nor `ALL`")
        };
        ctx.report(node, message).help("give a whole number of GPUs such as \"1\", or \"ALL\"; or remove the GPU requirement");
    }
}

/// `"1"`, `"8"`: digits, not all zeros.
fn is_positive_count(s: &str) -> bool {
    !s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit()) && s.bytes().any(|b| b != b'0')
}
