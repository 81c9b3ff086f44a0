//! `--live`: the pre-flight against the AWS account (crate runtask-live), for every file at once.
//! Built with the `live` feature (default); the pre-commit hook's binary goes without it.

use runtask_core::Options;

use crate::args::Args;
use crate::input::Loaded;

/// The live findings and fetched task definition for one file.
#[derive(Default)]
pub struct Live {
    #[cfg(feature = "live")]
    preflight: runtask_live::Preflight,
}

impl Live {
    /// The options for this file: the live findings added, and the fetched task definition
    /// unless `--task-definition` gave one.
    pub fn options(self, base: &Options) -> Options {
        #[allow(unused_mut)]
        let mut options = base.clone();
        #[cfg(feature = "live")]
        self.preflight.apply(&mut options);
        options
    }
}

/// One [`Live`] per file: empty without `--live`.
#[cfg(feature = "live")]
pub fn preflight(args: &Args, files: &[Loaded]) -> Result<Vec<Live>, String> {
    if !args.live {
        return Ok(files.iter().map(|_| Live::default()).collect());
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
        for file in files {
            let aws = aws.clone();
            let json = request_json(file);
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

#[cfg(not(feature = "live"))]
pub fn preflight(args: &Args, files: &[Loaded]) -> Result<Vec<Live>, String> {
    if args.live {
        return Err("--live is not available: this runtask-lint was built without its `live` feature (the pre-commit hook's build leaves it out; `cargo install runtask-lint` has it)".to_owned());
    }
    Ok(files.iter().map(|_| Live::default()).collect())
}

/// The request as JSON text: as read, or converted from YAML. None when it cannot be read (the
/// offline check reports why).
#[cfg(feature = "live")]
fn request_json(file: &Loaded) -> Option<String> {
    let text = file.text.as_deref()?;
    if file.error.is_some() || file.too_large.is_some() {
        return None;
    }
    if file.yaml {
        return runtask_core::yaml::to_json(text.strip_prefix('\u{feff}').unwrap_or(text)).ok().map(|c| c.json);
    }
    Some(text.to_owned())
}
