use crate::context::{Ctx, Target};
use crate::diagnostics::{Applicability, Severity};

crate::declare_rule! {
    /// ## What it checks
    /// Whether `platformVersion` is set for a task that does not run on Fargate: with
    /// `launchType` `EC2` (or `MANAGED_INSTANCES`) it is an error; with a capacity provider
    /// strategy of only non-Fargate providers, a warning. (With `EXTERNAL`, the launch-type rules
    /// report it: R-LT-08.)
    ///
    /// ## Why it matters
    /// "A platform version is only specified for tasks hosted on Fargate." ECS refuses it with the
    /// EC2 launch type: `The platform version must be null when specifying an EC2 launch type.`
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "platformVersion": "LATEST"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2"}
    /// ```
    ///
    /// ## How to fix
    /// Remove `platformVersion`. The fix removes it (safe with `launchType: EC2`, where ECS
    /// refuses it anyway; unsafe with a strategy, in case you meant Fargate providers).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-platformVersion
    pub static RULE = {
        code: "RT312",
        name: "platform-version-outside-fargate",
        severity: Error,
        catalogue: ["R-PV-01", "R-PV-02"],
        topics: [PlatformVersion, LaunchType],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.target != Target::Ec2Like {
        return;
    }
    let Some(pv) = ctx.req.platform_version else { return };
    match ctx.req.launch_type {
        Some(lt) => {
            let launch = ctx.launch_type().unwrap_or_default();
            let fix = ctx.remove(pv, Applicability::Safe, "Remove `platformVersion`");
            ctx.report_key(pv, format!("`platformVersion` is set, but `launchType` is {launch}: platform versions exist only for Fargate"))
                .label(lt, "not Fargate")
                .help("remove `platformVersion`")
                .note("ECS answers `The platform version must be null when specifying an EC2 launch type.`")
                .fix(fix);
        }
        None => {
            let fix = ctx.remove(pv, Applicability::Unsafe, "Remove `platformVersion`");
            let strategy = ctx.req.capacity_provider_strategy;
            let mut r = ctx.report_key(pv, "`platformVersion` is set, but the capacity provider strategy has no Fargate provider: platform versions exist only for Fargate");
            r.severity(Severity::Warning).help("remove `platformVersion`, or use `FARGATE`/`FARGATE_SPOT` providers if you meant Fargate").fix(fix);
            if let Some(s) = strategy {
                r.label_key(s, "only non-Fargate providers");
            }
        }
    }
}
