//! docs/live-iam-policy.json allows exactly the read-only actions the crate calls, one statement
//! per check.

use std::collections::BTreeSet;

const SERVICES: &[&str] = &["ecs", "ec2", "iam", "ecr", "logs", "ssm", "secretsmanager", "kms"];

/// Every `service:Action` the crate calls: the action names written in its sources, with the
/// service of the module or call that makes them.
fn called() -> BTreeSet<String> {
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut out = BTreeSet::new();
    let mut stack = vec![std::path::PathBuf::from(src)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // Calls: aws.json(Service::X, "Action" / aws.query(Service::X, "Action" / describe_all(aws, "Action" (EC2) / paginate(aws, "Action" (ECS).
            for (marker, fixed) in [("describe_all(aws, \"", Some("ec2")), ("paginate(aws, \"", Some("ecs")), ("Service::", None)] {
                for (i, _) in text.match_indices(marker) {
                    let rest = &text[i + marker.len()..];
                    let (service, rest) = match fixed {
                        Some(s) => (s.to_owned(), rest),
                        None => {
                            let name: String = rest.chars().take_while(char::is_ascii_alphanumeric).collect();
                            let Some(after) = rest[name.len()..].strip_prefix(", \"") else { continue };
                            let service = match name.as_str() {
                                "Ecs" => "ecs",
                                "Ec2" => "ec2",
                                "Iam" => "iam",
                                "Ecr" => "ecr",
                                "Logs" => "logs",
                                "Ssm" => "ssm",
                                "SecretsManager" => "secretsmanager",
                                "Kms" => "kms",
                                _ => continue,
                            };
                            (service.to_owned(), after)
                        }
                    };
                    let action: String = rest.chars().take_while(char::is_ascii_alphanumeric).collect();
                    if !action.is_empty() && action.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
                        out.insert(format!("{service}:{action}"));
                    }
                }
            }
        }
    }
    out
}

#[test]
fn the_policy_allows_what_is_called_and_nothing_else() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/live-iam-policy.json")).unwrap();
    let policy: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut allowed = BTreeSet::new();
    for s in policy["Statement"].as_array().unwrap() {
        assert_eq!(s["Effect"], "Allow");
        let sid = s["Sid"].as_str().unwrap();
        assert!(sid.bytes().all(|b| b.is_ascii_alphanumeric()), "{sid}");
        for a in s["Action"].as_array().unwrap() {
            let a = a.as_str().unwrap();
            let (service, action) = a.split_once(':').unwrap();
            assert!(SERVICES.contains(&service), "{a}");
            assert!(["Describe", "List", "Get"].iter().any(|p| action.starts_with(p)), "{a} is not read-only");
            allowed.insert(a.to_owned());
        }
    }
    let called = called();
    assert!(called.len() >= 15, "{called:?}");
    assert_eq!(called, allowed, "the calls in live/src and docs/live-iam-policy.json differ");
}
