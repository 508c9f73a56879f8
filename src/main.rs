//! `huddle`: the kiosk and its command line. Everything lives in the library; this only runs it.

fn main() -> std::process::ExitCode {
    huddle::cli::main()
}
