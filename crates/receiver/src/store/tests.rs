use super::writer::Delivery;
use super::*;
use proptest::prelude::*;

fn body(sbid: &str, regno: &str, token: &str) -> String {
    format!(
        r#"{{"USER_SBID":"{sbid}","COM_REGNO":"{regno}","AUTH_CODE":"CODE-{sbid}","AUTH_TOKEN":"{token}"}}"#
    )
}

/// Stores a body as the writer does (one transaction, then the signal).
fn deliver(store: &Store, body: &str) -> Stored {
    let cb = callback::parse(body.as_bytes()).unwrap();
    let mut conn = store.open_writer_connection().unwrap();
    let tx = conn.transaction().unwrap();
    let stored = put(
        &tx,
        &Delivery {
            user_sbid: cb.user_sbid().to_string(),
            com_regno: cb.com_regno().to_string(),
            body: body.as_bytes().to_vec(),
            peer: "127.0.0.1".to_string(),
            received_at_ms: now_ms(),
        },
    )
    .unwrap();
    tx.commit().unwrap();
    store.signal.notify();
    stored
}

fn temp_store(options: StoreOptions) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("cb.db"), options).unwrap();
    (dir, store)
}

const NOW: Duration = Duration::ZERO;

#[test]
fn versions_follow_content() {
    let (_dir, store) = temp_store(StoreOptions::default());
    let first = deliver(&store, &body("a", "1248100998", "T1"));
    let Stored::New(id) = first else {
        panic!("{first:?}")
    };
    assert_eq!(id.version, 1);
    assert_eq!(
        deliver(&store, &body("a", "1248100998", "T1")),
        Stored::Unchanged(id)
    );
    let second = deliver(&store, &body("a", "1248100998", "T2"));
    assert_eq!(
        second,
        Stored::NewVersion(RecordId {
            number: id.number,
            version: 2
        })
    );
    // Another company of the same user is another record.
    assert!(matches!(
        deliver(&store, &body("a", "1111111111", "T1")),
        Stored::New(_)
    ));
    assert_eq!(
        store.counts().unwrap(),
        StoreCounts {
            records: 2,
            pending: 2
        }
    );
}

#[test]
fn next_hands_out_the_newest_content_and_ack_names_the_version_seen() {
    let (_dir, store) = temp_store(StoreOptions::default());
    deliver(&store, &body("a", "1248100998", "T1"));
    let record = store.next(NOW).unwrap().unwrap();
    assert_eq!(record.id().version, 1);
    assert_eq!(record.callback().auth_token(), "T1");
    assert_eq!(record.peer(), "127.0.0.1");
    assert_eq!(record.body(), body("a", "1248100998", "T1").as_bytes());
    // A new token arrives before the ERP acknowledges version 1.
    deliver(&store, &body("a", "1248100998", "T2"));
    store.ack(record.id()).unwrap();
    let again = store.next(NOW).unwrap().expect("version 2 is pending");
    assert_eq!(again.id().number, record.id().number);
    assert_eq!(again.id().version, 2);
    assert_eq!(again.callback().auth_token(), "T2");
    store.ack(again.id()).unwrap();
    assert!(store.next(NOW).unwrap().is_none());
    // Acknowledging again is harmless; an older version too.
    store.ack(again.id()).unwrap();
    store.ack(record.id()).unwrap();
    // A version that arrives after the acknowledgement is handed out again.
    deliver(&store, &body("a", "1248100998", "T3"));
    let third = store.next(NOW).unwrap().unwrap();
    assert_eq!(third.id().version, 3);
    // The record's secrets do not show in its Debug form.
    let shown = format!("{third:?}");
    assert!(
        !shown.contains("T3") && !shown.contains("CODE-a"),
        "{shown}"
    );
}

#[test]
fn ack_errors() {
    let (_dir, store) = temp_store(StoreOptions::default());
    let Stored::New(id) = deliver(&store, &body("a", "1248100998", "T1")) else {
        panic!()
    };
    let e = store
        .ack(RecordId {
            number: 99,
            version: 1,
        })
        .unwrap_err();
    assert_eq!(e.status(), Status::RecordUnknown);
    let e = store
        .ack(RecordId {
            number: id.number,
            version: 2,
        })
        .unwrap_err();
    assert_eq!(e.status(), Status::InvalidArgument);
    assert!(e.message().contains("no version 2"), "{}", e.message());
    let e = store
        .ack(RecordId {
            number: 0,
            version: 1,
        })
        .unwrap_err();
    assert_eq!(e.status(), Status::InvalidArgument);
}

