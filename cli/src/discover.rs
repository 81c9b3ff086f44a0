//! From the arguments to the list of files to check, in a stable order: the arguments in the
//! order given; a directory walked recursively with the `ignore` crate (honouring .gitignore,
//! .ignore and the global git excludes, like ripgrep and ruff; hidden files are walked, so that
//! `.github/` can hold requests), its entries sorted by name. A file reached twice is checked once.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::candidate::{self, Accept, Candidate, Forced, Origin};
use crate::config::{ConfigError, FileSettings, Resolver, DEFAULT_EXCLUDE};

/// One file to check.
#[derive(Debug, Clone)]
pub struct Target {
    /// As shown in the output.
    pub name: String,
    /// `None`: standard input.
    pub path: Option<PathBuf>,
    pub candidate: Candidate,
    pub settings: FileSettings,
    /// Walking failed here (an unreadable directory): reported as this file's error.
    pub error: Option<String>,
}

/// What the walk found.
pub struct Found {
    pub targets: Vec<Target>,
    /// Each directory argument and the range of `targets` its walk found: one whose files are
    /// all skipped (none held a request) gets a warning.
    pub walked: Vec<(String, std::ops::Range<usize>)>,
}

pub struct Walk<'r> {
    pub resolver: &'r mut Resolver,
    pub force_exclude: bool,
    pub forced: Forced,
    pub stdin_filename: Option<String>,
}

impl Found {
    /// The directory arguments none of whose files was checked (`checked[i]`: target `i` was).
    pub fn empty_dirs<'a>(&'a self, checked: &'a [bool]) -> impl Iterator<Item = &'a str> + 'a {
        self.walked.iter().filter(|(_, r)| !checked[r.clone()].iter().any(|&c| c)).map(|(d, _)| d.as_str())
    }
}

impl Walk<'_> {
    /// The files to check for `args` (none: the current directory).
    pub fn targets(&mut self, args: &[String]) -> Result<Found, ConfigError> {
        let mut found = Found { targets: Vec::new(), walked: Vec::new() };
        let mut seen: HashSet<PathBuf> = HashSet::new();
        let implicit = args.is_empty();
        let args: Vec<String> = if implicit { vec![".".to_owned()] } else { args.to_vec() };
        for arg in &args {
            if arg == "-" {
                let shown = self.stdin_filename.clone().unwrap_or_else(|| "<stdin>".to_owned());
                let settings_path = PathBuf::from(self.stdin_filename.as_deref().unwrap_or("-"));
                let (_, settings) = self.resolver.settings_for(&settings_path)?;
                let accept = if self.forced.detected_only { Accept::Detected } else { Accept::Anything };
                let candidate = Candidate { origin: Origin::Given, forced: self.forced, accept };
                found.targets.push(Target { name: shown, path: None, candidate, settings, error: None });
                continue;
            }
            let path = Path::new(arg);
            if path.is_dir() {
                let before = found.targets.len();
                self.walk(path, implicit, &mut seen, &mut found)?;
                found.walked.push((arg.clone(), before..found.targets.len()));
                continue;
            }
            let abs = self.resolver.absolute(path);
            if !seen.insert(abs.clone()) {
                continue;
            }
            let (config, settings) = self.resolver.settings_for(path)?;
            if let Some(candidate) = candidate::select(&abs, Origin::Given, &config, self.force_exclude, self.forced) {
                found.targets.push(Target { name: arg.clone(), path: Some(path.to_path_buf()), candidate, settings, error: None });
            }
        }
        Ok(found)
    }

    fn walk(&mut self, dir: &Path, implicit: bool, seen: &mut HashSet<PathBuf>, found: &mut Found) -> Result<(), ConfigError> {
        let walker = ignore::WalkBuilder::new(dir)
            .hidden(false)
            .require_git(false)
            .sort_by_file_name(|a, b| a.cmp(b))
            // The directories that are never requests are not even entered.
            .filter_entry(|e| e.depth() == 0 || !(e.file_type().is_some_and(|t| t.is_dir()) && e.file_name().to_str().is_some_and(|n| DEFAULT_EXCLUDE.contains(&n))))
            .build();
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let (name, message) = walk_error(&e);
                    let (_, settings) = self.resolver.settings_for(dir)?;
                    let candidate = Candidate { origin: Origin::Found, forced: self.forced, accept: Accept::Anything };
                    found.targets.push(Target { name: name.unwrap_or_else(|| dir.display().to_string()), path: None, candidate, settings, error: Some(message) });
                    continue;
                }
            };
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            let path = entry.path();
            let abs = self.resolver.absolute(path);
            if seen.contains(&abs) {
                continue;
            }
            let config = self.resolver.config_for(path)?;
            let Some(candidate) = candidate::select(&abs, Origin::Found, &config, self.force_exclude, self.forced) else { continue };
            seen.insert(abs.clone());
            let settings = config.file_settings(&abs, &self.resolver.overrides);
            let shown = path.to_string_lossy();
            let name = if implicit { shown.strip_prefix("./").unwrap_or(&shown).to_owned() } else { shown.into_owned() };
            found.targets.push(Target { name, path: Some(path.to_path_buf()), candidate, settings, error: None });
        }
        Ok(())
    }
}

fn walk_error(e: &ignore::Error) -> (Option<String>, String) {
    match e {
        ignore::Error::WithPath { path, err } => (Some(path.display().to_string()), walk_error(err).1),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => walk_error(err),
        ignore::Error::Io(io) => (None, crate::input::describe(io)),
        other => (None, other.to_string()),
    }
}
