//! RT2xx: launch type and capacity provider strategy.

use crate::registry::Rule;

pub(crate) static RULES: &[&Rule] = &[];
