//! The page layout: the form, the problems, the run button and the JSON view (the shared state
//! is in `console.rs`).

use leptos::prelude::*;

use crate::api;
use crate::components::diagnostics_panel::DiagnosticsPanel;
use crate::components::found_panel::FoundPanel;
use crate::components::json_preview::JsonPreview;
use crate::components::live_check::LiveCheckPanel;
use crate::components::request_form::RequestForm;
use crate::components::submit_button::SubmitButton;
use crate::console::{Console, Proxy};
use crate::live::Live;

#[component]
pub fn App() -> impl IntoView {
    let console = Console::new();
    provide_context(console);
    let proxy = Proxy { status: RwSignal::new(None), token: RwSignal::new(String::new()) };
    provide_context(proxy);
    provide_context(Live::new(console, proxy));
    leptos::task::spawn_local(async move {
        proxy.status.set(Some(api::status().await.map_err(|e| e.to_string())));
    });

    view! {
        <a class="skip-link" href="#problems">"Skip to problems"</a>
        <header class="top">
            <h1>"runtask " <span class="subtitle">"ECS RunTask console"</span></h1>
            <ProxyBanner/>
        </header>
        <main class="layout">
            <div class="form-column">
                <RequestForm/>
            </div>
            <aside class="side-column" aria-label="Check and run">
                <DiagnosticsPanel/>
                <LiveCheckPanel/>
                <SubmitButton/>
                <FoundPanel/>
                <JsonPreview/>
            </aside>
        </main>
    }
}

/// What the proxy will do with "Run task".
#[component]
fn ProxyBanner() -> impl IntoView {
    let proxy = expect_context::<Proxy>();
    let body = move || match proxy.status.get() {
        None => view! { <p class="banner">"Connecting to runtask-proxy…"</p> }.into_any(),
        Some(Err(e)) => view! {
            <p class="banner banner-error">"runtask-proxy is not reachable (" {e} "): the request is still checked here, but Run task cannot send it."</p>
        }
        .into_any(),
        Some(Ok(s)) if s.dry_run => view! {
            <p class="banner banner-dry">
                <strong>"Dry run: nothing will be sent."</strong>
                {s.dry_run_reason.map(|r| format!(" {r}"))}
            </p>
        }
        .into_any(),
        Some(Ok(s)) => view! {
            <p class="banner banner-live">
                <strong>"Live: "</strong>
                "Run task sends the request to " <code>{s.endpoint}</code> " (" {s.region} ")."
            </p>
        }
        .into_any(),
    };
    let needs_token = move || proxy.status.with(|s| matches!(s, Some(Ok(s)) if s.auth_required));
    view! {
        <div class="proxy" role="status">{body}</div>
        <Show when=needs_token>
            <div class="field token-field">
                <label for="proxy-token">"Proxy token"</label>
                <input
                    id="proxy-token"
                    type="password"
                    autocomplete="off"
                    prop:value=move || proxy.token.get()
                    on:input=move |ev| proxy.token.set(event_target_value(&ev))
                />
            </div>
        </Show>
    }
}
