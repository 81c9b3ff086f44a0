//! runtask-lint: checks Amazon ECS RunTask request files offline. Files and directories in,
//! diagnostics out, for terminals, pre-commit hooks, CI and editors (`runtask-lint server`).
//!
//! Exit status: 0 no errors, 1 at least one error, 2 usage, configuration or I/O failure (every
//! other file is still checked), 141 when standard output is closed early.

mod args;
mod candidate;
mod config;
mod discover;
mod emit;
mod fix;
mod input;
mod lint;
mod live;
mod output;
mod parallel;
#[cfg(not(target_os = "wasi"))]
mod server;
mod suggest;
mod suppress;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};
use runtask_core::render::FileResult;
use runtask_core::{Diagnostic, Options, Severity};

use args::{Args, Command, ConfigArgs, Format};
use config::{ConfigError, Overrides, Resolver};
use emit::Failure;
use input::Loaded;

/// Runs the command line; the `runtask-lint` binary and the pre-commit hook's binary call it.
pub fn main() -> ExitCode {
    // The npm package runs this program as WebAssembly (WASI), which has no working directory of
    // its own: its launcher passes it.
    #[cfg(target_os = "wasi")]
    if let Some(dir) = std::env::var_os("RUNTASK_LINT_CWD") {
        let _ = std::env::set_current_dir(dir);
    }
    let args = Args::parse();
    match run(args) {
        Ok(code) => code,
        Err(Failure::Usage(message)) => {
            emit::note(&format!("runtask-lint: {message}"));
            ExitCode::from(2)
        }
        Err(Failure::Rendered(text)) => {
            emit::note(text.trim_end());
            ExitCode::from(2)
        }
        Err(Failure::BrokenPipe) => ExitCode::from(emit::BROKEN_PIPE_STATUS),
    }
}

fn run(args: Args) -> Result<ExitCode, Failure> {
    match &args.command {
        Some(Command::Rules { json, markdown }) => return done(emit::stdout(&output::list_rules(*json, *markdown)?)),
        Some(Command::Schema { dialect }) => return done(emit::stdout(&output::schema(*dialect)?)),
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(*shell, &mut Args::command(), "runtask-lint", &mut out);
            return done(emit::stdout(&String::from_utf8_lossy(&out)));
        }
        Some(Command::Config { file, config }) => return show_config(file.as_deref(), config, &args),
        Some(Command::Server { config }) => return server(config),
        None => {}
    }
    if let Some(code) = &args.explain {
        return done(emit::stdout(&output::explain(code)?));
    }
    check(&args)
}

fn done(r: Result<(), Failure>) -> Result<ExitCode, Failure> {
    r.map(|()| ExitCode::SUCCESS)
}

#[cfg(not(target_os = "wasi"))]
fn server(config: &ConfigArgs) -> Result<ExitCode, Failure> {
    let overrides = overrides_from(config, &[], &[], &[], None)?;
    server::run(overrides).map_err(Failure::Usage)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(target_os = "wasi")]
fn server(_: &ConfigArgs) -> Result<ExitCode, Failure> {
    Err(Failure::Usage("the editor server is not in the npm package's build: install runtask-lint with pip or cargo (see the README)".to_owned()))
}

/// The command line's settings over the configuration files, checked.
fn overrides_from(config: &ConfigArgs, select: &[String], extend_select: &[String], ignore: &[String], task_definition: Option<&str>) -> Result<Overrides, Failure> {
    let task_definition = match task_definition {
        Some(path) => Some((path.to_owned(), input::read_text(path).map_err(|e| format!("--task-definition {path}: {e}"))?)),
        None => None,
    };
    let overrides = Overrides {
        select: split(select),
        extend_select: split(extend_select),
        ignore: split(ignore),
        task_definition,
        config: config.config.as_ref().map(PathBuf::from),
        isolated: config.isolated,
    };
    let options = Options {
        task_definition: overrides.task_definition.as_ref().map(|(_, t)| t.clone()),
        select: overrides.select.iter().chain(&overrides.extend_select).cloned().collect(),
        ignore: overrides.ignore.clone(),
        ..Options::default()
    };
    options.validate().map_err(|e| match &overrides.task_definition {
        Some((path, _)) if matches!(e, runtask_core::OptionsError::TaskDefinition(_)) => format!("--task-definition {path}: {e}"),
        _ => e.to_string(),
    })?;
    Ok(overrides)
}

