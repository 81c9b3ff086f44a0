//! RT7xx: volume configurations (Amazon EBS volumes configured at launch).

use crate::registry::Rule;

pub(crate) static RULES: &[&Rule] = &[];
