use crate::context::Ctx;
use crate::json::Kind;
use crate::Applicability;

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
        check: check,
    };
}

fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    for id in doc.ids() {
        if doc.kind(id) != Kind::Object || doc.child_count(id) < 2 {
            continue;
        }
        let members: Vec<_> = doc.children(id).collect();
        for (i, &later) in members.iter().enumerate().skip(1) {
            let key = doc.key(later).unwrap_or_default();
            if let Some(&earlier) = members[..i].iter().rev().find(|&&m| doc.key(m).unwrap_or_default() == key) {
                // Report each repeated name once, at its last occurrence, naming the one before.
                if members[i + 1..].iter().any(|&m| doc.key(m).unwrap_or_default() == key) {
                    continue;
                }
                let fix = ctx.remove(earlier, Applicability::Unsafe, format!("Remove the earlier `{key}`"));
                ctx.report_key(later, format!("`{key}` appears more than once in this object; only this last value is used"))
                    .label_key(earlier, "this earlier value is ignored")
                    .help(format!("keep a single `{key}` member"))
                    .fix(fix);
            }
        }
    }
}
