use crate::context::Ctx;

crate::declare_rule! {
    /// ## What it checks
    /// That a container override with `environmentFiles` comes with a task execution role: the
    /// task definition's `executionRoleArn` or `overrides.executionRoleArn`.
    ///
    /// ## Why it matters
    /// The ECS agent downloads the files from S3 with the execution role: "The Amazon ECS task
    /// execution role is required to use this feature" (Amazon ECS Developer Guide). Without it
    /// the task stops while starting.
    ///
    /// ## Task definition
    /// ```json
    /// {"taskDefinition": {"family": "web", "revision": 3, "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512}], "compatibilities": ["EC2"]}}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "overrides": {"containerOverrides": [{"name": "app", "environmentFiles": [{"type": "s3", "value": "arn:aws:s3:::my-config/web/prod.env"}]}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "overrides": {"executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole", "containerOverrides": [{"name": "app", "environmentFiles": [{"type": "s3", "value": "arn:aws:s3:::my-config/web/prod.env"}]}]}}
    /// ```
    ///
    /// ## How to fix
    /// Set `overrides.executionRoleArn` to a role allowed `s3:GetObject` on the files and
    /// `s3:GetBucketLocation` on the bucket, or register a revision with `executionRoleArn`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/use-environment-file.html
    pub static RULE = {
        code: "RT823",
        name: "environment-files-without-execution-role",
        severity: Warning,
        catalogue: ["R-CO-20"],
        task_definition: true,
        topics: [Environment, Iam],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    let doc = ctx.doc;
    if td.execution_role_arn().is_some() || ctx.req.overrides.and_then(|o| doc.get(o, "executionRoleArn")).is_some() {
        return;
    }
    let name = td.name();
    for ov in doc.elements(ctx.req.container_overrides) {
        let Some(files) = doc.get(ov, "environmentFiles") else { continue };
        if doc.elements(Some(files)).next().is_none() {
            continue;
        }
        ctx.report(files, format!("environment files are read with the task execution role, but task definition `{name}` has no `executionRoleArn` and the request has no `overrides.executionRoleArn`"))
            .help("set `overrides.executionRoleArn` to a role allowed s3:GetObject on the files and s3:GetBucketLocation on the bucket");
    }
}
