//! RT0xx: the input itself: encoding, size, JSON syntax, the request's top-level type.

use crate::registry::Rule;

pub mod byte_order_mark;
pub mod duplicate_key;
pub mod input_too_large;
pub mod invalid_json;
pub mod invalid_utf8;
pub mod nesting_too_deep;
pub mod request_not_object;
pub mod unused_suppression;

pub(crate) static RULES: &[&Rule] = &[
    &invalid_json::RULE,
    &input_too_large::RULE,
    &nesting_too_deep::RULE,
    &invalid_utf8::RULE,
    &byte_order_mark::RULE,
    &duplicate_key::RULE,
    &request_not_object::RULE,
    &unused_suppression::RULE,
];
