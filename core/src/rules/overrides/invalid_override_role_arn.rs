use crate::arn::{self, RoleArnProblem};
use crate::context::Ctx;
use crate::diagnostics::message::{cat, shown};
use crate::diagnostics::Severity;

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
        topics: [Iam, ContainerOverrides, Ids],
    };
}

const HELP: &str = "use the role's ARN, e.g. \"arn:aws:iam::123456789012:role/my-task-role\"";

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(overrides) = ctx.req.overrides else { return };
    for member in ["taskRoleArn", "executionRoleArn"] {
        let Some(node) = ctx.doc.get(overrides, member) else { continue };
        let Some(value) = ctx.doc.str(node) else { continue };
        let Some(problem) = arn::role_arn_problem(&value) else { continue };
        let head = cat!("`overrides.", member, "` is ", shown(&value, 80));
        match problem {
            RoleArnProblem::Empty => {
                ctx.report(node, cat!("`overrides.", member, "` is empty")).help(cat!(HELP, ", or remove `", member, "` to keep the task definition's role"));
            }
            RoleArnProblem::RoleName => {
                // The task definition accepts a short role name for its task role; the override
                // documents an ARN.
                let severity = if member == "taskRoleArn" { Severity::Warning } else { Severity::Error };
                ctx.report(node, cat!(head, ", a role name; the override takes the role's ARN"))
                    .severity(severity)
                    .help(cat!("use \"arn:aws:iam::<account-id>:role/", value, "\" with your account ID"));
            }
            _ => crate::rules::role_arn::report(ctx, node, &head, &value, &problem, HELP),
        }
    }
}
