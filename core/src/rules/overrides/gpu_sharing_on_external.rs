use crate::context::{Ctx, Target};

use super::{container_label, override_items};

crate::declare_rule! {
    /// ## What it checks
    /// Whether a container override shares a GPU (`resourceRequirements[*].sharingStrategy`) in a
    /// task that runs on external instances (`launchType: EXTERNAL`). (A task definition that
    /// requires `EXTERNAL` compatibility is RT820's.)
    ///
    /// ## Why it matters
    /// "Task definitions that require EXTERNAL compatibility don't support GPU sharing"; GPU
    /// sharing works on EC2 instances and Managed Instances only.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "model:4", "launchType": "EXTERNAL", "overrides": {"containerOverrides": [{"name": "model",
    ///  "resourceRequirements": [{"type": "GPU", "sharingStrategy": {"nvidiaMps": {"memory": 4096}}}]}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "model:4", "launchType": "EXTERNAL", "overrides": {"containerOverrides": [{"name": "model",
    ///  "resourceRequirements": [{"type": "GPU", "value": "1"}]}]}}
    /// ```
    ///
    /// ## How to fix
    /// Reserve whole GPUs with `value` on external instances, or run the task on EC2 or Managed
    /// Instances to share a GPU.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ResourceRequirement.html
    pub static RULE = {
        code: "RT347",
        name: "gpu-sharing-on-external",
        severity: Error,
        catalogue: ["R-CO-29"],
        topics: [Gpu, LaunchType],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.target != Target::External {
        return; // A task definition that requires EXTERNAL: RT820.
    }
    let doc = ctx.doc;
    let items: Vec<_> = override_items(doc, ctx.req, |c| c.resource_requirements).filter_map(|(c, i)| doc.get(i, "sharingStrategy").map(|s| (c, s))).collect();
    let launch_type = ctx.req.launch_type;
    for (c, sharing) in items {
        let mut r = ctx.report_key(
            sharing,
            format!("{} shares a GPU (`sharingStrategy`), but the task runs on external instances (`launchType: EXTERNAL`), which do not support GPU sharing", container_label(doc, c)),
        );
        r.help("reserve whole GPUs with \"value\" instead, or run the task on EC2 or Managed Instances");
        if let Some(lt) = launch_type {
            r.label(lt, "external instances");
        }
    }
}
