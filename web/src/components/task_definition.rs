//! The optional task definition: pasted, or fetched by name through the proxy. It turns on
//! runtask-core's task-definition rules and offers its container names.

use leptos::prelude::*;

use crate::api;
use crate::console::{Console, Proxy};
use crate::state::display;

#[component]
pub fn TaskDefinitionPanel() -> impl IntoView {
    let console = expect_context::<Console>();
    let proxy = expect_context::<Proxy>();
    let name = Memo::new(move |_| console.request.with(|r| display(&r.task_definition)));
    let fetching = RwSignal::new(false);
    let fetch_error = RwSignal::new(None::<String>);
    let fetch = move |_| {
        let name = name.get_untracked();
        if name.is_empty() {
            fetch_error.set(Some("Enter the task definition's name first.".to_owned()));
            return;
        }
        fetching.set(true);
        fetch_error.set(None);
        let token = proxy.token.get_untracked();
        leptos::task::spawn_local(async move {
            match api::task_definition(&name, token).await {
                Ok(text) => console.task_definition.set(text),
                Err(e) => fetch_error.set(Some(format!("Could not fetch {name}: {e}"))),
            }
            fetching.set(false);
        });
    };
    let status = move || {
        let error = console.problems.with(|p| p.task_definition_error.clone());
        let containers = console.containers.get();
        let empty = console.task_definition.with(|t| t.trim().is_empty());
        if empty {
            "No task definition: the task-definition rules are off.".to_owned()
        } else if let Some(e) = error {
            format!("This task definition cannot be used: {e}")
        } else {
            format!("Task-definition rules are on. Containers: {}.", if containers.is_empty() { "none".to_owned() } else { containers.join(", ") })
        }
    };
    view! {
        <section class="section" aria-labelledby="td-heading">
            <h2 id="td-heading">"Task definition JSON (optional)"</h2>
            <p class="section-note">
                "Paste DescribeTaskDefinition output or a task definition, or fetch it through the proxy, to check the request against it."
            </p>
            <div class="field">
                <label for="task-definition-json">"Task definition JSON"</label>
                <textarea
                    id="task-definition-json"
                    class="input code"
                    rows="5"
                    spellcheck="false"
                    aria-describedby="td-status"
                    prop:value=move || console.task_definition.get()
                    on:input=move |ev| console.task_definition.set(event_target_value(&ev))
                ></textarea>
            </div>
            <div class="buttons">
                <button type="button" on:click=fetch prop:disabled=move || fetching.get()>
                    {move || if fetching.get() { "Fetching…".to_owned() } else { "Fetch task definition through the proxy".to_owned() }}
                </button>
                <button type="button" on:click=move |_| console.task_definition.set(String::new())>"Clear"</button>
            </div>
            <p id="td-status" class="hint" role="status">{status}</p>
            {move || fetch_error.get().map(|e| view! { <p class="error-text" role="alert">{e}</p> })}
        </section>
    }
}
