//! Environment variable names that look like secrets (RT339): the words, and the endings that
//! make such a name a reference to a secret rather than the secret itself. Collected from the
//! names secret scanners flag (gitleaks, detect-secrets keyword lists) and from real task
//! definitions; read 2026-11-23.

/// Words that make an environment variable's name look like a secret (compared ignoring case).
/// Sorted, so that the words with one first letter stand together ([`WORDS_BY_FIRST_BYTE`]).
const SECRET_WORDS: &[&str] =
    &["ACCESS_KEY", "API_KEY", "APIKEY", "CREDENTIAL", "PASSPHRASE", "PASSWD", "PASSWORD", "PRIVATE_KEY", "PRIVATEKEY", "SECRET", "TOKEN"];

/// Endings that make such a name a pointer to a secret rather than the secret itself
/// (`DB_SECRET_ARN`, `TOKEN_TTL`).
const REFERENCE_ENDINGS: &[&str] = &[
    "_ARN", "_NAME", "_ID", "_PATH", "_FILE", "_PARAM", "_PARAMETER", "_URL", "_URI", "_ENDPOINT", "_REGION", "_TTL", "_EXPIRY",
    "_EXPIRES", "_TIMEOUT", "_LENGTH", "_HEADER", "_TYPE",
];

/// Whether an environment variable's name looks like it holds a secret: `DB_PASSWORD`,
/// `apiToken`, `STRIPE_API_KEY`; not `DB_SECRET_ARN` or `TOKEN_TTL`.
#[must_use]
pub fn is_secret_name(name: &str) -> bool {
    contains_secret_word(name) && !REFERENCE_ENDINGS.iter().any(|e| ends_with_upper(name, e))
}

/// Whether `name` contains one of [`SECRET_WORDS`] ignoring ASCII case: one pass over its bytes,
/// comparing only the words that start with the byte at hand ([`WORDS_BY_FIRST_BYTE`]), instead
/// of a pass per word.
fn contains_secret_word(name: &str) -> bool {
    let h = name.as_bytes();
    // No word starts in the last `SHORTEST_SECRET_WORD - 1` bytes.
    let Some(last) = h.len().checked_sub(SHORTEST_SECRET_WORD) else { return false };
    (0..=last).any(|i| {
        let (from, to) = WORDS_BY_FIRST_BYTE[usize::from(h[i])];
        SECRET_WORDS[usize::from(from)..usize::from(to)].iter().any(|w| {
            let w = w.as_bytes();
            h.len() - i >= w.len() && h[i + 1..i + w.len()].iter().zip(&w[1..]).all(|(a, b)| a.to_ascii_uppercase() == *b)
        })
    })
}

/// The length of the shortest of [`SECRET_WORDS`].
const SHORTEST_SECRET_WORD: usize = {
    let mut shortest = usize::MAX;
    let mut i = 0;
    while i < SECRET_WORDS.len() {
        if SECRET_WORDS[i].len() < shortest {
            shortest = SECRET_WORDS[i].len();
        }
        i += 1;
    }
    shortest
};

/// For each byte, the range of [`SECRET_WORDS`] that start with it in either case (empty for
/// most bytes). Building it checks that the words are grouped by their first letter.
static WORDS_BY_FIRST_BYTE: [(u8, u8); 256] = {
    let mut t = [(0u8, 0u8); 256];
    let mut i = 0;
    while i < SECRET_WORDS.len() {
        let first = SECRET_WORDS[i].as_bytes()[0];
        let mut end = i;
        while end < SECRET_WORDS.len() && SECRET_WORDS[end].as_bytes()[0] == first {
            end += 1;
        }
        assert!(t[first as usize].1 == 0, "SECRET_WORDS must be grouped by first letter");
        t[first as usize] = (i as u8, end as u8);
        t[first.to_ascii_lowercase() as usize] = (i as u8, end as u8);
        i = end;
    }
    t
};

/// `haystack` ends with `suffix` (ASCII upper case) ignoring ASCII case.
fn ends_with_upper(haystack: &str, suffix: &str) -> bool {
    let (h, s) = (haystack.as_bytes(), suffix.as_bytes());
    h.len() >= s.len() && h[h.len() - s.len()..].iter().zip(s).all(|(a, b)| a.to_ascii_uppercase() == *b)
}

/// `haystack` contains `needle` (ASCII upper case) ignoring ASCII case, without allocating.
#[must_use]
pub fn contains_upper(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w.iter().zip(n).all(|(a, b)| a.to_ascii_uppercase() == *b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_names() {
        for name in ["DB_PASSWORD", "apiToken", "STRIPE_API_KEY", "client_secret", "GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY", "SSH_PRIVATE_KEY", "apiKey"] {
            assert!(is_secret_name(name), "{name}");
        }
        for name in ["PATH", "DB_SECRET_ARN", "TOKEN_TTL", "PASSWORD_PARAMETER_NAME", "LOG_LEVEL", "secret_name", "KEYCLOAK_REALM"] {
            assert!(!is_secret_name(name), "{name}");
        }
    }

    /// The one-pass search finds what a search per word finds, at every place and in any case.
    #[test]
    fn one_pass_matches_a_search_per_word() {
        use proptest::prelude::*;
        let per_word = |name: &str| SECRET_WORDS.iter().any(|w| contains_upper(name, w));
        let piece = prop_oneof![Just("_".to_owned()), Just("x".to_owned()), Just("Pass".to_owned()), "[a-zA-Z_]{0,3}".prop_map(|s| s), proptest::sample::select(SECRET_WORDS).prop_map(|w| w.to_ascii_lowercase()), proptest::sample::select(SECRET_WORDS).prop_map(str::to_owned)];
        let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config { cases: 3000, ..Default::default() });
        runner
            .run(&proptest::collection::vec(piece, 0..5).prop_map(|v| v.concat()), |name| {
                prop_assert_eq!(contains_secret_word(&name), per_word(&name), "{}", name);
                Ok(())
            })
            .unwrap();
        assert!(contains_secret_word("db_passWORD"));
        assert!(!contains_secret_word("OUTPUT_BUCKET"));
    }

    #[test]
    fn case_insensitive_contains() {
        assert!(contains_upper("db_password", "PASSWORD"));
        assert!(contains_upper("apiToken", "TOKEN"));
        assert!(!contains_upper("PATH", "TOKEN"));
    }
}
