//! RunTask calls, one per clientToken.
//!
//! - Each call runs in a task of its own, so nothing the client does (hanging up, a timeout on
//!   its side) cancels it once it may have reached ECS. The call waits for ECS's answer: the
//!   client gets a 504 with the clientToken at the RunTask deadline, and the proxy keeps waiting
//!   for a while longer (`RetryPolicy::late_answer_wait`) to log what ECS did.
//! - Requests with the same clientToken and the same request (as JSON: the same members and
//!   values, whatever their order or spacing) share one call while it is in flight, and its
//!   answer for [`RECENT`] after a success. A double-click, or a retry after a 504, costs no second
//!   signed call and, even against an endpoint that does not deduplicate tokens, no second
//!   launch.
//! - The same clientToken with a different request is sent on its own; ECS decides (it refuses
//!   a token reused for other parameters).

use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bytes::Bytes;
use serde_json::Value;
use tokio::sync::{watch, Notify};
use tokio::time::Instant;

use crate::upstream::{Success, UpstreamError};

/// How long a successful answer is shared with requests that repeat it.
pub const RECENT: Duration = Duration::from_secs(600);
/// Most answers kept for sharing; the oldest go first.
const MAX_RECENT: usize = 256;

/// Where a call is.
#[derive(Clone, Debug)]
pub enum Phase {
    Sending,
    /// Past the deadline: the requests waiting got a 504; the call still waits for ECS.
    Late,
    Done(Result<Arc<Success>, UpstreamError>),
}

/// Lets the call say it is past its deadline.
pub struct Late(Arc<watch::Sender<Phase>>);

impl Late {
    pub fn signal(&self) {
        self.0.send_if_modified(|p| {
            let sending = matches!(p, Phase::Sending);
            if sending {
                *p = Phase::Late;
            }
            sending
        });
    }
}

struct Entry {
    body: Bytes,
    phase: watch::Receiver<Phase>,
    /// When the call succeeded.
    answered: Option<Instant>,
}

/// The calls in flight and the recent answers, by clientToken.
#[derive(Default)]
pub struct Launches {
    entries: Mutex<Entries>,
    running: AtomicUsize,
    finished: Notify,
}

#[derive(Default)]
struct Entries {
    by_token: HashMap<String, Entry>,
    /// The answered entries, oldest first.
    answered: VecDeque<(Instant, String)>,
}

/// A call's task: when it ends (or unwinds), its entry is settled and the count of running calls
/// goes down, so that a panic can neither leave a token stuck nor keep the proxy from stopping.
struct Running {
    launches: Arc<Launches>,
    token: String,
    tx: Arc<watch::Sender<Phase>>,
    remembered: bool,
    succeeded: bool,
}

impl Drop for Running {
    fn drop(&mut self) {
        if self.remembered {
            self.launches.settle(&self.token, &self.tx, self.succeeded);
        }
        self.launches.running.fetch_sub(1, Ordering::SeqCst);
        self.launches.finished.notify_waiters();
    }
}

impl Entries {
    /// Drops answers older than [`RECENT`], then the oldest beyond [`MAX_RECENT`].
    fn expire(&mut self) {
        while let Some((at, token)) = self.answered.front() {
            if at.elapsed() < RECENT && self.answered.len() <= MAX_RECENT {
                break;
            }
            // The token may have been answered again since: only this answer goes.
            if self.by_token.get(token).is_some_and(|e| e.answered == Some(*at)) {
                self.by_token.remove(token);
            }
            self.answered.pop_front();
        }
    }
}

/// A request's place in a call.
pub struct Joined {
    phase: watch::Receiver<Phase>,
    /// It joined a call already past its deadline.
    late_on_join: bool,
    /// It shares a call another request started.
    pub shared: bool,
}

