//! `aws ecs run-task` command lines in shell scripts, Makefiles, Dockerfiles and GitHub Actions
//! `run:` steps: the shell's words (quotes, escapes, line continuations, `$VAR`, `$(…)` and
//! backticks, whose commands are searched too), each command's options read as the AWS CLI reads
//! them (JSON, shorthand or `file://` values), and the request they make.

use std::borrow::Cow;

use crate::diagnostics::Diagnostic;
use crate::extract::{Extracted, FilePointers, Syntax};
use crate::json::{Document, Kind, LineIndex, NodeId, TextRange};
use crate::mapped::Mapped;
use crate::model::{self, Member, ShapeKind};
use crate::rules::dialect as r;
use crate::{input_diagnostic};

use super::convert::{short, Builder, DialectFinding, Hooks, Walker};
use super::names::{self, cli_option};
use super::{Dialect, Files, Found};

/// Marks a make variable in preprocessed Makefile text (start and end).
const MAKE_START: char = '\u{1}';
const MAKE_END: char = '\u{2}';

/// Who expands `$…` before the command runs, for messages.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Flavour {
    Shell,
    Make,
    Github,
}

/// One shell word: its value with quotes removed, and the parts of it known only at run time.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    pub text: Mapped,
    /// Ranges of `text` expanded at run time, with what expands them.
    pub dynamic: Vec<(TextRange, String)>,
    /// The word as written, in the file.
    pub raw: TextRange,
}

impl Word {
    fn is(&self, s: &str) -> bool {
        self.dynamic.is_empty() && self.text.text() == s
    }

    fn what(&self) -> Option<String> {
        (!self.dynamic.is_empty()).then(|| self.dynamic.iter().map(|(_, w)| w.clone()).collect::<Vec<_>>().join(", "))
    }
}

struct WordBuilder {
    text: Mapped,
    dynamic: Vec<(TextRange, String)>,
    start: u32,
    redirect: bool,
}

/// Why the script cannot be read as words: where (in the file) and what.
#[derive(Debug)]
pub(crate) struct ShellError {
    pub range: TextRange,
    pub message: String,
}

struct Tokenizer<'a> {
    src: &'a Mapped,
    s: &'a str,
    pos: usize,
    flavour: Flavour,
    commands: Vec<Vec<Word>>,
    /// Here-documents whose bodies start at the next line: (delimiter, strip tabs).
    heredocs: Vec<(String, bool)>,
}

