use crate::context::Ctx;
use crate::diagnostics::Applicability;

crate::declare_rule! {
    /// ## What it checks
    /// That a request with `launchType: EXTERNAL` (ECS Anywhere) has no `networkConfiguration`.
    ///
    /// ## Why it matters
    /// Tasks on external instances use the `bridge`, `host` or `none` network mode; the `awsvpc`
    /// mode, which `networkConfiguration` configures, is not supported on ECS Anywhere, and ECS
    /// rejects the request.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EXTERNAL", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EXTERNAL"}
    /// ```
    ///
    /// ## How to fix
    /// Remove `networkConfiguration` (the fix does; unsafe when you meant another launch type),
    /// and register the task definition with the `bridge`, `host` or `none` network mode.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-anywhere.html
    pub static RULE = {
        code: "RT405",
        name: "network-configuration-on-external",
        severity: Error,
        catalogue: ["R-NET-12"],
        topics: [Network, LaunchType],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let (Some(nc), Some(lt)) = (ctx.req.network_configuration, ctx.req.launch_type) else { return };
    if ctx.doc.str(lt).as_deref() != Some("EXTERNAL") {
        return;
    }
    let fix = ctx.remove(nc, Applicability::Unsafe, "Remove `networkConfiguration`");
    ctx.report_key(nc, "`networkConfiguration` is set but `launchType` is EXTERNAL: ECS Anywhere tasks cannot use the awsvpc network mode")
        .label(lt, "ECS Anywhere")
        .help("remove `networkConfiguration`; external instances run tasks in the bridge, host or none network mode")
        .fix(fix);
}
