//! The console's parts.

pub mod diagnostics_panel;
pub mod fields;
pub mod found_panel;
pub mod json_preview;
pub mod live_check;
pub mod request_form;
pub mod rows;
pub mod submit_button;
pub mod task_definition;