impl Launches {
    fn lock(&self) -> std::sync::MutexGuard<'_, Entries> {
        self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Joins the call for `token` with the same request `body`, or starts `call` in a task of its
    /// own.
    pub fn join<F, Fut>(self: &Arc<Self>, token: &str, body: &Bytes, call: F) -> Joined
    where
        F: FnOnce(Late) -> Fut,
        Fut: Future<Output = Result<Success, UpstreamError>> + Send + 'static,
    {
        let mut entries = self.lock();
        entries.expire();
        let same = entries.by_token.get(token).map(|e| same_request(&e.body, body));
        if let (Some(true), Some(e)) = (same, entries.by_token.get(token)) {
            let late_on_join = matches!(*e.phase.borrow(), Phase::Late);
            return Joined { phase: e.phase.clone(), late_on_join, shared: true };
        }
        let (tx, rx) = watch::channel(Phase::Sending);
        let tx = Arc::new(tx);
        // A token reused for another request is not remembered: its call is its own.
        let remembered = same.is_none();
        if remembered {
            entries.by_token.insert(token.to_owned(), Entry { body: body.clone(), phase: rx.clone(), answered: None });
        }
        drop(entries);
        let future = call(Late(tx.clone()));
        self.running.fetch_add(1, Ordering::SeqCst);
        let mut running = Running { launches: self.clone(), token: token.to_owned(), tx, remembered, succeeded: false };
        tokio::spawn(async move {
            let result = future.await.map(Arc::new);
            running.succeeded = result.is_ok();
            running.tx.send_replace(Phase::Done(result));
        });
        Joined { phase: rx, late_on_join: false, shared: false }
    }

    /// Keeps a success for [`RECENT`]; forgets a failure, so that a retry is sent again.
    fn settle(&self, token: &str, tx: &watch::Sender<Phase>, succeeded: bool) {
        let mut entries = self.lock();
        let ours = entries.by_token.get(token).is_some_and(|e| e.phase.same_channel(&tx.subscribe()));
        if !ours {
            return;
        }
        if succeeded {
            let now = Instant::now();
            if let Some(e) = entries.by_token.get_mut(token) {
                e.answered = Some(now);
            }
            entries.answered.push_back((now, token.to_owned()));
            entries.expire();
        } else {
            entries.by_token.remove(token);
        }
    }

    /// Calls still running.
    #[must_use]
    pub fn running(&self) -> usize {
        self.running.load(Ordering::SeqCst)
    }

    /// Resolves when no call is running.
    pub async fn drained(&self) {
        loop {
            let finished = self.finished.notified();
            if self.running() == 0 {
                return;
            }
            finished.await;
        }
    }
}

/// The same request to ECS: the same bytes, or the same JSON value.
fn same_request(a: &Bytes, b: &Bytes) -> bool {
    a == b || matches!((serde_json::from_slice::<Value>(a), serde_json::from_slice::<Value>(b)), (Ok(x), Ok(y)) if x == y)
}

