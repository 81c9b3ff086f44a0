//! RT0xx: the input itself: encoding, size, JSON syntax, the request's top-level type.

use crate::rules::{Check, Run};

pub mod byte_order_mark;
pub mod duplicate_key;
pub mod input_too_large;
pub mod invalid_json;
pub mod invalid_utf8;
pub mod nesting_too_deep;
pub mod request_not_object;
pub mod unused_suppression;

/// The first five are reported by the driver itself (the input could not be read as JSON, so no
/// rule can run).
pub(crate) static CHECKS: &[Check] = &[
    Check { rule: &invalid_json::RULE, run: Run::Elsewhere },
    Check { rule: &input_too_large::RULE, run: Run::Elsewhere },
    Check { rule: &nesting_too_deep::RULE, run: Run::Elsewhere },
    Check { rule: &invalid_utf8::RULE, run: Run::Elsewhere },
    Check { rule: &byte_order_mark::RULE, run: Run::Elsewhere },
    Check { rule: &duplicate_key::RULE, run: Run::Document(duplicate_key::check) },
    Check { rule: &request_not_object::RULE, run: Run::Document(request_not_object::check) },
    // Reported by runtask-lint and its editor server, which read the suppression comments.
    Check { rule: &unused_suppression::RULE, run: Run::Elsewhere },
];

/// Runs this area's rules that run on the parsed request (see [`crate::rules::run_listed`]).
#[inline(always)]
pub(crate) fn run(ctx: &mut crate::context::Ctx<'_, '_>, runs: &impl Fn(&'static crate::rule::Rule) -> bool) {
    crate::rules::run_listed(CHECKS, ctx, runs);
}
