//! Reading `runtask.toml` (or `[tool.runtask]` in pyproject.toml) with spans, so that every
//! configuration error names its file, line and column, with a did-you-mean where one is close.

use std::ops::Range;

use runtask_core::registry::rules;
use runtask_core::Severity;
use toml::de::{DeArray, DeTable, DeValue};
use toml::Spanned;

use super::error::ConfigError;
use crate::suggest::did_you_mean;

/// The keys of the configuration, in the order `--help` and the README document them.
pub const KEYS: &[&str] = &["select", "extend-select", "ignore", "per-file-ignores", "severity", "include", "exclude", "task-definitions"];
const TASK_DEFINITION_KEYS: &[&str] = &["requests", "file"];

/// A configuration as written, checked for unknown keys, codes and types.
#[derive(Debug, Default)]
pub struct RawConfig {
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
    pub per_file_ignores: Vec<(Spanned<String>, Vec<String>)>,
    pub severity: Vec<(String, Severity)>,
    pub include: Option<Vec<Spanned<String>>>,
    pub exclude: Vec<Spanned<String>>,
    pub task_definitions: Vec<RawTaskDefinition>,
}

#[derive(Debug)]
pub struct RawTaskDefinition {
    pub requests: Vec<Spanned<String>>,
    pub file: Spanned<String>,
}

/// Where the configuration table sits in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    /// The whole file (`runtask.toml`, `.runtask.toml`).
    Root,
    /// `[tool.runtask]` (pyproject.toml).
    ToolRuntask,
}

