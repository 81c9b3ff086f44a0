use crate::context::{Ctx, Target};

use super::report_at_task_definition;

crate::declare_rule! {
    /// ## What it checks
    /// That a request whose task definition uses `networkMode: awsvpc` has a
    /// `networkConfiguration`. On a Fargate target RT4xx already reports the missing member, and
    /// EXTERNAL tasks cannot use awsvpc at all (RT802, RT4xx), so this rule covers EC2-like and
    /// unknown targets. Reported at `/taskDefinition`.
    ///
    /// ## Why it matters
    /// Each awsvpc task gets its own network interface, in the subnets the request names. ECS
    /// rejects the request: `Network Configuration must be provided when networkMode 'awsvpc' is
    /// specified.`
    ///
    /// ## Task definition
    /// ```json
    /// {"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512}], "networkMode": "awsvpc", "requiresCompatibilities": ["EC2"]}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web", "launchType": "EC2"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web", "launchType": "EC2", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"], "securityGroups": ["sg-0a1b2c3d"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Add `networkConfiguration.awsvpcConfiguration` with the subnets (and security groups) for
    /// the task's network interface.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_NetworkConfiguration.html
    pub static RULE = {
        code: "RT803",
        name: "awsvpc-without-network-configuration",
        severity: Error,
        catalogue: ["R-TD-04"],
        task_definition: true,
        topics: [Network],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    if ctx.req.network_configuration.is_some() || matches!(ctx.target, Target::Fargate | Target::External) || td.network_mode() != "awsvpc" {
        return;
    }
    let name = td.name();
    report_at_task_definition(ctx, format!("task definition `{name}` has networkMode `awsvpc`, but the request has no `networkConfiguration`"))
        .help("add \"networkConfiguration\": {\"awsvpcConfiguration\": {\"subnets\": [\"subnet-…\"], \"securityGroups\": [\"sg-…\"]}}")
        .note("ECS answers: Network Configuration must be provided when networkMode 'awsvpc' is specified.");
}
