use crate::context::Ctx;

use crate::diagnostics::message::backticked;

crate::declare_rule! {
    /// ## What it checks
    /// Whether a container override's `environmentFiles` leave out files that the container's
    /// definition lists. The message names the files that will not be read.
    ///
    /// ## Why it matters
    /// The override's list replaces the container definition's, it does not add to it: "If an
    /// environment file is specified as a container override, it's used … any other environment
    /// files that are specified in the container definition is ignored" (Amazon ECS Developer
    /// Guide). Variables from the left-out files disappear.
    ///
    /// ## Task definition
    /// ```json
    /// {"taskDefinition": {"family": "web", "revision": 3, "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole", "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512, "environmentFiles": [{"type": "s3", "value": "arn:aws:s3:::my-config/web/common.env"}]}], "compatibilities": ["EC2"]}}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "overrides": {"containerOverrides": [{"name": "app", "environmentFiles": [{"type": "s3", "value": "arn:aws:s3:::my-config/web/prod.env"}]}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "overrides": {"containerOverrides": [{"name": "app", "environmentFiles": [{"type": "s3", "value": "arn:aws:s3:::my-config/web/common.env"}, {"type": "s3", "value": "arn:aws:s3:::my-config/web/prod.env"}]}]}}
    /// ```
    ///
    /// ## How to fix
    /// List the task definition's files in the override too, if the container still needs them.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/use-environment-file.html
    pub static RULE = {
        code: "RT824",
        name: "environment-files-replace-task-definition-files",
        severity: Info,
        catalogue: ["R-CO-21"],
        task_definition: true,
        topics: [Environment],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    let doc = ctx.doc;
    let name = td.name();
    for ov in doc.elements(ctx.req.container_overrides) {
        let Some(files) = doc.get(ov, "environmentFiles") else { continue };
        let given: Vec<_> = doc.elements(Some(files)).filter_map(|f| doc.get_str(f, "value")).collect();
        if given.is_empty() {
            continue;
        }
        let Some(container) = doc.get_str(ov, "name") else { continue };
        let Some(def) = td.container(&container) else { continue };
        let dropped: Vec<_> = td.environment_files(def).into_iter().filter(|f| !given.iter().any(|g| g == f)).collect();
        if dropped.is_empty() {
            continue;
        }
        let (these, are) = if dropped.len() == 1 { ("file", "is") } else { ("files", "are") };
        ctx.report(files, format!("these environment files replace those of container `{container}` in task definition `{name}`; its {these} {} {are} not read", backticked(&dropped)))
            .help("add the task definition's files to the override if the container still needs them");
    }
}
