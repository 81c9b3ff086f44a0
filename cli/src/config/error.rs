//! A configuration error: the file, the exact place, what is wrong and what to do; rendered like
//! the diagnostics (rustc style).

use std::ops::Range;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

#[derive(Debug, Clone)]
pub struct ConfigError {
    /// The configuration file as shown (relative to the working directory when inside it).
    pub file: String,
    /// Its text, when the error is inside it.
    pub text: Option<String>,
    pub span: Range<usize>,
    pub message: String,
    pub help: Option<String>,
}

impl ConfigError {
    /// An error about the file as a whole (it cannot be read).
    pub fn whole(file: String, message: String) -> Self {
        ConfigError { file, text: None, span: 0..0, message, help: None }
    }

    /// 1-based line and column (in characters) of the start.
    pub fn line_column(&self) -> (usize, usize) {
        let Some(text) = &self.text else { return (1, 1) };
        let start = self.span.start.min(text.len());
        let before = &text[..floor_char_boundary(text, start)];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, column)
    }

    /// The rustc-style rendering, ending with a newline.
    pub fn render(&self, color: bool) -> String {
        let renderer = if color { Renderer::styled() } else { Renderer::plain() };
        let title = Level::ERROR.primary_title(format!("configuration: {}", self.message));
        let mut group = match &self.text {
            Some(text) if self.span.end <= text.len() && text.is_char_boundary(self.span.start) && text.is_char_boundary(self.span.end) => {
                title.element(Snippet::source(text.as_str()).path(self.file.as_str()).annotation(AnnotationKind::Primary.span(self.span.clone())))
            }
            _ => title.element(Level::NOTE.message(format!("in {}", self.file))),
        };
        if let Some(help) = &self.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        let mut out = renderer.render(&[group]);
        out.push('\n');
        out
    }
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (line, column) = self.line_column();
        write!(f, "{}:{line}:{column}: {}", self.file, self.message)?;
        if let Some(help) = &self.help {
            write!(f, " ({help})")?;
        }
        Ok(())
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
