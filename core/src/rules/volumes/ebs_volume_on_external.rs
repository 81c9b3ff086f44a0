use crate::context::Ctx;

crate::declare_rule! {
    /// ## What it checks
    /// That a request with `launchType: EXTERNAL` (ECS Anywhere) has no `volumeConfigurations`.
    ///
    /// ## Why it matters
    /// Amazon EBS volumes can be attached to tasks on Fargate, Amazon EC2 and ECS Managed
    /// Instances only (ECS developer guide, "Storage options for Amazon ECS tasks"): an
    /// external instance is not in an Availability Zone where ECS could attach one.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "db:4", "launchType": "EXTERNAL", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 100}}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "db:4", "launchType": "EC2", "volumeConfigurations": [{"name": "data", "managedEBSVolume": {"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole", "sizeInGiB": 100}}]}
    /// ```
    ///
    /// ## How to fix
    /// Run the task on EC2 or Fargate, or use storage of the external instance (a bind mount or
    /// Docker volume in the task definition) and remove `volumeConfigurations`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_data_volumes.html
    pub static RULE = {
        code: "RT717",
        name: "ebs-volume-on-external",
        severity: Warning,
        status: Preview,
        catalogue: ["R-VOL-30"],
        topics: [Volumes, LaunchType],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(vc) = ctx.req.volume_configurations else { return };
    if ctx.launch_type().as_deref() != Some("EXTERNAL") || ctx.doc.child_count(vc) == 0 {
        return;
    }
    let lt = ctx.req.launch_type;
    let mut r = ctx.report_key(vc, "`volumeConfigurations` asks for an EBS volume, but `launchType` is EXTERNAL: EBS volumes attach only to tasks on Fargate and EC2");
    r.help("run the task on EC2 or Fargate, or use the external instance's own storage (a bind mount) and remove `volumeConfigurations`");
    if let Some(lt) = lt {
        r.label(lt, "ECS Anywhere");
    }
}
