use crate::context::Ctx;
use crate::json::NodeId;
use crate::diagnostics::message::shorten;

use super::{container_label, override_items};
use crate::data::secrets::is_secret_name;

crate::declare_rule! {
    /// ## What it checks
    /// Whether a container override passes what looks like a secret as a plaintext environment
    /// variable: a variable whose name contains `PASSWORD`, `SECRET`, `TOKEN`, `API_KEY`,
    /// `PRIVATE_KEY`, `ACCESS_KEY` or `CREDENTIAL` (any case), with a non-empty value. Names that
    /// point at a secret rather than hold one (`DB_SECRET_ARN`, `TOKEN_TTL`) and values that are
    /// ARNs are left alone. At most one finding per request; values are never shown.
    ///
    /// ## Why it matters
    /// Overrides are stored with the task: anyone allowed to call `DescribeTasks` can read them,
    /// and they appear in CloudTrail. "We don't recommend that you use plaintext environment
    /// variables for sensitive information, such as credential data."
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "overrides": {"containerOverrides": [{"name": "web",
    ///  "environment": [{"name": "DB_PASSWORD", "value": "hunter2"}]}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "overrides": {"containerOverrides": [{"name": "web",
    ///  "environment": [{"name": "DB_PASSWORD_SECRET_ARN", "value": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"}]}]}}
    /// ```
    ///
    /// ## How to fix
    /// Put the secret in AWS Secrets Manager or SSM Parameter Store and reference it from the
    /// task definition's `secrets`, so ECS injects it without it appearing in the request.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html
    pub static RULE = {
        code: "RT339",
        name: "secret-like-environment-variable",
        severity: Info,
        catalogue: ["R-CO-13"],
        topics: [Environment],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    let mut first: Option<(NodeId, NodeId)> = None;
    let mut count = 0usize;
    for (container, item) in override_items(doc, ctx.req, |c| c.environment) {
        let Some(name_node) = doc.get(item, "name") else { continue };
        let Some(name) = doc.str(name_node) else { continue };
        if !is_secret_name(&name) {
            continue;
        }
        // Only the value's emptiness and prefix are looked at; it is never shown.
        let Some(value) = doc.get_str(item, "value") else { continue };
        let value = value.trim();
        if value.is_empty() || value.starts_with("arn:") || value.starts_with("{{resolve:") {
            continue;
        }
        count += 1;
        first.get_or_insert((container, name_node));
    }
    let Some((container, name_node)) = first else { return };
    let name = doc.str(name_node).unwrap_or_default();
    let more = match count {
        1 => String::new(),
        2 => " (and 1 more variable whose name looks like a secret)".to_owned(),
        n => format!(" (and {} more variables whose names look like secrets)", n - 1),
    };
    ctx.report(name_node, format!("{} gets `{}` as a plaintext environment variable{more}", container_label(doc, container), shorten(&name, 64)))
        .help("keep secrets in Secrets Manager or SSM Parameter Store and reference them in the task definition's `secrets`")
        .note("overrides are stored with the task and readable through DescribeTasks; ECS advises against plaintext environment variables for sensitive data");
}
