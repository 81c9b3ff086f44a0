use crate::context::{Ctx, Target};
use crate::json::Kind;
use crate::diagnostics::Severity;

crate::declare_rule! {
    /// ## What it checks
    /// That a `networkConfiguration` object contains `awsvpcConfiguration`, its only member.
    /// On a Fargate target RT400 reports the same thing as an error, and with
    /// `launchType: EXTERNAL` RT405 asks to remove `networkConfiguration` altogether, so this
    /// rule covers the other targets.
    ///
    /// ## Why it matters
    /// An empty `networkConfiguration` configures nothing: for a task definition in `awsvpc`
    /// mode ECS then rejects the request (`Network Configuration must be provided when
    /// networkMode 'awsvpc' is specified.`), and for the other modes the member should not be
    /// there at all.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "networkConfiguration": {}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Add `awsvpcConfiguration` with the task's subnets when the task definition uses the
    /// `awsvpc` network mode; otherwise remove `networkConfiguration`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_NetworkConfiguration.html
    pub static RULE = {
        code: "RT401",
        name: "network-configuration-without-awsvpc",
        severity: Warning,
        catalogue: ["R-NET-02"],
        topics: [Network],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(nc) = ctx.req.network_configuration else { return };
    if ctx.doc.kind(nc) != Kind::Object || ctx.req.awsvpc.is_some() {
        return;
    }
    // Reported by RT400 (Fargate) or RT405 (EXTERNAL).
    if ctx.fargate_severity(Severity::Error).is_some() || ctx.target == Target::External || ctx.launch_type().as_deref() == Some("EXTERNAL") {
        return;
    }
    let members = ctx.doc.child_count(nc);
    let message = if members == 0 {
        "`networkConfiguration` is empty: it has no `awsvpcConfiguration`".to_owned()
    } else {
        "`networkConfiguration` has no `awsvpcConfiguration`, its only supported member".to_owned()
    };
    ctx.report_missing(nc, "awsvpcConfiguration", message)
        .help("add \"awsvpcConfiguration\": {\"subnets\": [\"subnet-…\"]} if the task definition uses the awsvpc network mode; otherwise remove `networkConfiguration`");
}
