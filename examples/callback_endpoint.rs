//! A SmartBill callback endpoint, framework-free: check the source address,
//! parse, store the record durably, and only then answer 200.
//!
//! `cargo run --example callback_endpoint` plays a few requests through the
//! handler and prints the answers. In a real server, call `handle` from your
//! framework's route with the TCP peer address and the raw body.

use smartbill_signup::callback::source::{Environment, SourceAllowList};
use smartbill_signup::callback::{self, Callback};
use smartbill_signup::Status;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::net::IpAddr;
use std::path::Path;

/// Returns the HTTP status to answer.
fn handle(allow: &SourceAllowList, peer: IpAddr, body: &[u8], store: &Path) -> u16 {
    // 1. Only SmartBill's servers may deliver a callback: the body has no signature.
    if !allow.allows_addr(peer) {
        eprintln!("callback from {peer} refused: not a SmartBill address");
        return 403;
    }
    // 2. Parse. Messages name the key and position, never the auth code or token.
    let cb = match callback::parse(body) {
        Ok(cb) => cb,
        Err(e) if e.status() == Status::CallbackTooLarge => return 413,
        Err(e) => {
            eprintln!(
                "callback refused: {} (field {:?}): {}",
                e.status(),
                e.field(),
                e.message()
            );
            return 400;
        }
    };
    // 3. Store durably before answering: a lost callback means the customer
    //    repeats SmartBill's auth steps by hand.
    match save(store, &cb) {
        Ok(()) => 200,
        Err(e) => {
            eprintln!("callback for {} not stored: {e}", cb.user_sbid());
            500
        }
    }
}

/// Appends the record and syncs it to disk. A real ERP would upsert a row
/// keyed by USER_SBID and COM_REGNO in a committed transaction, in storage
/// as protected as any password store.
fn save(path: &Path, cb: &Callback) -> std::io::Result<()> {
    let mut file: File = OpenOptions::new().create(true).append(true).open(path)?;
    writeln!(
        file,
        "{}\t{}\t{}\t{}\t{}\t{}",
        cb.user_sbid(),
        cb.com_regno(),
        if cb.com_regno_valid() {
            "valid"
        } else {
            "check-regno"
        },
        cb.erp_user_id().unwrap_or(""),
        cb.auth_code(),
        cb.auth_token()
    )?;
    file.sync_all()
}

fn main() {
    let mut allow = SourceAllowList::new(&Environment::Demo);
    // More SmartBill servers come from configuration, not a new release.
    allow
        .add_list(&std::env::var("SMARTBILL_EXTRA_IPS").unwrap_or_default())
        .expect("SMARTBILL_EXTRA_IPS");
    let store = std::env::temp_dir().join("smartbill-callbacks.tsv");
    let sample = br#"{"COM_REGNO":"1111111111","AUTH_TOKEN":"dG9rZW4=","AUTH_CODE":"13F89DFEK99D4474A67EABE8F7258AA5","USER_SBID":"test1"}"#;
    let smartbill: IpAddr = "58.181.27.5".parse().unwrap();
    let stranger: IpAddr = "203.0.113.9".parse().unwrap();
    let requests: [(&str, IpAddr, &[u8]); 4] = [
        ("the guide's sample", smartbill, sample),
        ("from an unknown address", stranger, sample),
        (
            "without AUTH_TOKEN",
            smartbill,
            br#"{"USER_SBID":"test1","COM_REGNO":"1248100998","AUTH_CODE":"x"}"#,
        ),
        ("broken JSON", smartbill, br#"{"USER_SBID":"test1""#),
    ];
    for (what, peer, body) in requests {
        println!("{what}: {}", handle(&allow, peer, body, &store));
    }
}
