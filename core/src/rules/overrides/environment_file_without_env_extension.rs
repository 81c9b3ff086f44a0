use crate::arn;
use crate::context::Ctx;
use crate::diagnostics::message::{dotted, shorten};

use super::override_items;

crate::declare_rule! {
    /// ## What it checks
    /// That the S3 object each `environmentFiles[*].value` of a container override names ends in
    /// `.env` (checked on S3 object ARNs and `s3://` URIs; other values are RT340's).
    ///
    /// ## Why it matters
    /// "The file must have a .env file extension." ECS does not load other objects as environment
    /// files, and the task fails to start.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "overrides": {"containerOverrides": [{"name": "web",
    ///  "environmentFiles": [{"type": "s3", "value": "arn:aws:s3:::my-config/web/prod.txt"}]}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "overrides": {"containerOverrides": [{"name": "web",
    ///  "environmentFiles": [{"type": "s3", "value": "arn:aws:s3:::my-config/web/prod.env"}]}]}}
    /// ```
    ///
    /// ## How to fix
    /// Rename (copy) the S3 object to a key ending in `.env` and point to it.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/use-environment-file.html
    pub static RULE = {
        code: "RT341",
        name: "environment-file-without-env-extension",
        severity: Error,
        catalogue: ["R-CO-17"],
        topics: [Environment],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    let req = ctx.req;
    for (_, item) in override_items(doc, req, |c| c.environment_files) {
        let Some(node) = doc.get(item, "value") else { continue };
        let Some(value) = doc.str(node) else { continue };
        let key = match arn::s3_object(&value) {
            Some((_, key)) => key,
            None => match value.strip_prefix("s3://").and_then(|rest| rest.split_once('/')) {
                Some((bucket, key)) if !bucket.is_empty() && !key.is_empty() => key,
                _ => continue,
            },
        };
        if key.ends_with(".env") {
            continue;
        }
        let file = key.rsplit('/').next().unwrap_or(key);
        let message = if file.to_ascii_lowercase().ends_with(".env") {
            format!("`{}` names `{}`, whose extension is not `.env` in lower case", dotted(doc, node), shorten(file, 80))
        } else {
            format!("`{}` names `{}`, which does not have the `.env` extension environment files need", dotted(doc, node), shorten(file, 80))
        };
        ctx.report(node, message).help("store the variables in an S3 object whose key ends in `.env` and point to it").note("the file must use the `.env` file extension and UTF-8 encoding");
    }
}