#[test]
fn records_are_handed_out_oldest_first_and_leased() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cb.db");
    let lease = Duration::from_millis(300);
    let one = Store::open(&path, StoreOptions::default().lease(lease)).unwrap();
    let two = Store::open(&path, StoreOptions::default().lease(lease)).unwrap();
    for (i, sbid) in ["first", "second", "third"].iter().enumerate() {
        deliver(&one, &body(sbid, "1248100998", &format!("T{i}")));
        std::thread::sleep(Duration::from_millis(5));
    }
    let a = one.next(NOW).unwrap().unwrap();
    assert_eq!(a.callback().user_sbid(), "first");
    // The other handle does not get the record the first one holds.
    let b = two.next(NOW).unwrap().unwrap();
    assert_eq!(b.callback().user_sbid(), "second");
    let c = one.next(NOW).unwrap().unwrap();
    assert_eq!(c.callback().user_sbid(), "third");
    assert!(two.next(NOW).unwrap().is_none());
    one.ack(a.id()).unwrap();
    two.ack(b.id()).unwrap();
    // `c` is never acknowledged: after its lease it is handed out again.
    let again = two
        .next(Duration::from_secs(5))
        .unwrap()
        .expect("the lease expires");
    assert_eq!(again.id(), c.id());
}

#[test]
fn pending_records_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cb.db");
    {
        let store = Store::open(
            &path,
            StoreOptions::default().lease(Duration::from_millis(1)),
        )
        .unwrap();
        deliver(&store, &body("a", "1248100998", "T1"));
        deliver(&store, &body("b", "1248100998", "T1"));
        let taken = store.next(NOW).unwrap().unwrap();
        store.ack(taken.id()).unwrap();
        let _unacknowledged = store.next(NOW).unwrap().unwrap();
    }
    std::thread::sleep(Duration::from_millis(5));
    let store = Store::open(&path, StoreOptions::default()).unwrap();
    let record = store
        .next(NOW)
        .unwrap()
        .expect("still pending after a restart");
    assert_eq!(record.callback().user_sbid(), "b");
    assert_eq!(
        store.counts().unwrap(),
        StoreCounts {
            records: 2,
            pending: 1
        }
    );
}

#[test]
fn next_waits_for_a_delivery() {
    let (_dir, store) = temp_store(StoreOptions::default());
    let store = Arc::new(store);
    let started = Instant::now();
    assert!(store.next(Duration::from_millis(150)).unwrap().is_none());
    assert!(started.elapsed() >= Duration::from_millis(150));
    let writer = {
        let store = store.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            deliver(&store, &body("late", "1248100998", "T"));
        })
    };
    let record = store
        .next(Duration::from_secs(10))
        .unwrap()
        .expect("woken by the delivery");
    assert_eq!(record.callback().user_sbid(), "late");
    writer.join().unwrap();
}

#[test]
fn retention_purges_acknowledged_records_only() {
    let (_dir, store) = temp_store(StoreOptions::default().retention(Some(Duration::ZERO)));
    deliver(&store, &body("a", "1248100998", "T1"));
    deliver(&store, &body("b", "1248100998", "T1"));
    let a = store.next(NOW).unwrap().unwrap();
    store.ack(a.id()).unwrap();
    assert_eq!(
        store.counts().unwrap(),
        StoreCounts {
            records: 1,
            pending: 1
        }
    );
    // After a purge, the same key arrives as a new record with a new number.
    let Stored::New(again) = deliver(&store, &body("a", "1248100998", "T1")) else {
        panic!()
    };
    assert!(again.number > a.id().number, "ids are never reused");
    let e = store.ack(a.id()).unwrap_err();
    assert_eq!(e.status(), Status::RecordUnknown);

    let (_dir, keep) =
        temp_store(StoreOptions::default().retention(Some(Duration::from_secs(3600))));
    deliver(&keep, &body("a", "1248100998", "T1"));
    let a = keep.next(NOW).unwrap().unwrap();
    keep.ack(a.id()).unwrap();
    assert_eq!(keep.purge().unwrap(), 0, "acknowledged an hour ago only");
    assert_eq!(keep.counts().unwrap().records, 1);
}

#[test]
fn other_databases_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    {
        std::fs::File::create(&path).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        }
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE invoices (id INTEGER)")
            .unwrap();
    }
    let e = Store::open(&path, StoreOptions::default()).unwrap_err();
    assert_eq!(e.status(), Status::Store);
    assert!(
        e.message().contains("not a SmartBill callback store"),
        "{}",
        e.message()
    );
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "hello, this is not a database at all; ".repeat(200)).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&text, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let e = Store::open(&text, StoreOptions::default()).unwrap_err();
    assert_eq!(e.status(), Status::Store);
}

#[test]
fn record_ids_read_and_write() {
    assert_eq!(
        "17.2".parse::<RecordId>().unwrap(),
        RecordId {
            number: 17,
            version: 2
        }
    );
    for bad in [
        "", "17", "17.", ".2", "0.1", "1.0", "-1.2", "1.+2", "a.b", "1.2.3",
    ] {
        assert_eq!(
            bad.parse::<RecordId>().unwrap_err().status(),
            Status::InvalidArgument,
            "{bad}"
        );
    }
}

proptest! {
    #[test]
    fn record_ids_round_trip(number in 1i64..i64::MAX, version in 1i64..i64::MAX) {
        let id = RecordId { number, version };
        prop_assert_eq!(id.to_string().parse::<RecordId>().unwrap(), id);
    }

    #[test]
    fn record_id_parsing_never_panics(text in "\\PC{0,24}") {
        let _ = text.parse::<RecordId>();
    }
}
