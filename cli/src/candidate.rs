//! The one place that decides, for a file, whether it is checked and how it is read.
//!
//! - [`select`]: from the path alone, is the file a candidate? A file named on the command line
//!   always is (unless `--force-exclude` and the configuration excludes it); a file found by
//!   walking a directory, or opened in an editor, is when the configuration's `include` (or the
//!   default patterns) or a `[[task-definitions]]` entry names it and `exclude` does not. Without
//!   an `include`, a walk also reads the files where requests live (state machines, templates,
//!   scripts, workflows: [`crate::config::DEFAULT_DIALECT_INCLUDE`]), keeping only those in which
//!   a request is detected.
//! - [`Candidate::read_as`]: from its contents, how is it read? `None` means "not a request file
//!   after all" (a walked file is then skipped silently): `--dialect` forces the dialect, else it
//!   is detected from the name and content ([`runtask_core::dialect::detect`]).

use std::path::Path;

use runtask_core::dialect::{self, Dialect};

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
    /// A file where requests live: a state machine, a template, a script... Its requests are
    /// found and checked by [`runtask_core::dialect::check_source`].
    Dialect {
        dialect: Dialect,
        /// Written with `#` comments: YAML, or a script, Makefile, Dockerfile or workflow.
        hash_comments: bool,
    },
}

impl Reading {
    /// The comment marker of the format, where suppression comments live; `None` when it has
    /// no comments (JSON).
    pub fn comment_marker(self) -> Option<&'static str> {
        match self {
            Reading::Json | Reading::Dialect { hash_comments: false, .. } => None,
            Reading::Yaml | Reading::Dialect { hash_comments: true, .. } => Some("#"),
        }
    }

    /// A file in `dialect` (not a request file) with these contents.
    fn dialect(dialect: Dialect, bytes: &[u8]) -> Reading {
        let hash_comments = match dialect {
            Dialect::Shell | Dialect::Makefile | Dialect::Dockerfile | Dialect::GithubActions => true,
            // JSON starts with `{` (after a BOM and white space); anything else is read as YAML.
            _ => first_char(bytes).is_some_and(|b| b != b'{'),
        };
        Reading::Dialect { dialect, hash_comments }
    }
}

/// What the command line forces about how files are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Forced {
    /// `--input-format`.
    pub format: InputFormat,
    /// `--dialect` (None: `auto`).
    pub dialect: Option<Dialect>,
    /// `--detected-only`: a file given in which no request is detected is skipped.
    pub detected_only: bool,
}

/// Which contents make a candidate a file to check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Accept {
    /// Any: a file in which no dialect is detected is read as a request (a file named on the
    /// command line, or one that `include` or the request patterns name).
    Anything,
    /// A file in which a request, or a dialect with a request, is detected (`--detected-only`).
    Detected,
    /// A state machine, template, schedule or command line with a request: a file that only the
    /// default dialect patterns name (a walk does not check every JSON file that happens to have
    /// a `taskDefinition` member).
    Dialects,
}

/// A file that will be checked, and how to read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub origin: Origin,
    pub forced: Forced,
    pub accept: Accept,
}

/// Whether the file at `path` (`abs`: the same, absolute) is checked under `config`.
pub fn select(abs: &Path, origin: Origin, config: &Config, force_exclude: bool, forced: Forced) -> Option<Candidate> {
    let rel = config.relative(abs);
    let asked = if forced.detected_only { Accept::Detected } else { Accept::Anything };
    let accept = match origin {
        Origin::Given => (!(force_exclude && (config.excludes(rel) || config.is_task_definition(abs)))).then_some(asked),
        Origin::Found if config.excludes(rel) || config.is_task_definition(abs) => None,
        Origin::Found if config.includes(rel) => Some(asked),
        Origin::Found => config.includes_dialect_file(rel).then_some(Accept::Dialects),
    };
    accept.map(|accept| Candidate { origin, forced, accept })
}

