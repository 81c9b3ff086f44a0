use crate::context::Ctx;
use crate::json::json_string;
use crate::diagnostics::Applicability;

use crate::diagnostics::message::{cat, describe_chars};

crate::declare_rule! {
    /// ## What it checks
    /// That `startedBy` uses only letters, digits, `-`, `/` and `_`. Its length (at most 128)
    /// is checked by RT107.
    ///
    /// ## Why it matters
    /// The RunTask reference allows "up to 128 letters (uppercase and lowercase), numbers,
    /// hyphens (-), forward slash (/), and underscores (_)"; other characters (spaces, `.`,
    /// `:`, `@`) are rejected.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "startedBy": "ci job.42"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "startedBy": "ci-job-42"}
    /// ```
    ///
    /// ## How to fix
    /// Replace the other characters, e.g. with `-`. The fix does that (unsafe: `ListTasks`
    /// filters on the exact value).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-startedBy
    pub static RULE = {
        code: "RT118",
        name: "invalid-started-by-character",
        severity: Error,
        catalogue: ["R-TOP-16"],
        topics: [RequestMembers],
    };
}

pub(crate) fn allowed(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '/')
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(node) = ctx.req.started_by else { return };
    let Some(value) = ctx.doc.str(node) else { return };
    if value.chars().all(allowed) {
        return;
    }
    let (chars, total) = describe_chars(&value, |c| !allowed(c), 3);
    let replaced: String = value.chars().map(|c| if allowed(c) { c } else { '-' }).collect();
    let fix = ctx.replace_value(node, json_string(&replaced), Applicability::Unsafe, cat!("Replace with `", replaced, "`"));
    let message = if total == 1 {
        cat!("`startedBy` contains ", chars, "; only letters, digits, `-`, `_` and `/` are allowed")
    } else {
        cat!("`startedBy` contains ", total, " characters other than letters, digits, `-`, `_` and `/`: ", chars)
    };
    ctx.report(node, message)
        .help(cat!("use only letters, digits, `-`, `_` and `/`, e.g. `", crate::diagnostics::message::shorten(&replaced, 60), "`"))
        .fix(fix);
}
