//! What a file is written in, from its name and content: [`detect`] (the dialect of a file that
//! holds a RunTask request) and [`shape`] (what pasted text is written in, request or not).
//! String tests only, so it is built without the `dialects` feature too: the console decides with
//! it whether pasted text is a request or a file for the dialect reader (`extract/`).

use crate::json::byte_mask;

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
    detect_with(path, text, || Members::of(text))
}

/// [`detect`] of `text`, parsed as `doc`, reading the names from the document instead of
/// scanning the text for them: the same answer (core/tests/detection.rs holds them equal on
/// every test file). `doc` may start after a byte-order mark that `text` no longer has.
#[must_use]
pub fn detect_parsed(path: Option<&str>, text: &str, doc: &crate::json::Document<'_>) -> Option<Dialect> {
    detect_with(path, text, || Members::of_document(doc, text))
}

fn detect_with(path: Option<&str>, text: &str, members: impl FnOnce() -> Members) -> Option<Dialect> {
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
        if let Some(d) = detect_structured(text, members()) {
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
    structured_shape(text, Members::of(text)).or_else(|| (mentions_run_task(text) && !text.trim_start().starts_with(['{', '['])).then_some(Dialect::Shell))
}

/// JSON or YAML that holds a RunTask request, by its top-level members.
fn detect_structured(text: &str, members: Members) -> Option<Dialect> {
    structured_shape(text, members).filter(|d| match d {
        Dialect::Cloudformation => text.contains("runTask") || text.contains("EcsParameters"),
        Dialect::StateMachine => text.contains("runTask"),
        _ => true,
    })
}

/// The names detection looks for.
const DETECTION_NAMES: [&str; 18] = [
    "Resources", "AWSTemplateFormatVersion", "States", "StartAt", "Target", "jobs", "on",
    // A request's members.
    "taskDefinition", "launchType", "capacityProviderStrategy", "networkConfiguration", "overrides", "placementConstraints", "placementStrategy", "platformVersion",
    // Members of files with request-like members that are something else: a service
    // (CreateService input), a task definition (RegisterTaskDefinition input,
    // DescribeTaskDefinition output).
    "serviceName", "desiredCount", "containerDefinitions",
];

/// Which of [`DETECTION_NAMES`] a JSON or YAML text writes, read in one pass: each `"name"` (the
/// text between two neighbouring double quotes: a JSON member name, or a string equal to it) and
/// each `name:` at the start of a line (YAML). One substring search per name cost more than
/// checking the request itself.
struct Members(u32);

impl Members {
    fn of(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut found = 0u32;
        // Quotes pair with their neighbours, and the first `:` of each line ends its key. (All
        // three are ASCII, so every slice falls on a char boundary.)
        let mut last_quote: Option<usize> = None;
        let mut line_start = 0;
        let mut key_taken = false;
        // Eight bytes at a time: a mask of the bytes that matter, then each of them in order.
        let mut at = 0;
        while let Some(rest) = bytes.get(at..).filter(|r| !r.is_empty()) {
            let v = match rest.first_chunk::<8>() {
                Some(chunk) => u64::from_le_bytes(*chunk),
                None => {
                    // The last bytes, padded with zeros, which are none of the three.
                    let mut chunk = [0u8; 8];
                    chunk[..rest.len()].copy_from_slice(rest);
                    u64::from_le_bytes(chunk)
                }
            };
            let mut marks = byte_mask(v, b'"') | byte_mask(v, b'\n') | byte_mask(v, b':');
            while marks != 0 {
                let i = at + marks.trailing_zeros() as usize / 8;
                marks &= marks - 1;
                match bytes[i] {
                    b'"' => {
                        if let Some(open) = last_quote {
                            found |= named(&bytes[open + 1..i]);
                        }
                        last_quote = Some(i);
                    }
                    b'\n' => {
                        line_start = i + 1;
                        key_taken = false;
                    }
                    _ if !key_taken => {
                        found |= named(trim_start(&text[line_start..i]).as_bytes());
                        key_taken = true;
                    }
                    _ => {}
                }
            }
            at += 8;
        }
        Members(found)
    }

    /// What [`Members::of`] finds in `text`, read from its parsed JSON document: in JSON, quotes
    /// stand only around strings, so the texts between neighbouring quotes are the strings (as
    /// written, escapes and all) and what separates them, which always holds a `,` or `:` and so
    /// is never a name; and no line starts with a bare name before a `:`. Only an escaped quote
    /// (`\"`) inside a string breaks that pairing: such text is scanned as before.
    fn of_document(doc: &crate::json::Document<'_>, text: &str) -> Self {
        let mut found = 0u32;
        let mut escaped_quote = false;
        doc.each_raw_string(|raw, escaped| {
            // A `"` within a string is always an escaped one.
            escaped_quote = escaped && raw.contains(&b'"');
            found |= named(raw);
            !escaped_quote
        });
        if escaped_quote {
            return Members::of(text);
        }
        Members(found)
    }

    /// Whether the text writes any name of `mask` (made by [`names`]).
    fn any(&self, mask: u32) -> bool {
        self.0 & mask != 0
    }

    /// How many names of `mask` the text writes.
    fn count(&self, mask: u32) -> u32 {
        (self.0 & mask).count_ones()
    }
}

/// The mask of `list`, names of [`DETECTION_NAMES`]. Used in constants, so a name missing from
/// the table fails the build instead of never being found.
const fn names(list: &[&str]) -> u32 {
    let mut mask = 0;
    let mut l = 0;
    while l < list.len() {
        let (name, mut i, mut found) = (list[l].as_bytes(), 0, false);
        while i < DETECTION_NAMES.len() && !found {
            let known = DETECTION_NAMES[i].as_bytes();
            if known.len() == name.len() {
                let mut b = 0;
                while b < name.len() && known[b] == name[b] {
                    b += 1;
                }
                found = b == name.len();
            }
            if !found {
                i += 1;
            }
        }
        assert!(found, "a name missing from DETECTION_NAMES");
        mask |= 1 << i;
        l += 1;
    }
    mask
}

/// `s.trim_start()`, with the spaces and tabs of indentation passed over a byte at a time.
#[inline]
fn trim_start(s: &str) -> &str {
    let rest = &s[s.bytes().take_while(|&b| b == b' ' || b == b'\t').count()..];
    // Rare: other white space (such as Unicode's) after the spaces and tabs.
    if rest.chars().next().is_some_and(char::is_whitespace) {
        rest.trim_start()
    } else {
        rest
    }
}

/// The longest name in [`DETECTION_NAMES`].
const LONGEST_NAME: usize = {
    let (mut max, mut i) = (0, 0);
    while i < DETECTION_NAMES.len() {
        if DETECTION_NAMES[i].len() > max {
            max = DETECTION_NAMES[i].len();
        }
        i += 1;
    }
    max
};

/// For each length, the names of [`DETECTION_NAMES`] of that length (a mask): the text between
/// two quotes is compared with these alone.
const NAMES_BY_LENGTH: [u32; LONGEST_NAME + 1] = {
    let mut table = [0u32; LONGEST_NAME + 1];
    let mut i = 0;
    while i < DETECTION_NAMES.len() {
        table[DETECTION_NAMES[i].len()] |= 1 << i;
        i += 1;
    }
    table
};

/// For each value of the low six bits of a first byte, the names of [`DETECTION_NAMES`] whose
/// first byte has them (a mask).
const NAMES_BY_FIRST_BYTE: [u32; 64] = {
    let mut table = [0u32; 64];
    let mut i = 0;
    while i < DETECTION_NAMES.len() {
        table[(DETECTION_NAMES[i].as_bytes()[0] & 63) as usize] |= 1 << i;
        i += 1;
    }
    table
};

/// The bit of the name of [`DETECTION_NAMES`] that `text` is, or 0.
#[inline]
fn named(text: &[u8]) -> u32 {
    let Some(&first) = text.first() else { return 0 };
    // Length and first byte together rule out almost every other string.
    let mut candidates = NAMES_BY_LENGTH.get(text.len()).copied().unwrap_or(0) & NAMES_BY_FIRST_BYTE[(first & 63) as usize];
    while candidates != 0 {
        let i = candidates.trailing_zeros();
        let name = DETECTION_NAMES[i as usize].as_bytes();
        if name == text {
            return 1 << i;
        }
        candidates &= candidates - 1;
    }
    0
}

/// JSON or YAML by its top-level members, request or not.
fn structured_shape(text: &str, members: Members) -> Option<Dialect> {
    const RESOURCES: u32 = names(&["Resources"]);
    const TEMPLATE_VERSION: u32 = names(&["AWSTemplateFormatVersion"]);
    const STATES: u32 = names(&["States"]);
    const START_AT: u32 = names(&["StartAt"]);
    const TARGET: u32 = names(&["Target"]);
    const WORKFLOW: u32 = names(&["jobs", "on"]);
    const TASK_DEFINITION: u32 = names(&["taskDefinition"]);
    const REQUEST_MEMBERS: u32 = names(&["taskDefinition", "launchType", "capacityProviderStrategy", "networkConfiguration", "overrides", "placementConstraints", "placementStrategy", "platformVersion"]);
    // Files with request-like members that are something else (see DETECTION_NAMES): a hook
    // that sees every JSON file must not check them as requests.
    const OTHER_MEMBERS: u32 = names(&["serviceName", "desiredCount", "containerDefinitions"]);
    let template = members.any(RESOURCES) && (members.any(TEMPLATE_VERSION) || text.contains("AWS::"));
    if template {
        return Some(Dialect::Cloudformation);
    }
    if members.any(STATES) && members.any(START_AT) {
        return Some(Dialect::StateMachine);
    }
    if members.any(TARGET) && text.contains("EcsParameters") {
        return Some(Dialect::Scheduler);
    }
    if members.any(WORKFLOW) && text.contains("run-task") {
        return Some(Dialect::GithubActions);
    }
    if members.any(OTHER_MEMBERS) {
        return None;
    }
    // One member alone other than `taskDefinition` is not enough: npm's package.json has
    // `overrides`.
    (members.any(TASK_DEFINITION) || members.count(REQUEST_MEMBERS) >= 2).then_some(Dialect::Request)
}


#[cfg(test)]
mod tests {
    use super::{detect, named, names, shape, trim_start, Dialect, Members, DETECTION_NAMES};

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

    #[test]
    fn members_are_json_names_in_quotes_and_yaml_keys_at_line_starts() {
        let has = |m: &Members, name: &str| m.any(names(&[name]));
        let json = Members::of(r#"{"States": {"A": {"Resource": "StartAt"}}, "xTargetx": 1, "Resources ": 2}"#);
        assert!(has(&json, "States") && has(&json, "StartAt"));
        assert!(!has(&json, "Target") && !has(&json, "Resources"));
        let yaml = Members::of("States:\n  Run:\n    Type: Task\non:\n  jobs: {}\n# Target: in a comment\n");
        assert!(has(&yaml, "States") && has(&yaml, "on") && has(&yaml, "jobs"));
        assert!(!has(&yaml, "Target") && !has(&yaml, "StartAt"));
        assert_eq!(json.count(names(&["States", "StartAt", "Target"])), 2);
    }

    #[test]
    fn the_name_tables_find_each_name_and_nothing_else() {
        for (i, name) in DETECTION_NAMES.iter().enumerate() {
            assert_eq!(named(name.as_bytes()), 1 << i, "{name}");
            // One byte off at each end, and another case: not a name.
            for near in [&name[1..], &name[..name.len() - 1], &name.to_ascii_uppercase(), &format!("{name}s"), &format!("b{}", &name[1..])] {
                let expected = DETECTION_NAMES.iter().position(|n| *n == near).map_or(0, |j| 1 << j);
                assert_eq!(named(near.as_bytes()), expected, "{near}");
            }
        }
        assert_eq!(named(b""), 0);
        assert_eq!(named(b": "), 0);
    }

    #[test]
    fn keys_are_trimmed_as_str_trim_start_does() {
        for s in ["", "  a", "\t\tb", " \u{b}c", "\u{3000}d", "  \u{a0} e", "\u{85}f", "g ", " é"] {
            assert_eq!(trim_start(s), s.trim_start(), "{s:?}");
        }
    }
}
