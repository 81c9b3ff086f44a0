use unicode_general_category::{get_general_category, GeneralCategory};

use crate::context::Ctx;
use crate::json::json_string;
use crate::diagnostics::message::{cat, describe_chars, dotted, shown};
use crate::diagnostics::Applicability;

use super::{all_tag_chars, is_tag_char};

crate::declare_rule! {
    /// ## What it checks
    /// That tag keys and values contain only letters, numbers, spaces and `+ - = . _ : / @`
    /// (the pattern `[\p{L}\p{Z}\p{N}_.:/=+\-@]*` of botocore's `TagKey` and `TagValue`), in the
    /// task's `tags` and in the tags of EBS tag specifications. Letters and numbers of every
    /// script count (`é`, `カ`, `٣`); punctuation such as `#`, `,` or `&`, tabs, line breaks,
    /// symbols such as `€` or emoji, and combining accents (a decomposed `é`) do not.
    ///
    /// ## Why it matters
    /// ECS rejects the request when a key or value does not match the pattern; the AWS CLI does
    /// not check patterns, so the error comes from AWS.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "tags": [{"key": "cost#center", "value": "R&D"}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "tags": [{"key": "cost-center", "value": "R and D"}]}
    /// ```
    ///
    /// ## How to fix
    /// Replace the other characters, e.g. with `-` or `_`. Tabs and line breaks at either end
    /// are removed by the fix (safe).
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Tag.html
    pub static RULE = {
        code: "RT500",
        name: "invalid-tag-character",
        severity: Error,
        catalogue: ["R-TAG-05"],
        topics: [Tags],
    };
}

const ALLOWED: &str = "letters, numbers, spaces and + - = . _ : / @";

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    let req = ctx.req;
    for tag in &req.tag_objects {
        for (member, what, node) in [("key", "tag key", tag.key), ("value", "tag value", tag.value)] {
            let Some(node) = node else { continue };
            let Some(text) = doc.str(node) else { continue };
            if all_tag_chars(&text) {
                continue;
            }
            let marks = text.chars().filter(|&c| !is_tag_char(c)).any(|c| matches!(get_general_category(c), GeneralCategory::NonspacingMark | GeneralCategory::SpacingMark | GeneralCategory::EnclosingMark));
            let (listed, _) = describe_chars(&text, |c| !is_tag_char(c), 3);
            let message = cat!("`", dotted(doc, node), "` is ", shown(&text, 60), ", which contains ", listed, "; a ", what, " allows only ", ALLOWED);
            let trimmed = text.trim_matches(|c: char| c.is_whitespace() && !is_tag_char(c));
            let help = if marks {
                "write accented letters as single characters (Unicode NFC), e.g. `é` as U+00E9, and replace other characters with `-` or `_`".to_owned()
            } else {
                cat!("replace the other characters, e.g. with `-` or `_`; allowed are ", ALLOWED)
            };
            if trimmed.len() < text.len() && trimmed.chars().all(is_tag_char) && (member == "value" || !trimmed.is_empty()) {
                let fix = ctx.replace_value(node, json_string(trimmed), Applicability::Safe, "Remove the tabs and line breaks at either end");
                ctx.report(node, message).help("remove the tabs and line breaks at either end").fix(fix);
            } else {
                ctx.report(node, message).help(help);
            }
        }
    }
}
