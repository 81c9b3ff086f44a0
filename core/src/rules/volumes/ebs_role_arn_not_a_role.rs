use crate::arn::{self, RoleArnProblem};
use crate::context::Ctx;
use crate::diagnostics::message::{dotted, shown};

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
        topics: [Volumes, Iam, Ids],
    };
}

const HELP: &str = "use the ECS infrastructure role's ARN, e.g. \"arn:aws:iam::123456789012:role/ecsInfrastructureRole\"";


pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    for ebs in ebs_volumes(doc, ctx.req) {
        let Some(node) = doc.get(ebs.node, "roleArn") else { continue };
        let Some(value) = doc.str(node) else { continue };
        let Some(problem) = arn::role_arn_problem(&value) else { continue };
        let head = format!("`{}` is {}", dotted(doc, node), shown(&value, 80));
        match problem {
            RoleArnProblem::Empty => {
                ctx.report(node, format!("`{}` is empty", dotted(doc, node))).help(HELP);
            }
            RoleArnProblem::RoleName => {
                ctx.report(node, format!("{head}, a role name; ECS needs the role's ARN"))
                    .help(format!("use \"arn:aws:iam::<account-id>:role/{value}\" with your account ID"));
            }
            _ => crate::rules::role_arn::report(ctx, node, &head, &value, &problem, HELP),
        }
    }
}
