//! RT850–RT899: live rules. They need the state of the AWS account the task will run in, so the
//! offline check never makes them: the live pre-flight (crate runtask-live, `runtask-lint
//! --live`) looks the account up, read-only, and hands its findings in through
//! [`crate::Options::live`]. Here they have what every rule has: code, name, severity,
//! catalogue rows and documentation (for `--explain`, `docs/rules.md`, `--select`/`--ignore`).

use crate::rules::{Check, Run};

/// `live_checks![a, b]`: the [`Check`]s of the live rule modules `a` and `b`, made by the live
/// pre-flight ([`Run::Elsewhere`]).
macro_rules! live_checks {
    ($($m:ident),* $(,)?) => {
        &[$(Check { rule: &$m::RULE, run: Run::Elsewhere }),*]
    };
}

pub mod awslogs_group_not_found;
pub mod capacity_provider_not_attached;
pub mod cluster_not_found;
pub mod container_secret_not_found;
pub mod ebs_kms_key_not_usable;
pub mod ecr_image_not_found;
pub mod fargate_in_dedicated_tenancy_vpc;
pub mod launch_type_bypasses_capacity_providers;
pub mod live_check_not_made;
pub mod network_in_different_vpcs;
pub mod role_not_found;
pub mod role_not_trusting_ecs_tasks;
pub mod security_group_not_found;
pub mod subnet_not_found;
pub mod tags_without_long_arn_format;
pub mod task_definition_not_active;
pub mod task_without_route_for_image_pull;

pub(crate) static CHECKS: &[Check] = live_checks![
    live_check_not_made,
    cluster_not_found,
    task_definition_not_active,
    subnet_not_found,
    security_group_not_found,
    network_in_different_vpcs,
    fargate_in_dedicated_tenancy_vpc,
    task_without_route_for_image_pull,
    capacity_provider_not_attached,
    launch_type_bypasses_capacity_providers,
    role_not_found,
    role_not_trusting_ecs_tasks,
    ecr_image_not_found,
    awslogs_group_not_found,
    container_secret_not_found,
    tags_without_long_arn_format,
    ebs_kms_key_not_usable,
];


/// Runs this area's rules that run on the parsed request (see [`crate::rules::run_listed`]).
#[inline(always)]
pub(crate) fn run(ctx: &mut crate::context::Ctx<'_, '_>, runs: &impl Fn(&'static crate::rule::Rule) -> bool) {
    crate::rules::run_listed(CHECKS, ctx, runs);
}
