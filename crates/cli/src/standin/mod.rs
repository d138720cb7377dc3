//! `standin`: a local stand-in for SmartBill's signup endpoint, for
//! development and tests, entirely on 127.0.0.1.
//!
//! It serves `POST /xMain/mb/shar_transfer/info_inpt01.aspx`, decodes the
//! form in the charset it was sent in, answers with a page showing what it
//! received (as SmartBill pre-fills its signup page), records every request
//! (`GET /__requests` returns them as JSON; `--record` appends them to a
//! file as JSON Lines), and with `--callback-url` then POSTs a callback in
//! the current schema there, as SmartBill does after a signup. Its first
//! line on stdout is `listening on http://127.0.0.1:PORT`; it stops by
//! itself after `--max-requests` signup requests or `--idle-exit` idle
//! seconds.

mod callback;
mod form_body;
mod page;
mod server;
#[path = "../../../../examples/support/tiny_http.rs"]
mod tiny_http;

use crate::cli::StandinArgs;
use crate::exit::{Failure, Outcome, Verdict};
use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

pub struct Config {
    pub port: u16,
    pub callback_url: Option<String>,
    pub record: Option<PathBuf>,
    pub max_requests: usize,
    pub idle_exit: Duration,
}

pub fn run(args: StandinArgs) -> Outcome {
    if let Some(url) = &args.callback_url {
        let parsed = url::Url::parse(url)
            .map_err(|e| Failure::input(format!("--callback-url {url:?}: {e}")))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(Failure::input(format!(
                "--callback-url {url:?}: not an http(s) URL"
            )));
        }
    }
    let config = Config {
        port: args.port,
        callback_url: args.callback_url,
        record: args.record,
        max_requests: args.max_requests,
        idle_exit: args.idle_exit,
    };
    let server = server::Server::bind(&config)
        .map_err(|e| Failure::input(format!("cannot listen on 127.0.0.1:{}: {e}", config.port)))?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "listening on http://{}", server.address())?;
    out.flush()?;
    drop(out);
    server.run(&config);
    Ok(Verdict::Clean)
}
