use proptest::prelude::*;

use super::*;

/// The examples of the developer guide ("Cluster query language", "Task placement
/// constraints") and of the ECS API reference.
const PUBLISHED: &[&str] = &[
    "attribute:ecs.instance-type == t2.small",
    "attribute:ecs.availability-zone in [us-east-1a, us-east-1b]",
    "attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d",
    "task:group == service:production",
    "not(task:group == database)",
    "runningTasksCount == 1",
    "agentVersion < 1.14.5",
    "registeredAt < 2018-02-13",
    "ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']",
    "attribute:ecs.instance-type =~ t2.*",
    "task:group == databases",
    "attribute:ecs.instance-type == g2.2xlarge",
    "attribute:stack == prod",
    "attribute:stack != prod",
    "attribute:ecs.instance-type in [t2.small, t2.medium]",
    "attribute:ecs.instance-type =~ t2.* and attribute:ecs.availability-zone == us-east-1a",
    "attribute:ecs.os-type == windows",
    "attribute:ecs.os-family == WINDOWS_SERVER_2022_CORE",
    "attribute:ecs.cpu-architecture == arm64",
];

/// Other valid expressions: every operator spelling, quoting, nesting, symbols without spaces.
const VALID: &[&str] = &[
    "(attribute:ecs.instance-type == t2.small or attribute:ecs.instance-type == t2.medium) and attribute:ecs.availability-zone == us-east-1a",
    "attribute:ecs.instance-type==t2.small&&attribute:ecs.availability-zone!=us-east-1d",
    "attribute:a == x || attribute:b == y",
    "!(task:group == database)",
    "! task:group == database",
    "not not task:group == database",
    "attribute:ecs.awsvpc-trunk-id exists",
    "attribute:ecs.outpost-arn !exists",
    "attribute:ecs.outpost-arn not_exists",
    "attribute:ecs.instance-type equals t2.small",
    "attribute:ecs.instance-type not_equals t2.small",
    "runningTasksCount greater_than 1",
    "runningTasksCount greater_than_equal 1",
    "runningTasksCount less_than 10",
    "runningTasksCount less_than_equal 10",
    "runningTasksCount >= 1 and runningTasksCount <= 10",
    "attribute:ecs.instance-type not_in [t2.micro]",
    "attribute:ecs.instance-type !in [t2.micro, t2.nano]",
    "attribute:ecs.instance-type !in[t2.micro,t2.nano]",
    "attribute:ecs.instance-type matches 't2\\.(micro|small)'",
    "attribute:ecs.instance-type not_matches m5.*",
    "attribute:ecs.instance-type !~ '^(c|m)5\\..*'",
    "attribute:team == 'data science'",
    "attribute:team in ['a, b', 'c']",
    "attribute:path\\with/slashes_and.dots == v",
    "registeredAt >= 2018-06-18T22:28:28+00:00",
    "registeredAt > 2018-06-18T22:28:28Z",
    "registeredAt <= 2018-06-18T22:28:28",
    "registeredAt != '2018-06-18'",
    "agentConnected == true",
    "agentConnected in [true, false]",
    "agentConnected =~ tr.*",
    "ec2InstanceId == i-0123456789abcdef0",
    "ec2InstanceId =~ i-0.*",
    "\tattribute:a == b\t",
    "((((attribute:a == b))))",
    "task:group == family:web and not task:group == family:db",
    "attribute:ecs.availability-zone in [us-east-1a] and (runningTasksCount == 0 or runningTasksCount == 1)",
];

fn all_issues(src: &str) -> Vec<Issue> {
    let e = parse(src).unwrap_or_else(|err| panic!("{src}: {err:?}"));
    let mut v = check_operators(src, &e);
    v.extend(check_arguments(src, &e));
    v.extend(check_patterns(src, &e));
    v.extend(check_attribute_names(src, &e));
    v.extend(check_and_or_mix(src, &e));
    v
}

fn conflicts_of(src: &str) -> Vec<Conflict> {
    let e = parse(src).unwrap();
    let f = facts(0, &e);
    conflicts(&f, &|_, span| slice(src, span).to_owned())
}

#[test]
fn published_examples_parse_and_pass_every_check() {
    for src in PUBLISHED.iter().chain(VALID) {
        let issues = all_issues(src);
        assert!(issues.is_empty(), "{src}: {issues:?}");
        assert!(conflicts_of(src).is_empty(), "{src}: {:?}", conflicts_of(src));
    }
}

