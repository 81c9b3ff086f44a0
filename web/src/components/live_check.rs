//! "Check against AWS": the live pre-flight of the request through runtask-proxy (`POST
//! /api/preflight`, read-only lookups with the proxy's credentials), its findings listed beside
//! the offline Problems and marked as live.

use leptos::prelude::*;
use serde_json::Value;

use super::diagnostics_panel::focus_pointer;
use crate::api;
use crate::console::{Console, Proxy};
use crate::live::{Live, LiveCheck};

fn text_at(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or_default().to_owned()
}

fn severity_word(s: &str) -> &'static str {
    match s {
        "error" => "Error",
        "warning" => "Warning",
        _ => "Info",
    }
}

#[component]
pub fn LiveCheckPanel() -> impl IntoView {
    let console = expect_context::<Console>();
    let proxy = expect_context::<Proxy>();
    let live = expect_context::<Live>();
    let available = move || proxy.status.with(|s| matches!(s, Some(Ok(s)) if s.live));
    let running = move || live.check.with(|c| matches!(c, LiveCheck::Running));
    let run = move |_| {
        let text = console.text.get_untracked();
        let token = proxy.token.get_untracked();
        live.check.set(LiveCheck::Running);
        leptos::task::spawn_local(async move {
            let outcome = api::preflight(text.clone(), token).await;
            live.check.set(match outcome {
                Ok(result) => LiveCheck::Done { text, result },
                Err(e) => LiveCheck::Failed(e.to_string()),
            });
        });
    };
    let findings = move || {
        live.check.with(|c| match c {
            LiveCheck::Done { result, .. } => result.diagnostics.iter().filter(|d| d.get("live").and_then(Value::as_bool) == Some(true)).cloned().collect(),
            _ => Vec::new(),
        })
    };
    let summary = move || {
        live.check.with(|c| match c {
            LiveCheck::Idle => String::new(),
            LiveCheck::Running => "Checking against AWS…".to_owned(),
            LiveCheck::Failed(e) => format!("The check could not be made: {e}"),
            LiveCheck::Done { result, .. } if !result.live_checked => {
                format!("Nothing was looked up: {}", result.reason.clone().unwrap_or_else(|| "the proxy cannot reach the account".to_owned()))
            }
            LiveCheck::Done { result, .. } => {
                let live: Vec<&Value> = result.diagnostics.iter().filter(|d| d.get("live").and_then(Value::as_bool) == Some(true)).collect();
                let errors = live.iter().filter(|d| text_at(d, "severity") == "error").count();
                match (live.len(), errors) {
                    (0, _) => "No live problems found: what the request names exists in the account.".to_owned(),
                    (n, e) => format!("{n} live finding{} ({e} error{}).", if n == 1 { "" } else { "s" }, if e == 1 { "" } else { "s" }),
                }
            }
        })
    };
    let stale = move || {
        live.check.with(|c| matches!(c, LiveCheck::Done { text, .. } if *text != console.text.get()))
    };
    view! {
        <section class="panel live-check" aria-labelledby="live-heading">
            <h2 id="live-heading">"Against AWS"</h2>
            <button type="button" class="live-button" on:click=run disabled=move || !available() || running()>
                "Check against AWS"
            </button>
            <p class="hint">
                {move || if available() {
                    "Read-only lookups with the proxy's credentials: cluster, task definition, subnets, security groups, capacity providers, roles, images, log groups, secrets."
                } else {
                    "Needs a runtask-proxy with AWS credentials and a Region."
                }}
            </p>
            <p class="summary" role="status" aria-live="polite">{summary}</p>
            <Show when=stale>
                <p class="hint stale">"The request has changed since this check."</p>
            </Show>
            {move || live.note.get().map(|n| view! { <p class="hint">{n}</p> })}
            <ul class="problem-list live-list">
                {move || findings().into_iter().map(|d| view! { <LiveItem finding=d/> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn LiveItem(finding: Value) -> impl IntoView {
    let severity = text_at(&finding, "severity");
    let pointer = text_at(&finding, "pointer");
    let where_ = if pointer.is_empty() { "the request".to_owned() } else { pointer.clone() };
    let help = finding.get("help").and_then(Value::as_str).map(str::to_owned);
    view! {
        <li class=format!("problem live sev-{severity}")>
            <button type="button" class="problem-button" on:click=move |_| { focus_pointer(&pointer); }>
                <span class="badge-live">"Live"</span>
                " "
                <span class="sev">{severity_word(&severity)}</span>
                " "
                <span class="code">{text_at(&finding, "code")}</span>
                ": "
                <span class="message">{text_at(&finding, "message")}</span>
                <span class="where">" at " <code>{where_}</code></span>
            </button>
            {help.map(|h| view! { <p class="help">{h}</p> })}
        </li>
    }
}
