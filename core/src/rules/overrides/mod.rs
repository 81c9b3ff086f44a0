//! RT330–RT369: task and container overrides: the 8192-character limit, roles, container
//! cpu/memory against the task, environment, environment files, resource requirements.

use crate::context::{ContainerOverride, Request};
use crate::json::{Document, NodeId};
use crate::diagnostics::message::cat;

pub mod container_cpu_exceeds_task;
pub mod container_memory_below_minimum;
pub mod container_memory_exceeds_task;
pub mod container_override_without_name;
pub mod elastic_inference_requested;
pub mod empty_container_override;
pub mod environment_file_without_env_extension;
pub mod environment_files_on_old_platform;
pub mod environment_files_on_windows;
pub mod gpu_on_fargate;
pub mod gpu_sharing_on_external;
pub mod invalid_environment_file_arn;
pub mod invalid_gpu_amount_members;
pub mod invalid_gpu_count_value;
pub mod invalid_neuron_device_request;
pub mod invalid_override_role_arn;
pub mod memory_reservation_above_memory;
pub mod overrides_too_long;
pub mod secret_like_environment_variable;

checks![
    overrides_too_long,
    invalid_override_role_arn,
    elastic_inference_requested,
    container_cpu_exceeds_task,
    container_memory_exceeds_task,
    container_override_without_name,
    empty_container_override,
    memory_reservation_above_memory,
    container_memory_below_minimum,
    secret_like_environment_variable,
    invalid_environment_file_arn,
    environment_file_without_env_extension,
    environment_files_on_old_platform,
    environment_files_on_windows,
    gpu_on_fargate,
    invalid_gpu_amount_members,
    invalid_gpu_count_value,
    gpu_sharing_on_external,
    invalid_neuron_device_request,
];

/// The container overrides that are objects (others are RT102's).
pub(crate) fn container_overrides(req: &Request) -> impl Iterator<Item = NodeId> + '_ {
    req.containers.iter().map(|c| c.node)
}

/// The items of a list member of every container override (`environment`, `environmentFiles`,
/// `resourceRequirements`, chosen by `member`), with their override.
pub(crate) fn override_items<'d>(doc: &'d Document<'_>, req: &'d Request, member: fn(&ContainerOverride) -> Option<NodeId>) -> impl Iterator<Item = (NodeId, NodeId)> + 'd {
    req.containers.iter().flat_map(move |c| doc.elements(member(c)).map(move |i| (c.node, i)))
}

/// How a message names a container override: container `web`, or `containerOverrides[2]` when it
/// has no name.
pub(crate) fn container_label(doc: &Document<'_>, node: NodeId) -> String {
    match doc.get_str(node, "name") {
        Some(name) if !name.is_empty() => cat!("container `", crate::diagnostics::message::shorten(&name, 64), "`"),
        _ => cat!("`containerOverrides[", doc.index(node), "]`"),
    }
}

/// Just the quoted container name, or `containerOverrides[i]`, for lists in messages.
pub(crate) fn container_short(doc: &Document<'_>, node: NodeId) -> String {
    match doc.get_str(node, "name") {
        Some(name) if !name.is_empty() => format!("`{}`", crate::diagnostics::message::shorten(&name, 64)),
        _ => format!("`containerOverrides[{}]`", doc.index(node)),
    }
}

/// One container's part of a task-level size: the container override, the node of its value,
/// the value, and which member it is (`cpu`, `memory` or `memoryReservation`).
pub(crate) struct Share {
    pub container: NodeId,
    pub node: NodeId,
    pub value: i64,
    pub member: &'static str,
}

/// The shares of the container overrides that set `member` (or, for memory, `memoryReservation`
/// when `memory` is absent), skipping values that are not non-negative integers (RT102/RT106).
/// An iterator: the rules add them up first and collect them only to report.
pub(crate) fn shares<'a>(doc: &'a Document<'_>, req: &'a Request, members: &'a [&'static str]) -> impl Iterator<Item = Share> + 'a {
    req.containers.iter().filter_map(move |c| {
        members.iter().find_map(|&member| {
            let node = c.size(member)?;
            let value = doc.int(node).filter(|v| *v >= 0)?;
            Some(Share { container: c.node, node, value, member })
        })
    })
}

/// The sum of the shares, wide enough that no sum of `i64` values overflows.
pub(crate) fn share_sum(shares: impl Iterator<Item = Share>) -> i128 {
    shares.map(|p| i128::from(p.value)).sum()
}

/// `` `web` 1024 + `worker` 512 ``: each container's share for a message; at most eight are named.
pub(crate) fn share_list(doc: &Document<'_>, shares: &[Share], unit: &str, tag_member: Option<&str>) -> String {
    let mut parts: Vec<String> = shares
        .iter()
        .take(8)
        .map(|s| {
            let tag = match tag_member {
                Some(m) if s.member != m => format!(" ({})", s.member),
                _ => String::new(),
            };
            format!("{} {}{unit}{tag}", container_short(doc, s.container), s.value)
        })
        .collect();
    if shares.len() > 8 {
        let rest: i128 = shares[8..].iter().map(|s| i128::from(s.value)).sum();
        parts.push(format!("{} more containers {rest}{unit}", shares.len() - 8));
    }
    parts.join(" + ")
}

#[cfg(test)]
mod tests {
    fn report(request: &str, td: Option<&str>) -> Vec<crate::Diagnostic> {
        let options = crate::Options { task_definition: td.map(str::to_owned), ..crate::Options::default() };
        crate::check(request, &options).unwrap().diagnostics
    }

