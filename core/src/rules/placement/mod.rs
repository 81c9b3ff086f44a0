//! RT6xx: placement constraints (with the cluster query language) and strategies.

use crate::registry::Rule;

pub(crate) static RULES: &[&Rule] = &[];
