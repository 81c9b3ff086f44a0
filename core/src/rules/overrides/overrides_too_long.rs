use crate::context::Ctx;
use crate::data::limits::OVERRIDES_MAX_CHARS;
use crate::json::NodeId;
use crate::diagnostics::message::dotted;
use crate::diagnostics::Severity;

use super::container_overrides;

crate::declare_rule! {
    /// ## What it checks
    /// That the overrides fit AWS's limit of 8192 characters: `overrides.containerOverrides` (an
    /// error above it, the text of AWS's message) and the whole `overrides` object (a warning
    /// above it when the container overrides alone fit, as the API reference counts all
    /// overrides).
    ///
    /// The length is measured as AWS measures it: the compact JSON serialization of the value
    /// (no whitespace, members in document order, numbers as written, strings with JSON's minimal
    /// escaping: `\"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`, `\u00XX` for other control characters,
    /// everything else, `/` and non-ASCII included, literal). Characters are counted in UTF-16
    /// code units, as Java's `String.length()` counts them, because the ECS service is written in
    /// Java: a character outside the Basic Multilingual Plane, such as an emoji, counts 2; `é`
    /// and `€` count 1. Indentation and spaces in your file do not count.
    ///
    /// ## Why it matters
    /// ECS refuses the request: `Container Overrides length must be at most 8192`. Long
    /// `environment` lists and inline scripts in `command` are the usual cause.
    ///
    /// ## Invalid example
    /// A request whose `containerOverrides` serialize to more than 8192 characters, e.g. one
    /// container override with an `environment` of 200 variables of 40 characters each (too long
    /// to show here; see the rule's fixtures).
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "overrides": {"containerOverrides": [{"name": "web",
    ///  "command": ["sh", "-c", "python manage.py migrate"],
    ///  "environment": [{"name": "LOG_LEVEL", "value": "debug"}]}]}}
    /// ```
    ///
    /// ## How to fix
    /// Move bulk data out of the request: variables into an S3 `.env` file listed in
    /// `environmentFiles`, secrets into the task definition's `secrets`, scripts into the image or
    /// S3, and pass short pointers. The help names the largest part of the overrides.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-overrides
    pub static RULE = {
        code: "RT330",
        name: "overrides-too-long",
        severity: Error,
        catalogue: ["R-OV-01", "R-OV-02"],
        topics: [ContainerOverrides],
    };
}



pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(overrides) = ctx.req.overrides else { return };
    let doc = ctx.doc;
    // Compact JSON is never longer than the source text: white space goes, escapes only shrink
    // (or stay) when re-written minimally, and UTF-8 bytes never number fewer than UTF-16 units.
    if doc.range(overrides).len() as usize <= OVERRIDES_MAX_CHARS {
        return;
    }
    let total = doc.compact_len(overrides);
    if total <= OVERRIDES_MAX_CHARS {
        return; // The container overrides are part of it, so they fit too.
    }
    let containers = ctx.req.container_overrides.map(|c| (c, doc.compact_len(c)));
    let help = largest_part(ctx).map_or_else(
        || "move bulk data to an S3 `.env` file in `environmentFiles` or to the task definition, and pass pointers".to_owned(),
        |(node, len)| {
            format!(
                "the largest part is `{}` ({len} characters): move variables to an S3 `.env` file in `environmentFiles`, secrets to the task definition's `secrets`, scripts to the image or S3",
                dotted(doc, node)
            )
        },
    );
    match containers {
        Some((node, len)) if len > OVERRIDES_MAX_CHARS => {
            ctx.report_key(
                node,
                format!("`overrides.containerOverrides` is {len} characters as compact JSON, {} over the limit of {OVERRIDES_MAX_CHARS}", len - OVERRIDES_MAX_CHARS),
            )
            .help(help)
            .note(format!("ECS answers `Container Overrides length must be at most {OVERRIDES_MAX_CHARS}`; the count includes JSON's quotes, commas and braces"));
        }
        _ => {
            ctx.report_key(
                overrides,
                format!("`overrides` is {total} characters as compact JSON, {} over the limit of {OVERRIDES_MAX_CHARS} that the API reference gives for all overrides", total - OVERRIDES_MAX_CHARS),
            )
            .severity(Severity::Warning)
            .help(help)
            .note("AWS's error message names only the container overrides, which fit; the API reference counts all overrides");
        }
    }
}

/// The biggest member of a container override (or of the task override), with its length.
fn largest_part(ctx: &Ctx<'_, '_>) -> Option<(NodeId, usize)> {
    let doc = ctx.doc;
    let task_members = ctx.req.overrides.into_iter().flat_map(|o| doc.children(o)).filter(|&m| Some(m) != ctx.req.container_overrides);
    let container_members = container_overrides(ctx.req).flat_map(|c| doc.children(c));
    task_members.chain(container_members).map(|m| (m, doc.compact_len(m))).max_by_key(|&(_, len)| len)
}
