//! The JSON view: the request the form builds, editable both ways, and the copy buttons.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use super::found_panel;
use crate::console::Console;
use crate::{export, found};
use crate::state::Request;

/// The id of the JSON text area (the diagnostics panel selects ranges in it).
pub const JSON_ID: &str = "request-json";

#[component]
pub fn JsonPreview() -> impl IntoView {
    let console = expect_context::<Console>();
    let copied = RwSignal::new(String::new());
    // A paste (or drop) of a whole request is shown formatted at once; typed text stays as typed
    // until the form is edited or "Format JSON" is pressed.
    let on_input = move |ev: leptos::ev::Event| {
        let pasted = ev
            .dyn_ref::<web_sys::InputEvent>()
            .is_some_and(|e| matches!(e.input_type().as_str(), "insertFromPaste" | "insertFromDrop"));
        let text = event_target_value(&ev);
        // A state machine, template or script is not a request: the JSON view keeps the request
        // and the requests found in the file are listed (found_panel.rs).
        if let Some(dialect) = pasted.then(|| found::pasted_file(&text)).flatten() {
            if let Some(area) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
                area.set_value(&console.text.get_untracked());
            }
            found_panel::read_pasted(console, text, dialect, None);
            return;
        }
        console.edit_json(text);
        if pasted {
            let _ = console.format_json();
        }
    };
    // A file from the picker or dropped on the JSON view: a request, or a file to read requests from.
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            found_panel::open_file(console, file);
        }
        input.set_value("");
    };
    let dropped_file = |ev: &leptos::ev::DragEvent| ev.data_transfer().is_some_and(|d| d.types().includes(&"Files".into(), 0));
    let on_dragover = move |ev: leptos::ev::DragEvent| {
        if dropped_file(&ev) {
            ev.prevent_default();
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)) {
            ev.prevent_default();
            found_panel::open_file(console, file);
        }
    };
    let format = move |_| match console.format_json() {
        Ok(()) => copied.set("Formatted.".to_owned()),
        Err(why) => copied.set(why.to_owned()),
    };
    // JSON and the CLI command carry the text as shown; boto3 needs the parsed request.
    let copy = move |what: &'static str, make: fn(&str, &Request) -> String| {
        move |_| {
            let text = console.text.with_untracked(|t| console.request.with_untracked(|r| make(t, r)));
            let clipboard = window().navigator().clipboard();
            let promise = clipboard.write_text(&text);
            leptos::task::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(promise).await {
                    Ok(_) => copied.set(format!("Copied {what}.")),
                    Err(_) => copied.set(format!("Could not copy {what}: the browser refused clipboard access.")),
                }
            });
        }
    };
    view! {
        <section class="panel json-panel" aria-labelledby="json-heading">
            <h2 id="json-heading">"JSON"</h2>
            <label for=JSON_ID class="label">"Request JSON"</label>
            <p class="hint" id="json-hint">
                "The request the form builds (the API and " <code>"--cli-input-json"</code> " shape). Type or paste JSON here and the form follows. Paste a Step Functions state machine, a CloudFormation or SAM template, a schedule or a script with " <code>"aws ecs run-task"</code> " to list the requests in it."
            </p>
            <Show when=move || console.json_unparsed.get()>
                <p class="raw-notice" id="json-unparsed">
                    "This JSON cannot become the form (see Problems); the form shows the last request that could. Editing the form replaces this text."
                </p>
            </Show>
            <textarea
                id=JSON_ID
                class="input code json"
                spellcheck="false"
                autocomplete="off"
                rows="24"
                aria-describedby="json-hint"
                prop:value=move || console.text.get()
                on:input=on_input
                on:dragover=on_dragover
                on:drop=on_drop
            ></textarea>
            <div class="buttons">
                <button type="button" on:click=format>"Format JSON"</button>
                <button type="button" on:click=copy("the JSON", |t, _| t.to_owned())>"Copy JSON"</button>
                <button type="button" on:click=copy("the AWS CLI command", |t, _| export::aws_cli(t))>"Copy AWS CLI command"</button>
                <button type="button" on:click=copy("the boto3 call", |_, r| export::boto3(r))>"Copy boto3 call"</button>
            </div>
            <p class="hint" role="status" aria-live="polite">{move || copied.get()}</p>
            <div class="field file-field">
                <label for="open-file">"Open a file"</label>
                <input id="open-file" type="file" aria-describedby="open-file-hint" on:change=on_file/>
                <p class="hint" id="open-file-hint">
                    "A request, or a state machine, template, Makefile, workflow or script to list the requests in (or drop the file on the JSON)."
                </p>
            </div>
        </section>
    }
}
