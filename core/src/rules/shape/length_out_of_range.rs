use crate::context::Ctx;
use super::Node;
use crate::json::{Document, Kind};
use crate::model::ShapeKind;

use super::{length_limits_every_member_allows, limits_for};
use crate::diagnostics::message::dotted;

crate::declare_rule! {
    /// ## What it checks
    /// That strings respect their length limits, counted in characters: `clientToken` ≤ 64,
    /// `startedBy` ≤ 128, `group` ≤ 255, `referenceId` ≤ 1024, `taskDefinition` and
    /// `capacityProvider` not empty, placement expressions ≤ 2000, tag keys 1–128 and values
    /// ≤ 256 (also in EBS tag specifications).
    ///
    /// ## Why it matters
    /// ECS rejects over-long values; the AWS CLI checks only minimum lengths (`Invalid length for
    /// parameter tags[0].key, value: 0, valid min length: 1`).
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "tags": [{"key": "", "value": "x"}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "tags": [{"key": "team", "value": "x"}]}
    /// ```
    ///
    /// ## How to fix
    /// Shorten (or fill in) the value.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html
    pub static RULE = {
        code: "RT107",
        name: "length-out-of-range",
        severity: Error,
        catalogue: ["R-TOP-13", "R-TOP-16", "R-TOP-18", "R-TOP-21", "R-CP-04", "R-PL-06", "R-TAG-02", "R-TAG-03", "R-TAG-04", "R-VOL-26"],
        topics: [Shape, Tags, Placement, RequestMembers],
    };
}

/// Whether `node` is a string member that may be outside its length limits: not when its
/// shape's limits and every member's hold for the fewest and the most characters it can hold.
#[inline(always)]
pub(super) fn applies(doc: &Document<'_>, node: &Node) -> bool {
    if node.kind != Kind::String {
        return false;
    }
    let Some(ShapeKind::String { min, max, .. }) = node.shape.map(|s| &s.kind) else { return false };
    // Most strings are short enough for their shape's limits and every member's: `check` is
    // not called for them.
    let (fewest, most) = length_bounds(doc, node);
    let (floor, ceiling) = length_limits_every_member_allows();
    !(min.is_none_or(|m| fewest >= i64::from(m)) && max.is_none_or(|m| most <= i64::from(m)) && fewest >= floor && most <= ceiling)
}

/// The fewest and most characters a string node can hold: each character takes 1 to 12 bytes of
/// the JSON text (`\uD83D\uDE00`), so its length lies between a twelfth of the bytes between
/// the quotes and all of them. When every limit holds for both, there is no need to decode and
/// count.
#[inline(always)]
fn length_bounds(doc: &Document<'_>, node: &Node) -> (i64, i64) {
    let range = doc.range(node.id);
    let bytes = i64::from(range.end - range.start).saturating_sub(2);
    ((bytes + 11) / 12, bytes)
}

/// Checks a string against its length limits.
#[inline(never)]
pub(super) fn check(ctx: &mut Ctx<'_, '_>, node: &Node) {
    let (doc, id) = (ctx.doc, node.id);
    let Some(ShapeKind::String { min, max, .. }) = node.shape.map(|s| &s.kind) else { return };
    let (min, max) = (*min, *max);
    let (fewest, most) = length_bounds(doc, node);
    let holds = |keyword: &str, value: i64| match keyword {
        "minLength" => fewest >= value,
        "maxLength" => most <= value,
        _ => true,
    };
    // `applies` left out the strings within every member's limits; this member's own may still
    // hold.
    if min.is_none_or(|m| fewest >= i64::from(m)) && max.is_none_or(|m| most <= i64::from(m)) && node.member.into_iter().flat_map(limits_for).all(|l| holds(l.keyword, l.value)) {
        return;
    }
    let len = doc.char_len(id).unwrap_or(0) as i64;
    let limit = node.member.into_iter().flat_map(limits_for).find(|l| match l.keyword {
        "minLength" => len < l.value,
        "maxLength" => len > l.value,
        _ => false,
    });
    if let Some(l) = limit {
        let msg = if l.keyword == "minLength" && l.value == 1 {
            format!("`{}` is empty", dotted(doc, id))
        } else if l.keyword == "minLength" {
            format!("`{}` is {len} characters long, shorter than the minimum of {}", dotted(doc, id), l.value)
        } else {
            format!("`{}` is {len} characters long, longer than the maximum of {}", dotted(doc, id), l.value)
        };
        ctx.report(id, msg).help(l.help);
    } else if let Some(min) = min.filter(|&m| len < i64::from(m)) {
        let path = dotted(doc, id);
        let msg = if min == 1 { format!("`{path}` is empty") } else { format!("`{path}` is {len} characters long, shorter than the minimum of {min}") };
        ctx.report(id, msg).help(format!("use at least {min} character{}", if min == 1 { "" } else { "s" }));
    } else if let Some(max) = max.filter(|&m| len > i64::from(m)) {
        ctx.report(id, format!("`{}` is {len} characters long, longer than the maximum of {max}", dotted(doc, id)))
            .help(format!("shorten it to at most {max} characters"));
    }
}

#[cfg(test)]
mod tests {
    /// The byte bounds that spare the count must not spare a string whose escapes hide its
    /// length: 64 `\u0061` (384 bytes) is a clientToken at its maximum, 65 is over; 128 letters
    /// outside the BMP written as surrogate pairs (12 bytes each) is a tag key at its maximum,
    /// 129 is over.
    #[test]
    fn escaped_strings_are_counted_in_characters() {
        let at = |n: usize, unit: &str| unit.repeat(n);
        let rt107 = |request: String| crate::check(&request, &crate::Options::default()).unwrap().diagnostics.into_iter().filter(|d| d.code == "RT107").map(|d| d.pointer).collect::<Vec<_>>();
        let token = |n| format!(r#"{{"taskDefinition": "web:3", "clientToken": "{}"}}"#, at(n, r"\u0061"));
        let key = |n| format!(r#"{{"taskDefinition": "web:3", "tags": [{{"key": "{}", "value": "x"}}]}}"#, at(n, r"\ud835\udc9c"));
        assert!(rt107(token(64)).is_empty());
        assert_eq!(rt107(token(65)), ["/clientToken"]);
        assert!(rt107(key(128)).is_empty());
        assert_eq!(rt107(key(129)), ["/tags/0/key"]);
    }
}
