//! `--live`: the pre-flight against the AWS account (crate runtask-live), for every file at once.
//! Built with the `live` feature (default) on every target but WASI; the pre-commit hook's binary
//! and the npm package's WASI bin go without it.

use crate::args::Args;
use crate::candidate::Reading;
use crate::config::FileSettings;
use crate::input::Loaded;

/// The live findings and fetched task definition for one file.
#[derive(Default)]
pub struct Live {
    #[cfg(all(feature = "live", not(target_os = "wasi")))]
    preflight: runtask_live::Preflight,
}

impl Live {
    /// The settings for this file: the live findings added, and the fetched task definition
    /// unless `--task-definition` (or the configuration) gave one.
    pub fn settings(self, base: &FileSettings) -> FileSettings {
        #[allow(unused_mut)]
        let mut settings = base.clone();
        #[cfg(all(feature = "live", not(target_os = "wasi")))]
        self.preflight.apply(&mut settings.options);
        settings
    }
}

/// One [`Live`] per request (JSON text, `None` when it cannot be read): empty without `--live`.
#[cfg(all(feature = "live", not(target_os = "wasi")))]
pub fn preflight(args: &Args, requests: &[Option<String>]) -> Result<Vec<Live>, String> {
    if !args.live {
        return Ok(requests.iter().map(|_| Live::default()).collect());
    }
    if !(args.live_timeout > 0.0 && args.live_timeout <= 600.0) {
        return Err("--live-timeout must be more than 0 and at most 600 seconds".to_owned());
    }
    let deadline = std::time::Duration::from_secs_f64(args.live_timeout);
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().map_err(|e| format!("--live: {e}"))?;
    runtime.block_on(async {
        let connect = runtask_live::Connect { region: args.region.clone(), profile: args.profile.clone() };
        let aws = runtask_live::Aws::connect(&connect).await.map_err(|e| format!("--live: {e}"))?;
        let mut tasks = Vec::new();
        for json in requests {
            let aws = aws.clone();
            let json = json.clone();
            tasks.push(tokio::spawn(async move {
                match json {
                    Some(json) => aws.preflight(&json, deadline).await,
                    None => runtask_live::Preflight::default(),
                }
            }));
        }
        let mut out = Vec::new();
        for task in tasks {
            out.push(Live { preflight: task.await.map_err(|e| format!("--live: {e}"))? });
        }
        Ok(out)
    })
}

#[cfg(not(all(feature = "live", not(target_os = "wasi"))))]
pub fn preflight(args: &Args, requests: &[Option<String>]) -> Result<Vec<Live>, String> {
    if args.live {
        return Err("--live is not available: this runtask-lint was built without its `live` feature (the pre-commit hook's build and the npm package's bin leave it out; `cargo install runtask-lint` and the Python wheel have it)".to_owned());
    }
    Ok(requests.iter().map(|_| Live::default()).collect())
}

/// The request as JSON text: as read, or converted from YAML. None when it cannot be read (the
/// offline check reports why).
pub fn request_json(file: &Loaded, reading: Reading) -> Option<String> {
    let text = file.text.as_deref()?;
    if file.error.is_some() || file.too_large.is_some() {
        return None;
    }
    match reading {
        Reading::Yaml => runtask_core::yaml::to_json(text.strip_prefix('\u{feff}').unwrap_or(text)).ok().map(|c| c.text().to_owned()),
        Reading::Json => Some(text.to_owned()),
        // The requests inside a state machine, template or script are not looked up yet.
        Reading::Dialect { .. } => None,
    }
}
