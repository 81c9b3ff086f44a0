//! Static checks over a parsed expression (`spec/rules.md` §11.2, "Static semantic checks").

use super::ast::{Comparison, Expr, OperandKind, Operator, Subject, Value};
use super::parser::short;
use super::{regex, slice, Issue};
use crate::json::TextRange;
use crate::diagnostics::message::closest;
use crate::diagnostics::Severity;

/// Attributes ECS sets on container instances (built-in and optional ones), from the developer
/// guide's "Amazon ECS container instance attributes".
pub const BUILT_IN_ATTRIBUTES: &[&str] = &[
    "ecs.ami-id",
    "ecs.availability-zone",
    "ecs.instance-type",
    "ecs.os-type",
    "ecs.os-family",
    "ecs.cpu-architecture",
    "ecs.vpc-id",
    "ecs.subnet-id",
    "ecs.awsvpc-trunk-id",
    "ecs.outpost-arn",
    "ecs.capability.external",
];

/// Longest custom attribute name.
const ATTRIBUTE_NAME_MAX: usize = 128;

fn operator_list(ops: &[Operator]) -> String {
    ops.iter().map(|o| format!("`{}`", o.symbol())).collect::<Vec<_>>().join(", ")
}

/// R-PL-08: operators the developer guide does not list for the subject.
#[must_use]
pub fn check_operators(src: &str, expr: &Expr<'_>) -> Vec<Issue> {
    let mut out = Vec::new();
    for c in expr.comparisons() {
        let Some(allowed) = c.subject.allowed_operators() else { continue };
        if allowed.contains(&c.op) {
            continue;
        }
        let subject = slice(src, c.subject_span);
        let op = slice(src, c.op_span);
        let hint = match (c.op.operand(), allowed.contains(&Operator::In)) {
            (OperandKind::List, false) => format!(
                "`{subject}` takes {} (or their word forms); to accept several values, join `{subject} == value` comparisons with `or`",
                operator_list(allowed)
            ),
            (OperandKind::Pattern, false) => format!("`{subject}` takes {} (or their word forms); compare a range with `>=` and `<`", operator_list(allowed)),
            _ => format!("`{subject}` takes {} (or their word forms)", operator_list(allowed)),
        };
        out.push(Issue::new(c.op_span, format!("`{subject}` can't be used with `{op}`")).help(hint));
    }
    out
}

