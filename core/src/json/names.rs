//! Comparing names: a member name with a name the code knows, the most frequent comparison of a
//! check (`Document::get`, the shape walk's model members), where names are short and a call to
//! `memcmp` costs more than the comparison (in wasm `memcmp` is a byte loop); and finding repeated
//! names (duplicate members, duplicate tag keys) by a one-byte hash of each first.

/// Whether `a` and `b` are equal: of the same length, and then up to 16 bytes with two
/// overlapping word reads each (no call, no loop), longer ones with `==`.
#[inline(always)]
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    // The first and the last `W` bytes of each, which together cover all `n` (W <= n <= 2W).
    macro_rules! ends {
        ($t:ty) => {{
            const W: usize = std::mem::size_of::<$t>();
            let word = |s: &[u8], at: usize| <$t>::from_le_bytes(s[at..at + W].try_into().unwrap_or([0; W]));
            word(a, 0) == word(b, 0) && word(a, n - W) == word(b, n - W)
        }};
    }
    match n {
        0 => true,
        1 => a[0] == b[0],
        2..=3 => ends!(u16),
        4..=7 => ends!(u32),
        8..=16 => ends!(u64),
        _ => a == b,
    }
}

/// A set of bytes, 256 bits on the stack: the one-byte hashes of the names seen so far. Equal
/// names hash alike, so a name whose hash is not yet in the set repeats no name before it, and
/// only the others need comparing.
#[derive(Default)]
pub(crate) struct ByteSet([u64; 4]);

impl ByteSet {
    /// Adds `b`; whether it was in the set already.
    #[inline(always)]
    pub(crate) fn insert(&mut self, b: u8) -> bool {
        let (word, bit) = (usize::from(b >> 6), 1u64 << (b & 63));
        let seen = self.0[word] & bit != 0;
        self.0[word] |= bit;
        seen
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// Says what `==` says, at every length up to 40 (each word width and overlap), for equal
    /// texts and texts that differ in up to three bytes anywhere.
    #[test]
    fn same_bytes_is_equality() {
        let changes = proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4);
        proptest!(ProptestConfig::with_cases(20_000), |((a, changes) in (proptest::collection::vec(any::<u8>(), 0..40), changes))| {
            let mut b = a.clone();
            for (at, byte) in changes {
                if !b.is_empty() {
                    b[at.index(a.len())] = byte;
                }
            }
            prop_assert_eq!(super::same_bytes(&a, &b), a == b);
        });
    }

    /// `insert` says whether the byte was inserted before, for every byte.
    #[test]
    fn byte_set_remembers_every_byte() {
        let mut set = super::ByteSet::default();
        for b in (0..=255u8).step_by(3) {
            assert!(!set.insert(b), "{b}");
        }
        for b in 0..=255u8 {
            assert_eq!(set.insert(b), b % 3 == 0, "{b}");
        }
        assert!((0..=255u8).all(|b| set.insert(b)));
    }
}
