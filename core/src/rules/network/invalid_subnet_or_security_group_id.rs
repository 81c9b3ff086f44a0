use crate::context::Ctx;
use crate::diagnostics::message::{cat, dotted, explain_ec2_id, pieces, shown};
use crate::diagnostics::{Applicability, Severity};
use crate::ids::{IdError, SECURITY_GROUP, SUBNET};
use crate::json::json_string;

crate::declare_rule! {
    /// ## What it checks
    /// That every entry of `awsvpcConfiguration.subnets` is a subnet ID and every entry of
    /// `securityGroups` a security group ID: the prefix (`subnet-`, `sg-`) and 17 or 8
    /// lowercase hexadecimal digits, e.g. `subnet-0d539fd1a67a870ec` or `sg-3cb1e57b`. An ID that
    /// cannot exist (a digit too many or too few, a letter `O` for a zero, stray spaces, a letter
    /// that is not hexadecimal) is an error; upper-case digits, and what is not an ID of this
    /// kind at all (a name, an ARN, a security group in `subnets` or a subnet in
    /// `securityGroups`), are warnings, as catalogue row R-NET-07 has it.
    ///
    /// ## Why it matters
    /// `RunTask` takes IDs only, and an ID that is not well formed can never exist: the task
    /// fails to start with `Error retrieving subnet information for [<id>]` or `Error retrieving
    /// security group information for [<id>]`, only after it was launched.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0d539fd1a67a870e"], "securityGroups": ["web"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0d539fd1a67a870ec"], "securityGroups": ["sg-3cb1e57b"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Use the IDs: `aws ec2 describe-subnets --filters Name=tag:Name,Values=<name>` and
    /// `aws ec2 describe-security-groups --filters Name=group-name,Values=<name>` print them.
    /// The message says what is off and, when the ID meant is evident, names it: the fix removes
    /// spaces, lowers the case, takes the ID out of an ARN (safe) or reads a letter `O` as a zero
    /// (unsafe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html
    /// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/resource-ids.html
    pub static RULE = {
        code: "RT402",
        name: "invalid-subnet-or-security-group-id",
        severity: Error,
        catalogue: ["R-NET-07"],
        topics: [Network, Ids],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(awsvpc) = ctx.req.awsvpc else { return };
    let doc = ctx.doc;
    for (member, kind, other, lookup) in [
        ("subnets", SUBNET, SECURITY_GROUP, "aws ec2 describe-subnets --filters Name=tag:Name,Values=<name>"),
        ("securityGroups", SECURITY_GROUP, SUBNET, "aws ec2 describe-security-groups --filters Name=group-name,Values=<name>"),
    ] {
        let (what, prefix) = (kind.name, kind.prefix);
        for id in doc.elements(doc.get(awsvpc, member)) {
            let Some(value) = doc.str(id) else { continue };
            if kind.is_valid(&value) {
                continue;
            }
            let path = dotted(doc, id);
            let shown = shown(&value, 60);
            if kind.is_meant(&value) {
                let Some(problem) = kind.problem(&value) else { continue };
                let (message, help) = explain_ec2_id(&pieces!("`", path, "` is ", shown, ", "), &problem, kind);
                let fix = problem.suggestion.as_deref().map(|s| {
                    let applicability = if problem.error == IdError::LetterO { Applicability::Unsafe } else { Applicability::Safe };
                    ctx.replace_value(id, json_string(s), applicability, cat!("Replace with `", s, "`"))
                });
                let severity = if problem.certain() { Severity::Error } else { Severity::Warning };
                ctx.report(id, message).severity(severity).help(help).fix_opt(fix);
            } else if other.is_meant(&value) {
                let other_member = if member == "subnets" { "securityGroups" } else { "subnets" };
                ctx.report(id, cat!("`", path, "` is ", shown, ", which is a ", other.name, " ID, not a ", what, " ID"))
                    .severity(Severity::Warning)
                    .help(cat!("move it to `", other_member, "` and list ", what, " IDs (`", prefix, "…`) here"));
            } else if value.starts_with("arn:") {
                let tail = value.rsplit('/').next().unwrap_or("");
                let message = cat!("`", path, "` is ", shown, ", an ARN; RunTask takes a ", what, " ID (`", prefix, "…`)");
                if kind.is_valid(tail) {
                    let fix = ctx.replace_value(id, json_string(tail), Applicability::Safe, cat!("Replace the ARN with `", tail, "`"));
                    ctx.report(id, message).severity(Severity::Warning).help(cat!("use the ID alone: \"", tail, "\"")).fix(fix);
                } else {
                    ctx.report(id, message).severity(Severity::Warning).help(cat!("use the ", what, " ID (`", prefix, "…`), not its ARN"));
                }
            } else {
                ctx.report(id, cat!("`", path, "` is ", shown, ", which is not a ", what, " ID (`", prefix, "…`)"))
                    .severity(Severity::Warning)
                    .help(cat!("use the ", what, " ID, not its name; `", lookup, "` prints it"))
                    .note(cat!("an unknown ID fails in AWS with: Error retrieving ", what, " information for [", value, "]"));
            }
        }
    }
}
