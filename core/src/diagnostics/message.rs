//! How messages say things: the one place for the words every rule uses to show a value, a
//! path, a character, a list or a suggestion, so that the same thing is said the same way
//! everywhere.

use std::borrow::Cow;

use crate::ids::{Ec2Id, IdError, IdProblem, ACCOUNT_ID_LENGTH, EC2_ID_LENGTHS};
use crate::json::{push_decimal, Document, Kind, NodeId, Segment};

pub use crate::json::{describe_char, json_string};

/// At most `max` characters of `s`, with an ellipsis when cut: a [`Clipped`] piece, written
/// straight into the message (or `to_string()`).
#[must_use]
pub fn shorten(s: &str, max: usize) -> Clipped<'_> {
    match s.char_indices().nth(max) {
        Some((i, _)) => Clipped::Parts("", &s[..i], "…"),
        None => Clipped::Parts("", s, ""),
    }
}

/// `s` as a JSON string, shortened to `max` characters: `shorten(&json_string(s), max)`, without
/// a copy when `s` needs no escapes.
#[must_use]
pub fn shown(s: &str, max: usize) -> Clipped<'_> {
    // One pass: whether `s` needs no escapes, and whether it is ASCII (a character per byte).
    let (mut plain, mut ascii) = (true, true);
    for b in s.bytes() {
        plain &= b >= 0x20 && b != b'"' && b != b'\\';
        ascii &= b.is_ascii();
    }
    if max == 0 || !plain {
        return Clipped::Owned(shorten(&json_string(s), max).to_string());
    }
    // The quote takes one of the `max` characters: where the text is cut, if it is.
    let cut = if ascii { (s.len() >= max).then_some(max - 1) } else { s.char_indices().nth(max - 1).map(|(i, _)| i) };
    match cut {
        Some(i) => Clipped::Parts("\"", &s[..i], "…"),
        // `"s"` exactly one character too long: the closing quote is cut.
        None if (if ascii { s.len() } else { s.chars().count() }) + 2 > max => Clipped::Parts("\"", s, "…"),
        None => Clipped::Parts("\"", s, "\""),
    }
}

/// A text as [`shorten`] and [`shown`] give it: a part of the text between an opening and a
/// closing (a quote, an ellipsis), or a text of its own where it had to be rewritten.
#[derive(Clone, Debug)]
pub enum Clipped<'a> {
    Parts(&'static str, &'a str, &'static str),
    Owned(String),
}

impl Piece for Clipped<'_> {
    fn size(&self) -> usize {
        match self {
            Clipped::Parts(open, body, close) => open.len() + body.len() + close.len(),
            Clipped::Owned(s) => s.len(),
        }
    }
    fn push_to(&self, out: &mut String) {
        match self {
            Clipped::Parts(open, body, close) => {
                out.push_str(open);
                out.push_str(body);
                out.push_str(close);
            }
            Clipped::Owned(s) => out.push_str(s),
        }
    }
}

impl std::fmt::Display for Clipped<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Clipped::Parts(open, body, close) => {
                f.write_str(open)?;
                f.write_str(body)?;
                f.write_str(close)
            }
            Clipped::Owned(s) => f.write_str(s),
        }
    }
}

impl From<Clipped<'_>> for String {
    #[inline(never)]
    fn from(c: Clipped<'_>) -> String {
        match c {
            Clipped::Owned(s) => s,
            parts => cat!(parts),
        }
    }
}

/// For the tests: a piece equals the text it writes.
#[cfg(test)]
impl PartialEq<&str> for Clipped<'_> {
    fn eq(&self, other: &&str) -> bool {
        match self {
            Clipped::Parts(open, body, close) => {
                other.len() == open.len() + body.len() + close.len() && other.starts_with(open) && other[open.len()..].starts_with(body) && other.ends_with(close)
            }
            Clipped::Owned(s) => s == other,
        }
    }
}

