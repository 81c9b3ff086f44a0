//! The one rule table. Each area of `rules/` lists its rules; [`rules()`] joins them in code
//! order. Meta-tests (in `tests/registry.rs`) check that codes are unique and sorted, that every
//! rule has its documentation sections, that names read well, and that every row of the catalogue
//! is implemented or listed as not checkable offline.

pub use crate::rule::{Rule, Status, Topic};
use crate::rules::Check;

/// Every rule with its check, in code order.
pub(crate) fn checks() -> &'static [&'static Check] {
    static ALL: std::sync::OnceLock<Vec<&'static Check>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        // Each put in its place as it comes (once, 172 rules): no sort's code in the `.wasm` for it.
        let mut all: Vec<&'static Check> = Vec::new();
        for check in crate::rules::AREAS.iter().flat_map(|a| a.iter()) {
            all.insert(all.partition_point(|c| c.rule.code <= check.rule.code), check);
        }
        all
    })
}

/// Every rule, in code order.
#[must_use]
pub fn rules() -> &'static [&'static Rule] {
    static ALL: std::sync::OnceLock<Vec<&'static Rule>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| checks().iter().map(|c| c.rule).collect())
}

/// The rules about `topic`, in code order.
pub fn by_topic(topic: Topic) -> impl Iterator<Item = &'static Rule> {
    rules().iter().copied().filter(move |r| r.topics.contains(&topic))
}

/// The topic index of the rule reference (docs/rules.md): each topic with its rules, linked.
#[must_use]
pub fn topics_markdown() -> String {
    let mut out = String::from("## Rules by topic\n\nA rule lives in the area of `core/src/rules/` its code says (RT5xx tags, RT7xx volumes, …); rules about one topic may live in several areas. Each rule lists its topics (`Topic` in `core/src/rule.rs`).\n");
    for &topic in Topic::ALL {
        let listed: Vec<String> = by_topic(topic).map(|r| format!("[{}](#{}) `{}`", r.code, r.code.to_ascii_lowercase(), r.name)).collect();
        out.push_str(&format!("\n### {}\n\n{}\n", topic.title(), listed.join(" · ")));
    }
    out
}

/// The rule with this code or name.
#[must_use]
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    rules().iter().copied().find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name == code_or_name)
}

/// Catalogue rows that no rule implements, each with the reason: what only a launch shows (the
/// live rules, RT850–RT899, check what the account's state can tell).
pub static NOT_CHECKABLE: &[(&str, &str)] = &[
    ("R-TOP-15", "needs ECS's record of earlier clientTokens, which no API lists: only a launch shows it"),
    ("R-CP-15", "the intent to reach ECS Anywhere instances is not in the request; EXTERNAL with a strategy is reported by RT201/RT204"),
    ("R-VOL-22", "needs the snapshot's filesystem, which no API describes: only the volume created at launch shows it"),
];
