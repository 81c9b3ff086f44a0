//! The rules, one file each, grouped by area. Each area's `mod.rs` lists its rules in `RULES`.

use crate::context::Ctx;
use crate::registry::Rule;

pub mod fargate;
pub mod input;
pub mod launch;
pub mod live;
pub mod network;
pub mod overrides;
pub mod placement;
pub mod request;
pub mod shape;
pub mod tags;
pub mod taskdef;
pub mod volumes;

/// Every area's rule list; [`crate::registry::rules`] joins and sorts them.
pub(crate) static AREAS: &[&[&Rule]] = &[
    input::RULES,
    shape::RULES,
    request::RULES,
    launch::RULES,
    fargate::RULES,
    overrides::RULES,
    network::RULES,
    tags::RULES,
    placement::RULES,
    volumes::RULES,
    taskdef::RULES,
    live::RULES,
];

/// The `check` of rules that the driver reports itself (the input could not be parsed, so no
/// rule can run).
pub(crate) fn reported_by_driver(_: &mut Ctx<'_, '_>) {}
