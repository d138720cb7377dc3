//! `smartbill-signup`: the command-line tool for the people who set SmartBill
//! up (support engineers at a firewall, with a vendor master file, on Windows
//! or Linux). Every rule comes from `smartbill-signup-core`; this crate only
//! reads arguments and files and writes results.
//!
//! Exit codes (documented in `--help` and the README):
//! 0 all good; 1 the command ran and found problems; 2 a usage or input
//! error, said in one line on stderr; 3 a bug in this tool (said in one
//! line, never a panic message or a backtrace).

mod brn_check;
mod brn_one;
mod callback;
mod cli;
mod exit;
mod lang;
mod page;
mod probe;
mod proxy;
mod receive;
mod seconds;
mod serve_once;
mod standin;
mod term;

use clap::Parser;
use exit::{Failure, Verdict};

fn main() {
    // Panics are bugs: say so in one line and leave the rest to the exit code.
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown".to_string());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        term::error_line(
            &smartbill_signup_core::Message::CliInternalError {
                cause: message,
                place,
            }
            .to_string(),
        );
    }));
    let code = match std::panic::catch_unwind(run) {
        Ok(code) => code,
        Err(_) => exit::INTERNAL,
    };
    std::process::exit(code);
}

fn run() -> i32 {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    lang::apply(lang::choose(&args));
    let cli = match cli::Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(error) => return exit::clap_error(error),
    };
    let result = match cli.command {
        cli::Command::Probe(args) => probe::run(args),
        cli::Command::Brn(cli::BrnCommand::Check(args)) => brn_check::run(args),
        cli::Command::Brn(cli::BrnCommand::Kind(args)) => brn_one::kind(args),
        cli::Command::Brn(cli::BrnCommand::Format(args)) => brn_one::format(args),
        cli::Command::Page(args) => page::run(args),
        cli::Command::Callback(cli::CallbackCommand::Send(args)) => callback::send(args),
        cli::Command::Callback(cli::CallbackCommand::Parse(args)) => callback::parse(args),
        cli::Command::Callback(cli::CallbackCommand::CheckSource(args)) => {
            callback::check_source(args)
        }
        cli::Command::Standin(args) => standin::run(args),
        cli::Command::Receive(args) => receive::run(args),
    };
    match result {
        Ok(Verdict::Clean) => exit::CLEAN,
        Ok(Verdict::Problems) => exit::PROBLEMS,
        Err(Failure::Input(message)) => {
            term::error_line(&message);
            exit::INPUT
        }
        // The reader went away (`| head`): it asked for no more.
        Err(Failure::ClosedPipe) => exit::CLEAN,
    }
}
