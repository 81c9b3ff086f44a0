use crate::context::Ctx;
use crate::diagnostics::Applicability;

use super::{container_label, override_items};

crate::declare_rule! {
    /// ## What it checks
    /// Whether the request asks for Amazon Elastic Inference accelerators: an
    /// `overrides.inferenceAcceleratorOverrides` list, or a container override's
    /// `resourceRequirements` item of type `InferenceAccelerator`.
    ///
    /// ## Why it matters
    /// "Amazon Elastic Inference (EI) is no longer available to customers." A task that asks for
    /// an accelerator cannot get one.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "overrides": {"inferenceAcceleratorOverrides": [{"deviceName": "device1", "deviceType": "eia2.medium"}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "overrides": {"containerOverrides": [{"name": "model",
    ///  "resourceRequirements": [{"type": "GPU", "value": "1"}]}]}}
    /// ```
    ///
    /// ## How to fix
    /// Remove the accelerator request and run inference on GPU (or AWS Inferentia / Neuron)
    /// instances instead. The fix removes an empty `inferenceAcceleratorOverrides` (safe) or the
    /// accelerator request (unsafe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskOverride.html
    pub static RULE = {
        code: "RT332",
        name: "elastic-inference-requested",
        severity: Warning,
        catalogue: ["R-OV-05", "R-CO-31"],
        topics: [Gpu, ContainerOverrides],
    };
}

const NOTE: &str = "Amazon Elastic Inference is no longer available to customers";
const HELP: &str = "remove it; run inference on GPU or AWS Inferentia (Neuron) instances instead";

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    if let Some(node) = ctx.req.overrides.and_then(|o| doc.get(o, "inferenceAcceleratorOverrides")) {
        let empty = doc.child_count(node) == 0;
        let app = if empty { Applicability::Safe } else { Applicability::Unsafe };
        let fix = ctx.remove(node, app, "Remove `inferenceAcceleratorOverrides`");
        let message = if empty {
            "`overrides.inferenceAcceleratorOverrides` is set (empty); Elastic Inference accelerators are no longer available".to_owned()
        } else {
            let n = doc.child_count(node);
            let what = if n == 1 { "an Elastic Inference accelerator".to_owned() } else { format!("{n} Elastic Inference accelerators") };
            format!("`overrides.inferenceAcceleratorOverrides` asks for {what}; Elastic Inference is no longer available")
        };
        ctx.report_key(node, message).help(HELP).note(NOTE).fix(fix);
    }
    let items: Vec<_> = override_items(doc, ctx.req, |c| c.resource_requirements)
        .filter(|&(_, item)| doc.get_str(item, "type").as_deref() == Some("InferenceAccelerator"))
        .collect();
    for (container, item) in items {
        let fix = ctx.remove(item, Applicability::Unsafe, "Remove the `InferenceAccelerator` requirement");
        let who = container_label(doc, container);
        ctx.report(item, format!("{who} asks for an `InferenceAccelerator` resource; Elastic Inference accelerators are no longer available"))
            .help(HELP)
            .note(NOTE)
            .fix(fix);
    }
}
