//! The Problems region: every diagnostic of runtask-core, each a button that moves focus to its
//! control (or, when the form has none, selects it in the JSON view).

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use runtask_core::Severity;

use super::json_preview::JSON_ID;
use crate::console::Console;
use crate::problems::{severity_words, summary, Problem};

#[component]
pub fn DiagnosticsPanel() -> impl IntoView {
    let console = expect_context::<Console>();
    let summary = move || {
        console.problems.with(|p| {
            summary(p.count(Severity::Error), p.count(Severity::Warning), p.count(Severity::Info))
        })
    };
    // Keyed by what a problem says, so a keystroke that moves offsets rebuilds nothing.
    let items = move || {
        console.problems.with(|p| {
            let mut seen = std::collections::HashMap::<(String, &'static str, String), usize>::new();
            p.list
                .iter()
                .map(|d| {
                    let n = seen.entry((d.pointer.clone(), d.code, d.message.clone())).or_default();
                    *n += 1;
                    (format!("{}\u{0}{}\u{0}{}\u{0}{n}", d.pointer, d.code, d.message), d.clone())
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="panel problems" id="problems" aria-labelledby="problems-heading" tabindex="-1">
            <h2 id="problems-heading">"Problems"</h2>
            <p class="summary" role="status" aria-live="polite">{summary}</p>
            <ul class="problem-list">
                <For each=items key=|(k, _)| k.clone() children=move |(_, d)| view! { <ProblemItem problem=d/> }/>
            </ul>
        </section>
    }
}

#[component]
fn ProblemItem(problem: Problem) -> impl IntoView {
    let class = format!("problem sev-{}", problem.severity.as_str());
    let where_ = if problem.pointer.is_empty() { "the request".to_owned() } else { problem.pointer.clone() };
    let help = problem.help.clone();
    let p = problem.clone();
    view! {
        <li class=class>
            <button type="button" class="problem-button" on:click=move |_| focus_problem(&p)>
                <span class="sev">{severity_words(problem.severity)}</span>
                " "
                <span class="code">{problem.code}</span>
                ": "
                <span class="message">{problem.message.clone()}</span>
                <span class="where">" at " <code>{where_}</code></span>
            </button>
            {help.map(|h| view! { <p class="help">{h}</p> })}
        </li>
    }
}

/// The element with `data-pointer` = `pointer`.
fn by_pointer(pointer: &str) -> Option<web_sys::HtmlElement> {
    let all = document().query_selector_all("[data-pointer]").ok()?;
    (0..all.length())
        .filter_map(|i| all.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|e| e.get_attribute("data-pointer").as_deref() == Some(pointer))
}

/// Focuses the control at `pointer`, or its nearest enclosing one; false when there is none.
pub fn focus_pointer(mut pointer: &str) -> bool {
    loop {
        if pointer.is_empty() {
            return false;
        }
        if let Some(el) = by_pointer(pointer) {
            let _ = el.focus();
            let opts = web_sys::ScrollIntoViewOptions::new();
            opts.set_block(web_sys::ScrollLogicalPosition::Center);
            el.scroll_into_view_with_scroll_into_view_options(&opts);
            return true;
        }
        pointer = pointer.rsplit_once('/').map_or("", |(head, _)| head);
    }
}

/// Focuses the control of `problem`, or its nearest enclosing one; without any, selects the
/// problem's range in the JSON view.
pub fn focus_problem(problem: &Problem) {
    if focus_pointer(&problem.target) {
        return;
    }
    if let Some(ta) = document().get_element_by_id(JSON_ID).and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
        let _ = ta.focus();
        let _ = ta.set_selection_range(problem.utf16_start, problem.utf16_end.max(problem.utf16_start));
        // Bring the selection into view: about one line per 1.45em.
        let line = ta.value().encode_utf16().take(problem.utf16_start as usize).filter(|&c| c == u16::from(b'\n')).count();
        let line_height = 19.0;
        ta.set_scroll_top(((line as f64 - 3.0).max(0.0) * line_height) as i32);
    }
}
