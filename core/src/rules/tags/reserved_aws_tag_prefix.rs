use crate::context::Ctx;
use crate::diagnostics::message::{cat, dotted, shown};


crate::declare_rule! {
    /// ## What it checks
    /// That no tag key or value starts with `aws:` in any case (`aws:`, `AWS:`, `Aws:` …), in
    /// the task's `tags` and in the tags of EBS tag specifications.
    ///
    /// ## Why it matters
    /// The prefix is reserved for AWS: "Do not use aws:, AWS:, or any upper or lowercase
    /// combination of such as a prefix for either keys or values" (RunTask API reference). ECS
    /// rejects such keys (`Tag key must not start with aws:`). Tags copied from a describe call
    /// often carry ones AWS set itself, such as `aws:cloudformation:stack-name`.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "tags": [{"key": "aws:cloudformation:stack-name", "value": "web"}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "tags": [{"key": "cloudformation:stack-name", "value": "web"}]}
    /// ```
    ///
    /// ## How to fix
    /// Drop tags that AWS sets itself, or rename the key (change the value) without the
    /// prefix. No automatic fix: the new name is yours to choose, and other tools may look for
    /// the old one.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Tag.html
    pub static RULE = {
        code: "RT502",
        name: "reserved-aws-tag-prefix",
        severity: Error,
        catalogue: ["R-TAG-07", "R-TAG-07b"],
        topics: [Tags],
    };
}

/// Whether `s` starts with `aws:` in any case.
fn has_prefix(s: &str) -> bool {
    s.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("aws:"))
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    let req = ctx.req;
    for tag in &req.tag_objects {
        for (member, what, node) in [("key", "tag key", tag.key), ("value", "tag value", tag.value)] {
            let Some(node) = node else { continue };
            let Some(text) = doc.str(node) else { continue };
            if !has_prefix(&text) {
                continue;
            }
            let prefix = &text[..4];
            let rest = text[4..].trim_start_matches(':');
            let message = cat!("`", dotted(doc, node), "` is ", shown(&text, 60), ": the `", prefix, "` prefix is reserved for AWS in a ", what);
            let suggestion = if rest.is_empty() || has_prefix(rest) {
                String::new()
            } else {
                cat!(", e.g. ", shown(rest, 60))
            };
            let help = if member == "key" {
                cat!("drop the tag if it was copied from a resource that AWS tagged, or rename the key without the prefix", suggestion)
            } else {
                cat!("change the value so it does not start with `", prefix, "`", suggestion)
            };
            let mut r = ctx.report(node, message);
            r.help(help);
            if member == "key" {
                r.note("AWS answers: Tag key must not start with aws:");
            } else {
                r.note("the RunTask reference reserves the prefix for keys and values alike: Do not use aws:, AWS:, or any upper or lowercase combination of such as a prefix for either keys or values");
            }
        }
    }
}
