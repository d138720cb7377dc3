//! The receiver: a listening socket, a tokio runtime of its own (two
//! worker threads) serving HTTP/1.1 (or HTTPS) with hyper, and the store
//! writer thread. Everything runs in the background of the caller's process.

mod handler;
mod tls;

use crate::event::{Event, Events};
use crate::options::ReceiverOptions;
use crate::store::writer::Writer;
use crate::store::{Record, RecordId, Signal, Store};
use crate::time::now_ms;
use handler::Context;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::{GracefulShutdown, Watcher};
use smartbill_signup_core::{Error, Message, Result, Status};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::runtime::Runtime;
use tokio::sync::{watch, Semaphore};
use tokio_rustls::TlsAcceptor;

/// The most of a request hyper buffers at once (headers, body chunks);
/// bodies are limited separately by `max_bytes`.
const READ_BUFFER: usize = 16 * 1024;

/// A running callback receiver and its store. See the crate documentation.
pub struct Receiver {
    store: Arc<Store>,
    local_addr: SocketAddr,
    url: String,
    running: Option<Running>,
}

struct Running {
    runtime: Runtime,
    shutdown: watch::Sender<bool>,
    server: tokio::task::JoinHandle<()>,
    writer: Writer,
}

impl Running {
    /// Tells every thread to end, waiting for none (safe in a destructor).
    fn abandon(self) {
        let _ = self.shutdown.send(true);
        self.runtime.shutdown_background();
        // Dropping the writer detaches its thread; it ends once the tasks
        // holding its queue are gone.
        drop(self.writer);
    }
}

impl std::fmt::Debug for Receiver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Receiver")
            .field("url", &self.url)
            .field("local_addr", &self.local_addr)
            .field("store", &self.store.path())
            .field("running", &self.running.is_some())
            .finish()
    }
}

impl Receiver {
    /// Opens the store, binds the address and starts serving. Failures:
    /// `INVALID_ARGUMENT` (options, naming the option), `STORE` /
    /// `STORE_NETWORK_PATH` (the store), `RECEIVER_TLS` (certificate or
    /// key), `RECEIVER_BIND` (address in use, not local, not permitted).
    pub fn start(options: ReceiverOptions) -> Result<Receiver> {
        let settings = options.validate()?;
        let tls = match &settings.tls {
            Some((cert, key)) => Some(TlsAcceptor::from(tls::server_config(cert, key)?)),
            None => None,
        };
        let events = Events::open(options.log_file.as_deref(), options.on_event.clone())?;
        let signal = Arc::new(Signal::default());
        let store = Arc::new(Store::open_with_signal(
            &settings.store,
            options.store_options.clone(),
            signal.clone(),
        )?);
        let writer_connection = store.open_writer_connection()?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("smartbill-receiver")
            .enable_all()
            .build()
            .map_err(|e| {
                Error::new(
                    Status::Internal,
                    Message::ReceiverThreads {
                        cause: e.to_string(),
                    },
                )
            })?;
        let listener = match bind(&runtime, settings.bind) {
            Ok(listener) => listener,
            Err(e) => {
                runtime.shutdown_background();
                return Err(e);
            }
        };
        let local_addr = match listener.local_addr() {
            Ok(addr) => addr,
            Err(e) => {
                runtime.shutdown_background();
                return Err(bind_error(settings.bind, &e));
            }
        };
        let (writer, writer_handle) =
            match Writer::start(writer_connection, store.path().to_path_buf(), signal) {
                Ok(started) => started,
                Err(e) => {
                    runtime.shutdown_background();
                    return Err(e);
                }
            };
        let context = Arc::new(Context {
            path: options.path.clone(),
            sources: settings.sources,
            trusted_proxies: options.trusted_proxies.clone(),
            max_bytes: options.max_bytes,
            body_timeout: options.body_timeout,
            writer: writer_handle,
            events,
        });
        let (shutdown, shutdown_seen) = watch::channel(false);
        let limits = Limits {
            header_timeout: options.header_timeout,
            max_connections: options.max_connections,
        };
        let server = runtime.spawn(serve(listener, context, tls.clone(), limits, shutdown_seen));
        let url = url_for(local_addr, tls.is_some(), &options.path);
        Ok(Receiver {
            store,
            local_addr,
            url,
            running: Some(Running {
                runtime,
                shutdown,
                server,
                writer,
            }),
        })
    }

