//! RT5xx: tags. Every rule applies to the task's `tags` and to the `tags` of each EBS tag
//! specification (`volumeConfigurations[*].managedEBSVolume.tagSpecifications[*].tags`), which
//! use the same `Tags` shape.
//!
//! Other rules about tags live with the member they check (tag counts and lengths with the model
//! rules, `propagateTags` with the request's members, EBS tag specifications with the volumes, a
//! tag that overrides the task definition's with the task-definition rules): all are
//! `Topic::Tags`, listed together under "Tags" in docs/rules.md.

use unicode_general_category::{get_general_category, GeneralCategory as G};


pub mod duplicate_tag_key;
pub mod invalid_tag_character;
pub mod reserved_aws_tag_prefix;

checks![invalid_tag_character, duplicate_tag_key, reserved_aws_tag_prefix];

/// Whether `c` is in the tag character class `[\p{L}\p{Z}\p{N}_.:/=+\-@]` (botocore `TagKey`,
/// `TagValue`).
#[must_use]
pub fn is_tag_char(c: char) -> bool {
    if c.is_ascii() {
        return is_tag_ascii(c as u8);
    }
    matches!(
        get_general_category(c),
        G::UppercaseLetter
            | G::LowercaseLetter
            | G::TitlecaseLetter
            | G::ModifierLetter
            | G::OtherLetter
            | G::SpaceSeparator
            | G::LineSeparator
            | G::ParagraphSeparator
            | G::DecimalNumber
            | G::LetterNumber
            | G::OtherNumber
    )
}

/// The ASCII part of the class: letters, digits and `_.:/=+-@` and the space.
const fn is_tag_ascii(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b' ' | b'_' | b'.' | b':' | b'/' | b'=' | b'+' | b'-' | b'@')
}

/// [`is_tag_ascii`] as a table, false for every byte of a multi-byte character.
static TAG_ASCII: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = is_tag_ascii(b as u8);
        b += 1;
    }
    t
};

/// Whether every character of `text` is a tag character: a byte table for ASCII text (nearly
/// every tag), [`is_tag_char`] per character otherwise.
#[must_use]
pub fn all_tag_chars(text: &str) -> bool {
    // Eight bytes at a time, without a branch per byte.
    let mut chunks = text.as_bytes().chunks_exact(8);
    let ascii = chunks.by_ref().all(|c| c.iter().fold(true, |ok, &b| ok & TAG_ASCII[usize::from(b)])) && chunks.remainder().iter().all(|&b| TAG_ASCII[usize::from(b)]);
    ascii || text.chars().all(is_tag_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte table and the per-character test agree on every text of tag characters and
    /// others, ASCII or not.
    #[test]
    fn all_tag_chars_matches_is_tag_char() {
        use proptest::prelude::*;
        let c = prop_oneof![Just('a'), Just(' '), Just('#'), Just('\t'), Just('é'), Just('€'), Just('\u{301}'), Just('-'), any::<char>()];
        let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config { cases: 3000, ..Default::default() });
        runner
            .run(&proptest::collection::vec(c, 0..12).prop_map(|v| v.into_iter().collect::<String>()), |text| {
                prop_assert_eq!(all_tag_chars(&text), text.chars().all(is_tag_char), "{:?}", text);
                Ok(())
            })
            .unwrap();
        for b in 0..128u8 {
            assert_eq!(TAG_ASCII[usize::from(b)], is_tag_char(char::from(b)), "{b:#04x}");
        }
    }

    #[test]
    fn tag_characters() {
        for c in ['a', 'Z', '0', ' ', '_', '.', ':', '/', '=', '+', '-', '@', 'é', 'ß', 'カ', '中', '٣', 'Ⅻ', '½', '\u{a0}', '\u{3000}', '\u{2028}'] {
            assert!(is_tag_char(c), "{c:?} is allowed");
        }
        for c in ['#', '!', '$', '%', '&', '*', '(', ',', ';', '<', '?', '[', '\\', '^', '`', '{', '|', '~', '"', '\'', '\t', '\n', '\u{301}', '€', '😀', '\u{200b}'] {
            assert!(!is_tag_char(c), "{c:?} is not allowed");
        }
    }

    /// Issue 8: one character, one name, in every rule's message.
    #[test]
    fn a_backtick_is_named_alike_everywhere() {
        let request = r#"{"taskDefinition": "web:3", "cluster": "a`b", "startedBy": "ci`job", "tags": [{"key": "k`", "value": "v"}]}"#;
        let report = crate::check(request, &crate::Options::default()).unwrap();
        let named: Vec<&str> = report.diagnostics.iter().filter(|d| ["RT113", "RT118", "RT500"].contains(&d.code)).map(|d| d.message.as_str()).collect();
        assert_eq!(named.len(), 3, "{named:?}");
        for m in named {
            assert!(m.contains("a backtick (`` ` ``)") && !m.contains("backquote"), "{m}");
        }
    }

}
