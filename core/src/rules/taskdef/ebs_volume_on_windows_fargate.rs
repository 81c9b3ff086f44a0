use crate::context::Ctx;
use crate::diagnostics::Severity;

crate::declare_rule! {
    /// ## What it checks
    /// That `volumeConfigurations` (Amazon EBS volumes configured at launch) are not used for a
    /// Windows task definition on Fargate. A warning when the target is unknown but
    /// `platformVersion` is set.
    ///
    /// ## Why it matters
    /// EBS volumes attach to Linux tasks and to "Windows (on Amazon EC2 only)" (Amazon ECS
    /// Developer Guide, storage options). ECS cannot attach the volume to a Windows task on
    /// Fargate.
    ///
    /// ## Task definition
    /// ```json
    /// {"family": "iis", "containerDefinitions": [{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis"}], "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE", "EC2"], "cpu": "1024", "memory": "2048", "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE", "cpuArchitecture": "X86_64"}, "volumes": [{"name": "data", "configuredAtLaunch": true}]}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "iis", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}, "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 50, "filesystemType": "ntfs"}}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "iis", "launchType": "EC2", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}, "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 50, "filesystemType": "ntfs"}}]}
    /// ```
    ///
    /// ## How to fix
    /// Run the Windows task on EC2, or use a Linux task definition for the EBS volume.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ebs-volumes.html
    pub static RULE = {
        code: "RT827",
        name: "ebs-volume-on-windows-fargate",
        severity: Error,
        catalogue: ["R-VOL-29"],
        task_definition: true,
        topics: [Windows, Volumes],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    let Some(node) = ctx.req.volume_configurations else { return };
    if !td.is_windows() || ctx.doc.elements(Some(node)).next().is_none() {
        return;
    }
    let Some(severity) = ctx.fargate_severity(Severity::Error) else { return };
    let name = td.name();
    let os = td.os_family();
    ctx.report(node, format!("Amazon EBS volumes attach to Windows tasks only on EC2, and task definition `{name}` has operatingSystemFamily `{os}` and runs on Fargate"))
        .severity(severity)
        .help("run the task on EC2, or use a Linux task definition for the EBS volume");
}
