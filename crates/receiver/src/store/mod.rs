//! The durable store: one SQLite row per (USER_SBID, COM_REGNO), with the
//! raw body, the received time and the peer, and versions so that the ERP
//! sees every distinct content at least once.
//!
//! - An identical redelivery changes nothing.
//! - Different content (a new auth token) becomes the next version, pending
//!   again even if an older version was acknowledged.
//! - [`Store::next`] hands out the oldest pending record and reserves it
//!   (a lease in the database) so no other handle, in this process or
//!   another, gets it at the same time; [`Store::ack`] names the version it
//!   saw, so it never acknowledges content the ERP has not read.
//! - With a retention period, acknowledged records are deleted that long
//!   after their acknowledgement (`secure_delete` overwrites them).

pub(crate) mod location;
mod schema;
pub(crate) mod writer;

use crate::options::StoreOptions;
use crate::time::{duration_ms, from_ms, now_ms};
use location::{store_error, store_failure};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use smartbill_signup_core::callback::{self, Callback, ParseOptions};
use smartbill_signup_core::{Error, Message, Result, Status};
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant, SystemTime};

/// How often a waiting `next` looks at the database again when nothing in
/// this process says it changed (another process's writes, expired leases).
const POLL_INTERVAL: Duration = Duration::from_millis(200);
/// How often `next` purges expired records when a retention is set.
const PURGE_INTERVAL: Duration = Duration::from_secs(60);

/// A record and the version of its content handed out: what an
/// acknowledgement names. Written `number.version` (`17.2`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RecordId {
    /// The record (one per USER_SBID and COM_REGNO), never reused.
    pub number: i64,
    /// The version of its content, from 1.
    pub version: i64,
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.number, self.version)
    }
}

impl FromStr for RecordId {
    type Err = Error;

    /// Reads `number.version` as [`RecordId`]'s `Display` writes it.
    fn from_str(text: &str) -> Result<RecordId> {
        let bad = || {
            Error::new(
                Status::InvalidArgument,
                Message::RecordIdFormat {
                    text: format!("{:?}", crate::options::shorten(text)),
                },
            )
            .with_field("id")
        };
        let (number, version) = text.trim().split_once('.').ok_or_else(bad)?;
        let parse = |s: &str| {
            s.parse::<i64>()
                .ok()
                .filter(|n| *n >= 1 && s.bytes().all(|b| b.is_ascii_digit()))
        };
        Ok(RecordId {
            number: parse(number).ok_or_else(bad)?,
            version: parse(version).ok_or_else(bad)?,
        })
    }
}

/// What storing a delivery did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stored {
    /// A new record, version 1.
    New(RecordId),
    /// Different content for a known record: its next version, pending again.
    NewVersion(RecordId),
    /// The same content again: nothing changed.
    Unchanged(RecordId),
}

/// One stored callback as handed out by [`Store::next`].
#[derive(Clone)]
pub struct Record {
    id: RecordId,
    callback: Callback,
    peer: String,
    received_at_ms: i64,
    body: Vec<u8>,
}

impl Record {
    /// The record and version to acknowledge.
    pub fn id(&self) -> RecordId {
        self.id
    }

    /// The callback, parsed by the library's parser.
    pub fn callback(&self) -> &Callback {
        &self.callback
    }

    /// The address that delivered this version (the TCP peer, or the client
    /// a trusted proxy named).
    pub fn peer(&self) -> &str {
        &self.peer
    }

    /// When this version arrived.
    pub fn received_at(&self) -> SystemTime {
        from_ms(self.received_at_ms)
    }

    /// When this version arrived, in milliseconds since the Unix epoch.
    pub fn received_at_unix_ms(&self) -> i64 {
        self.received_at_ms
    }

    /// The body exactly as received. It holds the secrets.
    pub fn body(&self) -> &[u8] {
        &self.body
    }
}

/// Never shows the secrets: the callback redacts them and the body is only counted.
impl fmt::Debug for Record {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Record")
            .field("id", &self.id.to_string())
            .field("callback", &self.callback)
            .field("peer", &self.peer)
            .field(
                "received_at",
                &crate::time::rfc3339_utc(self.received_at_ms),
            )
            .field("body", &format_args!("<{} bytes>", self.body.len()))
            .finish()
    }
}

/// How many records a store holds, and how many wait for an acknowledgement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoreCounts {
    pub records: u64,
    pub pending: u64,
}

/// Tells waiting `next` calls in this process that the store changed.
#[derive(Default)]
pub(crate) struct Signal {
    generation: Mutex<u64>,
    changed: Condvar,
}

impl Signal {
    pub fn notify(&self) {
        let mut g = self.generation.lock().unwrap_or_else(|p| p.into_inner());
        *g = g.wrapping_add(1);
        self.changed.notify_all();
    }

