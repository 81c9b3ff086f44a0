//! Form controls bound to a place in the request. Each has a visible label, `data-pointer` (the
//! JSON pointer of its value, so a diagnostic can focus it), and shows its own problems with
//! `aria-invalid` and `aria-describedby`.

use std::sync::atomic::{AtomicU32, Ordering};

use leptos::prelude::*;
use runtask_core::Severity;
use serde_json::Value;

use crate::console::Console;
use crate::lens::At;
use crate::problems::{severity_words, FieldProblem};
use crate::state::{bool_value, display, int_value, text_value, Request, Scalar};

static NEXT: AtomicU32 = AtomicU32::new(1);

/// A unique element id.
#[must_use]
pub fn uid(prefix: &str) -> String {
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// The problems of the control at `pointer`; changes only when they do.
pub fn problems_at(console: Console, pointer: Memo<Option<String>>) -> Memo<Vec<FieldProblem>> {
    Memo::new(move |_| {
        pointer.with(|p| p.as_ref().and_then(|p| console.field_index.with(|index| index.get(p).cloned())).unwrap_or_default())
    })
}

/// The pointer of `at`; it moves only when the request changes shape.
pub fn pointer_of<T: 'static>(console: Console, at: &At<T>) -> Memo<Option<String>> {
    let at = at.clone();
    Memo::new(move |_| {
        console.structure.track();
        console.request.with_untracked(|r| at.pointer(r))
    })
}

/// A control's value: re-read when its own input changed it (`own`) or the request changed shape,
/// never on other controls' keystrokes.
pub fn value_of<T, F>(console: Console, own: Trigger, read: F) -> Memo<T>
where
    T: PartialEq + Clone + Send + Sync + 'static,
    F: Fn(&Request) -> T + Send + Sync + 'static,
{
    Memo::new(move |_| {
        console.structure.track();
        own.track();
        console.request.with_untracked(|r| read(r))
    })
}

/// Applies a control's own input: changes the request, then lets the control re-read.
pub fn apply(console: Console, own: Trigger, f: impl FnOnce(&mut Request)) {
    console.edit_field(f);
    own.notify();
}

/// `aria-invalid`: only errors make a value invalid.
pub fn invalid(problems: Memo<Vec<FieldProblem>>) -> impl Fn() -> Option<&'static str> + Send + Sync + Copy {
    move || problems.with(|p| p.iter().any(|p| p.severity == Severity::Error).then_some("true"))
}

