//! RT4xx: network configuration (awsvpc).


pub mod assign_public_ip_on_ec2;
pub mod fargate_task_without_public_ip;
pub mod fargate_without_network_configuration;
pub mod invalid_subnet_or_security_group_id;
pub mod network_configuration_on_external;
pub mod network_configuration_without_awsvpc;

checks![
    fargate_without_network_configuration,
    network_configuration_without_awsvpc,
    invalid_subnet_or_security_group_id,
    assign_public_ip_on_ec2,
    fargate_task_without_public_ip,
    network_configuration_on_external,
];

#[cfg(test)]
mod tests {
    /// Issue 8: IDs that can never exist are errors, with the evident correction when there is one.
    #[test]
    fn malformed_ids_are_errors_with_a_did_you_mean() {
        let cases: &[(&str, &str, &str, Option<&str>)] = &[
            // (subnet, security group, the help's start, the corrected value the fix writes)
            ("subnet-0d539fd1a67a870e", "sg-3cb1e57b", "a digit is missing", None),
            ("subnet-Od539fd1a67a870ec", "sg-3cb1e57b", "did you mean \"subnet-0d539fd1a67a870ec\"?", Some("subnet-0d539fd1a67a870ec")),
            ("subnet-0d539fd1a67a870ec", "sg-e3cb1e57b", "one digit too many", None),
            (" subnet-0d539fd1a67a870ec", "sg-3cb1e57b", "did you mean \"subnet-0d539fd1a67a870ec\"?", Some("subnet-0d539fd1a67a870ec")),
        ];
        for (subnet, sg, help, fixed) in cases {
            let request = format!(r#"{{"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {{"awsvpcConfiguration": {{"subnets": ["{subnet}"], "securityGroups": ["{sg}"], "assignPublicIp": "ENABLED"}}}}}}"#);
            let report = crate::check(&request, &crate::Options::default()).unwrap();
            let found: Vec<_> = report.diagnostics.iter().filter(|d| d.code == "RT402").collect();
            assert_eq!(found.len(), 1, "{subnet} {sg}: {found:#?}");
            let d = found[0];
            assert_eq!(d.severity, crate::Severity::Error, "{subnet} {sg}: {}", d.message);
            assert!(d.help.as_deref().unwrap().starts_with(help), "{subnet} {sg}: {:?}", d.help);
            assert_eq!(d.fix.as_ref().map(|f| f.edits[0].content.trim_matches('"')), *fixed, "{subnet} {sg}");
        }
        // Long and short IDs, lower case: fine.
        let ok = r#"{"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0d539fd1a67a870ec", "subnet-3cb1e57b"], "securityGroups": ["sg-3cb1e57b"], "assignPublicIp": "ENABLED"}}}"#;
        assert!(!crate::check(ok, &crate::Options::default()).unwrap().diagnostics.iter().any(|d| d.code == "RT402"));
    }
}
