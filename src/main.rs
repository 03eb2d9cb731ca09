//! The `orgraph` command line: a thin client of the `orgraph` core library.

mod cli;

// mimalloc: importing a million people makes millions of small string
// allocations, where glibc malloc spent more time than the parsing.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::main());
}