/// Builds a message from its parts, text and integers ([`Piece`]), in one String of the exact
/// size: `cat!("`", path, "` has ", n, " items")` says what `format!("`{path}` has {n} items")`
/// says, without the formatting machinery.
macro_rules! cat {
    ($($piece:expr),+ $(,)?) => {{
        let pieces: &[&dyn $crate::diagnostics::message::Piece] = &[$(&$piece),+];
        let mut out = String::with_capacity(pieces.iter().map(|p| p.size()).sum());
        for p in pieces {
            p.push_to(&mut out);
        }
        out
    }};
}
pub(crate) use cat;

/// A part of a message built by [`cat!`]: text, or an integer written in decimal as `{}`
/// writes it.
pub trait Piece {
    /// Its length in bytes, to size the message before writing it.
    fn size(&self) -> usize;
    fn push_to(&self, out: &mut String);
}

impl Piece for str {
    fn size(&self) -> usize {
        self.len()
    }
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for String {
    fn size(&self) -> usize {
        self.len()
    }
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for Cow<'_, str> {
    fn size(&self) -> usize {
        self.len()
    }
    fn push_to(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl<T: Piece + ?Sized> Piece for &T {
    fn size(&self) -> usize {
        (**self).size()
    }
    fn push_to(&self, out: &mut String) {
        (**self).push_to(out);
    }
}

/// The number of decimal digits of `v`.
#[inline(never)]
fn decimal_len(v: u64) -> usize {
    v.checked_ilog10().map_or(1, |l| l as usize + 1)
}

macro_rules! integer_pieces {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            fn size(&self) -> usize {
                usize::from(*self < 0) + decimal_len(u64::from(self.unsigned_abs()))
            }
            fn push_to(&self, out: &mut String) {
                if *self < 0 {
                    out.push('-');
                }
                push_decimal(out, u64::from(self.unsigned_abs()));
            }
        }
    )*};
}
integer_pieces!(i32, i64);

impl Piece for i128 {
    fn size(&self) -> usize {
        i64::try_from(*self).map_or_else(|_| self.to_string().len(), |v| v.size())
    }
    fn push_to(&self, out: &mut String) {
        match i64::try_from(*self) {
            Ok(v) => v.push_to(out),
            Err(_) => out.push_str(&self.to_string()),
        }
    }
}

macro_rules! unsigned_pieces {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            fn size(&self) -> usize {
                decimal_len(u64::from(*self))
            }
            fn push_to(&self, out: &mut String) {
                push_decimal(out, u64::from(*self));
            }
        }
    )*};
}
unsigned_pieces!(u8, u32, u64);

impl Piece for usize {
    fn size(&self) -> usize {
        decimal_len(*self as u64)
    }
    fn push_to(&self, out: &mut String) {
        push_decimal(out, *self as u64);
    }
}

/// Pieces written one after the other, as one piece: the start of a message that a function
/// completes (`pieces!("`", path, "` is ", shown, ", ")`).
pub struct Pieces<'a>(pub &'a [&'a dyn Piece]);

impl Piece for Pieces<'_> {
    fn size(&self) -> usize {
        self.0.iter().map(|p| p.size()).sum()
    }
    fn push_to(&self, out: &mut String) {
        for p in self.0 {
            p.push_to(out);
        }
    }
}

/// [`Pieces`] from a list, as [`cat!`] takes it.
macro_rules! pieces {
    ($($piece:expr),+ $(,)?) => {
        $crate::diagnostics::message::Pieces(&[$(&$piece as &dyn $crate::diagnostics::message::Piece),+])
    };
}
pub(crate) use pieces;

/// `a, b or c` as a piece ([`or_list`]).
pub struct OrList<'a, T>(pub &'a [T]);

impl<T: Piece> Piece for OrList<'_, T> {
    fn size(&self) -> usize {
        let n = self.0.len();
        // ", " between all but the last two, " or " before the last.
        self.0.iter().map(Piece::size).sum::<usize>() + if n > 1 { 2 * (n - 2) + 4 } else { 0 }
    }
    fn push_to(&self, out: &mut String) {
        joined(out, self.0, " or ", |out, item| item.push_to(out));
    }
}

