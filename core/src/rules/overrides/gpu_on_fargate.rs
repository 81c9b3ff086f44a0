use crate::context::Ctx;
use crate::diagnostics::{Applicability, Severity};

use super::{container_label, override_items};

crate::declare_rule! {
    /// ## What it checks
    /// Whether a container override of a Fargate task asks for a GPU (`resourceRequirements` item
    /// of type `GPU`). With an unknown target and a `platformVersion`, a warning.
    ///
    /// ## Why it matters
    /// Fargate has no GPUs: `gpu` is among the task definition parameters that "are not valid in
    /// Fargate tasks", and the task cannot be placed.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "model:4", "launchType": "FARGATE",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"containerOverrides": [{"name": "model", "resourceRequirements": [{"type": "GPU", "value": "1"}]}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "model:4", "launchType": "EC2",
    ///  "overrides": {"containerOverrides": [{"name": "model", "resourceRequirements": [{"type": "GPU", "value": "1"}]}]}}
    /// ```
    ///
    /// ## How to fix
    /// Run GPU work on EC2 GPU instances or Managed Instances (`launchType: EC2` or their capacity
    /// provider), or remove the GPU requirement (the fix, unsafe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html
    pub static RULE = {
        code: "RT344",
        name: "gpu-on-fargate",
        severity: Error,
        catalogue: ["R-CO-23"],
        topics: [Gpu],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(severity) = ctx.fargate_severity(Severity::Error) else { return };
    let doc = ctx.doc;
    let items: Vec<_> = override_items(doc, ctx.req, |c| c.resource_requirements).filter(|&(_, i)| doc.get_str(i, "type").as_deref() == Some("GPU")).collect();
    let launch_type = ctx.req.launch_type;
    for (c, item) in items {
        let fix = ctx.remove(item, Applicability::Unsafe, "Remove the GPU requirement");
        let mut r = ctx.report(item, format!("{} asks for a GPU, but the task runs on Fargate, which has no GPUs", container_label(doc, c)));
        r.severity(severity).help("run GPU work on EC2 GPU instances or Managed Instances, or remove the GPU requirement").fix(fix);
        if let Some(lt) = launch_type {
            r.label(lt, "Fargate");
        }
    }
}