/// Checks a `registeredAt` date: `YYYY-MM-DD`, `YYYY-MM-DDThh:mm:ss`, with `Z` or `±hh:mm`.
pub fn check_date(s: &str) -> Result<(), String> {
    let b = s.as_bytes();
    let shape_ok = |pattern: &str| pattern.len() == b.len() && pattern.bytes().zip(b).all(|(p, &c)| if p == b'9' { c.is_ascii_digit() } else { p == c || (p == b'+' && c == b'-') });
    let known = ["9999-99-99", "9999-99-99T99:99:99", "9999-99-99T99:99:99Z", "9999-99-99T99:99:99+99:99"];
    if !known.iter().any(|p| shape_ok(p)) {
        return Err("it is in none of the accepted formats".to_owned());
    }
    let num = |from: usize, len: usize| s[from..from + len].parse::<u32>().unwrap_or(0);
    let (year, month, day) = (num(0, 4), num(5, 2), num(8, 2));
    if !(1..=12).contains(&month) {
        return Err(format!("month {month:02} does not exist"));
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day == 0 || day > days {
        return Err(format!("day {day:02} does not exist in {year:04}-{month:02}"));
    }
    if b.len() > 10 {
        let (h, m, sec) = (num(11, 2), num(14, 2), num(17, 2));
        if h > 23 || m > 59 || sec > 59 {
            return Err(format!("the time {} does not exist", &s[11..19]));
        }
    }
    if b.len() == 25 {
        let (oh, om) = (num(20, 2), num(23, 2));
        if oh > 18 || om > 59 {
            return Err(format!("the offset {} does not exist", &s[19..]));
        }
    }
    Ok(())
}

fn is_version(s: &str) -> bool {
    !s.is_empty() && s.split('.').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

fn is_instance_id(s: &str) -> bool {
    // The guide's own example uses `i-wxyx7890`: accept lower-case letters and digits.
    s.strip_prefix("i-").is_some_and(|h| (h.len() == 8 || h.len() == 17) && h.bytes().all(|b| b.is_ascii_digit() || b.is_ascii_lowercase()))
}

/// R-PL-09 and the argument column of §11.2: `registeredAt` dates (error); whole numbers for
/// `runningTasksCount`, `true`/`false` for `agentConnected`, versions for `agentVersion` and
/// instance IDs for `ec2InstanceId` (warnings: AWS documents them only by example).
#[must_use]
pub fn check_arguments(src: &str, expr: &Expr<'_>) -> Vec<Issue> {
    let mut out = Vec::new();
    for c in expr.comparisons() {
        let kind = c.op.operand();
        if kind == OperandKind::Pattern || kind == OperandKind::None {
            continue;
        }
        let subject = slice(src, c.subject_span);
        for v in c.values() {
            let text = v.text;
            let at = v.text_span();
            match c.subject {
                Subject::RegisteredAt if kind == OperandKind::Value => {
                    if let Err(why) = check_date(text) {
                        out.push(
                            Issue::new(at, format!("`{}` is not a date `registeredAt` accepts: {why}", short(text)))
                                .help("use 2018-06-18, 2018-06-18T22:28:28, 2018-06-18T22:28:28Z or 2018-06-18T22:28:28+00:00"),
                        );
                    }
                }
                Subject::RunningTasksCount if kind == OperandKind::Value && (text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit())) => {
                    out.push(
                        Issue::new(at, format!("`{}` is not a whole number, but `{subject}` counts tasks", short(text)))
                            .help("compare with a number of tasks, e.g. `runningTasksCount == 0`")
                            .severity(Severity::Warning),
                    );
                }
                Subject::AgentVersion if kind == OperandKind::Value && !is_version(text) => {
                    let issue = Issue::new(at, format!("`{}` is not an agent version such as 1.14.5", short(text))).severity(Severity::Warning);
                    let stripped = text.strip_prefix(['v', 'V']).filter(|t| is_version(t));
                    out.push(match stripped {
                        Some(t) => issue.help(format!("write the version without the `v`: {t}")).fix(t.to_owned(), true),
                        None => issue.help("compare with a dotted version number, e.g. `agentVersion < 1.14.5`"),
                    });
                }
                Subject::AgentConnected if text != "true" && text != "false" => {
                    let issue = Issue::new(at, format!("`{}` is not `true` or `false`, the values of `agentConnected`", short(text))).severity(Severity::Warning);
                    out.push(match text.to_ascii_lowercase().as_str() {
                        l @ ("true" | "false") => issue.help(format!("write `{l}` in lower case")).fix(l.to_owned(), true),
                        _ => issue.help("compare with `true` or `false`"),
                    });
                }
                Subject::Ec2InstanceId if !is_instance_id(text) => {
                    out.push(
                        Issue::new(at, format!("`{}` is not an EC2 instance ID (`i-` and 8 or 17 hex digits)", short(text)))
                            .help("use the instance ID, e.g. i-0123456789abcdef0, or match several with `=~`")
                            .severity(Severity::Warning),
                    );
                }
                _ => {}
            }
        }
    }
    out
}

/// R-PL-10: the argument of `matches`/`not_matches` must be a Java regular expression.
#[must_use]
pub fn check_patterns(_src: &str, expr: &Expr<'_>) -> Vec<Issue> {
    let mut out = Vec::new();
    for c in expr.comparisons() {
        if c.op.operand() != OperandKind::Pattern {
            continue;
        }
        for v in c.values() {
            if let Err(e) = regex::check(v.text) {
                let base = v.text_span().start;
                let span = TextRange::new(base + e.start as u32, base + e.end as u32);
                out.push(
                    Issue::new(span, format!("`{}` is not a valid Java regular expression: {}", short(v.text), e.message))
                        .help("fix the pattern (java.util.regex.Pattern syntax), or compare with `==` if you meant the literal text"),
                );
            }
        }
    }
    out
}

/// R-PL-11: custom attribute names have 1–128 letters, digits, `-`, `_`, `/`, `\` and `.`. Also
/// flags `ecs.` names that are a typo of a built-in attribute.
#[must_use]
pub fn check_attribute_names(_src: &str, expr: &Expr<'_>) -> Vec<Issue> {
    let mut out = Vec::new();
    for c in expr.comparisons() {
        let Subject::Attribute(name) = c.subject else { continue };
        let name_span = TextRange::new(c.subject_span.start + "attribute:".len() as u32, c.subject_span.end);
        if name.is_empty() {
            out.push(Issue::new(c.subject_span, "`attribute:` has no attribute name after it").help("write the name after the colon, e.g. `attribute:ecs.instance-type`"));
            continue;
        }
        let chars = name.chars().count();
        if chars > ATTRIBUTE_NAME_MAX {
            out.push(Issue::new(name_span, format!("the attribute name is {chars} characters long; attribute names have at most {ATTRIBUTE_NAME_MAX}")).help("use the attribute's exact name"));
            continue;
        }
        if let Some((i, ch)) = name.char_indices().find(|&(_, ch)| !is_attribute_name_char(ch)) {
            let at = name_span.start + i as u32;
            out.push(
                Issue::new(TextRange::new(at, at + ch.len_utf8() as u32), format!("`{ch}` can't appear in an attribute name, so `attribute:{}` matches no instance", short(name)))
                    .help("attribute names have only letters, digits, `-`, `_`, `/`, `\\` and `.`"),
            );
            continue;
        }
        if name.starts_with("ecs.") && !BUILT_IN_ATTRIBUTES.contains(&name) && !name.starts_with("ecs.capability.") {
            if let Some(a) = closest(name, BUILT_IN_ATTRIBUTES.iter()).map(|s| s.name) {
                out.push(
                    Issue::new(name_span, format!("`{name}` is not a built-in attribute, so no instance has it"))
                        .help(format!("did you mean `{a}`?"))
                        .fix(a.to_owned(), false),
                );
            }
        }
    }
    out
}

fn is_attribute_name_char(ch: char) -> bool {
    ch.is_ascii_alphanumeric() || matches!(ch, '-' | '_' | '/' | '\\' | '.')
}

/// `and` and `or` in one group without parentheses: the documentation does not say which binds
/// tighter. The replacement puts parentheses around the `and` groups (as most languages read
/// them).
#[must_use]
pub fn check_and_or_mix(src: &str, expr: &Expr<'_>) -> Vec<Issue> {
    let mut out = Vec::new();
    let mut stack = vec![expr];
    while let Some(e) = stack.pop() {
        match e {
            Expr::Or { items, span } => {
                if items.iter().any(|i| matches!(i, Expr::And { .. })) {
                    let mut text = String::with_capacity(span.len() as usize + 8);
                    let mut cursor = span.start;
                    for item in items {
                        let s = item.span();
                        text.push_str(slice(src, TextRange::new(cursor, s.start)));
                        if matches!(item, Expr::And { .. }) {
                            text.push('(');
                            text.push_str(slice(src, s));
                            text.push(')');
                        } else {
                            text.push_str(slice(src, s));
                        }
                        cursor = s.end;
                    }
                    out.push(
                        Issue::new(*span, format!("`{}` mixes `and` and `or` without parentheses, and ECS does not document which binds tighter", short(slice(src, *span))))
                            .help(format!("add parentheses to say what you mean, e.g. `{}`", short(&text)))
                            .fix(text, false),
                    );
                }
                stack.extend(items.iter());
            }
            Expr::And { items, .. } => stack.extend(items.iter()),
            Expr::Not { inner, .. } | Expr::Paren { inner, .. } => stack.push(inner),
            Expr::Compare(_) => {}
        }
    }
    out
}

/// A comparison that must hold for a task to be placed (from the top-level conjunction of one
/// or more expressions), with `not` folded into the operator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact<'a> {
    /// Which expression it comes from (the caller's index).
    pub origin: usize,
    pub subject: Subject<'a>,
    pub op: Operator,
    pub values: Vec<Value<'a>>,
    /// The comparison's span.
    pub span: TextRange,
}

