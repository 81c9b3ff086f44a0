use crate::context::Ctx;
use crate::data::launch::Capacity;

use crate::data::platform;

crate::declare_rule! {
    /// ## What it checks
    /// That an ARM64 task definition (`runtimePlatform.cpuArchitecture: ARM64`) run with the
    /// `FARGATE_SPOT` capacity provider does not ask for a platform version before 1.4.0
    /// (`1.3.0` and older).
    ///
    /// ## Why it matters
    /// "FARGATE_SPOT supports Linux tasks with the ARM64 architecture on platform version 1.4.0
    /// or later" (botocore). Older guides say ARM64 is not supported on Fargate Spot at all, so
    /// some tools still refuse it (hence Preview).
    ///
    /// ## Task definition
    /// ```json
    /// {"family": "api", "containerDefinitions": [{"name": "api", "image": "public.ecr.aws/docker/library/python:3.12"}], "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "512", "memory": "1024", "runtimePlatform": {"operatingSystemFamily": "LINUX", "cpuArchitecture": "ARM64"}}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "api", "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}], "platformVersion": "1.3.0", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "api", "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}], "platformVersion": "LATEST", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Use `platformVersion` `LATEST` or `1.4.0`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html
    pub static RULE = {
        code: "RT813",
        name: "fargate-spot-arm64-old-platform",
        severity: Error,
        status: Preview,
        catalogue: ["R-TD-15"],
        task_definition: true,
        topics: [PlatformVersion, LaunchType],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    if td.cpu_architecture().as_deref() != Some("ARM64") || td.is_windows() {
        return;
    }
    let Some(pv) = ctx.req.platform_version else { return };
    let Some(version) = ctx.doc.str(pv) else { return };
    if !platform::before_1_4(&version) {
        return;
    }
    let doc = ctx.doc;
    let name = td.name();
    let spot: Vec<_> = doc
        .elements(ctx.req.capacity_provider_strategy)
        .filter_map(|i| doc.get(i, "capacityProvider"))
        .filter(|&p| doc.str(p).and_then(|name| Capacity::of_provider(&name)) == Some(Capacity::FargateSpot))
        .collect();
    for p in spot {
        let min = platform::show(platform::LINUX_1_4);
        ctx.report(p, format!("Fargate Spot runs ARM64 tasks (task definition `{name}` has cpuArchitecture `ARM64`) only on platform version {min} or later, but `platformVersion` is `{version}`"))
            .label(pv, format!("platform version before {min}"))
            .help(crate::rules::fargate::use_latest());
    }
}
