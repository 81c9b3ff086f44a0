//! Limit tables, each with its source and the date it was read. Rules read them; so does the JSON
//! Schema. When AWS changes a limit, change it here.

pub mod fargate;
pub mod launch;
pub mod limits;
pub mod platform;
pub mod secrets;
