use crate::context::Ctx;
use crate::json::NodeId;

use super::report_at_task_definition;

crate::declare_rule! {
    /// ## What it checks
    /// That the containers of a task that request GPUs all do it the same way: all with a GPU
    /// count (`value`) or all with `sharingStrategy`. Each container's GPU requirement is its
    /// container override's when the override has a `GPU` item, else the task definition's. The
    /// message names each GPU container, its option and where it comes from.
    ///
    /// ## Why it matters
    /// "The containers in a task that request GPUs must all use the same option" (botocore
    /// `ResourceRequirement`). ECS rejects the task.
    ///
    /// ## Task definition
    /// ```json
    /// {"family": "ml", "containerDefinitions": [{"name": "train", "image": "pytorch/pytorch", "memory": 8192, "resourceRequirements": [{"type": "GPU", "value": "1"}]}, {"name": "serve", "image": "nvcr.io/nvidia/tritonserver:24.01-py3", "memory": 4096, "resourceRequirements": [{"type": "GPU", "value": "1"}]}], "requiresCompatibilities": ["EC2"]}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "ml", "launchType": "EC2", "overrides": {"containerOverrides": [{"name": "serve", "resourceRequirements": [{"type": "GPU", "sharingStrategy": {"nvidiaMps": {"memory": 2048, "maxComputePercent": 50}}}]}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "ml", "launchType": "EC2", "overrides": {"containerOverrides": [{"name": "serve", "resourceRequirements": [{"type": "GPU", "value": "2"}]}]}}
    /// ```
    ///
    /// ## How to fix
    /// Use the same option for every GPU container: override the other containers too, or give a
    /// GPU count.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ResourceRequirement.html
    pub static RULE = {
        code: "RT825",
        name: "gpu-sharing-options-mixed",
        severity: Error,
        catalogue: ["R-CO-28"],
        task_definition: true,
        topics: [Gpu],
    };
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum GpuOption {
    Count,
    Sharing,
}

impl GpuOption {
    fn describe(self) -> &'static str {
        match self {
            GpuOption::Count => "`value` (a GPU count)",
            GpuOption::Sharing => "`sharingStrategy`",
        }
    }
}

struct GpuContainer<'n> {
    name: std::borrow::Cow<'n, str>,
    option: GpuOption,
    /// The override's GPU item; None when the task definition's applies.
    node: Option<NodeId>,
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    let doc = ctx.doc;
    let mut gpus: Vec<GpuContainer<'_>> = Vec::new();
    for c in td.containers() {
        let ov = doc.elements(ctx.req.container_overrides).filter(|&o| doc.get_str(o, "name").as_deref() == Some(c.name.as_ref())).last();
        let over = ov.and_then(|o| doc.elements(doc.get(o, "resourceRequirements")).find(|&rr| doc.get_str(rr, "type").as_deref() == Some("GPU")));
        let option = if let Some(rr) = over {
            option_of(doc.get(rr, "value").is_some_and(|v| doc.kind(v) != crate::json::Kind::Null), doc.get(rr, "sharingStrategy").is_some())
        } else {
            let Some(rr) = td.resource_requirements(c.node).find(|&rr| td.str_of(rr, "type").as_deref() == Some("GPU")) else { continue };
            option_of(td.member(rr, "value").is_some(), td.member(rr, "sharingStrategy").is_some())
        };
        // Both or neither is RT345's (one GPU requirement, not the task).
        let Some(option) = option else { continue };
        gpus.push(GpuContainer { name: c.name, option, node: over });
    }
    let Some(first) = gpus.first().map(|g| g.option) else { return };
    if gpus.iter().all(|g| g.option == first) {
        return;
    }
    let name = td.name();
    let listed: Vec<String> = gpus
        .iter()
        .map(|g| format!("`{}` uses {} {}", g.name, g.option.describe(), if g.node.is_some() { "in its override".to_owned() } else { format!("in task definition `{name}`") }))
        .collect();
    let message = format!("the GPU containers of a task must all use the same option, but {}", listed.join(", "));
    let help = "give every GPU container either a GPU count (`value`) or a `sharingStrategy`, overriding the others as needed";
    let anchor = gpus.iter().filter_map(|g| g.node).min();
    let mut r = match anchor {
        Some(n) => ctx.report(n, message),
        None => report_at_task_definition(ctx, message),
    };
    r.help(help);
    for g in &gpus {
        if let Some(n) = g.node.filter(|&n| Some(n) != anchor) {
            r.label(n, format!("`{}` uses {}", g.name, g.option.describe()));
        }
    }
}

fn option_of(value: bool, sharing: bool) -> Option<GpuOption> {
    match (value, sharing) {
        (true, false) => Some(GpuOption::Count),
        (false, true) => Some(GpuOption::Sharing),
        _ => None,
    }
}
