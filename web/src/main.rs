//! The runtask console: mounts the app (see `app.rs`).

mod export;
mod lens;
mod problems;
mod state;

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        console_error_panic_hook::set_once();
        leptos::mount::mount_to_body(|| leptos::view! { <p>"runtask"</p> });
    }
}
