//! Environment variable names that look like secrets (RT339): the words, and the endings that
//! make such a name a reference to a secret rather than the secret itself. Collected from the
//! names secret scanners flag (gitleaks, detect-secrets keyword lists) and from real task
//! definitions; read 2026-11-23.

/// Words that make an environment variable's name look like a secret (compared ignoring case).
const SECRET_WORDS: &[&str] =
    &["PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY", "PRIVATEKEY", "ACCESS_KEY", "CREDENTIAL"];

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
    SECRET_WORDS.iter().any(|w| contains_upper(name, w)) && !REFERENCE_ENDINGS.iter().any(|e| ends_with_upper(name, e))
}

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

    #[test]
    fn case_insensitive_contains() {
        assert!(contains_upper("db_password", "PASSWORD"));
        assert!(contains_upper("apiToken", "TOKEN"));
        assert!(!contains_upper("PATH", "TOKEN"));
    }
}