#[test]
fn the_tree_has_spans_in_the_expression() {
    let src = "attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d";
    let Expr::And { items, span } = parse(src).unwrap() else { panic!("expected and") };
    assert_eq!(span, TextRange::new(0, src.len() as u32));
    let Expr::Compare(c) = &items[0] else { panic!() };
    assert_eq!(c.subject, Subject::Attribute("ecs.instance-type"));
    assert_eq!(c.op, Operator::Matches);
    assert_eq!(slice(src, c.op_span), "=~");
    assert_eq!(c.values()[0].text, "g2.*");
    assert_eq!(slice(src, c.values()[0].span), "g2.*");
    let Expr::Compare(d) = &items[1] else { panic!() };
    assert_eq!(slice(src, d.span), "attribute:ecs.availability-zone != us-east-1d");

    let src = "not(task:group == database)";
    let Expr::Not { inner, op, .. } = parse(src).unwrap() else { panic!("expected not") };
    assert_eq!(slice(src, op), "not");
    assert!(matches!(*inner, Expr::Paren { .. }));

    let src = "ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']";
    let Expr::Compare(c) = parse(src).unwrap() else { panic!() };
    let Argument::List { items, span } = &c.arg else { panic!() };
    assert_eq!(slice(src, *span), "['i-abcd1234', 'i-wxyx7890']");
    assert_eq!(items[1].text, "i-wxyx7890");
    assert!(items[1].quoted);
    assert_eq!(slice(src, items[1].text_span()), "i-wxyx7890");
}

#[test]
fn and_binds_tighter_than_or_in_the_tree() {
    let Expr::Or { items, .. } = parse("attribute:a == 1 and attribute:b == 2 or attribute:c == 3").unwrap() else { panic!() };
    assert!(matches!(items[0], Expr::And { .. }));
    assert_eq!(items.len(), 2);
}

/// (input, expected span text, message fragment)
const INVALID: &[(&str, &str, &str)] = &[
    ("", "", "the expression is empty"),
    ("   ", "   ", "the expression is empty"),
    ("attribute:ecs.instance-type", "attribute:ecs.instance-type", "expected an operator after `attribute:ecs.instance-type`"),
    ("attribute:ecs.instance-type t2.small", "t2.small", "expected an operator after `attribute:ecs.instance-type`, found `t2.small`"),
    ("attribute:ecs.instance-type = t2.small", "=", "`=` is not an operator"),
    ("attribute:ecs.instance-type IN [a]", "IN", "operators are lower case"),
    ("attribute:ecs.instance-type ~= t2.*", "~", "found `~`"),
    ("attribute:ecs.instance-type ==", "==", "expected a value after `==`"),
    ("attribute:ecs.instance-type =~", "=~", "expected a pattern after `=~`"),
    ("attribute:ecs.instance-type == [a, b]", "[", "`==` takes a single value, not a list"),
    ("attribute:ecs.instance-type in a", "a", "`in` needs a list such as ['a', 'b']"),
    ("attribute:ecs.instance-type in 'a'", "'a'", "`in` needs a list such as ['a', 'b']"),
    ("attribute:ecs.instance-type not_in", "not_in", "`not_in` needs a list such as ['a', 'b']"),
    ("attribute:ecs.instance-type in (a)", "(", "`in` needs a list such as ['a', 'b'], found `(`"),
    ("attribute:ecs.instance-type in [a, b", "[", "unclosed `[`"),
    ("attribute:ecs.instance-type in [", "[", "unclosed `[`"),
    ("attribute:ecs.instance-type in []", "[]", "the list after `in` is empty"),
    ("attribute:ecs.instance-type in [a,]", ",", "the list ends with a comma"),
    ("attribute:ecs.instance-type in [,a]", ",", "expected a value before `,`"),
    ("attribute:ecs.instance-type in [a,,b]", ",", "expected a value between the commas"),
    ("attribute:ecs.instance-type in [a b]", "b", "expected `,` or `]` after `a`, found `b`"),
    ("attribute:team == 'data science", "'", "unclosed `'`"),
    ("attribute:team == data science", "science", "expected `and`, `or` or the end of the expression after `attribute:team == data`, found `science`"),
    ("attribute:team == a#b", "#", "`#` can't appear in an unquoted value"),
    ("attribute:team == \"prod\"", "\"", "values are quoted with single quotes"),
    ("attribute:ecs.instance-type =~ (t2|t3).*", "(", "expected a pattern"),
    ("attribute:ecs.instance-type =~ t2|t3", "|", "`|` can't appear in an unquoted value"),
    ("(attribute:a == b", "(", "unclosed `(`"),
    ("((attribute:a == b)", "(", "unclosed `(`"),
    ("attribute:a == b)", ")", "unmatched `)`"),
    ("()", ")", "empty parentheses"),
    ("(attribute:a == b c", "c", "expected `and`, `or` or `)`"),
    ("attribute:a == b and", "and", "expected a subject such as `attribute:ecs.instance-type` after `and`"),
    ("attribute:a == b or or attribute:c == d", "or", "expected a subject"),
    ("and attribute:a == b", "and", "expected a subject"),
    ("not", "not", "expected a subject"),
    ("== b", "==", "expected a subject such as `attribute:ecs.instance-type`, found `==`"),
    ("attribute:a == b & attribute:c == d", "&", "`&` is not an operator"),
    ("attribute:a == b | attribute:c == d", "|", "`|` is not an operator"),
    ("attribute:a == b AND attribute:c == d", "AND", "operators are lower case"),
    ("attribute:a == b attribute:c == d", "attribute:c", "expected `and`, `or` or the end of the expression"),
    ("attribute:a == b not attribute:c == d", "not", "expected `and`, `or` or the end of the expression"),
    ("attribute:a exists b", "b", "take no value"),
    ("attribute:a == b == c", "==", "expected `and`, `or` or the end of the expression"),
    ("instanceType == t2.small", "instanceType", "unknown subject `instanceType`"),
    ("AgentVersion < 1.2", "AgentVersion", "subjects are case-sensitive"),
    ("Attribute:stack == prod", "Attribute:stack", "attributes are written `attribute:<name>`"),
    ("attributes:stack == prod", "attributes:stack", "attributes are written `attribute:<name>`"),
    ("ecs.instance-type == t2.small", "ecs.instance-type", "needs the `attribute:` prefix"),
    ("instance-type == t2.small", "instance-type", "needs the `attribute:` prefix"),
    ("agentVersio < 1.2", "agentVersio", "unknown subject"),
    ("task:group == 'a'and attribute:b == c", "and", "put a space before `and`"),
    ("attribute:b equals'c'", "equals", "put a space after `equals`"),
    ("attribute:a not in [b]", "not in", "unknown operator `not in`"),
    ("attribute:a ! exists", "! exists", "unknown operator `! exists`"),
    ("attribute:a not == b", "not", "found `not`"),
    ("attribute:a == b, c", ",", "use `in [a, b]`"),
    ("'task:group' == a", "'task:group'", "can't be quoted"),
    ("attribute:a == b\nand attribute:c == d", "\n", "expected `and`, `or` or the end of the expression"),
];

