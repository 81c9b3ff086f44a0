//! Command-line arguments.

use clap::{Args as ClapArgs, Parser, Subcommand, ValueEnum};
use runtask_core::dialect::Dialect;

/// Checks Amazon ECS RunTask requests (the `aws ecs run-task --cli-input-json` / API shape)
/// offline and reports every problem at once, with its exact position and a fix hint.
#[derive(Parser, Debug)]
#[command(name = "runtask-lint", version, args_conflicts_with_subcommands = true)]
#[command(after_help = "Exit status: 0 no errors, 1 at least one error, 2 usage, configuration or I/O failure.\n\
Examples:\n  runtask-lint                      check the request files under the current directory\n  \
runtask-lint deploy/ request.json\n  runtask-lint statemachine.asl.json template.yaml deploy.sh\n  runtask-lint --task-definition td.json --format concise jobs/*.json\n  \
aws ecs describe-task-definition --task-definition web:3 > td.json\n  runtask-lint --live --region eu-west-1 request.json\n  runtask-lint --explain RT301\n\
(--help shows the configuration keys)")]
#[command(after_long_help = long_help())]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Files and directories to check: RunTask requests (JSON, or YAML in the --cli-input-yaml
    /// shape), Step Functions state machines, CloudFormation/SAM/CDK templates, EventBridge
    /// Scheduler input, shell scripts, Makefiles, Dockerfiles, GitHub Actions workflows. A
    /// directory is walked (honouring .gitignore) for the files that hold requests; `-` reads
    /// standard input. Default: the current directory.
    #[arg(value_name = "PATH")]
    pub files: Vec<String>,

    /// What the files are written in; `auto` detects it from the name and content, and checks a
    /// file named on the command line that it recognises as none of them as a request.
    #[arg(long, value_enum, default_value_t = DialectChoice::AUTO)]
    pub dialect: DialectChoice,

    /// Skip, silently, files in which no RunTask request is detected (for hooks that see every
    /// YAML file and script of a repository).
    #[arg(long)]
    pub detected_only: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Full)]
    pub format: Format,

    /// A task definition (DescribeTaskDefinition output, RegisterTaskDefinition input or a bare
    /// task definition) to turn on the rules that need it, for every file (over the
    /// configuration's `[[task-definitions]]`).
    #[arg(long, value_name = "FILE")]
    pub task_definition: Option<String>,

    /// Run only rules whose code starts with one of these (comma-separated; rule names work
    /// too). Replaces the configuration's `select`.
    #[arg(long, value_name = "CODES")]
    pub select: Vec<String>,

    /// Add to the selected rules (comma-separated).
    #[arg(long, value_name = "CODES")]
    pub extend_select: Vec<String>,

    /// Skip rules whose code starts with one of these (comma-separated; rule names work too).
    /// Adds to the configuration's `ignore`.
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

    /// Print the fixes as a unified diff instead of applying them (exit 1 when there is one).
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,

    /// List the fixes: those available, or with --fix those applied.
    #[arg(long)]
    pub show_fixes: bool,

    /// Print counts per rule instead of the findings.
    #[arg(long)]
    pub statistics: bool,

    /// Print the findings and nothing else (no summary, no notes).
    #[arg(short, long)]
    pub quiet: bool,

    /// Exit 0 even when errors are found (2 still means a usage or I/O failure).
    #[arg(long)]
    pub exit_zero: bool,

    /// Write the report to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output_file: Option<String>,

    /// Also check against the AWS account, read-only: cluster, task definition (fetched, so the
    /// task-definition rules run with it), subnets, security groups and their VPC and routes,
    /// capacity providers, roles, ECR images, log groups, secrets (existence only). Credentials,
    /// Region and endpoints (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>) come from the standard
    /// AWS chain. Checks that cannot be made are warnings (RT850), never errors.
    #[arg(long)]
    pub live: bool,

    /// AWS Region for --live (default: AWS_REGION, then the profile's).
    #[arg(long, value_name = "REGION", requires = "live")]
    pub region: Option<String>,

    /// AWS profile for --live (default: AWS_PROFILE, then `default`).
    #[arg(long, value_name = "PROFILE", requires = "live")]
    pub profile: Option<String>,

    /// Seconds the whole --live pre-flight of a file may take; lookups still running then are
    /// reported as not made.
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0, requires = "live")]
    pub live_timeout: f64,

    /// How many files to read and check at a time (default: `RAYON_NUM_THREADS`, else the number
    /// of CPU cores). The output is the same whatever the number: in the order of the arguments.
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// Colour in the `full` format. `auto`: on a terminal, unless NO_COLOR is set; FORCE_COLOR
    /// turns it on anywhere.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Apply the configuration's `exclude` to files named on the command line too (as a
    /// pre-commit hook wants).
    #[arg(long)]
    pub force_exclude: bool,

    /// The file name standard input stands for: its configuration and format.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<String>,

    #[command(flatten)]
    pub config: ConfigArgs,
}

/// Which configuration file applies.
#[derive(ClapArgs, Debug, Clone, Default)]
pub struct ConfigArgs {
    /// Use this configuration file (runtask.toml, or a pyproject.toml with [tool.runtask]) for
    /// every file, instead of the nearest one above each file.
    #[arg(long, value_name = "FILE", global = false)]
    pub config: Option<String>,

    /// Ignore every configuration file.
    #[arg(long, conflicts_with = "config")]
    pub isolated: bool,
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
    /// Print the JSON Schema (draft 2020-12) of the RunTask request, or with `--dialect
    /// state-machine` the schema of a Step Functions state machine whose ECS RunTask Task states'
    /// `Parameters` it checks (for editors).
    Schema {
        #[arg(long, value_enum, default_value_t = SchemaDialect::Request)]
        dialect: SchemaDialect,
    },
    /// Print the effective configuration for a file: which configuration applies, whether a
    /// directory walk checks the file, and the settings it is checked with.
    Config {
        /// The file (default: the current directory's settings).
        #[arg(value_name = "PATH")]
        file: Option<String>,
        #[command(flatten)]
        config: ConfigArgs,
    },
    /// Print a shell completion script: `runtask-lint completions bash > /etc/bash_completion.d/runtask-lint`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Run the editor server (Language Server Protocol over standard input and output).
    Server {
        #[command(flatten)]
        config: ConfigArgs,
    },
}

fn long_help() -> String {
    format!(
        "Exit status: 0 no errors, 1 at least one error, 2 usage, configuration or I/O failure.\n\n{}\n\n\
Subcommands: rules, schema, config [PATH], completions bash|zsh|fish|elvish|powershell, server.",
        crate::config::HELP
    )
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

/// What `runtask-lint schema` describes.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum SchemaDialect {
    /// The RunTask request.
    Request,
    /// A Step Functions state machine: the `Parameters` of its `ecs:runTask` Task states.
    StateMachine,
}

/// `--dialect`: `auto` (None), or one of runtask-core's dialects, named and ordered as core's
/// [`Dialect::ALL`] says.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct DialectChoice(Option<Dialect>);

impl DialectChoice {
    pub const AUTO: DialectChoice = DialectChoice(None);
    const ALL: [DialectChoice; Dialect::ALL.len() + 1] = {
        let mut all = [DialectChoice(None); Dialect::ALL.len() + 1];
        let mut i = 0;
        while i < Dialect::ALL.len() {
            all[i + 1] = DialectChoice(Some(Dialect::ALL[i]));
            i += 1;
        }
        all
    };

    /// The dialect forced, or None for `auto`.
    pub fn forced(self) -> Option<Dialect> {
        self.0
    }
}

impl ValueEnum for DialectChoice {
    fn value_variants<'a>() -> &'a [Self] {
        &Self::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let Some(dialect) = self.0 else { return Some(clap::builder::PossibleValue::new("auto")) };
        let value = clap::builder::PossibleValue::new(dialect.name());
        // What `--help` says of each (the names are core's).
        let help = match dialect {
            Dialect::Request => Some("The RunTask request itself (the `--cli-input-json`/`--cli-input-yaml` shape)"),
            Dialect::StateMachine => Some("An Amazon States Language state machine (JSON or YAML)"),
            Dialect::Cloudformation => Some("A CloudFormation, SAM or CDK template (JSON or YAML)"),
            Dialect::Scheduler => Some("`aws scheduler create-schedule --cli-input-json` input"),
            Dialect::GithubActions => Some("A GitHub Actions workflow (`run:` steps)"),
            Dialect::Shell | Dialect::Makefile | Dialect::Dockerfile => None,
        };
        Some(match help {
            Some(help) => value.help(help),
            None => value,
        })
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum InputFormat {
    #[default]
    Auto,
    Json,
    Yaml,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set; anywhere when FORCE_COLOR is set.
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour output written to standard output (`to_terminal`: it is a terminal).
    pub fn enabled(self, to_terminal: bool) -> bool {
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            // NO_COLOR (no-color.org) wins over FORCE_COLOR (force-color.org); FORCE_COLOR=0 or
            // false does not force.
            ColorChoice::Auto if set("NO_COLOR") => false,
            ColorChoice::Auto if set("FORCE_COLOR") => !matches!(std::env::var("FORCE_COLOR").as_deref(), Ok("0" | "false")),
            ColorChoice::Auto => to_terminal && std::env::var("TERM").map_or(true, |t| t != "dumb"),
        }
    }
}
