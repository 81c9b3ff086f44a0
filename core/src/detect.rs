//! What a file is written in, from its name and content: [`detect`] (the dialect of a file that
//! holds a RunTask request) and [`shape`] (what pasted text is written in, request or not).
//! String tests only, so it is built without the `dialects` feature too: the console decides with
//! it whether pasted text is a request or a file for the dialect reader (`extract/`).

/// What a file is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dialect {
    /// The RunTask request itself (`--cli-input-json`/`--cli-input-yaml` shape), JSON or YAML.
    Request,
    /// An Amazon States Language state machine, JSON or YAML.
    StateMachine,
    /// A CloudFormation, SAM or CDK template, JSON or YAML.
    Cloudformation,
    /// `aws scheduler create-schedule --cli-input-json` input, JSON or YAML.
    Scheduler,
    /// A shell script.
    Shell,
    Makefile,
    Dockerfile,
    /// A GitHub Actions workflow (`run:` steps).
    GithubActions,
}

impl Dialect {
    pub const ALL: [Dialect; 8] = [Dialect::Request, Dialect::StateMachine, Dialect::Cloudformation, Dialect::Scheduler, Dialect::Shell, Dialect::Makefile, Dialect::Dockerfile, Dialect::GithubActions];

    /// The name `--dialect` takes.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Request => "request",
            Dialect::StateMachine => "state-machine",
            Dialect::Cloudformation => "cloudformation",
            Dialect::Scheduler => "scheduler",
            Dialect::Shell => "shell",
            Dialect::Makefile => "makefile",
            Dialect::Dockerfile => "dockerfile",
            Dialect::GithubActions => "github-actions",
        }
    }

    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Dialect::ALL.into_iter().find(|d| d.name() == name)
    }

    /// What the file is called in messages.
    #[must_use]
    pub fn noun(self) -> &'static str {
        match self {
            Dialect::Request => "request",
            Dialect::StateMachine => "state machine",
            Dialect::Cloudformation => "template",
            Dialect::Scheduler => "schedule",
            Dialect::Shell | Dialect::Dockerfile => "script",
            Dialect::Makefile => "Makefile",
            Dialect::GithubActions => "workflow",
        }
    }
}

impl std::fmt::Display for Dialect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

