//! Accepting and keeping connections, with the limits that keep idle and slow clients from
//! crowding out real requests ([`Limits`]):
//!
//! - hyper's header-read timeout: each request head must be complete within
//!   `header_read_timeout` of the connection opening or of its previous answer;
//! - the idle timeout: a connection with no request in progress that sends nothing for
//!   `idle_timeout` is closed;
//! - the connection cap: when a new connection would go over `max_connections`, the connection
//!   idle longest is closed to make room (those that have sent nothing since their last answer
//!   first, then those part-way through a request head). When every connection has a request in
//!   progress, the new one waits until one is done, and later ones wait in the listen backlog.
//!
//! A connection with a request in progress is never closed by these limits: its answer is
//! written whole. (The request's own deadlines are the body's, in `body.rs`, then ECS's.)
//! Whether a request is in progress changes only while hyper polls the connection, which the
//! connection's own task does, so the task's decision to close cannot race a request starting.

use std::collections::HashMap;
use std::convert::Infallible;
use std::io::ErrorKind;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use hyper::body::{Body, Frame, Incoming, SizeHint};
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Notify};
use tokio::time::Instant;
use tower::ServiceExt;

use crate::limits::Limits;

/// After a failed accept (most likely out of file descriptors), the longest wait before trying
/// again when no connection closes sooner.
const ACCEPT_RETRY: Duration = Duration::from_millis(100);

/// One connection's state, shared by its task, its requests and the registry.
struct Conn {
    /// Requests whose answer is not yet written whole.
    in_flight: AtomicUsize,
    /// Bytes arrived since the connection opened or last became idle.
    heard: AtomicBool,
    /// When the connection opened or last became idle.
    idle_since: Mutex<Instant>,
    /// The accept loop asks the connection to close.
    evict: AtomicBool,
    /// Wakes the connection's task: it became idle, or is asked to close.
    wake: Notify,
}

impl Conn {
    fn new() -> Self {
        Conn { in_flight: AtomicUsize::new(0), heard: AtomicBool::new(false), idle_since: Mutex::new(Instant::now()), evict: AtomicBool::new(false), wake: Notify::new() }
    }

    fn idle(&self) -> bool {
        self.in_flight.load(Ordering::SeqCst) == 0
    }

    fn idle_since(&self) -> Instant {
        *self.idle_since.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// When the idle timeout closes this connection, if nothing happens before.
    fn idle_deadline(&self, timeout: Duration) -> Option<Instant> {
        (self.idle() && !self.heard.load(Ordering::SeqCst)).then(|| self.idle_since() + timeout)
    }

    fn became_idle(&self) {
        *self.idle_since.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Instant::now();
        self.heard.store(false, Ordering::SeqCst);
        self.wake.notify_one();
    }
}

/// The open connections.
#[derive(Default)]
struct Registry {
    conns: Mutex<HashMap<u64, Arc<Conn>>>,
    /// A connection closed or became idle: there may be room now.
    room: Notify,
}

impl Registry {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Arc<Conn>>> {
        self.conns.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn len(&self) -> usize {
        self.lock().len()
    }

    /// Asks the connection idle longest to close (one that has sent nothing since it became idle
    /// before one part-way through a request head). `false` when every connection is busy.
    fn evict_one(&self) -> bool {
        let conns = self.lock();
        let victim = conns
            .values()
            .filter(|c| c.idle() && !c.evict.load(Ordering::SeqCst))
            .min_by_key(|c| (c.heard.load(Ordering::SeqCst), c.idle_since()));
        match victim {
            Some(c) => {
                c.evict.store(true, Ordering::SeqCst);
                c.wake.notify_one();
                true
            }
            None => false,
        }
    }

    fn remove(&self, id: u64) {
        self.lock().remove(&id);
        self.room.notify_one();
    }
}

/// A request in progress on a connection; dropped when its answer is written (or abandoned).
struct Busy {
    conn: Arc<Conn>,
    registry: Arc<Registry>,
}

impl Busy {
    fn new(conn: Arc<Conn>, registry: Arc<Registry>) -> Self {
        conn.in_flight.fetch_add(1, Ordering::SeqCst);
        Busy { conn, registry }
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        if self.conn.in_flight.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.conn.became_idle();
            self.registry.room.notify_one();
        }
    }
}

/// An answer's body that keeps its request counted as in progress until hyper has written it.
struct Answer {
    body: axum::body::Body,
    _busy: Busy,
}

impl Body for Answer {
    type Data = bytes::Bytes;
    type Error = axum::Error;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Self::Data>, Self::Error>>> {
        Pin::new(&mut self.body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

/// The client's socket, noting when bytes arrive.
struct Heard {
    stream: TcpStream,
    conn: Arc<Conn>,
}

impl AsyncRead for Heard {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.stream).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.conn.heard.store(true, Ordering::SeqCst);
        }
        polled
    }
}

impl AsyncWrite for Heard {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }

