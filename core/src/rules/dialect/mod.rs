//! RT050–RT064: the dialects a request lives in (Step Functions state machines, CloudFormation
//! templates, EventBridge targets, `aws ecs run-task` command lines). The dialect layer
//! ([`crate::dialect`]) reports them while it reads the file, at the file's characters; their
//! `check` is the driver's.

use crate::registry::Rule;

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

pub(crate) static RULES: &[&Rule] = &[
    &unchecked_dynamic_values::RULE,
    &unknown_dialect_member::RULE,
    &member_not_passed::RULE,
    &member_case::RULE,
    &query_language_mismatch::RULE,
    &wait_for_task_token_without_token::RULE,
    &dialect_value_out_of_range::RULE,
    &task_definition_arn_not_arn::RULE,
    &eventbridge_fargate_without_network_configuration::RULE,
    &unknown_cli_option::RULE,
    &invalid_cli_value::RULE,
    &repeated_cli_option::RULE,
    &unreadable_file_reference::RULE,
    &unreadable_script::RULE,
    &scheduler_tag_as_key_value::RULE,
];
