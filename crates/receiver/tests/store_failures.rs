//! The store failing, and two processes draining one store.

mod common;

use common::*;
use smartbill_signup_receiver::{Receiver, Status, Store, StoreOptions};
use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

/// A callback that cannot be stored is answered 500, never 200, and the
/// answer and the log hold no secret.
#[test]
fn a_store_that_refuses_the_write_gets_500() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("cb.db");
    let recorded = Recorded::default();
    let receiver = Receiver::start(loopback_options(&store).on_event(recorded.hook())).unwrap();
    // Another program breaks the database under the receiver: every insert now fails.
    let conn = rusqlite::Connection::open(&store).unwrap();
    conn.execute_batch(
        "CREATE TRIGGER refuse BEFORE INSERT ON callbacks BEGIN SELECT RAISE(ABORT, 'disk says no'); END;",
    )
    .unwrap();
    let answer = send_callback(receiver.url(), &callback_body(1)).unwrap();
    assert_eq!(answer.status, 500);
    let text = String::from_utf8_lossy(&answer.body).to_string();
    assert!(text.starts_with("STORE: "), "{text}");
    assert!(
        !text.contains(SECRET_TOKEN) && !text.contains(SECRET_CODE),
        "{text}"
    );
    let events = recorded.0.lock().unwrap().clone();
    assert_eq!(events.last().unwrap().status, Some(Status::Store));
    for line in recorded.lines() {
        assert!(
            !line.contains(SECRET_TOKEN) && !line.contains(SECRET_CODE),
            "{line}"
        );
    }
    conn.execute_batch("DROP TRIGGER refuse").unwrap();
    assert_eq!(
        send_callback(receiver.url(), &callback_body(1))
            .unwrap()
            .status,
        200
    );
    stop(receiver);
}

const STORE_VAR: &str = "SMARTBILL_RECEIVER_DRAIN_CHILD_STORE";
const RECORDS: usize = 200;

/// A drainer process: takes records from the store until none is left,
/// printing each id before acknowledging it. Run by the test below.
#[test]
#[ignore = "a drainer process of the two-process test; run by that test"]
fn drain_child() {
    let Ok(path) = std::env::var(STORE_VAR) else {
        return;
    };
    let store = Store::open(&path, StoreOptions::default()).unwrap();
    while let Some(record) = store.next(Duration::from_millis(300)).unwrap() {
        println!("TOOK {}", record.id());
        store.ack(record.id()).unwrap();
    }
}

/// Two processes drain one store at once: every record is taken by exactly one.
#[test]
fn two_processes_never_get_the_same_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cb.db");
    let receiver = Receiver::start(loopback_options(&path)).unwrap();
    for n in 0..RECORDS {
        assert_eq!(
            send_callback(receiver.url(), &callback_body(n))
                .unwrap()
                .status,
            200
        );
    }
    let drainers: Vec<_> = (0..2)
        .map(|_| {
            Command::new(std::env::current_exe().unwrap())
                .args([
                    "--exact",
                    "drain_child",
                    "--ignored",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env(STORE_VAR, &path)
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut taken = Vec::new();
    let mut per_process = Vec::new();
    for mut child in drainers {
        let mut mine = 0;
        for line in BufReader::new(child.stdout.take().unwrap()).lines() {
            let line = line.unwrap();
            if let Some((_, id)) = line.split_once("TOOK ") {
                taken.push(id.trim().to_string());
                mine += 1;
            }
        }
        assert!(child.wait().unwrap().success());
        per_process.push(mine);
    }
    let distinct: HashSet<_> = taken.iter().collect();
    assert_eq!(distinct.len(), taken.len(), "a record was taken twice");
    assert_eq!(taken.len(), RECORDS, "every record taken");
    println!("two drainers took {per_process:?} records");
    assert_eq!(receiver.store().counts().unwrap().pending, 0);
    stop(receiver);
}