#[test]
fn invalid_expressions_give_a_located_message() {
    for (src, at, fragment) in INVALID {
        let err = parse(src).expect_err(src);
        let text = format!("{} | {}", err.message, err.help.as_deref().unwrap_or(""));
        assert!(text.contains(fragment), "{src:?}: message {text:?} lacks {fragment:?}");
        assert_eq!(slice(src, err.span), *at, "{src:?}: span {:?} ({})", err.span, err.message);
        assert!(err.span.end as usize <= src.len());
    }
}

#[test]
fn syntax_errors_offer_evident_replacements() {
    let fixed = |src: &str| {
        let e = parse(src).unwrap_err();
        let r = e.fix.expect("a replacement");
        format!("{}{}{}", &src[..e.span.start as usize], r.text, &src[e.span.end as usize..])
    };
    assert_eq!(fixed("attribute:a = b"), "attribute:a == b");
    assert_eq!(fixed("AgentVersion < 1.2"), "agentVersion < 1.2");
    assert_eq!(fixed("ecs.os-type == linux"), "attribute:ecs.os-type == linux");
    assert_eq!(fixed("attribute:a == b & attribute:c == d"), "attribute:a == b && attribute:c == d");
    assert_eq!(fixed("attribute:a in b"), "attribute:a in [b]");
    assert_eq!(fixed("attribute:a not in [b]"), "attribute:a not_in [b]");
    assert_eq!(fixed("attribute:a ! exists"), "attribute:a !exists");
    assert_eq!(fixed("attribute:a in [b,]"), "attribute:a in [b]");
    assert_eq!(fixed("task:group == 'a'and attribute:b == c"), "task:group == 'a' and attribute:b == c");
}

