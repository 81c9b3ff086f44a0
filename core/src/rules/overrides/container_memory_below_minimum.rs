use crate::context::Ctx;
use crate::data::limits::CONTAINER_MEMORY_MIN_MIB;

use super::container_label;

crate::declare_rule! {
    /// ## What it checks
    /// Whether a container override's `memory` or `memoryReservation` is below 6 MiB (0–5;
    /// negative values are RT106's).
    ///
    /// ## Why it matters
    /// "The Docker 20.10.0 or later daemon reserves a minimum of 6 MiB of memory for a container,
    /// so don't specify less than 6 MiB." Such a container cannot start. Values of 1–5 are
    /// usually GiB written where ECS expects MiB.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "overrides": {"containerOverrides": [{"name": "web", "memory": 2}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "overrides": {"containerOverrides": [{"name": "web", "memory": 2048}]}}
    /// ```
    ///
    /// ## How to fix
    /// Give the memory in MiB, at least 6 (2 GiB is 2048).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-memory
    pub static RULE = {
        code: "RT338",
        name: "container-memory-below-minimum",
        severity: Warning,
        catalogue: ["R-CO-06"],
        topics: [ContainerOverrides],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    let req = ctx.req;
    for container in &req.containers {
        let c = container.node;
        for member in ["memory", "memoryReservation"] {
            let Some(node) = container.size(member) else { continue };
            let Some(v) = doc.int(node).filter(|v| (0..CONTAINER_MEMORY_MIN_MIB).contains(v)) else { continue };
            let who = container_label(doc, c);
            let help = if v > 0 {
                format!("`{member}` is in MiB: for {v} GiB write {}", v * 1024)
            } else {
                format!("give at least {CONTAINER_MEMORY_MIN_MIB} MiB, or remove `{member}` to keep the task definition's value")
            };
            ctx.report(node, format!("{who} has `{member}` {v} MiB, below the {CONTAINER_MEMORY_MIN_MIB} MiB that Docker reserves for a container"))
                .help(help)
                .note(format!("Docker reserves at least {CONTAINER_MEMORY_MIN_MIB} MiB of memory per container"));
        }
    }
}
