//! How each dialect names the RunTask request's members, from its own API or resource
//! specification (see `spec/dialects.md`): the Step Functions integration writes the API's
//! members in PascalCase; EventBridge Scheduler's API mixes cases; CloudFormation spells
//! `AWS::Events::Rule` and `AWS::Scheduler::Schedule` differently again. One table per dialect
//! serves both directions: reading the file's members as API members, and spelling the API
//! members of a message as the file writes them ([`Names::spell`], applied where diagnostics are
//! placed in the file).

use std::sync::OnceLock;

use crate::extract::Spelling;
use crate::model::{self, Member, Shape, ShapeKind};

/// How member names are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// As the API: `launchType`.
    Camel,
    /// First letter upper-case: `LaunchType`.
    Pascal,
}

/// A dialect's names for the request's members.
#[derive(Debug)]
pub struct Names {
    /// Used in messages: "Step Functions", "EventBridge Scheduler".
    pub service: &'static str,
    case: Case,
    /// Top-level API members the dialect carries; None: all of them.
    top: Option<&'static [&'static str]>,
    /// API member paths (list items as `*`) the dialect does not carry below the top level.
    not_carried: &'static [&'static str],
    /// (API member path, the dialect's name) where the name is not the default case of the API
    /// name.
    renamed: &'static [(&'static str, &'static str)],
    /// (API path prefix, case) for subtrees written in another case; the longest prefix wins.
    cased: &'static [(&'static str, Case)],
    /// Top-level members written elsewhere than in the object read (EventBridge: the cluster is the
    /// target's `Arn`, the overrides its `Input`).
    elsewhere: &'static [&'static str],
    /// `tags` is a list of one-entry maps (`[{"team": "data"}]`), not of `{key, value}`.
    pub tags_as_maps: bool,
    /// Members unknown to the API stay in the request (the API's own unknown-member rule reports
    /// them); otherwise the dialect reports them and they are left out.
    pub keeps_unknown: bool,
    /// Top-level members are written as command-line options (`--launch-type`).
    pub flags: bool,
}

/// The API itself (request files, JSON values on a command line, EventBridge `Input`).
pub static API: Names = Names { service: "the RunTask API", case: Case::Camel, top: None, not_carried: &[], renamed: &[], cased: &[], elsewhere: &[], tags_as_maps: false, keeps_unknown: true, flags: false };

/// `aws ecs run-task` options: the API's members as `--kebab-case` options, JSON and shorthand
/// values in the API's names.
pub static CLI: Names = Names { service: "aws ecs run-task", case: Case::Camel, top: None, not_carried: &[], renamed: &[], cased: &[], elsewhere: &[], tags_as_maps: false, keeps_unknown: true, flags: true };

/// The RunTask members the Step Functions ECS integration passes: the developer guide's list
/// (2021: Cluster, Group, LaunchType, NetworkConfiguration, Overrides, PlacementConstraints,
/// PlacementStrategy, PlatformVersion, PropagateTags, TaskDefinition), plus EnableExecuteCommand
/// and CapacityProviderStrategy, which the AWS CDK's `EcsRunTask` emits (see spec/rules.md
/// R-SFN-01).
pub const STEP_FUNCTIONS_PASSES: &[&str] = &[
    "cluster",
    "group",
    "launchType",
    "networkConfiguration",
    "overrides",
    "placementConstraints",
    "placementStrategy",
    "platformVersion",
    "propagateTags",
    "taskDefinition",
    "enableExecuteCommand",
    "capacityProviderStrategy",
];

/// Amazon States Language `Parameters`/`Arguments` of an `ecs:runTask` Task state.
pub static STEP_FUNCTIONS: Names = Names {
    service: "Step Functions",
    case: Case::Pascal,
    top: Some(STEP_FUNCTIONS_PASSES),
    // "For the Overrides parameter, Step Functions does not support executionRoleArn or
    // taskRoleArn" (developer guide, connect-ecs).
    not_carried: &["/overrides/executionRoleArn", "/overrides/taskRoleArn"],
    renamed: &[],
    cased: &[],
    elsewhere: &[],
    tags_as_maps: false,
    keeps_unknown: false,
    flags: false,
};

