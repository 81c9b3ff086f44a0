//! "Run task": sends the checked request through runtask-proxy, shows what came back, and follows
//! the tasks to STOPPED with DescribeTasks, backing off from 2 s to 5 min as the RunTask
//! documentation advises.

use leptos::prelude::*;
use serde_json::Value;

use crate::api::{self, ApiError, RunOutcome};
use crate::console::{new_client_token, Console, Proxy};
use crate::problems::severity_words;

/// First DescribeTasks after this long; each next one waits twice as long, up to [`MAX_DELAY_MS`].
const FIRST_DELAY_MS: u32 = 2_000;
const MAX_DELAY_MS: u32 = 300_000;

/// One launched task, as followed by polling.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskTrack {
    pub arn: String,
    pub cluster: String,
    /// Each status seen, with the local time it was first seen.
    pub timeline: Vec<(String, String)>,
    pub stop_code: Option<String>,
    pub stopped_reason: Option<String>,
    pub containers: Vec<ContainerState>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ContainerState {
    pub name: String,
    pub status: String,
    pub exit_code: Option<i64>,
    pub reason: Option<String>,
}

impl TaskTrack {
    fn from_task(t: &Value) -> Self {
        let mut track = TaskTrack {
            arn: s(t, "taskArn"),
            cluster: s(t, "clusterArn"),
            timeline: Vec::new(),
            stop_code: None,
            stopped_reason: None,
            containers: Vec::new(),
        };
        track.update(t);
        track
    }

    fn update(&mut self, t: &Value) {
        let status = s(t, "lastStatus");
        if !status.is_empty() && self.timeline.last().is_none_or(|(_, last)| *last != status) {
            self.timeline.push((now(), status));
        }
        self.stop_code = non_empty(t, "stopCode");
        self.stopped_reason = non_empty(t, "stoppedReason");
        self.containers = t
            .get("containers")
            .and_then(Value::as_array)
            .map(|cs| {
                cs.iter()
                    .map(|c| ContainerState {
                        name: s(c, "name"),
                        status: s(c, "lastStatus"),
                        exit_code: c.get("exitCode").and_then(Value::as_i64),
                        reason: non_empty(c, "reason"),
                    })
                    .collect()
            })
            .unwrap_or_default();
    }

    fn stopped(&self) -> bool {
        self.timeline.last().is_some_and(|(_, s)| s == "STOPPED")
    }
}

fn non_empty(v: &Value, k: &str) -> Option<String> {
    v.get(k).and_then(Value::as_str).filter(|s| !s.is_empty()).map(str::to_owned)
}

fn s(v: &Value, k: &str) -> String {
    v.get(k).and_then(Value::as_str).unwrap_or_default().to_owned()
}

/// Local time, HH:MM:SS.
fn now() -> String {
    let d = js_sys::Date::new_0();
    format!("{:02}:{:02}:{:02}", d.get_hours(), d.get_minutes(), d.get_seconds())
}

/// Polling state, shared by the views.
#[derive(Clone, Copy)]
struct Polling {
    tracks: RwSignal<Vec<TaskTrack>>,
    /// Seconds until the next DescribeTasks; `None` when not polling.
    next_in: RwSignal<Option<u32>>,
    error: RwSignal<Option<String>>,
    /// Local time of the launch the tasks come from.
    launched_at: RwSignal<String>,
    /// Bumped by each launch, so an older loop stops.
    generation: StoredValue<u32>,
}

impl Polling {
    fn start(self, tasks: &[Value], token: String) {
        let generation = self.generation.get_value() + 1;
        self.generation.set_value(generation);
        self.tracks.set(tasks.iter().map(TaskTrack::from_task).collect());
        self.launched_at.set(now());
        self.error.set(None);
        if tasks.is_empty() {
            self.next_in.set(None);
            return;
        }
        leptos::task::spawn_local(async move {
            let mut delay = FIRST_DELAY_MS;
            loop {
                self.next_in.set(Some(delay / 1000));
                gloo_timers::future::TimeoutFuture::new(delay).await;
                if self.generation.get_value() != generation {
                    return;
                }
                self.next_in.set(None);
                if let Err(e) = self.poll_once(&token).await {
                    self.error.set(Some(e.to_string()));
                }
                if self.tracks.with_untracked(|t| t.iter().all(TaskTrack::stopped)) {
                    return;
                }
                delay = (delay * 2).min(MAX_DELAY_MS);
            }
        });
    }

