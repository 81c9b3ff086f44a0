//! The console's state, shared through context: the request the form edits, its JSON text, the
//! report on it, the task definition; and the proxy's status.
//!
//! Data flow: the form edits one [`Request`] signal. The JSON text is a `Memo` over it (or over
//! the text being typed into the JSON view), and runtask-core runs on every change of that text.
//!
//! A keystroke must not wake the hundreds of controls of a large request, so controls do not
//! subscribe to the request: each reads its value untracked and re-reads it when its own input
//! changes it or when the request changes shape ([`Console::structure`]: rows added or removed,
//! JSON pasted, a choice that sets other fields). Likewise controls subscribe to
//! [`Console::field_index`], which changes only when what some control shows changes, not to the
//! full report, whose positions move with every keystroke. (Nested keyed `reactive_stores` would
//! give the same granularity; they are avoided for their open bugs with nested keyed fields.)

use std::sync::Arc;

use leptos::prelude::*;

use crate::api::ProxyStatus;
use crate::found::Found;
use crate::problems::{FieldIndex, Problems};
use crate::state::Request;

/// Where the request text comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// The form: the JSON view shows the form's request, pretty-printed.
    Form,
    /// Text typed or pasted into the JSON view; the form follows it as far as it parses.
    Json(String),
}

/// The console's state, shared through context.
#[derive(Clone, Copy)]
pub struct Console {
    pub request: RwSignal<Request>,
    pub source: RwSignal<Source>,
    /// The request as JSON text: what the JSON view shows, what is checked and what is sent.
    pub text: Memo<String>,
    /// Pasted (or fetched) task definition JSON; empty for none.
    pub task_definition: RwSignal<String>,
    /// Notified when the request changes other than through one control's own input.
    pub structure: Trigger,
    /// runtask-core's report on `text`.
    pub problems: RwSignal<Arc<Problems>>,
    /// What each control shows; set only when that changes.
    pub field_index: RwSignal<Arc<FieldIndex>>,
    /// Container names of the task definition, for the container name fields.
    pub containers: Memo<Vec<String>>,
    /// Whether the JSON view's text could not become the form (syntax error, not an object).
    pub json_unparsed: RwSignal<bool>,
    /// The last state machine, template or script pasted into the JSON view, and the requests
    /// found in it (`components/found_panel.rs`); None when there is none to show.
    pub pasted: RwSignal<Option<Pasted>>,
}

/// A pasted (or opened) state machine, template or script, and how far the dialect reader got.
#[derive(Clone, Debug, PartialEq)]
pub struct Pasted {
    /// Counts pastes: the answer for an earlier one is dropped.
    pub serial: u32,
    /// The file's name, when it was opened as a file.
    pub name: Option<String>,
    pub dialect: runtask_core::detect::Dialect,
    pub state: Reading,
    /// The location of the request last opened in the form from this file.
    pub opened: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Reading {
    /// The reader is being loaded or is reading.
    Busy,
    Done(Arc<Found>),
    /// The reader could not be loaded (or refused the text): why.
    Failed(String),
}

impl Console {
    pub fn new() -> Self {
        let request = RwSignal::new(Request { client_token: Some(new_client_token().into()), ..Request::default() });
        let source = RwSignal::new(Source::Form);
        let text = Memo::new(move |_| {
            source.with(|s| match s {
                Source::Form => request.with(Request::to_json),
                Source::Json(t) => t.clone(),
            })
        });
        let task_definition = RwSignal::new(String::new());
        let problems = RwSignal::new(Arc::new(Problems::default()));
        let field_index = RwSignal::new(Arc::new(FieldIndex::new()));
        Effect::new(move |_| {
            let report = task_definition.with(|td| text.with(|t| Problems::check(t, Some(td))));
            let index = report.field_index();
            if field_index.with_untracked(|old| **old != index) {
                field_index.set(Arc::new(index));
            }
            problems.set(Arc::new(report));
        });
        let containers = Memo::new(move |_| {
            task_definition.with(|td| {
                runtask_core::task_definition::TaskDefinition::parse(td)
                    .map(|d| d.containers().into_iter().map(|c| c.name.into_owned()).filter(|n| !n.is_empty()).collect())
                    .unwrap_or_default()
            })
        });
        Console {
            request,
            source,
            text,
            task_definition,
            structure: Trigger::new(),
            problems,
            field_index,
            containers,
            json_unparsed: RwSignal::new(false),
            pasted: RwSignal::new(None),
        }
    }

    /// A change of one control's value, by that control's input (which shows it already).
    pub fn edit_field(&self, f: impl FnOnce(&mut Request)) {
        self.request.update(f);
        if self.source.with_untracked(|s| *s != Source::Form) {
            self.source.set(Source::Form);
            self.json_unparsed.set(false);
        }
    }

    /// Any other change made in the form (rows, choices, buttons): every control re-reads.
    pub fn edit(&self, f: impl FnOnce(&mut Request)) {
        self.edit_field(f);
        self.structure.notify();
    }

    /// Text typed or pasted into the JSON view: the form follows when it is a JSON object.
    pub fn edit_json(&self, text: String) {
        match Request::from_json(&text) {
            Ok(mut r) => {
                self.request.with_untracked(|old| r.adopt_ids(old));
                self.request.set(r);
                self.json_unparsed.set(false);
            }
            Err(_) => self.json_unparsed.set(true),
        }
        self.source.set(Source::Json(text));
        self.structure.notify();
    }

    /// Shows the JSON view's text as the form writes it (pretty, in the form's order), when
    /// nothing would be lost: the text is a JSON object without duplicate keys. Says why not.
    pub fn format_json(&self) -> Result<(), &'static str> {
        if self.source.with_untracked(|s| *s == Source::Form) {
            return Ok(());
        }
        if self.json_unparsed.get_untracked() {
            return Err("The JSON cannot be formatted: it does not parse as an object (see Problems).");
        }
        let duplicates = self.source.with_untracked(|s| match s {
            Source::Json(t) => has_duplicate_keys(t),
            Source::Form => false,
        });
        if duplicates {
            return Err("The JSON is kept as typed: it has duplicate keys, which formatting would merge.");
        }
        self.source.set(Source::Form);
        Ok(())
    }
}

/// Whether `text` repeats a key in some object.
fn has_duplicate_keys(text: &str) -> bool {
    let rule = runtask_core::rules::input::duplicate_key::RULE.name;
    let options = runtask_core::Options { select: vec![rule.to_owned()], ..runtask_core::Options::default() };
    runtask_core::check(text, &options).is_ok_and(|r| r.diagnostics.iter().any(|d| d.name == rule))
}

/// A fresh client token (a UUID v4 from the browser's CSPRNG).
#[must_use]
pub fn new_client_token() -> String {
    window().crypto().map(|c| c.random_uuid()).unwrap_or_default()
}

/// The proxy's `/api/status`, loaded once; `None` while loading.
#[derive(Clone, Copy)]
pub struct Proxy {
    pub status: RwSignal<Option<Result<ProxyStatus, String>>>,
    /// Bearer token for a proxy started with `--auth-token-env`.
    pub token: RwSignal<String>,
}
