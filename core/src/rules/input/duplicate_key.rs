use crate::context::Ctx;

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
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    // The parser marks every member whose name comes again later (shadowed). Report each
    // repeated name once, at its last (kept) occurrence, labelling the one just before.
    for id in doc.ids() {
        if !doc.is_shadowed(id) {
            continue;
        }
        let key = doc.key(id).unwrap_or_default();
        let mut later = doc.next_sibling(id);
        while let Some(l) = later {
            if doc.key(l).as_deref() == Some(key.as_ref()) {
                break;
            }
            later = doc.next_sibling(l);
        }
        let Some(later) = later else { continue };
        if doc.is_shadowed(later) {
            continue; // reported from the occurrence just before the kept one
        }
        let fix = ctx.remove(id, Applicability::Unsafe, format!("Remove the earlier `{key}`"));
        ctx.report_key(later, format!("`{key}` appears more than once in this object; only this last value is used"))
            .label_key(id, "this earlier value is ignored")
            .help(format!("keep a single `{key}` member"))
            .fix(fix);
    }
}