/// `aria-describedby`: the hint and the problems, when there are any.
pub fn described_by(
    id: &str,
    hint: bool,
    problems: Memo<Vec<FieldProblem>>,
) -> impl Fn() -> Option<String> + Send + Sync + Clone {
    let hint_id = hint.then(|| format!("{id}-hint"));
    let problems_id = format!("{id}-problems");
    move || {
        let mut ids: Vec<&str> = hint_id.iter().map(String::as_str).collect();
        if problems.with(|p| !p.is_empty()) {
            ids.push(&problems_id);
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The problems next to a control.
#[component]
pub fn FieldProblems(id: String, problems: Memo<Vec<FieldProblem>>) -> impl IntoView {
    view! {
        <Show when=move || problems.with(|p| !p.is_empty())>
            <ul class="field-problems" id=id.clone()>
                {move || {
                    problems
                        .get()
                        .into_iter()
                        .map(|p| {
                            let class = format!("field-problem sev-{}", p.severity.as_str());
                            view! {
                                <li class=class>
                                    <span class="sev">{severity_words(p.severity)}</span>
                                    " "
                                    <span class="code">{p.code}</span>
                                    ": "
                                    {p.message}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </Show>
    }
}

/// What a text field holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Kind {
    /// A JSON string.
    #[default]
    Text,
    /// A JSON integer (other text stays a string, for runtask-core to report).
    Int,
}

/// A text input.
#[component]
pub fn TextField(
    label: &'static str,
    at: At<Scalar>,
    #[prop(optional)] kind: Kind,
    /// A longer accessible name, when the visible label relies on its row ("Key" → "Tag 3 key").
    #[prop(optional, into)]
    aria_label: Option<Signal<String>>,
    /// Help under the field.
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
    /// Suggestions (a datalist).
    #[prop(optional, into)]
    suggestions: Option<Signal<Vec<(String, String)>>>,
    #[prop(optional)] placeholder: &'static str,
    /// CSS width class: "narrow", "wide".
    #[prop(optional)]
    size: &'static str,
    /// Extra content after the input (a button).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let console = expect_context::<Console>();
    let id = uid("f");
    let own = Trigger::new();
    let get = at.clone();
    let value = value_of(console, own, move |r| get.get(r).map(display).unwrap_or_default());
    let pointer = pointer_of(console, &at);
    let problems = problems_at(console, pointer);
    let list_id = suggestions.map(|_| format!("{id}-list"));
    let on_input = move |ev| {
        let t = event_target_value(&ev);
        let v = match kind {
            Kind::Text => text_value(&t),
            Kind::Int => int_value(&t),
        };
        apply(console, own, |r| at.update(r, |s| *s = v));
    };
    let hint_id = format!("{id}-hint");
    let has_hint = hint.is_some();
    let described = described_by(&id, has_hint, problems);
    view! {
        <div class=format!("field {size}")>
            <label for=id.clone()>{label}</label>
            <div class="control">
                <input
                    id=id.clone()
                    type="text"
                    class="input"
                    inputmode=(kind == Kind::Int).then_some("numeric")
                    spellcheck="false"
                    autocomplete="off"
                    placeholder=(!placeholder.is_empty()).then_some(placeholder)
                    list=list_id.clone()
                    aria-label=move || aria_label.map(|l| l.get())
                    data-pointer=move || pointer.get()
                    aria-invalid=invalid(problems)
                    aria-describedby=described
                    prop:value=move || value.get()
                    on:input=on_input
                />
                {children.map(|c| c())}
            </div>
            {suggestions.zip(list_id).map(|(s, list_id)| {
                view! {
                    <datalist id=list_id>
                        {move || {
                            s.get()
                                .into_iter()
                                .map(|(v, l)| view! { <option value=v>{l}</option> })
                                .collect_view()
                        }}
                    </datalist>
                }
            })}
            {hint.map(|h| view! { <p class="hint" id=hint_id>{move || h.get()}</p> })}
            <FieldProblems id=format!("{id}-problems") problems=problems/>
        </div>
    }
}

/// A choice among fixed values. `unset` names the empty choice (the member is left out); a
/// value outside the choices (pasted JSON) is shown as such.
#[component]
pub fn SelectField(
    label: &'static str,
    at: At<Scalar>,
    options: &'static [(&'static str, &'static str)],
    #[prop(optional)] unset: Option<&'static str>,
    #[prop(optional, into)] aria_label: Option<Signal<String>>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
) -> impl IntoView {
    let console = expect_context::<Console>();
    let id = uid("f");
    let own = Trigger::new();
    let get = at.clone();
    let value: Memo<Scalar> = value_of(console, own, move |r| get.get(r).cloned().flatten());
    let pointer = pointer_of(console, &at);
    let problems = problems_at(console, pointer);
    let on_change = move |ev| {
        let t = event_target_value(&ev);
        let v = if t.is_empty() {
            None
        } else if let Some(other) = t.strip_prefix("json:") {
            // The pasted value that is not one of the choices: keep it as it was.
            serde_json::from_str(other).ok()
        } else {
            Some(Value::String(t))
        };
        apply(console, own, |r| at.update(r, |s| *s = v));
    };
    let is = move |v: &'static str| value.with(|cur| cur.as_ref().and_then(Value::as_str) == Some(v));
    let other = move || {
        value.with(|cur| match cur {
            Some(Value::String(s)) if options.iter().any(|(v, _)| v == s) => None,
            Some(v) => Some(v.clone()),
            None => None,
        })
    };
    let hint_id = format!("{id}-hint");
    let has_hint = hint.is_some();
    let described = described_by(&id, has_hint, problems);
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select
                id=id.clone()
                class="input"
                aria-label=move || aria_label.map(|l| l.get())
                data-pointer=move || pointer.get()
                aria-invalid=invalid(problems)
                aria-describedby=described
                on:change=on_change
            >
                {unset.map(|u| view! { <option value="" prop:selected=move || value.with(Option::is_none)>{u}</option> })}
                {options
                    .iter()
                    .map(|&(v, l)| view! { <option value=v prop:selected=move || is(v)>{l}</option> })
                    .collect_view()}
                {move || {
                    other()
                        .map(|v| {
                            let shown = display(&Some(v.clone()));
                            view! {
                                <option value=format!("json:{v}") selected=true>
                                    {shown}
                                    " (not one of the choices)"
                                </option>
                            }
                        })
                }}
            </select>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{move || h.get()}</p> })}
            <FieldProblems id=format!("{id}-problems") problems=problems/>
        </div>
    }
}

/// A boolean member: checked is `true`; unchecked leaves the member out (false is the default).
/// A pasted `false` stays until the box is changed.
#[component]
pub fn CheckField(
    label: &'static str,
    at: At<Scalar>,
    #[prop(optional, into)] aria_label: Option<Signal<String>>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
) -> impl IntoView {
    let console = expect_context::<Console>();
    let id = uid("f");
    let own = Trigger::new();
    let get = at.clone();
    let checked = value_of(console, own, move |r| get.get(r).is_some_and(|v| *v == Some(Value::Bool(true))));
    let pointer = pointer_of(console, &at);
    let problems = problems_at(console, pointer);
    let on_change = move |ev| {
        let v = bool_value(event_target_checked(&ev));
        apply(console, own, |r| at.update(r, |s| *s = v));
    };
    let hint_id = format!("{id}-hint");
    let has_hint = hint.is_some();
    let described = described_by(&id, has_hint, problems);
    view! {
        <div class="field check">
            <input
                id=id.clone()
                type="checkbox"
                aria-label=move || aria_label.map(|l| l.get())
                data-pointer=move || pointer.get()
                aria-invalid=invalid(problems)
                aria-describedby=described
                prop:checked=move || checked.get()
                on:change=on_change
            />
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{move || h.get()}</p> })}
            <FieldProblems id=format!("{id}-problems") problems=problems/>
        </div>
    }
}
