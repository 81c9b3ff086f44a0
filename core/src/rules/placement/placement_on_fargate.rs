use crate::context::Ctx;
use crate::json::Kind;
use crate::diagnostics::message::cat;
use crate::diagnostics::{Applicability, Severity};

crate::declare_rule! {
    /// ## What it checks
    /// That a task that runs on Fargate has no `placementConstraints` and no `placementStrategy`.
    /// The target is Fargate when `launchType` is `FARGATE` or every capacity provider is
    /// `FARGATE`/`FARGATE_SPOT`; with neither, a `platformVersion` (which only Fargate uses) makes
    /// it a warning.
    ///
    /// ## Why it matters
    /// Fargate chooses the host itself and rejects placement settings: `Placement constraints
    /// are not supported with FARGATE launch type.`
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123abcd"]}}, "placementConstraints": [{"type": "distinctInstance"}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "placementConstraints": [{"type": "distinctInstance"}]}
    /// ```
    ///
    /// ## How to fix
    /// Remove `placementConstraints` and `placementStrategy` (the fix does, unsafe); Fargate
    /// spreads tasks across Availability Zones by itself. To control placement, run the task on
    /// EC2 capacity.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement.html
    pub static RULE = {
        code: "RT601",
        name: "placement-on-fargate",
        severity: Error,
        catalogue: ["R-PL-02"],
        topics: [Placement, LaunchType],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(severity) = ctx.fargate_severity(Severity::Error) else { return };
    let doc = ctx.doc;
    for (list, noun, member) in [(ctx.req.placement_constraints, "constraint", "placementConstraints"), (ctx.req.placement_strategy, "strategy", "placementStrategy")] {
        let Some(list) = list else { continue };
        if doc.kind(list) != Kind::Array || doc.child_count(list) == 0 {
            continue;
        }
        let (why, cause) = ctx.why_fargate();
        let n = doc.child_count(list);
        let plural = if n == 1 { noun.to_owned() } else if noun == "strategy" { "strategies".to_owned() } else { cat!(noun, "s") };
        let fix = ctx.remove(list, Applicability::Unsafe, cat!("Remove `", member, "`"));
        let mut r = ctx.report(list, cat!("`", member, "` has ", n, " placement ", plural, ", but ", why, ", and Fargate does not support task placement settings"));
        r.severity(severity)
            .help(cat!("remove `", member, "`: Fargate places tasks itself and spreads them across Availability Zones; use EC2 capacity if placement matters"))
            .note("AWS: `Placement constraints are not supported with FARGATE launch type.`")
            .fix(fix);
        if let Some(c) = cause {
            r.label(c, "this makes the task a Fargate task");
        }
    }
}