/// Parses `text`; `Ok(None)` when the table is absent (a pyproject.toml without `[tool.runtask]`).
pub fn parse(text: &str, table: Table, err: &dyn Fn(Range<usize>, String, Option<String>) -> ConfigError) -> Result<Option<RawConfig>, ConfigError> {
    let doc = DeTable::parse(text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        err(span, format!("invalid TOML: {}", e.message().trim()), None)
    })?;
    let root = doc.get_ref();
    let table: &DeTable<'_> = match table {
        Table::Root => root,
        Table::ToolRuntask => {
            let Some(tool) = root.get("tool") else { return Ok(None) };
            let Some(tool) = tool.get_ref().as_table() else { return Ok(None) };
            let Some(runtask) = tool.get("runtask") else { return Ok(None) };
            match runtask.get_ref().as_table() {
                Some(t) => t,
                None => return Err(err(runtask.span(), "`tool.runtask` must be a table".to_owned(), None)),
            }
        }
    };
    let mut out = RawConfig::default();
    for (key, value) in sorted(table) {
        let name: &str = key.get_ref();
        match name {
            "select" => out.select = Some(codes(value, name, err)?),
            "extend-select" => out.extend_select = codes(value, name, err)?,
            "ignore" => out.ignore = codes(value, name, err)?,
            "per-file-ignores" => {
                let t = as_table(value, name, err)?;
                for (glob, list) in sorted(t) {
                    out.per_file_ignores.push((Spanned::new(glob.span(), glob.get_ref().to_string()), codes(list, "per-file-ignores", err)?));
                }
            }
            "severity" => {
                let t = as_table(value, name, err)?;
                for (code, level) in sorted(t) {
                    check_code(code.get_ref(), code.span(), err)?;
                    let level_text = level.get_ref().as_str().ok_or_else(|| err(level.span(), format!("the severity of `{}` must be a string: \"error\", \"warning\" or \"info\"", code.get_ref()), None))?;
                    let severity = Severity::parse(level_text).ok_or_else(|| {
                        let help = did_you_mean(level_text, ["error", "warning", "info"].into_iter()).unwrap_or_else(|| "use \"error\", \"warning\" or \"info\"".to_owned());
                        err(level.span(), format!("unknown severity `{level_text}`"), Some(help))
                    })?;
                    out.severity.push((code.get_ref().to_string(), severity));
                }
            }
            "include" => out.include = Some(strings(value, name, err)?),
            "exclude" => out.exclude = strings(value, name, err)?,
            "task-definitions" => {
                let array = value.get_ref().as_array().ok_or_else(|| err(value.span(), "`task-definitions` must be an array of tables: `[[task-definitions]]`".to_owned(), None))?;
                for entry in array.iter() {
                    out.task_definitions.push(task_definition(entry, err)?);
                }
            }
            _ => {
                let help = did_you_mean(name, KEYS.iter().copied()).unwrap_or_else(|| format!("the keys are {}", KEYS.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")));
                return Err(err(key.span(), format!("unknown configuration key `{name}`"), Some(help)));
            }
        }
    }
    Ok(Some(out))
}

/// A table's entries in the order they are written (error messages then name the first one).
fn sorted<'t, 'i>(table: &'t DeTable<'i>) -> Vec<(&'t Spanned<toml::de::DeString<'i>>, &'t Spanned<DeValue<'i>>)> {
    let mut entries: Vec<_> = table.iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    entries
}

fn task_definition(entry: &Spanned<DeValue<'_>>, err: &dyn Fn(Range<usize>, String, Option<String>) -> ConfigError) -> Result<RawTaskDefinition, ConfigError> {
    let t = entry.get_ref().as_table().ok_or_else(|| err(entry.span(), "each `[[task-definitions]]` entry must be a table with `requests` and `file`".to_owned(), None))?;
    let mut requests = None;
    let mut file = None;
    for (key, value) in sorted(t) {
        match key.get_ref().as_ref() {
            "requests" => requests = Some(strings(value, "requests", err)?),
            "file" => {
                let s = value.get_ref().as_str().ok_or_else(|| err(value.span(), "`file` must be a string: the task definition's path, relative to this file".to_owned(), None))?;
                file = Some(Spanned::new(value.span(), s.to_owned()));
            }
            other => {
                let help = did_you_mean(other, TASK_DEFINITION_KEYS.iter().copied()).unwrap_or_else(|| "an entry has `requests` and `file`".to_owned());
                return Err(err(key.span(), format!("unknown key `{other}` in `[[task-definitions]]`"), Some(help)));
            }
        }
    }
    let missing = |what: &str| err(entry.span(), format!("this `[[task-definitions]]` entry has no `{what}`"), Some("an entry maps `requests = [\"<glob>\", …]` to `file = \"<task definition>\"`".to_owned()));
    Ok(RawTaskDefinition { requests: requests.ok_or_else(|| missing("requests"))?, file: file.ok_or_else(|| missing("file"))? })
}

fn as_table<'t, 'i>(value: &'t Spanned<DeValue<'i>>, key: &str, err: &dyn Fn(Range<usize>, String, Option<String>) -> ConfigError) -> Result<&'t DeTable<'i>, ConfigError> {
    value.get_ref().as_table().ok_or_else(|| err(value.span(), format!("`{key}` must be a table"), None))
}

fn array<'t, 'i>(value: &'t Spanned<DeValue<'i>>, key: &str, err: &dyn Fn(Range<usize>, String, Option<String>) -> ConfigError) -> Result<&'t DeArray<'i>, ConfigError> {
    value.get_ref().as_array().ok_or_else(|| err(value.span(), format!("`{key}` must be an array of strings"), None))
}

fn strings(value: &Spanned<DeValue<'_>>, key: &str, err: &dyn Fn(Range<usize>, String, Option<String>) -> ConfigError) -> Result<Vec<Spanned<String>>, ConfigError> {
    array(value, key, err)?
        .iter()
        .map(|item| match item.get_ref().as_str() {
            Some(s) => Ok(Spanned::new(item.span(), s.to_owned())),
            None => Err(err(item.span(), format!("`{key}` must be an array of strings"), None)),
        })
        .collect()
}

/// An array of rule codes, code prefixes or rule names, each naming at least one rule.
fn codes(value: &Spanned<DeValue<'_>>, key: &str, err: &dyn Fn(Range<usize>, String, Option<String>) -> ConfigError) -> Result<Vec<String>, ConfigError> {
    let list = strings(value, key, err)?;
    for code in &list {
        check_code(code.get_ref(), code.span(), err)?;
    }
    Ok(list.into_iter().map(Spanned::into_inner).collect())
}

fn check_code(code: &str, span: Range<usize>, err: &dyn Fn(Range<usize>, String, Option<String>) -> ConfigError) -> Result<(), ConfigError> {
    if rules().iter().any(|r| r.is_selected_by(code)) {
        return Ok(());
    }
    let help = crate::suggest::rule_hint(code);
    Err(err(span, format!("`{code}` matches no rule code or name"), Some(help)))
}
