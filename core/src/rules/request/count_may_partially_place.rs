use crate::context::{Ctx, Target};

crate::declare_rule! {
    /// ## What it checks
    /// Whether more than one task (`count` > 1) is started on EC2 capacity (`launchType: EC2` or
    /// a strategy of Auto Scaling group providers).
    ///
    /// ## Why it matters
    /// On EC2 each task needs room on an instance. When only some tasks fit, RunTask still
    /// succeeds: it starts those and lists the rest under `failures` in the response (reasons
    /// such as `RESOURCE:MEMORY`), with no exception. A caller that only checks for an error
    /// misses the tasks that never started.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "launchType": "EC2", "count": 4}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "launchType": "EC2", "count": 1}
    /// ```
    ///
    /// ## How to fix
    /// Nothing to change in the request: check `failures` in the response and retry or alert
    /// on it.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#API_RunTask_ResponseSyntax
    pub static RULE = {
        code: "RT115",
        name: "count-may-partially-place",
        severity: Info,
        catalogue: ["R-TOP-12"],
        topics: [RequestMembers, Placement],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.target != Target::Ec2Like {
        return;
    }
    let Some(node) = ctx.req.count else { return };
    let Some(count) = ctx.doc.int(node).filter(|&c| c > 1) else { return };
    ctx.report(node, format!("{count} tasks on EC2 capacity: tasks that do not fit are listed in the response's `failures`, and RunTask still succeeds"))
        .help("check `failures` in the response (e.g. reason `RESOURCE:MEMORY`) instead of relying on the call to fail");
}
