//! The syntax tree of a cluster query language expression. Every span is a byte range of the
//! expression string (not of the JSON source).

use crate::json::TextRange;

/// An expression: comparisons joined by `and`/`or`, negated by `not`, grouped by parentheses.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expr<'a> {
    /// Two or more operands joined by `or`/`||`.
    Or { items: Vec<Expr<'a>>, span: TextRange },
    /// Two or more operands joined by `and`/`&&`.
    And { items: Vec<Expr<'a>>, span: TextRange },
    /// `not x` / `!x`; `op` is the span of `not`/`!`.
    Not { inner: Box<Expr<'a>>, op: TextRange, span: TextRange },
    /// `( … )`.
    Paren { inner: Box<Expr<'a>>, span: TextRange },
    Compare(Comparison<'a>),
}

impl<'a> Expr<'a> {
    #[must_use]
    pub fn span(&self) -> TextRange {
        match self {
            Expr::Or { span, .. } | Expr::And { span, .. } | Expr::Not { span, .. } | Expr::Paren { span, .. } => *span,
            Expr::Compare(c) => c.span,
        }
    }

    /// Every comparison, in source order.
    #[must_use]
    pub fn comparisons(&self) -> Vec<&Comparison<'a>> {
        let mut out = Vec::new();
        let mut stack = vec![self];
        while let Some(e) = stack.pop() {
            match e {
                Expr::Or { items, .. } | Expr::And { items, .. } => stack.extend(items.iter().rev()),
                Expr::Not { inner, .. } | Expr::Paren { inner, .. } => stack.push(inner),
                Expr::Compare(c) => out.push(c),
            }
        }
        out
    }
}

/// `subject operator [argument]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison<'a> {
    pub subject: Subject<'a>,
    pub subject_span: TextRange,
    pub op: Operator,
    pub op_span: TextRange,
    pub arg: Argument<'a>,
    pub span: TextRange,
}

impl<'a> Comparison<'a> {
    /// The argument's values: none, one, or the list's.
    #[must_use]
    pub fn values(&self) -> &[Value<'a>] {
        match &self.arg {
            Argument::None => &[],
            Argument::One(v) => std::slice::from_ref(v),
            Argument::List { items, .. } => items,
        }
    }
}

/// What a comparison looks at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject<'a> {
    AgentConnected,
    AgentVersion,
    Ec2InstanceId,
    RegisteredAt,
    RunningTasksCount,
    /// `task:group`
    TaskGroup,
    /// `attribute:<name>`; the name may be empty or contain characters attribute names can't
    /// (see [`crate::query::check_attribute_names`]).
    Attribute(&'a str),
}

impl<'a> Subject<'a> {
    /// The subjects other than `attribute:<name>`, as written.
    pub const FIXED: &'static [(&'static str, Subject<'static>)] = &[
        ("agentConnected", Subject::AgentConnected),
        ("agentVersion", Subject::AgentVersion),
        ("ec2InstanceId", Subject::Ec2InstanceId),
        ("registeredAt", Subject::RegisteredAt),
        ("runningTasksCount", Subject::RunningTasksCount),
        ("task:group", Subject::TaskGroup),
    ];

    /// The subject a word names, if any.
    #[must_use]
    pub fn from_word(w: &'a str) -> Option<Self> {
        if let Some(name) = w.strip_prefix("attribute:") {
            return Some(Subject::Attribute(name));
        }
        Self::FIXED.iter().find(|(s, _)| *s == w).map(|(_, s)| *s)
    }

    /// The operators the developer guide lists for the subject; None when it lists none
    /// (`task:group`, `attribute:<name>`).
    #[must_use]
    pub fn allowed_operators(self) -> Option<&'static [Operator]> {
        use Operator::*;
        match self {
            Subject::AgentConnected | Subject::Ec2InstanceId => Some(&[Eq, Ne, In, NotIn, Matches, NotMatches]),
            Subject::AgentVersion | Subject::RegisteredAt | Subject::RunningTasksCount => Some(&[Eq, Ne, Gt, Ge, Lt, Le]),
            Subject::TaskGroup | Subject::Attribute(_) => None,
        }
    }
}