    fn poll_write_vectored(mut self: Pin<&mut Self>, cx: &mut Context<'_>, bufs: &[std::io::IoSlice<'_>]) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

/// Resolves once `stop` says so (or its sender is gone).
async fn stopped(stop: &mut watch::Receiver<bool>) {
    let _ = stop.wait_for(|s| *s).await;
}

/// Serves `app` on `listener` until `stop` turns true, then lets the requests in progress finish
/// (connections without one close at once) and returns.
pub(crate) async fn run(listener: TcpListener, app: Router, limits: Limits, mut stop: watch::Receiver<bool>) {
    let registry = Arc::new(Registry::default());
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(limits.header_read_timeout).keep_alive(true);
    let mut connections = tokio::task::JoinSet::new();
    let mut next_id = 0u64;
    'accept: loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            () = stopped(&mut stop) => break,
        };
        let stream = match accepted {
            Ok((stream, _)) => stream,
            // That client gave up: nothing to make room for.
            Err(e) if matches!(e.kind(), ErrorKind::ConnectionAborted | ErrorKind::ConnectionReset | ErrorKind::ConnectionRefused | ErrorKind::Interrupted) => continue,
            Err(e) => {
                // Out of file descriptors, most likely: make room and try again.
                tracing::debug!(error = %e, "accept failed");
                registry.evict_one();
                tokio::select! {
                    () = registry.room.notified() => {}
                    () = tokio::time::sleep(ACCEPT_RETRY) => {}
                    () = stopped(&mut stop) => break,
                }
                continue;
            }
        };
        while registry.len() >= limits.max_connections {
            registry.evict_one();
            tokio::select! {
                () = registry.room.notified() => {}
                () = stopped(&mut stop) => break 'accept,
            }
        }
        // Small JSON answers: send them without waiting for Nagle.
        let _ = stream.set_nodelay(true);
        next_id += 1;
        let conn = Arc::new(Conn::new());
        registry.lock().insert(next_id, conn.clone());
        connections.spawn(serve_connection(next_id, stream, conn, registry.clone(), http.clone(), app.clone(), limits.idle_timeout, stop.clone()));
        while connections.try_join_next().is_some() {}
    }
    drop(listener);
    while connections.join_next().await.is_some() {}
}

#[allow(clippy::too_many_arguments)]
async fn serve_connection(id: u64, stream: TcpStream, conn: Arc<Conn>, registry: Arc<Registry>, http: http1::Builder, app: Router, idle_timeout: Duration, mut stop: watch::Receiver<bool>) {
    let io = TokioIo::new(Heard { stream, conn: conn.clone() });
    let service = {
        let (conn, registry) = (conn.clone(), registry.clone());
        hyper::service::service_fn(move |request: hyper::Request<Incoming>| {
            let busy = Busy::new(conn.clone(), registry.clone());
            let app = app.clone();
            async move {
                let response = app.oneshot(request.map(axum::body::Body::new)).await.unwrap_or_else(|never| match never {});
                Ok::<_, Infallible>(response.map(|body| Answer { body, _busy: busy }))
            }
        })
    };
    let connection = http.serve_connection(io, service);
    tokio::pin!(connection);
    tracing::trace!(id, "connection open");
    let mut closing = false;
    loop {
        let idle_deadline = conn.idle_deadline(idle_timeout);
        tokio::select! {
            ended = connection.as_mut() => {
                if let Err(e) = ended {
                    tracing::debug!(error = %e, "connection ended");
                }
                break;
            }
            () = conn.wake.notified() => {
                if closing && conn.idle() {
                    break;
                }
                if conn.evict.swap(false, Ordering::SeqCst) {
                    if conn.idle() {
                        tracing::debug!("closing an idle connection to make room for a new one");
                        break;
                    }
                    // A request started meanwhile: look for another.
                    registry.room.notify_one();
                }
            }
            () = tokio::time::sleep_until(idle_deadline.unwrap_or_else(|| Instant::now() + idle_timeout)), if idle_deadline.is_some() => {
                if conn.idle_deadline(idle_timeout).is_some_and(|at| at <= Instant::now()) {
                    tracing::debug!("closing a connection idle for {} ms", idle_timeout.as_millis());
                    break;
                }
            }
            () = stopped(&mut stop), if !closing => {
                // Stopping: a connection without a request in progress closes now (even one
                // part-way through a head), one with a request closes once its answer is written.
                if conn.idle() {
                    break;
                }
                closing = true;
                connection.as_mut().graceful_shutdown();
            }
        }
    }
    registry.remove(id);
    tracing::trace!(id, "connection closed");
}
