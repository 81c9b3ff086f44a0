//! RT4xx: network configuration (awsvpc).

use crate::registry::Rule;

pub mod assign_public_ip_on_ec2;
pub mod fargate_task_without_public_ip;
pub mod fargate_without_network_configuration;
pub mod invalid_subnet_or_security_group_id;
pub mod network_configuration_on_external;
pub mod network_configuration_without_awsvpc;

pub(crate) static RULES: &[&Rule] = &[
    &fargate_without_network_configuration::RULE,
    &network_configuration_without_awsvpc::RULE,
    &invalid_subnet_or_security_group_id::RULE,
    &assign_public_ip_on_ec2::RULE,
    &fargate_task_without_public_ip::RULE,
    &network_configuration_on_external::RULE,
];
