use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = tovana::cli::Cli::parse();
    match tovana::cli::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("tovana: {e}");
            ExitCode::FAILURE
        }
    }
}
