//! Configuration: `.runtask.toml`, `runtask.toml` or `[tool.runtask]` in pyproject.toml, found by
//! walking up from each checked file (the nearest wins, in that order within a directory; no
//! merging, as in ruff). `--config FILE` uses one file for everything; `--isolated` none.
//!
//! Globs are relative to the configuration file's directory: a pattern without `/` matches the
//! file name at any depth, one with `/` the path from that directory (`*` stays within a
//! directory, `**` crosses them).

mod error;
mod parse;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{GlobBuilder, GlobMatcher};
use runtask_core::{Options, Severity};

pub use error::ConfigError;
use parse::{RawConfig, Table};

/// The files a walk checks when no `include` is configured: the request files of the pre-commit
/// hook's pattern (`.pre-commit-hooks.yaml`).
pub const DEFAULT_INCLUDE: &[&str] = &["{run-task,run_task,runtask}*.{json,yaml,yml}"];

/// The files a walk also reads when no `include` is configured, for the requests that live in
/// them (the pre-commit hook `runtask-lint-everywhere`'s pattern): state machines, templates,
/// EventBridge Scheduler input, workflows (JSON, YAML), scripts, Makefiles and Dockerfiles. Unlike
/// [`DEFAULT_INCLUDE`], such a file is checked only when a state machine, template, schedule or
/// command line with a RunTask request is detected in it ([`crate::candidate::Accept`]).
pub const DEFAULT_DIALECT_INCLUDE: &[&str] = &[
    "*.{json,yaml,yml,template}",
    "*.{sh,bash,mk}",
    "{Makefile,GNUmakefile,makefile,Containerfile}",
    "Dockerfile*",
    "*.Dockerfile",
];

/// Never walked into, whatever the configuration (`exclude` adds to these).
pub const DEFAULT_EXCLUDE: &[&str] = &[".git", ".hg", ".svn", "node_modules", ".venv", "venv", ".tox", "__pycache__"];

/// The configuration file names looked for in each directory, in order of precedence.
const FILE_NAMES: &[(&str, Table)] = &[(".runtask.toml", Table::Root), ("runtask.toml", Table::Root), ("pyproject.toml", Table::ToolRuntask)];

/// A glob and whether it matches the file name only.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub text: String,
    glob: GlobMatcher,
    name_only: bool,
}

impl Pattern {
    pub fn new(text: &str) -> Result<Self, globset::Error> {
        let trimmed = text.trim_end_matches('/');
        let trimmed = trimmed.strip_prefix("./").unwrap_or(trimmed);
        let glob = GlobBuilder::new(trimmed).literal_separator(true).backslash_escape(true).build()?.compile_matcher();
        Ok(Pattern { text: text.to_owned(), glob, name_only: !trimmed.contains('/') })
    }

    /// Whether the pattern matches `rel` (a path relative to the configuration's directory).
    pub fn matches(&self, rel: &Path) -> bool {
        if self.name_only {
            rel.file_name().is_some_and(|n| self.glob.is_match(n))
        } else {
            self.glob.is_match(rel)
        }
    }

    /// Whether it matches `rel` or one of the directories above it.
    pub fn matches_path_or_parent(&self, rel: &Path) -> bool {
        rel.ancestors().take_while(|a| !a.as_os_str().is_empty()).any(|a| self.matches(a))
    }
}

/// One `[[task-definitions]]` entry, with the task definition's text read.
#[derive(Debug, Clone)]
pub struct TaskDefinitionEntry {
    pub requests: Vec<Pattern>,
    pub file: PathBuf,
    pub text: String,
}

/// One configuration, resolved: patterns compiled, task definitions read.
#[derive(Debug, Clone)]
pub struct Config {
    /// The file it comes from; `None` for the defaults.
    pub file: Option<PathBuf>,
    /// The directory its globs are relative to.
    pub root: PathBuf,
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub per_file_ignores: Vec<(Pattern, Vec<String>)>,
    pub severity: Vec<(String, Severity)>,
    pub include: Option<Vec<Pattern>>,
    pub exclude: Vec<Pattern>,
    pub task_definitions: Vec<TaskDefinitionEntry>,
}

