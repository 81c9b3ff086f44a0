use crate::context::Ctx;
use crate::diagnostics::Applicability;

use super::{container_label, override_items};

crate::declare_rule! {
    /// ## What it checks
    /// That a container override's `GPU` resource requirement gives exactly one of `value` (the
    /// number of GPUs) and `sharingStrategy` (a share of a GPU through NVIDIA MPS): not both, not
    /// neither.
    ///
    /// ## Why it matters
    /// "For a GPU resource requirement, specify either value or sharingStrategy, but not both";
    /// `value` is required "unless the type is GPU and you specify sharingStrategy". ECS refuses
    /// other combinations.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "model:4", "launchType": "EC2", "overrides": {"containerOverrides": [{"name": "model",
    ///  "resourceRequirements": [{"type": "GPU", "value": "1", "sharingStrategy": {"nvidiaMps": {"memory": 4096}}}]}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "model:4", "launchType": "EC2", "overrides": {"containerOverrides": [{"name": "model",
    ///  "resourceRequirements": [{"type": "GPU", "sharingStrategy": {"nvidiaMps": {"memory": 4096, "maxComputePercent": 50}}}]}]}}
    /// ```
    ///
    /// ## How to fix
    /// Give `value` for whole GPUs or `sharingStrategy` for a share of one. With both, the fix
    /// removes `value` (unsafe: check which you meant).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ResourceRequirement.html
    pub static RULE = {
        code: "RT345",
        name: "invalid-gpu-amount-members",
        severity: Error,
        catalogue: ["R-CO-24"],
        topics: [Gpu],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    let items: Vec<_> = override_items(doc, ctx.req, |c| c.resource_requirements).filter(|&(_, i)| doc.get_str(i, "type").as_deref() == Some("GPU")).collect();
    for (c, item) in items {
        let who = container_label(doc, c);
        match (doc.get(item, "value"), doc.get(item, "sharingStrategy")) {
            (Some(value), Some(sharing)) => {
                let fix = ctx.remove(value, Applicability::Unsafe, "Remove `value` and keep `sharingStrategy`");
                ctx.report_key(sharing, format!("{who}'s GPU requirement gives both `value` and `sharingStrategy`; it takes one of them"))
                    .label_key(value, "whole GPUs")
                    .help("keep `value` for whole GPUs, or `sharingStrategy` for a share of one GPU")
                    .fix(fix);
            }
            (None, None) => {
                ctx.report(item, format!("{who}'s GPU requirement gives neither `value` nor `sharingStrategy`"))
                    .help("add \"value\": \"1\" (the number of GPUs), or a `sharingStrategy` to share a GPU");
            }
            _ => {}
        }
    }
}
