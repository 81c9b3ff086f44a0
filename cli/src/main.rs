fn main() -> std::process::ExitCode {
    runtask_lint::main()
}