/// A comparison operator (both spellings of each are one operator).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Operator {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
    In,
    NotIn,
    Matches,
    NotMatches,
    Exists,
    NotExists,
}

/// What kind of argument an operator takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OperandKind {
    /// One value.
    Value,
    /// A list `[a, b]`.
    List,
    /// A Java regular expression.
    Pattern,
    /// Nothing.
    None,
}

impl Operator {
    /// The word spelling of each operator, with the operator.
    pub const WORDS: &'static [(&'static str, Operator)] = &[
        ("equals", Operator::Eq),
        ("not_equals", Operator::Ne),
        ("greater_than", Operator::Gt),
        ("greater_than_equal", Operator::Ge),
        ("less_than", Operator::Lt),
        ("less_than_equal", Operator::Le),
        ("in", Operator::In),
        ("not_in", Operator::NotIn),
        ("matches", Operator::Matches),
        ("not_matches", Operator::NotMatches),
        ("exists", Operator::Exists),
        ("not_exists", Operator::NotExists),
    ];

    #[must_use]
    pub fn from_word(w: &str) -> Option<Self> {
        Self::WORDS.iter().find(|(s, _)| *s == w).map(|(_, o)| *o)
    }

    /// The symbol spelling (`in` and `exists` have none besides the word).
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            Operator::Eq => "==",
            Operator::Ne => "!=",
            Operator::Gt => ">",
            Operator::Ge => ">=",
            Operator::Lt => "<",
            Operator::Le => "<=",
            Operator::In => "in",
            Operator::NotIn => "!in",
            Operator::Matches => "=~",
            Operator::NotMatches => "!~",
            Operator::Exists => "exists",
            Operator::NotExists => "!exists",
        }
    }

    #[must_use]
    pub fn operand(self) -> OperandKind {
        match self {
            Operator::Eq | Operator::Ne | Operator::Gt | Operator::Ge | Operator::Lt | Operator::Le => OperandKind::Value,
            Operator::In | Operator::NotIn => OperandKind::List,
            Operator::Matches | Operator::NotMatches => OperandKind::Pattern,
            Operator::Exists | Operator::NotExists => OperandKind::None,
        }
    }

    /// The operator that holds exactly when this one does not (for `not x`).
    #[must_use]
    pub fn negated(self) -> Self {
        match self {
            Operator::Eq => Operator::Ne,
            Operator::Ne => Operator::Eq,
            Operator::Gt => Operator::Le,
            Operator::Ge => Operator::Lt,
            Operator::Lt => Operator::Ge,
            Operator::Le => Operator::Gt,
            Operator::In => Operator::NotIn,
            Operator::NotIn => Operator::In,
            Operator::Matches => Operator::NotMatches,
            Operator::NotMatches => Operator::Matches,
            Operator::Exists => Operator::NotExists,
            Operator::NotExists => Operator::Exists,
        }
    }
}

/// The argument of a comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Argument<'a> {
    /// `exists` / `not_exists`.
    None,
    One(Value<'a>),
    /// `[a, b]`; `span` covers the brackets.
    List { items: Vec<Value<'a>>, span: TextRange },
}

/// A value, quoted (`'a b'`) or bare (`t2.small`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Value<'a> {
    /// The text without quotes.
    pub text: &'a str,
    pub quoted: bool,
    /// The value as written, quotes included.
    pub span: TextRange,
}

impl Value<'_> {
    /// The span of the text without quotes.
    #[must_use]
    pub fn text_span(&self) -> TextRange {
        if self.quoted {
            TextRange::new(self.span.start + 1, self.span.end - 1)
        } else {
            self.span
        }
    }
}
