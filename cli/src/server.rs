//! `runtask-lint server`: the editor server, Language Server Protocol over standard input and
//! output (lsp-server, the crate rust-analyzer is built on).
//!
//! - Diagnostics on open, change and save, for the files the configuration selects (the same
//!   decision as a directory walk: [`crate::candidate::select`]), with the configuration's
//!   severities, per-file-ignores, task definitions and suppression comments, ranges in UTF-16.
//! - Code actions: each finding's fix, "fix all" (`source.fixAll.runtask`: the safe fixes), and in
//!   files with `#` comments a suppression comment for the finding.
//! - Hover on a finding, or on a code (`RT112` in a suppression comment), shows the rule's
//!   documentation.
//! - Saving a configuration file re-checks every open file.

use std::collections::HashMap;
use std::path::PathBuf;

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams, CodeActionProviderCapability, Diagnostic as LspDiagnostic, DiagnosticRelatedInformation,
    DiagnosticSeverity, DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams, Hover, HoverContents, HoverParams,
    HoverProviderCapability, InitializeParams, Location, MarkupContent, MarkupKind, MessageType, NumberOrString, Position, PublishDiagnosticsParams, Range, SaveOptions,
    ServerCapabilities, ServerInfo, ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions, TextEdit, Url,
    WorkspaceEdit,
};
use runtask_core::json::LineIndex;
use runtask_core::registry::find;
use runtask_core::{Applicability, Diagnostic, Severity};

use crate::candidate::{self, Forced, Origin, Reading};
use crate::config::{FileSettings, Overrides, Resolver};
use crate::lint::{lint, Contents};

const FIX_ALL: &str = "source.fixAll.runtask";
const CONFIG_FILES: &[&str] = &["runtask.toml", ".runtask.toml", "pyproject.toml"];

/// Serves until the client says `exit`.
pub fn run(overrides: Overrides) -> Result<(), String> {
    let (connection, io_threads) = Connection::stdio();
    let capabilities = ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::FULL),
            save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions { include_text: Some(true) })),
            ..TextDocumentSyncOptions::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, CodeActionKind::new(FIX_ALL)]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    };
    let result = serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": ServerInfo { name: "runtask-lint".to_owned(), version: Some(env!("CARGO_PKG_VERSION").to_owned()) },
    });
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let params: InitializeParams = serde_json::from_value(params).map_err(|e| format!("initialize: {e}"))?;
    // Relative paths in the configuration and the defaults are relative to the workspace.
    #[allow(deprecated)]
    let root = params.workspace_folders.as_ref().and_then(|f| f.first()).map(|f| f.uri.clone()).or(params.root_uri.clone());
    if let Some(dir) = root.and_then(|u| u.to_file_path().ok()) {
        let _ = std::env::set_current_dir(dir);
    }
    connection.initialize_finish(id, result).map_err(|e| e.to_string())?;

    let resolver = Resolver::new(overrides).map_err(|e| e.to_string())?;
    let mut server = Server { connection: &connection, resolver, docs: HashMap::new(), last_config_error: None };
    server.serve()?;
    drop(server);
    drop(connection);
    io_threads.join().map_err(|e| e.to_string())
}

struct Server<'c> {
    connection: &'c Connection,
    resolver: Resolver,
    /// The open documents' text.
    docs: HashMap<Url, String>,
    last_config_error: Option<String>,
}

/// A document as the server checks it.
struct Checked {
    text: String,
    path: String,
    reading: Reading,
    settings: FileSettings,
    diagnostics: Vec<Diagnostic>,
}

