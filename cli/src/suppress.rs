//! Suppression comments: `# runtask: ignore[RT112]` (several codes: `ignore[RT112, RT339]`; rule
//! names work too) at the end of a line suppresses those findings on that line; on a line of its
//! own, on the next line that is not blank or a comment. They work in every format with `#`
//! comments ([`crate::candidate::Reading::comment_marker`]); JSON has none.
//!
//! A code that suppresses nothing is reported as RT008 `unused-suppression` (when that rule runs
//! for the file), with a fix that removes it; so is a code that names no rule, and an
//! `ignore` without codes. Codes of rules that do not run for the file are never reported.

use runtask_core::json::LineIndex;
use runtask_core::registry::find;
use runtask_core::rules::input::unused_suppression::RULE as UNUSED;
use runtask_core::{Applicability, Diagnostic, Edit, Fix, Options};

/// One `# runtask: ignore[…]` comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// The 1-based line whose findings it suppresses (0: none, it is the last line).
    pub target: u32,
    /// Each code as written, with its byte range.
    pub codes: Vec<(String, u32, u32)>,
    /// The bytes to remove to drop the whole directive.
    pub removal: (u32, u32),
    /// The byte range of the directive (`# runtask: ignore[…]`), for reports about it as a whole.
    pub span: (u32, u32),
    /// `ignore` was written without `[codes]`.
    pub malformed: bool,
}

/// Finds the directives in `text`, a file whose comments start with `marker`.
pub fn scan(text: &str, marker: &str) -> Vec<Directive> {
    let lines: Vec<(usize, &str)> = line_starts(text);
    let is_comment_or_blank = |l: &str| {
        let t = l.trim();
        t.is_empty() || t.starts_with(marker)
    };
    let mut out = Vec::new();
    for (i, &(start, line)) in lines.iter().enumerate() {
        let mut from = 0;
        while let Some(found) = line[from..].find(marker) {
            let at = from + found;
            from = at + marker.len();
            if at > 0 && !line[..at].ends_with(char::is_whitespace) {
                continue;
            }
            let Some(d) = parse_directive(line, at, marker) else { continue };
            let own_line = line[..at].trim().is_empty();
            let target = if own_line {
                lines[i + 1..].iter().find(|(_, l)| !is_comment_or_blank(l)).map_or(0, |(s, _)| line_number(&lines, *s))
            } else {
                (i + 1) as u32
            };
            let base = start as u32;
            let line_end = start + line.len();
            let removal = if own_line {
                // The whole line with its line break.
                let next = lines.get(i + 1).map_or(text.len(), |(s, _)| *s);
                (start as u32, next as u32)
            } else {
                let keep = line[..at].trim_end().len();
                ((start + keep) as u32, line_end as u32)
            };
            out.push(Directive {
                target,
                codes: d.codes.into_iter().map(|(c, s, e)| (c, base + s as u32, base + e as u32)).collect(),
                removal,
                span: (base + at as u32, base + d.end as u32),
                malformed: d.malformed,
            });
            break;
        }
    }
    out
}

struct Parsed {
    codes: Vec<(String, usize, usize)>,
    end: usize,
    malformed: bool,
}

/// `# runtask: ignore[A, B]` at `at` in `line`; `None` when the comment is not a directive.
fn parse_directive(line: &str, at: usize, marker: &str) -> Option<Parsed> {
    let mut i = at + marker.len();
    let skip_ws = |i: &mut usize| {
        while line[*i..].starts_with([' ', '\t']) {
            *i += 1;
        }
    };
    skip_ws(&mut i);
    i += strip(&line[i..], "runtask:")?;
    skip_ws(&mut i);
    i += strip(&line[i..], "ignore")?;
    if !line[i..].starts_with('[') {
        // `ignore` followed by a letter is another word (`ignored`): not a directive.
        if line[i..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            return None;
        }
        return Some(Parsed { codes: Vec::new(), end: i, malformed: true });
    }
    let open = i + 1;
    let Some(close) = line[open..].find(']').map(|c| open + c) else {
        return Some(Parsed { codes: Vec::new(), end: line.len(), malformed: true });
    };
    let mut codes = Vec::new();
    let mut pos = open;
    for part in line[open..close].split(',') {
        let lead = part.len() - part.trim_start().len();
        let code = part.trim();
        if !code.is_empty() {
            codes.push((code.to_owned(), pos + lead, pos + lead + code.len()));
        }
        pos += part.len() + 1;
    }
    let malformed = codes.is_empty();
    Some(Parsed { codes, end: close + 1, malformed })
}

fn strip(s: &str, prefix: &str) -> Option<usize> {
    (s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)).then_some(prefix.len())
}

fn line_starts(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        out.push((start, line.trim_end_matches(['\n', '\r'])));
        start += line.len();
    }
    out
}

fn line_number(lines: &[(usize, &str)], start: usize) -> u32 {
    lines.iter().position(|(s, _)| *s == start).map_or(0, |i| i as u32 + 1)
}

fn names(d: &Diagnostic, code: &str) -> bool {
    d.code.eq_ignore_ascii_case(code) || d.name == code
}

