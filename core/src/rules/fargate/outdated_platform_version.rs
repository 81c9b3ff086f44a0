use crate::data::fargate::FARGATE_TIERS;
use crate::data::platform;
use crate::diagnostics::message::and_list;
use crate::units;
use crate::context::{Ctx, Target};
use crate::diagnostics::Applicability;

crate::declare_rule! {
    /// ## What it checks
    /// Whether a Linux Fargate task pins `platformVersion` `1.3.0`.
    ///
    /// ## Why it matters
    /// `1.3.0` still runs, but `LATEST` is 1.4.0, and 1.3.0 lacks features that need 1.4.0: the
    /// 8 and 16 vCPU sizes, ephemeral storage, environment files, EFS volumes and ECS Exec.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "platformVersion": "1.3.0",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "platformVersion": "LATEST",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Prefer `LATEST` or `1.4.0`. The fix sets `LATEST` (unsafe: it changes the platform).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-linux-fargate.html
    pub static RULE = {
        code: "RT315",
        name: "outdated-platform-version",
        severity: Info,
        catalogue: ["R-PV-07"],
        topics: [PlatformVersion],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if matches!(ctx.target, Target::Ec2Like | Target::External) || ctx.is_windows() == Some(true) {
        return;
    }
    let Some(node) = ctx.req.platform_version else { return };
    // A current Linux version before 1.4.0 (the retired ones are RT314's).
    let version = ctx.doc.str(node).and_then(|t| platform::parse(&t));
    if !version.is_some_and(|v| v < platform::LINUX_1_4 && platform::LINUX_CURRENT.contains(&v)) {
        return;
    }
    let fix = ctx.replace_value(node, "\"LATEST\"", Applicability::Unsafe, "Set `platformVersion` to `LATEST`");
    let (old, latest) = (version.map(platform::show).unwrap_or_default(), platform::show(platform::LINUX_1_4));
    ctx.report(node, format!("`platformVersion` pins {old}, an older Linux platform; `LATEST` is {latest}"))
        .help(format!("prefer `LATEST` or `{latest}`: {old} lacks {} sizes, ephemeral storage, environment files, EFS and ECS Exec", sizes_from(platform::LINUX_1_4)))
        .fix(fix);
}

/// The Fargate sizes that need platform `min`: "8 vCPU and 16 vCPU".
fn sizes_from(min: platform::Version) -> String {
    let sizes: Vec<String> = FARGATE_TIERS.iter().filter(|t| t.min_linux_platform_version == Some(min)).map(|t| units::vcpu_words(t.cpu)).collect();
    and_list(&sizes)
}
