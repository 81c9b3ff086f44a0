use crate::arn;
use crate::context::{json_string, Ctx};
use crate::rules::shape::shorten;
use crate::{Applicability, Severity};

crate::declare_rule! {
    /// ## What it checks
    /// That `overrides.taskRoleArn` and `overrides.executionRoleArn` are IAM role ARNs:
    /// `arn:<partition>:iam::<12-digit account>:role/[<path>/]<name>`, the name 1–64 of letters,
    /// digits and `_+=,.@-`. A bare role name in `taskRoleArn` is a warning (task definitions
    /// accept one there, the override documents an ARN); anything else is an error.
    ///
    /// ## Why it matters
    /// ECS needs the role's ARN to hand the task credentials; a user ARN, an assumed-role session
    /// ARN, an ARN with a region or a short account ID names no role, and the task is refused or
    /// starts without the permissions it needs.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "overrides": {"taskRoleArn": "arn:aws:iam::123456789012:user/deploy"}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "overrides": {"taskRoleArn": "arn:aws:iam::123456789012:role/service/web-task",
    ///  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"}}
    /// ```
    ///
    /// ## How to fix
    /// Use the full role ARN, as shown on the role's page in the IAM console. For an assumed-role
    /// session ARN the fix writes the role's ARN (unsafe: add the role's path if it has one).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskOverride.html
    pub static RULE = {
        code: "RT331",
        name: "invalid-override-role-arn",
        severity: Error,
        catalogue: ["R-OV-03", "R-OV-04"],
        check: check,
    };
}

const HELP: &str = "use the role's ARN, e.g. \"arn:aws:iam::123456789012:role/my-task-role\"";

fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(overrides) = ctx.req.overrides else { return };
    for member in ["taskRoleArn", "executionRoleArn"] {
        let Some(node) = ctx.doc.get(overrides, member) else { continue };
        let Some(value) = ctx.doc.str(node) else { continue };
        if arn::role_name(&value).is_some() {
            continue;
        }
        let head = format!("`overrides.{member}` is {}", shorten(&json_string(&value), 80));
        let Some(parsed) = arn::parse(&value) else {
            if value.trim().is_empty() {
                ctx.report(node, format!("`overrides.{member}` is empty")).help(format!("{HELP}, or remove `{member}` to keep the task definition's role"));
            } else if is_role_name(&value) {
                let severity = if member == "taskRoleArn" { Severity::Warning } else { Severity::Error };
                ctx.report(node, format!("{head}, a role name; the override takes the role's ARN"))
                    .severity(severity)
                    .help(format!("use \"arn:aws:iam::<account-id>:role/{value}\" with your account ID"));
            } else {
                ctx.report(node, format!("{head}, which is not an ARN")).help(HELP);
            }
            continue;
        };
        if parsed.service == "sts" {
            if let Some(role) = parsed.resource.strip_prefix("assumed-role/").and_then(|r| r.split('/').next()).filter(|r| is_role_name(r)) {
                if arn::is_account(parsed.account) {
                    let fixed = format!("arn:{}:iam::{}:role/{role}", parsed.partition, parsed.account);
                    let fix = ctx.replace_value(node, json_string(&fixed), Applicability::Unsafe, format!("Use the role's ARN `{fixed}`"));
                    ctx.report(node, format!("{head}, an assumed-role session ARN, not the role's ARN"))
                        .help(format!("use the role's ARN: \"{fixed}\" (with the role's path if it has one)"))
                        .fix(fix);
                    continue;
                }
            }
        }
        let message = if parsed.service != "iam" {
            format!("{head}, an ARN of the `{}` service, not an IAM role", parsed.service)
        } else if !parsed.resource.starts_with("role/") {
            let kind = parsed.resource.split('/').next().unwrap_or("");
            format!("{head}, an IAM `{kind}` ARN, not a role ARN")
        } else if !parsed.region.is_empty() {
            format!("{head}: IAM ARNs have no region (`arn:{}:iam::<account>:role/<name>`)", parsed.partition)
        } else if !arn::is_account(parsed.account) {
            format!("{head}: the account ID `{}` is not 12 digits", shorten(parsed.account, 20))
        } else {
            format!("{head}: the role name is not 1–64 of letters, digits and `_+=,.@-`")
        };
        ctx.report(node, message).help(HELP);
    }
}

/// An IAM role name: 1–64 of `[\w+=,.@-]`.
fn is_role_name(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"_+=,.@-".contains(&b))
}
