//! The requests in a pasted state machine, template or script: each with its location, line and
//! problems, and an "Open in form" button that loads its API-shaped JSON into the form.
//!
//! The readers of these files are a second .wasm (`extract/`, in `dist/extract/`), loaded by
//! `js/extract.js` the first time such a file is pasted: the console's own .wasm stays small.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::wasm_bindgen::{self, prelude::wasm_bindgen, JsCast, JsValue};
use runtask_core::detect::Dialect;
use runtask_core::Severity;

use crate::console::{Console, Pasted, Reading};
use crate::found::{self, Found, FoundProblem, FoundRequest};
use crate::problems::{severity_words, summary};

#[wasm_bindgen(module = "/js/extract.js")]
extern "C" {
    /// The dialect reader's report on `source` as JSON text (`extract/src/lib.rs`).
    #[wasm_bindgen(js_name = extractRequests, catch)]
    async fn extract_requests(source: &str, dialect: &str) -> Result<JsValue, JsValue>;
}

/// The id of the panel (scrolled into view when a file is pasted).
const FOUND_ID: &str = "found";

/// Reads `text`, a `dialect` file (pasted, or opened as `name`), with the dialect reader (loading
/// it the first time) and shows what it found.
pub fn read_pasted(console: Console, text: String, dialect: Dialect, name: Option<String>) {
    let serial = console.pasted.with_untracked(|p| p.as_ref().map_or(0, |p| p.serial.wrapping_add(1)));
    console.pasted.set(Some(Pasted { serial, name, dialect, state: Reading::Busy, opened: None }));
    leptos::task::spawn_local(async move {
        let answer = extract_requests(&text, dialect.name()).await;
        let state = match answer.map(|v| v.as_string().unwrap_or_default()) {
            Ok(json) => match Found::parse(&json, dialect) {
                Ok(found) => Reading::Done(Arc::new(found)),
                Err(why) => Reading::Failed(why),
            },
            Err(e) => Reading::Failed(e.dyn_ref::<js_sys::Error>().map_or_else(|| format!("{e:?}"), |e| String::from(e.message()))),
        };
        // A later paste wins.
        console.pasted.update(|p| {
            if let Some(p) = p.as_mut().filter(|p| p.serial == serial) {
                p.state = state;
            }
        });
        if let Some(panel) = document().get_element_by_id(FOUND_ID) {
            panel.scroll_into_view();
        }
    });
}

/// A file opened with the file picker or dropped on the JSON view: a state machine, template or
/// script is read for its requests (its name helps: a Makefile, a workflow); anything else goes
/// into the JSON view as a paste would.
pub fn open_file(console: Console, file: web_sys::File) {
    leptos::task::spawn_local(async move {
        let name = file.name();
        let text = match wasm_bindgen_futures::JsFuture::from(file.text()).await {
            Ok(t) => t.as_string().unwrap_or_default(),
            Err(_) => {
                let why = format!("{name} could not be read by the browser");
                console.pasted.set(Some(Pasted { serial: 0, name: Some(name), dialect: Dialect::Request, state: Reading::Failed(why), opened: None }));
                return;
            }
        };
        match found::file_dialect(&name, &text) {
            Some(dialect) => read_pasted(console, text, dialect, Some(name)),
            None => {
                console.edit_json(text);
                let _ = console.format_json();
            }
        }
    });
}

#[component]
pub fn FoundPanel() -> impl IntoView {
    let console = expect_context::<Console>();
    let body = move || {
        let Pasted { name, dialect, state, opened, .. } = console.pasted.get()?;
        let what = name.clone().unwrap_or_else(|| format!("the pasted {}", dialect.noun()));
        let (status, found) = match &state {
            Reading::Busy => (format!("Reading {what}…"), None),
            Reading::Failed(why) => (capitalized(&format!("{what} could not be read: {why}.")), None),
            Reading::Done(f) => (found_status(f), Some(f.clone())),
        };
        let file_problems = found.as_ref().map(|f| f.file_problems.clone()).unwrap_or_default();
        let requests = found.as_ref().map(|f| f.requests.clone()).unwrap_or_default();
        Some(view! {
            <h2 id="found-heading">{format!("Requests in {what}")}</h2>
            <p class="summary" role="status" aria-live="polite">{status}</p>
            <ul class="problem-list found-file-problems">
                {file_problems.into_iter().map(|p| view! { <FoundProblemItem problem=p/> }).collect_view()}
            </ul>
            <ol class="found-list">
                {requests.into_iter().enumerate().map(|(i, r)| view! { <FoundRequestItem index=i request=r/> }).collect_view()}
            </ol>
            <p class="hint" role="status">{opened.map(|l| format!("The form now holds the request of {l}."))}</p>
            <button type="button" on:click=move |_| console.pasted.set(None)>"Close"</button>
        })
    };
    view! {
        <section class="panel found-panel" id=FOUND_ID aria-labelledby="found-heading" hidden=move || console.pasted.with(Option::is_none)>
            {body}
        </section>
    }
}

/// `text` with its first letter in upper case ("the pasted script …" opens a sentence).
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// "2 RunTask requests found." / "No RunTask request found in this template."
fn found_status(found: &Found) -> String {
    let noun = found.dialect.noun();
    match found.requests.len() {
        0 if !found.file_problems.is_empty() => format!("The {noun} cannot be read (see below)."),
        0 => format!("No RunTask request found in this {noun}."),
        1 => "1 RunTask request found.".to_owned(),
        n => format!("{n} RunTask requests found."),
    }
}

#[component]
fn FoundRequestItem(index: usize, request: FoundRequest) -> impl IntoView {
    let console = expect_context::<Console>();
    let heading = format!("found-{index}");
    let counts = summary(request.count(Severity::Error), request.count(Severity::Warning), request.count(Severity::Info));
    let dynamic = (!request.dynamic.is_empty()).then(|| {
        let n = request.dynamic.len();
        let members = request.dynamic.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ");
        format!("{n} value{} known only at run time ({members}): null in the form's JSON.", if n == 1 { "" } else { "s" })
    });
    let (json, location) = (request.json.clone(), request.location.clone());
    let open = move |_| {
        console.edit_json(json.clone());
        let _ = console.format_json();
        console.pasted.update(|p| {
            if let Some(p) = p {
                p.opened = Some(location.clone());
            }
        });
    };
    view! {
        <li class="found-request">
            <h3 id=heading.clone() class="found-location">{request.location.clone()}</h3>
            <p class="found-where">{format!("line {}, column {}", request.line, request.column)}</p>
            <p class="found-summary">{counts}</p>
            <ul class="problem-list found-problems">
                {request.problems.into_iter().map(|p| view! { <FoundProblemItem problem=p/> }).collect_view()}
            </ul>
            {dynamic.map(|d| view! { <p class="hint found-dynamic">{d}</p> })}
            <button type="button" class="found-open" aria-describedby=heading on:click=open>"Open in form"</button>
        </li>
    }
}

#[component]
fn FoundProblemItem(problem: FoundProblem) -> impl IntoView {
    let at = if problem.request.is_empty() { String::new() } else { format!(" ({})", problem.request) };
    view! {
        <li class=format!("problem found-problem sev-{}", problem.severity.as_str())>
            <span class="sev">{severity_words(problem.severity)}</span>
            " "
            <span class="code">{problem.code}</span>
            ": "
            <span class="message">{problem.message}</span>
            <span class="where">{format!(" at line {}, column {}{at}", problem.line, problem.column)}</span>
        </li>
    }
}
