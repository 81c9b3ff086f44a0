//! The limits a dialect puts on the request on top of RunTask's own, where they differ from
//! RunTask's (the API rules check those): from botocore's `scheduler` (2021-06-30) and `events`
//! (2015-10-07) models, recorded with their source in `spec/dialects.md`; a test checks each
//! entry against that record.

use crate::json::{Document, Kind, NodeId};

use super::names::{self, Names};

/// A constraint on one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Limit {
    /// Only these strings.
    Enum(&'static [&'static str]),
    /// A list of this many items.
    Items { min: usize, max: usize },
    /// A string of this many characters.
    Length { min: usize, max: usize },
}

impl Limit {
    /// What the limit accepts, for messages.
    pub fn describe(&self) -> String {
        match *self {
            Limit::Enum(values) => format!("only {}", values.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(" or ")),
            Limit::Items { min: 0, max } => format!("at most {max} items"),
            Limit::Items { min, max } => format!("{min} to {max} items"),
            Limit::Length { min, max } => format!("{min} to {max} characters"),
        }
    }
}

/// One dialect's limit on one member.
#[derive(Debug)]
pub(crate) struct DialectLimit {
    /// Which dialects: the names of the service's API and CloudFormation forms.
    pub names: &'static [&'static Names],
    /// API member path, list items as `*`.
    pub path: &'static str,
    pub limit: Limit,
    pub help: &'static str,
    pub source: &'static str,
}

const SCHEDULER: &[&Names] = &[&names::SCHEDULER_API, &names::SCHEDULER_CFN];
const EVENTS: &[&Names] = &[&names::EVENTS_CFN];
const SCHEDULER_SOURCE: &str = "botocore scheduler 2021-06-30, EcsParameters";
const EVENTS_SOURCE: &str = "botocore events 2015-10-07, EcsParameters";

pub(crate) static LIMITS: &[DialectLimit] = &[
    DialectLimit { names: SCHEDULER, path: "/propagateTags", limit: Limit::Enum(&["TASK_DEFINITION"]), help: "use `TASK_DEFINITION`, or leave the member out to propagate nothing", source: SCHEDULER_SOURCE },
    DialectLimit { names: EVENTS, path: "/propagateTags", limit: Limit::Enum(&["TASK_DEFINITION"]), help: "use `TASK_DEFINITION`, or leave the member out to propagate nothing", source: EVENTS_SOURCE },
    DialectLimit { names: SCHEDULER, path: "/capacityProviderStrategy", limit: Limit::Items { min: 0, max: 6 }, help: "keep at most 6 capacity providers", source: SCHEDULER_SOURCE },
    DialectLimit { names: EVENTS, path: "/capacityProviderStrategy", limit: Limit::Items { min: 0, max: 6 }, help: "keep at most 6 capacity providers", source: EVENTS_SOURCE },
    DialectLimit { names: SCHEDULER, path: "/group", limit: Limit::Length { min: 1, max: 255 }, help: "give a group name, or leave the member out", source: SCHEDULER_SOURCE },
    DialectLimit { names: SCHEDULER, path: "/platformVersion", limit: Limit::Length { min: 1, max: 64 }, help: "use a platform version such as `LATEST` or `1.4.0`, or leave the member out", source: SCHEDULER_SOURCE },
    DialectLimit { names: SCHEDULER, path: "/tags/*/value", limit: Limit::Length { min: 1, max: 256 }, help: "give the tag a value", source: SCHEDULER_SOURCE },
    DialectLimit { names: SCHEDULER, path: "/networkConfiguration/awsvpcConfiguration/subnets", limit: Limit::Items { min: 1, max: 16 }, help: "list 1 to 16 subnets", source: SCHEDULER_SOURCE },
    DialectLimit { names: SCHEDULER, path: "/networkConfiguration/awsvpcConfiguration/securityGroups", limit: Limit::Items { min: 1, max: 5 }, help: "list 1 to 5 security groups, or leave the member out", source: SCHEDULER_SOURCE },
];

/// The limits of `names` on the member at `path`.
pub(crate) fn for_path<'p>(names: &'static Names, path: &'p str) -> impl Iterator<Item = &'static DialectLimit> + 'p {
    LIMITS.iter().filter(move |l| l.path == path && l.names.iter().any(|n| std::ptr::eq(*n, names)))
}

/// How the value at `node` breaks `limit`, if it does.
pub(crate) fn violation(doc: &Document<'_>, node: NodeId, limit: &Limit) -> Option<String> {
    match *limit {
        Limit::Enum(values) => {
            let s = doc.str(node)?;
            (!values.contains(&s.as_ref())).then(|| format!("is {}", crate::json::json_string(&s)))
        }
        Limit::Items { min, max } => {
            if doc.kind(node) != Kind::Array {
                return None;
            }
            let n = doc.child_count(node);
            (n < min || n > max).then(|| format!("has {n} item{}", if n == 1 { "" } else { "s" }))
        }
        Limit::Length { min, max } => {
            let n = doc.char_len(node)?;
            (n < min || n > max).then(|| if n == 0 { "is empty".to_owned() } else { format!("has {n} characters") })
        }
    }
}

/// Every limit as `(dialect, API path, limit)`, e.g. `("scheduler", "/group", "length 1-255")`,
/// the form `spec/dialects.md` records them in.
#[must_use]
pub fn describe_all() -> Vec<(String, String, String)> {
    LIMITS
        .iter()
        .map(|l| {
            let dialect = if l.names.iter().any(|n| std::ptr::eq(*n, &names::EVENTS_CFN)) { "events" } else { "scheduler" };
            let limit = match l.limit {
                Limit::Enum(v) => format!("enum {}", v.join(" ")),
                Limit::Items { min, max } => format!("items {min}-{max}"),
                Limit::Length { min, max } => format!("length {min}-{max}"),
            };
            (dialect.to_owned(), l.path.to_owned(), limit)
        })
        .collect()
}
