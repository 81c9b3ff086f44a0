//! The compact form in which `validate` hands its result to JavaScript (`js/build-result.js` turns
//! it into the objects that [`crate::ValidateResult`] describes): numbers in one `u32` array, texts
//! back to back in two strings, one for ASCII texts and one for the others. Each text is given by
//! its length in UTF-16 code units, shifted left by one, with the low bit set when it is in the
//! second string, so that JavaScript can `slice` the decoded strings; absent texts are `NONE`.
//! (Keeping the rare non-ASCII texts apart keeps the big string ASCII, which V8 decodes about
//! seven times faster.)
//!
//! A diagnostic's code, name and catalogue rows are its rule's: they cross once per rule and wasm
//! instance, with the first diagnostic of the rule (`js/build-result.js` keeps them), and after
//! that the rule's number alone ([`RuleTexts`]).
//!
//! ```text
//! ok (0|1), diagnostic count, then per diagnostic:
//!   severity (0 error, 1 warning, 2 info),
//!   rule: number << 2 | how (0: as before, by its number; 1: code, name, catalogue count, per
//!     entry: text follow, to keep under the number; 2: the same follow, for this diagnostic only),
//!   pointer, message, help?, note?, member?,
//!   line, column, endLine, endColumn, utf16Column, utf16EndColumn, start, end, utf16Start, utf16End,
//!   label count, per label: pointer, message, line, column, utf16Column, start, end, utf16Start, utf16End,
//!   fix (0|1), if 1: applicability (0 safe, 1 unsafe), description, edit count,
//!     per edit: start, end, utf16Start, utf16End, content,
//!   request?, location? (a request found in a state machine, template or script)
//! ```

use runtask_core::{Applicability, Diagnostic, Report, Severity};

pub const NONE: u32 = u32::MAX;

/// The rules whose code, name and catalogue rows JavaScript already keeps, by the number of
/// their code (`RT334`: 334); each with the addresses of the name and catalogue sent, so that a
/// diagnostic is sent by number only when its texts are the very ones kept.
pub struct RuleTexts {
    sent: [Option<Identity>; RULE_NUMBERS],
}

impl Default for RuleTexts {
    fn default() -> Self {
        Self::new()
    }
}


/// Rule codes are `RT` and three digits.
const RULE_NUMBERS: usize = 1000;

/// The number of `RT` and three digits.
fn rule_number(code: &str) -> Option<usize> {
    match code.as_bytes() {
        [b'R', b'T', d @ ..] if d.len() == 3 && d.iter().all(u8::is_ascii_digit) => Some(d.iter().fold(0, |n, &b| n * 10 + usize::from(b - b'0'))),
        _ => None,
    }
}

/// What identifies a diagnostic's rule texts: the address and length of its name and of its
/// catalogue (static data: the same address and length, the same texts).
type Identity = [usize; 4];

fn identity(d: &Diagnostic) -> Identity {
    [d.name.as_ptr() as usize, d.name.len(), d.catalogue.as_ptr() as usize, d.catalogue.len()]
}

impl RuleTexts {
    /// None kept. (A fixed table, no allocation: it lives as long as the instance.)
    #[must_use]
    pub const fn new() -> Self {
        RuleTexts { sent: [None; RULE_NUMBERS] }
    }

    /// Records that JavaScript keeps what `c` sent to be kept: call it once JavaScript has read
    /// `c` (if reading it failed, they are sent again next time).
    pub fn keep(&mut self, c: &Compact) {
        for &(number, id) in &c.kept {
            self.sent[number] = Some(id);
        }
    }
}

/// The numbers and texts of a report.
#[derive(Default)]
pub struct Compact {
    pub nums: Vec<u32>,
    /// The ASCII texts.
    pub ascii: String,
    /// The other texts.
    pub other: String,
    /// The rules whose texts this form sends to be kept, with their identity.
    kept: Vec<(usize, Identity)>,
}

impl Compact {
    fn text(&mut self, s: &str) {
        if s.is_ascii() {
            self.nums.push((s.len() as u32) << 1);
            self.ascii.push_str(s);
        } else {
            self.nums.push((runtask_core::json::utf16_len(s) as u32) << 1 | 1);
            self.other.push_str(s);
        }
    }

    /// The diagnostic's rule: by number when JavaScript keeps its texts (or will, from an earlier
    /// diagnostic of this form), else with them.
    fn rule(&mut self, d: &Diagnostic, texts: &RuleTexts) {
        let id = identity(d);
        let how = match rule_number(d.code) {
            Some(number) => {
                // What JavaScript keeps under the number, or will from this form.
                let kept = texts.sent[number].or_else(|| self.kept.iter().find(|&&(n, _)| n == number).map(|&(_, k)| k));
                match kept {
                    Some(k) if k == id => {
                        self.nums.push((number as u32) << 2);
                        return;
                    }
                    // Other texts under a kept number (no rule does that): for this diagnostic alone.
                    Some(_) => (number as u32) << 2 | 2,
                    None => {
                        self.kept.push((number, id));
                        (number as u32) << 2 | 1
                    }
                }
            }
            // A code of another form: sent for this diagnostic alone.
            None => 2,
        };
        self.nums.push(how);
        self.text(d.code);
        self.text(d.name);
        self.nums.push(d.catalogue.len() as u32);
        for entry in d.catalogue {
            self.text(entry);
        }
    }

    fn optional_text(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.text(s),
            None => self.nums.push(NONE),
        }
    }

    /// Encodes `report`, sending the rule texts that `texts` does not list as kept.
    #[must_use]
    pub fn encode(report: &Report, texts: &RuleTexts) -> Self {
        let n = report.diagnostics.len();
        let mut c = Compact { nums: Vec::with_capacity(2 + n * 32), ascii: String::with_capacity(n * 320), other: String::new(), kept: Vec::new() };
        c.nums.push(u32::from(!report.has_errors()));
        c.nums.push(report.diagnostics.len() as u32);
        for d in &report.diagnostics {
            c.nums.push(match d.severity {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Info => 2,
            });
            c.rule(d, texts);
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
            c.optional_text(d.request.as_deref());
            c.optional_text(d.location.as_deref());
        }
        c
    }
}
