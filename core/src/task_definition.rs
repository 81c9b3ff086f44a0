//! The optional task definition: DescribeTaskDefinition output (`{"taskDefinition": {...}}`),
//! RegisterTaskDefinition input, or a bare task definition object. Parsed with the same strict
//! JSON layer; rules read it through these accessors.

use std::borrow::Cow;

use crate::json::{Document, Kind, NodeId, ParseError};
use crate::units;

/// Why a task definition could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskDefinitionError {
    pub message: String,
    pub line: u32,
    pub column: u32,
}

impl std::fmt::Display for TaskDefinitionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "task definition, line {} column {}: {}", self.line, self.column, self.message)
    }
}

pub struct TaskDefinition<'t> {
    pub doc: Document<'t>,
    /// The task definition object itself (unwrapped from DescribeTaskDefinition output).
    pub root: NodeId,
}

/// A container definition, as far as the rules need it.
#[derive(Debug, Clone)]
pub struct Container<'t> {
    pub node: NodeId,
    pub name: Cow<'t, str>,
    pub cpu: Option<i64>,
    pub memory: Option<i64>,
    pub memory_reservation: Option<i64>,
}

impl<'t> TaskDefinition<'t> {
    pub fn parse(src: &'t str) -> Result<Self, TaskDefinitionError> {
        let skip = if src.starts_with('\u{feff}') { 3 } else { 0 };
        let doc = Document::parse_from(src, skip).map_err(|e: ParseError| {
            let pos = crate::json::LineIndex::new(src).position(e.offset as u32);
            TaskDefinitionError { message: e.message(), line: pos.line, column: pos.column }
        })?;
        let top = doc.root();
        if doc.kind(top) != Kind::Object {
            return Err(TaskDefinitionError {
                message: format!("expected a JSON object, found {}", doc.kind(top).describe()),
                line: 1,
                column: 1,
            });
        }
        let root = match doc.get(top, "taskDefinition") {
            Some(inner) if doc.kind(inner) == Kind::Object => inner,
            _ => top,
        };
        if doc.get(root, "containerDefinitions").is_none() {
            return Err(TaskDefinitionError {
                message: "no `containerDefinitions`: expected DescribeTaskDefinition output, RegisterTaskDefinition input or a task definition object".to_owned(),
                line: 1,
                column: 1,
            });
        }
        Ok(TaskDefinition { doc, root })
    }

    #[must_use]
    pub fn get(&self, name: &str) -> Option<NodeId> {
        self.doc.get(self.root, name)
    }

    #[must_use]
    pub fn get_str(&self, name: &str) -> Option<Cow<'t, str>> {
        self.doc.get_str(self.root, name)
    }

    /// Task-level cpu units (string or number forms).
    #[must_use]
    pub fn cpu(&self) -> Option<u32> {
        let n = self.get("cpu")?;
        match self.doc.kind(n) {
            Kind::String => units::parse_cpu(&self.doc.str(n)?),
            Kind::Number => self.doc.int(n).and_then(|v| u32::try_from(v).ok()),
            _ => None,
        }
    }

    /// Task-level memory in MiB.
    #[must_use]
    pub fn memory(&self) -> Option<u32> {
        let n = self.get("memory")?;
        match self.doc.kind(n) {
            Kind::String => units::parse_memory(&self.doc.str(n)?),
            Kind::Number => self.doc.int(n).and_then(|v| u32::try_from(v).ok()),
            _ => None,
        }
    }

    #[must_use]
    pub fn family(&self) -> Option<Cow<'t, str>> {
        self.get_str("family")
    }

    /// `networkMode`, `bridge` when absent (the documented default on EC2).
    #[must_use]
    pub fn network_mode(&self) -> Cow<'t, str> {
        self.get_str("networkMode").unwrap_or(Cow::Borrowed("bridge"))
    }

    #[must_use]
    pub fn has_network_mode(&self) -> bool {
        self.get("networkMode").is_some()
    }

    /// Whether the task definition can run on `launch_type`: `compatibilities` (Describe output)
    /// when present, else `requiresCompatibilities`; None when neither is given.
    #[must_use]
    pub fn supports(&self, launch_type: &str) -> Option<bool> {
        let list = self.get("compatibilities").or_else(|| self.get("requiresCompatibilities"))?;
        Some(self.doc.elements(Some(list)).any(|e| self.doc.str(e).as_deref() == Some(launch_type)))
    }

    /// `runtimePlatform.operatingSystemFamily`, `LINUX` when absent.
    #[must_use]
    pub fn os_family(&self) -> Cow<'t, str> {
        self.doc
            .path(self.root, &["runtimePlatform", "operatingSystemFamily"])
            .and_then(|n| self.doc.str(n))
            .unwrap_or(Cow::Borrowed("LINUX"))
    }

    #[must_use]
    pub fn is_windows(&self) -> bool {
        self.os_family().starts_with("WINDOWS")
    }

    #[must_use]
    pub fn cpu_architecture(&self) -> Option<Cow<'t, str>> {
        self.doc.path(self.root, &["runtimePlatform", "cpuArchitecture"]).and_then(|n| self.doc.str(n))
    }

    /// The container definitions.
    #[must_use]
    pub fn containers(&self) -> Vec<Container<'t>> {
        let list = self.get("containerDefinitions");
        self.doc
            .elements(list)
            .map(|c| Container {
                node: c,
                name: self.doc.get_str(c, "name").unwrap_or(Cow::Borrowed("")),
                cpu: self.doc.get_int(c, "cpu"),
                memory: self.doc.get_int(c, "memory"),
                memory_reservation: self.doc.get_int(c, "memoryReservation"),
            })
            .collect()
    }

    /// The container definition called `name`.
    #[must_use]
    pub fn container(&self, name: &str) -> Option<NodeId> {
        self.doc.elements(self.get("containerDefinitions")).find(|&c| self.doc.get_str(c, "name").as_deref() == Some(name))
    }

    /// Names of the volumes with `configuredAtLaunch: true`.
    #[must_use]
    pub fn configured_at_launch_volumes(&self) -> Vec<Cow<'t, str>> {
        self.doc
            .elements(self.get("volumes"))
            .filter(|&v| self.doc.get(v, "configuredAtLaunch").and_then(|b| self.doc.bool(b)) == Some(true))
            .filter_map(|v| self.doc.get_str(v, "name"))
            .collect()
    }
}
