use crate::context::Ctx;
use crate::json::Kind;
use crate::diagnostics::Severity;

crate::declare_rule! {
    /// ## What it checks
    /// That a task on Fargate has `networkConfiguration.awsvpcConfiguration`: Fargate tasks
    /// always use the `awsvpc` network mode, which needs the subnets (and optionally security
    /// groups) of the task's network interface. The target is Fargate when `launchType` is
    /// `FARGATE` or every capacity provider is `FARGATE`/`FARGATE_SPOT`; when neither is given
    /// but `platformVersion` is (only Fargate takes one), this is a warning.
    ///
    /// ## Why it matters
    /// ECS rejects the request: `Network Configuration must be provided when networkMode 'awsvpc'
    /// is specified.`
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0123456789abcdef0"]}}}
    /// ```
    ///
    /// ## How to fix
    /// Add `"networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-…"],
    /// "securityGroups": ["sg-…"]}}` with the subnets the task should run in.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html
    pub static RULE = {
        code: "RT400",
        name: "fargate-without-network-configuration",
        severity: Error,
        catalogue: ["R-NET-01"],
        topics: [Network],
    };
}

const HELP: &str = "add \"networkConfiguration\": {\"awsvpcConfiguration\": {\"subnets\": [\"subnet-…\"], \"securityGroups\": [\"sg-…\"]}}";
const NOTE: &str = "AWS answers: Network Configuration must be provided when networkMode 'awsvpc' is specified.";

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(severity) = ctx.fargate_severity(Severity::Error) else { return };
    let doc = ctx.doc;
    match ctx.req.network_configuration {
        None => {
            let (why, cause) = ctx.why_fargate();
            let label = cause.map(|n| (n, "this makes the task a Fargate task"));
            let mut r = ctx.report_missing(ctx.req.root, "networkConfiguration", format!("the task runs on Fargate ({why}) but the request has no `networkConfiguration`"));
            r.help(HELP).note(NOTE).severity(severity);
            if let Some((node, text)) = label {
                r.label(node, text);
            }
        }
        Some(nc) if doc.kind(nc) == Kind::Object && ctx.req.awsvpc.is_none() => {
            let (why, _) = ctx.why_fargate();
            let mut r = ctx.report_missing(nc, "awsvpcConfiguration", format!("the task runs on Fargate ({why}) but `networkConfiguration` has no `awsvpcConfiguration`"));
            r.help("add \"awsvpcConfiguration\": {\"subnets\": [\"subnet-…\"]} inside `networkConfiguration`").note(NOTE).severity(severity);
        }
        Some(_) => {}
    }
}
