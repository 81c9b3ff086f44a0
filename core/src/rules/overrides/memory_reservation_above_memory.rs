use crate::context::{ContainerOverride, Ctx};
use crate::diagnostics::message::cat;
use crate::diagnostics::{Applicability, Severity};

use super::container_label;

crate::declare_rule! {
    /// ## What it checks
    /// That a container override that sets both `memory` (the hard limit) and `memoryReservation`
    /// (the soft limit) does not reserve more than the limit. A reservation equal to the limit is
    /// reported as information: the API reference says `memory` must be greater, while the
    /// developer guide and practice accept equality.
    ///
    /// ## Why it matters
    /// "If you specify both, memory must be greater than memoryReservation." A reservation above
    /// the hard limit is refused (`mem_limit must be greater than mem_reservation`).
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "overrides": {"containerOverrides": [{"name": "web", "memory": 512, "memoryReservation": 1024}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "overrides": {"containerOverrides": [{"name": "web", "memory": 1024, "memoryReservation": 512}]}}
    /// ```
    ///
    /// ## How to fix
    /// Make `memory` at least `memoryReservation`. The fix lowers the reservation to the limit
    /// (unsafe: it changes what the scheduler reserves).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-memoryReservation
    pub static RULE = {
        code: "RT337",
        name: "memory-reservation-above-memory",
        severity: Error,
        catalogue: ["R-CO-04", "R-CO-05"],
        topics: [ContainerOverrides],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    let req = ctx.req;
    for &ContainerOverride { node: c, memory, memory_reservation, .. } in &req.containers {
        let (Some(mem_node), Some(res_node)) = (memory, memory_reservation) else { continue };
        let (Some(mem), Some(res)) = (doc.int(mem_node).filter(|v| *v >= 0), doc.int(res_node).filter(|v| *v >= 0)) else { continue };
        if res > mem {
            let who = container_label(doc, c);
            let fix = ctx.replace_value(res_node, cat!(mem), Applicability::Unsafe, cat!("Set `memoryReservation` to ", mem));
            ctx.report(res_node, cat!(who, " reserves ", res, " MiB (`memoryReservation`), more than its hard limit `memory` ", mem, " MiB"))
                .label(mem_node, "the hard limit")
                .help(cat!("raise `memory` to at least ", res, ", or lower `memoryReservation` to at most ", mem))
                .note("`memory` is the hard limit, `memoryReservation` the soft limit below it")
                .fix(fix);
        } else if res == mem {
            let who = container_label(doc, c);
            ctx.report(res_node, cat!(who, " reserves its whole hard limit: `memoryReservation` and `memory` are both ", mem, " MiB"))
                .severity(Severity::Info)
                .label(mem_node, "the same hard limit")
                .help("drop `memoryReservation` (the hard limit is then reserved), or set it below `memory` to let the container burst")
                .note("the API reference says `memory` must be greater; the developer guide accepts equal values");
        }
    }
}
