//! The `selaras` command: parse arguments, run, map the outcome to an exit
//! status (0 = nothing at or above `--fail-on`, 1 = findings, 2 = error).

mod cli;

/// mimalloc instead of the system allocator: building the automaton of a
/// large glossary makes millions of small allocations, and glibc's malloc
/// spent about a third of the load time on them (measured at 100k terms).
/// Built without transparent huge pages (see ARCHITECTURE.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}
