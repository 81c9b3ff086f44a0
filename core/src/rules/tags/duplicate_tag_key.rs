use std::borrow::Cow;

use crate::context::{Ctx, Tag};
use crate::json::NodeId;
use crate::diagnostics::message::{cat, dotted, shorten, shown};
use crate::diagnostics::Applicability;

crate::declare_rule! {
    /// ## What it checks
    /// That no two tags in one list have the same `key`, in the task's `tags` and in the tags of
    /// each EBS tag specification. Keys are case-sensitive: `Team` and `team` are different keys.
    ///
    /// ## Why it matters
    /// "Each tag key must be unique, and each tag key can have only one value" (RunTask API
    /// reference); ECS rejects the request.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "tags": [{"key": "team", "value": "web"}, {"key": "team", "value": "data"}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "tags": [{"key": "team", "value": "web"}, {"key": "Team", "value": "data"}]}
    /// ```
    ///
    /// ## How to fix
    /// Keep one tag per key. The fix removes the repeated tag: safe when both have the same
    /// value, unsafe otherwise (check which value you meant).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Tag.html
    pub static RULE = {
        code: "RT501",
        name: "duplicate-tag-key",
        severity: Error,
        catalogue: ["R-TAG-06"],
        topics: [Tags],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    let req = ctx.req;
    // The tag objects of one list are consecutive in the index.
    for list in req.tag_objects.chunk_by(|a, b| a.list == b.list) {
        if list.len() < 2 || (list.len() <= SMALL_LIST && !has_repeated_key(doc, list)) {
            continue;
        }
        let mut keys: Vec<(Cow<'_, str>, usize, &Tag, NodeId)> = list
            .iter()
            .enumerate()
            .filter_map(|(i, tag)| {
                let k = tag.key?;
                Some((doc.str(k)?, i, tag, k))
            })
            .collect();
        keys.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut first = 0;
        for i in 1..keys.len() {
            if keys[i].0 != keys[first].0 {
                first = i;
                continue;
            }
            let (ref key, _, tag, key_node) = keys[i];
            let (_, _, first_tag, first_key) = keys[first];
            let value = |t: &Tag| t.value.and_then(|v| doc.str(v));
            let same = value(tag) == value(first_tag);
            let app = if same { Applicability::Safe } else { Applicability::Unsafe };
            let fix = ctx.remove(tag.node, app, cat!("Remove the repeated tag `", shorten(key, 40), "`"));
            let help = if same {
                "remove the repeated tag: it has the same value".to_owned()
            } else {
                "keep one tag per key: remove one of them, or rename its key".to_owned()
            };
            ctx.report(key_node, cat!("`", dotted(doc, key_node), "` is ", shown(key, 60), ", a key that `", dotted(doc, first_tag.node), "` already uses; tag keys must be unique"))
                .label(first_key, "first used here")
                .help(help)
                .fix(fix);
        }
    }
}

const SMALL_LIST: usize = 8;

/// Whether two tags of `list` (at most [`SMALL_LIST`] long) have the same key, comparing the keys
/// pair by pair from an array on the stack.
fn has_repeated_key(doc: &crate::json::Document<'_>, list: &[Tag]) -> bool {
    let mut keys: [Option<Cow<'_, str>>; SMALL_LIST] = Default::default();
    let n = list.len().min(SMALL_LIST);
    for (slot, tag) in keys.iter_mut().zip(list) {
        *slot = tag.key.and_then(|k| doc.str(k));
    }
    (0..n).any(|i| keys[i].is_some() && keys[i + 1..n].contains(&keys[i]))
}
