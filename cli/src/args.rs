//! Command-line arguments.

use std::io::IsTerminal;

use clap::{Parser, Subcommand, ValueEnum};

/// Checks Amazon ECS RunTask requests (the `aws ecs run-task --cli-input-json` / API shape)
/// offline and reports every problem at once, with its exact position and a fix hint.
#[derive(Parser, Debug)]
#[command(name = "runtask-lint", version, args_conflicts_with_subcommands = true)]
#[command(after_help = "Exit status: 0 no errors, 1 at least one error, 2 usage or I/O failure.\n\
Examples:\n  runtask-lint request.json\n  runtask-lint --task-definition td.json --format concise jobs/*.json\n  \
aws ecs describe-task-definition --task-definition web:3 > td.json\n  runtask-lint --live --region eu-west-1 request.json\n  runtask-lint --explain RT301")]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Request files (JSON, or YAML in the --cli-input-yaml shape); `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<String>,

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

    /// How to read the input; `auto` goes by the file extension (.yaml/.yml) and, for standard
    /// input, by its first character.
    #[arg(long, value_enum, default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,

    /// Apply safe fixes to the files (JSON only), then report what is left.
    #[arg(long)]
    pub fix: bool,

    /// Apply unsafe fixes too (they change what is requested: review the diff).
    #[arg(long)]
    pub unsafe_fixes: bool,

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
