//! Reading the inputs with bounded memory, and checking each as JSON or YAML.

use std::fs::File;
use std::io::{self, Read};

use runtask_core::{check_bytes, input_too_large, Options, OptionsError, Report, MAX_INPUT_BYTES};

use crate::args::InputFormat;

/// One input as read.
pub struct Loaded {
    /// The path, or `<stdin>`.
    pub name: String,
    pub path: Option<String>,
    /// The raw bytes (at most `MAX_INPUT_BYTES`), empty when too large or unreadable.
    pub bytes: Vec<u8>,
    /// The text when the bytes are UTF-8 (for excerpts).
    pub text: Option<String>,
    /// The full size when it is above the limit (nothing was kept).
    pub too_large: Option<u64>,
    pub yaml: bool,
    pub error: Option<String>,
}

/// Reads a file (or stdin for `-`) keeping at most `MAX_INPUT_BYTES + 1` bytes in memory.
pub fn load(path: &str, format: InputFormat) -> Loaded {
    let stdin = path == "-";
    let name = if stdin { "<stdin>".to_owned() } else { path.to_owned() };
    let mut loaded = Loaded { name, path: (!stdin).then(|| path.to_owned()), bytes: Vec::new(), text: None, too_large: None, yaml: false, error: None };
    let result = if stdin { read_bounded(io::stdin().lock()) } else { open_and_read(path) };
    match result {
        Ok(Read_::Bytes(bytes)) => loaded.bytes = bytes,
        Ok(Read_::TooLarge(n)) => loaded.too_large = Some(n),
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

enum Read_ {
    Bytes(Vec<u8>),
    TooLarge(u64),
}

fn open_and_read(path: &str) -> Result<Read_, String> {
    let file = File::open(path).map_err(|e| describe(&e))?;
    let meta = file.metadata().map_err(|e| describe(&e))?;
    if meta.is_dir() {
        return Err("is a directory".to_owned());
    }
    if meta.len() > MAX_INPUT_BYTES as u64 {
        return Ok(Read_::TooLarge(meta.len()));
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
    Ok(Read_::TooLarge(buf.len() as u64 + rest))
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
        Read_::TooLarge(n) => Err(format!("{n} bytes is too large for a task definition")),
    }
}

/// Checks a loaded input; an unreadable one gives an empty report (its error is shown instead).
pub fn check(loaded: &Loaded, options: &Options) -> Result<Report, OptionsError> {
    if loaded.error.is_some() {
        return Ok(Report::default());
    }
    if let Some(n) = loaded.too_large {
        return Ok(input_too_large(n));
    }
    if loaded.yaml {
        if let Some(text) = &loaded.text {
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            return runtask_core::yaml::check_yaml(text, options);
        }
    }
    check_bytes(&loaded.bytes, options)
}
