//! Load: 2,000 callbacks from 50 concurrent clients (the library's own
//! sender) on loopback. Every callback answered 200 is in the store and is
//! handed out exactly once in the ack round; identical redeliveries add
//! nothing. Prints the latency percentiles (a figure, not an assertion).

mod common;

use common::*;
use smartbill_signup_receiver::{Receiver, Stored};
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const DELIVERIES: usize = 2_000;
/// 1,800 distinct callbacks; the last 200 deliveries repeat earlier ones.
const DISTINCT: usize = 1_800;
const CLIENTS: usize = 50;

#[test]
fn two_thousand_callbacks_from_fifty_clients_are_stored_exactly_once() {
    let dir = tempfile::tempdir().unwrap();
    let recorded = Recorded::default();
    let receiver =
        Receiver::start(loopback_options(&dir.path().join("cb.db")).on_event(recorded.hook()))
            .unwrap();
    let url = receiver.url().to_string();
    let next = Arc::new(AtomicUsize::new(0));
    let latencies = Arc::new(Mutex::new(Vec::with_capacity(DELIVERIES)));
    let answered = Arc::new(Mutex::new(HashSet::new()));
    let failures = Arc::new(Mutex::new(Vec::new()));
    let started = Instant::now();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let (next, latencies, answered, failures, url) = (
                next.clone(),
                latencies.clone(),
                answered.clone(),
                failures.clone(),
                url.clone(),
            );
            std::thread::spawn(move || loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= DELIVERIES {
                    break;
                }
                let key = n % DISTINCT;
                let sent = Instant::now();
                match send_callback(&url, &callback_body(key)) {
                    Ok(r) if r.status == 200 => {
                        latencies.lock().unwrap().push(sent.elapsed());
                        answered.lock().unwrap().insert(format!("user{key:05}"));
                    }
                    Ok(r) => failures
                        .lock()
                        .unwrap()
                        .push(format!("{n}: HTTP {}", r.status)),
                    Err(e) => failures.lock().unwrap().push(format!("{n}: {e:?}")),
                }
            })
        })
        .collect();
    for client in clients {
        client.join().unwrap();
    }
    let wall = started.elapsed();
    let failures = failures.lock().unwrap();
    assert!(
        failures.is_empty(),
        "{} failed: {:?}",
        failures.len(),
        &failures[..failures.len().min(5)]
    );
    let answered = answered.lock().unwrap().clone();
    assert_eq!(answered.len(), DISTINCT);

    // The ack round: take every pending record, acknowledge it.
    let drain_started = Instant::now();
    let mut handed_out: HashMap<String, usize> = HashMap::new();
    while let Some(record) = receiver.next(Duration::from_millis(200)).unwrap() {
        assert_eq!(
            record.id().version,
            1,
            "identical redeliveries never make a new version"
        );
        assert_eq!(
            record.body(),
            callback_body(record.callback().user_sbid()[4..].parse().unwrap()).as_bytes()
        );
        *handed_out
            .entry(record.callback().user_sbid().to_string())
            .or_default() += 1;
        receiver.ack(record.id()).unwrap();
    }
    let drain = drain_started.elapsed();
    assert_eq!(
        handed_out.len(),
        DISTINCT,
        "every callback answered 200 is stored"
    );
    assert!(
        handed_out.values().all(|&n| n == 1),
        "each handed out exactly once"
    );
    assert_eq!(handed_out.keys().cloned().collect::<HashSet<_>>(), answered);
    let counts = receiver.store().counts().unwrap();
    assert_eq!((counts.records, counts.pending), (DISTINCT as u64, 0));

    let events = recorded.0.lock().unwrap();
    let new = events
        .iter()
        .filter(|e| matches!(e.stored, Some(Stored::New(_))))
        .count();
    let unchanged = events
        .iter()
        .filter(|e| matches!(e.stored, Some(Stored::Unchanged(_))))
        .count();
    assert_eq!((new, unchanged), (DISTINCT, DELIVERIES - DISTINCT));
    drop(events);

    let mut latencies = latencies.lock().unwrap().clone();
    latencies.sort();
    println!(
        "load: {DELIVERIES} callbacks from {CLIENTS} clients in {:.2} s ({:.0}/s): latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms; ack round of {DISTINCT} records {:.2} s",
        wall.as_secs_f64(),
        DELIVERIES as f64 / wall.as_secs_f64(),
        percentile(&latencies, 50).as_secs_f64() * 1e3,
        percentile(&latencies, 99).as_secs_f64() * 1e3,
        latencies.last().unwrap().as_secs_f64() * 1e3,
        drain.as_secs_f64(),
    );
    for line in recorded.lines() {
        assert!(
            !line.contains(SECRET_CODE) && !line.contains(SECRET_TOKEN),
            "{line}"
        );
    }
    stop(receiver);
}
