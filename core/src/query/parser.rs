//! Recursive-descent parser for the grammar of `spec/rules.md` §11.2:
//!
//! ```text
//! expression = and_expr { ("||" | "or") and_expr }
//! and_expr   = not_expr { ("&&" | "and") not_expr }
//! not_expr   = { "!" | "not" } primary
//! primary    = "(" expression ")" | comparison
//! comparison = subject operator [argument]
//! ```
//!
//! It stops at the first error, which has a span inside the expression, a message that says
//! what was expected and what was found, and often a help and an evident replacement.

use super::ast::{Argument, Comparison, Expr, Operator, Subject, Value};
use super::lexer::{Lexer, Sym, TokKind, Token};
use super::{Replacement, SyntaxError};
use crate::diagnostics::message::closest;
use crate::json::TextRange;

/// Parentheses and `not` nest at most this deep.
pub const MAX_DEPTH: u32 = 64;

/// Characters a bare (unquoted) value may contain besides letters and digits.
pub const BARE_PUNCTUATION: &str = ".-_:/\\@*+?^${}";

const OPERATOR_LIST: &str = "==, !=, >, >=, <, <=, in, !in, =~, !~, exists, !exists (or equals, not_equals, greater_than, greater_than_equal, less_than, less_than_equal, not_in, matches, not_matches, not_exists)";
const SUBJECT_LIST: &str = "agentConnected, agentVersion, ec2InstanceId, registeredAt, runningTasksCount, task:group or attribute:<name>";
const QUOTING: &str = "quote values that contain spaces or any of , [ ] ( ) ' = ! < > & | with single quotes: 'a value'";

/// Built-in attribute names, for "write `attribute:` before it".
const BUILT_IN_SUFFIXES: &[&str] = &[
    "ami-id",
    "availability-zone",
    "instance-type",
    "os-type",
    "os-family",
    "cpu-architecture",
    "vpc-id",
    "subnet-id",
    "awsvpc-trunk-id",
    "outpost-arn",
];

/// Parses a `memberOf` expression.
pub fn parse(src: &str) -> Result<Expr<'_>, SyntaxError> {
    let mut p = Parser::new(src);
    if p.tok.kind == TokKind::Eof {
        return Err(SyntaxError::new(TextRange::new(0, src.len() as u32), "the expression is empty")
            .help("write a comparison such as `attribute:ecs.instance-type == t2.small`"));
    }
    let e = p.or_expr()?;
    match p.tok.kind {
        TokKind::Eof => Ok(e),
        TokKind::RParen => Err(SyntaxError::new(p.tok.span, "unmatched `)`: no `(` before it is still open")
            .help("remove the `)` or add the matching `(`")),
        _ => Err(p.after_operand_error(false)),
    }
}

fn is_reserved(w: &str) -> bool {
    matches!(w, "and" | "or" | "not")
}

fn is_operator_word(w: &str) -> bool {
    is_reserved(w) || Operator::from_word(w).is_some()
}