impl Tokenizer<'_> {
    fn file(&self, start: usize, end: usize) -> TextRange {
        self.src.file_range(TextRange::new(start as u32, end as u32))
    }

    fn peek(&self) -> Option<char> {
        self.s[self.pos..].chars().next()
    }

    fn at(&self, off: usize) -> Option<char> {
        self.s.get(self.pos + off..).and_then(|r| r.chars().next())
    }

    fn push_char(&self, w: &mut WordBuilder, c: char, start: usize, end: usize) {
        w.text.push_char(c, self.file(start, end));
    }

    fn push_dynamic(&self, w: &mut WordBuilder, start: usize, end: usize, what: String) {
        let s = w.text.len();
        // The part as written, without the make-variable marks.
        let mut i = start;
        while i < end {
            let c = self.s[i..].chars().next().unwrap_or(' ');
            if c != MAKE_START && c != MAKE_END {
                w.text.push_copy(self.src, TextRange::new(i as u32, (i + c.len_utf8()) as u32));
            }
            i += c.len_utf8();
        }
        w.dynamic.push((TextRange::new(s, w.text.len()), what));
    }

    fn new_word(&self) -> WordBuilder {
        WordBuilder { text: Mapped::with_capacity(16), dynamic: Vec::new(), start: self.pos as u32, redirect: false }
    }

    fn finish(&self, word: &mut Option<WordBuilder>, cmd: &mut Vec<Word>, skip_next: &mut bool) {
        if let Some(w) = word.take() {
            if w.redirect {
                // `>file`, `2>&1`: a redirection; a bare `>` takes the next word too.
                let t = w.text.text();
                *skip_next = t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '&').chars().all(|c| c == '>' || c == '<');
                return;
            }
            if *skip_next {
                *skip_next = false;
                return;
            }
            let raw = self.file(w.start as usize, self.pos);
            cmd.push(Word { text: w.text, dynamic: w.dynamic, raw });
        }
    }

    fn end_command(&mut self, cmd: &mut Vec<Word>) {
        if !cmd.is_empty() {
            self.commands.push(std::mem::take(cmd));
        }
    }

    /// Reads commands until the end, or until `close` (the `)` of a `$(…)`).
    fn run(&mut self, close: Option<char>) -> Result<(), ShellError> {
        let mut cmd: Vec<Word> = Vec::new();
        let mut word: Option<WordBuilder> = None;
        let mut skip_next = false;
        let open_at = self.pos.saturating_sub(2);
        loop {
            let Some(c) = self.peek() else {
                self.finish(&mut word, &mut cmd, &mut skip_next);
                self.end_command(&mut cmd);
                if close.is_some() {
                    return Err(ShellError { range: self.file(open_at, open_at + 2), message: "`$(` is never closed: the shell reads to the end of the file".to_owned() });
                }
                return Ok(());
            };
            if Some(c) == close {
                self.finish(&mut word, &mut cmd, &mut skip_next);
                self.end_command(&mut cmd);
                self.pos += 1;
                return Ok(());
            }
            match c {
                ' ' | '\t' => {
                    self.finish(&mut word, &mut cmd, &mut skip_next);
                    self.pos += 1;
                }
                '\\' => {
                    match self.at(1) {
                        Some('\n') => self.pos += 2,
                        Some('\r') if self.at(2) == Some('\n') => self.pos += 3,
                        Some(n) => {
                            let w = word.get_or_insert_with(|| self.new_word());
                            let start = self.pos;
                            self.push_char(w, n, start, start + 1 + n.len_utf8());
                            self.pos += 1 + n.len_utf8();
                        }
                        None => self.pos += 1,
                    }
                }
                '\n' | '\r' => {
                    self.finish(&mut word, &mut cmd, &mut skip_next);
                    self.end_command(&mut cmd);
                    self.pos += 1;
                    if c == '\n' && !self.heredocs.is_empty() {
                        self.skip_heredocs();
                    }
                }
                ';' | '&' | '|' | '(' | ')' => {
                    self.finish(&mut word, &mut cmd, &mut skip_next);
                    self.end_command(&mut cmd);
                    self.pos += 1;
                }
                '#' if word.is_none() => {
                    let rest = &self.s[self.pos..];
                    self.pos += rest.find('\n').unwrap_or(rest.len());
                }
                '<' | '>' => {
                    if c == '<' && self.at(1) == Some('<') && self.at(2) != Some('<') {
                        self.heredoc();
                        continue;
                    }
                    let w = word.get_or_insert_with(|| self.new_word());
                    w.redirect = true;
                    let start = self.pos;
                    self.push_char(w, c, start, start + 1);
                    self.pos += 1;
                }
                '\'' => {
                    let w = word.get_or_insert_with(|| self.new_word());
                    let start = self.pos;
                    let Some(len) = self.s[start + 1..].find('\'') else {
                        return Err(ShellError { range: self.file(start, start + 1), message: "unterminated `'` quote: the shell reads to the end of the file".to_owned() });
                    };
                    let mut i = start + 1;
                    while i < start + 1 + len {
                        let ch = self.s[i..].chars().next().unwrap_or(' ');
                        if ch == MAKE_START {
                            let end = self.s[i..].find(MAKE_END).map_or(start + 1 + len, |e| i + e + 1);
                            let what = self.make_var(i, end);
                            self.push_dynamic(w, i, end, what);
                            i = end;
                            continue;
                        }
                        self.push_char(w, ch, i, i + ch.len_utf8());
                        i += ch.len_utf8();
                    }
                    self.pos = start + len + 2;
                }
                '"' => {
                    let mut w = word.take().unwrap_or_else(|| self.new_word());
                    self.double_quoted(&mut w)?;
                    word = Some(w);
                }
                '$' => {
                    let mut w = word.take().unwrap_or_else(|| self.new_word());
                    self.dollar(&mut w, false)?;
                    word = Some(w);
                }
                '`' => {
                    let mut w = word.take().unwrap_or_else(|| self.new_word());
                    self.backtick(&mut w)?;
                    word = Some(w);
                }
                MAKE_START => {
                    let w = word.get_or_insert_with(|| self.new_word());
                    let start = self.pos;
                    let end = self.s[start..].find(MAKE_END).map_or(self.s.len(), |e| start + e + 1);
                    let what = self.make_var(start, end);
                    self.push_dynamic(w, start, end, what);
                    self.pos = end;
                }
                c => {
                    let w = word.get_or_insert_with(|| self.new_word());
                    let start = self.pos;
                    self.push_char(w, c, start, start + c.len_utf8());
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    fn make_var(&self, start: usize, end: usize) -> String {
        let text: String = self.s[start..end].chars().filter(|c| *c != MAKE_START && *c != MAKE_END).collect();
        format!("make variable `{}`", short(&text))
    }

    fn double_quoted(&mut self, w: &mut WordBuilder) -> Result<(), ShellError> {
        let open = self.pos;
        self.pos += 1;
        loop {
            let Some(c) = self.peek() else {
                return Err(ShellError { range: self.file(open, open + 1), message: "unterminated `\"` quote: the shell reads to the end of the file".to_owned() });
            };
            match c {
                '"' => {
                    self.pos += 1;
                    return Ok(());
                }
                '\\' => match self.at(1) {
                    Some(n @ ('"' | '\\' | '$' | '`')) => {
                        let start = self.pos;
                        self.push_char(w, n, start, start + 2);
                        self.pos += 2;
                    }
                    Some('\n') => self.pos += 2,
                    _ => {
                        let start = self.pos;
                        self.push_char(w, '\\', start, start + 1);
                        self.pos += 1;
                    }
                },
                '$' => self.dollar(w, true)?,
                '`' => self.backtick(w)?,
                MAKE_START => {
                    let start = self.pos;
                    let end = self.s[start..].find(MAKE_END).map_or(self.s.len(), |e| start + e + 1);
                    let what = self.make_var(start, end);
                    self.push_dynamic(w, start, end, what);
                    self.pos = end;
                }
                c => {
                    let start = self.pos;
                    self.push_char(w, c, start, start + c.len_utf8());
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    /// `$…` at `self.pos`.
    fn dollar(&mut self, w: &mut WordBuilder, quoted: bool) -> Result<(), ShellError> {
        let start = self.pos;
        match (self.at(1), self.at(2)) {
            (Some('('), Some('(')) => {
                let end = self.s[start..].find("))").map_or(self.s.len(), |e| start + e + 2);
                self.push_dynamic(w, start, end, format!("arithmetic `{}`", short(&self.s[start..end])));
                self.pos = end;
            }
            (Some('('), _) => {
                // A command substitution: its commands are read (and searched) too.
                self.pos += 2;
                let saved = std::mem::take(&mut self.heredocs);
                self.run(Some(')'))?;
                self.heredocs = saved;
                let end = self.pos;
                let what = format!("command substitution `{}`", short(&self.s[start..end]));
                self.push_dynamic(w, start, end, what);
            }
            (Some('{'), Some('{')) => {
                let end = self.s[start..].find("}}").map_or(self.s.len(), |e| start + e + 2);
                self.push_dynamic(w, start, end, format!("expression `{}`", short(&self.s[start..end])));
                self.pos = end;
            }
            (Some('{'), _) => {
                let end = self.s[start..].find('}').map_or(self.s.len(), |e| start + e + 1);
                self.push_dynamic(w, start, end, format!("variable `{}`", short(&self.s[start..end])));
                self.pos = end;
            }
            (Some('\''), _) if !quoted => {
                // ANSI-C quoting: `$'a\nb'`.
                let open = start + 1;
                let mut i = open + 1;
                let unterminated = |t: &Self| ShellError { range: t.file(open, open + 1), message: "unterminated `$'` quote: the shell reads to the end of the file".to_owned() };
                loop {
                    let Some(ch) = self.s.get(i..).and_then(|r| r.chars().next()) else {
                        return Err(unterminated(self));
                    };
                    match ch {
                        '\'' => break,
                        '\\' => {
                            let Some(n) = self.s.get(i + 1..).and_then(|r| r.chars().next()) else {
                                return Err(unterminated(self));
                            };
                            let v = match n {
                                'n' => '\n',
                                't' => '\t',
                                'r' => '\r',
                                other => other,
                            };
                            self.push_char(w, v, i, i + 1 + n.len_utf8());
                            i += 1 + n.len_utf8();
                        }
                        _ => {
                            self.push_char(w, ch, i, i + ch.len_utf8());
                            i += ch.len_utf8();
                        }
                    }
                }
                self.pos = i + 1;
            }
            (Some(c), _) if c.is_ascii_alphabetic() || c == '_' => {
                let len = self.s[start + 1..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(self.s.len() - start - 1);
                let end = start + 1 + len;
                self.push_dynamic(w, start, end, format!("variable `{}`", &self.s[start..end]));
                self.pos = end;
            }
            (Some(c), _) if c.is_ascii_digit() || "@*#?$!-".contains(c) => {
                let end = start + 2;
                self.push_dynamic(w, start, end, format!("variable `{}`", &self.s[start..end]));
                self.pos = end;
            }
            _ => {
                self.push_char(w, '$', start, start + 1);
                self.pos += 1;
            }
        }
        Ok(())
    }

    fn backtick(&mut self, w: &mut WordBuilder) -> Result<(), ShellError> {
        let start = self.pos;
        let Some(len) = self.s[start + 1..].find('`') else {
            return Err(ShellError { range: self.file(start, start + 1), message: "unterminated `` ` `` command substitution: the shell reads to the end of the file".to_owned() });
        };
        let end = start + len + 2;
        // Its commands are read too.
        let mut inner = Tokenizer { src: self.src, s: &self.s[..end - 1], pos: start + 1, flavour: self.flavour, commands: Vec::new(), heredocs: Vec::new() };
        inner.run(None)?;
        self.commands.extend(inner.commands);
        self.push_dynamic(w, start, end, format!("command substitution `{}`", short(&self.s[start..end])));
        self.pos = end;
        Ok(())
    }

    /// `<<EOF` (or `<<-EOF`, `<<'EOF'`): the body is skipped at the next line.
    fn heredoc(&mut self) {
        self.pos += 2;
        let strip = self.peek() == Some('-');
        if strip {
            self.pos += 1;
        }
        while self.peek() == Some(' ') {
            self.pos += 1;
        }
        let rest = &self.s[self.pos..];
        let len = rest.find(|c: char| c.is_whitespace() || ";&|<>".contains(c)).unwrap_or(rest.len());
        let delimiter: String = rest[..len].chars().filter(|c| !matches!(c, '\'' | '"' | '\\')).collect();
        self.pos += len;
        if !delimiter.is_empty() {
            self.heredocs.push((delimiter, strip));
        }
    }

    fn skip_heredocs(&mut self) {
        for (delimiter, strip) in std::mem::take(&mut self.heredocs) {
            loop {
                let rest = &self.s[self.pos..];
                if rest.is_empty() {
                    return;
                }
                let len = rest.find('\n').map_or(rest.len(), |i| i + 1);
                let line = rest[..len].trim_end_matches(['\n', '\r']);
                let line = if strip { line.trim_start_matches('\t') } else { line };
                self.pos += len;
                if line == delimiter {
                    break;
                }
            }
        }
    }
}

/// The commands of a script.
fn commands(src: &Mapped, flavour: Flavour) -> Result<Vec<Vec<Word>>, ShellError> {
    let mut t = Tokenizer { src, s: src.text(), pos: 0, flavour, commands: Vec::new(), heredocs: Vec::new() };
    t.run(None)?;
    Ok(t.commands)
}

/// A Makefile as the shell sees its recipes: `$$` is `$`, and make's own `$(X)`, `${X}` and `$@`
/// are values of the build, marked for the tokenizer.
fn make_text(text: &str) -> Mapped {
    let mut out = Mapped::with_capacity(text.len());
    let mut i = 0;
    let b = text.as_bytes();
    while i < text.len() {
        if b[i] == b'$' {
            match b.get(i + 1) {
                Some(b'$') => {
                    out.push("$", TextRange::new(i as u32, i as u32 + 2));
                    i += 2;
                    continue;
                }
                Some(&open @ (b'(' | b'{')) => {
                    let close = if open == b'(' { b')' } else { b'}' };
                    let mut depth = 0;
                    let mut j = i + 1;
                    while j < text.len() {
                        if b[j] == open {
                            depth += 1;
                        } else if b[j] == close {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        j += 1;
                    }
                    let end = (j + 1).min(text.len());
                    let at = TextRange::new(i as u32, end as u32);
                    out.push_char(MAKE_START, TextRange::new(i as u32, i as u32));
                    out.push(&text[i..end], at);
                    out.push_char(MAKE_END, TextRange::new(end as u32, end as u32));
                    i = end;
                    continue;
                }
                Some(c) if c.is_ascii_graphic() => {
                    let at = TextRange::new(i as u32, i as u32 + 2);
                    out.push_char(MAKE_START, TextRange::new(i as u32, i as u32));
                    out.push(&text[i..i + 2], at);
                    out.push_char(MAKE_END, TextRange::new(at.end, at.end));
                    i += 2;
                    continue;
                }
                _ => {}
            }
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        out.push_char(c, TextRange::new(i as u32, (i + c.len_utf8()) as u32));
        i += c.len_utf8();
    }
    out
}

/// Reads a script, Makefile or Dockerfile.
pub(crate) fn extract_file(text: &str, dialect: Dialect, index: &LineIndex<'_>, files: &dyn Files, found: &mut Found) -> Result<(), Box<Diagnostic>> {
    let (src, flavour) = match dialect {
        Dialect::Makefile => (make_text(text), Flavour::Make),
        _ => (Mapped::identity(text), Flavour::Shell),
    };
    let cmds = commands(&src, flavour).map_err(|e| error(e, index))?;
    for cmd in &cmds {
        run_task(cmd, index, files, found);
    }
    Ok(())
}

/// Reads the `run:` steps of a GitHub Actions workflow.
pub(crate) fn extract_workflow(doc: &Document<'_>, text: &Mapped, index: &LineIndex<'_>, files: &dyn Files, found: &mut Found) -> Result<(), Box<Diagnostic>> {
    let mut stack = vec![doc.root()];
    while let Some(n) = stack.pop() {
        for c in doc.children(n) {
            if doc.key(c).as_deref() == Some("run") && doc.kind(c) == Kind::String {
                let src = text.json_string_value(doc.range(c));
                if !super::mentions_run_task(src.text()) {
                    continue;
                }
                let cmds = commands(&src, Flavour::Github).map_err(|e| error(e, index))?;
                for cmd in &cmds {
                    run_task(cmd, index, files, found);
                }
            } else {
                stack.push(c);
            }
        }
    }
    Ok(())
}

fn error(e: ShellError, index: &LineIndex<'_>) -> Box<Diagnostic> {
    let mut d = input_diagnostic(&r::unreadable_script::RULE, "", e.message, Some("close the quote or substitution; until then the shell runs none of the script as written"));
    d.set_position(index, e.range.start, e.range.end);
    Box::new(d)
}

/// Options of the AWS CLI that every command takes, and whether each takes a value.
const GLOBAL_OPTIONS: &[(&str, bool)] = &[
    ("--debug", false),
    ("--endpoint-url", true),
    ("--no-verify-ssl", false),
    ("--no-paginate", false),
    ("--output", true),
    ("--query", true),
    ("--profile", true),
    ("--region", true),
    ("--version", false),
    ("--color", true),
    ("--no-sign-request", false),
    ("--ca-bundle", true),
    ("--cli-read-timeout", true),
    ("--cli-connect-timeout", true),
    ("--cli-binary-format", true),
    ("--no-cli-pager", false),
    ("--cli-auto-prompt", false),
    ("--no-cli-auto-prompt", false),
];

/// What an option of `aws ecs run-task` is.
#[derive(Clone, Copy)]
enum Opt {
    Member(&'static Member),
    /// `--no-…` of a boolean member.
    Negated(&'static Member),
    Global(bool),
    CliInput { yaml: bool },
    Skeleton,
}

fn option(name: &str) -> Option<Opt> {
    for m in model::request().members() {
        let o = cli_option(m.name);
        if name.strip_prefix("--") == Some(o.as_str()) {
            return Some(Opt::Member(m));
        }
        if matches!(m.shape.kind, ShapeKind::Boolean) && name.strip_prefix("--no-") == Some(o.as_str()) {
            return Some(Opt::Negated(m));
        }
    }
    match name {
        "--cli-input-json" => Some(Opt::CliInput { yaml: false }),
        "--cli-input-yaml" => Some(Opt::CliInput { yaml: true }),
        "--generate-cli-skeleton" => Some(Opt::Skeleton),
        _ => GLOBAL_OPTIONS.iter().find(|(n, _)| *n == name).map(|(_, v)| Opt::Global(*v)),
    }
}

/// The run-task words of a command: those after `aws [global options] ecs run-task`.
fn run_task_args(cmd: &[Word]) -> Option<(usize, usize)> {
    let i = cmd.iter().position(|w| w.is("run-task"))?;
    if i < 2 || !cmd[i - 1].is("ecs") {
        return None;
    }
    let aws = cmd[..i - 1].iter().rposition(|w| w.dynamic.is_empty() && (w.text.text() == "aws" || w.text.text().ends_with("/aws")))?;
    Some((aws, i))
}

/// One option as given: its word, its value words.
struct Given<'w> {
    word: &'w Word,
    /// The option's name (`--cluster`), also for `--cluster=x`.
    name: String,
    values: Vec<Word>,
}

/// Finds and reads the `aws ecs run-task` of one command.
fn run_task(cmd: &[Word], index: &LineIndex<'_>, files: &dyn Files, found: &mut Found) {
    let Some((aws, at)) = run_task_args(cmd) else { return };
    let line = index.position(cmd[aws].raw.start).line;
    let location = format!("line {line}: aws ecs run-task");
    let mut findings: Vec<DialectFinding> = Vec::new();
    let args = &cmd[at + 1..];
    // Split the words into options and their values, as the CLI's argument parser does.
    let mut given: Vec<(Opt, Given<'_>)> = Vec::new();
    let mut open: Vec<String> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let w = &args[i];
        i += 1;
        let t = w.text.text();
        if !t.starts_with("--") {
            if w.dynamic.first().is_some_and(|(d, _)| d.start == 0) {
                // `$EXTRA_ARGS`: options known only at run time.
                open.push(w.what().unwrap_or_default());
            } else {
                findings.push(unknown(w, &format!("Unknown options: {}", display(w))));
            }
            continue;
        }
        let (name, inline) = match t.split_once('=') {
            Some((n, _)) => (n.to_owned(), Some(split_inline(w, n.len() + 1))),
            None => (t.to_owned(), None),
        };
        let Some(opt) = option(&name) else {
            let close = nearest_option(&name);
            let mut f = unknown(w, &format!("Unknown options: {name}"));
            if let Some(c) = close {
                f = f.help(format!("did you mean `{c}`? `aws ecs run-task help` lists the options"));
            }
            findings.push(f);
            // Its values are not options either.
            while i < args.len() && !args[i].text.text().starts_with("--") {
                i += 1;
            }
            continue;
        };
        let takes = match opt {
            Opt::Member(m) => !matches!(m.shape.kind, ShapeKind::Boolean),
            Opt::Negated(_) => false,
            Opt::Global(v) => v,
            Opt::CliInput { .. } => true,
            Opt::Skeleton => inline.is_some() || args.get(i).is_some_and(|n| !n.text.text().starts_with("--")),
        };
        let many = matches!(opt, Opt::Member(m) if matches!(m.shape.kind, ShapeKind::List { .. }));
        let mut values = Vec::new();
        if let Some(v) = inline {
            values.push(v);
        }
        if takes && values.is_empty() {
            while i < args.len() && !args[i].text.text().starts_with("--") {
                values.push(args[i].clone());
                i += 1;
                if !many {
                    break;
                }
            }
        }
        if takes && values.is_empty() {
            findings.push(DialectFinding::new(&r::invalid_cli_value::RULE, w.raw, String::new(), format!("`{name}` expects a value, and none follows")).help(format!("give `{name}` its value, or remove the option")));
            continue;
        }
        given.push((opt, Given { word: w, name, values }));
    }
    if given.iter().any(|(o, _)| matches!(o, Opt::Skeleton)) {
        // `--generate-cli-skeleton` prints a template and runs nothing.
        found.findings.extend(findings.into_iter().map(|f| (f, Some(location.clone()))));
        return;
    }
    let mut b = Builder::new();
    let root_at = cmd[at].raw;
    let start = b.open(false, root_at);
    let members: Vec<&'static str> = given.iter().filter_map(|(o, _)| match o {
        Opt::Member(m) | Opt::Negated(m) => Some(m.name),
        _ => None,
    }).collect();
    // `--cli-input-json`: the request, then the options given (which take precedence).
    if let Some((opt, g)) = given.iter().rev().find(|(o, _)| matches!(o, Opt::CliInput { .. })) {
        let yaml = matches!(opt, Opt::CliInput { yaml: true });
        if let Some(unread) = cli_input(g, yaml, &members, files, &mut b, &mut findings) {
            open.push(unread);
        }
    }
    for (n, (opt, g)) in given.iter().enumerate() {
        let (m, value) = match opt {
            Opt::Member(m) => (m, true),
            Opt::Negated(m) => (m, false),
            _ => continue,
        };
        if given[n + 1..].iter().any(|(o, _)| matches!(o, Opt::Member(x) | Opt::Negated(x) if x.name == m.name)) {
            findings.push(
                DialectFinding::new(&r::repeated_cli_option::RULE, g.word.raw, String::new(), format!("`{}` is given again later on the command line; the CLI keeps only the last", g.name))
                    .help("give the option once")
                    .request(format!("/{}", m.name)),
            );
            continue;
        }
        member(m, value, g, files, &mut b, &mut findings);
    }
    b.close(start, TextRange::new(root_at.end, root_at.end));
    let range = TextRange::new(cmd[aws].raw.start, cmd.last().map_or(root_at.end, |w| w.raw.end));
    let (json, _, mut dynamic) = b.sorted_pointers();
    dynamic.extend(open.iter().map(|what| crate::extract::Dynamic { range: TextRange::default(), member: "options".to_owned(), what: what.clone() }));
    let ex = Extracted { json, pointers: FilePointers::Table(Vec::new()), dynamic, location: Some(location), syntax: Syntax::Shell, spelling: Some(&names::CLI), range, pointer: String::new(), open: !open.is_empty() };
    found.push(ex, findings);
}

fn display(w: &Word) -> String {
    let t = w.text.text();
    if t.chars().count() > 40 {
        format!("{}…", t.chars().take(39).collect::<String>())
    } else {
        t.to_owned()
    }
}

fn unknown(w: &Word, message: &str) -> DialectFinding {
    DialectFinding::new(&r::unknown_cli_option::RULE, w.raw, String::new(), message.to_owned()).help("remove it; `aws ecs run-task help` lists the options")
}

fn nearest_option(name: &str) -> Option<String> {
    let mut all: Vec<String> = model::request().members().iter().map(|m| format!("--{}", cli_option(m.name))).collect();
    all.extend(GLOBAL_OPTIONS.iter().map(|(n, _)| (*n).to_owned()));
    all.extend(["--cli-input-json", "--cli-input-yaml"].map(String::from));
    all.into_iter().map(|n| (strsim::jaro_winkler(&n, name), n)).filter(|(s, _)| *s >= 0.85).max_by(|a, b| a.0.total_cmp(&b.0)).map(|(_, n)| n)
}

/// The value part of `--option=value`.
fn split_inline(w: &Word, from: usize) -> Word {
    let text = &w.text;
    let mut m = Mapped::with_capacity(text.len() as usize);
    m.push_copy(text, TextRange::new(from as u32, text.len()));
    let dynamic = w
        .dynamic
        .iter()
        .filter(|(r, _)| r.end as usize > from)
        .map(|(r, s)| (TextRange::new(r.start.saturating_sub(from as u32), r.end - from as u32), s.clone()))
        .collect();
    let raw = text.file_range(TextRange::new(from as u32, text.len()));
    Word { text: m, dynamic, raw }
}

/// An argument's text as JSON, with the ranges the shell expands (and what expands them).
type Expanded = (Mapped, Vec<(TextRange, String)>);

/// Values known only at run time inside a JSON or shorthand argument: the ranges of the
/// argument's text that the shell expands.
struct ShellHooks {
    ranges: Vec<(TextRange, String)>,
}

impl Hooks for ShellHooks {
    fn dynamic_value(&self, doc: &Document<'_>, node: NodeId) -> Option<String> {
        if !matches!(doc.kind(node), Kind::String | Kind::Number | Kind::Bool) {
            return None;
        }
        let r = doc.range(node);
        let hits: Vec<&str> = self.ranges.iter().filter(|(d, _)| d.start < r.end && r.start < d.end).map(|(_, w)| w.as_str()).collect();
        (!hits.is_empty()).then(|| hits.join(", "))
    }
}

/// An argument's text as JSON: parts the shell expands outside JSON strings are quoted (so the
/// JSON parses and the readers know them), and the expanded ranges, in the result's text.
fn json_text(w: &Word) -> Expanded {
    let text = w.text.text();
    let mut out = Mapped::with_capacity(text.len() + 8);
    let mut ranges = Vec::new();
    let mut in_string = false;
    let mut escaped = false;
    let mut i = 0usize;
    while i < text.len() {
        if let Some((d, what)) = w.dynamic.iter().find(|(d, _)| d.start as usize == i) {
            let start = out.len();
            let at = w.text.file_range(*d);
            let part = &text[d.start as usize..d.end as usize];
            if in_string {
                // Inside a JSON string: escape what would end it.
                out.push(&crate::json::json_string(part)[1..crate::json::json_string(part).len() - 1], at);
            } else {
                out.push(&crate::json::json_string(part), at);
            }
            ranges.push((TextRange::new(start, out.len()), what.clone()));
            i = d.end as usize;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
        }
        out.push_copy(&w.text, TextRange::new(i as u32, (i + c.len_utf8()) as u32));
        i += c.len_utf8();
    }
    (out, ranges)
}

/// Reads a value that names a file (`file://x`); None when it does not.
fn file_value(w: &Word, files: &dyn Files, option: &str, findings: &mut Vec<DialectFinding>) -> Option<Result<Word, String>> {
    let t = w.text.text();
    let reference = t.strip_prefix("file://")?;
    if !w.dynamic.is_empty() {
        return Some(Err(format!("`{}` (a file named at run time)", short(t))));
    }
    match files.read(reference) {
        Ok(content) => {
            // Positions inside the file cannot be shown in this one: everything read from it is at
            // the reference.
            let mut m = Mapped::with_capacity(content.len());
            m.push(&content, w.raw);
            Some(Ok(Word { text: m, dynamic: Vec::new(), raw: w.raw }))
        }
        Err(why) => {
            findings.push(
                DialectFinding::new(&r::unreadable_file_reference::RULE, w.raw, String::new(), format!("`{option}` reads `{reference}`, which cannot be read: {why}"))
                    .help("the CLI reads `file://` paths from the directory it runs in; runtask reads them next to this file"),
            );
            Some(Err(format!("`file://{}` (not read)", short(reference))))
        }
    }
}

/// Writes one option's member into the request.
fn member(m: &'static Member, flag_value: bool, g: &Given<'_>, files: &dyn Files, b: &mut Builder, findings: &mut Vec<DialectFinding>) {
    let opt = &g.name;
    let path = format!("/{}", m.name);
    match &m.shape.kind {
        ShapeKind::Boolean => {
            b.key(m.name, g.word.raw);
            b.text(if flag_value { "true" } else { "false" }, g.word.raw);
        }
        ShapeKind::String { .. } | ShapeKind::Integer { .. } => {
            let Some(w) = g.values.first() else { return };
            if let Some(extra) = g.values.get(1) {
                findings.push(unknown(extra, &format!("Unknown options: {}", display(extra))));
            }
            let w = match file_value(w, files, opt, findings) {
                Some(Ok(read)) => Cow::Owned(read),
                Some(Err(what)) => {
                    b.key(m.name, g.word.raw);
                    b.dynamic(w.raw, opt.clone(), what);
                    return;
                }
                None => Cow::Borrowed(w),
            };
            if let Some(what) = w.what() {
                b.key(m.name, g.word.raw);
                b.dynamic(w.raw, opt.clone(), what);
                return;
            }
            let t = w.text.text();
            if matches!(m.shape.kind, ShapeKind::Integer { .. }) {
                let trimmed = t.trim();
                if !crate::json::is_integer_text(trimmed) {
                    findings.push(
                        DialectFinding::new(&r::invalid_cli_value::RULE, w.raw, String::new(), format!("`{opt}` takes an integer, not {}", crate::json::json_string(t)))
                            .help(format!("give `{opt}` a whole number"))
                            .request(path),
                    );
                    unreadable(m, &w, g, b);
                    return;
                }
                b.key(m.name, g.word.raw);
                let lead = (t.len() - t.trim_start().len()) as u32;
                b.copy(&w.text, TextRange::new(lead, lead + trimmed.len() as u32));
                return;
            }
            b.key(m.name, g.word.raw);
            b.string(&w.text, w.raw);
        }
        ShapeKind::List { member: item, .. } => {
            // JSON (one argument), or one shorthand argument per element.
            let first = g.values.first();
            let json_list = g.values.len() == 1 && first.is_some_and(|w| w.text.text().trim_start().starts_with('['));
            let file_list = g.values.len() == 1 && first.is_some_and(|w| w.text.text().starts_with("file://"));
            if json_list || file_list {
                structured(m, &g.values[0], g, files, b, findings);
                return;
            }
            b.key(m.name, g.word.raw);
            let at = g.values.first().map_or(g.word.raw, |w| w.raw);
            let list = b.open(true, TextRange::new(at.start, at.start));
            for (i, w) in g.values.iter().enumerate() {
                let member_name = format!("{opt}[{i}]");
                if let Some(what) = whole_dynamic(w) {
                    b.dynamic(w.raw, member_name, what);
                    continue;
                }
                let parsed = if w.text.text().trim_start().starts_with('{') { Ok(json_text(w)) } else { parse_shorthand(w, m.shape) };
                match parsed {
                    Ok((text, ranges)) => match Document::parse(text.text()) {
                        Ok(doc) => {
                            let hooks = ShellHooks { ranges };
                            let mut walker = Walker { doc: &doc, text: &text, names: &names::API, hooks: &hooks, file_pointers: false, findings };
                            walker.value(b, doc.root(), item, &format!("{path}/*"), &member_name);
                        }
                        Err(e) => {
                            findings.push(bad_value(opt, &path, &text, e.offset, &e.message()));
                            b.dynamic(w.raw, member_name, String::new());
                        }
                    },
                    Err(f) => {
                        findings.push(f.request(path.clone()));
                        b.dynamic(w.raw, member_name, String::new());
                    }
                }
            }
            let end = g.values.last().map_or(at, |w| w.raw);
            b.close(list, TextRange::new(end.end, end.end));
        }
        ShapeKind::Structure { .. } => {
            if let Some(extra) = g.values.get(1) {
                findings.push(unknown(extra, &format!("Unknown options: {}", display(extra))));
            }
            if let Some(w) = g.values.first() {
                structured(m, w, g, files, b, findings);
            }
        }
    }
}

/// An argument the shell makes whole at run time (`"$OVERRIDES"`).
fn whole_dynamic(w: &Word) -> Option<String> {
    let covered: u32 = w.dynamic.iter().map(|(r, _)| r.len()).sum();
    let text = w.text.text();
    let rest: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    (!w.dynamic.is_empty() && (covered as usize >= rest.len() || !text.trim_start().starts_with(['{', '[']) && w.dynamic.iter().any(|(r, _)| r.start == 0))).then(|| w.what().unwrap_or_default())
}

/// A structure or list option given as one JSON or shorthand argument (or a file holding one).
fn structured(m: &'static Member, w: &Word, g: &Given<'_>, files: &dyn Files, b: &mut Builder, findings: &mut Vec<DialectFinding>) {
    let opt = &g.name;
    let path = format!("/{}", m.name);
    let read;
    let w = match file_value(w, files, opt, findings) {
        Some(Ok(r)) => {
            read = r;
            &read
        }
        Some(Err(what)) => {
            b.key(m.name, g.word.raw);
            b.dynamic(w.raw, opt.clone(), what);
            return;
        }
        None => w,
    };
    if let Some(what) = whole_dynamic(w) {
        b.key(m.name, g.word.raw);
        b.dynamic(w.raw, opt.clone(), what);
        return;
    }
    let parsed = if w.text.text().trim_start().starts_with(['{', '[']) { Ok(json_text(w)) } else { parse_shorthand(w, m.shape) };
    match parsed {
        Ok((text, ranges)) => match Document::parse(text.text()) {
            Ok(doc) => {
                b.key(m.name, g.word.raw);
                let hooks = ShellHooks { ranges };
                let mut walker = Walker { doc: &doc, text: &text, names: &names::API, hooks: &hooks, file_pointers: false, findings };
                walker.value(b, doc.root(), m.shape, &path, opt);
            }
            Err(e) => {
                findings.push(bad_value(opt, &path, &text, e.offset, &e.message()));
                unreadable(m, w, g, b);
            }
        },
        Err(f) => {
            findings.push(f.request(path));
            unreadable(m, w, g, b);
        }
    }
}

/// A value the CLI cannot read (reported by RT060): the member is there, its value unknown.
fn unreadable(m: &'static Member, w: &Word, g: &Given<'_>, b: &mut Builder) {
    b.key(m.name, g.word.raw);
    b.dynamic(w.raw, g.name.clone(), String::new());
}

/// The argument's text with each part the shell expands written as one plain shorthand word
/// (`${{ vars.SUBNET }}` → `$__vars_SUBNET__`), mapped to where the part is written.
fn opaque(w: &Word) -> Mapped {
    let text = w.text.text();
    let mut out = Mapped::with_capacity(text.len());
    let mut i = 0usize;
    while i < text.len() {
        if let Some((d, _)) = w.dynamic.iter().find(|(d, _)| d.start as usize == i && d.end > d.start) {
            let part = &text[d.start as usize..d.end as usize];
            let safe: String = part.chars().map(|c| if c.is_ascii_alphanumeric() || c == '$' { c } else { '_' }).collect();
            out.push(&safe, w.text.file_range(*d));
            i = d.end as usize;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        out.push_copy(&w.text, TextRange::new(i as u32, (i + c.len_utf8()) as u32));
        i += c.len_utf8();
    }
    out
}

fn parse_shorthand(w: &Word, shape: &'static crate::model::Shape) -> Result<Expanded, Box<DialectFinding>> {
    let text = opaque(w);
    match super::shorthand::to_json(&text, shape) {
        Ok(m) => {
            // The expanded parts, where they landed in the JSON.
            let ranges = w
                .dynamic
                .iter()
                .filter_map(|(d, what)| {
                    let at = w.text.file_range(*d);
                    let inside = |i: u32| m.origin(i).start >= at.start && m.origin(i).start < at.end.max(at.start + 1);
                    let hit = (0..m.len()).find(|&i| inside(i))?;
                    let end = (hit..m.len()).take_while(|&i| inside(i)).last().map_or(hit + 1, |e| e + 1);
                    Some((TextRange::new(hit, end), what.clone()))
                })
                .collect();
            Ok((m, ranges))
        }
        Err(e) => {
            let at = w.text.file_range(e.range);
            Err(Box::new(
                DialectFinding::new(&r::invalid_cli_value::RULE, at, String::new(), format!("the shorthand value cannot be read: {}", e.message))
                    .help("write it as key=value pairs (`aws ecs run-task help` shows the shorthand of each option), or as JSON in single quotes"),
            ))
        }
    }
}

fn bad_value(opt: &str, path: &str, text: &Mapped, offset: usize, message: &str) -> DialectFinding {
    let at = text.file_range_of_char(offset);
    DialectFinding::new(&r::invalid_cli_value::RULE, at, String::new(), format!("Error parsing parameter '{opt}': {message}"))
        .help("check the JSON; in a shell, put it in single quotes so that `\"` and `$` reach the CLI as written")
        .request(path.to_owned())
}

/// `--cli-input-json`/`--cli-input-yaml`: the request's members, except those the options give.
/// Returns what it is when its members cannot be known (a file not read, a variable).
fn cli_input(g: &Given<'_>, yaml: bool, skip: &[&str], files: &dyn Files, b: &mut Builder, findings: &mut Vec<DialectFinding>) -> Option<String> {
    let w = g.values.first()?;
    let read;
    let w = match file_value(w, files, &g.name, findings) {
        Some(Ok(r)) => {
            read = r;
            &read
        }
        Some(Err(what)) => return Some(what),
        None => w,
    };
    if let Some(what) = whole_dynamic(w) {
        return Some(what);
    }
    let (text, ranges) = if yaml {
        match crate::yaml::to_json(w.text.text()) {
            // The YAML's positions are in the argument, and through it in the file.
            Ok(m) => (m.through(&w.text), Vec::new()),
            Err(e) => {
                let at = w.text.file_range_of_char(e.offset);
                findings.push(DialectFinding::new(&r::invalid_cli_value::RULE, at, String::new(), format!("`{}` is not YAML the CLI can read: {}", g.name, e.message)));
                return None;
            }
        }
    } else {
        json_text(w)
    };
    let doc = match Document::parse(text.text()) {
        Ok(d) => d,
        Err(e) => {
            findings.push(bad_value(&g.name, "", &text, e.offset, &e.message()));
            return None;
        }
    };
    if doc.kind(doc.root()) != Kind::Object {
        return None;
    }
    let hooks = ShellHooks { ranges };
    let mut walker = Walker { doc: &doc, text: &text, names: &names::API, hooks: &hooks, file_pointers: false, findings };
    for c in doc.children(doc.root()) {
        let key = doc.key(c).unwrap_or_default();
        if skip.contains(&key.as_ref()) {
            continue;
        }
        match model::request().member(&key) {
            Some(m) => {
                b.key(m.name, text.file_range(doc.key_range(c).unwrap_or_else(|| doc.range(c))));
                walker.value(b, c, m.shape, &format!("/{}", m.name), &key);
            }
            None => {
                // Unknown to the API: kept for its unknown-member rule.
                b.key_copy(&text, doc.key_range(c).unwrap_or_else(|| doc.range(c)));
                b.copy(&text, doc.range(c));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(src: &str) -> Vec<Vec<String>> {
        commands(&Mapped::identity(src), Flavour::Shell).unwrap().into_iter().map(|c| c.into_iter().map(|w| w.text.text().to_owned()).collect()).collect()
    }

    #[test]
    fn words_quotes_continuations() {
        let w = words("aws ecs run-task \\\n  --cluster 'a b' --overrides \"{\\\"x\\\": 1}\" # note\necho $X done\n");
        assert_eq!(w[0], vec!["aws", "ecs", "run-task", "--cluster", "a b", "--overrides", "{\"x\": 1}"]);
        assert_eq!(w[1], vec!["echo", "$X", "done"]);
    }

    #[test]
    fn substitutions_are_searched() {
        let w = words("ARN=$(aws ecs run-task --cluster c --query 'tasks[0]' --output text)\n");
        assert!(w.iter().any(|c| c.first().map(String::as_str) == Some("aws")));
        let w = words("X=`aws ecs run-task --cluster c`\n");
        assert!(w.iter().any(|c| c.first().map(String::as_str) == Some("aws")));
    }

    #[test]
    fn heredoc_bodies_are_skipped() {
        let w = words("cat <<EOF > x.json\n{\"a\": \"it's\"}\nEOF\necho done\n");
        assert_eq!(w.last().unwrap(), &vec!["echo", "done"]);
    }

    #[test]
    fn unterminated_quote_is_an_error() {
        let e = commands(&Mapped::identity("aws ecs run-task --cluster 'x\n"), Flavour::Shell).err().unwrap();
        assert_eq!(e.range, TextRange::new(27, 28));
    }

    #[test]
    fn make_variables_and_dollars() {
        let m = make_text("\taws ecs run-task --cluster $(CLUSTER) --started-by $$USER\n");
        let cmds = commands(&m, Flavour::Make).unwrap();
        let cluster = &cmds[0][4];
        assert!(cluster.dynamic[0].1.contains("make variable `$(CLUSTER)`"), "{:?}", cluster.dynamic);
        assert!(cmds[0][6].dynamic[0].1.contains("variable `$USER`"));
    }
}
