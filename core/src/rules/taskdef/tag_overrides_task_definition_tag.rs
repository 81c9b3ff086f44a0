use crate::context::Ctx;

crate::declare_rule! {
    /// ## What it checks
    /// Whether a request tag has the same key as a tag of the task definition while
    /// `propagateTags` is `TASK_DEFINITION`. The task definition's tags are read from the
    /// DescribeTaskDefinition output's `tags` (`--include TAGS`) or the RegisterTaskDefinition
    /// input's `tags`.
    ///
    /// ## Why it matters
    /// The request's tag wins: "If you specify a tag with the same key in the Tags section, it will
    /// override the tag propagated from the task definition" (Amazon ECS console guide). Cost
    /// allocation or access rules that rely on the task definition's value see the request's.
    ///
    /// ## Task definition
    /// ```json
    /// {"taskDefinition": {"family": "web", "revision": 3, "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512}], "compatibilities": ["EC2"]}, "tags": [{"key": "team", "value": "payments"}, {"key": "cost-center", "value": "cc-1234"}]}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "propagateTags": "TASK_DEFINITION", "tags": [{"key": "team", "value": "data"}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "propagateTags": "TASK_DEFINITION", "tags": [{"key": "job", "value": "nightly-export"}]}
    /// ```
    ///
    /// ## How to fix
    /// Nothing, if replacing the value is intended; otherwise rename the request's tag or drop it.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-using-tags.html
    pub static RULE = {
        code: "RT826",
        name: "tag-overrides-task-definition-tag",
        severity: Info,
        catalogue: ["R-TAG-08"],
        task_definition: true,
        topics: [Tags],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    let doc = ctx.doc;
    if ctx.str(ctx.req.propagate_tags).as_deref() != Some("TASK_DEFINITION") {
        return;
    }
    let td_tags = td.tags();
    if td_tags.is_empty() {
        return;
    }
    let name = td.name();
    for tag in doc.elements(ctx.req.tags) {
        let Some(node) = doc.get(tag, "key") else { continue };
        let Some(key) = doc.str(node) else { continue };
        let Some((_, td_value)) = td_tags.iter().find(|(k, _)| *k == key) else { continue };
        let value = doc.get_str(tag, "value").unwrap_or_default();
        if value == *td_value {
            ctx.report(node, format!("tag `{key}` is also propagated from task definition `{name}`, with the same value `{value}`"))
                .help("the request's tag is redundant; remove it or keep it, the task gets the same value");
        } else {
            ctx.report(node, format!("tag `{key}` = `{value}` replaces the value `{td_value}` propagated from task definition `{name}`"))
                .help("rename the request's tag if the task should keep the task definition's value");
        }
    }
}