fn config_failure(e: ConfigError, color: bool) -> Failure {
    Failure::Rendered(e.render(color))
}

/// One checked file.
struct Checked {
    name: String,
    loaded: Loaded,
    diagnostics: Vec<Diagnostic>,
    applied: Vec<fix::Applied>,
    /// `--diff`: the diff of the fixes.
    diff: String,
    /// `--fix`: what was written, for standard error.
    note: Option<String>,
}

/// Checks one file (on any thread); with `--fix`, writes the fixed file. `reading` is `None`
/// when the file could not be read (`loaded.error` says why).
fn check_file(args: &Args, target: &discover::Target, mut loaded: Loaded, reading: Option<candidate::Reading>, live: live::Live) -> Result<Checked, String> {
    let Some(reading) = reading else {
        return Ok(Checked { name: target.name.clone(), loaded, diagnostics: Vec::new(), applied: Vec::new(), diff: String::new(), note: None });
    };
    let settings = live.settings(&target.settings);
    let path = target.path.as_deref().and_then(std::path::Path::to_str);
    let mut diagnostics = lint::lint(loaded.contents(path), reading, &settings).map_err(|e| e.to_string())?;
    let mut applied = Vec::new();
    let mut diff = String::new();
    let mut note = None;
    let wants_fix = args.fix || args.unsafe_fixes || args.diff;
    if let (true, Some(text)) = (wants_fix && diagnostics.iter().any(|d| d.fix.is_some()), loaded.text.clone()) {
        let fixed = fix::fix(&text, path, diagnostics.clone(), reading, &settings, args.unsafe_fixes).map_err(|e| e.to_string())?;
        if args.diff {
            diff = fix::unified_diff(&target.name, &text, &fixed.text);
        } else if let (Some(path), false) = (&target.path, fixed.applied.is_empty()) {
            std::fs::write(path, &fixed.text).map_err(|e| format!("{}: writing the fixed file: {}", target.name, input::describe(&e)))?;
            if !args.quiet && !args.show_fixes {
                let n = fixed.applied.len();
                note = Some(format!("{}: applied {n} fix{}", target.name, if n == 1 { "" } else { "es" }));
            }
            loaded.set_text(fixed.text);
            diagnostics = fixed.diagnostics;
            applied = fixed.applied;
        }
    }
    Ok(Checked { name: target.name.clone(), loaded, diagnostics, applied, diff, note })
}

