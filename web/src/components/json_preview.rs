//! The JSON view: the request the form builds, editable both ways, and the copy buttons.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use crate::console::Console;
use crate::export;
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
        console.edit_json(event_target_value(&ev));
        if pasted {
            let _ = console.format_json();
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
                "The request the form builds (the API and " <code>"--cli-input-json"</code> " shape). Type or paste JSON here and the form follows."
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
            ></textarea>
            <div class="buttons">
                <button type="button" on:click=format>"Format JSON"</button>
                <button type="button" on:click=copy("the JSON", |t, _| t.to_owned())>"Copy JSON"</button>
                <button type="button" on:click=copy("the AWS CLI command", |t, _| export::aws_cli(t))>"Copy AWS CLI command"</button>
                <button type="button" on:click=copy("the boto3 call", |_, r| export::boto3(r))>"Copy boto3 call"</button>
            </div>
            <p class="hint" role="status" aria-live="polite">{move || copied.get()}</p>
        </section>
    }
}
