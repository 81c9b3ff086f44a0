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
    let mut members = Vec::new();
    for id in doc.ids() {
        if doc.kind(id) != Kind::Object || doc.child_count(id) < 2 {
            continue;
        }
        // Raw member names (escapes undecoded) are compared first; the decoded names only when
        // a raw name has an escape, so `"a"` and `"\u0061"` are the same member.
        members.clear();
        members.extend(doc.children(id).map(|c| (c, doc.key_raw(c))));
        let any_escaped = members.iter().any(|(_, k)| k.contains('\\'));
        for i in 1..members.len() {
            let (later, raw) = members[i];
            let same = |other: &str| if any_escaped { doc.key(later) == Some(std::borrow::Cow::Borrowed(crate::json::unescape_key(other).as_ref())) } else { other == raw };
            let Some(&(earlier, _)) = members[..i].iter().rev().find(|(_, k)| same(k)) else { continue };
            // Report each repeated name once, at its last occurrence, naming the one before.
            if members[i + 1..].iter().any(|(_, k)| same(k)) {
                continue;
            }
            let key = doc.key(later).unwrap_or_default();
            let fix = ctx.remove(earlier, Applicability::Unsafe, format!("Remove the earlier `{key}`"));
            ctx.report_key(later, format!("`{key}` appears more than once in this object; only this last value is used"))
                .label_key(earlier, "this earlier value is ignored")
                .help(format!("keep a single `{key}` member"))
                .fix(fix);
        }
    }
}
