use crate::context::Ctx;
use crate::json::json_string;

use super::report_at_task_definition;
use crate::diagnostics::message::backticked;

crate::declare_rule! {
    /// ## What it checks
    /// That a task definition volume with `configuredAtLaunch: true` gets its configuration: the
    /// request has a `volumeConfigurations` item. Reported at `/taskDefinition` when the request
    /// has no `volumeConfigurations` (at the empty list when it has one). A configuration with the
    /// wrong name is RT814's.
    ///
    /// ## Why it matters
    /// A volume configured at launch has no storage until the request describes it: "To configure
    /// a volume at launch time, use this task definition revision and specify a
    /// volumeConfigurations object when calling … RunTask" (botocore `Volume.configuredAtLaunch`).
    /// Whether ECS refuses the task or starts it without the volume is not documented, hence a
    /// warning.
    ///
    /// ## Task definition
    /// ```json
    /// {"family": "etl", "containerDefinitions": [{"name": "etl", "image": "busybox", "mountPoints": [{"sourceVolume": "scratch", "containerPath": "/data"}]}], "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "1024", "memory": "2048", "volumes": [{"name": "scratch", "configuredAtLaunch": true}]}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "etl", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "etl", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}, "volumeConfigurations": [{"name": "scratch", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 100}}]}
    /// ```
    ///
    /// ## How to fix
    /// Add a `volumeConfigurations` item named after the volume, with `managedEBSVolume` (its
    /// `roleArn` and a `sizeInGiB` or `snapshotId`).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ebs-volumes.html
    pub static RULE = {
        code: "RT815",
        name: "launch-volume-not-configured",
        severity: Warning,
        catalogue: ["R-TD-17"],
        task_definition: true,
        topics: [Volumes],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    if ctx.doc.elements(ctx.req.volume_configurations).next().is_some() {
        return;
    }
    let at_launch = td.configured_at_launch_volumes();
    if at_launch.is_empty() {
        return;
    }
    let name = td.name();
    let (volume, it) = if at_launch.len() == 1 { ("volume", "it") } else { ("volumes", "them") };
    let message = format!("task definition `{name}` has {volume} {} configured at launch, but the request does not configure {it}", backticked(&at_launch));
    let help = format!(
        "add \"volumeConfigurations\": [{{\"name\": {}, \"managedEBSVolume\": {{\"roleArn\": \"arn:aws:iam::…:role/…\", \"sizeInGiB\": …}}}}]",
        json_string(&at_launch[0])
    );
    match ctx.req.volume_configurations {
        Some(n) => ctx.report(n, message).help(help),
        None => report_at_task_definition(ctx, message).help(help),
    };
}
