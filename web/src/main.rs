//! The runtask console: mounts the app (see `app.rs`).

// On the host only the model and the exports are built (for their tests).
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

mod export;
mod found;
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
#[cfg(target_arch = "wasm32")]
mod live;

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        console_error_panic_hook::set_once();
        leptos::mount::mount_to_body(app::App);
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    fn source(rel: &str) -> String {
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(rel)).unwrap()
    }

    /// The console's modules form layers: the components use the shared state (`console.rs`),
    /// not the page (`app.rs`) that places them; the form model (`state.rs`) holds no printer
    /// (`export.rs` does).
    #[test]
    fn components_use_the_console_not_the_app() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/components");
        let mut read = 0;
        for e in std::fs::read_dir(dir).unwrap() {
            let path = e.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(!text.contains("crate::app"), "{} imports app.rs", path.display());
            read += 1;
        }
        assert!(read >= 5);
        assert!(source("console.rs").contains("pub struct Console"));
        assert!(!source("app.rs").contains("pub struct Console"));
        let state = source("state.rs");
        assert!(!state.contains("fn write_pretty") && !state.contains("enum Dialect"), "state.rs prints");
        assert!(source("export.rs").contains("fn write_pretty"));
    }
}
