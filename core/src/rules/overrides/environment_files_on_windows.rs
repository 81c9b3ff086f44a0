use crate::context::Ctx;

use super::container_label;

crate::declare_rule! {
    /// ## What it checks
    /// Whether a container override of a Windows task (the task definition's
    /// `runtimePlatform.operatingSystemFamily` is a `WINDOWS_SERVER_*` family) sets
    /// `environmentFiles`.
    ///
    /// ## Why it matters
    /// AWS's documents disagree: the developer guide says "You can't use the environmentFiles
    /// parameter on Windows containers and Windows containers on Fargate", the API reference
    /// mentions Windows platform 1.0.0. The files may be refused or ignored.
    ///
    /// ## Task definition
    /// ```json
    /// {"family": "iis", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
    ///  "cpu": "1024", "memory": "2048",
    ///  "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE", "cpuArchitecture": "X86_64"},
    ///  "containerDefinitions": [{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis", "essential": true}]}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "iis:1", "launchType": "FARGATE",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"containerOverrides": [{"name": "iis",
    ///   "environmentFiles": [{"type": "s3", "value": "arn:aws:s3:::my-config/iis/prod.env"}]}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "iis:1", "launchType": "FARGATE",
    ///  "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}},
    ///  "overrides": {"containerOverrides": [{"name": "iis",
    ///   "environment": [{"name": "SITE", "value": "default"}]}]}}
    /// ```
    ///
    /// ## How to fix
    /// Pass the variables in `environment` (or the task definition's `secrets`) for Windows
    /// tasks, or confirm that your Windows task accepts environment files before relying on them.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/use-environment-file.html
    pub static RULE = {
        code: "RT343",
        name: "environment-files-on-windows",
        severity: Warning,
        catalogue: ["R-CO-19"],
        task_definition: true,
        topics: [Windows, Environment],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    if ctx.is_windows() != Some(true) {
        return;
    }
    let doc = ctx.doc;
    let files: Vec<_> = ctx.req.containers.iter().filter_map(|c| c.environment_files.map(|f| (c.node, f))).collect();
    for (c, files) in files {
        ctx.report_key(files, format!("{} sets `environmentFiles`, which AWS documents as unsupported for Windows containers", container_label(doc, c)))
            .help("pass the variables in `environment` (secrets in the task definition's `secrets`), or confirm that your Windows task accepts environment files")
            .note("the developer guide and the API reference disagree on Windows support");
    }
}
