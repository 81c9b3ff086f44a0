use crate::context::Ctx;
use crate::diagnostics::Applicability;

crate::declare_rule! {
    /// ## What it checks
    /// Whether `platformVersion` is set while `launchType` is `EXTERNAL`.
    ///
    /// ## Why it matters
    /// "A platform version is only specified for tasks hosted on Fargate." ECS Anywhere tasks
    /// run on your own servers and have no platform version; ECS rejects it with the EC2 launch
    /// type, and its effect with `EXTERNAL` is undocumented.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "edge", "launchType": "EXTERNAL", "platformVersion": "LATEST"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "edge", "launchType": "EXTERNAL"}
    /// ```
    ///
    /// ## How to fix
    /// Remove `platformVersion` (the fix does; safe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-platformVersion
    pub static RULE = {
        code: "RT206",
        name: "external-with-platform-version",
        severity: Warning,
        catalogue: ["R-LT-08"],
        topics: [PlatformVersion, LaunchType],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let (Some(lt), Some(pv)) = (ctx.req.launch_type, ctx.req.platform_version) else { return };
    if ctx.doc.str(lt).as_deref() != Some("EXTERNAL") {
        return;
    }
    let value = ctx.doc.str(pv).map(|v| format!(" `{}`", crate::diagnostics::message::shorten(&v, 40))).unwrap_or_default();
    let fix = ctx.remove(pv, Applicability::Safe, "Remove `platformVersion`");
    ctx.report_key(pv, format!("`platformVersion`{value} is set, but `EXTERNAL` (ECS Anywhere) tasks have no platform version"))
        .label(lt, "ECS Anywhere launch type")
        .help("remove `platformVersion`: it applies only to Fargate")
        .fix(fix);
}
