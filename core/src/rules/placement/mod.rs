//! RT6xx: placement constraints (with the cluster query language) and strategies.
//!
//! The query rules (RT605–RT611) parse each `memberOf` expression with [`crate::query`] and
//! report at the exact bytes inside the JSON string when the string has no escapes, else at the
//! whole string.

use std::borrow::Cow;

use crate::context::Ctx;
use crate::json::json_string;
use crate::json::{Document, Kind, NodeId, TextRange};
use crate::query::{self, Issue, Replacement};
use crate::diagnostics::message::shorten;
use crate::diagnostics::{Applicability, Edit, Fix};

pub mod distinct_instance_with_expression;
pub mod invalid_attribute_name;
pub mod invalid_binpack_field;
pub mod invalid_query_argument;
pub mod invalid_query_expression;
pub mod invalid_query_regex;
pub mod invalid_spread_field;
pub mod member_of_without_expression;
pub mod missing_placement_type;
pub mod missing_strategy_field;
pub mod mixed_and_or_without_parentheses;
pub mod placement_on_fargate;
pub mod query_operator_not_allowed;
pub mod random_strategy_with_field;
pub mod spread_without_group;
pub mod unsatisfiable_placement_constraints;
pub mod uppercase_binpack_field;

checks![
    placement_on_fargate,
    missing_placement_type,
    distinct_instance_with_expression,
    member_of_without_expression,
    invalid_query_expression,
    mixed_and_or_without_parentheses,
    query_operator_not_allowed,
    invalid_query_argument,
    invalid_query_regex,
    invalid_attribute_name,
    unsatisfiable_placement_constraints,
    invalid_binpack_field,
    uppercase_binpack_field,
    invalid_spread_field,
    missing_strategy_field,
    random_strategy_with_field,
    spread_without_group,
];

/// `placementConstraints[i]` / `placementStrategy[i]`, as botocore names it.
pub(crate) fn item_name(doc: &Document<'_>, item: NodeId) -> String {
    let list = doc.parent(item).and_then(|p| doc.key(p)).unwrap_or(Cow::Borrowed("?"));
    let mut name = String::with_capacity(list.len() + 4);
    name.push_str(&list);
    name.push('[');
    crate::json::push_u32(&mut name, doc.index(item));
    name.push(']');
    name
}

/// The object items of `placementConstraints` or `placementStrategy`, with their `type` when
/// it is a string.
pub(crate) fn items<'d, 's>(doc: &'d Document<'s>, list: Option<NodeId>) -> impl Iterator<Item = (NodeId, Option<Cow<'s, str>>)> + 'd {
    doc.elements(list).filter(move |&i| doc.kind(i) == Kind::Object).map(move |i| (i, doc.get_str(i, "type")))
}

/// The `binpack` strategies that have a `field`: (item, field node).
pub(crate) fn binpack_fields(doc: &Document<'_>, req: &crate::context::Request) -> Vec<(NodeId, NodeId)> {
    items(doc, req.placement_strategy)
        .filter(|(_, ty)| ty.as_deref() == Some("binpack"))
        .filter_map(|(item, _)| doc.get(item, "field").map(|f| (item, f)))
        .collect()
}

fn is_blank(s: &str) -> bool {
    s.bytes().all(|b| b == b' ' || b == b'\t')
}

/// The expressions to read as cluster queries: string `expression`s of constraints that are
/// not `distinctInstance` (RT603 reports those), and not blank (RT604 reports those).
pub(crate) fn query_expressions<'s>(ctx: &Ctx<'_, 's>) -> Vec<(NodeId, Cow<'s, str>)> {
    let doc = ctx.doc;
    items(doc, ctx.req.placement_constraints)
        .filter(|(_, ty)| ty.as_deref() != Some("distinctInstance"))
        .filter_map(|(item, _)| {
            let e = doc.get(item, "expression")?;
            let text = doc.str(e)?;
            (!is_blank(&text)).then_some((e, text))
        })
        .collect()
}

