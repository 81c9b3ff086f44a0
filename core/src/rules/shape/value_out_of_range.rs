use crate::context::Ctx;
use super::Node;
use crate::json::{is_integer_text, Document, Kind};
use crate::model::ShapeKind;

use super::limits_for;
use crate::diagnostics::message::{cat, dotted};

crate::declare_rule! {
    /// ## What it checks
    /// That integers are within their documented range: `count` 1–10, capacity provider
    /// `weight` 0–1000 and `base` 0–100000, `ephemeralStorage.sizeInGiB` 21–200, NVIDIA MPS
    /// `memory` ≥ 1 and `maxComputePercent` 1–100, container `cpu`/`memory`/`memoryReservation`
    /// not negative, EBS throughput and initialization rate; and that every integer fits the
    /// 32-bit integers AWS uses (big numbers are read from their text, never rounded).
    ///
    /// ## Why it matters
    /// ECS rejects out-of-range values; the AWS CLI checks only minimums, so `"count": 11` reaches
    /// AWS before it fails.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "count": 11}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "count": 10}
    /// ```
    ///
    /// ## How to fix
    /// Stay within the range given in the message.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html
    pub static RULE = {
        code: "RT106",
        name: "value-out-of-range",
        severity: Error,
        catalogue: ["R-TOP-11", "R-CP-06", "R-CP-07", "R-FG-14", "R-CO-07", "R-CO-27", "R-VOL-17"],
        topics: [Shape, LaunchType, EphemeralStorage, Volumes],
    };
}

const I32_MAX: u64 = i32::MAX as u64;

/// Whether `node` is an integer member written as an integer.
#[inline(always)]
pub(super) fn applies(doc: &Document<'_>, node: &Node) -> bool {
    node.kind == Kind::Number && node.shape.is_some_and(|s| matches!(s.kind, ShapeKind::Integer { .. })) && is_integer_text(doc.raw(node.id))
}

/// Checks an integer against its limits.
#[inline(never)]
pub(super) fn check(ctx: &mut Ctx<'_, '_>, node: &Node) {
    let (doc, id) = (ctx.doc, node.id);
    let Some(ShapeKind::Integer { min, max }) = node.shape.map(|s| &s.kind) else { return };
    let (min, max) = (*min, *max);
    let raw = doc.raw(id);
    // Read as i64 (not wider): an integer i64 cannot hold does not fit 32 bits either, and
    // 128-bit arithmetic is slow in WebAssembly.
    let v: Option<i64> = raw.parse().ok().filter(|v: &i64| v.unsigned_abs() <= I32_MAX);
    let Some(v) = v else {
        ctx.report(id, cat!("`", dotted(doc, id), "` is ", raw, ", which does not fit a 32-bit integer (at most ", i32::MAX, ")"))
            .help("use a value within the member's documented range");
        return;
    };
    // Documented limits (data::limits) first, then the model's own min/max.
    let limit = node.member.and_then(|m| {
        limits_for(m).find(|l| match l.keyword {
            "minimum" => v < l.value,
            "maximum" => v > l.value,
            _ => false,
        })
    });
    if let Some(l) = limit {
        let word = if l.keyword == "minimum" { "below the minimum" } else { "above the maximum" };
        ctx.report(id, cat!("`", dotted(doc, id), "` is ", v, ", ", word, " of ", l.value)).help(l.help);
    } else if let Some(min) = min.filter(|&m| v < m) {
        ctx.report(id, cat!("`", dotted(doc, id), "` is ", v, ", below the minimum of ", min))
            .help(cat!("use a value of at least ", min));
    } else if let Some(max) = max.filter(|&m| v > m) {
        ctx.report(id, cat!("`", dotted(doc, id), "` is ", v, ", above the maximum of ", max))
            .help(cat!("use a value of at most ", max));
    }
}

#[cfg(test)]
mod tests {
    /// The 32-bit bound on both sides, and integers at and beyond i64's range, which are read as
    /// not fitting (never a panic on i64::MIN).
    #[test]
    fn the_32_bit_bound_and_i64_edges() {
        let cases = [
            ("2147483647", true),
            ("-2147483647", true),
            ("2147483648", false),
            ("-2147483648", false),
            ("9223372036854775807", false),
            ("-9223372036854775808", false),
            ("9223372036854775808", false),
            ("-170141183460469231731687303715884105729", false),
        ];
        for (n, fits) in cases {
            let r = crate::check(&format!(r#"{{"taskDefinition": "web:3", "count": {n}}}"#), &crate::Options::default()).unwrap();
            let rt106: Vec<&str> = r.diagnostics.iter().filter(|d| d.code == "RT106").map(|d| d.message.as_str()).collect();
            assert_eq!(rt106.len(), 1, "{n}: {rt106:?}");
            assert_eq!(rt106[0].contains("does not fit a 32-bit integer"), !fits, "{n}: {rt106:?}");
        }
    }
}