    async fn poll_once(self, token: &str) -> Result<(), ApiError> {
        let mut clusters: Vec<String> = self.tracks.with_untracked(|t| t.iter().map(|t| t.cluster.clone()).collect());
        clusters.dedup();
        for cluster in clusters {
            let arns: Vec<String> =
                self.tracks.with_untracked(|t| t.iter().filter(|t| t.cluster == cluster && !t.stopped()).map(|t| t.arn.clone()).collect());
            if arns.is_empty() {
                continue;
            }
            let answer = api::describe_tasks(&cluster, &arns, token.to_owned()).await?;
            self.tracks.update(|tracks| {
                for t in answer.get("tasks").and_then(Value::as_array).into_iter().flatten() {
                    let arn = s(t, "taskArn");
                    if let Some(track) = tracks.iter_mut().find(|k| k.arn == arn) {
                        track.update(t);
                    }
                }
            });
            self.error.set(None);
        }
        Ok(())
    }
}

#[component]
pub fn SubmitButton() -> impl IntoView {
    let console = expect_context::<Console>();
    let proxy = expect_context::<Proxy>();
    let polling = Polling {
        tracks: RwSignal::new(Vec::new()),
        next_in: RwSignal::new(None),
        error: RwSignal::new(None),
        launched_at: RwSignal::new(String::new()),
        generation: StoredValue::new(0),
    };
    let run = Action::new_local(move |body: &String| {
        let body = body.clone();
        let token = proxy.token.get_untracked();
        async move {
            let outcome = api::run_task(body, token.clone()).await;
            if let Ok(RunOutcome::Launched { tasks, .. }) = &outcome {
                polling.start(tasks, token);
                if !tasks.is_empty() {
                    // This token is spent: the next launch is a new request.
                    let fresh = new_client_token();
                    console.edit(|r| r.client_token = Some(Value::String(fresh)));
                }
            }
            outcome
        }
    });
    let errors = Memo::new(move |_| console.problems.with(|p| p.count(runtask_core::Severity::Error)));
    let pending = run.pending();
    let disabled = move || errors.get() > 0 || pending.get();
    let why = move || match errors.get() {
        0 => None,
        1 => Some("Fix the error listed in Problems to run the task.".to_owned()),
        n => Some(format!("Fix the {n} errors listed in Problems to run the task.")),
    };
    view! {
        <section class="panel run" aria-labelledby="run-heading">
            <h2 id="run-heading">"Run"</h2>
            <button
                type="button"
                class="run-button"
                prop:disabled=disabled
                aria-describedby="run-why"
                on:click=move |_| {
                    run.dispatch(console.text.get_untracked());
                }
            >
                {move || if pending.get() { "Running…" } else { "Run task" }}
            </button>
            <p id="run-why" class="hint">{why}</p>
            <div class="result" role="region" aria-label="Result" aria-live="polite">
                {move || run.value().get().map(|outcome| view! { <Outcome outcome=outcome/> })}
                <Timelines polling=polling/>
            </div>
        </section>
    }
}

