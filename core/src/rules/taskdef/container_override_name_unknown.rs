use crate::context::Ctx;
use crate::json::json_string;
use crate::diagnostics::Applicability;

use crate::diagnostics::message::{backticked, closest};

crate::declare_rule! {
    /// ## What it checks
    /// That every `overrides.containerOverrides[].name` is the name of a container in the task
    /// definition, spelled exactly (names are case-sensitive).
    ///
    /// ## Why it matters
    /// ECS refuses the whole request: `Override for container named django is not a container in
    /// the TaskDefinition.` A common cause is using the family or service name, or an old
    /// container name after the task definition was changed.
    ///
    /// ## Task definition
    /// ```json
    /// {"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx"}, {"name": "log-router", "image": "fluent-bit"}]}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web", "overrides": {"containerOverrides": [{"name": "web", "command": ["migrate"]}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web", "overrides": {"containerOverrides": [{"name": "app", "command": ["migrate"]}]}}
    /// ```
    ///
    /// ## How to fix
    /// Use the `name` of one of the task definition's `containerDefinitions`. When only the case
    /// differs the fix corrects it (safe); for a likely misspelling, or when the task definition
    /// has a single container, it offers that name (unsafe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerOverride.html
    pub static RULE = {
        code: "RT800",
        name: "container-override-name-unknown",
        severity: Error,
        catalogue: ["R-TD-01"],
        task_definition: true,
        topics: [ContainerOverrides],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    let doc = ctx.doc;
    let names = td.container_names();
    let td_name = td.name();
    let overridden: Vec<_> = doc.elements(ctx.req.container_overrides).filter_map(|o| doc.get_str(o, "name")).collect();
    for ov in doc.elements(ctx.req.container_overrides) {
        let Some(node) = doc.get(ov, "name") else { continue };
        let Some(name) = doc.str(node) else { continue };
        if names.contains(&name) {
            continue;
        }
        let listed = backticked(&names);
        let suggestion = closest(&name, &names).map(|s| (s.name, s.case_only)).or_else(|| {
            // With a single container, that container is almost certainly the one meant.
            (names.len() == 1).then(|| (names[0].as_ref(), false))
        });
        let (help, fix) = match suggestion {
            Some((s, case_only)) if !overridden.iter().any(|o| o == s) => {
                let app = if case_only { Applicability::Safe } else { Applicability::Unsafe };
                let help = if names.len() == 1 && !case_only { format!("the task definition's only container is `{s}`") } else { format!("did you mean `{s}`?") };
                (help, Some(ctx.replace_value(node, json_string(s), app, format!("Replace with `{s}`"))))
            }
            _ => (format!("use one of the task definition's containers: {listed}"), None),
        };
        let message = if name.is_empty() {
            format!("the container name is empty; the containers of task definition `{td_name}` are {listed}")
        } else {
            format!("task definition `{td_name}` has no container named `{name}`; its containers are {listed}")
        };
        ctx.report(node, message)
            .help(help)
            .note(format!("ECS answers: Override for container named {name} is not a container in the TaskDefinition."))
            .fix_opt(fix);
    }
}