    const NET: &str = r#""networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}"#;

    #[test]
    fn environment_values_never_appear_in_findings() {
        let secret = "hunter2-S3CR3T";
        let env: Vec<String> = (0..120).map(|i| format!(r#"{{"name": "DB_PASSWORD_{i}", "value": "{secret}-{i:04}-padding-padding-padding"}}"#)).collect();
        let request = format!(
            r#"{{"taskDefinition": "web:3", "launchType": "FARGATE", {NET}, "overrides": {{"cpu": "256", "memory": "512",
              "containerOverrides": [{{"environment": [{}], "cpu": 512, "memory": 5, "memoryReservation": 9}}]}}}}"#,
            env.join(",")
        );
        let diagnostics = report(&request, None);
        let codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
        for code in ["RT330", "RT333", "RT335", "RT337", "RT338", "RT339"] {
            assert!(codes.contains(&code), "{code} should fire: {codes:?}");
        }
        for d in &diagnostics {
            let texts = [Some(d.message.as_str()), d.help.as_deref(), d.note.as_deref()];
            for t in texts.into_iter().flatten().chain(d.labels.iter().map(|l| l.message.as_str())) {
                assert!(!t.contains(secret), "{} echoes an environment value: {t}", d.code);
            }
        }
    }

    #[test]
    fn secret_like_names_are_reported_once_per_request() {
        let request = r#"{"taskDefinition": "web:3", "overrides": {"containerOverrides": [
            {"name": "web", "environment": [{"name": "DB_PASSWORD", "value": "a"}, {"name": "API_TOKEN", "value": "b"}]},
            {"name": "worker", "environment": [{"name": "STRIPE_API_KEY", "value": "c"}]}]}}"#;
        let found: Vec<_> = report(request, None).into_iter().filter(|d| d.code == "RT339").collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].pointer, "/overrides/containerOverrides/0/environment/0/name");
        assert!(found[0].message.contains("and 2 more"), "{}", found[0].message);
    }

    #[test]
    fn the_only_container_of_the_task_definition_names_an_unnamed_override() {
        let td = r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx"}]}"#;
        let request = r#"{"taskDefinition": "web:3", "overrides": {"containerOverrides": [{"command": ["./migrate"]}]}}"#;
        let d = report(request, Some(td)).into_iter().find(|d| d.code == "RT335").unwrap();
        let (fixed, _) = crate::apply_fixes(request, [d.fix.as_ref().unwrap()], true);
        assert!(fixed.contains(r#"[{"name": "web", "command": ["./migrate"]}]"#), "{fixed}");
        assert!(!report(&fixed, Some(td)).iter().any(|d| d.code == "RT335"));
    }

    #[test]
    fn gpu_sharing_on_external_is_reported_once() {
        let td = r#"{"family": "model", "requiresCompatibilities": ["EXTERNAL"], "containerDefinitions": [{"name": "model", "image": "m"}]}"#;
        let overrides = r#""overrides": {"containerOverrides": [{"name": "model",
            "resourceRequirements": [{"type": "GPU", "sharingStrategy": {"nvidiaMps": {"memory": 4096}}}]}]}"#;
        let external = format!(r#"{{"taskDefinition": "model:4", "launchType": "EXTERNAL", {overrides}}}"#);
        let codes: Vec<_> = report(&external, Some(td)).into_iter().map(|d| d.code).filter(|c| *c == "RT347" || *c == "RT820").collect();
        assert_eq!(codes, ["RT347"]);
        // Without the launch type, the task definition's requirement is RT820's alone.
        let implicit = format!(r#"{{"taskDefinition": "model:4", {overrides}}}"#);
        let codes: Vec<_> = report(&implicit, Some(td)).into_iter().map(|d| d.code).filter(|c| *c == "RT347" || *c == "RT820").collect();
        assert_eq!(codes, ["RT820"]);
    }

    #[test]
    fn windows_on_ec2_ignores_task_size_so_containers_are_not_compared() {
        let td = r#"{"family": "iis", "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2019_FULL"},
            "containerDefinitions": [{"name": "iis", "image": "iis", "memory": 2048}]}"#;
        let request = r#"{"taskDefinition": "iis:1", "launchType": "EC2", "overrides": {"cpu": "1024", "memory": "1024",
            "containerOverrides": [{"name": "iis", "cpu": 2048, "memory": 4096}]}}"#;
        let codes: Vec<_> = report(request, Some(td)).into_iter().map(|d| d.code).collect();
        assert!(!codes.contains(&"RT333") && !codes.contains(&"RT334"), "{codes:?}");
        assert!(codes.contains(&"RT308"), "{codes:?}");
    }

    #[test]
    fn missing_neuron_value_fix_inserts_all() {
        let request = r#"{"taskDefinition": "llm:2", "capacityProviderStrategy": [{"capacityProvider": "mi", "weight": 1}], "overrides": {"containerOverrides": [{"name": "llm",
            "resourceRequirements": [{"type": "NeuronDevice"}]}]}}"#;
        let d = report(request, None).into_iter().find(|d| d.code == "RT348").unwrap();
        let (fixed, _) = crate::apply_fixes(request, [d.fix.as_ref().unwrap()], true);
        assert!(fixed.contains(r#"{"value": "ALL", "type": "NeuronDevice"}"#), "{fixed}");
        assert!(!report(&fixed, None).iter().any(|d| d.code == "RT348"));
    }
}
