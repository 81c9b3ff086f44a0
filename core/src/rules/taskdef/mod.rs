//! RT8xx: rules that need the task definition (DescribeTaskDefinition output, RegisterTaskDefinition
//! input or a bare task definition), passed with `--task-definition` / `Options::task_definition`.

use crate::registry::Rule;

pub(crate) static RULES: &[&Rule] = &[];