#[test]
fn nesting_is_bounded() {
    let deep = "(".repeat(200) + "attribute:a == b" + &")".repeat(200);
    let err = parse(&deep).unwrap_err();
    assert!(err.message.contains("nested more than 64"), "{}", err.message);
    let nots = "not ".repeat(100_000) + "attribute:a == b";
    assert!(parse(&nots).is_err());
    let ok = "(".repeat(60) + "attribute:a == b" + &")".repeat(60);
    assert!(parse(&ok).is_ok());
}

fn issue_at(src: &str, check: fn(&str, &Expr<'_>) -> Vec<Issue>) -> Vec<(String, String)> {
    let e = parse(src).unwrap();
    check(src, &e).into_iter().map(|i| (slice(src, i.span).to_owned(), i.message)).collect()
}

#[test]
fn operators_per_subject() {
    for (src, op) in [
        ("agentVersion in [1.14.5]", "in"),
        ("registeredAt =~ 2018.*", "=~"),
        ("ec2InstanceId > i-0123456789abcdef0", ">"),
        ("agentConnected >= true", ">="),
        ("runningTasksCount matches 1", "matches"),
        ("runningTasksCount exists", "exists"),
        ("registeredAt !in [2018-02-13]", "!in"),
        ("agentVersion not_exists", "not_exists"),
    ] {
        let found = issue_at(src, check_operators);
        assert_eq!(found.len(), 1, "{src}: {found:?}");
        assert_eq!(found[0].0, op, "{src}");
        assert!(found[0].1.contains("can't be used with"), "{src}: {}", found[0].1);
    }
    for src in ["task:group in [a, b]", "attribute:x > 3", "attribute:x exists", "agentConnected != false", "ec2InstanceId !~ i-0.*", "agentVersion >= 1.20.0"] {
        assert!(issue_at(src, check_operators).is_empty(), "{src}");
    }
}

#[test]
fn registered_at_dates() {
    for ok in ["2018-06-18T22:28:28+00:00", "2018-06-18T22:28:28-05:30", "2018-06-18T22:28:28Z", "2018-06-18T22:28:28", "2018-06-18", "2024-02-29", "2000-02-29"] {
        assert_eq!(check_date(ok), Ok(()), "{ok}");
    }
    for (bad, why) in [
        ("2018/06/18", "none of the accepted formats"),
        ("18-06-2018", "none of the accepted formats"),
        ("2018-06-18 22:28:28", "none of the accepted formats"),
        ("2018-06-18T22:28:28.123Z", "none of the accepted formats"),
        ("2018-06-18T22:28", "none of the accepted formats"),
        ("2018-6-18", "none of the accepted formats"),
        ("yesterday", "none of the accepted formats"),
        ("2018-13-01", "month 13"),
        ("2018-00-01", "month 00"),
        ("2018-02-29", "day 29"),
        ("1900-02-29", "day 29"),
        ("2018-04-31", "day 31"),
        ("2018-06-18T24:00:00", "the time 24:00:00"),
        ("2018-06-18T22:60:00Z", "the time"),
        ("2018-06-18T22:28:28+19:00", "the offset +19:00"),
    ] {
        let e = check_date(bad).expect_err(bad);
        assert!(e.contains(why), "{bad}: {e}");
    }
    let found = issue_at("registeredAt < 2018-13-01 or registeredAt > '2018-06-18 22:28'", check_arguments);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "2018-13-01");
    assert_eq!(found[1].0, "2018-06-18 22:28");
}

#[test]
fn argument_shapes() {
    let src = "runningTasksCount > many or agentConnected == yes or agentVersion < v1.2 or ec2InstanceId in [web-1, i-0123456789abcdef0]";
    let e = parse(src).unwrap();
    let issues = check_arguments(src, &e);
    let spans: Vec<&str> = issues.iter().map(|i| slice(src, i.span)).collect();
    assert_eq!(spans, ["many", "yes", "v1.2", "web-1"]);
    assert!(issues.iter().all(|i| i.severity == Some(Severity::Warning)));
    assert_eq!(issues[2].fix.as_ref().map(|r| r.text.as_str()), Some("1.2"));
    // Patterns are not values.
    assert!(issue_at("runningTasksCount =~ '[0-3]'", check_arguments).is_empty());
    assert_eq!(issue_at("agentConnected == TRUE", check_arguments)[0].0, "TRUE");
}