impl Candidate {
    /// How to read `bytes` from the file `name` (for standard input, `--stdin-filename` or
    /// `<stdin>`). For a file too large to read, `bytes` is its start.
    pub fn read_as(&self, name: &str, stdin: bool, bytes: &[u8]) -> Option<Reading> {
        let request = || self.request_reading(name, stdin, bytes);
        match (self.forced.dialect, self.forced.format) {
            (Some(Dialect::Request), _) | (None, InputFormat::Json | InputFormat::Yaml) => Some(request()),
            (Some(d), _) => Some(Reading::dialect(d, bytes)),
            (None, InputFormat::Auto) => {
                let path = (!(stdin && matches!(name, "<stdin>" | "-"))).then_some(name);
                let text = String::from_utf8_lossy(bytes);
                let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
                match (dialect::detect(path, text), self.accept) {
                    (Some(Dialect::Request), Accept::Anything | Accept::Detected) | (None, Accept::Anything) => Some(request()),
                    (Some(Dialect::Request) | None, _) => None,
                    (Some(d), _) => Some(Reading::dialect(d, bytes)),
                }
            }
        }
    }

    /// A request file: JSON or YAML.
    fn request_reading(&self, name: &str, stdin: bool, bytes: &[u8]) -> Reading {
        match self.forced.format {
            InputFormat::Json => Reading::Json,
            InputFormat::Yaml => Reading::Yaml,
            InputFormat::Auto => {
                let lower = name.to_ascii_lowercase();
                if lower.ends_with(".yaml") || lower.ends_with(".yml") {
                    Reading::Yaml
                } else if lower.ends_with(".json") || !stdin {
                    Reading::Json
                } else if first_char(bytes).is_some_and(|b| !matches!(b, b'{' | b'[' | b'"')) {
                    // Standard input: `{`, `[` or `"` first (after a BOM and white space) is JSON.
                    Reading::Yaml
                } else {
                    Reading::Json
                }
            }
        }
    }
}

/// The first byte after a BOM and white space.
fn first_char(bytes: &[u8]) -> Option<u8> {
    bytes.iter().copied().find(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n' | 0xEF | 0xBB | 0xBF))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(origin: Origin, accept: Accept, dialect: Option<Dialect>) -> Candidate {
        Candidate { origin, forced: Forced { dialect, ..Forced::default() }, accept }
    }

    #[test]
    fn dialects_are_detected_and_forced() {
        let machine = br#"{"StartAt": "R", "States": {"R": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask", "End": true}}}"#;
        let c = candidate(Origin::Found, Accept::Dialects, None);
        assert_eq!(c.read_as("m.asl.json", false, machine), Some(Reading::Dialect { dialect: Dialect::StateMachine, hash_comments: false }));
        assert_eq!(c.read_as("deploy.sh", false, b"aws ecs run-task --cluster c\n"), Some(Reading::Dialect { dialect: Dialect::Shell, hash_comments: true }));
        // Found by the dialect patterns only: a JSON file with request members is not enough.
        assert_eq!(c.read_as("package.json", false, br#"{"taskDefinition": "web:3"}"#), None);
        assert_eq!(c.read_as("build.sh", false, b"cargo build\n"), None);
        // Named on the command line, it is a request; with --detected-only it must be detected.
        let given = candidate(Origin::Given, Accept::Anything, None);
        assert_eq!(given.read_as("package.json", false, b"{}"), Some(Reading::Json));
        let detected = candidate(Origin::Given, Accept::Detected, None);
        assert_eq!(detected.read_as("package.json", false, b"{}"), None);
        assert_eq!(detected.read_as("job.json", false, br#"{"taskDefinition": "web:3"}"#), Some(Reading::Json));
        // --dialect: whatever the content.
        let forced = candidate(Origin::Given, Accept::Anything, Some(Dialect::StateMachine));
        assert_eq!(forced.read_as("x.yaml", false, b"StartAt: R\n"), Some(Reading::Dialect { dialect: Dialect::StateMachine, hash_comments: true }));
        let request = candidate(Origin::Given, Accept::Anything, Some(Dialect::Request));
        assert_eq!(request.read_as("m.asl.json", false, machine), Some(Reading::Json));
    }

    #[test]
    fn suppression_comments_live_where_the_format_has_comments() {
        assert_eq!(Reading::Json.comment_marker(), None);
        assert_eq!(Reading::Yaml.comment_marker(), Some("#"));
        assert_eq!(Reading::dialect(Dialect::StateMachine, b"  {\"StartAt\": 1}").comment_marker(), None);
        assert_eq!(Reading::dialect(Dialect::Cloudformation, b"Resources: {}").comment_marker(), Some("#"));
        assert_eq!(Reading::dialect(Dialect::Makefile, b"all:\n").comment_marker(), Some("#"));
    }
}