    /// The address and port listened on (the port chosen when 0 was asked).
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// The port listened on.
    pub fn port(&self) -> u16 {
        self.local_addr.port()
    }

    /// A URL that reaches the receiver from this machine, e.g.
    /// `http://127.0.0.1:8080/smartbill/callback` (an unspecified bind
    /// address shows as loopback). Register the URL SmartBill can reach:
    /// your public host name, the port your firewall forwards, this path.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The receiver's store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The receiver's store, shared: it outlives the receiver, so another
    /// thread can keep draining while this one stops the server.
    pub fn shared_store(&self) -> Arc<Store> {
        self.store.clone()
    }

    /// Whether the receiver still serves (not stopped).
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// [`Store::next`] on the receiver's store: the oldest pending record,
    /// waiting up to `timeout`; woken at once by a delivery. Works after
    /// [`Receiver::stop`] too.
    pub fn next(&self, timeout: Duration) -> Result<Option<Record>> {
        self.store.next(timeout)
    }

    /// [`Store::ack`] on the receiver's store.
    pub fn ack(&self, id: RecordId) -> Result<()> {
        self.store.ack(id)
    }

    /// Stops serving: closes the port at once, lets requests in flight
    /// finish (up to `timeout`; connections still open then are cut), and
    /// waits for the receiver's threads. Stopping again does nothing. The
    /// store stays usable. Call it from a plain thread: inside an async
    /// runtime it cannot wait, so it only signals the stop and returns
    /// `INVALID_ARGUMENT`.
    pub fn stop(&mut self, timeout: Duration) -> Result<()> {
        let Some(running) = self.running.take() else {
            return Ok(());
        };
        if tokio::runtime::Handle::try_current().is_ok() {
            running.abandon();
            return Err(
                Error::new(Status::InvalidArgument, Message::StopInsideRuntime {})
                    .with_field("receiver"),
            );
        }
        let deadline = Instant::now() + timeout;
        let _ = running.shutdown.send(true);
        let server = running.server;
        running.runtime.block_on(async {
            let _ = tokio::time::timeout(timeout, server).await;
        });
        running
            .runtime
            .shutdown_timeout(remaining(deadline).max(Duration::from_millis(100)));
        // Every task holding the writer's queue is gone: it drains and ends.
        // Bounded all the same, so a stop can never hang.
        running.writer.join_until(deadline + Duration::from_secs(5));
        Ok(())
    }
}

impl Drop for Receiver {
    /// Signals the threads to end without waiting for them (never joins a
    /// thread in a destructor). Call [`Receiver::stop`] to end gracefully.
    fn drop(&mut self) {
        if let Some(running) = self.running.take() {
            running.abandon();
        }
    }
}

fn remaining(deadline: Instant) -> Duration {
    deadline.saturating_duration_since(Instant::now())
}