/// Whether byte offsets in the decoded string of `node` map one-to-one onto its source (no
/// escapes).
#[inline(never)]
pub(crate) fn maps_exactly(doc: &Document<'_>, node: NodeId) -> bool {
    !doc.raw(node).contains('\\')
}

/// The source range of `span`, a byte range of the decoded string of `node`: exact when the
/// JSON string has no escapes, else the whole string.
pub(crate) fn source_range(doc: &Document<'_>, node: NodeId, span: TextRange) -> TextRange {
    let whole = doc.range(node);
    if !maps_exactly(doc, node) {
        return whole;
    }
    let start = whole.start + 1 + span.start;
    let end = whole.start + 1 + span.end;
    if end > whole.end - 1 || start > end {
        return whole;
    }
    // An empty span (the end of the expression) still needs a character to point at.
    if start == end {
        return TextRange::new(start.saturating_sub(1).max(whole.start), end.min(whole.end));
    }
    TextRange::new(start, end)
}

/// A fix that replaces `span` of the expression string `node` with `r`; None when the string
/// has escapes (offsets would not map).
pub(crate) fn replacement_fix(doc: &Document<'_>, node: NodeId, expr: &str, span: TextRange, r: &Replacement) -> Option<Fix> {
    if !maps_exactly(doc, node) {
        return None;
    }
    let range = source_range(doc, node, span);
    let quoted = json_string(&r.text);
    let content = quoted[1..quoted.len() - 1].to_owned();
    let old = query::slice(expr, span);
    let description = if r.text.is_empty() {
        format!("Remove `{}`", shorten(old, 40))
    } else {
        format!("Replace `{}` with `{}`", shorten(old, 40), shorten(&r.text, 40))
    };
    Some(Fix {
        applicability: if r.safe { Applicability::Safe } else { Applicability::Unsafe },
        description,
        edits: vec![Edit::new(range.start, range.end, content)],
    })
}

/// `message`, with where in the expression it is when the location can't be shown exactly
/// (the JSON string has escapes).
pub(crate) fn located(doc: &Document<'_>, node: NodeId, expr: &str, span: TextRange, message: String) -> String {
    if maps_exactly(doc, node) {
        return message;
    }
    let col = expr.get(..span.start as usize).map_or(0, |s| s.chars().count()) + 1;
    format!("{message} (at character {col} of the expression)")
}

/// Reports one finding of a static check.
pub(crate) fn report_issue(ctx: &mut Ctx<'_, '_>, node: NodeId, expr: &str, issue: Issue) {
    let doc = ctx.doc;
    let range = source_range(doc, node, issue.span);
    let fix = issue.fix.as_ref().and_then(|r| replacement_fix(doc, node, expr, issue.span, r));
    let message = located(doc, node, expr, issue.span, issue.message);
    let severity = issue.severity.unwrap_or(ctx.rule.severity);
    let mut r = ctx.report_span(node, range, message);
    r.severity(severity).fix_opt(fix);
    if let Some(h) = issue.help {
        r.help(h);
    }
}

/// Reports the findings of one single-expression check (picked from the shared
/// [`Ctx::query_analysis`] result) for every expression.
pub(crate) fn report_query_check(ctx: &mut Ctx<'_, '_>, pick: fn(&query::Analysis) -> &[Issue]) {
    for (node, text) in query_expressions(ctx) {
        let analysis = ctx.query_analysis(node, &text);
        for issue in pick(&analysis) {
            report_issue(ctx, node, &text, issue.clone());
        }
    }
}

/// Inserts `"name": value` as the first member of the object `item`.
pub(crate) fn insert_member(doc: &Document<'_>, item: NodeId, name: &str, value: &str, applicability: Applicability) -> Fix {
    let at = doc.range(item).start + 1;
    let sep = if doc.child_count(item) > 0 { ", " } else { "" };
    Fix {
        applicability,
        description: format!("Add \"{name}\": {}", json_string(value)),
        edits: vec![Edit::new(at, at, format!("{}: {}{sep}", json_string(name), json_string(value)))],
    }
}

