//! Reading the inputs with bounded memory, and the files that `file://` references name.

use std::fs::File;
use std::io::{self, Read};

use runtask_core::MAX_INPUT_BYTES;

use crate::lint::Contents;

/// One input as read.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// The raw bytes (at most `MAX_INPUT_BYTES`), empty when too large or unreadable.
    pub bytes: Vec<u8>,
    /// The text when the bytes are UTF-8 (for excerpts).
    pub text: Option<String>,
    /// The full size when it is above the limit (only `prefix` was kept).
    pub too_large: Option<u64>,
    /// The first bytes of a file above the limit, to tell what it is.
    pub prefix: Vec<u8>,
    pub error: Option<String>,
}

impl Loaded {
    /// The contents of the file at `path` (for `file://` references next to it).
    pub fn contents<'a>(&'a self, path: Option<&'a str>) -> Contents<'a> {
        Contents { bytes: &self.bytes, text: self.text.as_deref(), too_large: self.too_large, path }
    }

    /// The bytes that tell what the file is: all of it, or the start of a file too large to read.
    pub fn head(&self) -> &[u8] {
        if self.too_large.is_some() {
            &self.prefix
        } else {
            &self.bytes
        }
    }

    /// Replaces the contents (after fixes).
    pub fn set_text(&mut self, text: String) {
        self.bytes = text.clone().into_bytes();
        self.text = Some(text);
    }
}

/// Reads a file (or standard input when `path` is `None`) keeping at most `MAX_INPUT_BYTES + 1`
/// bytes in memory.
pub fn load(path: Option<&str>) -> Loaded {
    let mut loaded = Loaded::default();
    let result = match path {
        None => read_bounded(io::stdin().lock()),
        Some(p) => open_and_read(p),
    };
    match result {
        Ok(Read_::Bytes(bytes)) => loaded.bytes = bytes,
        Ok(Read_::TooLarge(n, prefix)) => {
            loaded.too_large = Some(n);
            loaded.prefix = prefix;
        }
        Err(e) => loaded.error = Some(e),
    }
    loaded.text = std::str::from_utf8(&loaded.bytes).ok().map(str::to_owned);
    loaded
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
    let len = buf.len() as u64 + rest;
    buf.truncate(PREFIX_BYTES as usize);
    Ok(Read_::TooLarge(len, buf))
}

/// An I/O error in a few words.
pub fn describe(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::IsADirectory => "is a directory".to_owned(),
        _ => e.to_string(),
    }
}

/// Reads a whole small text file (a task definition).
pub fn read_text(path: &str) -> Result<String, String> {
    match open_and_read(path)? {
        Read_::Bytes(b) => String::from_utf8(b).map_err(|_| "not UTF-8 text".to_owned()),
        Read_::TooLarge(n, _) => Err(format!("{n} bytes is too large for a task definition")),
    }
}

/// Reads `file://` references next to the file that names them, as the AWS CLI reads them
/// relative to the working directory of the script.
pub struct NextTo {
    dir: std::path::PathBuf,
}

impl NextTo {
    pub fn new(path: Option<&str>) -> Self {
        let dir = path.and_then(|p| std::path::Path::new(p).parent().map(std::path::Path::to_path_buf)).unwrap_or_default();
        NextTo { dir }
    }
}

impl runtask_core::dialect::Files for NextTo {
    fn read(&self, reference: &str) -> Result<String, String> {
        read_text(&self.dir.join(reference).to_string_lossy())
    }
}
