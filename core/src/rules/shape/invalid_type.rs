use crate::context::Ctx;
use super::Node;
use crate::json::json_string;
use crate::json::{is_integer_text, Document, Kind};
use crate::model::ShapeKind;
use crate::diagnostics::Applicability;

use crate::diagnostics::message::{cat, article, describe_value, dotted};

crate::declare_rule! {
    /// ## What it checks
    /// That every value has the JSON type the model gives its member: strings, integers (written
    /// without a fraction or exponent), booleans, arrays and objects. Notably the task-level
    /// `overrides.cpu`/`overrides.memory` are strings while container-level `cpu`/`memory` are
    /// integers.
    ///
    /// ## Why it matters
    /// The AWS CLI and SDKs refuse the request before sending it: `Invalid type for parameter
    /// count, value: 2, type: <class 'str'>, valid types: <class 'int'>`.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "count": "2"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "count": 2}
    /// ```
    ///
    /// ## How to fix
    /// Use the type the member takes. The fix converts `"2"` to `2`, `256` to `"256"` and
    /// `"true"` to `true` (safe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html
    pub static RULE = {
        code: "RT102",
        name: "invalid-type",
        severity: Error,
        catalogue: ["R-TOP-03", "R-TOP-29", "R-FG-01", "R-FG-03", "R-CO-03", "R-CO-10", "R-CO-12"],
        topics: [Shape],
    };
}

/// Whether `node` has a value, not of its member's JSON type.
#[inline(always)]
pub(super) fn applies(doc: &Document<'_>, node: &Node) -> bool {
    let Some(shape) = node.shape else { return false };
    let kind = node.kind;
    if matches!(kind, Kind::Null | Kind::Dynamic) {
        return false; // RT103; a value known only at run time has no type to check
    }
    !match shape.kind {
        ShapeKind::String { .. } => kind == Kind::String,
        ShapeKind::Integer { .. } => kind == Kind::Number && is_integer_text(doc.raw(node.id)),
        ShapeKind::Boolean => kind == Kind::Bool,
        ShapeKind::List { .. } => kind == Kind::Array,
        ShapeKind::Structure { .. } => kind == Kind::Object,
    }
}

/// The finding for a value of the wrong type.
#[inline(never)]
pub(super) fn check(ctx: &mut Ctx<'_, '_>, node: &Node) {
    let (doc, id) = (ctx.doc, node.id);
    let Some(shape) = node.shape else { return };
    let kind = node.kind;
    let sensitive = ctx.is_sensitive(id);
    let path = dotted(doc, id);
    let expected = shape.type_name();
    let message = cat!("`", path, "` must be ", article(expected), " ", expected, ", not ", describe_value(doc, id, sensitive));
    let raw = doc.raw(id);
    let (fix, help): (Option<(String, Applicability)>, String) = match (&shape.kind, kind) {
        (ShapeKind::Integer { .. }, Kind::String) => {
            let s = doc.str(id).unwrap_or_default();
            if is_integer_text(&s) && s.len() < 19 {
                (Some((s.to_string(), Applicability::Safe)), cat!("remove the quotes: ", s))
            } else {
                (None, "use a whole number without quotes".to_owned())
            }
        }
        (ShapeKind::Integer { .. }, Kind::Number) => {
            // 2.0 or 2e3: a number, but not written as an integer.
            let number = crate::decimal::Decimal::parse(raw);
            match number.map(|d| (d.negative, d.times(1))) {
                Some((negative, Ok(v))) if v < 1_000_000_000_000_000 => {
                    // Written with its sign (`-0` for -0.0).
                    let int = if negative { cat!("-", v) } else { cat!(v) };
                    let help = cat!("write it as an integer: ", int);
                    (Some((int, Applicability::Safe)), help)
                }
                _ => (None, "use a whole number".to_owned()),
            }
        }
        (ShapeKind::String { .. }, Kind::Number | Kind::Bool) => {
            let quoted = json_string(raw);
            let help = if sensitive { "quote the value".to_owned() } else { cat!("quote it: ", quoted) };
            (Some((quoted, Applicability::Safe)), help)
        }
        (ShapeKind::Boolean, Kind::String) => match doc.str(id).as_deref() {
            Some("true") => (Some(("true".to_owned(), Applicability::Safe)), "remove the quotes: true".to_owned()),
            Some("false") => (Some(("false".to_owned(), Applicability::Safe)), "remove the quotes: false".to_owned()),
            _ => (None, "use true or false".to_owned()),
        },
        (ShapeKind::List { member, .. }, _) if matches!(member.kind, ShapeKind::String { .. }) && kind == Kind::String => {
            let help = if doc.key(id).as_deref() == Some("command") {
                "a command is a list of arguments: [\"sh\", \"-c\", \"echo hi\"] or [\"echo\", \"hi\"]".to_owned()
            } else {
                cat!("put it in a list: [", raw, "]")
            };
            (Some((cat!("[", raw, "]"), Applicability::Unsafe)), help)
        }
        (ShapeKind::List { .. }, Kind::Object) => {
            (Some((cat!("[", raw, "]"), Applicability::Unsafe)), "put the object in a list: [{…}]".to_owned())
        }
        _ => (None, cat!("use ", article(expected), " ", expected)),
    };
    let fix = fix.map(|(content, app)| ctx.replace_value(id, content, app, "Convert the value"));
    ctx.report(id, message).help(help).fix_opt(fix);
}
