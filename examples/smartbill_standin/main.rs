//! A local stand-in for SmartBill's signup endpoint, for development and
//! tests, entirely on 127.0.0.1.
//!
//! ```text
//! cargo run --example smartbill_standin -- [--port N] [--callback-url URL]
//!     [--record FILE] [--max-requests N] [--idle-exit SECONDS]
//! ```
//!
//! It serves `POST /xMain/mb/shar_transfer/info_inpt01.aspx`, decodes the
//! form in the charset it was sent in, answers with a page showing what it
//! received (as SmartBill pre-fills its signup page), records every request
//! (`GET /__requests` returns them as JSON; `--record` appends them to a
//! file as JSON lines), and with `--callback-url` then POSTs a callback in
//! the current schema there, as SmartBill does after a signup. It prints
//! `listening on http://127.0.0.1:PORT` first, and stops by itself after
//! `--max-requests` requests (default 1000) or `--idle-exit` idle seconds
//! (default 600).

mod callback;
mod form_body;
mod page;
mod server;
#[path = "../support/tiny_http.rs"]
mod tiny_http;

use std::time::Duration;

pub struct Config {
    pub port: u16,
    pub callback_url: Option<String>,
    pub record: Option<String>,
    pub max_requests: usize,
    pub idle_exit: Duration,
}

fn parse_args() -> Result<Config, String> {
    let mut config = Config {
        port: 0,
        callback_url: None,
        record: None,
        max_requests: 1000,
        idle_exit: Duration::from_secs(600),
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--port" => config.port = value()?.parse().map_err(|_| "--port needs a number")?,
            "--callback-url" => config.callback_url = Some(value()?),
            "--record" => config.record = Some(value()?),
            "--max-requests" => {
                config.max_requests = value()?
                    .parse()
                    .map_err(|_| "--max-requests needs a number")?
            }
            "--idle-exit" => {
                config.idle_exit =
                    Duration::from_secs(value()?.parse().map_err(|_| "--idle-exit needs seconds")?)
            }
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(config)
}

fn main() {
    let config = match parse_args() {
        Ok(config) => config,
        Err(problem) => {
            if !problem.is_empty() {
                eprintln!("{problem}");
            }
            eprintln!("usage: smartbill_standin [--port N] [--callback-url URL] [--record FILE] [--max-requests N] [--idle-exit SECONDS]");
            std::process::exit(2);
        }
    };
    if let Err(e) = server::run(&config) {
        eprintln!("smartbill_standin: {e}");
        std::process::exit(1);
    }
}
