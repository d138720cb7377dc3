//! smartbill-signup-receiver: SmartBill's signup callback received without a
//! web server. An embedded HTTP(S) endpoint runs on background threads
//! inside the ERP's process, enforces every rule of the callback endpoint
//! (source address, method, path, size, timeouts, parsing), stores each
//! callback durably in SQLite **before** answering 200, and hands the
//! records to the ERP at least once.
//!
//! ```no_run
//! use smartbill_signup_receiver::{Receiver, ReceiverOptions};
//! use std::time::Duration;
//!
//! let options = ReceiverOptions::new("callbacks.db", "0.0.0.0:8443".parse().unwrap())
//!     .environment_named("production").unwrap()
//!     .tls("cert.pem", "key.pem");
//! let mut receiver = Receiver::start(options).unwrap();
//! println!("register {} with SmartBill", receiver.url());
//! while let Some(record) = receiver.next(Duration::from_secs(30)).unwrap() {
//!     let cb = record.callback();
//!     // ... save cb.user_sbid(), cb.auth_code(), cb.auth_token() in the ERP ...
//!     receiver.ack(record.id()).unwrap();
//! }
//! receiver.stop(Duration::from_secs(10)).unwrap();
//! ```
//!
//! - [`Receiver`]: the server and its store; [`ReceiverOptions`] says where
//!   it listens, what it accepts and where it stores.
//! - [`Store`]: the SQLite store alone ([`Store::open`]), for a batch that
//!   drains what a receiver stored; two processes draining one store never
//!   get the same record at once.
//! - [`Record`], [`RecordId`]: one stored callback and the version handed out.
//! - [`Event`]: one request's outcome, for logs (never with a secret).
//!
//! Threads: a receiver owns a tokio runtime (two worker threads) and one
//! store-writer thread. [`Receiver::stop`] ends them and waits for them;
//! dropping a receiver that was not stopped only signals them to end and
//! never joins a thread (a destructor must not block: a Windows loader lock
//! or a finalizer thread may be running it).

#![forbid(unsafe_code)]

mod event;
mod forwarded;
mod options;
mod server;
mod store;
mod time;

pub use event::Event;
pub use forwarded::client_address;
pub use options::{
    ReceiverOptions, StoreOptions, DEFAULT_BODY_TIMEOUT, DEFAULT_HEADER_TIMEOUT, DEFAULT_LEASE,
    DEFAULT_MAX_CONNECTIONS, DEFAULT_PATH, LISTEN_BACKLOG, OPTION_NAMES,
};
pub use server::Receiver;
pub use smartbill_signup_core::{Error, Result, Status};
pub use store::{Record, RecordId, Store, StoreCounts, Stored};
pub use time::rfc3339_utc;

#[doc(hidden)]
pub use store::location::{linux_network_filesystem, windows_path_is_network};
