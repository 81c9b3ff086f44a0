use crate::context::Ctx;
use crate::json::json_string;
use crate::diagnostics::Applicability;

use crate::diagnostics::message::{backticked, closest};

crate::declare_rule! {
    /// ## What it checks
    /// That every `volumeConfigurations[].name` is the name of a task definition volume with
    /// `configuredAtLaunch: true`. Says so when the volume exists but is not configured at launch,
    /// and offers the closest name otherwise.
    ///
    /// ## Why it matters
    /// ECS attaches the EBS volume to the task definition volume of that name, which must be
    /// marked for configuration at launch: `Volume configuration provided but no matching
    /// configuredAtLaunch volume found in task definition.`
    ///
    /// ## Task definition
    /// ```json
    /// {"family": "etl", "containerDefinitions": [{"name": "etl", "image": "busybox", "mountPoints": [{"sourceVolume": "scratch", "containerPath": "/data"}]}], "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "1024", "memory": "2048", "volumes": [{"name": "scratch", "configuredAtLaunch": true}]}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "etl", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}, "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 100}}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "etl", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}, "volumeConfigurations": [{"name": "scratch", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 100}}]}
    /// ```
    ///
    /// ## How to fix
    /// Use the name of the task definition's `configuredAtLaunch` volume (the fix does when the
    /// task definition has exactly one, or a name differs only in case), or register a revision
    /// whose volume has `"configuredAtLaunch": true`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskVolumeConfiguration.html
    pub static RULE = {
        code: "RT814",
        name: "volume-configuration-name-unknown",
        severity: Error,
        catalogue: ["R-TD-16"],
        task_definition: true,
        topics: [Volumes],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    let doc = ctx.doc;
    let volumes = td.volumes();
    let at_launch = td.configured_at_launch_volumes();
    let td_name = td.name();
    let requested: Vec<_> = doc.elements(ctx.req.volume_configurations).filter_map(|v| doc.get_str(v, "name")).collect();
    for vc in doc.elements(ctx.req.volume_configurations) {
        let Some(node) = doc.get(vc, "name") else { continue };
        let Some(name) = doc.str(node) else { continue };
        if at_launch.contains(&name) {
            continue;
        }
        let exists = volumes.iter().any(|v| v.name.as_deref() == Some(name.as_ref()));
        let suggestion = closest(&name, &at_launch).map(|s| (s.name, s.case_only)).or_else(|| (at_launch.len() == 1 && !exists).then(|| (at_launch[0].as_ref(), false)));
        let fix = suggestion.filter(|(s, _)| !requested.iter().any(|r| r == s)).map(|(s, case_only)| {
            let app = if case_only { Applicability::Safe } else { Applicability::Unsafe };
            ctx.replace_value(node, json_string(s), app, format!("Replace with `{s}`"))
        });
        let message = if exists {
            format!("volume `{name}` of task definition `{td_name}` is not configured at launch (no `\"configuredAtLaunch\": true`)")
        } else if volumes.is_empty() {
            format!("task definition `{td_name}` has no volumes, so there is no volume `{name}` to configure")
        } else {
            let names: Vec<&str> = volumes.iter().filter_map(|v| v.name.as_deref()).collect();
            format!("task definition `{td_name}` has no volume named `{name}`; its volumes are {}", backticked(&names))
        };
        let help = match (suggestion, at_launch.is_empty()) {
            (Some((s, _)), _) => format!("did you mean `{s}`, the task definition's volume configured at launch?"),
            (None, true) => format!("register a revision of `{td_name}` with a volume named `{name}` and \"configuredAtLaunch\": true"),
            (None, false) => format!("use a volume configured at launch: {}", backticked(&at_launch)),
        };
        ctx.report(node, message)
            .help(help)
            .note("ECS answers: Volume configuration provided but no matching configuredAtLaunch volume found in task definition.")
            .fix_opt(fix);
    }
}
