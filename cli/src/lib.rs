//! runtask-lint: checks Amazon ECS RunTask request files offline. Files in, diagnostics out,
//! for pre-commit hooks and CI.
//!
//! Exit status: 0 no errors, 1 at least one error, 2 usage or I/O failure (every other file is
//! still checked).

mod args;
mod input;
mod live;
mod output;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use runtask_core::render::FileResult;
use runtask_core::{Options, Report, Severity};

use args::{Args, Command};
use input::Loaded;

/// Runs the command line; the `runtask-lint` binary and the pre-commit hook's binary call it.
pub fn main() -> ExitCode {
    let args = Args::parse();
    match run(args) {
        Ok(code) => code,
        Err(message) => {
            let _ = writeln!(std::io::stderr(), "runtask-lint: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Args) -> Result<ExitCode, String> {
    match &args.command {
        Some(Command::Rules { json, markdown }) => return output::list_rules(*json, *markdown),
        Some(Command::Schema) => return output::schema(),
        None => {}
    }
    if let Some(code) = &args.explain {
        return output::explain(code);
    }
    if args.files.is_empty() {
        return Err("no input: give one or more files, or `-` for standard input (see --help)".to_owned());
    }
    let task_definition = match &args.task_definition {
        Some(path) => Some(input::read_text(path).map_err(|e| format!("--task-definition {path}: {e}"))?),
        None => None,
    };
    let options = Options { task_definition, select: split(&args.select), ignore: split(&args.ignore), ..Options::default() };
    options.validate().map_err(|e| e.to_string())?;

    let mut results: Vec<(Loaded, Report)> = Vec::new();
    let mut io_failure = false;
    let loaded: Vec<Loaded> = args.files.iter().map(|path| input::load(path, args.input_format)).collect();
    let live = live::preflight(&args, &loaded)?;
    for (mut loaded, live) in loaded.into_iter().zip(live) {
        let options = live.options(&options);
        if loaded.error.is_some() {
            io_failure = true;
        }
        let mut report = input::check(&loaded, &options).map_err(|e| e.to_string())?;
        if args.fix || args.unsafe_fixes {
            report = output::apply_fixes(&mut loaded, report, &options, args.unsafe_fixes)?;
        }
        results.push((loaded, report));
    }

    let files: Vec<FileResult<'_>> = results
        .iter()
        .map(|(l, r)| FileResult { path: &l.name, source: l.text.as_deref(), diagnostics: &r.diagnostics, error: l.error.as_deref() })
        .collect();
    let color = args.color.enabled();
    let text = output::render(args.format, &files, color);
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes()).map_err(|e| format!("writing the output: {e}"))?;
    stdout.flush().map_err(|e| format!("writing the output: {e}"))?;

    let errors = results.iter().any(|(_, r)| r.diagnostics.iter().any(|d| d.severity == Severity::Error));
    Ok(ExitCode::from(if io_failure {
        2
    } else if errors {
        1
    } else {
        0
    }))
}

/// `--select RT1,RT2 --select RT3` → [RT1, RT2, RT3].
fn split(values: &[String]) -> Vec<String> {
    values.iter().flat_map(|v| v.split(',')).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}
