//! The `selaras` command: parse arguments, run, map the outcome to an exit
//! status (0 = nothing at or above `--fail-on`, 1 = findings, 2 = error).

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
