//! The console's files (`--static-dir`, Trunk's `dist/`). A path is served only when:
//!
//! - no segment of it, as asked or once symbolic links are resolved, starts with `.` (no
//!   `.env`, no `.git/`, no `..`), percent-encoded or not;
//! - its real path (symbolic links resolved) is inside the real static directory: a link that
//!   stays inside is followed, one that leads out is not.
//!
//! Anything else is a 404, the same as a missing file. `/` and directories serve their
//! `index.html`. The file itself is served by tower-http's `ServeFile` (content type, ranges,
//! conditional requests).

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::ServeFile;

/// The fallback service's state: the static directory as configured.
pub type Root = Arc<PathBuf>;

/// Serves the file `request` names, or 404.
pub async fn serve(State(root): State<Root>, request: Request) -> Response {
    match resolve(&root, request.uri().path()).await {
        Some(file) => match ServeFile::new(file).oneshot(request).await {
            Ok(response) => response.into_response(),
            Err(never) => match never {},
        },
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The real path of the file to serve for `path`, when it may be served.
async fn resolve(root: &Path, path: &str) -> Option<PathBuf> {
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8().ok()?;
    let segments: Vec<&str> = decoded.split('/').filter(|s| !s.is_empty()).collect();
    if segments.iter().any(|s| s.starts_with('.') || s.contains('\\') || s.contains('\0')) {
        return None;
    }
    let root = tokio::fs::canonicalize(root).await.ok()?;
    let mut file = tokio::fs::canonicalize(segments.iter().fold(root.clone(), |p, s| p.join(s))).await.ok()?;
    if tokio::fs::metadata(&file).await.ok()?.is_dir() {
        file = tokio::fs::canonicalize(file.join("index.html")).await.ok()?;
    }
    let inside = file.strip_prefix(&root).ok()?;
    let hidden = inside.components().any(|c| match c {
        Component::Normal(name) => name.to_string_lossy().starts_with('.'),
        _ => true,
    });
    (!hidden && tokio::fs::metadata(&file).await.ok()?.is_file()).then_some(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn resolves_inside_and_refuses_the_rest() {
        let root = std::env::temp_dir().join(format!("runtask-proxy-statics-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("dist/sub")).unwrap();
        std::fs::write(root.join("dist/index.html"), "i").unwrap();
        std::fs::write(root.join("dist/sub/a.js"), "a").unwrap();
        std::fs::write(root.join("dist/.hidden"), "h").unwrap();
        std::fs::write(root.join("secret"), "s").unwrap();
        let dist = root.join("dist");
        let real = |p: &str| std::fs::canonicalize(dist.join(p)).unwrap();
        assert_eq!(resolve(&dist, "/").await, Some(real("index.html")));
        assert_eq!(resolve(&dist, "/sub/a.js").await, Some(real("sub/a.js")));
        assert_eq!(resolve(&dist, "/sub/%61.js").await, Some(real("sub/a.js")));
        for refused in ["/.hidden", "/%2ehidden", "/sub/../../secret", "/sub/%2e%2e/%2e%2e/secret", "/missing", "/sub", "/%ff"] {
            assert_eq!(resolve(&dist, refused).await, None, "{refused}");
        }
        std::fs::remove_dir_all(&root).unwrap();
    }
}
