//! RT300–RT329: Fargate sizing (task cpu/memory), EC2 task cpu, ephemeral storage, platform
//! version.

use crate::registry::Rule;

pub(crate) static RULES: &[&Rule] = &[];
