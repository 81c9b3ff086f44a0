//! Editable tables: a list member as rows, with Add and Remove. Rows are keyed by their
//! [`RowId`], so typing in one row never rebuilds the others.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use serde_json::Value;

use super::fields::{apply, pointer_of, problems_at, uid, value_of, FieldProblems};
use crate::console::Console;
use crate::lens::At;
use crate::state::{Element, List, RowId, Text};

/// A row's place and position, given to the row's view.
#[derive(Clone)]
pub struct RowCtx<T: 'static> {
    pub at: At<T>,
    /// 1-based position, for labels ("Tag 3 key").
    pub number: Memo<usize>,
}

impl<T> RowCtx<T> {
    /// `"{noun} {n} {what}"`, an accessible name that says which row.
    pub fn name(&self, noun: &'static str, what: &'static str) -> Signal<String> {
        let number = self.number;
        Signal::derive(move || format!("{noun} {} {what}", number.get()))
    }
}

/// Focuses the first control of the element with `data-row` = `id`, after it is rendered.
fn focus_row(id: RowId) {
    request_animation_frame(move || {
        let selector = format!("[data-row=\"{id}\"] input, [data-row=\"{id}\"] select, [data-row=\"{id}\"] textarea");
        if let Some(el) = document().query_selector(&selector).ok().flatten() {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    });
}

/// A list member as a table of rows.
#[component]
pub fn Rows<T, F, V>(
    /// The table's visible title.
    legend: &'static str,
    /// What one row is, lower case: "tag", "subnet".
    noun: &'static str,
    list: At<List<T>>,
    /// A new row's fields.
    new_row: fn() -> T,
    /// The row's controls.
    row: F,
    /// Most rows allowed (the Add button is disabled beyond).
    #[prop(optional)]
    max: Option<usize>,
    /// Rows as cards (container overrides) rather than lines.
    #[prop(optional)]
    cards: bool,
) -> impl IntoView
where
    T: Element + Clone + Send + Sync + 'static,
    F: Fn(RowCtx<T>) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let console = expect_context::<Console>();
    let list_get = list.clone();
    let own = Trigger::new();
    let ids = value_of(console, own, move |r| list_get.get(r).map(List::ids).unwrap_or_default());
    let raw = {
        let l = list.clone();
        value_of(console, own, move |r| l.get(r).and_then(|l| l.raw.clone()))
    };
    let pointer = pointer_of(console, &list);
    let problems = problems_at(console, pointer);
    let problems_id = uid("rows");
    let heading_id = uid("rows-title");
    let add_ref = NodeRef::<leptos::html::Button>::new();
    let add = {
        let list = list.clone();
        move |_| {
            let mut new_id = None;
            console.edit(|r| list.update(r, |l| new_id = Some(l.push(new_row()))));
            if let Some(id) = new_id {
                focus_row(id);
            }
        }
    };
    let full = move || max.is_some_and(|m| ids.with(Vec::len) >= m);
    let list_for_rows = list.clone();
    let row_view = move |id: RowId| {
        let at = list_for_rows.item(id);
        let l = list_for_rows.clone();
        let number = value_of(console, own, move |r| l.get(r).and_then(|l| l.index_of(id)).map_or(0, |i| i + 1));
        let row_pointer = pointer_of(console, &at);
        let row_problems = problems_at(console, row_pointer);
        let row_problems_id = uid("row");
        let title_id = uid("row-title");
        let remove = {
            let list = list_for_rows.clone();
            move |_| {
                console.edit(|r| list.update(r, |l| l.remove(id)));
                if let Some(b) = add_ref.get_untracked() {
                    let _ = b.focus();
                }
            }
        };
        let item_raw = {
            let l = list_for_rows.clone();
            value_of(console, own, move |r| l.get(r).and_then(|l| l.get(id)).and_then(|row| row.raw.clone()))
        };
        let content = row(RowCtx { at, number });
        view! {
            <div
                class=if cards { "row card" } else { "row" }
                data-row=id
                data-pointer=move || row_pointer.get()
                tabindex="-1"
                role=cards.then_some("group")
                aria-labelledby=cards.then(|| title_id.clone())
            >
                {cards.then(|| view! { <h4 class="row-title" id=title_id.clone()>{move || format!("{} {}", capitalise(noun), number.get())}</h4> })}
                <RawNotice raw=item_raw what="This row"/>
                <div class="row-fields">{content}</div>
                <button
                    type="button"
                    class="remove"
                    aria-label=move || format!("Remove {noun} {}", number.get())
                    on:click=remove
                >
                    "Remove"
                </button>
                <FieldProblems id=row_problems_id problems=row_problems/>
            </div>
        }
    };
    view! {
        <div
            class="rows"
            role="group"
            aria-labelledby=heading_id.clone()
            data-pointer=move || pointer.get()
            tabindex="-1"
            aria-describedby=move || problems.with(|p| !p.is_empty()).then(|| problems_id.clone())
        >
            <h3 class="rows-title" id=heading_id.clone()>{legend}</h3>
            <RawNotice raw=raw what=legend/>
            <FieldProblems id=problems_id.clone() problems=problems/>
            <For each=move || ids.get() key=|id| *id children=row_view/>
            <button type="button" class="add" node_ref=add_ref on:click=add prop:disabled=full>
                {format!("Add {noun}")}
            </button>
        </div>
    }
}

