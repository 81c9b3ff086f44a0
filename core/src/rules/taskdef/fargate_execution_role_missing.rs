use crate::context::Ctx;
use crate::diagnostics::Severity;

use super::report_at_task_definition;

crate::declare_rule! {
    /// ## What it checks
    /// That a Fargate task has a task execution role (the task definition's `executionRoleArn`
    /// or `overrides.executionRoleArn`) when its containers need one: an image from Amazon ECR,
    /// the `awslogs` log driver, `secrets`, private registry credentials
    /// (`repositoryCredentials`) or `environmentFiles`. The message names each container and
    /// why. Reported at `/taskDefinition`.
    ///
    /// ## Why it matters
    /// On Fargate the execution role is what pulls ECR images, writes to CloudWatch Logs and reads
    /// secrets; without it the task stops while starting (`CannotPullContainerError`, missing
    /// logs or secrets). ECS itself refuses such task definitions at registration: `Fargate
    /// requires task definition to have execution role ARN to support ECR images.`
    ///
    /// ## Task definition
    /// ```json
    /// {"family": "web", "containerDefinitions": [{"name": "app", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4", "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "app"}}}], "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512"}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}, "overrides": {"executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"}}
    /// ```
    ///
    /// ## How to fix
    /// Set `overrides.executionRoleArn` to a role with the `AmazonECSTaskExecutionRolePolicy`
    /// managed policy (plus access to the secrets), or register a revision with
    /// `executionRoleArn`.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html
    pub static RULE = {
        code: "RT817",
        name: "fargate-execution-role-missing",
        severity: Warning,
        catalogue: ["R-TD-20"],
        task_definition: true,
        topics: [Iam],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    let Some(severity) = ctx.fargate_severity(Severity::Warning) else { return };
    if td.execution_role_arn().is_some() || ctx.req.overrides.and_then(|o| ctx.doc.get(o, "executionRoleArn")).is_some() {
        return;
    }
    let mut needs: Vec<String> = Vec::new();
    for c in td.containers() {
        let mut why: Vec<&str> = Vec::new();
        if td.uses_ecr_image(c.node) {
            why.push("pulls its image from Amazon ECR");
        }
        if td.log_driver(c.node).as_deref() == Some("awslogs") {
            why.push("logs with `awslogs`");
        }
        if td.has_items(c.node, "secrets") {
            why.push("has `secrets`");
        }
        if td.member(c.node, "repositoryCredentials").is_some() {
            why.push("uses `repositoryCredentials`");
        }
        if td.has_items(c.node, "environmentFiles") {
            why.push("has `environmentFiles`");
        }
        if !why.is_empty() {
            needs.push(format!("`{}` {}", c.name, why.join(" and ")));
        }
    }
    if needs.is_empty() {
        return;
    }
    let name = td.name();
    report_at_task_definition(
        ctx,
        format!("task definition `{name}` has no `executionRoleArn` and the request has no `overrides.executionRoleArn`, but on Fargate the execution role is needed because {}", needs.join("; ")),
    )
    .severity(severity)
    .help("set `overrides.executionRoleArn` to a role with the AmazonECSTaskExecutionRolePolicy managed policy, or register a revision with `executionRoleArn`")
    .note("at registration ECS answers: Fargate requires task definition to have execution role ARN to support ECR images.");
}
