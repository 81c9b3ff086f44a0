//! Every figure in a rule's message comes from the table the rule checks against: no limit,
//! size or version is written into a message string (a message that says "at most 20" while the
//! rule checks 16 is the drift this prevents). Read from the source of `src/rules/`: string
//! literals outside comments and tests may hold no number of two or more digits and no version,
//! except in an example: a value in escaped quotes (`\"256\"`), a JSON member's value
//! (`\"sizeInGiB\": 20`) or what follows "e.g." up to the next `)` or `,`.

use std::path::Path;

mod source;

/// The string literals of a line of code.
fn literals(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'"' && (i == 0 || b[i - 1] != b'\'') {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            out.push(line[i + 1..j.min(line.len())].to_owned());
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// A figure in `text`, outside examples and resource IDs: a number of two or more digits, or a
/// dotted version.
fn figure(text: &str) -> Option<String> {
    // Drop examples: `\"…\"`, a JSON value after `\":`, what follows "e.g.", and ARNs and IDs.
    let mut rest = String::new();
    for (i, part) in text.split("\\\"").enumerate() {
        if i % 2 == 0 {
            let part = match part.strip_prefix(':') {
                Some(value) => value.trim_start().trim_start_matches(|c: char| c.is_ascii_digit()),
                None => part,
            };
            rest.push_str(part);
            rest.push(' ');
        }
    }
    while let Some(i) = rest.find("e.g.") {
        let end = rest[i..].find([')', ',']).map_or(rest.len(), |e| i + e);
        rest.replace_range(i..end, " ");
    }
    let words: Vec<&str> = rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == ':')).collect();
    for w in words {
        if w.starts_with("arn:") || w.starts_with("subnet-") || w.starts_with("sg-") || w.starts_with("snap-") {
            continue;
        }
        let w = w.trim_matches('.');
        let digits = w.chars().filter(char::is_ascii_digit).count();
        let is_number = !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == '.');
        if is_number && (digits >= 2 || w.contains('.')) {
            return Some(w.to_owned());
        }
    }
    None
}

fn offenders(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for f in source::files(dir) {
        for (n, line) in source::code_lines(&f) {
            for lit in literals(&line) {
                if let Some(fig) = figure(&lit) {
                    found.push(format!("{}:{n}: {fig} in \"{lit}\"", f.strip_prefix(dir).unwrap().display()));
                }
            }
        }
    }
    found
}

#[test]
fn messages_take_their_figures_from_the_tables() {
    let found = offenders(&source::src().join("rules"));
    assert!(found.is_empty(), "figures written into messages (take them from data/ or the model):\n{}", found.join("\n"));
}

#[test]
fn the_check_finds_figures() {
    assert_eq!(figure("current ECS allows 20 providers"), Some("20".to_owned()));
    assert_eq!(figure("use `LATEST` or `1.4.0`"), Some("1.4.0".to_owned()));
    assert_eq!(figure("e.g. \\\"256\\\" and \\\"512\\\""), None);
    assert_eq!(figure("use {MAX} characters"), None);
    assert_eq!(figure("add \\\"sizeInGiB\\\" (e.g. 20) for a new volume"), None);
    assert_eq!(figure("{\\\"sizeInGiB\\\": 20}, or 30"), Some("30".to_owned()));
    assert_eq!(figure("add 1 subnet"), None);
    assert_eq!(literals(r#"x(format!("at most {n}"), "2000 chars")"#), ["at most {n}", "2000 chars"]);
}
