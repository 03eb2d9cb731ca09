// mimalloc: importing a million people makes millions of small string
// allocations, where glibc malloc spent more time than the parsing.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(orgraph::cli::main());
}