impl Server<'_> {
    fn serve(&mut self) -> Result<(), String> {
        while let Ok(message) = self.connection.receiver.recv() {
            match message {
                Message::Request(req) => {
                    if self.connection.handle_shutdown(&req).map_err(|e| e.to_string())? {
                        return Ok(());
                    }
                    self.request(req);
                }
                Message::Notification(n) => self.notification(n),
                Message::Response(_) => {}
            }
        }
        Ok(())
    }

    fn send(&self, message: Message) {
        let _ = self.connection.sender.send(message);
    }

    fn request(&mut self, req: Request) {
        let response = match req.method.as_str() {
            lsp_types::request::CodeActionRequest::METHOD => match serde_json::from_value::<CodeActionParams>(req.params) {
                Ok(p) => Response::new_ok(req.id, self.code_actions(&p)),
                Err(e) => Response::new_err(req.id, ErrorCode::InvalidParams as i32, e.to_string()),
            },
            lsp_types::request::HoverRequest::METHOD => match serde_json::from_value::<HoverParams>(req.params) {
                Ok(p) => Response::new_ok(req.id, self.hover(&p)),
                Err(e) => Response::new_err(req.id, ErrorCode::InvalidParams as i32, e.to_string()),
            },
            _ => Response::new_err(req.id, ErrorCode::MethodNotFound as i32, format!("runtask-lint does not handle {}", req.method)),
        };
        self.send(Message::Response(response));
    }

    fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            lsp_types::notification::DidOpenTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) {
                    self.docs.insert(p.text_document.uri.clone(), p.text_document.text);
                    self.publish(&p.text_document.uri);
                }
            }
            lsp_types::notification::DidChangeTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) {
                    // Full synchronisation: the last change holds the whole text.
                    if let Some(change) = p.content_changes.into_iter().last() {
                        self.docs.insert(p.text_document.uri.clone(), change.text);
                    }
                    self.changed(&p.text_document.uri);
                }
            }
            lsp_types::notification::DidSaveTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidSaveTextDocumentParams>(n.params) {
                    if let Some(text) = p.text {
                        self.docs.insert(p.text_document.uri.clone(), text);
                    }
                    self.changed(&p.text_document.uri);
                }
            }
            lsp_types::notification::DidCloseTextDocument::METHOD => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) {
                    self.docs.remove(&p.text_document.uri);
                    self.send_diagnostics(p.text_document.uri, Vec::new());
                }
            }
            lsp_types::notification::DidChangeWatchedFiles::METHOD => self.reload(),
            _ => {}
        }
    }

    /// A document changed: a configuration file re-checks everything (once saved to disk).
    fn changed(&mut self, uri: &Url) {
        let is_config = uri.path_segments().and_then(|mut s| s.next_back()).is_some_and(|name| CONFIG_FILES.contains(&name));
        if is_config {
            self.reload();
        } else {
            self.publish(uri);
        }
    }

    fn reload(&mut self) {
        self.resolver.forget();
        self.last_config_error = None;
        let uris: Vec<Url> = self.docs.keys().cloned().collect();
        for uri in uris {
            self.publish(&uri);
        }
    }

    /// Checks the open document at `uri`; `None` when the configuration does not select it.
    fn check(&mut self, uri: &Url) -> Option<Checked> {
        let text = self.docs.get(uri)?.clone();
        let path: PathBuf = uri.to_file_path().ok()?;
        let config = match self.resolver.config_for(&path) {
            Ok(c) => c,
            Err(e) => {
                let message = format!("runtask-lint: {e}");
                if self.last_config_error.as_deref() != Some(message.as_str()) {
                    self.last_config_error = Some(message.clone());
                    let params = ShowMessageParams { typ: MessageType::ERROR, message };
                    self.send(Message::Notification(Notification::new(lsp_types::notification::ShowMessage::METHOD.to_owned(), params)));
                }
                return None;
            }
        };
        let abs = self.resolver.absolute(&path);
        let candidate = candidate::select(&abs, Origin::Found, &config, false, Forced::default())?;
        let settings = config.file_settings(&abs, &self.resolver.overrides);
        let path = path.to_string_lossy().into_owned();
        let reading = candidate.read_as(&path, false, text.as_bytes())?;
        let contents = Contents { bytes: text.as_bytes(), text: Some(&text), too_large: (text.len() > runtask_core::MAX_INPUT_BYTES).then_some(text.len() as u64), path: Some(&path) };
        let diagnostics = lint(contents, reading, &settings).ok()?;
        Some(Checked { text, path, reading, settings, diagnostics })
    }

    fn publish(&mut self, uri: &Url) {
        let diagnostics = match self.check(uri) {
            Some(c) => {
                let index = LineIndex::new(&c.text);
                c.diagnostics.iter().map(|d| to_lsp(uri, &index, d)).collect()
            }
            None => Vec::new(),
        };
        self.send_diagnostics(uri.clone(), diagnostics);
    }

    fn send_diagnostics(&self, uri: Url, diagnostics: Vec<LspDiagnostic>) {
        let params = PublishDiagnosticsParams { uri, diagnostics, version: None };
        self.send(Message::Notification(Notification::new(lsp_types::notification::PublishDiagnostics::METHOD.to_owned(), params)));
    }

    fn code_actions(&mut self, p: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = &p.text_document.uri;
        let Some(c) = self.check(uri) else { return Vec::new() };
        let index = LineIndex::new(&c.text);
        let wants = |kind: &str| p.context.only.as_ref().is_none_or(|only| only.iter().any(|k| kind.starts_with(k.as_str())));
        let mut actions = Vec::new();
        for d in &c.diagnostics {
            let range = range_of(&index, d.start, d.end);
            if !overlaps(range, p.range) || !wants("quickfix") {
                continue;
            }
            let lsp = to_lsp(uri, &index, d);
            if let Some(fix) = &d.fix {
                let edits = fix.edits.iter().map(|e| TextEdit { range: range_of(&index, e.start, e.end), new_text: e.content.clone() }).collect();
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("{} ({})", fix.description, d.code),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![lsp.clone()]),
                    edit: Some(edit(uri, edits)),
                    is_preferred: Some(fix.applicability == Applicability::Safe),
                    ..CodeAction::default()
                }));
            }
            if let (Some(marker), false) = (c.reading.comment_marker(), d.code == runtask_core::rules::input::unused_suppression::RULE.code) {
                if let Some(e) = suppression_edit(&c.text, marker, d) {
                    actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                        title: format!("Suppress {} on this line", d.code),
                        kind: Some(CodeActionKind::QUICKFIX),
                        diagnostics: Some(vec![lsp]),
                        edit: Some(edit(uri, vec![TextEdit { range: range_of(&index, e.0, e.0), new_text: e.1 }])),
                        ..CodeAction::default()
                    }));
                }
            }
        }
        if wants(FIX_ALL) && c.diagnostics.iter().any(|d| d.fix.as_ref().is_some_and(|f| f.applicability == Applicability::Safe)) {
            if let Ok(fixed) = crate::fix::fix(&c.text, Some(&c.path), c.diagnostics.clone(), c.reading, &c.settings, false) {
                if fixed.text != c.text {
                    let whole = range_of(&index, 0, c.text.len() as u32);
                    actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                        title: "Fix all safely fixable runtask problems".to_owned(),
                        kind: Some(CodeActionKind::new(FIX_ALL)),
                        edit: Some(edit(uri, vec![TextEdit { range: whole, new_text: fixed.text }])),
                        ..CodeAction::default()
                    }));
                }
            }
        }
        actions
    }

    fn hover(&mut self, p: &HoverParams) -> Option<Hover> {
        let uri = &p.text_document_position_params.text_document.uri;
        let pos = p.text_document_position_params.position;
        let text = self.docs.get(uri)?.clone();
        let offset = offset_of(&text, pos)? as u32;
        // A finding under the cursor …
        if let Some(c) = self.check(uri) {
            let index = LineIndex::new(&c.text);
            let mut codes: Vec<&Diagnostic> = c.diagnostics.iter().filter(|d| d.start <= offset && offset <= d.end.max(d.start + 1)).collect();
            codes.dedup_by_key(|d| d.code);
            if let Some(first) = codes.first() {
                let docs: Vec<String> = codes.iter().filter_map(|d| find(d.code)).map(rule_markdown).collect();
                return Some(markdown_hover(docs.join("\n\n---\n\n"), Some(range_of(&index, first.start, first.end))));
            }
        }
        // … or a code written in the text (a suppression comment, runtask.toml).
        let (start, end) = word_at(&text, offset as usize);
        let rule = find(&text[start..end]).filter(|r| text[start..end].eq_ignore_ascii_case(r.code))?;
        let index = LineIndex::new(&text);
        Some(markdown_hover(rule_markdown(rule), Some(range_of(&index, start as u32, end as u32))))
    }
}

