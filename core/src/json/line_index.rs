//! Line and column from byte offsets. Lines end at `\n`, `\r\n` (one break) or a lone `\r`.
//! Columns are 1-based and count Unicode scalar values; the UTF-16 column (what JavaScript
//! editors count) is computed beside it.

/// A 1-based position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    /// Unicode scalar values from the start of the line, plus one.
    pub column: u32,
    /// UTF-16 code units from the start of the line, plus one.
    pub utf16_column: u32,
    /// UTF-16 code units from the start of the document (0-based), for JavaScript string offsets.
    pub utf16_offset: u32,
}

/// The length of `s` in UTF-16 code units (`s.encode_utf16().count()`), from its bytes without
/// decoding: one unit for each byte that starts a character, and a second for each that starts a
/// four-byte one.
#[must_use]
pub fn utf16_len(s: &str) -> usize {
    s.bytes().map(|b| usize::from((b as i8) >= -0x40) + usize::from(b >= 0xF0)).sum()
}

/// The high bit of each byte of `v` that equals `b`, exactly (no borrow between bytes).
#[inline]
pub(crate) fn byte_mask(v: u64, b: u8) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let x = v ^ (u64::from(b) * 0x0101_0101_0101_0101);
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// Built for every check but needed only when there is something to place. For a request that
/// parses, the parser has met every line break on its way (in JSON they are all white space
/// between tokens) and the index borrows its line starts ([`super::Document::line_index`]);
/// otherwise they are found on the first position asked for.
pub struct LineIndex<'s> {
    src: &'s str,
    /// Byte offset where each line starts: from the parse, or found on first use.
    starts: std::cell::OnceCell<std::borrow::Cow<'s, [u32]>>,
    /// Whether the text is ASCII: from the parse, or found on first use.
    ascii: std::cell::OnceCell<bool>,
    /// For non-ASCII text: the UTF-16 offset where each line starts, counted in one pass the
    /// first time a position is asked for (counting from the document's start for each position
    /// cost O(size × findings)).
    utf16_starts: std::cell::OnceCell<Vec<u32>>,
    /// The line of the last position asked for: findings are placed in order of position, so the
    /// next one is usually on it (or a little further), which spares the binary search.
    last_line: std::cell::Cell<usize>,
}

impl<'s> LineIndex<'s> {
    #[must_use]
    pub fn new(src: &'s str) -> Self {
        LineIndex {
            src,
            starts: std::cell::OnceCell::new(),
            ascii: std::cell::OnceCell::new(),
            utf16_starts: std::cell::OnceCell::new(),
            last_line: std::cell::Cell::new(0),
        }
    }

    /// The index of `src` whose line starts, and whether it is ASCII, are already known (the
    /// parser finds them, see [`super::Document::line_index`]).
    #[must_use]
    pub(crate) fn with_starts(src: &'s str, starts: &'s [u32], ascii: bool) -> Self {
        let index = LineIndex::new(src);
        let _ = index.starts.set(std::borrow::Cow::Borrowed(starts));
        let _ = index.ascii.set(ascii);
        index
    }

    fn starts(&self) -> &[u32] {
        self.starts.get_or_init(|| std::borrow::Cow::Owned(Self::line_starts(self.src)))
    }

    /// The line starts as [`LineIndex::new`] finds them in the text, for tests of the parser's.
    #[cfg(test)]
    pub(crate) fn scanned_starts(src: &str) -> Vec<u32> {
        Self::line_starts(src)
    }

    /// Byte offset where each line starts.
    fn line_starts(src: &str) -> Vec<u32> {
        // About one line per 20 bytes in pretty-printed JSON; growing the vector costs more
        // than the scan.
        let mut starts = Vec::with_capacity(src.len() / 20 + 2);
        starts.push(0u32);
        let bytes = src.as_bytes();
        let mut done = 0;
        // Text without `\r` (nearly all): eight bytes at a time, a mask of the `\n` bytes giving
        // each line start directly. (memchr jumps from break to break, but lines of about 20
        // bytes make its per-call cost higher than this scan; one memchr pass for `\r`, which
        // `contains` is for bytes, pays.)
        if !bytes.contains(&b'\r') {
            let mut chunks = bytes.chunks_exact(8);
            for chunk in &mut chunks {
                let v = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
                let mut m = byte_mask(v, b'\n');
                while m != 0 {
                    starts.push(done as u32 + m.trailing_zeros() / 8 + 1);
                    m &= m - 1;
                }
                done += 8;
            }
        }
        let mut i = done;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i as u32 + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i as u32 + 1);
                }
                _ => {}
            }
            i += 1;
        }
        starts
    }

    /// The 0-based line of byte `offset`: the last line asked for when `offset` is on it, else a
    /// binary search over the line starts.
    fn line_of(&self, starts: &[u32], offset: usize) -> usize {
        let hint = self.last_line.get();
        let on = |line: usize| starts.get(line).is_some_and(|&s| s as usize <= offset) && starts.get(line + 1).is_none_or(|&next| offset < next as usize);
        let line = if on(hint) { hint } else { starts.partition_point(|&s| s as usize <= offset) - 1 };
        self.last_line.set(line);
        line
    }

    /// The position of byte `offset` (clamped to the source and moved back to a char boundary).
    #[must_use]
    pub fn position(&self, offset: u32) -> Position {
        let mut offset = (offset as usize).min(self.src.len());
        while !self.src.is_char_boundary(offset) {
            offset -= 1;
        }
        let starts = self.starts();
        let line = self.line_of(starts, offset);
        let start = starts[line] as usize;
        if *self.ascii.get_or_init(|| self.src.is_ascii()) {
            let col = (offset - start) as u32 + 1;
            return Position { line: line as u32 + 1, column: col, utf16_column: col, utf16_offset: offset as u32 };
        }
        let text = &self.src[start..offset];
        let column = text.chars().count() as u32 + 1;
        let utf16_column = utf16_len(text) as u32 + 1;
        let utf16_start = self.utf16_starts.get_or_init(|| {
            let mut units = 0u32;
            let mut from = 0;
            starts
                .iter()
                .map(|&s| {
                    units += utf16_len(&self.src[from..s as usize]) as u32;
                    from = s as usize;
                    units
                })
                .collect()
        })[line];
        let utf16_offset = utf16_start + utf16_column - 1;
        Position { line: line as u32 + 1, column, utf16_column, utf16_offset }
    }

    /// The UTF-16 offset of byte `offset` (clamped and moved back as in [`LineIndex::position`]),
    /// without looking for its line when the text is ASCII.
    #[must_use]
    pub fn utf16_offset(&self, offset: u32) -> u32 {
        if *self.ascii.get_or_init(|| self.src.is_ascii()) {
            return offset.min(self.src.len() as u32);
        }
        self.position(offset).utf16_offset
    }

    /// The text of 1-based line `line`, without its line break.
    #[must_use]
    pub fn line_text(&self, line: u32) -> &'s str {
        let starts = self.starts();
        let i = (line as usize).saturating_sub(1).min(starts.len() - 1);
        let start = starts[i] as usize;
        let end = starts.get(i + 1).map_or(self.src.len(), |&e| e as usize);
        self.src[start..end].trim_end_matches(['\n', '\r'])
    }

    #[must_use]
    pub fn line_count(&self) -> usize {
        self.starts().len()
    }
}
