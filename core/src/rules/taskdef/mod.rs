//! RT8xx: rules that need the task definition (DescribeTaskDefinition output, RegisterTaskDefinition
//! input or a bare task definition), passed with `--task-definition` / `Options::task_definition`.
//!
//! The task definition is not the document being checked: every finding points into the request,
//! at the member concerned, or at `/taskDefinition` when the cause is only in the task definition
//! (the message then names the task-definition field and its value).

use std::borrow::Cow;

use crate::context::{Ctx, Reporter};
use crate::json::NodeId;

pub mod awsvpc_without_network_configuration;
pub mod command_in_one_element;
pub mod container_memory_below_reservation;
pub mod container_override_name_unknown;
pub mod container_resources_exceed_task;
pub mod ebs_volume_on_windows_fargate;
pub mod environment_files_replace_task_definition_files;
pub mod environment_files_without_execution_role;
pub mod execute_command_with_read_only_root;
pub mod execute_command_task_role_missing;
pub mod fargate_execution_role_missing;
pub mod fargate_network_mode_not_awsvpc;
pub mod fargate_spot_arm64_old_platform;
pub mod fargate_spot_with_windows;
pub mod fargate_task_size_missing;
pub mod gpu_sharing_with_external;
pub mod gpu_sharing_options_mixed;
pub mod inference_accelerator_device_unknown;
pub mod launch_type_not_in_compatibilities;
pub mod launch_volume_not_configured;
pub mod memory_reservations_exceed_task;
pub mod network_configuration_with_non_awsvpc_mode;
pub mod placement_constraints_over_limit_with_task_definition;
pub mod platform_version_too_old_for_task_definition;
pub mod tag_overrides_task_definition_tag;
pub mod task_definition_distinct_instance;
pub mod task_definition_not_fargate_compatible;
pub mod volume_configuration_name_unknown;

checks![
    container_override_name_unknown,
    task_definition_not_fargate_compatible,
    launch_type_not_in_compatibilities,
    awsvpc_without_network_configuration,
    network_configuration_with_non_awsvpc_mode,
    fargate_network_mode_not_awsvpc,
    fargate_task_size_missing,
    memory_reservations_exceed_task,
    container_resources_exceed_task,
    container_memory_below_reservation,
    execute_command_task_role_missing,
    execute_command_with_read_only_root,
    fargate_spot_with_windows,
    fargate_spot_arm64_old_platform,
    volume_configuration_name_unknown,
    launch_volume_not_configured,
    platform_version_too_old_for_task_definition,
    fargate_execution_role_missing,
    placement_constraints_over_limit_with_task_definition,
    task_definition_distinct_instance,
    gpu_sharing_with_external,
    inference_accelerator_device_unknown,
    command_in_one_element,
    environment_files_without_execution_role,
    environment_files_replace_task_definition_files,
    gpu_sharing_options_mixed,
    tag_overrides_task_definition_tag,
    ebs_volume_on_windows_fargate,
];

/// Reports at `/taskDefinition`, the request member that names the task definition (at the
/// request's opening brace when it has none).
#[inline(never)]
pub(crate) fn report_at_task_definition<'c>(ctx: &'c mut Ctx<'_, '_>, message: impl Into<String>) -> Reporter<'c> {
    match ctx.req.task_definition {
        Some(n) => ctx.report(n, message),
        None => {
            let root = ctx.req.root;
            ctx.report_missing(root, "taskDefinition", message)
        }
    }
}

/// A container amount (cpu units or MiB) with where it comes from.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Amount {
    pub value: i64,
    /// The request node when the container override sets it; None when it comes from the task
    /// definition.
    pub node: Option<NodeId>,
}

impl Amount {
    pub(crate) fn source(self) -> &'static str {
        if self.node.is_some() {
            "override"
        } else {
            "task definition"
        }
    }
}

/// One container of the task definition with the request's override applied.
pub(crate) struct Effective<'t> {
    pub name: Cow<'t, str>,
    pub cpu: Option<Amount>,
    pub memory: Option<Amount>,
    pub reservation: Option<Amount>,
}

