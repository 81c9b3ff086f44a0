use crate::arn;
use crate::context::{json_string, Ctx};
use crate::rules::shape::{dotted, shorten};
use crate::Applicability;

use super::ebs_volumes;

crate::declare_rule! {
    /// ## What it checks
    /// That `managedEBSVolume.roleArn` is an IAM role ARN,
    /// `arn:<partition>:iam::<12-digit account>:role/[<path>/]<name>`: not a role name, an
    /// instance profile, a policy, an assumed-role session or another service's ARN. (A missing
    /// `roleArn` is RT104's.)
    ///
    /// ## Why it matters
    /// ECS assumes this infrastructure role to create, attach and delete the volume; anything
    /// but a role ARN fails validation in AWS, and the task does not start.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "ecsInfrastructureRole", "sizeInGiB": 20}}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "db:4", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 20}}]}
    /// ```
    ///
    /// ## How to fix
    /// Use the ARN of the ECS infrastructure role (with the managed policy
    /// `AmazonECSInfrastructureRolePolicyForVolumes`): `aws iam get-role --role-name <name>
    /// --query Role.Arn` prints it. For an assumed-role session ARN the fix rewrites it to the
    /// role's ARN (unsafe: a role with a path needs the path added).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/infrastructure_IAM_role.html
    pub static RULE = {
        code: "RT701",
        name: "ebs-role-arn-not-a-role",
        severity: Error,
        catalogue: ["R-VOL-04"],
        check: check,
    };
}

const HELP: &str = "use the ECS infrastructure role's ARN, e.g. \"arn:aws:iam::123456789012:role/ecsInfrastructureRole\"";

fn is_role_name(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"_+=,.@-".contains(&b))
}

fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    for ebs in ebs_volumes(doc, ctx.req) {
        let Some(node) = doc.get(ebs.node, "roleArn") else { continue };
        let Some(value) = doc.str(node) else { continue };
        if arn::role_name(&value).is_some() {
            continue;
        }
        let head = format!("`{}` is {}", dotted(doc, node), shorten(&json_string(&value), 80));
        let Some(parsed) = arn::parse(&value) else {
            if value.is_empty() {
                ctx.report(node, format!("`{}` is empty", dotted(doc, node))).help(HELP);
            } else if is_role_name(&value) {
                ctx.report(node, format!("{head}, a role name; ECS needs the role's ARN"))
                    .help(format!("use \"arn:aws:iam::<account-id>:role/{value}\" with your account ID"));
            } else {
                ctx.report(node, format!("{head}, which is not an ARN")).help(HELP);
            }
            continue;
        };
        if parsed.service == "sts" {
            if let Some(role) = parsed.resource.strip_prefix("assumed-role/").and_then(|r| r.split('/').next()).filter(|r| is_role_name(r)) {
                let fixed = format!("arn:{}:iam::{}:role/{role}", parsed.partition, parsed.account);
                let fix = ctx.replace_value(node, json_string(&fixed), Applicability::Unsafe, format!("Use the role's ARN `{fixed}`"));
                ctx.report(node, format!("{head}, an assumed-role session ARN, not the role's ARN"))
                    .help(format!("use the role's ARN: \"{fixed}\" (add the role's path if it has one)"))
                    .fix(fix);
                continue;
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
            format!("{head}: the account ID `{}` is not 12 digits", parsed.account)
        } else {
            format!("{head}: the role name is not 1–64 of letters, digits and `_+=,.@-`")
        };
        ctx.report(node, message).help(HELP);
    }
}
