//! Reading the inputs with bounded memory, and checking each as what it is written in: a request
//! (JSON or YAML), a state machine, a template, a script...

use std::fs::File;
use std::io::{self, Read};

use runtask_core::dialect::{self, Dialect, Files};
use runtask_core::{check_bytes, input_too_large, Options, OptionsError, Report, MAX_INPUT_BYTES};

use crate::args::{DialectChoice, InputFormat};

/// One input as read.
pub struct Loaded {
    /// The path, or `<stdin>`.
    pub name: String,
    pub path: Option<String>,
    /// The raw bytes (at most `MAX_INPUT_BYTES`), empty when too large or unreadable.
    pub bytes: Vec<u8>,
    /// The text when the bytes are UTF-8 (for excerpts).
    pub text: Option<String>,
    /// The full size when it is above the limit (only `prefix` was kept).
    pub too_large: Option<u64>,
    /// The first bytes of a file above the limit, to tell what it is.
    pub prefix: Vec<u8>,
    pub yaml: bool,
    /// What the file is written in; None: no RunTask request was detected (and the file is
    /// skipped).
    pub dialect: Option<Dialect>,
    pub error: Option<String>,
}

/// Reads a file (or stdin for `-`) keeping at most `MAX_INPUT_BYTES + 1` bytes in memory.
pub fn load(path: &str, format: InputFormat) -> Loaded {
    let stdin = path == "-";
    let name = if stdin { "<stdin>".to_owned() } else { path.to_owned() };
    let mut loaded = Loaded { name, path: (!stdin).then(|| path.to_owned()), bytes: Vec::new(), text: None, too_large: None, prefix: Vec::new(), yaml: false, dialect: Some(Dialect::Request), error: None };
    let result = if stdin { read_bounded(io::stdin().lock()) } else { open_and_read(path) };
    match result {
        Ok(Read_::Bytes(bytes)) => loaded.bytes = bytes,
        Ok(Read_::TooLarge(n, prefix)) => {
            loaded.too_large = Some(n);
            loaded.prefix = prefix;
        }
        Err(e) => loaded.error = Some(e),
    }
    loaded.yaml = match format {
        InputFormat::Json => false,
        InputFormat::Yaml => true,
        InputFormat::Auto => {
            let lower = path.to_ascii_lowercase();
            if lower.ends_with(".yaml") || lower.ends_with(".yml") {
                true
            } else if stdin {
                // `{` or `[` first (after a BOM and white space): JSON; else YAML.
                let first = loaded.bytes.iter().find(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n' | 0xEF | 0xBB | 0xBF));
                first.is_some_and(|b| !matches!(b, b'{' | b'[' | b'"'))
            } else {
                false
            }
        }
    };
    loaded.text = std::str::from_utf8(&loaded.bytes).ok().map(str::to_owned);
    loaded
}

/// Decides what a loaded file is written in: the dialect forced, else the one detected, else a
/// request (or nothing, with `detected_only`). A request file keeps its JSON/YAML choice.
pub fn choose_dialect(loaded: &mut Loaded, choice: DialectChoice, format: InputFormat, detected_only: bool) {
    if let Some(d) = choice.forced() {
        loaded.dialect = Some(d);
        return;
    }
    if format != InputFormat::Auto {
        loaded.dialect = Some(Dialect::Request);
        return;
    }
    let text = loaded.text.as_deref().filter(|_| loaded.too_large.is_none()).map(|t| t.strip_prefix('\u{feff}').unwrap_or(t));
    let detected = match text {
        Some(t) => dialect::detect(loaded.path.as_deref(), t),
        // Too large: by its first bytes (and name); not UTF-8: by the name.
        None => {
            let prefix = String::from_utf8_lossy(&loaded.prefix);
            dialect::detect(loaded.path.as_deref(), &prefix)
        }
    };
    loaded.dialect = match detected {
        Some(d) => Some(d),
        None if detected_only => None,
        None => Some(Dialect::Request),
    };
}

/// Reads `file://` references next to the file that names them.
pub struct NextTo {
    dir: std::path::PathBuf,
}

impl NextTo {
    pub fn new(path: Option<&str>) -> Self {
        let dir = path.and_then(|p| std::path::Path::new(p).parent().map(std::path::Path::to_path_buf)).unwrap_or_default();
        NextTo { dir }
    }
}

impl Files for NextTo {
    fn read(&self, reference: &str) -> Result<String, String> {
        let path = self.dir.join(reference);
        read_text(&path.to_string_lossy())
    }
}

enum Read_ {
    Bytes(Vec<u8>),
    /// The size, and the first bytes (to tell what the file is).
    TooLarge(u64, Vec<u8>),
}

/// How much of a file above the limit is read to tell what it is.
const PREFIX_BYTES: u64 = 64 * 1024;

fn open_and_read(path: &str) -> Result<Read_, String> {
    let file = File::open(path).map_err(|e| describe(&e))?;
    let meta = file.metadata().map_err(|e| describe(&e))?;
    if meta.is_dir() {
        return Err("is a directory".to_owned());
    }
    if meta.len() > MAX_INPUT_BYTES as u64 {
        let mut prefix = Vec::new();
        file.take(PREFIX_BYTES).read_to_end(&mut prefix).map_err(|e| describe(&e))?;
        return Ok(Read_::TooLarge(meta.len(), prefix));
    }
    read_bounded(file)
}

/// Reads up to the limit; past it, counts the rest without keeping it.
fn read_bounded(mut r: impl Read) -> Result<Read_, String> {
    let mut buf = Vec::new();
    (&mut r).take(MAX_INPUT_BYTES as u64 + 1).read_to_end(&mut buf).map_err(|e| describe(&e))?;
    if buf.len() <= MAX_INPUT_BYTES {
        return Ok(Read_::Bytes(buf));
    }
    let rest = io::copy(&mut r, &mut io::sink()).map_err(|e| describe(&e))?;
    buf.truncate(PREFIX_BYTES as usize);
    Ok(Read_::TooLarge(buf.len() as u64 + rest, buf))
}

fn describe(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}

/// Reads a whole small text file (the task definition).
pub fn read_text(path: &str) -> Result<String, String> {
    match open_and_read(path)? {
        Read_::Bytes(b) => String::from_utf8(b).map_err(|_| "not UTF-8 text".to_owned()),
        Read_::TooLarge(n, _) => Err(format!("{n} bytes is too large for a task definition")),
    }
}

/// Checks a loaded input; an unreadable one gives an empty report (its error is shown instead),
/// and so does one in which no request was detected.
pub fn check(loaded: &Loaded, options: &Options) -> Result<Report, OptionsError> {
    check_text(loaded, &loaded.bytes, options)
}

/// Checks `bytes` as `loaded` is read (its dialect, its place for `file://` references).
pub fn check_text(loaded: &Loaded, bytes: &[u8], options: &Options) -> Result<Report, OptionsError> {
    if loaded.error.is_some() {
        return Ok(Report::default());
    }
    let Some(dialect) = loaded.dialect else { return Ok(Report::default()) };
    if let Some(n) = loaded.too_large {
        return Ok(if dialect == Dialect::Request { input_too_large(n) } else { dialect::too_large(dialect, n) });
    }
    if dialect != Dialect::Request {
        return dialect::check_source(loaded.path.as_deref(), bytes, dialect, options, &NextTo::new(loaded.path.as_deref()));
    }
    if loaded.yaml {
        if let Ok(text) = std::str::from_utf8(bytes) {
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            return runtask_core::extract::check_yaml(text, options);
        }
    }
    check_bytes(bytes, options)
}
