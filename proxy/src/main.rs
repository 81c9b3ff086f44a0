use std::process::ExitCode;

use clap::Parser;
use runtask_proxy::cli::Args;

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    tracing_subscriber::fmt()
        .with_env_filter(runtask_proxy::logging::filter(std::env::var("RUST_LOG").ok().as_deref()))
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .init();
    let settings = match args.settings(|k| std::env::var(k).ok()).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("runtask-proxy: {e}");
            return ExitCode::from(2);
        }
    };
    if !settings.static_dir.join("index.html").is_file() {
        tracing::warn!(static_dir = %settings.static_dir.display(), "no index.html there: build the console (make serve) or pass --static-dir");
    }
    let dry_run = settings.dry_run_reason.clone();
    let (region, endpoint) = (settings.region.clone(), settings.endpoint.clone());
    let running = match runtask_proxy::start(settings).await {
        Ok(r) => r,
        Err(e) => {
            eprintln!("runtask-proxy: {e}");
            return ExitCode::from(2);
        }
    };
    match &dry_run {
        // One line that says what it means and how to change it.
        Some(reason) => tracing::warn!("{}", runtask_proxy::cli::dry_run_line(reason)),
        None => tracing::info!(url = %running.url(), region, endpoint, "listening: requests that pass validation are launched"),
    }
    // Tests and scripts read the address from this line.
    eprintln!("runtask-proxy listening on {}", running.url());
    match running.run_until(shutdown_signal()).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("runtask-proxy: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down");
}
