//! Opening a store connection: pragmas, the schema, and the checks that the
//! file is a callback store this version can use.

use super::location::{store_error, store_failure};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use smartbill_signup_core::{Message, Result};
use std::path::Path;
use std::time::Duration;

/// Marks the file as a SmartBill callback store (`PRAGMA application_id`, "SBRC").
const APPLICATION_ID: i32 = 0x5342_5243;
/// The schema version this library writes.
const SCHEMA_VERSION: i32 = 1;
/// How long a statement waits for another connection's write lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// One row per (USER_SBID, COM_REGNO). `version` counts distinct contents;
/// `acked_version` is the newest version acknowledged, so the record is
/// pending while `acked_version < version`. `lease_*` reserve a pending
/// record for the store handle that took it. Times are Unix milliseconds.
/// AUTOINCREMENT: an id is never reused after a purge, so an old
/// acknowledgement can never name a newer record.
const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS callbacks (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    user_sbid         TEXT    NOT NULL,
    com_regno         TEXT    NOT NULL,
    version           INTEGER NOT NULL CHECK (version >= 1),
    body              BLOB    NOT NULL,
    peer              TEXT    NOT NULL,
    received_at       INTEGER NOT NULL,
    first_received_at INTEGER NOT NULL,
    acked_version     INTEGER NOT NULL DEFAULT 0,
    acked_at          INTEGER,
    lease_owner       TEXT,
    lease_until       INTEGER,
    UNIQUE (user_sbid, com_regno)
);
CREATE INDEX IF NOT EXISTS callbacks_pending
    ON callbacks (received_at, id) WHERE acked_version < version;
";

/// Opens a connection to a prepared store file (see `location::prepare`):
/// WAL, `synchronous=FULL` (a commit is on disk before it returns),
/// `secure_delete` (purged tokens are overwritten), and the schema.
pub(crate) fn open(path: &Path) -> Result<Connection> {
    let fail = |what: Message, e: rusqlite::Error| store_failure(path, what, &e);
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags)
        .map_err(|e| fail(Message::StoreCannotOpen {}, e))?;
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(|e| fail(Message::StoreCannotSetBusyTimeout {}, e))?;
    let application_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| fail(Message::StoreNotSqlite {}, e))?;
    if application_id != 0 && application_id != APPLICATION_ID {
        return Err(store_error(path, Message::StoreOtherProgram {}));
    }
    let mode: String = conn
        .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
        .map_err(|e| fail(Message::StoreCannotUseWal {}, e))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(store_error(
            path,
            Message::StoreJournalMode {
                mode: format!("{mode:?}"),
            },
        ));
    }
    conn.execute_batch("PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;")
        .map_err(|e| fail(Message::StoreCannotSetDurability {}, e))?;
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| fail(Message::StoreCannotLockForSetup {}, e))?;
    let (application_id, version): (i32, i32) = tx
        .query_row(
            "SELECT (SELECT application_id FROM pragma_application_id), \
                    (SELECT user_version FROM pragma_user_version)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(|e| fail(Message::StoreCannotReadVersion {}, e))?;
    if application_id == 0 {
        let tables: i64 = tx
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .map_err(|e| fail(Message::StoreCannotReadSchema {}, e))?;
        if tables != 0 {
            return Err(store_error(path, Message::StoreForeignTables {}));
        }
        tx.execute_batch(&format!(
            "PRAGMA application_id={APPLICATION_ID}; PRAGMA user_version={SCHEMA_VERSION};"
        ))
        .map_err(|e| fail(Message::StoreCannotMark {}, e))?;
    } else if version > SCHEMA_VERSION {
        return Err(store_error(
            path,
            Message::StoreNewerSchema {
                version: version.into(),
                known: SCHEMA_VERSION.into(),
            },
        ));
    }
    tx.execute_batch(SCHEMA)
        .map_err(|e| fail(Message::StoreCannotCreateTable {}, e))?;
    tx.commit()
        .map_err(|e| fail(Message::StoreCannotCommitSetup {}, e))?;
    Ok(conn)
}