/// What the command line says, over any configuration file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub select: Vec<String>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    /// `--task-definition`: (path, text), for every file.
    pub task_definition: Option<(String, String)>,
    /// `--config FILE`.
    pub config: Option<PathBuf>,
    /// `--isolated`.
    pub isolated: bool,
}

/// What checking one file needs besides its contents: a pure input, so each file's check is a
/// function of (path, contents, settings).
#[derive(Debug, Clone, Default)]
pub struct FileSettings {
    pub options: Options,
    /// Severity overrides: (code, code prefix or rule name; severity). The most specific wins.
    pub severity: Vec<(String, Severity)>,
    /// Where the task definition comes from, when there is one (for `runtask-lint config`).
    pub task_definition_file: Option<String>,
}

impl FileSettings {
    /// The severity of a finding of `code` under the `severity` table.
    pub fn severity_of(&self, code: &str, default: Severity) -> Severity {
        let Some(rule) = runtask_core::registry::find(code) else { return default };
        self.severity
            .iter()
            .filter(|(key, _)| rule.is_selected_by(key))
            // A code or name beats a prefix, a longer prefix a shorter one.
            .max_by_key(|(key, _)| if key.eq_ignore_ascii_case(rule.code) || key == rule.name { usize::MAX } else { key.len() })
            .map_or(default, |(_, s)| *s)
    }
}

impl Config {
    /// The defaults, with globs relative to `root`.
    pub fn defaults(root: PathBuf) -> Self {
        Config {
            file: None,
            root,
            select: None,
            extend_select: Vec::new(),
            ignore: Vec::new(),
            per_file_ignores: Vec::new(),
            severity: Vec::new(),
            include: None,
            exclude: Vec::new(),
            task_definitions: Vec::new(),
        }
    }

    /// Loads a configuration file; `Ok(None)` for a pyproject.toml without `[tool.runtask]`.
    pub fn load(file: &Path, cwd: &Path) -> Result<Option<Self>, ConfigError> {
        let shown = display_path(file, cwd);
        let table = if file.file_name().is_some_and(|n| n == "pyproject.toml") { Table::ToolRuntask } else { Table::Root };
        let text = std::fs::read_to_string(file).map_err(|e| ConfigError::whole(shown.clone(), format!("cannot read {shown}: {}", crate::input::describe(&e))))?;
        let err = |span, message, help| ConfigError { file: shown.clone(), text: Some(text.clone()), span, message, help };
        let Some(raw) = parse::parse(&text, table, &err)? else { return Ok(None) };
        let root = file.parent().map_or_else(|| cwd.to_path_buf(), Path::to_path_buf);
        Self::resolve(raw, file, root, &err).map(Some)
    }

    fn resolve(raw: RawConfig, file: &Path, root: PathBuf, err: &dyn Fn(std::ops::Range<usize>, String, Option<String>) -> ConfigError) -> Result<Self, ConfigError> {
        let pattern = |p: &toml::Spanned<String>| Pattern::new(p.get_ref()).map_err(|e| err(p.span(), format!("invalid glob `{}`: {}", p.get_ref(), glob_error(&e)), None));
        let patterns = |list: &[toml::Spanned<String>]| list.iter().map(pattern).collect::<Result<Vec<_>, _>>();
        let mut task_definitions = Vec::new();
        for td in &raw.task_definitions {
            let path = root.join(td.file.get_ref());
            let text = crate::input::read_text(&path.to_string_lossy())
                .map_err(|e| err(td.file.span(), format!("cannot read the task definition `{}`: {e}", td.file.get_ref()), None))?;
            let options = Options { task_definition: Some(text.clone()), ..Options::default() };
            options.validate().map_err(|e| err(td.file.span(), format!("the task definition `{}` cannot be used: {e}", td.file.get_ref()), None))?;
            task_definitions.push(TaskDefinitionEntry { requests: patterns(&td.requests)?, file: path, text });
        }
        Ok(Config {
            file: Some(file.to_path_buf()),
            root,
            select: raw.select,
            extend_select: raw.extend_select,
            ignore: raw.ignore,
            per_file_ignores: raw.per_file_ignores.iter().map(|(g, codes)| Ok((pattern(g)?, codes.clone()))).collect::<Result<_, ConfigError>>()?,
            severity: raw.severity,
            include: raw.include.as_deref().map(patterns).transpose()?,
            exclude: patterns(&raw.exclude)?,
            task_definitions,
        })
    }