fn url_for(addr: SocketAddr, tls: bool, path: &str) -> String {
    let host = match addr.ip() {
        IpAddr::V4(v4) if v4.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(v6) if v6.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    let scheme = if tls { "https" } else { "http" };
    format!("{scheme}://{}{path}", SocketAddr::new(host, addr.port()))
}

fn bind(runtime: &Runtime, addr: SocketAddr) -> Result<TcpListener> {
    let _context = runtime.enter();
    let socket = match addr {
        SocketAddr::V4(_) => TcpSocket::new_v4(),
        SocketAddr::V6(_) => TcpSocket::new_v6(),
    }
    .map_err(|e| bind_error(addr, &e))?;
    // On Unix, a restarted receiver may bind while old connections linger
    // in TIME_WAIT. (On Windows SO_REUSEADDR would let another process
    // take the port: not set there.)
    #[cfg(unix)]
    socket
        .set_reuseaddr(true)
        .map_err(|e| bind_error(addr, &e))?;
    socket.bind(addr).map_err(|e| bind_error(addr, &e))?;
    socket
        .listen(crate::options::LISTEN_BACKLOG)
        .map_err(|e| bind_error(addr, &e))
}

fn bind_error(addr: SocketAddr, e: &std::io::Error) -> Error {
    let field = match e.kind() {
        std::io::ErrorKind::AddrNotAvailable => "host",
        _ => "port",
    };
    Error::new(
        Status::ReceiverBind,
        Message::CannotListen {
            addr: addr.to_string(),
            cause: e.to_string(),
        },
    )
    .with_field(field)
}

#[derive(Clone, Copy)]
struct Limits {
    header_timeout: Duration,
    max_connections: usize,
}

/// Accepts connections while fewer than `max_connections` are open; the
/// others wait in the listen backlog. On shutdown, closes the port and
/// waits for every open connection to finish its request.
async fn serve(
    listener: TcpListener,
    context: Arc<Context>,
    tls: Option<TlsAcceptor>,
    limits: Limits,
    mut shutdown: watch::Receiver<bool>,
) {
    let permits = Arc::new(Semaphore::new(limits.max_connections));
    let graceful = GracefulShutdown::new();
    loop {
        let permit = tokio::select! {
            biased;
            _ = shutdown.changed() => break,
            permit = permits.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => break,
            },
        };
        let (stream, peer) = tokio::select! {
            biased;
            _ = shutdown.changed() => break,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(_) => {
                    // Out of descriptors, or a connection reset while queued: try again soon.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let _ = stream.set_nodelay(true);
        let watcher = graceful.watcher();
        let context = context.clone();
        let tls = tls.clone();
        tokio::spawn(async move {
            let _permit = permit;
            connection(stream, peer, tls, limits.header_timeout, context, watcher).await;
        });
    }
    drop(listener);
    graceful.shutdown().await;
}

async fn connection(
    stream: TcpStream,
    peer: SocketAddr,
    tls: Option<TlsAcceptor>,
    header_timeout: Duration,
    context: Arc<Context>,
    watcher: Watcher,
) {
    let at_ms = now_ms();
    let started = Instant::now();
    let Some(acceptor) = tls else {
        return serve_http(TokioIo::new(stream), peer, header_timeout, context, watcher).await;
    };
    let failure = match tokio::time::timeout(header_timeout, acceptor.accept(stream)).await {
        Ok(Ok(stream)) => {
            return serve_http(TokioIo::new(stream), peer, header_timeout, context, watcher).await
        }
        Ok(Err(e)) => Message::TlsHandshakeFailed {
            cause: e.to_string(),
        },
        Err(_) => Message::TlsHandshakeTimeout {
            ms: header_timeout.as_millis() as u64,
        },
    };
    context.events.emit(&connection_event(
        at_ms,
        peer,
        started,
        context.events.render(&failure),
    ));
}

async fn serve_http<I>(
    io: I,
    peer: SocketAddr,
    header_timeout: Duration,
    context: Arc<Context>,
    watcher: Watcher,
) where
    I: hyper::rt::Read + hyper::rt::Write + Unpin + Send + 'static,
{
    let at_ms = now_ms();
    let started = Instant::now();
    let service_context = context.clone();
    let service =
        service_fn(move |request| handler::handle(request, peer, service_context.clone()));
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(header_timeout)
        // One request per connection: an idle keep-alive connection would
        // hold one of the connection slots for nothing.
        .keep_alive(false)
        .max_buf_size(READ_BUFFER);
    let served = watcher.watch(builder.serve_connection(io, service)).await;
    if let Err(e) = served {
        let why = if e.is_timeout() {
            Message::HeadersTimeout {
                ms: header_timeout.as_millis() as u64,
            }
        } else {
            Message::ConnectionClosed {
                cause: e.to_string(),
            }
        };
        context.events.emit(&connection_event(
            at_ms,
            peer,
            started,
            context.events.render(&why),
        ));
    }
}

fn connection_event(at_ms: i64, peer: SocketAddr, started: Instant, message: String) -> Event {
    Event {
        at_ms,
        peer,
        source: None,
        method: String::new(),
        path: String::new(),
        http_status: 0,
        status: None,
        message,
        stored: None,
        elapsed: started.elapsed(),
    }
}
