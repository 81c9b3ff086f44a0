use crate::context::{Ctx, Target};

crate::declare_rule! {
    /// ## What it checks
    /// That a container override does not ask for GPU sharing (`resourceRequirements[]
    /// .sharingStrategy`) when the task definition requires `EXTERNAL` compatibility
    /// (`requiresCompatibilities` lists `EXTERNAL`). With `launchType: EXTERNAL` RT347 reports it.
    ///
    /// ## Why it matters
    /// "Task definitions that require EXTERNAL compatibility don't support GPU sharing"
    /// (botocore `ResourceRequirement.sharingStrategy`). ECS rejects the override.
    ///
    /// ## Task definition
    /// ```json
    /// {"family": "infer", "containerDefinitions": [{"name": "model", "image": "nvcr.io/nvidia/tritonserver:24.01-py3", "memory": 4096, "resourceRequirements": [{"type": "GPU", "value": "1"}]}], "requiresCompatibilities": ["EXTERNAL"]}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "infer", "overrides": {"containerOverrides": [{"name": "model", "resourceRequirements": [{"type": "GPU", "sharingStrategy": {"nvidiaMps": {"memory": 2048, "maxComputePercent": 50}}}]}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "infer", "overrides": {"containerOverrides": [{"name": "model", "resourceRequirements": [{"type": "GPU", "value": "1"}]}]}}
    /// ```
    ///
    /// ## How to fix
    /// Request whole GPUs with `value`, or use a task definition registered for EC2.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ResourceRequirement.html
    pub static RULE = {
        code: "RT820",
        name: "gpu-sharing-with-external",
        severity: Error,
        catalogue: ["R-TD-23"],
        task_definition: true,
        topics: [Gpu, LaunchType],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    if ctx.target == Target::External || !td.requires("EXTERNAL") {
        return;
    }
    let doc = ctx.doc;
    let name = td.name();
    let sharing: Vec<_> = doc
        .elements(ctx.req.container_overrides)
        .flat_map(|o| doc.elements(doc.get(o, "resourceRequirements")))
        .filter_map(|rr| doc.get(rr, "sharingStrategy"))
        .collect();
    for node in sharing {
        ctx.report(node, format!("task definition `{name}` requires EXTERNAL compatibility, which does not support GPU sharing"))
            .help("request whole GPUs with `value` (e.g. \"1\") instead of `sharingStrategy`");
    }
}