impl Effective<'_> {
    /// What the container reserves from the task's memory: `memoryReservation` when set, else
    /// `memory` (botocore `ContainerDefinition.memoryReservation`).
    pub(crate) fn reserved(&self) -> Option<Amount> {
        self.reservation.or(self.memory)
    }
}

/// The containers of the task definition, each with its container override (by name) applied.
pub(crate) fn effective_containers<'a>(ctx: &Ctx<'a, '_>) -> Vec<Effective<'a>> {
    let Some(td) = ctx.td else { return Vec::new() };
    let doc = ctx.doc;
    td.containers()
        .into_iter()
        .map(|c| {
            // The last override that names it, as a list with repeats is read.
            let ov = doc.elements(ctx.req.container_overrides).filter(|&o| doc.get_str(o, "name").as_deref() == Some(c.name.as_ref())).last();
            let pick = |member: &str, td_value: Option<i64>| {
                let over = ov.and_then(|o| doc.get(o, member)).and_then(|n| doc.int(n).map(|v| Amount { value: v, node: Some(n) }));
                over.or(td_value.map(|v| Amount { value: v, node: None }))
            };
            Effective {
                cpu: pick("cpu", c.cpu),
                memory: pick("memory", c.memory),
                reservation: pick("memoryReservation", c.memory_reservation),
                name: c.name,
            }
        })
        .collect()
}

/// The sum of container amounts, saturating (request integers can be as large as an i64).
pub(crate) fn total(values: impl Iterator<Item = i64>) -> i64 {
    values.fold(0, i64::saturating_add)
}

