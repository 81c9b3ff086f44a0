//! Every limit the proxy puts on connections and requests, in one place: the defaults, the flags
//! that change them (docs/proxy-api.md, "Limits"), and why each value.

use std::time::Duration;

/// Largest request body accepted (413 above it). A RunTask request is a few KiB; ECS's own limit
/// on container overrides is 8192 characters.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// Most diagnostics in one answer; `diagnosticsTotal` says how many there were. A crafted 60 KiB
/// body can break a rule thousands of times.
pub const MAX_DIAGNOSTICS: usize = 100;

/// Most bytes of diagnostics in one answer (the list stops before the diagnostic that would
/// cross it), whatever the diagnostics quote.
pub const MAX_DIAGNOSTICS_BYTES: usize = 128 * 1024;

/// Most task ARNs in one DescribeTasks (ECS's limit).
pub const MAX_DESCRIBE_TASKS: usize = 100;

/// The default connection cap: each connection may also hold an upstream connection, so 512
/// descriptors, half the usual soft limit of 1024.
pub const DEFAULT_MAX_CONNECTIONS: u32 = 256;

/// File descriptors kept aside from the connection cap for the runtime, the listener, the
/// credential providers and static files.
const RESERVED_FDS: u64 = 64;

/// The limits on connections and request bodies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Connections open at once (`--max-connections`). At the cap, the connection idle longest is
    /// closed to make room; when every connection has a request in progress, new ones wait.
    pub max_connections: usize,
    /// A request head must be complete within this time of the connection opening or of its
    /// previous answer (`--header-read-timeout`; hyper's header-read timeout).
    pub header_read_timeout: Duration,
    /// A connection with no request in progress that sends nothing for this long is closed
    /// (`--idle-timeout`).
    pub idle_timeout: Duration,
    /// A request body must arrive whole within this time of its head (`--body-read-timeout`),
    /// else 408, and nothing is sent to ECS.
    pub body_read_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_connections: DEFAULT_MAX_CONNECTIONS as usize,
            // Browsers send a head in one packet; a slow mobile link still takes well under 10 s.
            header_read_timeout: Duration::from_secs(10),
            // Node.js's keep-alive default; the console reconnects at no cost on loopback.
            idle_timeout: Duration::from_secs(5),
            // 64 KiB in 10 s is 52 kbit/s.
            body_read_timeout: Duration::from_secs(10),
        }
    }
}

/// The longest time limit a flag accepts.
pub const MAX_TIMEOUT: Duration = Duration::from_secs(3600);

impl Limits {
    /// `Err` names the first limit that is out of range.
    pub fn check(&self) -> Result<(), String> {
        if self.max_connections == 0 {
            return Err("--max-connections must be at least 1".to_owned());
        }
        for (flag, value) in [("--header-read-timeout", self.header_read_timeout), ("--idle-timeout", self.idle_timeout), ("--body-read-timeout", self.body_read_timeout)] {
            if value.is_zero() || value > MAX_TIMEOUT {
                return Err(format!("{flag} must be more than 0 and at most {} seconds", MAX_TIMEOUT.as_secs()));
            }
        }
        Ok(())
    }

    /// These limits with the connection cap lowered, when needed, so that the cap is reached
    /// before the process runs out of file descriptors (two per connection: the client's and an
    /// upstream one). `Some(note)` says what was lowered.
    #[must_use]
    pub fn fitted_to_descriptors(self) -> (Self, Option<String>) {
        let Some(soft) = descriptor_limit() else { return (self, None) };
        let fits = usize::try_from(soft.saturating_sub(RESERVED_FDS) / 2).unwrap_or(usize::MAX).max(1);
        if fits >= self.max_connections {
            return (self, None);
        }
        let note = format!("--max-connections lowered from {} to {fits} to fit the limit of {soft} open files (ulimit -n)", self.max_connections);
        (Limits { max_connections: fits, ..self }, Some(note))
    }
}

/// The soft limit on open files, when there is one.
#[cfg(unix)]
fn descriptor_limit() -> Option<u64> {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit writes into the struct it is given and reads nothing else.
    let ok = unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &raw mut limit) } == 0;
    #[allow(clippy::useless_conversion)] // rlim_t is not u64 on every platform
    (ok && limit.rlim_cur != libc::RLIM_INFINITY).then(|| u64::try_from(limit.rlim_cur).unwrap_or(u64::MAX))
}

#[cfg(not(unix))]
fn descriptor_limit() -> Option<u64> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_pass_their_own_check() {
        assert_eq!(Limits::default().check(), Ok(()));
        let zero = Limits { idle_timeout: Duration::ZERO, ..Limits::default() };
        assert!(zero.check().unwrap_err().contains("--idle-timeout"));
        let none = Limits { max_connections: 0, ..Limits::default() };
        assert!(none.check().unwrap_err().contains("--max-connections"));
    }

    #[test]
    fn the_cap_fits_the_descriptor_limit() {
        let huge = Limits { max_connections: usize::MAX / 4, ..Limits::default() };
        let (fitted, note) = huge.fitted_to_descriptors();
        match descriptor_limit() {
            Some(soft) => {
                assert!((fitted.max_connections as u64) * 2 + RESERVED_FDS <= soft.max(RESERVED_FDS + 2), "{fitted:?} for {soft}");
                assert!(note.unwrap().contains("ulimit -n"));
            }
            None => assert_eq!((fitted, note), (huge, None)),
        }
        let one = Limits { max_connections: 1, ..Limits::default() };
        assert_eq!(one.fitted_to_descriptors(), (one, None));
    }
}
