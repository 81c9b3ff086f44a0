use crate::context::Ctx;
use crate::diagnostics::Applicability;

use super::{container_label, container_overrides};

crate::declare_rule! {
    /// ## What it checks
    /// Whether a container override is empty (`{}`) or gives only the container's `name`.
    ///
    /// ## Why it matters
    /// ECS accepts it ("An empty container override can be passed in"), but it changes nothing:
    /// often a leftover, or a sign that the intended `command` or `environment` was lost.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "overrides": {"containerOverrides": [{"name": "web"}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "overrides": {"containerOverrides": [{"name": "web", "command": ["./migrate.sh"]}]}}
    /// ```
    ///
    /// ## How to fix
    /// Add what you meant to override, or remove the entry. The fix removes it (safe: it has no
    /// effect).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerOverride.html
    pub static RULE = {
        code: "RT336",
        name: "empty-container-override",
        severity: Info,
        catalogue: ["R-CO-02"],
        topics: [ContainerOverrides],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    let req = ctx.req;
    for c in container_overrides(req) {
        let only_name = doc.children(c).all(|m| doc.key(m).as_deref() == Some("name"));
        if !only_name {
            continue;
        }
        let fix = ctx.remove(c, Applicability::Safe, "Remove the empty container override");
        let message = if doc.child_count(c) == 0 {
            format!("`containerOverrides[{}]` is empty and overrides nothing", doc.index(c))
        } else {
            format!("the override for {} gives only the name and overrides nothing", container_label(doc, c))
        };
        ctx.report(c, message).help("add the `command`, `environment` or other settings to override, or remove the entry").fix(fix);
    }
}
