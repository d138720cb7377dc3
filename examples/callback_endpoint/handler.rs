//! The callback handler shared by the `callback_endpoint` and `quickstart`
//! examples: check the source address, parse, store durably, then 200.

use smartbill_signup_core::callback::source::SourceAllowList;
use smartbill_signup_core::callback::{self, Callback};
use smartbill_signup_core::Status;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::net::IpAddr;
use std::path::Path;

/// Returns the HTTP status to answer.
pub fn handle(allow: &SourceAllowList, peer: IpAddr, body: &[u8], store: &Path) -> u16 {
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
