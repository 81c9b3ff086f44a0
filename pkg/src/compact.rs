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

/// The numbers and texts of a report.
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

    /// Encodes `report`.
    #[must_use]
    pub fn encode(report: &Report) -> Self {
        let n = report.diagnostics.len();
        let mut c = Compact { nums: Vec::with_capacity(2 + n * 32), ascii: String::with_capacity(n * 320), other: String::new() };
        c.nums.push(u32::from(!report.has_errors()));
        c.nums.push(report.diagnostics.len() as u32);
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
                c.nums.extend([l.line, l.column, l.utf16_column, l.start, l.end, l.utf16_start, l.utf16_end]);
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
                        c.nums.extend([e.start, e.end, e.utf16_start, e.utf16_end]);
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