#[cfg_attr(not(feature = "dialects"), allow(dead_code))]
pub(crate) fn extension(path: &str) -> String {
    file_name(path).rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

/// Whether `text` mentions an `aws ecs run-task` command.
pub(crate) fn mentions_run_task(text: &str) -> bool {
    text.contains("run-task") && text.contains("ecs")
}

/// The dialect a file is written in, from its path (when known) and content; None when it holds
/// no RunTask request (such a file gives no diagnostics at all). A file whose content cannot
/// decide (an empty file, invalid JSON) is a [`Dialect::Request`] only when its name says so.
#[must_use]
pub fn detect(path: Option<&str>, text: &str) -> Option<Dialect> {
    let name = path.map(file_name).unwrap_or("");
    let lower = name.to_ascii_lowercase();
    let ext = path.map(extension).unwrap_or_default();
    let unix_path = path.map(|p| p.replace('\\', "/")).unwrap_or_default();
    if unix_path.contains(".github/workflows/") && matches!(ext.as_str(), "yml" | "yaml") {
        return mentions_run_task(text).then_some(Dialect::GithubActions);
    }
    if matches!(lower.as_str(), "makefile" | "gnumakefile") || ext == "mk" {
        return mentions_run_task(text).then_some(Dialect::Makefile);
    }
    if lower == "dockerfile" || lower == "containerfile" || lower.starts_with("dockerfile.") || ext == "dockerfile" {
        return mentions_run_task(text).then_some(Dialect::Dockerfile);
    }
    let shebang = text.starts_with("#!") && text.lines().next().is_some_and(|l| l.contains("sh"));
    if matches!(ext.as_str(), "sh" | "bash" | "zsh" | "ksh") || shebang {
        return mentions_run_task(text).then_some(Dialect::Shell);
    }
    let structured = matches!(ext.as_str(), "json" | "yaml" | "yml" | "template" | "asl" | "") || lower.ends_with(".asl.json") || lower.ends_with(".asl.yaml");
    if structured {
        if let Some(d) = detect_structured(text) {
            return Some(d);
        }
    }
    if path.is_none() && mentions_run_task(text) && !text.trim_start().starts_with(['{', '[']) {
        return Some(Dialect::Shell);
    }
    let named_request = lower.contains("run-task") || lower.contains("run_task") || lower.contains("runtask");
    named_request.then_some(Dialect::Request)
}

/// What text given without a file name (pasted into the console) is written in, by its content
/// alone, whether or not it holds a RunTask request: a state machine with no ECS task is still a
/// [`Dialect::StateMachine`]. None when the content does not say (a request missing its
/// `taskDefinition`, text that is neither JSON nor YAML nor a script).
#[must_use]
pub fn shape(text: &str) -> Option<Dialect> {
    let shebang = text.starts_with("#!") && text.lines().next().is_some_and(|l| l.contains("sh"));
    if shebang {
        return Some(Dialect::Shell);
    }
    structured_shape(text).or_else(|| (mentions_run_task(text) && !text.trim_start().starts_with(['{', '['])).then_some(Dialect::Shell))
}

/// JSON or YAML that holds a RunTask request, by its top-level members.
fn detect_structured(text: &str) -> Option<Dialect> {
    structured_shape(text).filter(|d| match d {
        Dialect::Cloudformation => text.contains("runTask") || text.contains("EcsParameters"),
        Dialect::StateMachine => text.contains("runTask"),
        _ => true,
    })
}

/// JSON or YAML by its top-level members, request or not.
fn structured_shape(text: &str) -> Option<Dialect> {
    let has = |key: &str| {
        // Most keys are in no file: looked for as written first, before any pattern is built.
        if !text.contains(key) {
            return false;
        }
        let colon = format!("{key}:");
        text.contains(&format!("\"{key}\"")) || text.lines().any(|l| l.trim_start().starts_with(&colon))
    };
    let template = has("Resources") && (text.contains("AWS::") || has("AWSTemplateFormatVersion"));
    if template {
        return Some(Dialect::Cloudformation);
    }
    if has("States") && has("StartAt") {
        return Some(Dialect::StateMachine);
    }
    if has("Target") && text.contains("EcsParameters") {
        return Some(Dialect::Scheduler);
    }
    if text.contains("run-task") && (has("jobs") || has("on")) {
        return Some(Dialect::GithubActions);
    }
    const REQUEST_MEMBERS: &[&str] = &["taskDefinition", "launchType", "capacityProviderStrategy", "networkConfiguration", "overrides", "placementConstraints", "placementStrategy", "platformVersion"];
    // Files with request-like members that are something else: a service (CreateService input),
    // a task definition (RegisterTaskDefinition input, DescribeTaskDefinition output). A hook
    // that sees every JSON file must not check them as requests.
    const OTHER_MEMBERS: &[&str] = &["serviceName", "desiredCount", "containerDefinitions"];
    if OTHER_MEMBERS.iter().any(|m| has(m)) {
        return None;
    }
    // One member alone other than `taskDefinition` is not enough: npm's package.json has
    // `overrides`.
    let members = REQUEST_MEMBERS.iter().filter(|m| has(m)).count();
    (has("taskDefinition") || members >= 2).then_some(Dialect::Request)
}


#[cfg(test)]
mod tests {
    use super::{detect, shape, Dialect};

    /// Pasted text is recognised by its shape whether or not it holds a request, and `detect`
    /// still says None for a file with no request.
    #[test]
    fn shape_of_pasted_text() {
        let lambda_only = r#"{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}"#;
        assert_eq!(shape(lambda_only), Some(Dialect::StateMachine));
        assert_eq!(detect(None, lambda_only), None);
        let bucket = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n";
        assert_eq!(shape(bucket), Some(Dialect::Cloudformation));
        assert_eq!(detect(None, bucket), None);
        assert_eq!(shape("#!/bin/sh\necho hi\n"), Some(Dialect::Shell));
        assert_eq!(shape("aws ecs run-task --cluster c \\\n  --task-definition web:3\n"), Some(Dialect::Shell));
        assert_eq!(shape(r#"{"taskDefinition": "web:3", "count": 2}"#), Some(Dialect::Request));
        assert_eq!(shape(r#"{"count": 2}"#), None);
        assert_eq!(shape(r#"{"taskDefinition": "web:3", "count": 2,"#), Some(Dialect::Request));
    }
}