struct Parser<'a> {
    src: &'a str,
    lexer: Lexer<'a>,
    tok: Token<'a>,
    prev: Option<Token<'a>>,
    /// The token before `prev`.
    before_prev: Option<Token<'a>>,
    depth: u32,
    /// The last complete comparison, for "after …" messages.
    last: Option<(TextRange, Operator)>,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str) -> Self {
        let mut lexer = Lexer::new(src);
        let tok = lexer.next_token();
        Parser { src, lexer, tok, prev: None, before_prev: None, depth: 0, last: None }
    }

    fn bump(&mut self) -> Token<'a> {
        let t = self.tok;
        self.before_prev = self.prev;
        self.prev = Some(t);
        self.tok = self.lexer.next_token();
        t
    }

    fn text(&self, span: TextRange) -> &'a str {
        &self.src[span.start as usize..span.end as usize]
    }

    /// The token for messages: `` `x` `` or "the end of the expression".
    fn describe(&self, t: Token<'_>) -> String {
        match t.kind {
            TokKind::Eof => "the end of the expression".to_owned(),
            TokKind::UnclosedQuote => "an unclosed `'`".to_owned(),
            TokKind::Bad(c) if c.is_control() => format!("the control character U+{:04X}", c as u32),
            _ => format!("`{}`", short(self.text(t.span))),
        }
    }

    fn is_or(&self) -> bool {
        matches!(self.tok.kind, TokKind::Sym(Sym::Or) | TokKind::Word("or"))
    }

    fn is_and(&self) -> bool {
        matches!(self.tok.kind, TokKind::Sym(Sym::And) | TokKind::Word("and"))
    }

    fn is_not(&self) -> bool {
        matches!(self.tok.kind, TokKind::Sym(Sym::Not) | TokKind::Word("not"))
    }

    /// Consumes the current token, a word operator when it is a word: it needs whitespace
    /// between itself and a quoted value.
    fn bump_operator(&mut self) -> Result<Token<'a>, SyntaxError> {
        let t = self.bump();
        if let TokKind::Word(w) = t.kind {
            let prev_quoted = self.before_prev.is_some_and(|p| matches!(p.kind, TokKind::Quoted(_)));
            if !t.space_before && prev_quoted {
                return Err(SyntaxError::new(t.span, format!("put a space before `{w}`: word operators need whitespace around them"))
                    .fix(format!(" {w}"), true));
            }
            if !self.tok.space_before && matches!(self.tok.kind, TokKind::Quoted(_) | TokKind::UnclosedQuote) {
                return Err(SyntaxError::new(t.span, format!("put a space after `{w}`: word operators need whitespace around them"))
                    .fix(format!("{w} "), true));
            }
        }
        Ok(t)
    }

    fn deeper(&mut self, at: TextRange) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(SyntaxError::new(at, format!("parentheses and `not` are nested more than {MAX_DEPTH} levels deep"))
                .help("simplify the expression"));
        }
        Ok(())
    }

    fn or_expr(&mut self) -> Result<Expr<'a>, SyntaxError> {
        let first = self.and_expr()?;
        if !self.is_or() {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.is_or() {
            self.bump_operator()?;
            items.push(self.and_expr()?);
        }
        let span = TextRange::new(items[0].span().start, items[items.len() - 1].span().end);
        Ok(Expr::Or { items, span })
    }

    fn and_expr(&mut self) -> Result<Expr<'a>, SyntaxError> {
        let first = self.not_expr()?;
        if !self.is_and() {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.is_and() {
            self.bump_operator()?;
            items.push(self.not_expr()?);
        }
        let span = TextRange::new(items[0].span().start, items[items.len() - 1].span().end);
        Ok(Expr::And { items, span })
    }

    fn not_expr(&mut self) -> Result<Expr<'a>, SyntaxError> {
        let saved = self.depth;
        let mut nots = Vec::new();
        while self.is_not() {
            let t = self.bump();
            if let TokKind::Word(w) = t.kind {
                // `not(` is fine (a published example); `not'x'` is not.
                if !self.tok.space_before && matches!(self.tok.kind, TokKind::Quoted(_) | TokKind::UnclosedQuote) {
                    return Err(SyntaxError::new(t.span, format!("put a space after `{w}`")).fix(format!("{w} "), true));
                }
            }
            self.deeper(t.span)?;
            nots.push(t.span);
        }
        let mut e = self.primary()?;
        for op in nots.into_iter().rev() {
            let span = TextRange::new(op.start, e.span().end);
            e = Expr::Not { inner: Box::new(e), op, span };
        }
        self.depth = saved;
        Ok(e)
    }

    fn primary(&mut self) -> Result<Expr<'a>, SyntaxError> {
        if self.tok.kind != TokKind::LParen {
            return self.comparison().map(Expr::Compare);
        }
        let open = self.bump();
        self.deeper(open.span)?;
        let inner = self.or_expr()?;
        self.depth -= 1;
        match self.tok.kind {
            TokKind::RParen => {
                let close = self.bump();
                Ok(Expr::Paren { inner: Box::new(inner), span: TextRange::new(open.span.start, close.span.end) })
            }
            TokKind::Eof => Err(SyntaxError::new(open.span, "unclosed `(`: the expression ends before its `)`").help("add `)` where the group ends")),
            _ => Err(self.after_operand_error(true)),
        }
    }

    fn comparison(&mut self) -> Result<Comparison<'a>, SyntaxError> {
        let t = self.tok;
        let TokKind::Word(word) = t.kind else { return Err(self.expected_subject()) };
        if is_operator_word(word) {
            return Err(self.expected_subject());
        }
        let Some(subject) = Subject::from_word(word) else { return Err(self.unknown_subject(t, word)) };
        self.bump();
        let op_tok = self.tok;
        let op = match op_tok.kind {
            TokKind::Sym(s) => match s {
                Sym::Eq => Some(Operator::Eq),
                Sym::Ne => Some(Operator::Ne),
                Sym::Gt => Some(Operator::Gt),
                Sym::Ge => Some(Operator::Ge),
                Sym::Lt => Some(Operator::Lt),
                Sym::Le => Some(Operator::Le),
                Sym::Match => Some(Operator::Matches),
                Sym::NotMatch => Some(Operator::NotMatches),
                Sym::NotIn => Some(Operator::NotIn),
                Sym::NotExists => Some(Operator::NotExists),
                Sym::And | Sym::Or | Sym::Not => None,
            },
            TokKind::Word(w) => Operator::from_word(w),
            _ => None,
        };
        let Some(op) = op else { return Err(self.expected_operator(t)) };
        self.bump_operator()?;
        let op_text = self.text(op_tok.span);
        let arg = match op.operand() {
            super::ast::OperandKind::Value | super::ast::OperandKind::Pattern => Argument::One(self.value(op_tok, op)?),
            super::ast::OperandKind::List => self.list(op_tok, op_text)?,
            super::ast::OperandKind::None => Argument::None,
        };
        let end = self.prev.map_or(op_tok.span.end, |p| p.span.end);
        let span = TextRange::new(t.span.start, end);
        self.last = Some((span, op));
        Ok(Comparison { subject, subject_span: t.span, op, op_span: op_tok.span, arg, span })
    }

    /// A single value after `after` (an operator, `[` or `,`).
    fn value(&mut self, after: Token<'a>, op: Operator) -> Result<Value<'a>, SyntaxError> {
        let t = self.tok;
        let after_text = self.text(after.span);
        let in_list = matches!(after.kind, TokKind::LBracket | TokKind::Comma);
        let what = if op.operand() == super::ast::OperandKind::Pattern { "a pattern" } else { "a value" };
        let value = match t.kind {
            TokKind::Quoted(text) => Value { text, quoted: true, span: t.span },
            TokKind::Word(w) if !is_reserved(w) => {
                if let Some((i, c)) = w.char_indices().find(|&(_, c)| !(c.is_alphanumeric() || BARE_PUNCTUATION.contains(c))) {
                    let at = t.span.start + i as u32;
                    return Err(SyntaxError::new(TextRange::new(at, at + c.len_utf8() as u32), format!("`{c}` can't appear in an unquoted value"))
                        .help(format!("quote the value: '{w}'")));
                }
                Value { text: w, quoted: false, span: t.span }
            }
            TokKind::UnclosedQuote => {
                return Err(SyntaxError::new(TextRange::new(t.span.start, t.span.start + 1), "unclosed `'`: the quoted value has no closing quote")
                    .help("add the closing `'`"));
            }
            TokKind::Eof => {
                return Err(SyntaxError::new(after.span, format!("expected {what} after `{after_text}`")).help(if in_list {
                    "finish the list, e.g. [a, b]".to_owned()
                } else {
                    format!("e.g. `{after_text} value`")
                }));
            }
            TokKind::LBracket if !in_list => {
                let help = if op.operand() == super::ast::OperandKind::Pattern {
                    "quote a pattern that contains `[`, e.g. '[a-c].*'".to_owned()
                } else {
                    let list_op = if op == Operator::Ne { "not_in" } else { "in" };
                    format!("to compare with several values, use `{list_op} [a, b]`")
                };
                return Err(SyntaxError::new(t.span, format!("`{after_text}` takes a single value, not a list")).help(help));
            }
            TokKind::RBracket if after.kind == TokKind::Comma => {
                return Err(SyntaxError::new(after.span, "expected a value after `,`: the list ends with a comma").help("remove the trailing comma").fix(String::new(), true));
            }
            TokKind::Comma if in_list => {
                let message = if after.kind == TokKind::LBracket { "expected a value before `,`" } else { "expected a value between the commas" };
                return Err(SyntaxError::new(t.span, message).help("remove the extra comma"));
            }
            TokKind::Bad('"') => {
                let rest = &self.src[t.span.end as usize..];
                let help = match rest.find('"') {
                    Some(i) => format!("write '{}'", short(&rest[..i])),
                    None => "quote values with single quotes: 'a value'".to_owned(),
                };
                return Err(SyntaxError::new(t.span, "values are quoted with single quotes (`'`), not double quotes").help(help));
            }
            TokKind::Word(w) => {
                return Err(SyntaxError::new(t.span, format!("expected {what} after `{after_text}`, found the operator `{w}`")).help(format!("quote it if it is a value: '{w}'")));
            }
            _ => {
                return Err(SyntaxError::new(t.span, format!("expected {what} after `{after_text}`, found {}", self.describe(t))).help(QUOTING));
            }
        };
        self.bump();
        // A bare value glued to a character that ends words: `a|b`, `a#b(`, `x'y'`.
        if !value.quoted && !self.tok.space_before {
            let glued = match self.tok.kind {
                TokKind::Bad(c) if !c.is_control() && c != '"' => Some(c.to_string()),
                TokKind::LParen => Some("(".to_owned()),
                TokKind::LBracket => Some("[".to_owned()),
                TokKind::Quoted(_) | TokKind::UnclosedQuote => Some("'".to_owned()),
                _ => None,
            };
            if let Some(c) = glued {
                let rest = &self.src[value.span.start as usize..];
                let whole = &rest[..rest.find([' ', '\t']).unwrap_or(rest.len())];
                return Err(SyntaxError::new(self.tok.span, format!("`{c}` can't appear in an unquoted value"))
                    .help(format!("quote the whole value: '{}'", short(whole))));
            }
        }
        Ok(value)
    }

    /// `[a, b]` after `in`/`not_in`.
    fn list(&mut self, op_tok: Token<'a>, op_text: &str) -> Result<Argument<'a>, SyntaxError> {
        let t = self.tok;
        let need = || format!("`{op_text}` needs a list such as ['a', 'b']");
        let open = match t.kind {
            TokKind::LBracket => self.bump(),
            TokKind::Word(w) if !is_reserved(w) => {
                return Err(SyntaxError::new(t.span, need()).help(format!("put the value in brackets: [{w}]")).fix(format!("[{w}]"), true));
            }
            TokKind::Quoted(_) => {
                let v = self.text(t.span);
                return Err(SyntaxError::new(t.span, need()).help(format!("put the value in brackets: [{v}]")).fix(format!("[{v}]"), true));
            }
            TokKind::Eof => return Err(SyntaxError::new(op_tok.span, need())),
            _ => return Err(SyntaxError::new(t.span, format!("{}, found {}", need(), self.describe(t)))),
        };
        let mut items = Vec::new();
        let mut after = open;
        loop {
            match self.tok.kind {
                TokKind::RBracket if items.is_empty() => {
                    let close = self.tok.span;
                    return Err(SyntaxError::new(TextRange::new(open.span.start, close.end), format!("the list after `{op_text}` is empty"))
                        .help("put at least one value in the list"));
                }
                TokKind::Eof => return Err(self.unclosed_list(open)),
                _ => items.push(self.value(after, Operator::In)?),
            }
            match self.tok.kind {
                TokKind::Comma => after = self.bump(),
                TokKind::RBracket => {
                    let close = self.bump();
                    return Ok(Argument::List { items, span: TextRange::new(open.span.start, close.span.end) });
                }
                TokKind::Eof => return Err(self.unclosed_list(open)),
                _ => {
                    let last = items[items.len() - 1];
                    return Err(SyntaxError::new(self.tok.span, format!("expected `,` or `]` after `{}`, found {}", short(self.text(last.span)), self.describe(self.tok)))
                        .help(format!("separate list values with commas; {QUOTING}")));
                }
            }
        }
    }

    fn unclosed_list(&self, open: Token<'a>) -> SyntaxError {
        SyntaxError::new(open.span, "unclosed `[`: the expression ends before the list's `]`").help("close the list with `]`")
    }

    fn expected_subject(&self) -> SyntaxError {
        let t = self.tok;
        let example = "a subject such as `attribute:ecs.instance-type`";
        let after = match self.prev {
            None => String::new(),
            Some(p) => format!(" after `{}`", short(self.text(p.span))),
        };
        match t.kind {
            TokKind::Eof => {
                let span = self.prev.map_or(t.span, |p| p.span);
                SyntaxError::new(span, format!("expected {example}{after}")).help("complete the comparison: `subject operator value`")
            }
            TokKind::Quoted(q) if Subject::from_word(q).is_some() => {
                SyntaxError::new(t.span, format!("the subject `{q}` can't be quoted")).help("remove the quotes").fix(q.to_owned(), true)
            }
            TokKind::RParen if self.prev.is_some_and(|p| p.kind == TokKind::LParen) => {
                SyntaxError::new(t.span, "empty parentheses: expected a comparison inside `( )`").help("put a comparison inside or remove the parentheses")
            }
            _ => SyntaxError::new(t.span, format!("expected {example}{after}, found {}", self.describe(t))).help(format!("a comparison starts with a subject: {SUBJECT_LIST}")),
        }
    }

    fn unknown_subject(&self, t: Token<'a>, word: &str) -> SyntaxError {
        let at = t.span;
        // Wrong case of a subject or of the `attribute:` prefix.
        if let Some((s, _)) = Subject::FIXED.iter().find(|(s, _)| s.eq_ignore_ascii_case(word)) {
            return SyntaxError::new(at, format!("unknown subject `{word}`: subjects are case-sensitive")).help(format!("write `{s}`")).fix((*s).to_owned(), true);
        }
        let lower = word.to_ascii_lowercase();
        for prefix in ["attribute:", "attributes:", "attribute.", "attr:", "attribute/"] {
            if lower.starts_with(prefix) && word.len() > prefix.len() {
                let fixed = format!("attribute:{}", &word[prefix.len()..]);
                return SyntaxError::new(at, format!("unknown subject `{}`: attributes are written `attribute:<name>`", short(word))).help(format!("write `{fixed}`")).fix(fixed, true);
            }
        }
        let bare = word.strip_prefix("ecs.").unwrap_or(word);
        if word.starts_with("ecs.") || BUILT_IN_SUFFIXES.contains(&bare) {
            let fixed = format!("attribute:ecs.{bare}");
            return SyntaxError::new(at, format!("`{}` is an attribute, which needs the `attribute:` prefix", short(word))).help(format!("write `{fixed}`")).fix(fixed, true);
        }
        let subjects: Vec<&str> = Subject::FIXED.iter().map(|(s, _)| *s).collect();
        if let Some(s) = closest(word, &subjects).map(|s| s.name) {
            return SyntaxError::new(at, format!("unknown subject `{}`", short(word))).help(format!("did you mean `{s}`?")).fix(s.to_owned(), false);
        }
        let looks_like_name = word.chars().next().is_some_and(char::is_alphabetic) && !word.contains(':');
        let help = if looks_like_name {
            format!("subjects are {SUBJECT_LIST}; for a custom attribute write `attribute:{}`", short(word))
        } else {
            format!("subjects are {SUBJECT_LIST}")
        };
        let e = SyntaxError::new(at, format!("unknown subject `{}`", short(word))).help(help);
        if looks_like_name {
            e.fix(format!("attribute:{word}"), false)
        } else {
            e
        }
    }

    fn expected_operator(&self, subject: Token<'a>) -> SyntaxError {
        let t = self.tok;
        let s = short(self.text(subject.span));
        match t.kind {
            TokKind::Eof => SyntaxError::new(subject.span, format!("expected an operator after `{s}`")).help(format!("e.g. `{s} == value`; operators: {OPERATOR_LIST}")),
            TokKind::Bad('=') => SyntaxError::new(t.span, "`=` is not an operator").help("use `==` to test equality").fix("==".to_owned(), true),
            TokKind::Word(w) if w.eq_ignore_ascii_case("not") => {
                // `not in`, `not exists`, ...: the negated operators are one word.
                let next = Lexer::at(self.src, t.span.end as usize).next_token();
                match next.kind {
                    TokKind::Word(op) if matches!(op, "in" | "exists" | "equals" | "matches") => {
                        let joined = format!("not_{op}");
                        SyntaxError::new(TextRange::new(t.span.start, next.span.end), format!("unknown operator `{}`", self.text(TextRange::new(t.span.start, next.span.end))))
                            .help(format!("the negated operator is one word: `{joined}`"))
                            .fix(joined, true)
                    }
                    _ => SyntaxError::new(t.span, format!("expected an operator after `{s}`, found `{w}`")).help(format!("to negate a comparison, put `not` before it: `not {s} == value`; operators: {OPERATOR_LIST}")),
                }
            }
            TokKind::Sym(Sym::Not) => {
                let next = Lexer::at(self.src, t.span.end as usize).next_token();
                match next.kind {
                    TokKind::Word(op @ ("in" | "exists")) => SyntaxError::new(TextRange::new(t.span.start, next.span.end), format!("unknown operator `{}`", self.text(TextRange::new(t.span.start, next.span.end))))
                        .help(format!("write `!{op}` without a space"))
                        .fix(format!("!{op}"), true),
                    _ => SyntaxError::new(t.span, format!("expected an operator after `{s}`, found `!`")).help(format!("operators: {OPERATOR_LIST}")),
                }
            }
            TokKind::Word(w) if Operator::from_word(&w.to_ascii_lowercase()).is_some() => {
                let lower = w.to_ascii_lowercase();
                SyntaxError::new(t.span, format!("unknown operator `{w}`: operators are lower case")).help(format!("write `{lower}`")).fix(lower, true)
            }
            TokKind::Word("~") if self.src[t.span.end as usize..].starts_with('=') => {
                SyntaxError::new(t.span, format!("expected an operator after `{s}`, found `~`")).help("the pattern-match operator is `=~`")
            }
            _ => SyntaxError::new(t.span, format!("expected an operator after `{s}`, found {}", self.describe(t))).help(format!("operators: {OPERATOR_LIST}")),
        }
    }

    /// After a complete comparison or group, something other than `and`, `or`, `)` (when
    /// `in_group`) or the end.
    fn after_operand_error(&self, in_group: bool) -> SyntaxError {
        let t = self.tok;
        let expected = if in_group { "`and`, `or` or `)`" } else { "`and`, `or` or the end of the expression" };
        let after = match self.last {
            Some((span, _)) => format!(" after `{}`", short(self.text(span))),
            None => String::new(),
        };
        match t.kind {
            TokKind::Bad('&') => SyntaxError::new(t.span, "`&` is not an operator").help("use `&&` or `and`").fix("&&".to_owned(), true),
            TokKind::Bad('|') => SyntaxError::new(t.span, "`|` is not an operator").help("use `||` or `or`").fix("||".to_owned(), true),
            TokKind::Word(w) if matches!(w.to_ascii_lowercase().as_str(), "and" | "or") => {
                let lower = w.to_ascii_lowercase();
                SyntaxError::new(t.span, format!("unknown operator `{w}`: operators are lower case")).help(format!("write `{lower}`")).fix(lower, true)
            }
            TokKind::Word(_) | TokKind::Quoted(_) if matches!(self.last, Some((_, Operator::Exists | Operator::NotExists))) => {
                SyntaxError::new(t.span, format!("`exists` and `not_exists` take no value, but {} follows{after}", self.describe(t)))
                    .help("remove the value, or use `==` to compare with it")
            }
            TokKind::Word(w) if Subject::from_word(w).is_some() || is_reserved(w) => {
                SyntaxError::new(t.span, format!("expected {expected}{after}, found {}", self.describe(t))).help("join comparisons with `and` or `or`")
            }
            TokKind::Word(_) | TokKind::Quoted(_) => SyntaxError::new(t.span, format!("expected {expected}{after}, found {}", self.describe(t)))
                .help(format!("{QUOTING}; join comparisons with `and` or `or`")),
            TokKind::LParen | TokKind::Sym(Sym::Not) => SyntaxError::new(t.span, format!("expected {expected}{after}, found {}", self.describe(t))).help("join comparisons with `and` or `or`"),
            TokKind::RParen => SyntaxError::new(t.span, "unmatched `)`: no `(` before it is still open").help("remove the `)` or add the matching `(`"),
            TokKind::Comma if matches!(self.last, Some((_, Operator::Eq | Operator::Ne))) => {
                let list_op = if matches!(self.last, Some((_, Operator::Ne))) { "not_in" } else { "in" };
                SyntaxError::new(t.span, format!("expected {expected}{after}, found `,`")).help(format!("to compare with several values, use `{list_op} [a, b]`"))
            }
            _ => SyntaxError::new(t.span, format!("expected {expected}{after}, found {}", self.describe(t))).help("a comparison is `subject operator value`; join comparisons with `and` or `or`"),
        }
    }
}

/// At most 40 characters of `s`, with an ellipsis when cut.
pub(crate) fn short(s: &str) -> String {
    crate::diagnostics::message::shorten(s, 40).into()
}

impl SyntaxError {
    pub(crate) fn new(span: TextRange, message: impl Into<String>) -> Self {
        SyntaxError { span, message: message.into(), help: None, fix: None }
    }

    pub(crate) fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub(crate) fn fix(mut self, text: String, safe: bool) -> Self {
        self.fix = Some(Replacement { text, safe });
        self
    }
}
