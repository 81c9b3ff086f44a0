//! Reading and checking files on several threads (rayon), with the results in the order of the
//! inputs: the output does not depend on how many threads ran or which finished first.
//!
//! `--jobs N` sets the number of threads; without it rayon's default applies (`RAYON_NUM_THREADS`,
//! else one per CPU core). One job, and the WASI build (the npm package's bin: WASI has no
//! threads), run the same calls one after the other on the calling thread.

/// Where the work runs.
pub struct Pool {
    /// `None`: on the calling thread, in order.
    #[cfg(not(target_os = "wasi"))]
    threads: Option<Threads>,
}

#[cfg(not(target_os = "wasi"))]
enum Threads {
    /// rayon's global pool (its size: `RAYON_NUM_THREADS`, else the number of cores).
    Global,
    Own(rayon::ThreadPool),
}

impl Pool {
    /// A pool of `jobs` threads (`None`: rayon's default).
    pub fn new(jobs: Option<usize>) -> Result<Pool, String> {
        #[cfg(not(target_os = "wasi"))]
        {
            let threads = match jobs {
                Some(1) => None,
                Some(n) => Some(Threads::Own(rayon::ThreadPoolBuilder::new().num_threads(n).build().map_err(|e| format!("--jobs {n}: {e}"))?)),
                None if rayon::current_num_threads() == 1 => None,
                None => Some(Threads::Global),
            };
            Ok(Pool { threads })
        }
        #[cfg(target_os = "wasi")]
        {
            let _ = jobs;
            Ok(Pool {})
        }
    }

    /// `f` over every item; the results in the order of `items`.
    pub fn map<T: Send, R: Send>(&self, items: Vec<T>, f: impl Fn(T) -> R + Sync + Send) -> Vec<R> {
        #[cfg(not(target_os = "wasi"))]
        if let Some(threads) = &self.threads {
            use rayon::prelude::*;
            let run = || items.into_par_iter().map(&f).collect();
            return match threads {
                Threads::Global => run(),
                Threads::Own(pool) => pool.install(run),
            };
        }
        #[cfg(target_os = "wasi")]
        let _ = self;
        items.into_iter().map(f).collect()
    }
}
