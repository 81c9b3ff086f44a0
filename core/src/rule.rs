//! What a rule is: its code, name, severity, the catalogue rows it implements and its
//! documentation. Metadata only: the check that goes with it lives beside it in `rules/` and is
//! joined to it there ([`crate::rules`]), so this module needs nothing above the diagnostics.

use crate::diagnostics::{Diagnostic, Severity};

/// Whether a rule is settled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Stable,
    /// New or of uncertain AWS behaviour; still enabled by default.
    Preview,
}

/// What a rule is about, across the areas of `rules/` (a tag rule may live with the volumes or
/// the task definition rules): every rule has at least one, and `docs/rules.md` lists the rules
/// by topic. To find every tag rule: `Topic::Tags`, or "Tags" in docs/rules.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Topic {
    Input,
    Shape,
    RequestMembers,
    LaunchType,
    TaskSize,
    PlatformVersion,
    ContainerOverrides,
    Environment,
    Iam,
    Network,
    Tags,
    Placement,
    Volumes,
    EphemeralStorage,
    Exec,
    Gpu,
    Windows,
    Ids,
    /// Where a request lives: state machines, templates, EventBridge targets, command lines.
    Dialects,
    Live,
}

impl Topic {
    /// Every topic, in the order docs/rules.md lists them.
    pub const ALL: &'static [Topic] = &[
        Topic::Input,
        Topic::Shape,
        Topic::RequestMembers,
        Topic::LaunchType,
        Topic::TaskSize,
        Topic::PlatformVersion,
        Topic::ContainerOverrides,
        Topic::Environment,
        Topic::Iam,
        Topic::Network,
        Topic::Tags,
        Topic::Placement,
        Topic::Volumes,
        Topic::EphemeralStorage,
        Topic::Exec,
        Topic::Gpu,
        Topic::Windows,
        Topic::Ids,
        Topic::Dialects,
        Topic::Live,
    ];

    /// The heading in docs/rules.md.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Topic::Input => "Input and JSON",
            Topic::Shape => "Members, types and limits of the API model",
            Topic::RequestMembers => "Task definition, cluster and other top-level members",
            Topic::LaunchType => "Launch type and capacity providers",
            Topic::TaskSize => "Task size (cpu and memory)",
            Topic::PlatformVersion => "Platform version",
            Topic::ContainerOverrides => "Container overrides",
            Topic::Environment => "Environment variables and files",
            Topic::Iam => "IAM roles",
            Topic::Network => "Networking",
            Topic::Tags => "Tags",
            Topic::Placement => "Task placement",
            Topic::Volumes => "EBS volumes",
            Topic::EphemeralStorage => "Ephemeral storage",
            Topic::Exec => "ECS Exec",
            Topic::Gpu => "GPUs and accelerators",
            Topic::Windows => "Windows",
            Topic::Ids => "IDs and ARNs",
            Topic::Dialects => "Requests in state machines, templates, EventBridge targets and command lines",
            Topic::Live => "Against the AWS account (`--live`)",
        }
    }
}

/// A rule: its metadata and documentation.
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
    /// What it is about, across areas.
    pub topics: &'static [Topic],
    /// Markdown, from the rule's doc comment: What it checks, Why it matters, Invalid example,
    /// Valid example, How to fix, Reference.
    pub docs: &'static str,
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.code, self.name)
    }
}

impl Rule {
    /// Whether what the rule reads is there: it needs no task definition, or one is given.
    /// [`crate::Options::enables`] and the check ask this one question, and `rules::built` asks it
    /// of the build (whether it has the task-definition rules at all).
    #[must_use]
    #[inline]
    pub const fn has_its_input(&self, has_task_definition: bool) -> bool {
        !self.needs_task_definition || has_task_definition
    }

    /// A finding of this rule at `pointer`, with the rule's severity, no help, note, labels or fix,
    /// and no position yet: give it one with [`Diagnostic::set_position`].
    #[must_use]
    pub fn diagnostic(&self, pointer: String, message: String) -> Diagnostic {
        Diagnostic {
            severity: self.severity,
            code: self.code,
            pointer,
            line: 0,
            column: 0,
            message,
            help: None,
            name: self.name,
            note: None,
            member: None,
            end_line: 0,
            end_column: 0,
            utf16_column: 0,
            utf16_end_column: 0,
            start: 0,
            end: 0,
            utf16_start: 0,
            utf16_end: 0,
            labels: Vec::new(),
            fix: None,
            catalogue: self.catalogue,
            request: None,
            location: None,
        }
    }

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

    /// Whether a `select`/`ignore` entry names this rule: its code or a prefix of it (at least
    /// two characters, any case), or its name.
    #[must_use]
    pub fn is_selected_by(&self, entry: &str) -> bool {
        self.name == entry || (entry.len() >= 2 && self.code.len() >= entry.len() && self.code[..entry.len()].eq_ignore_ascii_case(entry))
    }

    /// The first paragraph of "What it checks", as one line.
    #[must_use]
    pub fn summary(&self) -> String {
        let doc = self.documentation();
        let body = doc.split("## What it checks").nth(1).unwrap_or(&doc);
        body.trim_start().split("\n\n").next().unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The first fenced block under `## heading` of the docs, with its language (`json`, `yaml`,
    /// `sh`): the dialect rules' examples are state machines, templates and scripts.
    #[must_use]
    pub fn example_block(&self, heading: &str) -> Option<(String, String)> {
        let doc = self.documentation();
        let section = doc.split(&format!("## {heading}\n")).nth(1)?;
        let section = section.split("\n## ").next()?;
        let open = section.find("```")? + 3;
        let lang_end = section[open..].find('\n')? + open;
        let end = section[lang_end..].find("```")? + lang_end;
        Some((section[open..lang_end].trim().to_owned(), section[lang_end..end].trim().to_owned()))
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

/// Declares a rule from a doc comment and its metadata. The rule's `check` is joined to it in
/// its area's list (`checks![...]` in `rules/<area>/mod.rs`).
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
///         topics: [LaunchType],
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
            $(topics: [$($topic:ident),* $(,)?],)?
        };
    ) => {
        pub static $NAME: $crate::rule::Rule = $crate::rule::Rule {
            code: $code,
            name: $name,
            severity: $crate::diagnostics::Severity::$sev,
            status: $crate::declare_rule!(@status $($status)?),
            catalogue: &[$($cat),*],
            needs_task_definition: $crate::declare_rule!(@td $($td)?),
            live: $crate::declare_rule!(@td $($live)?),
            topics: &[$($($crate::rule::Topic::$topic),*)?],
            docs: $crate::declare_rule!(@docs concat!($($doc, "\n"),*)),
        };
    };
    (@status) => { $crate::rule::Status::Stable };
    (@status $s:ident) => { $crate::rule::Status::$s };
    (@docs $docs:expr) => { if cfg!(feature = "docs") { $docs } else { "" } };
    (@td) => { false };
    (@td $td:literal) => { $td };
}
