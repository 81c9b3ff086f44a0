//! RT050–RT064: the dialects a request lives in (Step Functions state machines, CloudFormation
//! templates, EventBridge targets, `aws ecs run-task` command lines). The dialect layer
//! ([`crate::dialect`]) reports them while it reads the file, at the file's characters; their
//! `check` is the driver's.

use crate::rules::{Check, Run};

pub mod dialect_value_out_of_range;
pub mod eventbridge_fargate_without_network_configuration;
pub mod invalid_cli_value;
pub mod member_case;
pub mod member_not_passed;
pub mod query_language_mismatch;
pub mod repeated_cli_option;
pub mod scheduler_tag_as_key_value;
pub mod task_definition_arn_not_arn;
pub mod unchecked_dynamic_values;
pub mod unknown_cli_option;
pub mod unknown_dialect_member;
pub mod unreadable_file_reference;
pub mod unreadable_script;
pub mod wait_for_task_token_without_token;

pub(crate) static CHECKS: &[Check] = &[
    Check { rule: &unchecked_dynamic_values::RULE, run: Run::Elsewhere },
    Check { rule: &unknown_dialect_member::RULE, run: Run::Elsewhere },
    Check { rule: &member_not_passed::RULE, run: Run::Elsewhere },
    Check { rule: &member_case::RULE, run: Run::Elsewhere },
    Check { rule: &query_language_mismatch::RULE, run: Run::Elsewhere },
    Check { rule: &wait_for_task_token_without_token::RULE, run: Run::Elsewhere },
    Check { rule: &dialect_value_out_of_range::RULE, run: Run::Elsewhere },
    Check { rule: &task_definition_arn_not_arn::RULE, run: Run::Elsewhere },
    Check { rule: &eventbridge_fargate_without_network_configuration::RULE, run: Run::Elsewhere },
    Check { rule: &unknown_cli_option::RULE, run: Run::Elsewhere },
    Check { rule: &invalid_cli_value::RULE, run: Run::Elsewhere },
    Check { rule: &repeated_cli_option::RULE, run: Run::Elsewhere },
    Check { rule: &unreadable_file_reference::RULE, run: Run::Elsewhere },
    Check { rule: &unreadable_script::RULE, run: Run::Elsewhere },
    Check { rule: &scheduler_tag_as_key_value::RULE, run: Run::Elsewhere },
];

/// Runs this area's rules that run on the parsed request (see [`crate::rules::run_listed`]).
#[inline(always)]
pub(crate) fn run(ctx: &mut crate::context::Ctx<'_, '_>, runs: &impl Fn(&'static crate::rule::Rule) -> bool) {
    crate::rules::run_listed(CHECKS, ctx, runs);
}