#[test]
fn patterns_are_java_regexes() {
    let found = issue_at("attribute:ecs.instance-type =~ '(t2|t3.*' and attribute:x !~ a**", check_patterns);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "(");
    assert!(found[0].1.contains("unclosed group"), "{}", found[0].1);
    assert_eq!(found[1].0, "*");
    assert!(found[1].1.contains("dangling"), "{}", found[1].1);
    assert!(issue_at("attribute:x =~ '\\y'", check_patterns)[0].1.contains("not a Java regex escape"));
    assert!(issue_at("attribute:x =~ 'a\\'", check_patterns)[0].1.contains("lone"));
    assert!(issue_at("attribute:x =~ '(?<=t)2.*' and attribute:y =~ '(a)\\1'", check_patterns).is_empty());
    // `==` takes literal text: no regex check.
    assert!(issue_at("attribute:x == a**", check_patterns).is_empty());
}

#[test]
fn attribute_names() {
    let long = format!("attribute:{} == x", "a".repeat(129));
    assert!(issue_at(&long, check_attribute_names)[0].1.contains("129 characters"));
    let ok = format!("attribute:{} == x", "a".repeat(128));
    assert!(issue_at(&ok, check_attribute_names).is_empty());
    let found = issue_at("attribute: == x", check_attribute_names);
    assert_eq!(found[0].0, "attribute:");
    assert!(found[0].1.contains("no attribute name"));
    let found = issue_at("attribute:team@corp == x", check_attribute_names);
    assert_eq!(found[0].0, "@");
    let found = issue_at("attribute:ecs:os-type == linux", check_attribute_names);
    assert_eq!(found[0].0, ":");
    let found = issue_at("attribute:ecs.instance_type == t2.small", check_attribute_names);
    assert_eq!(found[0].0, "ecs.instance_type");
    assert!(found[0].1.contains("not a built-in attribute"));
    assert!(issue_at("attribute:ecs.capability.docker-remote-api.1.19 exists and attribute:Ü == x", check_attribute_names).len() == 1);
}

#[test]
fn and_or_mix() {
    let src = "attribute:a == 1 and attribute:b == 2 or attribute:c == 3";
    let e = parse(src).unwrap();
    let issues = check_and_or_mix(src, &e);
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].fix.as_ref().unwrap().text, "(attribute:a == 1 and attribute:b == 2) or attribute:c == 3");
    let src = "attribute:a == 1 || attribute:b == 2 && attribute:c == 3";
    let e = parse(src).unwrap();
    assert_eq!(check_and_or_mix(src, &e)[0].fix.as_ref().unwrap().text, "attribute:a == 1 || (attribute:b == 2 && attribute:c == 3)");
    assert!(issue_at("(attribute:a == 1 and attribute:b == 2) or attribute:c == 3", check_and_or_mix).is_empty());
    assert!(issue_at("attribute:a == 1 and (attribute:b == 2 or attribute:c == 3)", check_and_or_mix).is_empty());
}