/// Removes the findings that the directives in `text` suppress, and adds an RT008 finding for
/// each code that suppressed nothing (when RT008 runs under `options`).
pub fn apply(text: &str, marker: &str, diagnostics: Vec<Diagnostic>, options: &Options) -> Vec<Diagnostic> {
    let directives = scan(text, marker);
    if directives.is_empty() {
        return diagnostics;
    }
    let mut used: Vec<Vec<bool>> = directives.iter().map(|d| vec![false; d.codes.len()]).collect();
    let mut kept = Vec::with_capacity(diagnostics.len());
    'diag: for d in diagnostics {
        for (di, directive) in directives.iter().enumerate() {
            if directive.target != d.line {
                continue;
            }
            if let Some(ci) = directive.codes.iter().position(|(c, _, _)| names(&d, c)) {
                used[di][ci] = true;
                continue 'diag;
            }
        }
        kept.push(d);
    }
    if !options.enables(&UNUSED) {
        return kept;
    }
    let index = LineIndex::new(text);
    for (directive, used) in directives.iter().zip(&used) {
        if directive.malformed {
            let message = "`# runtask: ignore` must name the codes it suppresses, e.g. `# runtask: ignore[RT112]`".to_owned();
            kept.push(diagnostic(&index, directive.span, message, Some("write the codes in brackets, or remove the comment".to_owned()), None));
            continue;
        }
        let all_unused = used.iter().all(|u| !u);
        for (ci, (code, start, end)) in directive.codes.iter().enumerate() {
            if used[ci] {
                continue;
            }
            let (message, help) = match find(code) {
                None => (format!("`{code}` in a suppression comment is not a rule code or name"), crate::suggest::rule_hint(code)),
                Some(rule) if !options.enables(rule) => continue,
                Some(rule) => {
                    let place = if directive.target == 0 { "after the comment".to_owned() } else { format!("on line {}", directive.target) };
                    (format!("unused suppression: no {} finding {place}", rule.code), "remove it from the comment".to_owned())
                }
            };
            let fix = if all_unused {
                Fix { applicability: Applicability::Safe, description: "Remove the unused suppression comment".to_owned(), edits: vec![Edit::new(directive.removal.0, directive.removal.1, String::new())] }
            } else {
                Fix { applicability: Applicability::Safe, description: format!("Remove `{code}` from the suppression comment"), edits: vec![remove_code(text, *start, *end)] }
            };
            kept.push(diagnostic(&index, (*start, *end), message, Some(help), Some(fix)));
        }
    }
    kept
}

/// Removes one code from a list, with the separator before it (or after it, for the first).
fn remove_code(text: &str, start: u32, end: u32) -> Edit {
    let (s, e) = (start as usize, end as usize);
    let before = text[..s].trim_end_matches([' ', '\t']);
    if before.ends_with(',') {
        return Edit::new((before.len() - 1) as u32, end, String::new());
    }
    let after = &text[e..];
    let rest = after.trim_start_matches([' ', '\t']);
    if let Some(r) = rest.strip_prefix(',') {
        let r = r.trim_start_matches([' ', '\t']);
        return Edit::new(start, (text.len() - r.len()) as u32, String::new());
    }
    Edit::new(start, end, String::new())
}

fn diagnostic(index: &LineIndex<'_>, (start, end): (u32, u32), message: String, help: Option<String>, fix: Option<Fix>) -> Diagnostic {
    let mut d = UNUSED.diagnostic(String::new(), message);
    d.help = help.map(Into::into);
    d.fix = fix;
    // The range, and the fix's edits in UTF-16.
    d.set_position(index, start, end);
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trailing_and_own_line_directives() {
        let text = "a: 1  # runtask: ignore[RT112, RT339]\n# runtask: ignore[RT106]\n\n# a note\nb: 2\nc: '# runtask: ignore[RT1]'\n#runtask:ignore[count-out-of-range]\n";
        let d = scan(text, "#");
        assert_eq!(d.len(), 3, "{d:#?}");
        assert_eq!(d[0].target, 1);
        assert_eq!(d[0].codes.iter().map(|c| c.0.as_str()).collect::<Vec<_>>(), ["RT112", "RT339"]);
        assert_eq!(&text[d[0].codes[1].1 as usize..d[0].codes[1].2 as usize], "RT339");
        assert_eq!(&text[d[0].removal.0 as usize..d[0].removal.1 as usize], "  # runtask: ignore[RT112, RT339]");
        assert_eq!(d[1].target, 5, "the next line that is not blank or a comment");
        assert_eq!(&text[d[1].removal.0 as usize..d[1].removal.1 as usize], "# runtask: ignore[RT106]\n");
        assert_eq!(d[2].target, 0, "nothing follows");
        assert!(scan("x: 1 # runtask: ignored here\n", "#").is_empty());
        assert!(scan("x: 1 # runtask: ignore\n", "#")[0].malformed);
        assert!(scan("x: 1 # runtask: ignore[]\n", "#")[0].malformed);
    }

    #[test]
    fn removing_one_code_keeps_the_list_well_formed() {
        let text = "# runtask: ignore[RT112, RT339, RT106]";
        let at = |c: &str| {
            let s = text.find(c).unwrap() as u32;
            (s, s + c.len() as u32)
        };
        for (code, expected) in [("RT112", "# runtask: ignore[RT339, RT106]"), ("RT339", "# runtask: ignore[RT112, RT106]"), ("RT106", "# runtask: ignore[RT112, RT339]")] {
            let (s, e) = at(code);
            let edit = remove_code(text, s, e);
            let out = format!("{}{}", &text[..edit.start as usize], &text[edit.end as usize..]);
            assert_eq!(out, expected);
        }
    }
}