    /// `path` relative to this configuration's directory (the path itself when outside it).
    pub fn relative<'p>(&self, path: &'p Path) -> &'p Path {
        path.strip_prefix(&self.root).unwrap_or(path)
    }

    /// Whether `include` (or the default patterns) or a `[[task-definitions]]` entry names the file.
    pub fn includes(&self, rel: &Path) -> bool {
        let included = match &self.include {
            Some(list) => list.iter().any(|p| p.matches(rel)),
            None => default_include().iter().any(|p| p.matches(rel)),
        };
        included || self.task_definitions.iter().any(|td| td.requests.iter().any(|p| p.matches(rel)))
    }

    /// Whether no `include` is configured and the default dialect patterns name the file.
    pub fn includes_dialect_file(&self, rel: &Path) -> bool {
        self.include.is_none() && default_dialect_include().iter().any(|p| p.matches(rel))
    }

    /// Whether the file, or a directory above it, is excluded (by `exclude` or the defaults).
    pub fn excludes(&self, rel: &Path) -> bool {
        default_exclude().iter().chain(&self.exclude).any(|p| p.matches_path_or_parent(rel))
    }

    /// Whether the file is one of the configured task definitions (never a request).
    pub fn is_task_definition(&self, abs: &Path) -> bool {
        self.task_definitions.iter().any(|td| td.file == abs)
    }

    /// The settings for the file at `abs` (absolute) under this configuration and the overrides.
    pub fn file_settings(&self, abs: &Path, overrides: &Overrides) -> FileSettings {
        let rel = self.relative(abs);
        let base = if overrides.select.is_empty() { self.select.clone().unwrap_or_default() } else { overrides.select.clone() };
        // An empty `select` is every rule: extending it changes nothing.
        let select = if base.is_empty() { base } else { base.into_iter().chain(self.extend_select.iter().cloned()).chain(overrides.extend_select.iter().cloned()).collect() };
        let mut ignore: Vec<String> = self.ignore.iter().chain(&overrides.ignore).cloned().collect();
        for (pattern, codes) in &self.per_file_ignores {
            if pattern.matches(rel) {
                ignore.extend(codes.iter().cloned());
            }
        }
        let (task_definition, task_definition_file) = match &overrides.task_definition {
            Some((path, text)) => (Some(text.clone()), Some(path.clone())),
            None => match self.task_definitions.iter().find(|td| td.requests.iter().any(|p| p.matches(rel))) {
                Some(td) => (Some(td.text.clone()), Some(td.file.to_string_lossy().into_owned())),
                None => (None, None),
            },
        };
        FileSettings { options: Options { task_definition, select, ignore, ..Options::default() }, severity: self.severity.clone(), task_definition_file }
    }
}

fn default_include() -> &'static [Pattern] {
    static P: std::sync::OnceLock<Vec<Pattern>> = std::sync::OnceLock::new();
    P.get_or_init(|| DEFAULT_INCLUDE.iter().map(|p| Pattern::new(p).expect("default include pattern")).collect())
}

fn default_dialect_include() -> &'static [Pattern] {
    static P: std::sync::OnceLock<Vec<Pattern>> = std::sync::OnceLock::new();
    P.get_or_init(|| DEFAULT_DIALECT_INCLUDE.iter().map(|p| Pattern::new(p).expect("default dialect include pattern")).collect())
}

fn default_exclude() -> &'static [Pattern] {
    static P: std::sync::OnceLock<Vec<Pattern>> = std::sync::OnceLock::new();
    P.get_or_init(|| DEFAULT_EXCLUDE.iter().map(|p| Pattern::new(p).expect("default exclude pattern")).collect())
}

fn glob_error(e: &globset::Error) -> String {
    e.kind().to_string()
}

/// `path` relative to `cwd` when inside it, as the user would type it.
pub fn display_path(path: &Path, cwd: &Path) -> String {
    path.strip_prefix(cwd).unwrap_or(path).to_string_lossy().into_owned()
}

