//! What a check reports: diagnostics with their location, message, hint and fix.

mod diagnostic;
mod fix;
pub mod message;

pub use diagnostic::{Diagnostic, Label, Severity};
pub use fix::{apply_fixes, Applicability, Edit, Fix};
