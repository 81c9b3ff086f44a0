//! JSON pointers (RFC 6901): `/overrides/containerOverrides/0/memory`, with `~` written `~0` and
//! `/` written `~1` inside a segment (tag keys may contain `/`).

use std::fmt;

/// An escaped JSON pointer string. The empty pointer names the whole document.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Pointer(String);

impl Pointer {
    #[must_use]
    pub fn root() -> Self {
        Pointer(String::new())
    }

    pub fn from_segments<'a>(segments: impl IntoIterator<Item = &'a str>) -> Self {
        let mut s = String::new();
        for seg in segments {
            s.push('/');
            s.push_str(&escape_segment(seg));
        }
        Pointer(s)
    }

    /// A pointer from text already escaped.
    #[must_use]
    pub(crate) fn from_escaped(s: String) -> Self {
        Pointer(s)
    }

    /// Appends one (unescaped) segment.
    #[must_use]
    pub fn join(&self, segment: &str) -> Self {
        let mut s = self.0.clone();
        s.push('/');
        s.push_str(&escape_segment(segment));
        Pointer(s)
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The pointer's text, without copying it.
    #[must_use]
    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Escapes `~` then `/`, in that order, as RFC 6901 requires.
#[must_use]
pub fn escape_segment(seg: &str) -> String {
    if seg.contains(['~', '/']) {
        seg.replace('~', "~0").replace('/', "~1")
    } else {
        seg.to_owned()
    }
}

/// Splits an escaped pointer into unescaped segments; None when it is not a pointer.
pub(crate) fn parse(pointer: &str) -> Option<Vec<String>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    let rest = pointer.strip_prefix('/')?;
    Some(rest.split('/').map(|s| s.replace("~1", "/").replace("~0", "~")).collect())
}
