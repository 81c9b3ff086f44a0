use crate::arn;
use crate::context::Ctx;
use crate::json::json_string;
use crate::diagnostics::message::{cat, dotted, shown};
use crate::diagnostics::Applicability;

use super::override_items;

crate::declare_rule! {
    /// ## What it checks
    /// That each `environmentFiles[*].value` of a container override is the ARN of an S3 object:
    /// `arn:<partition>:s3:::<bucket>/<key>`. An `s3://bucket/key` URI, a bucket ARN without a
    /// key, an ARN with a region or account, or an ARN of another service is an error. (A
    /// missing `value` is RT104's.)
    ///
    /// ## Why it matters
    /// ECS reads the file with the execution role from the S3 object the ARN names; other forms
    /// name no object, and the task fails to start. Tools that check it report `invalid s3 arn`.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "overrides": {"containerOverrides": [{"name": "web",
    ///  "environmentFiles": [{"type": "s3", "value": "s3://my-config/web/prod.env"}]}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "overrides": {"containerOverrides": [{"name": "web",
    ///  "environmentFiles": [{"type": "s3", "value": "arn:aws:s3:::my-config/web/prod.env"}]}]}}
    /// ```
    ///
    /// ## How to fix
    /// Write the object's ARN: `arn:aws:s3:::<bucket>/<key>` (`aws-cn`, `aws-us-gov` in those
    /// partitions). For an `s3://` URI the fix writes the `aws` partition's ARN (unsafe in other
    /// partitions).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EnvironmentFile.html
    pub static RULE = {
        code: "RT340",
        name: "invalid-environment-file-arn",
        severity: Error,
        catalogue: ["R-CO-16"],
        topics: [Environment, Ids],
    };
}

const HELP: &str = "use the S3 object's ARN, e.g. \"arn:aws:s3:::my-bucket/path/app.env\"";

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    let req = ctx.req;
    for (_, item) in override_items(doc, req, |c| c.environment_files) {
        let Some(node) = doc.get(item, "value") else { continue };
        let Some(value) = doc.str(node) else { continue };
        if arn::s3_object(&value).is_some() {
            continue;
        }
        let head = cat!("`", dotted(doc, node), "` is ", shown(&value, 100));
        if let Some(rest) = value.strip_prefix("s3://") {
            let fixed = cat!("arn:aws:s3:::", rest);
            if arn::s3_object(&fixed).is_some() {
                let fix = ctx.replace_value(node, json_string(&fixed), Applicability::Unsafe, cat!("Replace with `", fixed, "`"));
                ctx.report(node, cat!(head, ", an S3 URI; environment files are given as S3 object ARNs"))
                    .help(cat!("write \"", fixed, "\" (use `aws-cn` or `aws-us-gov` in those partitions)"))
                    .fix(fix);
                continue;
            }
        }
        let message = match arn::parse(&value) {
            _ if value.trim().is_empty() => format!("`{}` is empty", dotted(doc, node)),
            Some(a) if a.service != "s3" => format!("{head}, an ARN of the `{}` service, not an S3 object", a.service),
            Some(a) if !a.region.is_empty() || !a.account.is_empty() => {
                format!("{head}: S3 object ARNs have no region or account (`arn:{}:s3:::<bucket>/<key>`)", a.partition)
            }
            Some(_) => format!("{head}, which names a bucket, not an object: add the key after `/`"),
            None if value.starts_with("https://") || value.starts_with("http://") => format!("{head}, a URL; environment files are given as S3 object ARNs"),
            None => format!("{head}, which is not an S3 object ARN"),
        };
        ctx.report(node, message).help(HELP);
    }
}
