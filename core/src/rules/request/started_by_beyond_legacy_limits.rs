use crate::context::Ctx;
use crate::data::limits::{STARTED_BY_LEGACY_MAX, STARTED_BY_MAX};
use crate::diagnostics::message::cat;

crate::declare_rule! {
    /// ## What it checks
    /// Whether a valid `startedBy` is longer than 36 characters or contains `/`.
    ///
    /// ## Why it matters
    /// RunTask accepts up to 128 characters including `/` (current API reference and botocore
    /// model). Older documentation, and StartTask's to this day, allow 36 characters without
    /// `/`: a value shared with StartTask calls or older tooling may be rejected there.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "startedBy": "pipelines/nightly/2024-06-01"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "startedBy": "nightly-2024-06-01"}
    /// ```
    ///
    /// ## How to fix
    /// Nothing for RunTask. If the same value is used with StartTask, keep it to 36 characters
    /// of letters, digits, `-` and `_`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_StartTask.html#ECS-StartTask-request-startedBy
    pub static RULE = {
        code: "RT119",
        name: "started-by-beyond-legacy-limits",
        severity: Info,
        catalogue: ["R-TOP-17"],
        topics: [RequestMembers],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(node) = ctx.req.started_by else { return };
    let Some(value) = ctx.doc.str(node) else { return };
    // Invalid values are RT107's and RT118's.
    let len = value.chars().count();
    if len > STARTED_BY_MAX || !value.chars().all(super::invalid_started_by_character::allowed) {
        return;
    }
    let slash = value.contains('/');
    let long = len > STARTED_BY_LEGACY_MAX;
    if !long && !slash {
        return;
    }
    let what = match (long, slash) {
        (true, true) => cat!("is ", len, " characters long and contains `/`"),
        (true, false) => cat!("is ", len, " characters long"),
        _ => String::from("contains `/`"),
    };
    ctx.report(node, cat!("`startedBy` ", what, ": fine for RunTask, but StartTask and older documentation allow only ", STARTED_BY_LEGACY_MAX, " characters without `/`"))
        .help(cat!("keep it to ", STARTED_BY_LEGACY_MAX, " characters of letters, digits, `-` and `_` if the same value is also used with StartTask"));
}