fn check(args: &Args) -> Result<ExitCode, Failure> {
    let stderr_color = args.color.enabled(std::io::IsTerminal::is_terminal(&std::io::stderr()));
    let overrides = overrides_from(&args.config, &args.select, &args.extend_select, &args.ignore, args.task_definition.as_deref())?;
    let mut resolver = Resolver::new(overrides).map_err(|e| config_failure(e, stderr_color))?;
    let mut walk = discover::Walk { resolver: &mut resolver, force_exclude: args.force_exclude, forced: forced(args), stdin_filename: args.stdin_filename.clone() };
    let found = walk.targets(&args.files).map_err(|e| config_failure(e, stderr_color))?;
    let pool = parallel::Pool::new(args.jobs.map(usize::from))?;
    // Every file is read first, so that `--live` looks them all up at once, under one deadline.
    // Files are read (and what they hold detected) on the pool's threads; standard input after
    // them, in the order of the arguments.
    let read = |target: &discover::Target| {
        let loaded = match &target.error {
            Some(e) => Loaded { error: Some(e.clone()), ..Loaded::default() },
            None => input::load(target.path.as_deref().map(|p| p.to_str().unwrap_or_default())),
        };
        let reading = if loaded.error.is_some() { None } else { target.candidate.read_as(&target.name, target.path.is_none(), loaded.head()) };
        (loaded, reading)
    };
    let files = pool.map(found.targets.iter().collect(), |target| (target.path.is_some() || target.error.is_some()).then(|| read(target)));
    // Which targets were checked (a walked file in which no request is detected is not).
    let mut checked = vec![false; found.targets.len()];
    let mut prepared: Vec<(&discover::Target, Loaded, Option<candidate::Reading>)> = Vec::with_capacity(found.targets.len());
    for (i, (target, file)) in found.targets.iter().zip(files).enumerate() {
        let (loaded, reading) = file.unwrap_or_else(|| read(target));
        if loaded.error.is_none() && reading.is_none() {
            continue;
        }
        checked[i] = true;
        prepared.push((target, loaded, reading));
    }
    let requests: Vec<Option<String>> = if args.live { prepared.iter().map(|(_, loaded, reading)| reading.and_then(|r| live::request_json(loaded, r))).collect() } else { vec![None; prepared.len()] };
    let live = live::preflight(args, &requests)?;

    // Each file is checked (and with `--fix` written) on the pool's threads; the results, their
    // notes and the first failure come in the order of the arguments.
    let outcomes = pool.map(prepared.into_iter().zip(live).collect(), |((target, loaded, reading), live)| check_file(args, target, loaded, reading, live));
    let mut results: Vec<Checked> = Vec::with_capacity(outcomes.len());
    let mut failure = None;
    for outcome in outcomes {
        match outcome {
            Ok(c) => {
                if let Some(note) = &c.note {
                    emit::note(note);
                }
                results.push(c);
            }
            Err(e) => {
                failure.get_or_insert(e);
            }
        }
    }
    if let Some(e) = failure {
        return Err(Failure::Usage(e));
    }
    // A file that could not be read.
    let io_failure = results.iter().any(|c| c.loaded.error.is_some());

    if !args.quiet {
        for dir in found.empty_dirs(&checked) {
            let dir = if dir == "." && args.files.is_empty() { "the current directory".to_owned() } else { dir.to_owned() };
            emit::note(&format!(
                "runtask-lint: warning: no request files under {dir} (a walk checks the files named like {}, the state machines, templates and scripts with a request, or what `include` in runtask.toml names)",
                config::DEFAULT_INCLUDE.join(", ")
            ));
        }
    }

    let files: Vec<FileResult<'_>> = results
        .iter()
        .map(|c| FileResult { path: &c.name, source: c.loaded.text.as_deref(), diagnostics: &c.diagnostics, error: c.loaded.error.as_deref() })
        .collect();
    let to_terminal = args.output_file.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout());
    let color = args.color.enabled(to_terminal);

    if args.diff {
        let text: String = results.iter().map(|c| c.diff.as_str()).collect();
        emit::report(args.output_file.as_deref(), &text)?;
        let files_changed = results.iter().filter(|c| !c.diff.is_empty()).count();
        if !args.quiet {
            emit::note(&format!("Would fix {files_changed} file{}", if files_changed == 1 { "" } else { "s" }));
        }
        return Ok(ExitCode::from(if io_failure { 2 } else { u8::from(files_changed > 0) }));
    }

    let mut text = if args.statistics { output::statistics(args.format, &files) } else { output::render(args.format, &files, color, args.quiet, &pool) };
    if args.show_fixes && matches!(args.format, Format::Full | Format::Concise | Format::Github) {
        if args.fix || args.unsafe_fixes {
            let applied: Vec<(&str, &[fix::Applied])> = results.iter().filter(|c| !c.applied.is_empty()).map(|c| (c.name.as_str(), c.applied.as_slice())).collect();
            text.push_str(&output::applied_fixes(&applied));
        } else {
            text.push_str(&output::available_fixes(&files));
        }
    }
    emit::report(args.output_file.as_deref(), &text)?;

    let errors = results.iter().any(|c| c.diagnostics.iter().any(|d| d.severity == Severity::Error));
    Ok(ExitCode::from(if io_failure {
        2
    } else if errors && !args.exit_zero {
        1
    } else {
        0
    }))
}

