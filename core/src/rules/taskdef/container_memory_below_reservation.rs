use crate::context::Ctx;

crate::declare_rule! {
    /// ## What it checks
    /// That a container override that changes only one of `memory` / `memoryReservation` keeps
    /// the pair consistent with the other value, which comes from the task definition: an
    /// overridden `memoryReservation` must not exceed the task definition's `memory` (the hard
    /// limit), and an overridden `memory` must not be below the task definition's
    /// `memoryReservation`. Equal is fine. (Both overridden: RT337.)
    ///
    /// ## Why it matters
    /// "If you specify both a container-level memory and memoryReservation value, memory must be
    /// greater than memoryReservation" (botocore `ContainerDefinition.memory`); the container's
    /// soft limit cannot be above its hard limit.
    ///
    /// ## Task definition
    /// ```json
    /// {"family": "worker", "containerDefinitions": [{"name": "worker", "image": "busybox", "memory": 1024, "memoryReservation": 512}], "requiresCompatibilities": ["EC2"]}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "worker", "launchType": "EC2", "overrides": {"containerOverrides": [{"name": "worker", "memoryReservation": 2048}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "worker", "launchType": "EC2", "overrides": {"containerOverrides": [{"name": "worker", "memory": 4096, "memoryReservation": 2048}]}}
    /// ```
    ///
    /// ## How to fix
    /// Override `memory` and `memoryReservation` together, with `memory` ≥ `memoryReservation`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerOverride.html
    pub static RULE = {
        code: "RT809",
        name: "container-memory-below-reservation",
        severity: Error,
        catalogue: ["R-TD-11"],
        task_definition: true,
        topics: [ContainerOverrides],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    let doc = ctx.doc;
    let name = td.name();
    for ov in doc.elements(ctx.req.container_overrides) {
        let Some(container) = doc.get_str(ov, "name") else { continue };
        let Some(def) = td.container(&container) else { continue };
        let memory = doc.get(ov, "memory");
        let reservation = doc.get(ov, "memoryReservation");
        match (memory.and_then(|n| doc.int(n)), reservation.and_then(|n| doc.int(n))) {
            (None, Some(r)) if memory.is_none() => {
                let Some(limit) = td.doc.get_int(def, "memory").filter(|&m| r > m) else { continue };
                let Some(node) = reservation else { continue };
                ctx.report(
                    node,
                    format!("`memoryReservation` {r} MiB for container `{container}` is above its hard `memory` limit of {limit} MiB in task definition `{name}`"),
                )
                .help(format!("also override `memory` with at least {r} MiB, or keep `memoryReservation` at most {limit} MiB"));
            }
            (Some(m), None) if reservation.is_none() => {
                let Some(soft) = td.doc.get_int(def, "memoryReservation").filter(|&s| m < s) else { continue };
                let Some(node) = memory else { continue };
                ctx.report(
                    node,
                    format!("`memory` {m} MiB for container `{container}` is below its `memoryReservation` of {soft} MiB in task definition `{name}`"),
                )
                .help(format!("also override `memoryReservation` with at most {m} MiB, or keep `memory` at least {soft} MiB"));
            }
            _ => {}
        }
    }
}
