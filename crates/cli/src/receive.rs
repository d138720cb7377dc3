//! `receive`: runs the embedded receiver (the library's own endpoint rules
//! and durable store) and prints each stored callback, the secrets
//! redacted. The ERP drains the store, so records are only acknowledged
//! with `--ack`; without it each version is printed once per run.

use crate::callback::{fields_json, write_fields};
use crate::cli::ReceiveArgs;
use crate::exit::{Failure, Outcome, Verdict};
use crate::term;
use smartbill_signup_core::environment::Environment;
use smartbill_signup_core::{Message, Status};
use smartbill_signup_receiver::{rfc3339_utc, Receiver, ReceiverOptions, Record, RecordId};
use std::collections::HashSet;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long each wait for a record lasts, so Ctrl-C and `--idle-exit` are
/// noticed promptly.
const POLL: Duration = Duration::from_millis(250);
/// How long a record printed without `--ack` stays reserved for this run.
const PEEK_LEASE_SECONDS: u32 = 5;
/// How long in-flight requests get to finish when the command stops.
const STOP_GRACE: Duration = Duration::from_secs(10);

pub fn run(args: ReceiveArgs) -> Outcome {
    let options = options(&args)?;
    let mut receiver = Receiver::start(options).map_err(|e| match e.status() {
        // Options the receiver refuses are the command line's fault.
        Status::InvalidArgument => Failure::input(format!(
            "--{}: {}",
            e.field().unwrap_or("option").replace('_', "-"),
            e.message()
        )),
        _ => Failure::input(
            Message::CliCannotStart {
                status: e.status().name(),
                cause: e.message(),
            }
            .to_string(),
        ),
    })?;
    let interrupted = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&interrupted);
    // Without a handler Ctrl-C would drop in-flight requests; stored ones are
    // safe either way (a 200 is only answered after the commit).
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));

    let mut out = term::stdout();
    announce(&mut out, &receiver, &args)?;
    let result = drain(&mut out, &receiver, &args, &interrupted);
    let stopped = receiver.stop(STOP_GRACE);
    let printed = result?;
    if let Err(e) = stopped {
        let stopping = Message::CliStopping {
            status: e.status().name(),
            cause: e.message(),
        };
        term::note(&stopping.to_string());
    }
    term::note(&Message::CliReceiverStopped { printed }.to_string());
    Ok(Verdict::Clean)
}

fn options(args: &ReceiveArgs) -> Result<ReceiverOptions, Failure> {
    let mut options = ReceiverOptions::default();
    let mut set = |name: &str, value: &str| {
        options
            .set(name, value)
            .map_err(|e| Failure::input(format!("--{}: {}", name.replace('_', "-"), e.message())))
    };
    set("store", &args.store.to_string_lossy())?;
    let (host, port) = split_listen(&args.listen)?;
    set("host", host)?;
    set("port", port)?;
    set("environment", &args.env)?;
    set("path", &args.path)?;
    set("max_bytes", &args.max_bytes.to_string())?;
    if !args.extra_ips.is_empty() {
        set("extra_ips", &args.extra_ips.join(","))?;
    }
    if !args.trusted_proxies.is_empty() {
        set("trusted_proxies", &args.trusted_proxies.join(","))?;
    }
    if let Some(cert) = &args.tls_cert {
        set("tls_cert", &cert.to_string_lossy())?;
    }
    if let Some(key) = &args.tls_key {
        set("tls_key", &key.to_string_lossy())?;
    }
    if !args.ack {
        // A record printed but left for the ERP is held only briefly, so the
        // ERP's own drain gets it soon after; this run prints it once anyway.
        set("lease_seconds", &PEEK_LEASE_SECONDS.to_string())?;
    }
    if let Some(log) = &args.log_file {
        set("log_file", &log.to_string_lossy())?;
    }
    // Each request's outcome on stderr, for the engineer at the firewall:
    // events never hold a secret.
    Ok(options.on_event(|event| term::note(&event.to_string())))
}

