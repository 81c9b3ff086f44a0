//! RT4xx: network configuration (awsvpc).

use crate::rules::Check;

pub mod assign_public_ip_on_ec2;
pub mod fargate_task_without_public_ip;
pub mod fargate_without_network_configuration;
pub mod invalid_subnet_or_security_group_id;
pub mod network_configuration_on_external;
pub mod network_configuration_without_awsvpc;

pub(crate) static CHECKS: &[Check] = checks![
    fargate_without_network_configuration,
    network_configuration_without_awsvpc,
    invalid_subnet_or_security_group_id,
    assign_public_ip_on_ec2,
    fargate_task_without_public_ip,
    network_configuration_on_external,
];