    fn generation(&self) -> u64 {
        *self.generation.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn wait(&self, seen: u64, timeout: Duration) {
        let g = self.generation.lock().unwrap_or_else(|p| p.into_inner());
        let _ = self
            .changed
            .wait_timeout_while(g, timeout, |g| *g == seen)
            .unwrap_or_else(|p| p.into_inner());
    }
}

/// A callback store: open one with [`Store::open`] to drain what a
/// receiver stored (from another process too), or use the receiver's.
/// `Send` and `Sync`; calls are serialized on one connection.
pub struct Store {
    path: PathBuf,
    conn: Mutex<Connection>,
    options: StoreOptions,
    /// This handle's name in leases.
    owner: String,
    signal: Arc<Signal>,
    last_purge: Mutex<Option<Instant>>,
}

impl fmt::Debug for Store {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("options", &self.options)
            .finish()
    }
}

impl Store {
    /// Opens (or creates, owner-only) the store at `path`. A path on a
    /// network share is `STORE_NETWORK_PATH`; a file readable by others
    /// (Unix), another program's database or a newer schema is `STORE`.
    pub fn open(path: impl AsRef<Path>, options: StoreOptions) -> Result<Store> {
        Store::open_with_signal(path.as_ref(), options, Arc::default())
    }

    pub(crate) fn open_with_signal(
        path: &Path,
        options: StoreOptions,
        signal: Arc<Signal>,
    ) -> Result<Store> {
        options.validate()?;
        let path = location::prepare(path)?;
        let conn = schema::open(&path)?;
        let store = Store {
            owner: lease_owner_name(),
            path,
            conn: Mutex::new(conn),
            options,
            signal,
            last_purge: Mutex::new(None),
        };
        store.purge_if_due()?;
        Ok(store)
    }

    /// A second connection for the receiver's writer thread.
    pub(crate) fn open_writer_connection(&self) -> Result<Connection> {
        schema::open(&self.path)
    }

    /// The store's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The oldest pending record (by the arrival of its current version)
    /// that no other handle holds, reserved for this handle for the lease
    /// period; waits up to `timeout` for one. `Ok(None)` when none came.
    pub fn next(&self, timeout: Duration) -> Result<Option<Record>> {
        let deadline = Instant::now().checked_add(timeout);
        self.purge_if_due()?;
        loop {
            let seen = self.signal.generation();
            if let Some(record) = self.claim()? {
                return Ok(Some(record));
            }
            let remaining = match deadline {
                Some(d) => d.saturating_duration_since(Instant::now()),
                None => POLL_INTERVAL,
            };
            if remaining.is_zero() {
                return Ok(None);
            }
            self.signal.wait(seen, remaining.min(POLL_INTERVAL));
        }
    }

