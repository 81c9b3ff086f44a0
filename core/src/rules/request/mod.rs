//! RT110–RT199: the request's own top-level members: task definition, cluster, count, client
//! token, startedBy, group, referenceId, propagateTags, ECS Exec.

use crate::registry::Rule;

pub(crate) static RULES: &[&Rule] = &[];