#[test]
fn contradictions() {
    for (src, at, with) in [
        ("attribute:ecs.os-type == linux and attribute:ecs.os-type == windows", "attribute:ecs.os-type == windows", "attribute:ecs.os-type == linux"),
        ("attribute:stack == prod and attribute:stack == dev", "attribute:stack == dev", "attribute:stack == prod"),
        ("attribute:stack in [a, b] and attribute:stack in [c]", "attribute:stack in [c]", "attribute:stack in [a, b]"),
        ("attribute:stack == a and attribute:stack != a", "attribute:stack != a", "attribute:stack == a"),
        ("attribute:stack in [a, b] and attribute:stack not_in [a, b]", "attribute:stack not_in [a, b]", "attribute:stack in [a, b]"),
        ("attribute:stack == a and not(attribute:stack == a)", "attribute:stack == a)", "attribute:stack == a"),
        ("attribute:gpu not_exists and attribute:gpu == yes", "attribute:gpu == yes", "attribute:gpu not_exists"),
        ("attribute:gpu exists and not attribute:gpu exists", "attribute:gpu exists", "attribute:gpu exists"),
        ("runningTasksCount > 5 and runningTasksCount < 3", "runningTasksCount < 3", "runningTasksCount > 5"),
        ("runningTasksCount >= 3 and runningTasksCount < 3", "runningTasksCount < 3", "runningTasksCount >= 3"),
        ("agentVersion >= 1.20 and agentVersion < 1.14.5", "agentVersion < 1.14.5", "agentVersion >= 1.20"),
        ("agentConnected == true && agentConnected == false", "agentConnected == false", "agentConnected == true"),
        ("attribute:ecs.os-type == linux and attribute:ecs.os-family == WINDOWS_SERVER_2019_FULL", "attribute:ecs.os-family == WINDOWS_SERVER_2019_FULL", "attribute:ecs.os-type == linux"),
        ("attribute:ecs.os-family == LINUX and (attribute:ecs.os-type == windows)", "attribute:ecs.os-type == windows", "attribute:ecs.os-family == LINUX"),
        ("not (attribute:x == a or attribute:y == b) and attribute:x == a", "attribute:x == a", "attribute:x == a"),
    ] {
        let c = conflicts_of(src);
        assert_eq!(c.len(), 1, "{src}: {c:?}");
        let (_, span) = c[0].at;
        let (_, other) = c[0].with.expect("two facts");
        assert!(slice(src, span).starts_with(at.trim_end_matches(')')), "{src}: at {:?}", slice(src, span));
        assert!(slice(src, other).starts_with(with), "{src}: with {:?}", slice(src, other));
        assert!(c[0].message.contains("can never hold together"), "{}", c[0].message);
    }
    for src in ["attribute:ecs.os-type == Linux", "attribute:ecs.os-type in [ubuntu]", "attribute:ecs.os-family == linux"] {
        let c = conflicts_of(src);
        assert_eq!(c.len(), 1, "{src}");
        assert!(c[0].message.contains("never matches"), "{}", c[0].message);
        assert!(c[0].with.is_none());
    }
    for src in [
        "task:group == a and task:group == b",
        "attribute:stack == a or attribute:stack == b",
        "not (attribute:stack == a and attribute:stack == b)",
        "attribute:stack in [a, b] and attribute:stack != a",
        "runningTasksCount >= 3 and runningTasksCount <= 3",
        "agentVersion > 1.14 and agentVersion < 1.14.1",
        "attribute:ecs.os-type == linux and attribute:ecs.os-family == LINUX",
        "attribute:ecs.os-type == windows and attribute:ecs.os-family in [WINDOWS_SERVER_2019_CORE, WINDOWS_SERVER_2022_CORE]",
        "attribute:stack =~ a.* and attribute:stack == b",
    ] {
        assert!(conflicts_of(src).is_empty(), "{src}: {:?}", conflicts_of(src));
    }
}

#[test]
fn conflicts_across_expressions() {
    let a = "attribute:ecs.os-type == linux";
    let b = "attribute:ecs.instance-type == t3.large and attribute:ecs.os-type == windows";
    let (ea, eb) = (parse(a).unwrap(), parse(b).unwrap());
    let mut f = facts(0, &ea);
    f.extend(facts(1, &eb));
    let src = [a, b];
    let c = conflicts(&f, &|o, span| slice(src[o], span).to_owned());
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].at.0, 1);
    assert_eq!(c[0].with.unwrap().0, 0);
}

proptest! {
    #[test]
    fn parse_never_panics(s in "\\PC{0,80}") {
        check_all(&s);
    }

    #[test]
    fn parse_never_panics_on_query_like_text(s in "[a-z:. =!<>&|~()\\[\\],'\\\\*+?{}0-9-]{0,60}") {
        check_all(&s);
    }

    #[test]
    fn regex_check_never_panics(s in "[a-z()\\[\\]{}*+?|\\\\^$.,&<>=!:0-9 pkQEx-]{0,40}") {
        if let Err(e) = regex::check(&s) {
            prop_assert!(e.start < e.end && e.end <= s.len());
            prop_assert!(s.is_char_boundary(e.start) && s.is_char_boundary(e.end));
        }
    }
}

fn check_all(s: &str) {
    match parse(s) {
        Ok(e) => {
            let a = analyze(s);
            assert!(a.syntax.is_none());
            assert_eq!(a.operators.len() + a.arguments.len() + a.patterns.len() + a.attribute_names.len() + a.and_or.len(), all_issues(s).len());
            for i in all_issues(s) {
                assert!(i.span.end as usize <= s.len() && s.is_char_boundary(i.span.start as usize) && s.is_char_boundary(i.span.end as usize), "{s:?}: {i:?}");
            }
            let f = facts(0, &e);
            let _ = conflicts(&f, &|_, span| slice(s, span).to_owned());
        }
        Err(e) => {
            assert_eq!(analyze(s).syntax.as_ref(), Some(&e));
            assert!(e.span.start <= e.span.end && e.span.end as usize <= s.len(), "{s:?}: {e:?}");
            assert!(s.is_char_boundary(e.span.start as usize) && s.is_char_boundary(e.span.end as usize), "{s:?}: {e:?}");
        }
    }
}
