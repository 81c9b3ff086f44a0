use crate::context::{Ctx, Target};
use crate::json::json_string;
use crate::diagnostics::message::{cat, or_list, shown};
use crate::diagnostics::{Applicability, Severity};

use crate::data::platform;

crate::declare_rule! {
    /// ## What it checks
    /// That `platformVersion` is `LATEST` or a version of three numbers such as `1.4.0`. `latest`
    /// in another case is a warning; anything else (`"1.4"`, `"v1.4.0"`) an error.
    ///
    /// ## Why it matters
    /// ECS looks the platform up by name and answers `The specified platform does not exist.`
    /// (PlatformUnknownException) for `1.4`, which users have mistaken for `1.4.0`.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "platformVersion": "1.4",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "platformVersion": "1.4.0",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Use `LATEST`, `1.4.0` or `1.3.0` (Linux), or `1.0.0` (Windows). The fix corrects the case
    /// of `latest`, and completes `1.4` to `1.4.0` or strips a `v` prefix and spaces (safe).
    /// Spaces around `LATEST` are an error: ECS matches the name exactly.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-fargate.html
    pub static RULE = {
        code: "RT313",
        name: "malformed-platform-version",
        severity: Error,
        catalogue: ["R-PV-03", "R-PV-04"],
        topics: [PlatformVersion],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if matches!(ctx.target, Target::Ec2Like | Target::External) {
        return; // RT312 and the launch rules say to remove it.
    }
    let Some(node) = ctx.req.platform_version else { return };
    let Some(text) = ctx.doc.str(node) else { return };
    if text == "LATEST" || platform::parse(&text).is_some() {
        return;
    }
    if text.eq_ignore_ascii_case("latest") {
        let fix = ctx.replace_value(node, "\"LATEST\"", Applicability::Safe, "Replace with `LATEST`");
        ctx.report(node, format!("`platformVersion` is {}; the documented value is `LATEST` in upper case", json_string(&text)))
            .severity(Severity::Warning)
            .help("use `LATEST`")
            .fix(fix);
        return;
    }
    let shown = shown(&text, 40);
    let message = cat!("`platformVersion` is ", shown, ", which is neither `LATEST` nor a version such as `", platform::show(platform::LINUX_1_4), "`");
    let note = "ECS answers `The specified platform does not exist.`";
    match repair(&text) {
        Some(v) => {
            let fix = ctx.replace_value(node, json_string(&v), Applicability::Safe, cat!("Replace with `", v, "`"));
            ctx.report(node, message).help(cat!("did you mean `", v, "`?")).note(note).fix(fix);
        }
        None => {
            let list = |vs: &[platform::Version]| or_list(&vs.iter().map(|v| format!("`{}`", platform::show(*v))).collect::<Vec<_>>());
            ctx.report(node, message).help(format!("use `LATEST`, {} (Linux), or {} (Windows)", list(platform::LINUX_CURRENT), list(platform::WINDOWS_CURRENT))).note(note);
        }
    }
}

/// The version `text` evidently means: `1.4` → `1.4.0`, `v1.4.0` → `1.4.0`, ` 1.4.0 ` → `1.4.0`,
/// ` latest` → `LATEST`.
fn repair(text: &str) -> Option<String> {
    let t = text.trim();
    if t.eq_ignore_ascii_case("latest") {
        return Some("LATEST".to_owned());
    }
    let t = t.strip_prefix(['v', 'V']).unwrap_or(t);
    if platform::parse(t).is_some() {
        return Some(t.to_owned());
    }
    let mut parts = t.split('.');
    let (major, minor) = (parts.next()?, parts.next()?);
    let candidate = format!("{major}.{minor}.0");
    (parts.next().is_none() && platform::parse(&candidate).is_some()).then_some(candidate)
}
