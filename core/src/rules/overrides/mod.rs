//! RT330–RT399: task and container overrides: the 8192-character limit, roles, container
//! cpu/memory against the task, environment, environment files, resource requirements.

use crate::registry::Rule;

pub(crate) static RULES: &[&Rule] = &[];
