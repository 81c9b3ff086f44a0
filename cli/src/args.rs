//! Command-line arguments.

use std::io::IsTerminal;

use clap::{Parser, Subcommand, ValueEnum};

/// Checks Amazon ECS RunTask requests (the `aws ecs run-task --cli-input-json` / API shape)
/// offline and reports every problem at once, with its exact position and a fix hint.
#[derive(Parser, Debug)]
#[command(name = "runtask-lint", version, args_conflicts_with_subcommands = true)]
#[command(after_help = "Exit status: 0 no errors, 1 at least one error, 2 usage or I/O failure.\n\
Examples:\n  runtask-lint request.json\n  runtask-lint statemachine.asl.json template.yaml deploy.sh\n  runtask-lint --task-definition td.json --format concise jobs/*.json\n  \
aws ecs describe-task-definition --task-definition web:3 > td.json\n  runtask-lint --explain RT301")]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Files to check: RunTask requests (JSON, or YAML in the --cli-input-yaml shape), Step
    /// Functions state machines, CloudFormation/SAM/CDK templates, EventBridge Scheduler input,
    /// shell scripts, Makefiles, Dockerfiles, GitHub Actions workflows; `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<String>,

    /// What the files are written in; `auto` detects it from the name and content, and checks a
    /// file it recognises as none of them as a request.
    #[arg(long, value_enum, default_value_t = DialectChoice::Auto)]
    pub dialect: DialectChoice,

    /// Skip, silently, files in which no RunTask request is detected (for hooks that see every
    /// YAML file and script of a repository).
    #[arg(long)]
    pub detected_only: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Full)]
    pub format: Format,

    /// A task definition (DescribeTaskDefinition output, RegisterTaskDefinition input or a bare
    /// task definition) to turn on the rules that need it.
    #[arg(long, value_name = "FILE")]
    pub task_definition: Option<String>,

    /// Run only rules whose code starts with one of these (comma-separated; rule names work too).
    #[arg(long, value_name = "CODES")]
    pub select: Vec<String>,

    /// Skip rules whose code starts with one of these (comma-separated; rule names work too).
    #[arg(long, value_name = "CODES")]
    pub ignore: Vec<String>,

    /// Print a rule's documentation and exit.
    #[arg(long, value_name = "CODE")]
    pub explain: Option<String>,

    /// How to read a request file; `auto` goes by the file extension (.yaml/.yml) and, for
    /// standard input, by its first character.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,

    /// Apply safe fixes to the files, then report what is left (fixes are offered where the edit
    /// maps back to the file as written).
    #[arg(long)]
    pub fix: bool,

    /// Apply unsafe fixes too (they change what is requested: review the diff).
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Colour in the `full` format.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// List every rule: code, severity, name, summary.
    Rules {
        /// As a JSON array with each rule's metadata and documentation.
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
        /// As the Markdown reference (docs/rules.md is this output).
        #[arg(long)]
        markdown: bool,
    },
    /// Print the JSON Schema (draft 2020-12) of the RunTask request.
    Schema,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style excerpts with a caret under each problem.
    Full,
    /// One line per problem: file:line:col: severity[CODE] message.
    Concise,
    /// One JSON array, one object per file: {"file", "diagnostics": [...]}.
    Json,
    /// GitHub Actions workflow annotations.
    Github,
    /// SARIF 2.1.0 (code scanning).
    Sarif,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum DialectChoice {
    Auto,
    /// The RunTask request itself (the `--cli-input-json`/`--cli-input-yaml` shape).
    Request,
    /// An Amazon States Language state machine (JSON or YAML).
    StateMachine,
    /// A CloudFormation, SAM or CDK template (JSON or YAML).
    Cloudformation,
    /// `aws scheduler create-schedule --cli-input-json` input.
    Scheduler,
    Shell,
    Makefile,
    Dockerfile,
    /// A GitHub Actions workflow (`run:` steps).
    GithubActions,
}

impl DialectChoice {
    /// The dialect forced, or None for `auto`.
    pub fn forced(self) -> Option<runtask_core::dialect::Dialect> {
        use runtask_core::dialect::Dialect;
        Some(match self {
            DialectChoice::Auto => return None,
            DialectChoice::Request => Dialect::Request,
            DialectChoice::StateMachine => Dialect::StateMachine,
            DialectChoice::Cloudformation => Dialect::Cloudformation,
            DialectChoice::Scheduler => Dialect::Scheduler,
            DialectChoice::Shell => Dialect::Shell,
            DialectChoice::Makefile => Dialect::Makefile,
            DialectChoice::Dockerfile => Dialect::Dockerfile,
            DialectChoice::GithubActions => Dialect::GithubActions,
        })
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Auto,
    Json,
    Yaml,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    pub fn enabled(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var("TERM").map_or(true, |t| t != "dumb")
            }
        }
    }
}
