//! The one rule table. Each area of `rules/` lists its rules; [`rules()`] joins them in code
//! order. Meta-tests (in `tests/registry.rs`) check that codes are unique and sorted, that every
//! rule has its documentation sections, that names read well, and that every row of the catalogue
//! is implemented or listed as not checkable offline.

use crate::context::Ctx;
use crate::Severity;

/// Whether a rule is settled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Stable,
    /// New or of uncertain AWS behaviour; still enabled by default.
    Preview,
}

/// A rule: its metadata, documentation and check.
pub struct Rule {
    /// Stable code, `RT` and three digits: RT0xx input, RT1xx shape and limits, RT2xx launch type
    /// and capacity providers, RT3xx Fargate sizing, platform and overrides, RT4xx network, RT5xx
    /// tags, RT6xx placement, RT7xx volumes, RT800–RT849 task-definition-aware, RT850–RT899 live
    /// (against the AWS account), RT9xx reserved for users.
    pub code: &'static str,
    /// kebab-case, says what it flags: `launch-type-with-capacity-provider`.
    pub name: &'static str,
    pub severity: Severity,
    pub status: Status,
    /// Catalogue rows (`spec/rules.md`) the rule implements.
    pub catalogue: &'static [&'static str],
    /// Runs only when a task definition is supplied.
    pub needs_task_definition: bool,
    /// Made only by the live pre-flight against the AWS account (crate runtask-live,
    /// `runtask-lint --live`), which hands its findings in through [`crate::Options::live`];
    /// offline its check does nothing.
    pub live: bool,
    /// Markdown, from the rule's doc comment: What it checks, Why it matters, Invalid example,
    /// Valid example, How to fix, Reference.
    pub docs: &'static str,
    pub check: fn(&mut Ctx<'_, '_>),
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.code, self.name)
    }
}

impl Rule {
    /// The documentation with the one leading space of each doc-comment line removed.
    #[must_use]
    pub fn documentation(&self) -> String {
        let mut out = String::with_capacity(self.docs.len());
        for line in self.docs.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out
    }

    /// The first paragraph of "What it checks", as one line.
    #[must_use]
    pub fn summary(&self) -> String {
        let doc = self.documentation();
        let body = doc.split("## What it checks").nth(1).unwrap_or(&doc);
        body.trim_start().split("\n\n").next().unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// A fenced `json` block under `## heading` of the docs.
    #[must_use]
    pub fn example(&self, heading: &str) -> Option<String> {
        let doc = self.documentation();
        let section = doc.split(&format!("## {heading}\n")).nth(1)?;
        let section = section.split("\n## ").next()?;
        let start = section.find("```json")? + "```json".len();
        let end = section[start..].find("```")? + start;
        Some(section[start..end].trim().to_owned())
    }
}

/// Declares a rule from a doc comment and its metadata.
///
/// ```ignore
/// declare_rule! {
///     /// ## What it checks
///     /// ...
///     pub static RULE = {
///         code: "RT201",
///         name: "launch-type-with-capacity-provider",
///         severity: Error,
///         catalogue: ["R-LT-04"],
///         check: check,
///     };
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        pub static $NAME:ident = {
            code: $code:literal,
            name: $name:literal,
            severity: $sev:ident,
            $(status: $status:ident,)?
            catalogue: [$($cat:literal),* $(,)?],
            $(task_definition: $td:literal,)?
            $(live: $live:literal,)?
            check: $check:path $(,)?
        };
    ) => {
        pub static $NAME: $crate::registry::Rule = $crate::registry::Rule {
            code: $code,
            name: $name,
            severity: $crate::Severity::$sev,
            status: $crate::declare_rule!(@status $($status)?),
            catalogue: &[$($cat),*],
            needs_task_definition: $crate::declare_rule!(@td $($td)?),
            live: $crate::declare_rule!(@td $($live)?),
            docs: $crate::declare_rule!(@docs concat!($($doc, "\n"),*)),
            check: $check,
        };
    };
    (@status) => { $crate::registry::Status::Stable };
    (@status $s:ident) => { $crate::registry::Status::$s };
    (@docs $docs:expr) => { if cfg!(feature = "docs") { $docs } else { "" } };
    (@td) => { false };
    (@td $td:literal) => { $td };
}

/// Every rule, in code order.
#[must_use]
pub fn rules() -> &'static [&'static Rule] {
    static ALL: std::sync::OnceLock<Vec<&'static Rule>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        let mut all: Vec<&'static Rule> = crate::rules::AREAS.iter().flat_map(|a| a.iter().copied()).collect();
        all.sort_by_key(|r| r.code);
        all
    })
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
