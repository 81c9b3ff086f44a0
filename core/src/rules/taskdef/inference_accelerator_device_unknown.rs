use crate::context::Ctx;
use crate::json::json_string;
use crate::diagnostics::Applicability;

use crate::diagnostics::message::{backticked, closest};

crate::declare_rule! {
    /// ## What it checks
    /// That every `overrides.inferenceAcceleratorOverrides[].deviceName` names one of the task
    /// definition's `inferenceAccelerators`.
    ///
    /// ## Why it matters
    /// The device name "must match a deviceName specified in the task definition" (botocore
    /// `InferenceAcceleratorOverride.deviceName`). ECS rejects an override for an unknown device.
    ///
    /// ## Task definition
    /// ```json
    /// {"family": "infer", "containerDefinitions": [{"name": "model", "image": "mxnet-inference", "memory": 2048, "resourceRequirements": [{"type": "InferenceAccelerator", "value": "device_1"}]}], "requiresCompatibilities": ["EC2"], "inferenceAccelerators": [{"deviceName": "device_1", "deviceType": "eia2.medium"}]}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "infer", "launchType": "EC2", "overrides": {"inferenceAcceleratorOverrides": [{"deviceName": "device_2", "deviceType": "eia2.large"}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "infer", "launchType": "EC2", "overrides": {"inferenceAcceleratorOverrides": [{"deviceName": "device_1", "deviceType": "eia2.large"}]}}
    /// ```
    ///
    /// ## How to fix
    /// Use a `deviceName` from the task definition's `inferenceAccelerators`. Elastic Inference is
    /// no longer available, so removing the override is usually the answer.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_InferenceAcceleratorOverride.html
    pub static RULE = {
        code: "RT821",
        name: "inference-accelerator-device-unknown",
        severity: Error,
        catalogue: ["R-OV-06"],
        task_definition: true,
        topics: [Gpu],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    let Some(overrides) = ctx.req.overrides else { return };
    let doc = ctx.doc;
    let list = doc.get(overrides, "inferenceAcceleratorOverrides");
    let devices = td.inference_accelerator_names();
    let td_name = td.name();
    for item in doc.elements(list) {
        let Some(node) = doc.get(item, "deviceName") else { continue };
        let Some(device) = doc.str(node) else { continue };
        if devices.contains(&device) {
            continue;
        }
        let (message, help, fix) = if devices.is_empty() {
            (
                format!("task definition `{td_name}` has no `inferenceAccelerators`, so there is no device `{device}` to override"),
                "remove the override".to_owned(),
                None,
            )
        } else {
            let suggestion = closest(&device, &devices).map(|s| (s.name, s.case_only));
            let fix = suggestion.map(|(s, case_only)| {
                let app = if case_only { Applicability::Safe } else { Applicability::Unsafe };
                ctx.replace_value(node, json_string(s), app, format!("Replace with `{s}`"))
            });
            let help = match suggestion {
                Some((s, _)) => format!("did you mean `{s}`?"),
                None => format!("use one of {}", backticked(&devices)),
            };
            (format!("task definition `{td_name}` has no inference accelerator named `{device}`; its devices are {}", backticked(&devices)), help, fix)
        };
        ctx.report(node, message).help(help).fix_opt(fix);
    }
}