/// `runtask-lint config [PATH]`: the configuration that applies and the settings it gives, as TOML.
fn show_config(file: Option<&str>, config_args: &ConfigArgs, args: &Args) -> Result<ExitCode, Failure> {
    let color = args.color.enabled(std::io::IsTerminal::is_terminal(&std::io::stderr()));
    let overrides = overrides_from(config_args, &[], &[], &[], None)?;
    let mut resolver = Resolver::new(overrides).map_err(|e| config_failure(e, color))?;
    let path = PathBuf::from(file.unwrap_or("."));
    let (config, settings) = resolver.settings_for(&path).map_err(|e| config_failure(e, color))?;
    let abs = resolver.absolute(&path);
    let cwd = resolver.cwd().to_path_buf();
    let shown = |p: &std::path::Path| config::display_path(p, &cwd);
    let walked = !abs.is_dir() && candidate::select(&abs, candidate::Origin::Found, &config, false, forced(args)).is_some();

    let mut t = toml::Table::new();
    let strings = |v: &[String]| toml::Value::Array(v.iter().map(|s| toml::Value::String(s.clone())).collect());
    t.insert("file".into(), toml::Value::String(file.unwrap_or(".").to_owned()));
    t.insert("configuration".into(), toml::Value::String(config.file.as_deref().map_or_else(|| "(none: defaults)".to_owned(), shown)));
    let root = shown(&config.root);
    t.insert("root".into(), toml::Value::String(if root.is_empty() { ".".to_owned() } else { root }));
    if !abs.is_dir() {
        t.insert("checked-when-walked".into(), toml::Value::Boolean(walked));
    }
    t.insert("select".into(), strings(&settings.options.select));
    t.insert("ignore".into(), strings(&settings.options.ignore));
    let mut sev = toml::Table::new();
    for (code, s) in &settings.severity {
        sev.insert(code.clone(), toml::Value::String(s.as_str().to_owned()));
    }
    t.insert("severity".into(), toml::Value::Table(sev));
    let include: Vec<String> = config.include.as_ref().map_or_else(|| config::DEFAULT_INCLUDE.iter().map(|s| (*s).to_owned()).collect(), |l| l.iter().map(|p| p.text.clone()).collect());
    t.insert("include".into(), strings(&include));
    if config.include.is_none() {
        // Read too, and checked when a request is detected in them.
        let detected: Vec<String> = config::DEFAULT_DIALECT_INCLUDE.iter().map(|s| (*s).to_owned()).collect();
        t.insert("include-when-detected".into(), strings(&detected));
    }
    let exclude: Vec<String> = config::DEFAULT_EXCLUDE.iter().map(|s| (*s).to_owned()).chain(config.exclude.iter().map(|p| p.text.clone())).collect();
    t.insert("exclude".into(), strings(&exclude));
    if let Some(td) = &settings.task_definition_file {
        t.insert("task-definition".into(), toml::Value::String(shown(std::path::Path::new(td))));
    }
    let text = toml::to_string(&t).map_err(|e| e.to_string())?;
    done(emit::stdout(&format!("# the effective configuration of runtask-lint for {}\n{text}", file.unwrap_or("the current directory"))))
}

/// How the command line says files are read.
fn forced(args: &Args) -> candidate::Forced {
    candidate::Forced { format: args.input_format, dialect: args.dialect.forced(), detected_only: args.detected_only }
}

/// `--select RT1,RT2 --select RT3` → [RT1, RT2, RT3].
fn split(values: &[String]) -> Vec<String> {
    values.iter().flat_map(|v| v.split(',')).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}
