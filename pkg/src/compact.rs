//! The compact form in which `validate` hands its result to JavaScript (`js/build-result.js` turns
//! it into the objects that [`crate::ValidateResult`] describes): numbers in one `u32` array, texts
//! back to back in two strings, one for ASCII texts and one for the others. Each text is given by
//! its length in UTF-16 code units, shifted left by one, with the low bit set when it is in the
//! second string, so that JavaScript can `slice` the decoded strings; absent texts are `NONE`.
//! (Keeping the rare non-ASCII texts apart keeps the big string ASCII, which V8 decodes about
//! seven times faster.)
//!
//! ```text
//! ok (0|1), diagnostic count, then per diagnostic:
//!   severity (0 error, 1 warning, 2 info), code, name, pointer, message, help?, note?, member?,
//!   line, column, endLine, endColumn, utf16Column, utf16EndColumn, start, end, utf16Start, utf16End,
//!   label count, per label: pointer, message, line, column, utf16Column, start, end, utf16Start, utf16End,
//!   fix (0|1), if 1: applicability (0 safe, 1 unsafe), description, edit count,
//!     per edit: start, end, utf16Start, utf16End, content,
//!   catalogue count, per entry: text,
//!   request?, location? (a request found in a state machine, template or script)
//! ```

use runtask_core::{Applicability, Report, Severity};

pub const NONE: u32 = u32::MAX;

/// Byte offsets to UTF-16 offsets (and columns) in one text.
pub struct Utf16Offsets<'t> {
    text: &'t str,
    ascii: bool,
    /// Sorted byte offsets with their UTF-16 offsets, for non-ASCII text.
    known: Vec<(u32, u32)>,
}

impl<'t> Utf16Offsets<'t> {
    /// Prepares the offsets `wanted` (and the starts of their lines) for lookup: one pass over
    /// the text, none when it is ASCII.
    pub fn new(text: &'t str, wanted: impl IntoIterator<Item = u32>) -> Self {
        let ascii = text.is_ascii();
        let mut known = Vec::new();
        if !ascii {
            let mut offsets: Vec<u32> = Vec::new();
            for o in wanted {
                let o = clamp(text, o);
                offsets.push(o as u32);
                offsets.push(line_start(text, o) as u32);
            }
            offsets.sort_unstable();
            offsets.dedup();
            let (mut byte, mut units) = (0usize, 0u32);
            for o in offsets {
                let o = o as usize;
                units += text[byte..o].encode_utf16().count() as u32;
                byte = o;
                known.push((o as u32, units));
            }
        }
        Utf16Offsets { text, ascii, known }
    }

    /// The UTF-16 offset of byte `offset` (moved back to a character boundary).
    #[must_use]
    pub fn offset(&self, offset: u32) -> u32 {
        let o = clamp(self.text, offset) as u32;
        if self.ascii {
            return o;
        }
        match self.known.binary_search_by_key(&o, |&(b, _)| b) {
            Ok(i) => self.known[i].1,
            // Not prepared: count from the nearest known offset before it.
            Err(i) => {
                let (b, u) = if i == 0 { (0, 0) } else { self.known[i - 1] };
                u + self.text[b as usize..o as usize].encode_utf16().count() as u32
            }
        }
    }

    /// The 1-based UTF-16 column of byte `offset`.
    #[must_use]
    pub fn column(&self, offset: u32) -> u32 {
        let o = clamp(self.text, offset);
        self.offset(o as u32) - self.offset(line_start(self.text, o) as u32) + 1
    }
}

fn clamp(text: &str, offset: u32) -> usize {
    let mut o = (offset as usize).min(text.len());
    while !text.is_char_boundary(o) {
        o -= 1;
    }
    o
}

/// The byte offset where the line holding byte `offset` starts (after `\n`, `\r\n` or `\r`).
fn line_start(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset].iter().rposition(|&b| b == b'\n' || b == b'\r').map_or(0, |i| i + 1)
}

/// The byte offsets a report's labels and fix edits need in UTF-16.
pub fn wanted_offsets(report: &Report) -> Vec<u32> {
    let mut v = Vec::new();
    for d in &report.diagnostics {
        for l in &d.labels {
            v.extend([l.start, l.end]);
        }
        for e in d.fix.iter().flat_map(|f| &f.edits) {
            v.extend([e.start, e.end]);
        }
    }
    v
}

/// The numbers and texts of a report, with UTF-16 offsets added to labels and edits.
#[derive(Default)]
pub struct Compact {
    pub nums: Vec<u32>,
    /// The ASCII texts.
    pub ascii: String,
    /// The other texts.
    pub other: String,
}

impl Compact {
    fn text(&mut self, s: &str) {
        if s.is_ascii() {
            self.nums.push((s.len() as u32) << 1);
            self.ascii.push_str(s);
        } else {
            self.nums.push((s.encode_utf16().count() as u32) << 1 | 1);
            self.other.push_str(s);
        }
    }

    fn optional_text(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.text(s),
            None => self.nums.push(NONE),
        }
    }

    /// Encodes `report`, checked from `source`.
    #[must_use]
    pub fn encode(source: &[u8], report: &Report) -> Self {
        let n = report.diagnostics.len();
        let mut c = Compact { nums: Vec::with_capacity(2 + n * 32), ascii: String::with_capacity(n * 320), other: String::new() };
        c.nums.push(u32::from(!report.has_errors()));
        c.nums.push(report.diagnostics.len() as u32);
        let wanted = wanted_offsets(report);
        let text = if wanted.is_empty() { "" } else { std::str::from_utf8(source).unwrap_or("") };
        let utf16 = Utf16Offsets::new(text, wanted);
        for d in &report.diagnostics {
            c.nums.push(match d.severity {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Info => 2,
            });
            c.text(d.code);
            c.text(d.name);
            c.text(&d.pointer);
            c.text(&d.message);
            c.optional_text(d.help.as_deref());
            c.optional_text(d.note.as_deref());
            c.optional_text(d.member);
            c.nums.extend([
                d.line,
                d.column,
                d.end_line,
                d.end_column,
                d.utf16_column,
                d.utf16_end_column,
                d.start,
                d.end,
                d.utf16_start,
                d.utf16_end,
            ]);
            c.nums.push(d.labels.len() as u32);
            for l in &d.labels {
                c.text(&l.pointer);
                c.text(&l.message);
                c.nums.extend([l.line, l.column, utf16.column(l.start), l.start, l.end, utf16.offset(l.start), utf16.offset(l.end)]);
            }
            match &d.fix {
                None => c.nums.push(0),
                Some(f) => {
                    c.nums.push(1);
                    c.nums.push(match f.applicability {
                        Applicability::Safe => 0,
                        Applicability::Unsafe => 1,
                    });
                    c.text(&f.description);
                    c.nums.push(f.edits.len() as u32);
                    for e in &f.edits {
                        c.nums.extend([e.start, e.end, utf16.offset(e.start), utf16.offset(e.end)]);
                        c.text(&e.content);
                    }
                }
            }
            c.nums.push(d.catalogue.len() as u32);
            for entry in d.catalogue {
                c.text(entry);
            }
            c.optional_text(d.request.as_deref());
            c.optional_text(d.location.as_deref());
        }
        c
    }
}
