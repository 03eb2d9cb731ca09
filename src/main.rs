fn main() {
    std::process::exit(orgraph::cli::main());
}