/// The family of a `taskDefinition` value: `family`, `family:3` or an ARN.
pub(crate) fn family(task_definition: &str) -> &str {
    let tail = task_definition.rsplit('/').next().unwrap_or(task_definition);
    tail.split(':').next().unwrap_or(tail)
}

#[cfg(test)]
mod tests {
    use crate::{apply_fixes, check, Diagnostic, Options};

    fn diagnostics(src: &str, code: &str) -> Vec<Diagnostic> {
        check(src, &Options::default()).unwrap().diagnostics.into_iter().filter(|d| d.code == code).collect()
    }

    fn request(expression_json: &str) -> String {
        format!(r#"{{"taskDefinition": "web:3", "launchType": "EC2", "placementConstraints": [{{"type": "memberOf", "expression": {expression_json}}}]}}"#)
    }

    #[test]
    fn findings_point_inside_the_expression() {
        let src = request(r#""attribute:zoné == 'ü' and attribute:x == a b""#);
        let d = &diagnostics(&src, "RT605")[0];
        assert_eq!(&src[d.start as usize..d.end as usize], "b");
        assert_eq!(d.pointer, "/placementConstraints/0/expression");
        let src = request(r#""agentVersion in [1.2]""#);
        let d = &diagnostics(&src, "RT607")[0];
        assert_eq!(&src[d.start as usize..d.end as usize], "in");
    }

    #[test]
    fn escaped_strings_fall_back_to_the_whole_string() {
        let src = request(r#""attribute:team == \u0027a b\u0027 c""#);
        let d = &diagnostics(&src, "RT605")[0];
        assert_eq!(&src[d.start as usize..d.end as usize], r#""attribute:team == \u0027a b\u0027 c""#);
        assert!(d.message.contains("at character 25 of the expression"), "{}", d.message);
        assert!(d.fix.is_none());
    }

    #[test]
    fn the_expression_fix_edits_inside_the_string() {
        let src = request(r#""attribute:ecs.instance-type = t3.large""#);
        let d = &diagnostics(&src, "RT605")[0];
        let (fixed, n) = apply_fixes(&src, d.fix.iter(), false);
        assert_eq!(n, 1);
        assert!(fixed.contains(r#""attribute:ecs.instance-type == t3.large""#), "{fixed}");
        assert!(diagnostics(&fixed, "RT605").is_empty());
    }

    /// Applying the fix of each placement diagnostic in the invalid fixtures removes that
    /// diagnostic and leaves valid JSON.
    #[test]
    fn fixes_remove_their_diagnostic() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/placement");
        let mut applied = 0;
        for dir in std::fs::read_dir(root).unwrap() {
            let invalid = dir.unwrap().path().join("invalid");
            for f in std::fs::read_dir(invalid).unwrap() {
                let f = f.unwrap().path();
                if f.ends_with("expect.json") {
                    continue;
                }
                let src = std::fs::read_to_string(&f).unwrap();
                let report = check(&src, &Options::default()).unwrap();
                for d in report.diagnostics.iter().filter(|d| d.code.starts_with("RT6")) {
                    let Some(fix) = &d.fix else { continue };
                    let (fixed, n) = apply_fixes(&src, [fix], true);
                    assert_eq!(n, 1);
                    assert!(crate::json::Document::parse(&fixed).is_ok(), "{}: {fixed}", f.display());
                    let again = check(&fixed, &Options::default()).unwrap();
                    assert!(
                        !again.diagnostics.iter().any(|e| e.code == d.code && e.message == d.message),
                        "{}: {} still reported after its fix:\n{fixed}",
                        f.display(),
                        d.code
                    );
                    applied += 1;
                }
            }
        }
        assert!(applied >= 10, "only {applied} fixes exercised");
    }

    #[test]
    fn families() {
        assert_eq!(super::family("web"), "web");
        assert_eq!(super::family("web:3"), "web");
        assert_eq!(super::family("arn:aws:ecs:us-east-1:123456789012:task-definition/web:3"), "web");
    }
}
