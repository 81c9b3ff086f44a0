use crate::context::Ctx;
use crate::json::json_string;
use crate::diagnostics::message::{dotted, shorten};
use crate::diagnostics::Applicability;

crate::declare_rule! {
    /// ## What it checks
    /// That every entry of `awsvpcConfiguration.subnets` looks like a subnet ID
    /// (`subnet-` followed by letters and digits, e.g. `subnet-0123456789abcdef0`) and every
    /// entry of `securityGroups` like a security group ID (`sg-…`). Names, ARNs, a security
    /// group in `subnets` (or a subnet in `securityGroups`) and stray spaces are flagged.
    ///
    /// ## Why it matters
    /// `RunTask` takes IDs only. A name or an ARN is looked up as an ID and fails:
    /// `Error retrieving subnet information for [<id>]` or `Error retrieving security group
    /// information for [<id>]`.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["private-a"], "securityGroups": ["web"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"], "securityGroups": ["sg-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Use the IDs: `aws ec2 describe-subnets --filters Name=tag:Name,Values=<name>` and
    /// `aws ec2 describe-security-groups --filters Name=group-name,Values=<name>` print them.
    /// Surrounding spaces, and an ARN around the ID, are removed by the fix (safe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html
    pub static RULE = {
        code: "RT402",
        name: "invalid-subnet-or-security-group-id",
        severity: Warning,
        catalogue: ["R-NET-07"],
    };
}

/// `prefix` followed by at least one ASCII letter or digit and nothing else.
fn is_id(s: &str, prefix: &str) -> bool {
    s.strip_prefix(prefix).is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_alphanumeric()))
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(awsvpc) = ctx.req.awsvpc else { return };
    let doc = ctx.doc;
    for (member, prefix, other, what, other_what, lookup) in [
        ("subnets", "subnet-", "sg-", "subnet", "security group", "aws ec2 describe-subnets --filters Name=tag:Name,Values=<name>"),
        ("securityGroups", "sg-", "subnet-", "security group", "subnet", "aws ec2 describe-security-groups --filters Name=group-name,Values=<name>"),
    ] {
        for id in doc.elements(doc.get(awsvpc, member)) {
            let Some(value) = doc.str(id) else { continue };
            if is_id(&value, prefix) {
                continue;
            }
            let path = dotted(doc, id);
            let shown = shorten(&json_string(&value), 60);
            let trimmed = value.trim();
            if trimmed != value && is_id(trimmed, prefix) {
                let fix = ctx.replace_value(id, json_string(trimmed), Applicability::Safe, "Remove the surrounding spaces");
                ctx.report(id, format!("`{path}` is {shown}, a {what} ID with surrounding spaces"))
                    .help(format!("remove the spaces: \"{trimmed}\""))
                    .fix(fix);
            } else if is_id(trimmed, other) {
                ctx.report(id, format!("`{path}` is {shown}, which is a {other_what} ID, not a {what} ID"))
                    .help(format!("move it to `{}` and list {what} IDs (`{prefix}…`) here", if member == "subnets" { "securityGroups" } else { "subnets" }));
            } else if value.starts_with("arn:") {
                let tail = value.rsplit('/').next().unwrap_or("");
                let message = format!("`{path}` is {shown}, an ARN; RunTask takes a {what} ID (`{prefix}…`)");
                if is_id(tail, prefix) {
                    let fix = ctx.replace_value(id, json_string(tail), Applicability::Safe, format!("Replace the ARN with `{tail}`"));
                    ctx.report(id, message).help(format!("use the ID alone: \"{tail}\"")).fix(fix);
                } else {
                    ctx.report(id, message).help(format!("use the {what} ID (`{prefix}…`), not its ARN"));
                }
            } else {
                ctx.report(id, format!("`{path}` is {shown}, which is not a {what} ID (`{prefix}…`)"))
                    .help(format!("use the {what} ID, not its name; `{lookup}` prints it"))
                    .note(format!("an unknown ID fails in AWS with: Error retrieving {what} information for [{value}]"));
            }
        }
    }
}