/// The dotted path botocore uses in its messages, e.g. `overrides.containerOverrides[0].cpu`.
#[must_use]
pub fn dotted(doc: &Document<'_>, id: NodeId) -> String {
    let mut up = [crate::json::NONE; 16];
    // Bound before it is returned: the match's path borrows `up`.
    let dotted = match doc.plain_path(id, &mut up) {
        Some(path) => write_dotted(path),
        None => write_dotted(doc.steps(id).segments()),
    };
    dotted
}

fn write_dotted<'s>(segments: impl Iterator<Item = Segment<'s>>) -> String {
    // Nearly every path fits (as with `Document::pointer`).
    let mut out = String::with_capacity(64);
    for seg in segments {
        match seg {
            Segment::Key(raw, escaped) => {
                if !out.is_empty() {
                    out.push('.');
                }
                if escaped {
                    out.push_str(&crate::json::unescape_key(raw));
                } else {
                    out.push_str(raw);
                }
            }
            Segment::Index(i) => {
                out.push('[');
                crate::json::push_u32(&mut out, i);
                out.push(']');
            }
        }
    }
    out
}

/// A short description of a value: `the string "2"`, `the number 1.5`. Values under
/// `environment` (`sensitive`) are masked.
#[must_use]
pub fn describe_value(doc: &Document<'_>, id: NodeId, sensitive: bool) -> Cow<'static, str> {
    let kind = doc.kind(id);
    if sensitive && matches!(kind, Kind::String | Kind::Number | Kind::Bool) {
        return Cow::Owned(cat!(with_article(kind.describe()), " (value hidden)"));
    }
    match kind {
        Kind::String => Cow::Owned(cat!("the string ", shorten(doc.raw(id), 40))),
        Kind::Number => Cow::Owned(cat!("the number ", shorten(doc.raw(id), 40))),
        Kind::Bool => Cow::Owned(cat!("`", doc.raw(id), "`")),
        Kind::Null => Cow::Borrowed("`null`"),
        Kind::Array => Cow::Borrowed("an array"),
        Kind::Object => Cow::Borrowed("an object"),
        Kind::Dynamic => Cow::Borrowed("a value known only at run time"),
    }
}

/// Up to `max` distinct characters of `s` for which `bad` holds, named ([`describe_char`]) and
/// joined: "a space, `.` and `é` (U+00E9)", with the total count of such characters.
#[must_use]
pub fn describe_chars(s: &str, bad: impl Fn(char) -> bool, max: usize) -> (String, usize) {
    let mut distinct: Vec<char> = Vec::new();
    let mut total = 0;
    for c in s.chars().filter(|&c| bad(c)) {
        total += 1;
        if !distinct.contains(&c) {
            distinct.push(c);
        }
    }
    let mut names: Vec<Cow<'static, str>> = distinct.iter().take(max).map(|&c| describe_char(c)).collect();
    if distinct.len() > max {
        names.push(Cow::Owned(format!("{} more", distinct.len() - max)));
    }
    (and_list(&names), total)
}

/// The indefinite article of `word`: `an` before a vowel, else `a`.
#[must_use]
#[inline(never)]
pub fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    }
}

/// `word` with its article: `an array`, `a string`.
#[must_use]
pub fn with_article(word: &str) -> String {
    cat!(article(word), " ", word)
}

/// `1 digit`, `2 digits`: a count with its noun.
#[must_use]
pub fn count_of(n: usize, noun: &str) -> String {
    cat!(n, " ", noun, plural(n))
}

/// The ending of a noun counted `n` times: `s` unless one.
#[must_use]
pub fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// `a, b and c`.
#[must_use]
pub fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    let mut out = String::with_capacity(items.iter().map(|s| s.as_ref().len() + 2).sum::<usize>() + 4);
    joined(&mut out, items, " and ", |out, s| out.push_str(s.as_ref()));
    out
}