/// The AWS SDK integration (`arn:aws:states:::aws-sdk:ecs:runTask`): every RunTask parameter, in
/// PascalCase.
pub static STEP_FUNCTIONS_SDK: Names = Names {
    service: "Step Functions (AWS SDK integration)",
    case: Case::Pascal,
    top: None,
    not_carried: &[],
    renamed: &[],
    cased: &[],
    elsewhere: &[],
    tags_as_maps: false,
    keeps_unknown: false,
    flags: false,
};

/// Members EventBridge (rules and Scheduler) carries in `EcsParameters`; the cluster is the
/// target's `Arn` and the overrides its `Input`.
const EVENTBRIDGE_TOP: &[&str] = &[
    "taskDefinition",
    "count",
    "launchType",
    "networkConfiguration",
    "platformVersion",
    "group",
    "capacityProviderStrategy",
    "enableECSManagedTags",
    "enableExecuteCommand",
    "placementConstraints",
    "placementStrategy",
    "propagateTags",
    "referenceId",
    "tags",
    "cluster",
    "overrides",
];

const EVENTBRIDGE_ELSEWHERE: &[&str] = &["/cluster", "/overrides"];

/// `aws scheduler create-schedule` input (botocore `scheduler` 2021-06-30 `EcsParameters`):
/// PascalCase, except `awsvpcConfiguration` and the members of strategy items, constraints and
/// strategies; `Tags` is a list of maps.
pub static SCHEDULER_API: Names = Names {
    service: "EventBridge Scheduler",
    case: Case::Pascal,
    top: Some(EVENTBRIDGE_TOP),
    not_carried: &[],
    renamed: &[
        ("/taskDefinition", "TaskDefinitionArn"),
        ("/count", "TaskCount"),
        ("/networkConfiguration/awsvpcConfiguration", "awsvpcConfiguration"),
        ("/cluster", "Arn"),
        ("/overrides", "Input"),
    ],
    cased: &[("/capacityProviderStrategy/*", Case::Camel), ("/placementConstraints/*", Case::Camel), ("/placementStrategy/*", Case::Camel), ("/overrides/", Case::Camel)],
    elsewhere: EVENTBRIDGE_ELSEWHERE,
    tags_as_maps: true,
    keeps_unknown: false,
    flags: false,
};

/// `AWS::Scheduler::Schedule` `Target.EcsParameters` (CloudFormation resource specification):
/// PascalCase throughout, `AwsvpcConfiguration`, `PlacementStrategy`, `Tags` as a list of maps.
pub static SCHEDULER_CFN: Names = Names {
    service: "EventBridge Scheduler",
    case: Case::Pascal,
    top: Some(EVENTBRIDGE_TOP),
    not_carried: &[],
    renamed: &[("/taskDefinition", "TaskDefinitionArn"), ("/count", "TaskCount"), ("/cluster", "Arn"), ("/overrides", "Input")],
    cased: &[("/overrides/", Case::Camel)],
    elsewhere: EVENTBRIDGE_ELSEWHERE,
    tags_as_maps: true,
    keeps_unknown: false,
    flags: false,
};

/// `AWS::Events::Rule` `Targets[].EcsParameters` (CloudFormation resource specification):
/// `AwsVpcConfiguration`, `TagList` of `{Key, Value}`, `PlacementStrategies`.
pub static EVENTS_CFN: Names = Names {
    service: "EventBridge",
    case: Case::Pascal,
    top: Some(EVENTBRIDGE_TOP),
    not_carried: &[],
    renamed: &[
        ("/taskDefinition", "TaskDefinitionArn"),
        ("/count", "TaskCount"),
        ("/networkConfiguration/awsvpcConfiguration", "AwsVpcConfiguration"),
        ("/tags", "TagList"),
        ("/placementStrategy", "PlacementStrategies"),
        ("/cluster", "Arn"),
        ("/overrides", "Input"),
    ],
    cased: &[("/overrides/", Case::Camel)],
    elsewhere: EVENTBRIDGE_ELSEWHERE,
    tags_as_maps: false,
    keeps_unknown: false,
    flags: false,
};