/// Finds and caches the configuration of each file.
pub struct Resolver {
    pub overrides: Overrides,
    cwd: PathBuf,
    /// `--config` or `--isolated`: this one for every file.
    fixed: Option<Arc<Config>>,
    /// Per directory: the nearest configuration at or above it.
    cache: HashMap<PathBuf, Arc<Config>>,
}

impl Resolver {
    pub fn new(overrides: Overrides) -> Result<Self, ConfigError> {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let fixed = if overrides.isolated {
            Some(Arc::new(Config::defaults(cwd.clone())))
        } else if let Some(file) = &overrides.config {
            let abs = std::path::absolute(file).unwrap_or_else(|_| file.clone());
            let config = Config::load(&abs, &cwd)?.ok_or_else(|| ConfigError::whole(display_path(&abs, &cwd), format!("{} has no [tool.runtask] table", display_path(&abs, &cwd))))?;
            Some(Arc::new(config))
        } else {
            None
        };
        Ok(Resolver { overrides, cwd, fixed, cache: HashMap::new() })
    }

    pub fn cwd(&self) -> &Path {
        &self.cwd
    }

    /// `path` made absolute (against the working directory), without resolving links.
    pub fn absolute(&self, path: &Path) -> PathBuf {
        if path.is_absolute() {
            path.to_path_buf()
        } else {
            let joined = self.cwd.join(path);
            // `./x` and `a/../x` as the user means them: normalised lexically.
            let mut out = PathBuf::new();
            for c in joined.components() {
                match c {
                    std::path::Component::CurDir => {}
                    std::path::Component::ParentDir => {
                        out.pop();
                    }
                    other => out.push(other),
                }
            }
            out
        }
    }

    /// The configuration that applies to the file or directory at `path`.
    pub fn config_for(&mut self, path: &Path) -> Result<Arc<Config>, ConfigError> {
        if let Some(fixed) = &self.fixed {
            return Ok(fixed.clone());
        }
        let abs = self.absolute(path);
        let dir = if abs.is_dir() { abs.clone() } else { abs.parent().map_or_else(|| abs.clone(), Path::to_path_buf) };
        self.config_in(&dir)
    }

    fn config_in(&mut self, dir: &Path) -> Result<Arc<Config>, ConfigError> {
        if let Some(found) = self.cache.get(dir) {
            return Ok(found.clone());
        }
        let mut found = None;
        for (name, table) in FILE_NAMES {
            let candidate = dir.join(name);
            if !candidate.is_file() {
                continue;
            }
            // A pyproject.toml without our table is not a configuration (and is not parsed).
            if *table == Table::ToolRuntask && !std::fs::read_to_string(&candidate).is_ok_and(|t| t.contains("tool.runtask")) {
                continue;
            }
            if let Some(config) = Config::load(&candidate, &self.cwd)? {
                found = Some(Arc::new(config));
                break;
            }
        }
        let config = match (found, dir.parent()) {
            (Some(c), _) => c,
            (None, Some(parent)) => self.config_in(parent)?,
            (None, None) => Arc::new(Config::defaults(self.cwd.clone())),
        };
        self.cache.insert(dir.to_path_buf(), config.clone());
        Ok(config)
    }

    /// Drops what was read (the editor server calls it when a configuration file changes).
    #[cfg_attr(target_os = "wasi", allow(dead_code))]
    pub fn forget(&mut self) {
        self.cache.clear();
    }

    /// The settings for one file.
    pub fn settings_for(&mut self, path: &Path) -> Result<(Arc<Config>, FileSettings), ConfigError> {
        let config = self.config_for(path)?;
        let settings = config.file_settings(&self.absolute(path), &self.overrides);
        Ok((config, settings))
    }
}

