//! Did-you-mean: the one place that finds the closest known word (configuration keys, rule codes
//! and names, severities) to a misspelt one.

use runtask_core::registry::rules;

/// "did you mean `x`?" for the candidate closest to `word`, when one is close enough.
pub fn did_you_mean<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    closest(word, candidates, 1).into_iter().next().map(|c| format!("did you mean `{c}`?"))
}

/// Up to `n` candidates close to `word`, the closest first (normalised Damerau–Levenshtein ≥ 0.6,
/// case-insensitive, `_` read as `-`).
pub fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>, n: usize) -> Vec<&'a str> {
    let norm = |s: &str| s.to_ascii_lowercase().replace('_', "-");
    let w = norm(word);
    let mut scored: Vec<(f64, &str)> = candidates
        .map(|c| {
            let n = norm(c);
            let mut score = strsim::normalized_damerau_levenshtein(&w, &n);
            // Every word of a multi-word name given, in order (`unpinned-revision` for
            // `unpinned-task-definition-revision`).
            if w.contains('-') && is_subsequence_of_words(&w, &n) {
                score = score.max(0.75);
            }
            (score, c)
        })
        .filter(|(score, _)| *score >= 0.6)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.into_iter().take(n).map(|(_, c)| c).collect()
}

fn is_subsequence_of_words(short: &str, long: &str) -> bool {
    let mut words = long.split('-');
    short.split('-').all(|w| words.any(|l| l == w))
}

/// The hint for a code or name that matches no rule: the close codes and names, or where to look.
pub fn rule_hint(code: &str) -> String {
    let upper = code.to_ascii_uppercase();
    // Codes of the same family first (`RT10` → RT101…), then spelling.
    let mut close: Vec<&str> = if upper.len() >= 3 && upper.starts_with("RT") {
        rules().iter().map(|r| r.code).filter(|c| c.starts_with(&upper[..upper.len().min(4)])).take(5).collect()
    } else {
        Vec::new()
    };
    if close.is_empty() {
        close = closest(code, rules().iter().flat_map(|r| [r.code, r.name]), 3);
    }
    if close.is_empty() {
        "see `runtask-lint rules`".to_owned()
    } else {
        format!("did you mean {}?", close.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_words_are_suggested_and_far_ones_are_not() {
        assert_eq!(did_you_mean("selct", ["select", "ignore"].into_iter()).as_deref(), Some("did you mean `select`?"));
        assert_eq!(did_you_mean("extend_select", ["select", "extend-select"].into_iter()).as_deref(), Some("did you mean `extend-select`?"));
        assert_eq!(did_you_mean("banana", ["select", "ignore"].into_iter()), None);
        assert_eq!(rule_hint("RT99X"), "see `runtask-lint rules`");
        assert!(rule_hint("RT10").contains("`RT101`"));
        assert!(rule_hint("unused-supression").contains("`unused-suppression`"));
        assert!(rule_hint("unpinned-revision").contains("`unpinned-task-definition-revision`"));
    }
}
