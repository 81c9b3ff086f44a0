use crate::context::{ContainerOverride, Ctx};
use crate::json::json_string;
use crate::diagnostics::Edit;
use crate::json::Kind;
use crate::diagnostics::{Applicability, Fix};
use crate::diagnostics::message::{backticked, cat};

crate::declare_rule! {
    /// ## What it checks
    /// That every container override that overrides something (`command`, `environment`, `cpu`,
    /// …) names its container in `name`. An empty `name` counts as missing.
    ///
    /// ## Why it matters
    /// "If a non-empty container override is specified, the name parameter must be included."
    /// ECS cannot tell which container the override is for and refuses the request.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "overrides": {"containerOverrides": [{"command": ["npm", "run", "migrate"]}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "overrides": {"containerOverrides": [{"name": "web", "command": ["npm", "run", "migrate"]}]}}
    /// ```
    ///
    /// ## How to fix
    /// Add the container's name from the task definition. When the task definition is supplied
    /// and has a single container, the fix adds its name (unsafe: check it is the one you meant).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerOverride.html
    pub static RULE = {
        code: "RT335",
        name: "container-override-without-name",
        severity: Error,
        catalogue: ["R-CO-01"],
        topics: [ContainerOverrides],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    let only_container = ctx.td.and_then(|td| {
        let containers = td.containers();
        match containers.as_slice() {
            [one] if !one.name.is_empty() => Some(one.name.clone().into_owned()),
            _ => None,
        }
    });
    let req = ctx.req;
    for &ContainerOverride { node: c, name, .. } in &req.containers {
        let named = name.is_some_and(|n| doc.kind(n) != Kind::String || doc.str(n).is_some_and(|s| !s.is_empty()));
        if named {
            continue;
        }
        let members: Vec<_> = doc.children(c).filter_map(|m| doc.key(m)).filter(|k| k != "name").collect();
        if members.is_empty() {
            continue; // Empty: RT336.
        }
        let shown = if members.len() > 3 { cat!(backticked(&members[..3]), " and ", members.len() - 3, " more") } else { backticked(&members) };
        let message = cat!("`containerOverrides[", doc.index(c), "]` overrides ", shown, " but names no container");
        let fix = only_container.as_ref().map(|container| {
            let (start, end, content) = match name {
                Some(n) => {
                    let r = doc.range(n);
                    (r.start, r.end, json_string(container))
                }
                None => {
                    let open = doc.range(c).start + 1;
                    (open, open, format!("\"name\": {}, ", json_string(container)))
                }
            };
            Fix {
                applicability: Applicability::Unsafe,
                description: format!("Name the task definition's only container, `{container}`"),
                edits: vec![Edit::new(start, end, content)],
            }
        });
        let help = match &only_container {
            Some(container) => format!("add \"name\": \"{container}\" (the task definition's only container)"),
            None => "add \"name\" with the container's name from the task definition".to_owned(),
        };
        let mut r = match name {
            Some(n) => ctx.report(n, message),
            None => ctx.report_missing(c, "name", message),
        };
        r.help(help).fix_opt(fix);
    }
}
