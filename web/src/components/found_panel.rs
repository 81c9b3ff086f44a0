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

use crate::console::{Console, Pasted};
use crate::found::{Found, FoundProblem, FoundRequest};
use crate::problems::{severity_words, summary};

#[wasm_bindgen(module = "/js/extract.js")]
extern "C" {
    /// The dialect reader's report on `source` as JSON text (`extract/src/lib.rs`).
    #[wasm_bindgen(js_name = extractRequests, catch)]
    async fn extract_requests(source: &str, dialect: &str) -> Result<JsValue, JsValue>;
}

/// The id of the panel (scrolled into view when a file is pasted).
const FOUND_ID: &str = "found";

/// Reads `text`, pasted as a `dialect` file, with the dialect reader (loading it the first time)
/// and shows what it found.
pub fn read_pasted(console: Console, text: String, dialect: Dialect) {
    console.pasted.set(Some(Pasted::Reading(dialect)));
    leptos::task::spawn_local(async move {
        let answer = extract_requests(&text, dialect.name()).await;
        if let Some(panel) = document().get_element_by_id(FOUND_ID) {
            panel.scroll_into_view();
        }
        let shown = match answer.map(|v| v.as_string().unwrap_or_default()) {
            Ok(json) => match Found::parse(&json, dialect) {
                Ok(found) => Pasted::Read(Arc::new(found)),
                Err(why) => Pasted::Failed(dialect, why),
            },
            Err(e) => Pasted::Failed(dialect, e.dyn_ref::<js_sys::Error>().map_or_else(|| format!("{e:?}"), |e| String::from(e.message()))),
        };
        // A later paste wins.
        if console.pasted.with_untracked(|p| matches!(p, Some(Pasted::Reading(d)) if *d == dialect)) {
            console.pasted.set(Some(shown));
        }
    });
}

#[component]
pub fn FoundPanel() -> impl IntoView {
    let console = expect_context::<Console>();
    let opened = RwSignal::new(None::<String>);
    let body = move || {
        let pasted = console.pasted.get()?;
        let (dialect, status, found) = match &pasted {
            Pasted::Reading(d) => (*d, format!("Reading the {}…", d.noun()), None),
            Pasted::Failed(d, why) => (*d, format!("The {} could not be read: {why}.", d.noun()), None),
            Pasted::Read(f) => (f.dialect, found_status(f), Some(f.clone())),
        };
        let file_problems = found.as_ref().map(|f| f.file_problems.clone()).unwrap_or_default();
        let requests = found.as_ref().map(|f| f.requests.clone()).unwrap_or_default();
        Some(view! {
            <h2 id="found-heading">{format!("Requests in the pasted {}", dialect.noun())}</h2>
            <p class="summary" role="status" aria-live="polite">{status}</p>
            <ul class="problem-list found-file-problems">
                {file_problems.into_iter().map(|p| view! { <FoundProblemItem problem=p/> }).collect_view()}
            </ul>
            <ol class="found-list">
                {requests.into_iter().enumerate().map(|(i, r)| view! { <FoundRequestItem index=i request=r opened=opened/> }).collect_view()}
            </ol>
            <p class="hint">{move || opened.get().map(|l| format!("The form now holds the request of {l}."))}</p>
            <button type="button" on:click=move |_| { console.pasted.set(None); opened.set(None); }>"Close"</button>
        })
    };
    view! {
        <section class="panel found-panel" id=FOUND_ID aria-labelledby="found-heading" hidden=move || console.pasted.with(Option::is_none)>
            {body}
        </section>
    }
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
fn FoundRequestItem(index: usize, request: FoundRequest, opened: RwSignal<Option<String>>) -> impl IntoView {
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
        opened.set(Some(location.clone()));
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
