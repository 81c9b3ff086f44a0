use crate::context::Ctx;
use super::Node;
use crate::json::{Document, Kind};
use crate::model::ShapeKind;
use crate::diagnostics::Applicability;

use crate::diagnostics::message::{cat, closest, dotted};

crate::declare_rule! {
    /// ## What it checks
    /// That every member name is one the RunTask API knows at that place, spelled exactly
    /// (camelCase). A misspelling gets a "did you mean"; PascalCase CloudFormation spellings
    /// (`TaskDefinition`) and members put at the wrong level (`subnets` at the top) get the right
    /// name or place.
    ///
    /// ## Why it matters
    /// The AWS CLI and SDKs refuse the whole request: `Unknown parameter in input: "TaskDefinition",
    /// must be one of: …`. Members that belong to StartTask (`containerInstances`) cannot be used
    /// with RunTask at all.
    ///
    /// ## Invalid example
    /// ```json
    /// {"TaskDefinition": "web:3"}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3"}
    /// ```
    ///
    /// ## How to fix
    /// Use the API name. When only the case differs the fix renames the member (safe); for a
    /// likely misspelling it offers the closest name (unsafe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html
    pub static RULE = {
        code: "RT101",
        name: "unknown-member",
        severity: Error,
        catalogue: ["R-TOP-02"],
        topics: [Shape],
    };
}

/// Members people put in the wrong place, with where they belong.
const MISPLACED: &[(&str, &str, &str)] = &[
    ("", "subnets", "`subnets` belongs in `networkConfiguration.awsvpcConfiguration`"),
    ("", "securityGroups", "`securityGroups` belongs in `networkConfiguration.awsvpcConfiguration`"),
    ("", "assignPublicIp", "`assignPublicIp` belongs in `networkConfiguration.awsvpcConfiguration`"),
    ("", "awsvpcConfiguration", "`awsvpcConfiguration` belongs in `networkConfiguration`"),
    ("", "containerOverrides", "`containerOverrides` belongs in `overrides`"),
    ("", "cpu", "the task's cpu override is `overrides.cpu`"),
    ("", "memory", "the task's memory override is `overrides.memory`"),
    ("", "taskRoleArn", "the task role override is `overrides.taskRoleArn`"),
    ("", "executionRoleArn", "the execution role override is `overrides.executionRoleArn`"),
    ("", "ephemeralStorage", "`ephemeralStorage` belongs in `overrides`"),
    ("", "containerInstances", "`containerInstances` is a StartTask member: RunTask lets ECS place the task; to choose instances use StartTask (EC2 only) or a `memberOf` placement constraint"),
    ("", "containerInstance", "`containerInstance` is a StartTask member: RunTask lets ECS place the task; use StartTask (EC2 only) or a `memberOf` placement constraint"),
    ("", "serviceName", "RunTask starts standalone tasks; services are created with CreateService"),
    ("", "service", "RunTask starts standalone tasks; services are created with CreateService"),
    ("", "family", "name the task definition in `taskDefinition` (`family` or `family:revision`)"),
    ("", "revision", "name the revision in `taskDefinition` as `family:revision`"),
    ("", "containerDefinitions", "this looks like a task definition; pass it with --task-definition, and name it in `taskDefinition`"),
    ("", "region", "the region is not part of the request; set it with --region or AWS_REGION"),
    ("overrides", "command", "`command` is per container: `overrides.containerOverrides[].command`"),
    ("overrides", "environment", "`environment` is per container: `overrides.containerOverrides[].environment`"),
    ("overrides", "name", "container names go in `overrides.containerOverrides[].name`"),
    ("containerOverrides", "secrets", "secrets cannot be overridden at run time; they come from the task definition"),
    ("containerOverrides", "image", "the image cannot be overridden at run time; register a task definition revision with the new image"),
    ("containerOverrides", "entryPoint", "the entry point cannot be overridden by RunTask; override `command`, or register a new revision"),
    ("containerOverrides", "environmentVariables", "the member is called `environment`"),
];

/// Whether `node` is a member, of an object the model knows, that the model does not know.
#[inline(always)]
pub(super) fn applies(doc: &Document<'_>, node: &Node) -> bool {
    if node.shape.is_some() {
        return false;
    }
    let Some((parent, ps)) = node.parent else { return false };
    doc.kind(parent) == Kind::Object && matches!(ps.kind, ShapeKind::Structure { .. }) && !doc.is_shadowed(node.id)
}

/// The finding for an unknown member.
#[inline(never)]
pub(super) fn check(ctx: &mut Ctx<'_, '_>, node: &Node) {
    let (doc, id) = (ctx.doc, node.id);
    let Some((parent, ps)) = node.parent else { return };
    let ShapeKind::Structure { members, .. } = &ps.kind else { return };
    let key = doc.key(id).unwrap_or_default();
    let where_ = if doc.parent(parent).is_none() { "the request".to_owned() } else { cat!("`", dotted(doc, parent), "`") };
    let names: Vec<&str> = members.iter().map(|m| m.name).collect();
    let context_key = if doc.parent(parent).is_none() {
        ""
    } else if doc.parent(parent).and_then(|gp| doc.key(gp)).as_deref() == Some("containerOverrides") {
        "containerOverrides"
    } else {
        doc.key(parent).map(|k| if k == "overrides" { "overrides" } else { "?" }).unwrap_or("?")
    };
    let exists_elsewhere = |name: &str| doc.get(parent, name).is_some();
    let suggestion = closest(&key, &names);
    let case_match = suggestion.filter(|s| s.case_only);
    let close = suggestion.map(|s| s.name);
    let misplaced = MISPLACED.iter().find(|(ctxk, k, _)| *ctxk == context_key && *k == key).map(|m| m.2);
    let message = cat!("unknown member `", key, "` in ", where_);
    let mut r = if let Some(name) = close {
        let fix = if exists_elsewhere(name) {
            None
        } else {
            let app = if case_match.is_some() { Applicability::Safe } else { Applicability::Unsafe };
            ctx.rename_key(id, name, app)
        };
        let mut r = ctx.report_key(id, message);
        r.help(cat!("did you mean `", name, "`?")).fix_opt(fix);
        r
    } else if let Some(hint) = misplaced {
        let mut r = ctx.report_key(id, message);
        r.help(hint.to_owned());
        r
    } else {
        let mut r = ctx.report_key(id, message);
        r.help(cat!("remove it; valid members here: ", names.join(", ")));
        r
    };
    if case_match.is_some() && key.starts_with(|c: char| c.is_ascii_uppercase()) {
        r.note("the API uses camelCase names; PascalCase is CloudFormation's spelling");
    }
}