/// `a, b or c`.
#[must_use]
pub fn or_list<T: Piece>(items: &[T]) -> String {
    cat!(OrList(items))
}

/// Writes `items` with `, ` between them and `last` (` and `, ` or `) before the last one.
fn joined<T>(out: &mut String, items: &[T], last: &str, mut write: impl FnMut(&mut String, &T)) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == items.len() { last } else { ", " });
        }
        write(out, item);
    }
}

/// `` `a`, `b`, `c` ``.
#[must_use]
pub fn backticked<S: AsRef<str>>(items: &[S]) -> String {
    let mut out = String::with_capacity(items.iter().map(|s| s.as_ref().len() + 4).sum());
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push('`');
        out.push_str(s.as_ref());
        out.push('`');
    }
    out
}

/// What is wrong with an ID (`problem` of [`crate::ids`]), after `head`: "<head>which has …",
/// and the help: the did-you-mean when the correction is evident, else what to do. `what` names
/// the ID (`subnet`, `account`), `digit` what its characters are (`hexadecimal digit`),
/// `alphabet` them listed (`0–9, a–f`, or empty), `lengths` its lengths.
#[must_use]
pub fn explain_id(head: &dyn Piece, problem: &IdProblem, what: &str, digit: &str, alphabet: &str, lengths: &[usize]) -> (String, String) {
    let (open, close) = if alphabet.is_empty() { ("", "") } else { (" (", ")") };
    // `hexadecimal digits (0–9, a–f)`, `a subnet`: said in the message or the help.
    let digits = pieces!(digit, "s", open, alphabet, close);
    let a_what = pieces!(article(what), " ", what);
    let message = match &problem.error {
        IdError::Whitespace => cat!(head, "which has spaces in it"),
        IdError::LetterO => cat!(head, "which has the letter `O` where ", a_what, " ID has only ", digits),
        IdError::NotADigit(c) => cat!(head, "which has ", describe_char(*c), " where ", a_what, " ID has only ", digits),
        IdError::UpperCase => cat!(head, "which has upper-case letters; ", what, " IDs are written in lower case"),
        IdError::Length(n) => cat!(head, "which has ", *n, " ", digit, plural(*n), open, alphabet, close, "; ", what, " IDs have ", OrList(lengths)),
    };
    let length_hint = match problem.error {
        IdError::Length(n) if lengths.contains(&(n + 1)) => Some("a digit is missing"),
        IdError::Length(n) if lengths.iter().any(|&l| n == l + 1) => Some("one digit too many"),
        _ => None,
    };
    let help = match (&problem.suggestion, length_hint) {
        (Some(s), _) => cat!("did you mean \"", s, "\"?"),
        (None, Some(hint)) => cat!(hint, ": copy the ", what, " ID again (the console or the AWS CLI shows it)"),
        (None, None) => cat!("use the ", what, " ID: ", OrList(lengths), " ", digits),
    };
    (message, help)
}

/// [`explain_id`] for an EC2 resource ID of `kind`.
#[must_use]
pub fn explain_ec2_id(head: &dyn Piece, problem: &IdProblem, kind: Ec2Id) -> (String, String) {
    explain_id(head, problem, kind.name, "hexadecimal digit", "0–9, a–f", &EC2_ID_LENGTHS)
}

/// [`explain_id`] for an account ID in an ARN; the did-you-mean names the account.
#[must_use]
pub fn explain_account(head: &dyn Piece, problem: &IdProblem) -> (String, String) {
    let (message, help) = explain_id(head, problem, "account", "digit", "", &[ACCOUNT_ID_LENGTH]);
    match &problem.suggestion {
        Some(s) => (message, format!("did you mean the account `{s}`?")),
        None => (message, help),
    }
}

/// How alike two names must be (Jaro–Winkler, ignoring ASCII case) for "did you mean".
pub const SIMILARITY: f64 = 0.85;

