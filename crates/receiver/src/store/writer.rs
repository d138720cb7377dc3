//! The receiver's store writer: one thread that commits deliveries in
//! groups. Each request waits for the commit that holds its delivery (on
//! disk, `synchronous=FULL`) before it is answered 200; many requests
//! arriving together share one commit, so fifty concurrent clients cost a
//! few disk syncs, not fifty.

use super::{location::store_failure, put, Signal, Stored};
use rusqlite::{Connection, TransactionBehavior};
use smartbill_signup_core::{Error, Message, Result, Status};
use std::path::PathBuf;
use std::sync::{mpsc, Arc};
use std::thread::JoinHandle;
use tokio::sync::oneshot;

/// The most deliveries committed together.
const MAX_BATCH: usize = 256;

/// One parsed callback to store.
#[derive(Clone)]
pub(crate) struct Delivery {
    pub user_sbid: String,
    pub com_regno: String,
    pub body: Vec<u8>,
    pub peer: String,
    pub received_at_ms: i64,
}

struct Job {
    delivery: Delivery,
    reply: oneshot::Sender<Result<Stored>>,
}

/// Sends deliveries to the writer thread. Cheap to clone.
#[derive(Clone)]
pub(crate) struct WriterHandle {
    jobs: mpsc::Sender<Job>,
}

impl WriterHandle {
    /// Stores `delivery`; returns once it is committed (or failed).
    pub async fn put(&self, delivery: Delivery) -> Result<Stored> {
        let (reply, answer) = oneshot::channel();
        self.jobs
            .send(Job { delivery, reply })
            .map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }
}

fn stopped() -> Error {
    Error::new(Status::Store, Message::StoreWriterStopped {})
}

/// The writer thread. It ends by itself once every [`WriterHandle`] is
/// dropped; [`Writer::join`] waits for that, and dropping a `Writer`
/// never waits.
pub(crate) struct Writer {
    thread: Option<JoinHandle<()>>,
}

impl Writer {
    pub fn start(
        conn: Connection,
        path: PathBuf,
        signal: Arc<Signal>,
    ) -> Result<(Writer, WriterHandle)> {
        let (jobs, queue) = mpsc::channel::<Job>();
        let thread = std::thread::Builder::new()
            .name("smartbill-receiver-store".to_string())
            .spawn(move || run(conn, path, queue, signal))
            .map_err(|e| {
                Error::new(
                    Status::Internal,
                    Message::StoreWriterThread {
                        cause: e.to_string(),
                    },
                )
            })?;
        Ok((
            Writer {
                thread: Some(thread),
            },
            WriterHandle { jobs },
        ))
    }

    /// Waits until `deadline` for the thread to finish what it was sent
    /// (it does once every [`WriterHandle`] is gone); detaches it after.
    /// Never called from a destructor.
    pub fn join_until(mut self, deadline: std::time::Instant) {
        let Some(thread) = self.thread.take() else {
            return;
        };
        while !thread.is_finished() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        if thread.is_finished() {
            let _ = thread.join();
        }
    }
}

fn run(mut conn: Connection, path: PathBuf, queue: mpsc::Receiver<Job>, signal: Arc<Signal>) {
    while let Ok(first) = queue.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let results = commit_batch(&mut conn, &path, &batch);
        signal.notify();
        for (job, result) in batch.into_iter().zip(results) {
            // The request may have gone (client closed): nothing to tell.
            let _ = job.reply.send(result);
        }
    }
}

/// Commits the batch in one transaction; if that fails, each delivery in
/// a transaction of its own, so one bad row cannot fail the others.
fn commit_batch(
    conn: &mut Connection,
    path: &std::path::Path,
    batch: &[Job],
) -> Vec<Result<Stored>> {
    if batch.len() > 1 {
        if let Ok(stored) = commit(conn, batch.iter().map(|j| &j.delivery)) {
            return stored.into_iter().map(Ok).collect();
        }
    }
    batch
        .iter()
        .map(|job| {
            commit(conn, std::iter::once(&job.delivery))
                .map(|mut s| s.remove(0))
                .map_err(|e| store_failure(path, Message::StoreCannotStore {}, &e))
        })
        .collect()
}

fn commit<'a>(
    conn: &mut Connection,
    deliveries: impl Iterator<Item = &'a Delivery>,
) -> rusqlite::Result<Vec<Stored>> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let stored = deliveries
        .map(|d| put(&tx, d))
        .collect::<rusqlite::Result<Vec<_>>>()?;
    tx.commit()?;
    Ok(stored)
}