/// "`web` 1024 (override), `log` 512 (task definition)".
pub(crate) fn shares(items: &[(&str, Amount)], unit: &str) -> String {
    items.iter().map(|(name, a)| format!("`{name}` {} {unit} ({})", a.value, a.source())).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 8: one "did you mean" for every rule. A misspelling is suggested for a member name
    /// (RT101) exactly when the same misspelling of a container name is (RT800).
    #[test]
    fn one_did_you_mean_for_every_rule() {
        let td = r#"{"family": "web", "containerDefinitions": [{"name": "group"}, {"name": "tags"}, {"name": "worker"}]}"#;
        let options = crate::Options { task_definition: Some(td.to_owned()), ..crate::Options::default() };
        for word in ["roups", "xags", "gruop", "grp"] {
            let request = format!(r#"{{"taskDefinition": "web:3", "{word}": 1, "overrides": {{"containerOverrides": [{{"name": "{word}"}}]}}}}"#);
            let report = crate::check(&request, &options).unwrap();
            let suggests = |code: &str| report.diagnostics.iter().find(|d| d.code == code).unwrap().help.as_deref().unwrap().starts_with("did you mean");
            assert_eq!(suggests("RT101"), suggests("RT800"), "{word}: {:#?}", report.diagnostics);
        }
    }

    /// Requests with every member of the wrong type, empty, repeated or null: the task-definition
    /// rules skip what they cannot read and never panic.
    #[test]
    fn odd_requests_never_panic() {
        let requests = [
            r#"{}"#,
            r#"{"taskDefinition": 3, "launchType": 1, "capacityProviderStrategy": {}, "overrides": [], "tags": "x", "volumeConfigurations": {}, "placementConstraints": {}, "enableExecuteCommand": "true", "platformVersion": 1.3}"#,
            r#"{"taskDefinition": "x", "overrides": {"cpu": 1, "memory": true, "containerOverrides": [null, 1, "app", {"name": null}, {"name": 5}, {"name": "app", "cpu": "1", "memory": -5, "memoryReservation": 1e3, "command": "ls -l", "environmentFiles": {}, "resourceRequirements": [null, {"type": "GPU", "value": null, "sharingStrategy": null}]}], "inferenceAcceleratorOverrides": [{}, {"deviceName": 1}], "executionRoleArn": null, "taskRoleArn": 1}}"#,
            r#"{"taskDefinition": "x", "launchType": "FARGATE", "platformVersion": "1.3.0", "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT"}, {"capacityProvider": 1}, null], "enableExecuteCommand": true, "propagateTags": "TASK_DEFINITION", "tags": [null, {"key": 1}, {"key": "team"}], "volumeConfigurations": [null, {"name": 1}, {"name": ""}], "placementConstraints": [null, 1, {}], "networkConfiguration": null}"#,
            r#"{"taskDefinition": "x", "overrides": {"cpu": "99999999999 vCPU", "memory": "0", "containerOverrides": [{"name": "app", "cpu": 99999999999999, "memory": 9223372036854775807, "memoryReservation": 9223372036854775807, "command": ["  "]}, {"name": "app", "command": ["a b"], "environmentFiles": [{"value": 1}]}]}}"#,
            r#"{"taskDefinition": "x", "overrides": {"cpu": "256", "memory": "512", "containerOverrides": [{"name": "app", "cpu": 9223372036854775807, "memory": 9223372036854775807}, {"name": "log", "cpu": 9223372036854775807, "memoryReservation": 9223372036854775807}, {"name": "log-router", "cpu": 9223372036854775807, "memory": 9223372036854775807}, {"name": "worker", "cpu": 9223372036854775807, "memory": 9223372036854775807}, {"name": "sidecar", "memory": 9223372036854775807}, {"name": "xray", "memory": 9223372036854775807}]}}"#,
        ];
        let mut tds: Vec<String> = crate::registry::rules().iter().filter_map(|r| r.example("Task definition")).collect();
        tds.push(r#"{"containerDefinitions": [{"name": "log", "cpu": 1}, {"name": "app", "cpu": 2147483647, "memory": 2147483647, "memoryReservation": 2147483647, "resourceRequirements": [{"type": "GPU", "value": "1", "sharingStrategy": {}}]}, {"name": "app"}], "cpu": "0", "memory": "0", "volumes": [{}], "placementConstraints": [{}], "tags": [{}]}"#.to_owned());
        for td in tds {
            let options = crate::Options { task_definition: Some(td.clone()), ..crate::Options::default() };
            for r in requests {
                let report = crate::check(r, &options).unwrap_or_else(|e| panic!("{td}: {e}"));
                assert!(report.diagnostics.iter().all(|d| !d.message.is_empty()));
            }
        }
    }

    /// Applying a rule's fixes (safe and unsafe) to its invalid example removes the finding and
    /// leaves valid JSON.
    #[test]
    fn fixes_resolve_the_finding() {
        for rule in CHECKS.iter().map(|c| c.rule) {
            let options = crate::Options { task_definition: rule.example("Task definition"), ..crate::Options::default() };
            let bad = rule.example("Invalid example").unwrap();
            let before = crate::check(&bad, &options).unwrap();
            let fixes: Vec<_> = before.diagnostics.iter().filter(|d| d.code == rule.code).filter_map(|d| d.fix.as_ref()).collect();
            if fixes.is_empty() {
                continue;
            }
            let (fixed, applied) = crate::apply_fixes(&bad, fixes.iter().copied(), true);
            assert_eq!(applied, fixes.len(), "{}", rule.code);
            let after = crate::check(&fixed, &options).unwrap();
            assert!(after.diagnostics.iter().all(|d| d.code != rule.code && d.code != "RT001"), "{}: {fixed}\n{:#?}", rule.code, after.diagnostics);
        }
    }

    #[test]
    fn fix_for_a_misspelt_container_name() {
        let td = r#"{"family": "web", "containerDefinitions": [{"name": "app"}, {"name": "log-router"}]}"#;
        let options = crate::Options { task_definition: Some(td.to_owned()), ..crate::Options::default() };
        for (name, want, safe) in [("App", "app", true), ("log_router", "log-router", false)] {
            let request = format!(r#"{{"taskDefinition": "web", "overrides": {{"containerOverrides": [{{"name": "{name}"}}]}}}}"#);
            let report = crate::check(&request, &options).unwrap();
            let d = report.diagnostics.iter().find(|d| d.code == "RT800").unwrap();
            let fix = d.fix.as_ref().unwrap();
            assert_eq!(fix.edits[0].content, format!("\"{want}\""));
            assert_eq!(fix.applicability == crate::Applicability::Safe, safe, "{name}");
        }
    }
}
