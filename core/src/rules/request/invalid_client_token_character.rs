use crate::context::Ctx;
use crate::data::limits::{CLIENT_TOKEN_CHARS, CLIENT_TOKEN_MAX};
use crate::json::json_string;
use crate::diagnostics::Applicability;

use crate::diagnostics::message::{cat, describe_chars};

crate::declare_rule! {
    /// ## What it checks
    /// That `clientToken` uses only printable ASCII characters (codes 33–126): no spaces, tabs,
    /// line breaks or non-ASCII letters. Its length (at most 64) is checked by RT107.
    ///
    /// ## Why it matters
    /// The RunTask reference allows "characters in the range of 33-126, inclusive"; ECS rejects
    /// other tokens. A trailing newline from `$(uuidgen)` captured with a line break, or a
    /// token built from a display name, are the usual culprits.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "clientToken": "nightly run 42"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "clientToken": "550e8400-e29b-41d4-a716-446655440000"}
    /// ```
    ///
    /// ## How to fix
    /// Use up to 64 printable ASCII characters, e.g. a UUID. The fix removes the other
    /// characters (unsafe: it changes the token, and so which earlier call it matches).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-clientToken
    pub static RULE = {
        code: "RT116",
        name: "invalid-client-token-character",
        severity: Error,
        catalogue: ["R-TOP-13"],
        topics: [RequestMembers],
    };
}

fn allowed(c: char) -> bool {
    let (lo, hi) = CLIENT_TOKEN_CHARS;
    u32::from(lo) <= c as u32 && c as u32 <= u32::from(hi)
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(node) = ctx.req.client_token else { return };
    let Some(token) = ctx.doc.str(node) else { return };
    if token.chars().all(allowed) {
        return;
    }
    let (chars, total) = describe_chars(&token, |c| !allowed(c), 3);
    let (lo, hi) = CLIENT_TOKEN_CHARS;
    let cleaned: String = token.chars().filter(|&c| allowed(c)).collect();
    let fix = (!cleaned.is_empty()).then(|| ctx.replace_value(node, json_string(&cleaned), Applicability::Unsafe, cat!("Remove the characters outside ASCII ", lo, "–", hi)));
    let message = if total == 1 {
        cat!("`clientToken` contains ", chars, ", which is outside printable ASCII (", lo, "–", hi, ")")
    } else {
        cat!("`clientToken` contains ", total, " characters outside printable ASCII (", lo, "–", hi, "): ", chars)
    };
    ctx.report(node, message)
        .help(cat!("use at most ", CLIENT_TOKEN_MAX, " printable ASCII characters without spaces, e.g. a UUID"))
        .fix_opt(fix);
}
