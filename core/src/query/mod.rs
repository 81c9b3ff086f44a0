//! The cluster query language of `memberOf` placement constraints (ECS developer guide, "Cluster
//! query language"; grammar and static checks in `spec/rules.md` §11.2).
//!
//! [`parse`] turns an expression into an [`Expr`] whose spans are byte ranges of the expression
//! string, or a [`SyntaxError`] with such a span. The static checks work on the tree:
//! [`check_operators`] (operators a subject takes), [`check_arguments`] (`registeredAt` dates and
//! the other subjects' value shapes), [`check_patterns`] (Java regular expressions after
//! `matches`), [`check_attribute_names`], [`check_and_or_mix`] (and/or without parentheses), and
//! [`facts`] with [`conflicts`] (comparisons that can never all hold). [`analyze`] runs the parser
//! and every single-expression check once per distinct text and remembers the last results, so
//! the rules that each report one kind of finding share one parse.
//!
//! ```
//! use runtask_core::query::{parse, check_operators};
//! let e = parse("agentVersion in [1.14.5]").unwrap();
//! let issues = check_operators("agentVersion in [1.14.5]", &e);
//! assert_eq!(issues[0].message, "`agentVersion` can't be used with `in`");
//! let err = parse("attribute:ecs.instance-type").unwrap_err();
//! assert_eq!(err.message, "expected an operator after `attribute:ecs.instance-type`");
//! ```

mod ast;
mod checks;
mod lexer;
mod parser;
pub mod regex;

pub use ast::{Argument, Comparison, Expr, OperandKind, Operator, Subject, Value};
pub use checks::{
    check_and_or_mix, check_arguments, check_attribute_names, check_date, check_operators, check_patterns, conflicts, facts, Conflict,
    Fact, BUILT_IN_ATTRIBUTES,
};
pub use parser::{parse, BARE_PUNCTUATION, MAX_DEPTH};


use crate::json::TextRange;
use crate::diagnostics::Severity;

/// A replacement for the text at an error's or issue's span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replacement {
    pub text: String,
    /// Whether it keeps what the author evidently meant.
    pub safe: bool,
}

/// Why an expression does not parse. `span` is a byte range of the expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub span: TextRange,
    pub message: String,
    pub help: Option<String>,
    pub fix: Option<Replacement>,
}

/// A finding of a static check. `span` is a byte range of the expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub span: TextRange,
    pub message: String,
    pub help: Option<String>,
    /// The finding's severity when it differs from the rule's.
    pub severity: Option<Severity>,
    pub fix: Option<Replacement>,
}

impl Issue {
    pub(crate) fn new(span: TextRange, message: impl Into<String>) -> Self {
        Issue { span, message: message.into(), help: None, severity: None, fix: None }
    }

    #[inline(never)]
    pub(crate) fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub(crate) fn severity(mut self, severity: Severity) -> Self {
        self.severity = Some(severity);
        self
    }

    pub(crate) fn fix(mut self, text: String, safe: bool) -> Self {
        self.fix = Some(Replacement { text, safe });
        self
    }
}

/// The parse result and the findings of every single-expression check.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Why the expression does not parse; the checks are empty then.
    pub syntax: Option<SyntaxError>,
    pub operators: Vec<Issue>,
    pub arguments: Vec<Issue>,
    pub patterns: Vec<Issue>,
    pub attribute_names: Vec<Issue>,
    pub and_or: Vec<Issue>,
}

/// Parses `text` and runs every single-expression check.
#[must_use]
pub fn analyze(text: &str) -> Analysis {
    match parse(text) {
        Err(e) => Analysis { syntax: Some(e), ..Analysis::default() },
        Ok(expr) => Analysis {
            syntax: None,
            operators: check_operators(text, &expr),
            arguments: check_arguments(text, &expr),
            patterns: check_patterns(text, &expr),
            attribute_names: check_attribute_names(text, &expr),
            and_or: check_and_or_mix(text, &expr),
        },
    }
}

/// The text of `span` in `src`.
#[must_use]
#[inline(never)]
pub fn slice(src: &str, span: TextRange) -> &str {
    src.get(span.start as usize..span.end as usize).unwrap_or("")
}

#[cfg(test)]
mod tests;