/// The comparisons that must all hold for `expr` to match: those joined by `and` at the top,
/// and negated ones through `not` (`not (a or b)` gives `not a` and `not b`).
#[must_use]
pub fn facts<'a>(origin: usize, expr: &Expr<'a>) -> Vec<Fact<'a>> {
    fn walk<'a>(origin: usize, e: &Expr<'a>, negated: bool, out: &mut Vec<Fact<'a>>) {
        match e {
            Expr::Compare(c) => out.push(fact(origin, c, negated)),
            Expr::Paren { inner, .. } => walk(origin, inner, negated, out),
            Expr::Not { inner, .. } => walk(origin, inner, !negated, out),
            Expr::And { items, .. } if !negated => items.iter().for_each(|i| walk(origin, i, false, out)),
            Expr::Or { items, .. } if negated => items.iter().for_each(|i| walk(origin, i, true, out)),
            Expr::And { .. } | Expr::Or { .. } => {}
        }
    }
    fn fact<'a>(origin: usize, c: &Comparison<'a>, negated: bool) -> Fact<'a> {
        Fact { origin, subject: c.subject, op: if negated { c.op.negated() } else { c.op }, values: c.values().to_vec(), span: c.span }
    }
    let mut out = Vec::new();
    walk(origin, expr, false, &mut out);
    out
}

