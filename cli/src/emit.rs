//! Writing output. A closed pipe (`runtask-lint rules | head`) ends the program quietly with the
//! status a shell reports for a process killed by SIGPIPE, 141, as `cat` or `grep` would.

use std::io::{self, Write};

/// Why the program stops early.
#[derive(Debug)]
pub enum Failure {
    /// A usage, I/O or option error: printed as `runtask-lint: <message>`, exit 2.
    Usage(String),
    /// Printed as it is (a rendered configuration error), exit 2.
    Rendered(String),
    /// Standard output was closed by its reader: exit 141, nothing printed.
    BrokenPipe,
}

impl From<String> for Failure {
    fn from(s: String) -> Self {
        Failure::Usage(s)
    }
}

/// The exit status for a closed standard output: 128 + SIGPIPE.
pub const BROKEN_PIPE_STATUS: u8 = 141;

/// Writes `text` to standard output.
pub fn stdout(text: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes()).and_then(|()| out.flush()).map_err(|e| write_error(&e, "standard output"))
}

/// Writes `text` to `path`, or to standard output when `None`.
pub fn report(path: Option<&str>, text: &str) -> Result<(), Failure> {
    match path {
        None => stdout(text),
        Some(p) => std::fs::write(p, text).map_err(|e| Failure::Usage(format!("--output-file {p}: {}", crate::input::describe(&e)))),
    }
}

/// Writes a note to standard error; a closed standard error is not a failure.
pub fn note(text: &str) {
    let _ = writeln!(io::stderr().lock(), "{text}");
}

fn write_error(e: &io::Error, what: &str) -> Failure {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Failure::BrokenPipe
    } else {
        Failure::Usage(format!("writing to {what}: {e}"))
    }
}
