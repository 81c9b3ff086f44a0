use std::borrow::Cow;
use std::collections::HashMap;

use crate::context::{Ctx, Tag};
use crate::json::{ByteSet, Document};
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
        for (i, first) in repeated_keys(doc, list) {
            let (tag, first_tag) = (&list[i], &list[first]);
            let (Some(key_node), Some(first_key)) = (tag.key, first_tag.key) else { continue };
            let key = doc.str(key_node).unwrap_or_default();
            let value = |t: &Tag| t.value.and_then(|v| doc.str(v));
            let same = value(tag) == value(first_tag);
            let app = if same { Applicability::Safe } else { Applicability::Unsafe };
            let fix = ctx.remove(tag.node, app, cat!("Remove the repeated tag `", shorten(&key, 40), "`"));
            let help = if same {
                "remove the repeated tag: it has the same value".to_owned()
            } else {
                "keep one tag per key: remove one of them, or rename its key".to_owned()
            };
            ctx.report(key_node, cat!("`", dotted(doc, key_node), "` is ", shown(&key, 60), ", a key that `", dotted(doc, first_tag.node), "` already uses; tag keys must be unique"))
                .label(first_key, "first used here")
                .help(help)
                .fix(fix);
        }
    }
}

/// The lists up to this long (AWS allows 50 tags) are searched by [`by_bucket`], longer ones by
/// [`by_map`], whose time does not grow with the square of the length.
const BUCKETED_LIST: usize = 64;

/// Each tag of `list` whose key (a string) an earlier tag has, with the first such tag: indexes
/// into `list`.
fn repeated_keys(doc: &Document<'_>, list: &[Tag]) -> Vec<(usize, usize)> {
    if list.len() < 2 {
        Vec::new()
    } else if list.len() <= BUCKETED_LIST {
        by_bucket(doc, list)
    } else {
        by_map(doc, list)
    }
}

fn key<'s>(doc: &Document<'s>, tag: &Tag) -> Option<Cow<'s, str>> {
    tag.key.and_then(|k| doc.str(k))
}

/// [`repeated_keys`] comparing a key only with the earlier keys of the same hash ([`hash`]), and
/// only when the set of hashes says one came before: a list without repeats costs one pass over
/// its keys and no allocation.
fn by_bucket(doc: &Document<'_>, list: &[Tag]) -> Vec<(usize, usize)> {
    let mut hashes = [0u8; BUCKETED_LIST];
    let mut seen = ByteSet::default();
    let mut pairs = Vec::new();
    for (i, tag) in list.iter().enumerate() {
        let Some(k) = key(doc, tag) else { continue };
        let h = hash(k.as_bytes());
        hashes[i] = h;
        if seen.insert(h) {
            if let Some(first) = (0..i).find(|&j| hashes[j] == h && key(doc, &list[j]).is_some_and(|e| e == k)) {
                pairs.push((i, first));
            }
        }
    }
    pairs
}

/// A byte of FNV-1a over all of `key`: generated keys (`team-01`, `team-02`, …) differ in any
/// byte, so all of them count.
fn hash(key: &[u8]) -> u8 {
    let h = key.iter().fold(0x811c_9dc5_u32, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193));
    (h ^ h >> 8 ^ h >> 16 ^ h >> 24) as u8
}

/// [`repeated_keys`] with the first tag of each key in a map, in one pass. (The map's type is
/// RT006's: one map in the `.wasm`.)
fn by_map(doc: &Document<'_>, list: &[Tag]) -> Vec<(usize, usize)> {
    let mut first: HashMap<Cow<'_, str>, u32> = HashMap::new();
    let mut pairs = Vec::new();
    for (i, tag) in list.iter().enumerate() {
        let Some(k) = key(doc, tag) else { continue };
        match first.get(&k) {
            Some(&f) => pairs.push((i, f as usize)),
            None => {
                first.insert(k, i as u32);
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use crate::context::Request;
    use crate::json::Document;

    /// Both searches find each tag whose key an earlier tag has, with the first such tag, as a
    /// pair-by-pair search does: keys repeated or not, of one hash or not (`ab`, `ch`),
    /// escaped (`"\u0061"` is `"a"`), not strings, or absent.
    #[test]
    fn both_searches_find_every_repeat() {
        let key = proptest::sample::select(vec![r#""a""#, r#""\u0061""#, r#""b""#, r#""ab""#, r#""ch""#, r#""abc""#, r#""""#, "1", ""]);
        proptest!(ProptestConfig::with_cases(3_000), |(keys in proptest::collection::vec(key, 0..30))| {
            let tags: Vec<String> = keys.iter().map(|k| if k.is_empty() { r#"{"value": "v"}"#.to_owned() } else { format!(r#"{{"key": {k}}}"#) }).collect();
            let text = format!(r#"{{"tags": [{}]}}"#, tags.join(", "));
            let doc = Document::parse(&text).unwrap();
            let req = Request::index(&doc);
            let list = &req.tag_objects;
            let key = |i: usize| super::key(&doc, &list[i]);
            let expected: Vec<(usize, usize)> = (0..list.len()).filter_map(|i| Some((i, (0..i).find(|&j| key(j).is_some() && key(j) == key(i))?))).collect();
            let mapped = super::by_map(&doc, list);
            prop_assert_eq!(&super::by_bucket(&doc, list), &expected, "{}", text);
            prop_assert_eq!(&mapped, &expected, "{}", text);
        });
        assert_eq!(super::hash(b"ab"), super::hash(b"ch"), "two keys of one hash, for the test above");
    }
}