/// Two facts (or one) that can never hold together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The later fact: (origin, span).
    pub at: (usize, TextRange),
    /// The earlier fact it contradicts, if the contradiction is between two.
    pub with: Option<(usize, TextRange)>,
    pub message: String,
    pub help: String,
}

/// A whole number or dotted version (up to six parts), for ordering.
type Version = [u64; 6];

fn numeric(subject: Subject<'_>, s: &str) -> Option<Version> {
    if !matches!(subject, Subject::RunningTasksCount | Subject::AgentVersion) || !is_version(s) {
        return None;
    }
    let mut v = [0u64; 6];
    for (i, part) in s.split('.').enumerate() {
        *v.get_mut(i)? = part.parse().ok()?;
    }
    Some(v)
}

/// The interval a numeric fact allows: (lower, lower inclusive, upper, upper inclusive).
type Interval = (Option<Version>, bool, Option<Version>, bool);

fn interval(f: &Fact<'_>) -> Option<Interval> {
    let v = numeric(f.subject, f.values.first()?.text)?;
    Some(match f.op {
        Operator::Eq => (Some(v), true, Some(v), true),
        Operator::Gt => (Some(v), false, None, false),
        Operator::Ge => (Some(v), true, None, false),
        Operator::Lt => (None, false, Some(v), false),
        Operator::Le => (None, false, Some(v), true),
        _ => return None,
    })
}

fn intervals_meet(a: &Interval, b: &Interval) -> bool {
    use std::cmp::Ordering;
    // The larger lower bound against the smaller upper bound.
    let lower = match (a.0, b.0) {
        (Some(x), Some(y)) => match x.cmp(&y) {
            Ordering::Greater => Some((x, a.1)),
            Ordering::Less => Some((y, b.1)),
            Ordering::Equal => Some((x, a.1 && b.1)),
        },
        (Some(x), None) => Some((x, a.1)),
        (None, Some(y)) => Some((y, b.1)),
        (None, None) => None,
    };
    let upper = match (a.2, b.2) {
        (Some(x), Some(y)) => match x.cmp(&y) {
            Ordering::Less => Some((x, a.3)),
            Ordering::Greater => Some((y, b.3)),
            Ordering::Equal => Some((x, a.3 && b.3)),
        },
        (Some(x), None) => Some((x, a.3)),
        (None, Some(y)) => Some((y, b.3)),
        (None, None) => None,
    };
    match (lower, upper) {
        (Some((l, li)), Some((u, ui))) => match l.cmp(&u) {
            Ordering::Less => true,
            Ordering::Equal => li && ui,
            Ordering::Greater => false,
        },
        _ => true,
    }
}

/// The values a fact requires one of (`==`, `in`).
fn required<'f, 'a>(f: &'f Fact<'a>) -> Option<&'f [Value<'a>]> {
    matches!(f.op, Operator::Eq | Operator::In).then_some(f.values.as_slice())
}

/// The values a fact excludes (`!=`, `not_in`).
fn excluded<'f, 'a>(f: &'f Fact<'a>) -> Option<&'f [Value<'a>]> {
    matches!(f.op, Operator::Ne | Operator::NotIn).then_some(f.values.as_slice())
}

fn has(values: &[Value<'_>], text: &str) -> bool {
    values.iter().any(|v| v.text == text)
}

/// Subjects with one value per instance (an instance hosts tasks of many groups, so not
/// `task:group`).
fn single_valued(s: Subject<'_>) -> bool {
    s != Subject::TaskGroup
}

/// Why `later` can't hold together with `earlier` (same subject), if it can't. The intervals
/// are the facts' [`interval`]s.
fn contradicts(earlier: &Fact<'_>, earlier_range: Option<&Interval>, later: &Fact<'_>, later_range: Option<&Interval>) -> Option<&'static str> {
    let (re, rl) = (required(earlier), required(later));
    if let (Some(a), Some(b)) = (re, rl) {
        if single_valued(later.subject) && !a.iter().any(|v| has(b, v.text)) {
            return Some("an instance has only one value for it");
        }
    }
    if let (Some(req), Some(exc)) = (re, excluded(later)) {
        if req.iter().all(|v| has(exc, v.text)) {
            return Some("it excludes every value the other requires");
        }
    }
    if let (Some(exc), Some(req)) = (excluded(earlier), rl) {
        if req.iter().all(|v| has(exc, v.text)) {
            return Some("it requires only values the other excludes");
        }
    }
    let exists = |f: &Fact<'_>| matches!(f.op, Operator::Exists | Operator::Eq | Operator::In | Operator::Gt | Operator::Ge | Operator::Lt | Operator::Le);
    if (earlier.op == Operator::NotExists && exists(later)) || (later.op == Operator::NotExists && exists(earlier)) {
        return Some("one requires the attribute to be absent and the other needs it");
    }
    if let (Some(a), Some(b)) = (earlier_range, later_range) {
        if !intervals_meet(a, b) {
            return Some("no value lies in both ranges");
        }
    }
    None
}

