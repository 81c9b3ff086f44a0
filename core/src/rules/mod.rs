//! The rules, one file each, grouped by area (the member a rule looks at: RT5xx `tags`, RT7xx
//! `volumeConfigurations`, RT8xx what needs the task definition, …). Each rule file declares its
//! [`Rule`] (metadata, documentation, topics) and its `check`; each area's `mod.rs` joins them in
//! `CHECKS`. The shape rules (RT101–RT109) check one node at a time: each also has `applies`, and
//! one walk over the request runs them all (`shape::walk`).
//!
//! A topic can span areas (the tags of EBS volumes are checked with the volumes, a request tag
//! that overrides a task definition tag with the task definition rules): every rule lists its
//! [`crate::rule::Topic`]s, [`crate::registry::by_topic`] finds them, and docs/rules.md lists
//! them under "Rules by topic".

use crate::context::Ctx;
use crate::rule::Rule;

/// `checks![a, b]`: the [`Check`]s of the rule modules `a` and `b` (their `RULE` and `check`),
/// for the areas' `CHECKS` (defined before the areas so that they see it).
macro_rules! checks {
    ($($m:ident),* $(,)?) => {
        &[$($crate::rules::Check { rule: &$m::RULE, run: $crate::rules::Run::Document($m::check) }),*]
    };
}

pub mod dialect;
pub mod fargate;
pub mod input;
pub mod launch;
pub mod live;
pub mod network;
pub mod overrides;
pub mod placement;
pub mod request;
mod role_arn;
pub mod shape;
pub mod tags;
pub mod taskdef;
pub mod volumes;

/// A rule and the function that checks it.
pub(crate) struct Check {
    pub rule: &'static Rule,
    pub run: Run,
}

/// How a rule is run.
#[derive(Clone, Copy)]
pub(crate) enum Run {
    /// Once on the whole request.
    Document(fn(&mut Ctx<'_, '_>)),
    /// On each node of the request (the rule's `applies` and `check`), in the one walk that all such
    /// rules share ([`shape::walk`]), which gives each node's model shape.
    Node,
    /// Not run on the parsed request: reported by the layer that reads the input (the driver,
    /// when the input could not be parsed and no rule can run; the dialect readers, RT050–RT064,
    /// at the file's characters; runtask-lint, which reads the suppression comments) or made by
    /// the live pre-flight (RT850–RT899). The check calls nothing for them.
    Elsewhere,
}

/// Every area's checks; [`crate::registry`] joins and sorts them.
pub(crate) static AREAS: &[&[Check]] = &[
    input::CHECKS,
    dialect::CHECKS,
    shape::CHECKS,
    request::CHECKS,
    launch::CHECKS,
    fargate::CHECKS,
    overrides::CHECKS,
    network::CHECKS,
    tags::CHECKS,
    placement::CHECKS,
    volumes::CHECKS,
    taskdef::CHECKS,
    live::CHECKS,
];