fn rule_markdown(rule: &runtask_core::Rule) -> String {
    let td = if rule.needs_task_definition { " · needs a task definition" } else { "" };
    format!("**{}** `{}` · {}{td}\n\n{}", rule.code, rule.name, rule.severity, rule.documentation())
}

fn markdown_hover(value: String, range: Option<Range>) -> Hover {
    Hover { contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value }), range }
}

fn edit(uri: &Url, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit { changes: Some(HashMap::from([(uri.clone(), edits)])), ..WorkspaceEdit::default() }
}

/// Where to add `RT112` for `d`: into the line's suppression comment, or as a new one at its end.
fn suppression_edit(text: &str, marker: &str, d: &Diagnostic) -> Option<(u32, String)> {
    let existing = crate::suppress::scan(text, marker).into_iter().find(|s| s.target == d.line && !s.malformed);
    if let Some(s) = existing {
        // Before the closing bracket.
        return Some((s.span.1 - 1, format!(", {}", d.code)));
    }
    let start = line_start(text, d.line) as usize;
    let line_end = text[start..].find(['\n', '\r']).map_or(text.len(), |i| start + i);
    Some((line_end as u32, format!("  {marker} runtask: ignore[{}]", d.code)))
}

fn line_start(text: &str, line: u32) -> u32 {
    if line <= 1 {
        return 0;
    }
    text.match_indices('\n').nth(line as usize - 2).map_or(text.len(), |(i, _)| i + 1) as u32
}

