use crate::context::Ctx;
use crate::json::{Document, Kind, NodeId};
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
    let mut members: Vec<(NodeId, u64)> = Vec::new();
    for id in doc.ids() {
        if doc.kind(id) != Kind::Object || doc.child_count(id) < 2 {
            continue;
        }
        // Compare a hash of each decoded name first; equal hashes are confirmed on the names.
        members.clear();
        members.extend(doc.children(id).map(|c| (c, name_hash(doc, c))));
        for i in 1..members.len() {
            let (later, h) = members[i];
            let same = |&(other, oh): &(NodeId, u64)| oh == h && doc.key(other) == doc.key(later);
            let Some(&(earlier, _)) = members[..i].iter().rev().find(|m| same(m)) else { continue };
            // Report each repeated name once, at its last occurrence, naming the one before.
            if members[i + 1..].iter().any(same) {
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

/// FNV-1a of the member name (decoded when it has escapes, so `"a"` and `"\u0061"` agree).
fn name_hash(doc: &Document<'_>, id: NodeId) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut add = |bytes: &[u8]| {
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    if doc.key_escaped(id) {
        add(doc.key(id).unwrap_or_default().as_bytes());
    } else {
        add(doc.key_raw(id).as_bytes());
    }
    h
}
