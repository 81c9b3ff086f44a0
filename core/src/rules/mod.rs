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

/// `checks![a, b]`: an area's `CHECKS` (the [`Check`]s of its rule modules `a` and `b`: their
/// `RULE` and `check`) and its `run`, which calls each `check` directly, in that order (defined
/// before the areas so that they see it).
macro_rules! checks {
    ($($m:ident),* $(,)?) => {
        pub(crate) static CHECKS: &[$crate::rules::Check] = &[$($crate::rules::Check { rule: &$m::RULE, run: if $crate::rules::built(&$m::RULE) { $crate::rules::Run::Document($m::check) } else { $crate::rules::Run::Elsewhere } }),*];

        /// Runs this area's rules that `runs` lets run, in code order, each `check` called
        /// directly (not through `CHECKS`' function pointers).
        #[inline(always)]
        pub(crate) fn run(ctx: &mut $crate::context::Ctx<'_, '_>, runs: &impl Fn(&'static $crate::rule::Rule) -> bool) {
            $(
                if $crate::rules::built(&$m::RULE) && runs(&$m::RULE) {
                    ctx.rule = &$m::RULE;
                    $m::check(ctx);
                }
            )*
        }
    };
}

/// Whether this build runs `rule`: every rule, but those that need the task definition in a build
/// without the feature `task-definition` (the npm validator's `.wasm`), where they are declared
/// (listed, documented, selectable by code or name) but run nowhere ([`Run::Elsewhere`]) and a
/// check given a task definition fails ([`crate::OptionsError::NoTaskDefinitionRules`]). A
/// constant for each rule, so that such a build leaves their checks out.
pub(crate) const fn built(rule: &Rule) -> bool {
    rule.has_its_input(cfg!(feature = "task-definition"))
}

/// `areas![a, b]`: [`AREAS`], every area's checks in code order, and [`run_areas`], which runs
/// them in that order, from one list.
macro_rules! areas {
    ($($a:ident),* $(,)?) => {
        /// Every area's checks, in code order; [`crate::registry`] joins them.
        pub(crate) static AREAS: &[&[Check]] = &[$($a::CHECKS),*];

        /// Runs every rule that `runs` lets run on the parsed request, in code order (each area's
        /// `run`).
        pub(crate) fn run_areas(ctx: &mut Ctx<'_, '_>, runs: &impl Fn(&'static Rule) -> bool) {
            $($a::run(ctx, runs);)*
        }
    };
}

/// The `run` of an area whose rules are listed by hand: each [`Run::Document`] of `checks`
/// that `runs` lets run, through its function pointer.
#[inline(always)]
pub(crate) fn run_listed(checks: &[Check], ctx: &mut Ctx<'_, '_>, runs: &impl Fn(&'static Rule) -> bool) {
    for c in checks {
        if let Run::Document(check) = c.run {
            if runs(c.rule) {
                ctx.rule = c.rule;
                check(ctx);
            }
        }
    }
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
    /// the live pre-flight (RT850–RT899); in a build without the feature `task-definition`, the
    /// rules that need the task definition ([`built`]). The check calls nothing for them.
    Elsewhere,
}

areas![input, dialect, shape, request, launch, fargate, overrides, network, tags, placement, volumes, taskdef, live];

#[cfg(test)]
mod tests {
    /// `run_areas` runs the rules in the order of `AREAS`, so that order must be code order (the
    /// registry's, in which findings at the same place are listed).
    #[test]
    fn areas_are_listed_in_code_order() {
        let codes: Vec<&str> = super::AREAS.iter().flat_map(|a| a.iter().map(|c| c.rule.code)).collect();
        assert!(codes.windows(2).all(|w| w[0] < w[1]), "{codes:?}");
        assert_eq!(codes.len(), crate::registry::rules().len());
    }
}
