use crate::context::Ctx;
use crate::data::limits::SCHEMA_LIMITS;
use crate::json::Kind;
use crate::model::ShapeKind;

use super::{dotted, for_each_match};

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
        check: check,
    };
}

fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    let shapes = ctx.shapes();
    let mut reported = Vec::new();
    for limit in SCHEMA_LIMITS.iter().filter(|l| l.generic && matches!(l.keyword, "minLength" | "maxLength")) {
        for_each_match(doc, ctx.req, limit.pointer, &mut |id| {
            let Some(len) = doc.char_len(id) else { return };
            let len = len as i64;
            let broken = if limit.keyword == "minLength" { len < limit.value } else { len > limit.value };
            if broken && !reported.contains(&id) {
                reported.push(id);
                let msg = if limit.keyword == "minLength" && limit.value == 1 {
                    format!("`{}` is empty", dotted(doc, id))
                } else if limit.keyword == "minLength" {
                    format!("`{}` is {len} characters long, shorter than the minimum of {}", dotted(doc, id), limit.value)
                } else {
                    format!("`{}` is {len} characters long, longer than the maximum of {}", dotted(doc, id), limit.value)
                };
                ctx.report(id, msg).help(limit.help);
            }
        });
    }
    for id in doc.ids() {
        let Some(shape) = shapes[id as usize] else { continue };
        let ShapeKind::String { min, max, .. } = shape.kind else { continue };
        if doc.kind(id) != Kind::String || reported.contains(&id) || (min.is_none() && max.is_none()) {
            continue;
        }
        let len = doc.char_len(id).unwrap_or(0) as u32;
        if min.is_some_and(|m| len < m) || max.is_some_and(|m| len > m) {
            report_model_length(ctx, id, len, min, max);
        }
    }
}

fn report_model_length(ctx: &mut Ctx<'_, '_>, id: crate::json::NodeId, len: u32, min: Option<u32>, max: Option<u32>) {
    let path = dotted(ctx.doc, id);
    {
        if let Some(min) = min.filter(|&m| len < m) {
            let msg = if min == 1 { format!("`{path}` is empty") } else { format!("`{path}` is {len} characters long, shorter than the minimum of {min}") };
            ctx.report(id, msg).help(format!("use at least {min} character{}", if min == 1 { "" } else { "s" }));
        } else if let Some(max) = max.filter(|&m| len > m) {
            ctx.report(id, format!("`{path}` is {len} characters long, longer than the maximum of {max}"))
                .help(format!("shorten it to at most {max} characters"));
        }
    }
}
