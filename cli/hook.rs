//! The binary pre-commit installs from this repository (`.pre-commit-hooks.yaml`): the same
//! command line as `runtask-lint`.

fn main() -> std::process::ExitCode {
    runtask_lint::main()
}