/// Every configuration key with what it does: the `--help` section and the README's table come
/// from the same text.
pub const HELP: &str = "\
Configuration (runtask.toml, .runtask.toml, or [tool.runtask] in pyproject.toml; the nearest
one above each file applies; --config FILE picks one, --isolated ignores them):
  select = [\"RT1\", \"RT301\"]        run only these rules (codes, code prefixes or rule names)
  extend-select = [\"RT8\"]          add to `select` (and to --select)
  ignore = [\"RT112\"]               skip these rules
  severity = { RT339 = \"error\" }   report a rule at another severity (error|warning|info)
  include = [\"deploy/**/*.json\"]   the files a directory walk checks (default: run-task*.json,
                                   run_task*.json, runtask*.json and their .yaml/.yml)
  exclude = [\"fixtures/\"]          files and directories a walk skips (besides .git,
                                   node_modules, .venv, venv, .tox, __pycache__, .hg, .svn)
  [per-file-ignores]
  \"legacy/*.json\" = [\"RT112\"]      skip rules in the files a glob matches
  [[task-definitions]]
  requests = [\"deploy/web/*.json\"] these requests run this task definition: the
  file = \"deploy/web/taskdef.json\"  task-definition rules run with no --task-definition
Globs and paths are relative to the configuration file; a glob without `/` matches the file
name anywhere. --select/--ignore/--task-definition on the command line apply over it.
Suppress one finding in a YAML (or any `#`-comment) file with `# runtask: ignore[RT112]` at the
end of its line or on the line above; JSON has no comments: use per-file-ignores.";

#[cfg(test)]
mod tests {
    use super::parse::KEYS;
    use super::*;

    #[test]
    fn every_key_is_documented_in_help() {
        for key in KEYS {
            assert!(HELP.contains(&format!("{key} ")) || HELP.contains(&format!("[{key}]")) || HELP.contains(&format!("[[{key}]]")), "{key}");
        }
    }

    #[test]
    fn patterns_match_names_anywhere_and_paths_from_the_root() {
        let name = Pattern::new("run-task*.json").unwrap();
        assert!(name.matches(Path::new("a/b/run-task-x.json")) && !name.matches(Path::new("a/run-task/x.json")));
        let path = Pattern::new("deploy/*.json").unwrap();
        assert!(path.matches(Path::new("deploy/x.json")) && !path.matches(Path::new("deploy/a/x.json")) && !path.matches(Path::new("x/deploy/x.json")));
        let deep = Pattern::new("deploy/**/*.json").unwrap();
        assert!(deep.matches(Path::new("deploy/a/b/x.json")));
        let dir = Pattern::new("fixtures/").unwrap();
        assert!(dir.matches_path_or_parent(Path::new("a/fixtures/x.json")) && !dir.matches_path_or_parent(Path::new("a/fixture/x.json")));
        for default in DEFAULT_INCLUDE {
            let p = Pattern::new(default).unwrap();
            for yes in ["run-task.json", "run_task-nightly.yaml", "runtask.yml", "d/runtask-a.json"] {
                assert!(p.matches(Path::new(yes)), "{yes}");
            }
            for no in ["task.json", "run-task.txt", "package.json", "runtask.toml"] {
                assert!(!p.matches(Path::new(no)), "{no}");
            }
        }
    }

    #[test]
    fn dialect_files_are_walked_by_default() {
        let defaults = Config::defaults(PathBuf::new());
        for yes in ["sfn/report.asl.json", "template.yaml", "cdk.out/App.template.json", ".github/workflows/ci.yml", "deploy.sh", "Makefile", "rules.mk", "Dockerfile", "Dockerfile.batch", "api.Dockerfile"] {
            assert!(defaults.includes_dialect_file(Path::new(yes)), "{yes}");
        }
        for no in ["main.rs", "README.md", "runtask.toml", "Makefile.bak"] {
            assert!(!defaults.includes_dialect_file(Path::new(no)), "{no}");
        }
    }

    #[test]
    fn the_most_specific_severity_wins() {
        let s = FileSettings { severity: vec![("RT3".into(), Severity::Info), ("RT339".into(), Severity::Error), ("RT33".into(), Severity::Warning)], ..FileSettings::default() };
        assert_eq!(s.severity_of("RT339", Severity::Warning), Severity::Error);
        assert_eq!(s.severity_of("RT337", Severity::Error), Severity::Warning);
        assert_eq!(s.severity_of("RT301", Severity::Error), Severity::Info);
        assert_eq!(s.severity_of("RT106", Severity::Error), Severity::Error);
    }
}