    fn claim(&self) -> Result<Option<Record>> {
        let mut conn = self.lock();
        let fail = |what: Message, e: rusqlite::Error| store_failure(&self.path, what, &e);
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| fail(Message::StoreCannotLockToTake {}, e))?;
        let now = now_ms();
        let row = tx
            .query_row(
                "SELECT id, version, body, peer, received_at FROM callbacks \
                 WHERE acked_version < version AND (lease_until IS NULL OR lease_until <= ?1) \
                 ORDER BY received_at, id LIMIT 1",
                [now],
                |r| {
                    Ok((
                        RecordId {
                            number: r.get(0)?,
                            version: r.get(1)?,
                        },
                        r.get::<_, Vec<u8>>(2)?,
                        r.get::<_, String>(3)?,
                        r.get::<_, i64>(4)?,
                    ))
                },
            )
            .optional()
            .map_err(|e| fail(Message::StoreCannotReadPending {}, e))?;
        let Some((id, body, peer, received_at_ms)) = row else {
            return Ok(None);
        };
        tx.execute(
            "UPDATE callbacks SET lease_owner = ?1, lease_until = ?2 WHERE id = ?3",
            params![
                self.owner,
                now.saturating_add(duration_ms(self.options.lease)),
                id.number
            ],
        )
        .map_err(|e| fail(Message::StoreCannotReserve {}, e))?;
        tx.commit()
            .map_err(|e| fail(Message::StoreCannotCommitReservation {}, e))?;
        let limit = body.len().max(callback::DEFAULT_MAX_BYTES);
        let callback =
            callback::parse_with(&body, &ParseOptions { max_bytes: limit }).map_err(|e| {
                store_error(
                    &self.path,
                    Message::StoreRecordUnparsable {
                        id: id.to_string(),
                        status: e.status().name(),
                        error: e.into_detail(),
                    },
                )
            })?;
        Ok(Some(Record {
            id,
            callback,
            peer,
            received_at_ms,
            body,
        }))
    }

    /// Marks version `id.version` of record `id.number` as done, and ends
    /// its reservation. A newer version that arrived meanwhile stays
    /// pending. Acknowledging a version again is harmless. A record not in
    /// the store is `RECORD_UNKNOWN`; a version never stored is
    /// `INVALID_ARGUMENT`.
    pub fn ack(&self, id: RecordId) -> Result<()> {
        if id.number < 1 || id.version < 1 {
            return Err(Error::new(
                Status::InvalidArgument,
                Message::RecordIdNotStored {
                    number: id.number,
                    version: id.version,
                },
            )
            .with_field("id"));
        }
        let mut conn = self.lock();
        let fail = |what: Message, e: rusqlite::Error| store_failure(&self.path, what, &e);
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| fail(Message::StoreCannotLockToAck {}, e))?;
        let row: Option<(i64, i64)> = tx
            .query_row(
                "SELECT version, acked_version FROM callbacks WHERE id = ?1",
                [id.number],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| fail(Message::StoreCannotReadRecord {}, e))?;
        let Some((version, acked)) = row else {
            return Err(Error::new(
                Status::RecordUnknown,
                Message::RecordNotInStore { id: id.to_string() },
            )
            .with_field("id"));
        };
        if id.version > version {
            return Err(Error::new(
                Status::InvalidArgument,
                Message::RecordNoVersion {
                    number: id.number,
                    version: id.version,
                    newest: version,
                },
            )
            .with_field("id"));
        }
        if id.version > acked {
            tx.execute(
                "UPDATE callbacks SET acked_version = ?1, acked_at = ?2, \
                 lease_owner = NULL, lease_until = NULL WHERE id = ?3",
                params![id.version, now_ms(), id.number],
            )
            .map_err(|e| fail(Message::StoreCannotAck {}, e))?;
        }
        tx.commit()
            .map_err(|e| fail(Message::StoreCannotCommitAck {}, e))?;
        drop(conn);
        if self.options.retention == Some(Duration::ZERO) {
            self.purge()?;
        }
        Ok(())
    }

    /// Deletes the records whose newest version was acknowledged longer
    /// ago than the retention period; returns how many. Nothing without a
    /// retention. `next` does this at most once a minute by itself.
    pub fn purge(&self) -> Result<u64> {
        let Some(retention) = self.options.retention else {
            return Ok(0);
        };
        *self.last_purge.lock().unwrap_or_else(|p| p.into_inner()) = Some(Instant::now());
        let cutoff = now_ms().saturating_sub(duration_ms(retention));
        let conn = self.lock();
        let deleted = conn
            .execute(
                "DELETE FROM callbacks WHERE acked_version >= version AND acked_at <= ?1",
                [cutoff],
            )
            .map_err(|e| store_failure(&self.path, Message::StoreCannotPurge {}, &e))?;
        Ok(deleted as u64)
    }

    fn purge_if_due(&self) -> Result<()> {
        if self.options.retention.is_none() {
            return Ok(());
        }
        let due = self
            .last_purge
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .map(|at| at.elapsed() >= PURGE_INTERVAL)
            .unwrap_or(true);
        if due {
            self.purge()?;
        }
        Ok(())
    }

    /// How many records the store holds and how many are pending.
    pub fn counts(&self) -> Result<StoreCounts> {
        let conn = self.lock();
        conn.query_row(
            "SELECT count(*), count(*) FILTER (WHERE acked_version < version) FROM callbacks",
            [],
            |r| {
                Ok(StoreCounts {
                    records: r.get::<_, i64>(0)? as u64,
                    pending: r.get::<_, i64>(1)? as u64,
                })
            },
        )
        .map_err(|e| store_failure(&self.path, Message::StoreCannotCount {}, &e))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding it leaves at most an open transaction, which
        // rusqlite rolls back when its guard drops.
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// A name for this handle in leases: process, time and a counter.
fn lease_owner_name() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    format!(
        "{}:{}:{}",
        std::process::id(),
        now_ms(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// Stores one delivery inside `tx`: a new record, a new version, or nothing.
pub(crate) fn put(
    tx: &rusqlite::Transaction<'_>,
    delivery: &writer::Delivery,
) -> rusqlite::Result<Stored> {
    let existing: Option<(i64, i64, Vec<u8>)> = tx
        .prepare_cached(
            "SELECT id, version, body FROM callbacks WHERE user_sbid = ?1 AND com_regno = ?2",
        )?
        .query_row(params![delivery.user_sbid, delivery.com_regno], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?;
    Ok(match existing {
        None => {
            tx.prepare_cached(
                "INSERT INTO callbacks (user_sbid, com_regno, version, body, peer, received_at, first_received_at) \
                 VALUES (?1, ?2, 1, ?3, ?4, ?5, ?5)",
            )?
            .execute(params![
                delivery.user_sbid,
                delivery.com_regno,
                delivery.body,
                delivery.peer,
                delivery.received_at_ms
            ])?;
            Stored::New(RecordId {
                number: tx.last_insert_rowid(),
                version: 1,
            })
        }
        Some((number, version, body)) if body == delivery.body => {
            Stored::Unchanged(RecordId { number, version })
        }
        Some((number, version, _)) => {
            tx.prepare_cached(
                "UPDATE callbacks SET version = ?1, body = ?2, peer = ?3, received_at = ?4 WHERE id = ?5",
            )?
            .execute(params![
                version + 1,
                delivery.body,
                delivery.peer,
                delivery.received_at_ms,
                number
            ])?;
            Stored::NewVersion(RecordId {
                number,
                version: version + 1,
            })
        }
    })
}

#[cfg(test)]
mod tests;