fn is_os_type(s: Subject<'_>) -> bool {
    s == Subject::Attribute("ecs.os-type")
}

fn is_os_family(s: Subject<'_>) -> bool {
    s == Subject::Attribute("ecs.os-family")
}

fn os_family_value(v: &str) -> bool {
    v == "LINUX" || v.starts_with("WINDOWS_SERVER_")
}

/// R-PL-12: facts that can never all hold, e.g. `attribute:ecs.os-type == linux` and
/// `attribute:ecs.os-type == windows`, `ecs.os-type == linux` with `ecs.os-family ==
/// WINDOWS_SERVER_2022_CORE`, `runningTasksCount > 5 and runningTasksCount < 3`, or a value
/// `ecs.os-type` never has. `text` gives the source of each origin, for messages.
#[must_use]
pub fn conflicts(facts: &[Fact<'_>], text: &dyn Fn(usize, TextRange) -> String) -> Vec<Conflict> {
    const HELP: &str = "no container instance can satisfy every memberOf constraint, so the task is not placed (`MemberOf placement constraint unsatisfied.`); remove one of the comparisons, or join them with `or`";
    let mut out = Vec::new();
    // The distinct facts so far, with their numeric ranges.
    let mut kept: Vec<(&Fact<'_>, Option<Interval>)> = Vec::new();
    for f in facts {
        if kept.len() >= MAX_FACTS {
            break;
        }
        if kept.iter().any(|(k, _)| same_fact(k, f)) {
            continue;
        }
        // Values a built-in attribute never has.
        if let Some(req) = required(f) {
            let (domain, ok): (&str, fn(&str) -> bool) = if is_os_type(f.subject) {
                ("`linux` or `windows`", |v| v == "linux" || v == "windows")
            } else if is_os_family(f.subject) {
                ("`LINUX` or `WINDOWS_SERVER_<release>_<FULL|CORE>`", os_family_value)
            } else {
                ("", |_| true)
            };
            if !req.iter().any(|v| ok(v.text)) {
                let name = if is_os_type(f.subject) { "ecs.os-type" } else { "ecs.os-family" };
                out.push(Conflict {
                    at: (f.origin, f.span),
                    with: None,
                    message: format!("`{}` never matches: `{name}` is always {domain}", short(&text(f.origin, f.span))),
                    help: format!("use {domain} (the values are case-sensitive)"),
                });
                continue;
            }
        }
        let range = interval(f);
        let earlier = kept.iter().find_map(|(e, e_range)| {
            if e.subject == f.subject {
                return contradicts(e, e_range.as_ref(), f, range.as_ref()).map(|why| (*e, why));
            }
            // ecs.os-type against ecs.os-family.
            let (t, fam) = if is_os_type(e.subject) && is_os_family(f.subject) {
                (*e, f)
            } else if is_os_family(e.subject) && is_os_type(f.subject) {
                (f, *e)
            } else {
                return None;
            };
            let (types, families) = (required(t)?, required(fam)?);
            let windows_only = families.iter().all(|v| v.text.starts_with("WINDOWS"));
            let linux_only = families.iter().all(|v| v.text == "LINUX");
            let clash = (types.iter().all(|v| v.text == "linux") && windows_only) || (types.iter().all(|v| v.text == "windows") && linux_only);
            clash.then_some((*e, "`ecs.os-type` and `ecs.os-family` name different operating systems"))
        });
        if let Some((e, why)) = earlier {
            out.push(Conflict {
                at: (f.origin, f.span),
                with: Some((e.origin, e.span)),
                message: format!("`{}` can never hold together with `{}`: {why}", short(&text(f.origin, f.span)), short(&text(e.origin, e.span))),
                help: HELP.to_owned(),
            });
        }
        kept.push((f, range));
    }
    out
}

/// Distinct facts beyond this many are not compared (the comparison is quadratic; real
/// constraints have a handful).
const MAX_FACTS: usize = 256;

/// The same comparison (wherever it is written).
fn same_fact(a: &Fact<'_>, b: &Fact<'_>) -> bool {
    a.subject == b.subject && a.op == b.op && a.values.len() == b.values.len() && a.values.iter().zip(&b.values).all(|(x, y)| x.text == y.text)
}