#[component]
fn Outcome(outcome: Result<RunOutcome, ApiError>) -> impl IntoView {
    match outcome {
        Err(e) => view! { <p class="result-error" role="alert">{e.to_string()}</p> }.into_any(),
        Ok(RunOutcome::DryRun { client_token, request, redacted }) => {
            let method = s(&request, "method");
            let url = s(&request, "url");
            let headers: Vec<(String, String)> = request
                .get("headers")
                .and_then(Value::as_object)
                .map(|h| h.iter().map(|(k, v)| (k.clone(), v.as_str().map_or_else(|| v.to_string(), str::to_owned))).collect())
                .unwrap_or_default();
            // The body exactly as it would be sent.
            let body = s(&request, "body");
            let mut text = format!("{method} {url}\n");
            for (k, v) in headers {
                text.push_str(&format!("{k}: {v}\n"));
            }
            text.push('\n');
            text.push_str(&body);
            view! {
                <div class="outcome dry-run">
                    <h3>"Dry run: nothing was sent"</h3>
                    <p>"Client token " <code>{client_token}</code> ". This is the request the proxy would have sent to ECS:"</p>
                    <pre class="code sent" tabindex="0" aria-label="Request that would be sent">{text}</pre>
                    {(!redacted.is_empty()).then(|| view! {
                        <p class="hint">
                            "Environment values are shown as <redacted> here (the request itself carries them): "
                            {redacted.iter().map(|p| view! { <code>{p.clone()}</code> " " }).collect_view()}
                        </p>
                    })}
                </div>
            }
            .into_any()
        }
        Ok(RunOutcome::Launched { client_token, tasks, failures }) => {
            let n = tasks.len();
            let heading = match (n, failures.len()) {
                (0, _) => "No task started".to_owned(),
                (1, 0) => "ECS started 1 task".to_owned(),
                (n, 0) => format!("ECS started {n} tasks"),
                (n, f) => format!("ECS started {n} of {} tasks", n + f),
            };
            let failures = failures
                .into_iter()
                .map(|f| {
                    let arn = s(&f, "arn");
                    let reason = s(&f, "reason");
                    let detail = s(&f, "detail");
                    view! {
                        <li>
                            <strong>"Failure: " {reason}</strong>
                            {(!detail.is_empty()).then(|| format!(" — {detail}"))}
                            {(!arn.is_empty()).then(|| view! { " (" <code>{arn}</code> ")" })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="outcome launched">
                    <h3>{heading}</h3>
                    <p>"Client token " <code>{client_token}</code> {(n > 0).then_some(". A new client token is in the form for the next launch.")}</p>
                    <ul class="failures">{failures}</ul>
                </div>
            }
            .into_any()
        }
        Ok(RunOutcome::Refused { status, code, message, diagnostics }) => {
            let who = if status == 422 || code.chars().next().is_some_and(char::is_lowercase) { "runtask-proxy" } else { "ECS" };
            let list = diagnostics
                .into_iter()
                .map(|d| {
                    let sev = runtask_core::Severity::parse(&s(&d, "severity")).map_or("Problem", severity_words);
                    let live = (d.get("live").and_then(serde_json::Value::as_bool) == Some(true)).then(|| view! { <span class="badge-live">"Live"</span> " " });
                    view! { <li>{live} {sev} " " <span class="code">{s(&d, "code")}</span> ": " {s(&d, "message")} " at " <code>{s(&d, "pointer")}</code></li> }
                })
                .collect_view();
            view! {
                <div class="outcome refused" role="alert">
                    <h3>{format!("{who} refused the request")}</h3>
                    <p><strong>{code}</strong> ": " {message} {format!(" (HTTP {status})")}</p>
                    <ul>{list}</ul>
                </div>
            }
            .into_any()
        }
    }
}

#[component]
fn Timelines(polling: Polling) -> impl IntoView {
    let polling_note = move || match (polling.next_in.get(), polling.tracks.with(|t| !t.is_empty() && t.iter().all(TaskTrack::stopped))) {
        (_, true) => Some("All tasks stopped.".to_owned()),
        (Some(n), _) => Some(format!("Next status check in {n} s (the wait doubles each time, up to 5 min).")),
        (None, false) if polling.tracks.with(|t| !t.is_empty()) => Some("Checking status…".to_owned()),
        _ => None,
    };
    view! {
        <Show when=move || polling.tracks.with(|t| !t.is_empty())>
            <div class="timelines">
                <h3>{move || format!("Tasks launched at {}", polling.launched_at.get())}</h3>
                {move || polling.tracks.get().into_iter().map(|t| view! { <TaskTimeline track=t/> }).collect_view()}
                <p class="hint">{polling_note}</p>
                {move || polling.error.get().map(|e| view! { <p class="result-error">"Status check failed: " {e}</p> })}
            </div>
        </Show>
    }
}

#[component]
fn TaskTimeline(track: TaskTrack) -> impl IntoView {
    let last = track.timeline.last().map(|(_, s)| s.clone()).unwrap_or_default();
    let steps = track
        .timeline
        .iter()
        .map(|(time, status)| view! { <li><time>{time.clone()}</time> " " <span class="status">{status.clone()}</span></li> })
        .collect_view();
    let containers = track
        .containers
        .iter()
        .map(|c| {
            let exit = c.exit_code.map_or_else(|| "no exit code yet".to_owned(), |e| format!("exit code {e}"));
            view! {
                <li>
                    <code>{c.name.clone()}</code> ": " {c.status.clone()} ", " {exit}
                    {c.reason.clone().map(|r| format!(" — {r}"))}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="task">
            <p class="task-arn"><code>{track.arn.clone()}</code> ": " <strong class="task-status">{last}</strong></p>
            <ol class="timeline" aria-label="Status timeline">{steps}</ol>
            {track.stop_code.clone().map(|c| view! { <p>"Stop code: " <code>{c}</code></p> })}
            {track.stopped_reason.clone().map(|r| view! { <p>"Stopped reason: " {r}</p> })}
            <ul class="containers" aria-label="Containers">{containers}</ul>
        </div>
    }
}
