use std::borrow::Cow;
use std::collections::HashMap;

use crate::context::Ctx;
use crate::json::NodeId;

use crate::diagnostics::Applicability;

crate::declare_rule! {
    /// ## What it checks
    /// That no object has the same member name twice.
    ///
    /// ## Why it matters
    /// The AWS CLI and SDKs keep only the last value, silently: the first one is lost. The other
    /// rules see what AWS would see (the last value).
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "count": 1, "count": 2}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "count": 2}
    /// ```
    ///
    /// ## How to fix
    /// Keep one of the members. The fix removes the earlier one (unsafe: check which you meant).
    ///
    /// ## Reference
    /// https://www.rfc-editor.org/rfc/rfc8259#section-4
    pub static RULE = {
        code: "RT006",
        name: "duplicate-key",
        severity: Warning,
        catalogue: [],
        topics: [Input],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    if !doc.has_shadowed() {
        return;
    }
    // The parser marks every member whose name comes again later (shadowed). Report each
    // repeated name once, at its last (kept) occurrence, labelling the one just before. Each
    // object with a shadowed member is walked once from its last member, with the next
    // occurrence of every name seen so far: linear in the members, each name decoded once.
    // Node IDs sorted as `u64`, as the findings are (`check_document`): one sort in the `.wasm`.
    let mut objects: Vec<u64> = doc.ids().filter(|&id| doc.is_shadowed(id)).filter_map(|id| doc.parent(id)).map(u64::from).collect();
    objects.sort_unstable();
    objects.dedup();
    // (earlier, kept) as one number, the earlier member's ID in the high half.
    let mut pairs: Vec<u64> = Vec::new();
    for object in objects.into_iter().map(|o| o as NodeId) {
        let members: Vec<_> = doc.children(object).collect();
        let mut next: HashMap<Cow<'_, str>, NodeId> = HashMap::new();
        for &id in members.iter().rev() {
            let key = doc.key(id).unwrap_or_default();
            let later = next.insert(key, id);
            // The occurrence just before the kept one: its next occurrence is not shadowed.
            if let Some(later) = later.filter(|&l| doc.is_shadowed(id) && !doc.is_shadowed(l)) {
                pairs.push(u64::from(id) << 32 | u64::from(later));
            }
        }
    }
    pairs.sort_unstable();
    for (id, later) in pairs.into_iter().map(|p| ((p >> 32) as NodeId, p as NodeId)) {
        let key = doc.key(id).unwrap_or_default();
        let fix = ctx.remove(id, Applicability::Unsafe, format!("Remove the earlier `{key}`"));
        ctx.report_key(later, format!("`{key}` appears more than once in this object; only this last value is used"))
            .label_key(id, "this earlier value is ignored")
            .help(format!("keep a single `{key}` member"))
            .fix(fix);
    }
}