/// Says that a member's value has a shape the form cannot show (it is kept as it is).
#[component]
pub fn RawNotice(raw: Memo<Option<Value>>, what: &'static str) -> impl IntoView {
    move || {
        raw.get().map(|v| {
            let mut shown = v.to_string();
            if shown.chars().count() > 80 {
                shown = shown.chars().take(80).collect::<String>() + "…";
            }
            view! {
                <p class="raw-notice">
                    {what}
                    " is not what the form expects: "
                    <code>{shown}</code>
                    ". It is kept as it is; edit it in Request JSON, or use the controls here to replace it."
                </p>
            }
        })
    }
}

/// A list of strings (subnets, security groups, a command), one text field a row.
#[component]
pub fn TextList(
    legend: &'static str,
    noun: &'static str,
    list: At<List<Text>>,
    #[prop(optional)] max: Option<usize>,
    /// Suggestions for every row (one datalist).
    #[prop(optional, into)]
    suggestions: Option<Signal<Vec<(String, String)>>>,
) -> impl IntoView {
    let list_id = suggestions.map(|_| uid("list"));
    let row_list = list_id.clone();
    let row = move |ctx: RowCtx<Text>| {
        let row_list = row_list.clone();
        let console = expect_context::<Console>();
        let id = uid("f");
        let own = Trigger::new();
        let get = ctx.at.clone();
        let value = value_of(console, own, move |r| get.get(r).map(|t| crate::state::display(&Some(t.0.clone()))).unwrap_or_default());
        let pointer = pointer_of(console, &ctx.at);
        let problems = problems_at(console, pointer);
        let number = ctx.number;
        let at = ctx.at.clone();
        let on_input = move |ev| {
            let t = event_target_value(&ev);
            apply(console, own, |r| at.update(r, |v| v.0 = Value::String(t)));
        };
        let described = super::fields::described_by(&id, false, problems);
        view! {
            <div class="field">
                <label for=id.clone()>{move || format!("{} {}", capitalise(noun), number.get())}</label>
                <input
                    id=id.clone()
                    type="text"
                    class="input"
                    spellcheck="false"
                    autocomplete="off"
                    list=row_list
                    data-pointer=move || pointer.get()
                    aria-invalid=super::fields::invalid(problems)
                    aria-describedby=described
                    prop:value=move || value.get()
                    on:input=on_input
                />
                <FieldProblems id=format!("{id}-problems") problems=problems/>
            </div>
        }
    };
    view! {
        <Rows legend=legend noun=noun list=list new_row=|| Text(Value::String(String::new())) row=row max=max.unwrap_or(usize::MAX)/>
        {suggestions.zip(list_id).map(|(s, id)| {
            view! {
                <datalist id=id>
                    {move || s.get().into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
                </datalist>
            }
        })}
    }
}

#[must_use]
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}
