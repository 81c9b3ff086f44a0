//! The runtask console: mounts the app (see `app.rs`).

// On the host only the model and the exports are built (for their tests).
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

mod export;
mod lens;
mod problems;
mod state;

#[cfg(target_arch = "wasm32")]
mod api;
#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod console;

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        console_error_panic_hook::set_once();
        leptos::mount::mount_to_body(app::App);
    }
}