/// `HOST:PORT`, `[v6]:PORT`: the two settings the receiver requires.
fn split_listen(listen: &str) -> Result<(&str, &str), Failure> {
    let bad = || {
        Failure::input(
            Message::CliListenAddress {
                listen: format!("{listen:?}"),
            }
            .to_string(),
        )
    };
    let (host, port) = listen.rsplit_once(':').ok_or_else(bad)?;
    let host = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    if host.is_empty() || port.is_empty() {
        return Err(bad());
    }
    Ok((host, port))
}

fn announce(out: &mut impl Write, receiver: &Receiver, args: &ReceiveArgs) -> Result<(), Failure> {
    if args.json {
        let json = serde_json::json!({"listening": receiver.url(), "store": args.store});
        writeln!(out, "{json}")?;
    } else {
        writeln!(out, "listening on {}", receiver.url())?;
    }
    out.flush()?;
    // A custom environment has no fixed source address; SmartBill's have one.
    if let Ok(environment) = Environment::parse(&args.env) {
        if let Some(source) = environment.callback_source() {
            let register = Message::CliRegisterUrl {
                port: receiver.port(),
                source: source.to_string(),
            };
            term::note(&register.to_string());
        }
    }
    Ok(())
}

/// Prints records until `--max-records`, `--idle-exit` or Ctrl-C; returns
/// how many were printed.
fn drain(
    out: &mut impl Write,
    receiver: &Receiver,
    args: &ReceiveArgs,
    interrupted: &AtomicBool,
) -> Result<usize, Failure> {
    let mut printed = 0usize;
    let mut seen: HashSet<RecordId> = HashSet::new();
    let mut last_activity = Instant::now();
    while !interrupted.load(Ordering::SeqCst)
        && !matches!(args.max_records, Some(max) if printed >= max)
        && !matches!(args.idle_exit, Some(idle) if last_activity.elapsed() >= idle)
    {
        let record = receiver.next(POLL).map_err(|e| {
            Failure::input(
                Message::CliStoreFailed {
                    status: e.status().name(),
                    cause: e.message(),
                }
                .to_string(),
            )
        })?;
        let Some(record) = record else { continue };
        // Unacknowledged records come back when their lease ends: print once.
        if !seen.insert(record.id()) {
            continue;
        }
        last_activity = Instant::now();
        print_record(out, &record, args)?;
        printed += 1;
        if args.ack {
            receiver.ack(record.id()).map_err(|e| {
                Failure::input(
                    Message::CliAckFailed {
                        id: record.id().to_string(),
                        cause: e.message(),
                    }
                    .to_string(),
                )
            })?;
        }
    }
    Ok(printed)
}

fn print_record(out: &mut impl Write, record: &Record, args: &ReceiveArgs) -> Result<(), Failure> {
    let received = rfc3339_utc(record.received_at_unix_ms());
    if args.json {
        let json = serde_json::json!({
            "id": record.id().to_string(),
            "peer": record.peer(),
            "received_at": received,
            "fields": fields_json(record.callback()),
            "com_regno_status": record.callback().com_regno_status().name(),
            "acknowledged": args.ack,
        });
        writeln!(out, "{json}")?;
    } else {
        let (id, peer) = (record.id().to_string(), record.peer().to_string());
        let line = if args.ack {
            Message::CliRecordAcknowledged { id, peer, received }
        } else {
            Message::CliRecordLeft { id, peer, received }
        };
        writeln!(out, "\n{line}")?;
        write_fields(out, record.callback())?;
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listen_addresses() {
        assert_eq!(split_listen("0.0.0.0:8080").ok(), Some(("0.0.0.0", "8080")));
        assert_eq!(split_listen("[::1]:0").ok(), Some(("::1", "0")));
        for bad in ["8080", ":8080", "127.0.0.1:", ""] {
            assert!(split_listen(bad).is_err(), "{bad}");
        }
    }
}