/// A name that `word` evidently means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Suggestion<'c> {
    pub name: &'c str,
    /// The same name in another ASCII case: a safe correction.
    pub case_only: bool,
}

/// The "did you mean" of every message: the candidate equal to `word` but for ASCII case, else
/// the most similar one ([`SIMILARITY`] or more, the first on a tie), else None.
#[must_use]
pub fn closest<'c, S: AsRef<str> + ?Sized + 'c>(word: &str, candidates: impl IntoIterator<Item = &'c S> + Clone) -> Option<Suggestion<'c>> {
    if let Some(c) = candidates.clone().into_iter().find(|c| c.as_ref().eq_ignore_ascii_case(word)) {
        return Some(Suggestion { name: c.as_ref(), case_only: true });
    }
    let lower = word.to_ascii_lowercase();
    let counts = lower.is_ascii().then(|| ByteCounts::of(lower.as_bytes()));
    let mut best: Option<(&'c str, f64)> = None;
    for c in candidates {
        if counts.as_ref().is_some_and(|counts| !counts.may_reach_similarity(c.as_ref())) {
            continue;
        }
        let score = similarity(&lower, c.as_ref());
        if score >= SIMILARITY && best.is_none_or(|(_, b)| score > b) {
            best = Some((c.as_ref(), score));
        }
    }
    best.map(|(name, _)| Suggestion { name, case_only: false })
}

/// Jaro–Winkler similarity of `lower` (in ASCII lower case already) and `candidate` in ASCII
/// lower case, as strsim measures it over characters, with both decoded once onto the stack
/// (every name the code knows is short) rather than again for each pair of positions.
fn similarity(lower: &str, candidate: &str) -> f64 {
    let (mut a, mut b) = (['\0'; 64], ['\0'; 64]);
    let candidate_chars = || candidate.chars().map(|c| c.to_ascii_lowercase());
    match (on_stack(&mut a, lower.chars()), on_stack(&mut b, candidate_chars())) {
        (Some(a), Some(b)) => strsim::generic_jaro_winkler(&Chars(a), &Chars(b)),
        _ => {
            let (a, b): (Vec<char>, Vec<char>) = (lower.chars().collect(), candidate_chars().collect());
            strsim::generic_jaro_winkler(&Chars(&a), &Chars(&b))
        }
    }
}

/// `chars` in `buf`, or None when they do not fit.
fn on_stack(buf: &mut [char; 64], chars: impl Iterator<Item = char>) -> Option<&[char]> {
    let mut n = 0;
    for c in chars {
        *buf.get_mut(n)? = c;
        n += 1;
    }
    Some(&buf[..n])
}

/// How often each ASCII byte comes in a word in lower case: for [`ByteCounts::may_reach_similarity`].
struct ByteCounts {
    counts: [u32; 128],
    len: usize,
}

impl ByteCounts {
    fn of(lower: &[u8]) -> Self {
        let mut counts = [0; 128];
        for &b in lower {
            counts[usize::from(b & 0x7F)] += 1;
        }
        ByteCounts { counts, len: lower.len() }
    }

    /// Whether the word and `candidate` can be [`SIMILARITY`] alike, from the bytes they have in
    /// common (ASCII case aside), without strsim's measure: Jaro's `m` matches are at most
    /// those, its third term `(m - t) / m` at most 1, and Winkler's bonus at most 0.4 of what Jaro
    /// misses, so the score is at most `0.6 × (m/a + m/b + 1) / 3 + 0.4` (a margin for rounding).
    /// True for a candidate that is not ASCII.
    fn may_reach_similarity(&self, candidate: &str) -> bool {
        if !candidate.is_ascii() {
            return true;
        }
        if self.len == 0 || candidate.is_empty() {
            // Two empty words are alike (1.0); an empty one and another are not (0.0).
            return self.len == candidate.len();
        }
        let mut left = self.counts;
        let mut common = 0_usize;
        for b in candidate.bytes() {
            let n = &mut left[usize::from(b.to_ascii_lowercase())];
            if *n > 0 {
                *n -= 1;
                common += 1;
            }
        }
        let m = common as f64;
        0.6 * (m / self.len as f64 + m / candidate.len() as f64 + 1.0) / 3.0 + 0.4 >= SIMILARITY - 1e-9
    }
}

/// Characters as strsim's generic measures read a sequence.
struct Chars<'a>(&'a [char]);

impl<'a> IntoIterator for &Chars<'a> {
    type Item = char;
    type IntoIter = std::iter::Copied<std::slice::Iter<'a, char>>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        /// On the stack or not: the score strsim gives over the characters of both lowered.
        #[test]
        fn similarity_is_jaro_winkler_ignoring_ascii_case(word in "[a-dA-D_é]{0,12}", candidate in "[a-dA-D_é]{0,12}|[a-zA-Z]{60,70}") {
            let lower = word.to_ascii_lowercase();
            let want = strsim::jaro_winkler(&lower, &candidate.to_ascii_lowercase());
            proptest::prop_assert_eq!(similarity(&lower, &candidate).to_bits(), want.to_bits());
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        /// The bound that spares strsim's measure never drops a candidate strsim would suggest:
        /// the suggestion is the one of strsim's scores over every candidate.
        #[test]
        fn closest_is_the_best_jaro_winkler_match(word in "[a-dA-D_é]{0,10}", candidates in proptest::collection::vec("[a-dA-D_é]{0,10}", 0..8)) {
            let lower = word.to_ascii_lowercase();
            let mut want: Option<(&str, f64)> = None;
            for c in &candidates {
                let score = strsim::jaro_winkler(&lower, &c.to_ascii_lowercase());
                if score >= SIMILARITY && want.is_none_or(|(_, b)| score > b) {
                    want = Some((c.as_str(), score));
                }
            }
            if candidates.iter().all(|c| !c.eq_ignore_ascii_case(&word)) {
                proptest::prop_assert_eq!(closest(&word, &candidates).map(|s| s.name), want.map(|(name, _)| name));
            }
        }
    }

    #[test]
    fn dotted_paths_match_botocore() {
        let doc = Document::parse(r#"{"overrides":{"containerOverrides":[{"cpu":"256"}]}}"#).unwrap();
        let cpu = doc.resolve("/overrides/containerOverrides/0/cpu").unwrap();
        assert_eq!(dotted(&doc, cpu), "overrides.containerOverrides[0].cpu");
    }

    #[test]
    fn values_and_characters() {
        let doc = Document::parse(r#"{"a": "2", "b": 1.5, "environment": [{"value": "hunter2"}]}"#).unwrap();
        assert_eq!(describe_value(&doc, doc.resolve("/a").unwrap(), false), "the string \"2\"");
        assert_eq!(describe_value(&doc, doc.resolve("/b").unwrap(), false), "the number 1.5");
        assert_eq!(describe_value(&doc, doc.resolve("/environment/0/value").unwrap(), true), "a string (value hidden)");
        assert_eq!(describe_chars("a b.c d", |c| !c.is_ascii_alphanumeric(), 3), ("a space and `.`".to_owned(), 3));
        assert_eq!(describe_chars("#!$%", |c| !c.is_ascii_alphanumeric(), 2), ("`#`, `!` and 2 more".to_owned(), 4));
    }

    #[test]
    fn lists() {
        assert_eq!(or_list(&[512, 1024, 2048]), "512, 1024 or 2048");
        assert_eq!(or_list::<u32>(&[]), "");
        for items in [&[][..], &[7][..], &[1, 22][..], &[1, 22, 333, 4444][..]] {
            let list = or_list(items);
            assert_eq!((OrList(items).size(), list.capacity()), (list.len(), list.len()), "{list}");
        }
        assert_eq!(and_list(&["a"]), "a");
        assert_eq!(backticked(&["a", "b"]), "`a`, `b`");
        assert_eq!(backticked::<&str>(&[]), "");
        assert_eq!(shorten("abcdef", 3), "abc…");
        assert_eq!(shorten("日本語", 3), "日本語");
        for s in ["", "ab", "abc", "abcd", "abcdefghij", "日本語", "日本語とabc", "a\"b", "a\nb"] {
            for max in 0..14 {
                let (text, expected) = (cat!(shown(s, max)), shorten(&json_string(s), max).to_string());
                assert_eq!((text.as_str(), text.capacity()), (expected.as_str(), expected.len()), "{s:?} {max}");
                assert!(shown(s, max) == expected.as_str() && shown(s, max).to_string() == expected, "{s:?} {max}");
            }
        }
        assert_eq!(cat!("`", String::from("a"), "` is ", -12i64, ", not ", 0u32, " or ", 10usize, " or ", i32::MIN), "`a` is -12, not 0 or 10 or -2147483648");
        assert_eq!(count_of(1, "digit"), "1 digit");
        assert_eq!(count_of(12, "digit"), "12 digits");
    }

    #[test]
    fn ids() {
        use crate::ids::{account_problem, SECURITY_GROUP, SUBNET};
        let (message, help) = explain_ec2_id(&"", &SUBNET.problem("subnet-0d539fd1a67a870e").unwrap(), SUBNET);
        assert_eq!(message, "which has 16 hexadecimal digits (0–9, a–f); subnet IDs have 8 or 17");
        assert_eq!(help, "a digit is missing: copy the subnet ID again (the console or the AWS CLI shows it)");
        assert!(explain_ec2_id(&"", &SECURITY_GROUP.problem("sg-e3cb1e57b").unwrap(), SECURITY_GROUP).1.starts_with("one digit too many"));
        assert_eq!(explain_ec2_id(&"", &SUBNET.problem("subnet-Od539fd1a67a870ec").unwrap(), SUBNET).1, "did you mean \"subnet-0d539fd1a67a870ec\"?");
        assert_eq!(explain_account(&"", &account_problem("12345678901").unwrap()).0, "which has 11 digits; account IDs have 12");
        assert_eq!(explain_ec2_id(&"", &SECURITY_GROUP.problem("sg-1").unwrap(), SECURITY_GROUP).0, "which has 1 hexadecimal digit (0–9, a–f); security group IDs have 8 or 17");
        // After a head, each text written in one go at its exact size.
        let (message, help) = explain_ec2_id(&pieces!("`", String::from("securityGroups[0]"), "` is ", 7usize, ", "), &SECURITY_GROUP.problem("sg-1").unwrap(), SECURITY_GROUP);
        assert_eq!(message, "`securityGroups[0]` is 7, which has 1 hexadecimal digit (0–9, a–f); security group IDs have 8 or 17");
        assert_eq!(help, "use the security group ID: 8 or 17 hexadecimal digits (0–9, a–f)");
        assert_eq!((message.capacity(), help.capacity()), (message.len(), help.len()));
        let (message, _) = explain_account(&"", &account_problem("12345678901O").unwrap());
        assert_eq!((message.as_str(), message.capacity()), ("which has the letter `O` where an account ID has only digits", message.len()));
    }

    #[test]
    fn suggestions() {
        let names = ["web", "log-router"];
        assert_eq!(closest("Web", &names), Some(Suggestion { name: "web", case_only: true }));
        assert_eq!(closest("log_router", &names), Some(Suggestion { name: "log-router", case_only: false }));
        assert_eq!(closest("database", &names), None);
        assert_eq!(closest("taskDefintion", ["taskDefinition", "cluster"].iter()).map(|s| s.name), Some("taskDefinition"));
        // The threshold: one edit in a short word is still a suggestion, two are not.
        assert!(closest("FARGTE", ["FARGATE"].iter()).is_some());
        assert!(closest("EXTRA", ["EC2"].iter()).is_none());
    }
}