fn to_lsp(uri: &Url, index: &LineIndex<'_>, d: &Diagnostic) -> LspDiagnostic {
    let severity = match d.severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    };
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let related = d
        .labels
        .iter()
        .map(|l| DiagnosticRelatedInformation { location: Location { uri: uri.clone(), range: range_of(index, l.start, l.end) }, message: l.message.clone() })
        .collect::<Vec<_>>();
    LspDiagnostic {
        range: Range { start: Position::new(d.line - 1, d.utf16_column - 1), end: Position::new(d.end_line - 1, d.utf16_end_column - 1) },
        severity: Some(severity),
        code: Some(NumberOrString::String(d.code.to_owned())),
        source: Some("runtask".to_owned()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..LspDiagnostic::default()
    }
}

/// The LSP range (UTF-16 columns) of the byte range `start..end`.
fn range_of(index: &LineIndex<'_>, start: u32, end: u32) -> Range {
    let s = index.position(start);
    let e = index.position(end);
    Range { start: Position::new(s.line - 1, s.utf16_column - 1), end: Position::new(e.line - 1, e.utf16_column - 1) }
}

fn overlaps(a: Range, b: Range) -> bool {
    let key = |p: Position| (p.line, p.character);
    key(a.start) <= key(b.end) && key(b.start) <= key(a.end)
}

/// The byte offset of an LSP position (UTF-16 column) in `text`.
fn offset_of(text: &str, pos: Position) -> Option<usize> {
    let mut line_start = 0;
    for _ in 0..pos.line {
        line_start += text[line_start..].find('\n')? + 1;
    }
    let line = &text[line_start..];
    let mut units = 0;
    for (i, ch) in line.char_indices() {
        if units >= pos.character || ch == '\n' {
            return Some(line_start + i);
        }
        units += ch.len_utf16() as u32;
    }
    Some(text.len())
}

/// The word (letters, digits, `-`, `_`) around `offset`.
fn word_at(text: &str, offset: usize) -> (usize, usize) {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    let offset = offset.min(text.len());
    let start = text[..offset].char_indices().rev().take_while(|(_, c)| is_word(*c)).last().map_or(offset, |(i, _)| i);
    let end = text[offset..].char_indices().find(|(_, c)| !is_word(*c)).map_or(text.len(), |(i, _)| offset + i);
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_utf16() {
        let text = "a: \"é😀x\"\nb: 1\n";
        assert_eq!(offset_of(text, Position::new(0, 5)), Some(text.find('😀').unwrap()));
        assert_eq!(offset_of(text, Position::new(0, 7)), Some(text.find('x').unwrap()));
        assert_eq!(offset_of(text, Position::new(1, 0)), Some(text.find('b').unwrap()));
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap() as u32;
        assert_eq!(range_of(&index, x, x + 1), Range { start: Position::new(0, 7), end: Position::new(0, 8) });
        assert_eq!(word_at("# runtask: ignore[RT112]", 20), (18, 23));
    }
}
