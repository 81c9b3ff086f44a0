use crate::context::{Ctx, Target};
use crate::json::NodeId;
use crate::diagnostics::message::{dotted, shown};
use crate::diagnostics::Edit;
use crate::diagnostics::{Applicability, Fix};

use super::{container_label, override_items};

crate::declare_rule! {
    /// ## What it checks
    /// That a container override's `NeuronDevice` resource requirement (AWS Inferentia and
    /// Trainium) has `value` `ALL`, that the task is not sent to Fargate, EC2 (`launchType:
    /// EC2`) or external instances, since Neuron devices are offered on Managed Instances only,
    /// and that only one container override asks for them.
    ///
    /// ## Why it matters
    /// "When the type is NeuronDevice, the value must be ALL … Only one container in a task can
    /// specify NeuronDevice resources. This resource type is only supported on Managed
    /// Instances." ECS refuses other requests.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "llm:2", "capacityProviderStrategy": [{"capacityProvider": "mi-inferentia", "weight": 1}],
    ///  "overrides": {"containerOverrides": [{"name": "llm",
    ///  "resourceRequirements": [{"type": "NeuronDevice", "value": "2"}]}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "llm:2", "capacityProviderStrategy": [{"capacityProvider": "mi-inferentia", "weight": 1}],
    ///  "overrides": {"containerOverrides": [{"name": "llm",
    ///  "resourceRequirements": [{"type": "NeuronDevice", "value": "ALL"}]}]}}
    /// ```
    ///
    /// ## How to fix
    /// Use `"value": "ALL"` in one container, and run the task through a Managed Instances capacity
    /// provider. (A strategy of providers other than Fargate's may be Managed Instances, so it is
    /// not reported.) The fix sets `ALL` (safe for a different case, unsafe otherwise).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ResourceRequirement.html
    pub static RULE = {
        code: "RT348",
        name: "invalid-neuron-device-request",
        severity: Error,
        catalogue: ["R-CO-30"],
        topics: [Gpu],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    let items: Vec<(NodeId, NodeId)> =
        override_items(doc, ctx.req, |c| c.resource_requirements).filter(|&(_, i)| doc.get_str(i, "type").as_deref() == Some("NeuronDevice")).collect();
    if items.is_empty() {
        return;
    }
    // Where the task goes, when it is known not to be Managed Instances.
    let wrong_target = match ctx.target {
        Target::Fargate => Some("Fargate"),
        Target::External => Some("external instances"),
        Target::Ec2Like if ctx.launch_type().as_deref() == Some("EC2") => Some("EC2 (`launchType: EC2`)"),
        _ => None,
    };
    let mut first_container: Option<NodeId> = None;
    for &(c, item) in &items {
        let who = container_label(doc, c);
        match doc.get(item, "value") {
            None => {
                let open = doc.range(item).start + 1;
                let content = if doc.child_count(item) == 0 { "\"value\": \"ALL\"" } else { "\"value\": \"ALL\", " };
                let fix = Fix {
                    applicability: Applicability::Unsafe,
                    description: "Add \"value\": \"ALL\"".to_owned(),
                    edits: vec![Edit::new(open, open, content.to_owned())],
                };
                ctx.report(item, format!("{who}'s `NeuronDevice` requirement has no `value`; it must be `ALL`")).help("add \"value\": \"ALL\"").fix(fix);
            }
            Some(v) => {
                if let Some(text) = doc.str(v).filter(|t| t != "ALL") {
                    let app = if text.eq_ignore_ascii_case("all") { Applicability::Safe } else { Applicability::Unsafe };
                    let fix = ctx.replace_value(v, "\"ALL\"", app, "Replace with `ALL`");
                    ctx.report(v, format!("`{}` is {}, but a `NeuronDevice` requirement takes only `ALL` (all Neuron devices of the instance)", dotted(doc, v), shown(&text, 40)))
                        .help("use \"ALL\"")
                        .fix(fix);
                }
            }
        }
        if let Some(place) = wrong_target {
            ctx.report(item, format!("{who} asks for Neuron devices, which only Managed Instances offer, but the task runs on {place}"))
                .help("run the task through a Managed Instances capacity provider in `capacityProviderStrategy`");
        }
        match first_container {
            None => first_container = Some(c),
            Some(first) if first != c => {
                ctx.report(item, format!("{who} asks for Neuron devices too; only one container in a task can"))
                    .label(first, format!("{} already asks for them", container_label(doc, first)))
                    .help("give the Neuron devices to one container");
            }
            Some(_) => {}
        }
    }
}
