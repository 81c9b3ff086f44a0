use crate::context::Ctx;
use crate::json::json_string;
use crate::diagnostics::Applicability;

crate::declare_rule! {
    /// ## What it checks
    /// Whether a container override's `command` is a single string with spaces (`["npm run
    /// migrate"]`) for a container whose task definition has no `entryPoint`.
    ///
    /// ## Why it matters
    /// `command` is an argument list, not a shell line. Without an `ENTRYPOINT` the first element
    /// is the program to run, so `["npm run migrate"]` looks for a program called `npm run
    /// migrate` and the container exits with "executable file not found". (The image may still
    /// have its own `ENTRYPOINT`, which receives the string as one argument: hence info.)
    ///
    /// ## Task definition
    /// ```json
    /// {"taskDefinition": {"family": "web", "revision": 3, "containerDefinitions": [{"name": "app", "image": "node:20", "memory": 512}], "compatibilities": ["EC2"]}}
    /// ```
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "overrides": {"containerOverrides": [{"name": "app", "command": ["npm run migrate"]}]}}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "launchType": "EC2", "overrides": {"containerOverrides": [{"name": "app", "command": ["npm", "run", "migrate"]}]}}
    /// ```
    ///
    /// ## How to fix
    /// Give one element per argument (the fix splits at spaces when the string has no quotes or
    /// shell syntax), or run it through a shell: `["sh", "-c", "…"]` (the fix for strings with
    /// shell syntax). Both fixes are unsafe: check the image's entry point.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerOverride.html
    pub static RULE = {
        code: "RT822",
        name: "command-in-one-element",
        severity: Info,
        catalogue: ["R-CO-11"],
        task_definition: true,
        topics: [ContainerOverrides],
    };
}

/// Characters that make a string shell syntax rather than plain words.
const SHELL: &[char] = &['\'', '"', '`', '$', '|', '&', ';', '<', '>', '*', '?', '(', ')', '{', '}', '[', ']', '~', '\\', '#', '!', '\n', '='];

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(td) = ctx.td else { return };
    let doc = ctx.doc;
    let name = td.name();
    for ov in doc.elements(ctx.req.container_overrides) {
        let Some(command) = doc.get(ov, "command") else { continue };
        let mut elements = doc.elements(Some(command));
        let (Some(first), None) = (elements.next(), elements.next()) else { continue };
        let Some(text) = doc.str(first) else { continue };
        if !text.trim().contains(char::is_whitespace) {
            continue;
        }
        let Some(container) = doc.get_str(ov, "name") else { continue };
        let Some(def) = td.container(&container) else { continue };
        if td.has_items(def, "entryPoint") {
            continue;
        }
        let (fix, help) = if text.contains(SHELL) {
            let raw = format!("[\"sh\", \"-c\", {}]", json_string(&text));
            (ctx.replace_value(command, raw, Applicability::Unsafe, "Run the command through `sh -c`"), "run it through a shell: [\"sh\", \"-c\", \"…\"]")
        } else {
            let words: Vec<String> = text.split_whitespace().map(json_string).collect();
            let raw = format!("[{}]", words.join(", "));
            (ctx.replace_value(command, raw, Applicability::Unsafe, "Split the command into one element per argument"), "give one element per argument, e.g. [\"npm\", \"run\", \"migrate\"]")
        };
        ctx.report(first, format!("`command` is one string with spaces, and container `{container}` has no `entryPoint` in task definition `{name}`: unless the image has an ENTRYPOINT, the whole string is run as the program's name"))
            .help(help)
            .fix(fix);
    }
}
