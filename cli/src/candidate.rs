//! The one place that decides, for a file, whether it is checked and how it is read.
//!
//! - [`select`]: from the path alone, is the file a candidate? A file named on the command line
//!   always is (unless `--force-exclude` and the configuration excludes it); a file found by
//!   walking a directory, or opened in an editor, is when the configuration's `include` (or the
//!   default patterns) or a `[[task-definitions]]` entry names it and `exclude` does not.
//! - [`Candidate::read_as`]: from its contents, how is it read? `None` means "not a request file
//!   after all" (a walked file is then skipped silently).
//!
//! Dialects (state machines, templates, scripts) plug in here: their default patterns join the
//! include list, and `read_as` detects them from the contents.

use std::path::Path;

use crate::args::InputFormat;
use crate::config::Config;

/// Where a file comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Named on the command line (or standard input).
    Given,
    /// Found by walking a directory, or opened in an editor.
    Found,
}

/// How a file's contents are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    Json,
    /// The `--cli-input-yaml` shape; positions are YAML positions.
    Yaml,
}

impl Reading {
    /// The comment marker of the format, where suppression comments live; `None` when it has
    /// no comments (JSON).
    pub fn comment_marker(self) -> Option<&'static str> {
        match self {
            Reading::Json => None,
            Reading::Yaml => Some("#"),
        }
    }
}

/// A file that will be checked, and how to read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub origin: Origin,
    /// `--input-format`.
    pub forced: InputFormat,
}

/// Whether the file at `path` (`abs`: the same, absolute) is checked under `config`.
pub fn select(abs: &Path, origin: Origin, config: &Config, force_exclude: bool, forced: InputFormat) -> Option<Candidate> {
    let rel = config.relative(abs);
    let chosen = match origin {
        Origin::Given => !(force_exclude && (config.excludes(rel) || config.is_task_definition(abs))),
        Origin::Found => config.includes(rel) && !config.excludes(rel) && !config.is_task_definition(abs),
    };
    chosen.then_some(Candidate { origin, forced })
}

impl Candidate {
    /// How to read `bytes` from the file `name` (for standard input, `--stdin-filename` or `-`).
    pub fn read_as(&self, name: &str, stdin: bool, bytes: &[u8]) -> Option<Reading> {
        Some(match self.forced {
            InputFormat::Json => Reading::Json,
            InputFormat::Yaml => Reading::Yaml,
            InputFormat::Auto => {
                let lower = name.to_ascii_lowercase();
                if lower.ends_with(".yaml") || lower.ends_with(".yml") {
                    Reading::Yaml
                } else if lower.ends_with(".json") || !stdin {
                    Reading::Json
                } else {
                    // Standard input: `{`, `[` or `"` first (after a BOM and white space) is JSON.
                    let first = bytes.iter().find(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n' | 0xEF | 0xBB | 0xBF));
                    if first.is_some_and(|b| !matches!(b, b'{' | b'[' | b'"')) {
                        Reading::Yaml
                    } else {
                        Reading::Json
                    }
                }
            }
        })
    }
}
