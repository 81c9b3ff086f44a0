//! RT5xx: tags.

use crate::registry::Rule;

pub(crate) static RULES: &[&Rule] = &[];
