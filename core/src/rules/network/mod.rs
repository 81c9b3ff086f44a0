//! RT4xx: network configuration (awsvpc).

use crate::registry::Rule;

pub(crate) static RULES: &[&Rule] = &[];