/// What a name written in the file is, at one place of the request.
#[derive(Debug, Clone, Copy)]
pub enum Lookup {
    /// The dialect's name for this API member.
    Found(&'static Member),
    /// The member, with the case wrong for this dialect (`launchType` in a state machine): the
    /// dialect's spelling is the second.
    Case(&'static Member, &'static str),
    /// An API member the dialect does not carry.
    NotCarried(&'static Member),
    Unknown,
}

impl Names {
    fn case_at(&self, parent_path: &str) -> Case {
        let mut best: Option<(&str, Case)> = None;
        for &(prefix, case) in self.cased {
            let hit = if let Some(p) = prefix.strip_suffix('/') { parent_path == p || parent_path.starts_with(prefix) } else { parent_path == prefix || parent_path.starts_with(&format!("{prefix}/")) };
            if hit && best.is_none_or(|(b, _)| prefix.len() > b.len()) {
                best = Some((prefix, case));
            }
        }
        best.map_or(self.case, |(_, c)| c)
    }

    /// The dialect's name for the API member at `path` (e.g. `/overrides/cpu`).
    #[must_use]
    pub fn name_of(&self, path: &str) -> String {
        if let Some((_, n)) = self.renamed.iter().find(|(p, _)| *p == path) {
            return (*n).to_owned();
        }
        let (parent, name) = path.rsplit_once('/').unwrap_or(("", path));
        match self.case_at(parent) {
            Case::Camel => name.to_owned(),
            Case::Pascal => pascal(name),
        }
    }

    /// Whether the dialect carries the API member at `path`.
    #[must_use]
    pub fn carries(&self, path: &str) -> bool {
        match path.rsplit_once('/') {
            Some(("", name)) => self.top.is_none_or(|t| t.contains(&name)),
            _ => !self.not_carried.contains(&path),
        }
    }

    /// What `written` is among the members of the object at `parent_path` (API path, `*` for
    /// list items), whose shape is `shape`.
    #[must_use]
    pub fn lookup(&self, shape: &'static Shape, parent_path: &str, written: &str) -> Lookup {
        let ShapeKind::Structure { members, .. } = &shape.kind else { return Lookup::Unknown };
        let mut folded = None;
        for m in *members {
            let path = format!("{parent_path}/{}", m.name);
            if self.elsewhere.contains(&path.as_str()) {
                continue;
            }
            let name = self.name_of(&path);
            if name == written {
                return if self.carries(&path) { Lookup::Found(m) } else { Lookup::NotCarried(m) };
            }
            if folded.is_none() && name.eq_ignore_ascii_case(written) {
                folded = Some((m, path, name));
            }
        }
        match folded {
            Some((m, path, _)) if !self.carries(&path) => Lookup::NotCarried(m),
            Some((m, path, _)) => Lookup::Case(m, leak(self.name_of(&path))),
            None => Lookup::Unknown,
        }
    }

    /// The names the dialect has at `parent_path`, for "valid members here".
    #[must_use]
    pub fn names_at(&self, shape: &'static Shape, parent_path: &str) -> Vec<String> {
        shape.members().iter().map(|m| format!("{parent_path}/{}", m.name)).filter(|p| self.carries(p) && !self.elsewhere.contains(&p.as_str())).map(|p| self.name_of(&p)).collect()
    }

    /// An API path (`/overrides/containerOverrides/*/cpu`) in the dialect's dotted form:
    /// `Overrides.ContainerOverrides[0].Cpu`, with `indices` filling the `*`s.
    #[must_use]
    pub fn dotted(&self, segments: &[Seg<'_>]) -> String {
        let mut out = String::new();
        let mut path = String::new();
        for (i, seg) in segments.iter().enumerate() {
            match seg {
                Seg::Name(n) => {
                    path.push('/');
                    path.push_str(n);
                    let name = self.name_of(&path);
                    if i == 0 && self.flags {
                        out.push_str("--");
                        out.push_str(&cli_option(n));
                    } else {
                        if i == 1 && self.flags {
                            out.push(' ');
                        } else if !out.is_empty() {
                            out.push('.');
                        }
                        out.push_str(&name);
                    }
                }
                Seg::Index(ix) => {
                    path.push_str("/*");
                    match ix {
                        Some(ix) => out.push_str(&format!("[{ix}]")),
                        None => out.push_str("[]"),
                    }
                }
            }
        }
        out
    }
}

/// One step of an API path in a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seg<'a> {
    Name(&'a str),
    /// A list index (`[0]`), or `[]` when the message names every element.
    Index(Option<u32>),
}

/// The name with its first letter upper-case.
#[must_use]
pub fn pascal(name: &str) -> String {
    let mut c = name.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The AWS CLI's option for an API member, as botocore's `xform_name` makes it:
/// `enableECSManagedTags` → `enable-ecs-managed-tags`.
#[must_use]
pub fn cli_option(member: &str) -> String {
    let chars: Vec<char> = member.chars().collect();
    let mut out = String::with_capacity(member.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            let prev = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(char::is_ascii_lowercase);
            if prev.is_ascii_lowercase() || prev.is_ascii_digit() || (prev.is_ascii_uppercase() && next_lower) {
                out.push('-');
            }
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// Names are few and static; a name computed once is kept for the `&'static str` of a lookup.
fn leak(s: String) -> &'static str {
    static SEEN: OnceLock<std::sync::Mutex<Vec<&'static str>>> = OnceLock::new();
    let seen = SEEN.get_or_init(Default::default);
    let mut seen = seen.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(s) = seen.iter().find(|x| **x == s) {
        return s;
    }
    let s: &'static str = Box::leak(s.into_boxed_str());
    seen.push(s);
    s
}

/// Every member path of the request model, e.g. `[Name("overrides"), Name("containerOverrides"),
/// Index, Name("cpu")]`, as pattern strings (`/overrides/containerOverrides/*/cpu`).
fn model_paths() -> &'static [String] {
    static PATHS: OnceLock<Vec<String>> = OnceLock::new();
    PATHS.get_or_init(|| {
        let mut out = Vec::new();
        fn walk(shape: &'static Shape, path: &str, out: &mut Vec<String>, depth: usize) {
            if depth > 12 {
                return;
            }
            match &shape.kind {
                ShapeKind::Structure { members, .. } => {
                    for m in *members {
                        let p = format!("{path}/{}", m.name);
                        out.push(p.clone());
                        walk(m.shape, &p, out, depth + 1);
                    }
                }
                ShapeKind::List { member, .. } => {
                    out.push(format!("{path}/*"));
                    walk(member, &format!("{path}/*"), out, depth + 1);
                }
                _ => {}
            }
        }
        walk(model::request(), "", &mut out, 0);
        out
    })
}

/// Parses a message token such as `overrides.containerOverrides[0].cpu` or `containerOverrides[]`.
fn parse_token(token: &str) -> Option<Vec<Seg<'_>>> {
    let mut segs = Vec::new();
    for part in token.split('.') {
        let (name, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric()) || !name.as_bytes()[0].is_ascii_alphabetic() {
            return None;
        }
        segs.push(Seg::Name(name));
        while let Some(r) = rest.strip_prefix('[') {
            let close = r.find(']')?;
            let ix = &r[..close];
            segs.push(Seg::Index(if ix.is_empty() { None } else { Some(ix.parse().ok()?) }));
            rest = &r[close + 1..];
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(segs)
}

fn pattern(segs: &[Seg<'_>]) -> String {
    let mut p = String::new();
    for s in segs {
        match s {
            Seg::Name(n) => {
                p.push('/');
                p.push_str(n);
            }
            Seg::Index(_) => p.push_str("/*"),
        }
    }
    p
}

impl Names {
    /// The dialect's spelling of a message token that names API members, or None when it names
    /// none (a value such as `FARGATE`) or is ambiguous.
    fn spell_token(&self, token: &str) -> Option<String> {
        let segs = parse_token(token)?;
        let pat = pattern(&segs);
        // From the request's top, or the end of exactly one member path (every such path
        // spelling the token the same way).
        let candidates: Vec<&String> = match model_paths().iter().find(|p| **p == pat) {
            Some(exact) => vec![exact],
            None => model_paths().iter().filter(|p| p.ends_with(&pat) && p.len() > pat.len()).collect(),
        };
        let mut spelled: Option<String> = None;
        for full in candidates {
            let prefix_len = full.len() - pat.len();
            let mut full_segs: Vec<Seg<'_>> = Vec::new();
            for part in full[..prefix_len].split('/').skip(1) {
                full_segs.push(if part == "*" { Seg::Index(None) } else { Seg::Name(part) });
            }
            let skip = full_segs.len();
            full_segs.extend(segs.iter().copied());
            let whole = self.dotted(&full_segs);
            let s = if skip == 0 { whole } else { tail(&whole, &self.dotted(&full_segs[..skip]))? };
            match &spelled {
                Some(prev) if *prev != s => return None,
                _ => spelled = Some(s),
            }
        }
        spelled.filter(|s| s != token)
    }
}

/// Whether a token in backticks is a value (a binpack field, `cpu` or `memory`) rather than the
/// member of that name: "binpack takes only `cpu` or `memory`", "did you mean `memory`?".
fn names_a_value(token: &str, before: &str, after: &str) -> bool {
    matches!(token, "cpu" | "memory")
        && (before.ends_with("only ") || before.ends_with("` or ") || before.ends_with("mean ") || after.starts_with(" or `") || before.contains("binpack"))
}

/// `whole` without the `prefix` it starts with (and the separator after it).
fn tail(whole: &str, prefix: &str) -> Option<String> {
    let rest = whole.strip_prefix(prefix)?;
    Some(rest.trim_start_matches(['.', ' ']).to_owned())
}

impl Spelling for Names {
    fn spell(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 8);
        let mut rest = text;
        while let Some(open) = rest.find('`') {
            let Some(close) = rest[open + 1..].find('`') else { break };
            let token = &rest[open + 1..open + 1 + close];
            out.push_str(&rest[..=open]);
            let before = &text[..text.len() - rest.len() + open];
            let after = &rest[open + close + 2..];
            match (!names_a_value(token, before, after)).then(|| self.spell_token(token)).flatten() {
                Some(s) => out.push_str(&s),
                None => out.push_str(token),
            }
            out.push('`');
            rest = &rest[open + close + 2..];
        }
        out.push_str(rest);
        if self.flags {
            out = spell_quoted_options(&out);
        } else {
            out = self.spell_json_keys(&out);
        }
        out
    }
}

/// In a command line's messages, a quoted top-level member in a hint (`add "networkConfiguration":
/// {…}`) is its option (`add --network-configuration {…}`); members inside the value keep the
/// API's names, as the option's JSON takes them.
fn spell_quoted_options(text: &str) -> String {
    let mut out = text.to_owned();
    for m in model::request().members() {
        let quoted = format!("\"{}\"", m.name);
        if !out.contains(&quoted) {
            continue;
        }
        let option = format!("--{}", cli_option(m.name));
        out = out.replace(&format!("{quoted}: "), &format!("{option} ")).replace(&quoted, &option);
    }
    out
}

impl Names {
    /// Member names in JSON snippets of a hint (`"networkConfiguration": {…}`).
    fn spell_json_keys(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(q) = rest.find('"') {
            out.push_str(&rest[..q]);
            let after = &rest[q + 1..];
            let Some(end) = after.find('"') else {
                out.push_str(&rest[q..]);
                return out;
            };
            let word = &after[..end];
            let is_key = after[end + 1..].trim_start().starts_with(':');
            out.push('"');
            match is_key.then(|| self.spell_token(word)).flatten() {
                Some(s) if !s.contains(['.', '[', ' ']) => out.push_str(&s),
                _ => out.push_str(word),
            }
            out.push('"');
            rest = &after[end + 1..];
        }
        out.push_str(rest);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_options_follow_botocore() {
        assert_eq!(cli_option("enableECSManagedTags"), "enable-ecs-managed-tags");
        assert_eq!(cli_option("taskDefinition"), "task-definition");
        assert_eq!(cli_option("capacityProviderStrategy"), "capacity-provider-strategy");
        assert_eq!(cli_option("count"), "count");
    }

    #[test]
    fn messages_take_the_dialect_spelling() {
        let m = "`overrides.cpu` is 512 and `containerOverrides[0].memory` too; `launchType` is FARGATE; `FARGATE` stays";
        assert_eq!(STEP_FUNCTIONS.spell(m), "`Overrides.Cpu` is 512 and `ContainerOverrides[0].Memory` too; `LaunchType` is FARGATE; `FARGATE` stays");
        assert_eq!(CLI.spell("`launchType` and `overrides.cpu`"), "`--launch-type` and `--overrides cpu`");
        assert_eq!(EVENTS_CFN.spell("`networkConfiguration.awsvpcConfiguration` and `count`"), "`NetworkConfiguration.AwsVpcConfiguration` and `TaskCount`");
        assert_eq!(SCHEDULER_API.spell("`capacityProviderStrategy[1].weight`"), "`CapacityProviderStrategy[1].weight`");
        assert_eq!(SCHEDULER_CFN.spell("`overrides.containerOverrides[0].cpu`"), "`Input.containerOverrides[0].cpu`");
        assert_eq!(STEP_FUNCTIONS.spell("add \"networkConfiguration\": {\"awsvpcConfiguration\": {\"subnets\": [\"subnet-…\"]}}"), "add \"NetworkConfiguration\": {\"AwsvpcConfiguration\": {\"Subnets\": [\"subnet-…\"]}}");
    }

    #[test]
    fn lookups() {
        let req = model::request();
        assert!(matches!(STEP_FUNCTIONS.lookup(req, "", "LaunchType"), Lookup::Found(m) if m.name == "launchType"));
        assert!(matches!(STEP_FUNCTIONS.lookup(req, "", "launchType"), Lookup::Case(m, "LaunchType") if m.name == "launchType"));
        assert!(matches!(STEP_FUNCTIONS.lookup(req, "", "Count"), Lookup::NotCarried(m) if m.name == "count"));
        assert!(matches!(STEP_FUNCTIONS.lookup(req, "", "Bogus"), Lookup::Unknown));
        assert!(matches!(EVENTS_CFN.lookup(req, "", "TagList"), Lookup::Found(m) if m.name == "tags"));
        assert!(matches!(SCHEDULER_API.lookup(req, "", "TaskDefinitionArn"), Lookup::Found(m) if m.name == "taskDefinition"));
        let nc = model::request().member("networkConfiguration").unwrap().shape;
        assert!(matches!(SCHEDULER_API.lookup(nc, "/networkConfiguration", "awsvpcConfiguration"), Lookup::Found(_)));
        assert!(matches!(EVENTS_CFN.lookup(nc, "/networkConfiguration", "AwsvpcConfiguration"), Lookup::Case(_, "AwsVpcConfiguration")));
    }
}
