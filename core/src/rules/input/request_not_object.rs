use crate::context::Ctx;
use crate::diagnostics::message::with_article;
use crate::json::Kind;

crate::declare_rule! {
    /// ## What it checks
    /// That the request is a JSON object.
    ///
    /// ## Why it matters
    /// RunTask takes one request object; an array (say, several requests in one file) or a bare
    /// string is rejected before anything else is looked at.
    ///
    /// ## Invalid example
    /// ```json
    /// [{"taskDefinition": "web:3"}]
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3"}
    /// ```
    ///
    /// ## How to fix
    /// Send one object per RunTask call.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html
    pub static RULE = {
        code: "RT007",
        name: "request-not-object",
        severity: Error,
        catalogue: ["R-TOP-01"],
        topics: [Input],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let root = ctx.doc.root();
    let kind = ctx.doc.kind(root);
    if matches!(kind, Kind::Object | Kind::Dynamic) {
        return;
    }
    let help = if kind == Kind::Array {
        "a RunTask request is one JSON object; put each request in its own file (or call RunTask once per element)"
    } else {
        "a RunTask request is a JSON object such as {\"taskDefinition\": \"family:1\"}"
    };
    ctx.report(root, format!("the request must be a JSON object, not {}", if kind == Kind::Null { "null".to_owned() } else { with_article(kind.describe()) })).help(help);
}
