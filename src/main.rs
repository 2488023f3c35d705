use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(tovana::cli::main(tovana::cli::Cli::parse()))
}