impl Joined {
    /// The call's outcome. A request that joined a call already past its deadline waits up to
    /// `deadline` for the answer, then gets the timeout too.
    pub async fn outcome(mut self, deadline: Duration) -> Result<Arc<Success>, UpstreamError> {
        let limit = self.late_on_join.then(|| Instant::now() + deadline);
        loop {
            match &*self.phase.borrow_and_update() {
                Phase::Done(result) => return result.clone(),
                Phase::Late if limit.is_none() => return Err(UpstreamError::Timeout { after: deadline }),
                _ => {}
            }
            let changed = match limit {
                Some(at) => tokio::time::timeout_at(at, self.phase.changed()).await.unwrap_or(Ok(())),
                None => self.phase.changed().await,
            };
            if limit.is_some_and(|at| Instant::now() >= at) && !matches!(*self.phase.borrow(), Phase::Done(_)) {
                return Err(UpstreamError::Timeout { after: deadline });
            }
            if changed.is_err() {
                return Err(UpstreamError::Unreachable { detail: "the call ended without an answer".to_owned(), sent: true });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn success(text: &str) -> Success {
        Success { body: Bytes::from(text.to_owned()), request_id: None, attempts: 1, late: false }
    }

    #[tokio::test]
    async fn requests_in_flight_together_share_one_call() {
        let launches = Arc::new(Launches::default());
        let calls = Arc::new(AtomicUsize::new(0));
        let release = Arc::new(Notify::new());
        let body = Bytes::from_static(br#"{"clientToken":"t","cluster":"c"}"#);
        let reordered = Bytes::from_static(br#"{ "cluster": "c", "clientToken": "t" }"#);
        let mut joined = Vec::new();
        for i in 0..50 {
            let (calls, release) = (calls.clone(), release.clone());
            joined.push(launches.join("t", if i % 2 == 0 { &body } else { &reordered }, move |_late| async move {
                calls.fetch_add(1, Ordering::SeqCst);
                release.notified().await;
                Ok(success("answer"))
            }));
        }
        assert_eq!(joined.iter().filter(|j| j.shared).count(), 49);
        release.notify_one();
        for j in joined {
            assert_eq!(j.outcome(Duration::from_secs(60)).await.unwrap().body, "answer");
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        launches.drained().await;

        // Answered: shared from memory.
        let again = launches.join("t", &body, |_| async { panic!("not called again") });
        assert!(again.shared);
        assert_eq!(again.outcome(Duration::from_secs(60)).await.unwrap().body, "answer");
    }

    #[tokio::test]
    async fn at_most_the_recent_answers_are_kept() {
        let launches = Arc::new(Launches::default());
        for i in 0..MAX_RECENT + 10 {
            let j = launches.join(&format!("t{i}"), &Bytes::from_static(b"{}"), |_| async { Ok(success("a")) });
            j.outcome(Duration::from_secs(60)).await.unwrap();
            launches.drained().await;
        }
        let entries = launches.lock();
        assert_eq!((entries.by_token.len(), entries.answered.len()), (MAX_RECENT, MAX_RECENT));
        assert!(!entries.by_token.contains_key("t0") && entries.by_token.contains_key(&format!("t{}", MAX_RECENT + 9)));
    }

    #[tokio::test]
    async fn another_request_or_a_failure_is_not_shared() {
        let launches = Arc::new(Launches::default());
        let a = launches.join("t", &Bytes::from_static(br#"{"clientToken":"t","count":1}"#), |_| async { Err(UpstreamError::Timeout { after: Duration::ZERO }) });
        assert!(a.outcome(Duration::from_secs(60)).await.is_err());
        launches.drained().await;
        let b = launches.join("t", &Bytes::from_static(br#"{"clientToken":"t","count":1}"#), |_| async { Ok(success("second")) });
        assert!(!b.shared, "a failed call is forgotten");
        assert_eq!(b.outcome(Duration::from_secs(60)).await.unwrap().body, "second");
        let c = launches.join("t", &Bytes::from_static(br#"{"clientToken":"t","count":2}"#), |_| async { Ok(success("third")) });
        assert!(!c.shared, "other parameters with the same token go to ECS");
        assert_eq!(c.outcome(Duration::from_secs(60)).await.unwrap().body, "third");
    }

    #[tokio::test]
    async fn a_call_that_panics_leaves_nothing_stuck() {
        let launches = Arc::new(Launches::default());
        let body = Bytes::from_static(b"{}");
        let broken = launches.join("t", &body, |_| async { panic!("a bug in the call") });
        assert!(matches!(broken.outcome(Duration::from_secs(60)).await, Err(UpstreamError::Unreachable { sent: true, .. })));
        launches.drained().await;
        let again = launches.join("t", &body, |_| async { Ok(success("sent again")) });
        assert!(!again.shared);
        assert_eq!(again.outcome(Duration::from_secs(60)).await.unwrap().body, "sent again");
    }

    #[tokio::test]
    async fn a_late_call_answers_its_waiters_with_a_timeout_and_later_joiners_with_the_answer() {
        let launches = Arc::new(Launches::default());
        let release = Arc::new(Notify::new());
        let body = Bytes::from_static(b"{}");
        let gate = release.clone();
        let first = launches.join("t", &body, move |late| async move {
            late.signal();
            gate.notified().await;
            Ok(success("late answer"))
        });
        assert!(matches!(first.outcome(Duration::from_secs(60)).await, Err(UpstreamError::Timeout { .. })));
        let retry = launches.join("t", &body, |_| async { panic!("not called again") });
        assert!(retry.shared);
        release.notify_one();
        assert_eq!(retry.outcome(Duration::from_secs(60)).await.unwrap().body, "late answer");
    }
}
