//! The optional task definition: DescribeTaskDefinition output (`{"taskDefinition": {...}}`),
//! RegisterTaskDefinition input, or a bare task definition object. Parsed with the same strict
//! JSON layer; rules read it through these accessors.
//!
//! [`TaskDefinition::parse`] also checks the JSON types of every member the rules read (a
//! `memory` of `"2 GiB"`, a container without a `name`, `containerDefinitions` that is not a
//! list), so a malformed task definition is one [`TaskDefinitionError`] with its position rather
//! than rules that silently see nothing. A `null` member counts as absent. Field meanings:
//! botocore `RegisterTaskDefinitionRequest`, `ContainerDefinition`, `Volume` (`spec/td-docs.txt`).

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

impl std::error::Error for TaskDefinitionError {}

pub struct TaskDefinition<'t> {
    pub doc: Document<'t>,
    /// The task definition object itself (unwrapped from DescribeTaskDefinition output).
    pub root: NodeId,
    /// The DescribeTaskDefinition output object around `root`, when the input was one: it holds
    /// the task definition's `tags` (`--include TAGS`).
    wrapper: Option<NodeId>,
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

/// A volume of the task definition.
#[derive(Debug, Clone)]
pub struct Volume<'t> {
    pub node: NodeId,
    pub name: Option<Cow<'t, str>>,
    pub configured_at_launch: bool,
    /// Has an `efsVolumeConfiguration` (needs Fargate Linux platform 1.4.0).
    pub efs: bool,
}

/// Network modes ECS knows (`NetworkMode` enum).
const NETWORK_MODES: &[&str] = &["bridge", "host", "awsvpc", "none"];

impl<'t> TaskDefinition<'t> {
    pub fn parse(src: &'t str) -> Result<Self, TaskDefinitionError> {
        let skip = if src.starts_with('\u{feff}') { 3 } else { 0 };
        let doc = Document::parse_from(src, skip).map_err(|e: ParseError| {
            let pos = crate::json::LineIndex::new(src).position(e.offset as u32);
            TaskDefinitionError { message: e.message(), line: pos.line, column: pos.column }
        })?;
        let top = doc.root();
        let fail = |doc: &Document<'_>, node: NodeId, message: String| {
            let pos = crate::json::LineIndex::new(src).position(doc.range(node).start);
            TaskDefinitionError { message, line: pos.line, column: pos.column }
        };
        if doc.kind(top) != Kind::Object {
            return Err(fail(&doc, top, format!("expected a JSON object (a task definition), found {}", doc.kind(top).describe())));
        }
        let (root, wrapper) = match doc.get(top, "taskDefinition") {
            Some(inner) if doc.kind(inner) == Kind::Object => (inner, Some(top)),
            Some(inner) => {
                return Err(fail(
                    &doc,
                    inner,
                    format!(
                        "`taskDefinition` is {}: this looks like a RunTask request; pass the DescribeTaskDefinition output, the RegisterTaskDefinition input or the task definition object",
                        a_kind(doc.kind(inner))
                    ),
                ))
            }
            None => (top, None),
        };
        if non_null(&doc, root, "containerDefinitions").is_none() {
            return Err(fail(
                &doc,
                root,
                "no `containerDefinitions`: expected DescribeTaskDefinition output, RegisterTaskDefinition input or a task definition object".to_owned(),
            ));
        }
        let td = TaskDefinition { doc, root, wrapper };
        td.validate().map_err(|(node, message)| fail(&td.doc, node, message))?;
        Ok(td)
    }

    /// Checks the types of the members the rules read. Unknown members are ignored (the task
    /// definition API grows), so are members no rule reads.
    fn validate(&self) -> Result<(), (NodeId, String)> {
        let v = Validator { td: self };
        let root = self.root;
        for name in ["family", "taskRoleArn", "executionRoleArn", "taskDefinitionArn", "status"] {
            v.string(root, name)?;
        }
        if let Some(n) = v.string(root, "networkMode")? {
            let mode = self.doc.str(n).unwrap_or_default();
            if !NETWORK_MODES.contains(&mode.as_ref()) {
                return Err((n, format!("`networkMode` is `{mode}`; expected one of {}", NETWORK_MODES.join(", "))));
            }
        }
        v.integer(root, "revision")?;
        v.size(root, "cpu", units::parse_cpu, "CPU units (\"1024\") or vCPUs (\"1 vCPU\")")?;
        v.size(root, "memory", units::parse_memory, "MiB (\"2048\") or GB (\"2 GB\")")?;
        for name in ["requiresCompatibilities", "compatibilities"] {
            v.strings(root, name)?;
        }
        if let Some(rp) = v.object(root, "runtimePlatform")? {
            v.string(rp, "operatingSystemFamily")?;
            v.string(rp, "cpuArchitecture")?;
        }
        if let Some(es) = v.object(root, "ephemeralStorage")? {
            v.integer(es, "sizeInGiB")?;
        }
        for vol in v.objects(root, "volumes")? {
            v.string(vol, "name")?;
            v.boolean(vol, "configuredAtLaunch")?;
            v.object(vol, "efsVolumeConfiguration")?;
        }
        for pc in v.objects(root, "placementConstraints")? {
            v.string(pc, "type")?;
            v.string(pc, "expression")?;
        }
        for ia in v.objects(root, "inferenceAccelerators")? {
            v.string(ia, "deviceName")?;
        }
        for holder in [Some(root), self.wrapper].into_iter().flatten() {
            for tag in v.objects(holder, "tags")? {
                v.string(tag, "key")?;
                v.string(tag, "value")?;
            }
        }
        let Some(list) = v.array(root, "containerDefinitions")? else { return Ok(()) };
        if self.doc.child_count(list) == 0 {
            return Err((list, "`containerDefinitions` is empty: a task definition has at least one container".to_owned()));
        }
        for c in v.objects(root, "containerDefinitions")? {
            if v.string(c, "name")?.is_none() {
                return Err((c, format!("`{}` has no `name`", self.path(c))));
            }
            for name in ["cpu", "memory", "memoryReservation"] {
                v.integer(c, name)?;
            }
            v.string(c, "image")?;
            v.strings(c, "entryPoint")?;
            v.strings(c, "command")?;
            v.boolean(c, "readonlyRootFilesystem")?;
            v.object(c, "repositoryCredentials")?;
            v.objects(c, "secrets")?;
            for f in v.objects(c, "environmentFiles")? {
                v.string(f, "value")?;
            }
            for rr in v.objects(c, "resourceRequirements")? {
                v.string(rr, "type")?;
                v.string(rr, "value")?;
                v.object(rr, "sharingStrategy")?;
            }
            if let Some(lc) = v.object(c, "logConfiguration")? {
                v.string(lc, "logDriver")?;
            }
        }
        Ok(())
    }

    /// The dotted path of a node inside the task definition, e.g. `containerDefinitions[1].memory`.
    fn path(&self, node: NodeId) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut cur = node;
        while cur != self.root {
            let Some(parent) = self.doc.parent(cur) else { break };
            if self.doc.kind(parent) == Kind::Array {
                parts.push(format!("[{}]", self.doc.index(cur)));
            } else {
                parts.push(format!(".{}", self.doc.key(cur).unwrap_or_default()));
            }
            cur = parent;
        }
        parts.reverse();
        let path = parts.concat();
        path.strip_prefix('.').map(str::to_owned).unwrap_or(path)
    }

    /// Member `name` of object `node`, unless it is `null`.
    #[must_use]
    pub fn member(&self, node: NodeId, name: &str) -> Option<NodeId> {
        non_null(&self.doc, node, name)
    }

    /// Member `name` of the task definition, unless it is `null`.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<NodeId> {
        self.member(self.root, name)
    }

    #[must_use]
    #[inline(never)]
    pub fn get_str(&self, name: &str) -> Option<Cow<'t, str>> {
        self.get(name).and_then(|n| self.doc.str(n))
    }

    /// How messages name the task definition: `family:revision`, else `family`, else the
    /// resource part of `taskDefinitionArn`, else `(unnamed)`.
    #[must_use]
    pub fn name(&self) -> String {
        let family = self.family().filter(|f| !f.is_empty());
        let revision = self.get("revision").and_then(|n| self.doc.int(n));
        match (family, revision) {
            (Some(f), Some(r)) => format!("{f}:{r}"),
            (Some(f), None) => f.into_owned(),
            (None, _) => self
                .get_str("taskDefinitionArn")
                .and_then(|arn| arn.rsplit_once("task-definition/").map(|(_, r)| r.to_owned()))
                .unwrap_or_else(|| "(unnamed)".to_owned()),
        }
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

    /// `compatibilities` (what ECS validated the task definition against; DescribeTaskDefinition
    /// output only), None when absent.
    #[must_use]
    pub fn compatibilities(&self) -> Option<Vec<Cow<'t, str>>> {
        self.get("compatibilities").map(|n| self.strings(Some(n)))
    }

    /// `requiresCompatibilities` (what the author asked ECS to validate against), None when absent.
    #[must_use]
    pub fn requires_compatibilities(&self) -> Option<Vec<Cow<'t, str>>> {
        self.get("requiresCompatibilities").map(|n| self.strings(Some(n)))
    }

    /// Whether `requiresCompatibilities` lists `launch_type`.
    #[must_use]
    pub fn requires(&self, launch_type: &str) -> bool {
        self.doc.elements(self.get("requiresCompatibilities")).any(|e| self.doc.str(e).as_deref() == Some(launch_type))
    }

    /// `runtimePlatform.operatingSystemFamily`, `LINUX` when absent.
    #[must_use]
    #[inline(never)]
    pub fn os_family(&self) -> Cow<'t, str> {
        self.get("runtimePlatform")
            .and_then(|rp| self.member(rp, "operatingSystemFamily"))
            .and_then(|n| self.doc.str(n))
            .unwrap_or(Cow::Borrowed("LINUX"))
    }

    #[must_use]
    #[inline(never)]
    pub fn is_windows(&self) -> bool {
        self.os_family().starts_with("WINDOWS")
    }

    #[must_use]
    pub fn cpu_architecture(&self) -> Option<Cow<'t, str>> {
        self.get("runtimePlatform").and_then(|rp| self.member(rp, "cpuArchitecture")).and_then(|n| self.doc.str(n))
    }

    /// `taskRoleArn`, when present and not empty.
    #[must_use]
    pub fn task_role_arn(&self) -> Option<Cow<'t, str>> {
        self.get_str("taskRoleArn").filter(|s| !s.is_empty())
    }

    /// `executionRoleArn`, when present and not empty.
    #[must_use]
    pub fn execution_role_arn(&self) -> Option<Cow<'t, str>> {
        self.get_str("executionRoleArn").filter(|s| !s.is_empty())
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

    /// The names of the container definitions, in order.
    #[must_use]
    pub fn container_names(&self) -> Vec<Cow<'t, str>> {
        self.doc.elements(self.get("containerDefinitions")).filter_map(|c| self.doc.get_str(c, "name")).collect()
    }

    /// A string member of a container definition (or of any task definition object).
    #[must_use]
    #[inline(never)]
    pub fn str_of(&self, node: NodeId, name: &str) -> Option<Cow<'t, str>> {
        self.member(node, name).and_then(|n| self.doc.str(n))
    }

    /// A boolean member, false when absent.
    #[must_use]
    #[inline(never)]
    pub fn flag(&self, node: NodeId, name: &str) -> bool {
        self.member(node, name).and_then(|n| self.doc.bool(n)) == Some(true)
    }

    /// Whether member `name` of `node` is a non-empty list.
    #[must_use]
    #[inline(never)]
    pub fn has_items(&self, node: NodeId, name: &str) -> bool {
        self.doc.elements(self.member(node, name)).next().is_some()
    }

    /// The `value`s (S3 object ARNs) of a container definition's `environmentFiles`.
    #[must_use]
    pub fn environment_files(&self, container: NodeId) -> Vec<Cow<'t, str>> {
        self.doc.elements(self.member(container, "environmentFiles")).filter_map(|f| self.str_of(f, "value")).collect()
    }

    /// Whether the container's image is in Amazon ECR (`<account>.dkr.ecr.<region>.amazonaws.com/...`).
    #[must_use]
    pub fn uses_ecr_image(&self, container: NodeId) -> bool {
        self.str_of(container, "image").is_some_and(|i| {
            let host = i.split('/').next().unwrap_or("");
            host.contains(".dkr.ecr") && host.contains(".amazonaws.com")
        })
    }

    /// The container's `logConfiguration.logDriver`.
    #[must_use]
    pub fn log_driver(&self, container: NodeId) -> Option<Cow<'t, str>> {
        self.member(container, "logConfiguration").and_then(|lc| self.str_of(lc, "logDriver"))
    }

    /// The container's `resourceRequirements` items.
    pub fn resource_requirements(&self, container: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.doc.elements(self.member(container, "resourceRequirements"))
    }

    /// The volumes.
    #[must_use]
    pub fn volumes(&self) -> Vec<Volume<'t>> {
        self.doc
            .elements(self.get("volumes"))
            .map(|v| Volume {
                node: v,
                name: self.str_of(v, "name"),
                configured_at_launch: self.flag(v, "configuredAtLaunch"),
                efs: self.member(v, "efsVolumeConfiguration").is_some(),
            })
            .collect()
    }

    /// Names of the volumes with `configuredAtLaunch: true`.
    #[must_use]
    pub fn configured_at_launch_volumes(&self) -> Vec<Cow<'t, str>> {
        self.volumes().into_iter().filter(|v| v.configured_at_launch).filter_map(|v| v.name).collect()
    }

    /// The `type` of each of the task definition's `placementConstraints` (None when absent).
    #[must_use]
    pub fn placement_constraint_types(&self) -> Vec<Option<Cow<'t, str>>> {
        self.doc.elements(self.get("placementConstraints")).map(|pc| self.str_of(pc, "type")).collect()
    }

    /// The `deviceName`s of `inferenceAccelerators`.
    #[must_use]
    pub fn inference_accelerator_names(&self) -> Vec<Cow<'t, str>> {
        self.doc.elements(self.get("inferenceAccelerators")).filter_map(|ia| self.str_of(ia, "deviceName")).collect()
    }

    /// The task definition's tags as (key, value): `tags` of the task definition object
    /// (RegisterTaskDefinition input) and of the DescribeTaskDefinition output around it.
    #[must_use]
    pub fn tags(&self) -> Vec<(Cow<'t, str>, Cow<'t, str>)> {
        [Some(self.root), self.wrapper]
            .into_iter()
            .flatten()
            .flat_map(|holder| self.doc.elements(self.member(holder, "tags")))
            .filter_map(|t| Some((self.str_of(t, "key")?, self.str_of(t, "value").unwrap_or_default())))
            .collect()
    }

    /// The strings of a list (other elements skipped).
    fn strings(&self, list: Option<NodeId>) -> Vec<Cow<'t, str>> {
        self.doc.elements(list).filter_map(|e| self.doc.str(e)).collect()
    }
}

#[inline(never)]
fn non_null(doc: &Document<'_>, node: NodeId, name: &str) -> Option<NodeId> {
    doc.get(node, name).filter(|&n| doc.kind(n) != Kind::Null)
}

fn a_kind(kind: Kind) -> &'static str {
    match kind {
        Kind::Null => "null",
        Kind::Bool => "a boolean",
        Kind::Number => "a number",
        Kind::String => "a string",
        Kind::Array => "an array",
        Kind::Object => "an object",
        Kind::Dynamic => "a value known only at run time",
    }
}

/// Type checks for [`TaskDefinition::validate`]; each returns the member when present (not null).
struct Validator<'v, 't> {
    td: &'v TaskDefinition<'t>,
}

type Checked<T> = Result<T, (NodeId, String)>;

impl Validator<'_, '_> {
    fn typed(&self, parent: NodeId, name: &str, kind: Kind, expected: &str) -> Checked<Option<NodeId>> {
        let Some(n) = self.td.member(parent, name) else { return Ok(None) };
        if self.td.doc.kind(n) != kind {
            return Err((n, format!("`{}` is {}; expected {expected}", self.td.path(n), a_kind(self.td.doc.kind(n)))));
        }
        Ok(Some(n))
    }

    fn string(&self, parent: NodeId, name: &str) -> Checked<Option<NodeId>> {
        self.typed(parent, name, Kind::String, "a string")
    }

    fn boolean(&self, parent: NodeId, name: &str) -> Checked<Option<NodeId>> {
        self.typed(parent, name, Kind::Bool, "true or false")
    }

    fn object(&self, parent: NodeId, name: &str) -> Checked<Option<NodeId>> {
        self.typed(parent, name, Kind::Object, "an object")
    }

    fn array(&self, parent: NodeId, name: &str) -> Checked<Option<NodeId>> {
        self.typed(parent, name, Kind::Array, "a list")
    }

    fn integer(&self, parent: NodeId, name: &str) -> Checked<Option<NodeId>> {
        let Some(n) = self.typed(parent, name, Kind::Number, "an integer")? else { return Ok(None) };
        if self.td.doc.int(n).is_none_or(|v| v < 0 || v > i64::from(i32::MAX)) {
            return Err((n, format!("`{}` is {}; expected a whole number from 0 to {}", self.td.path(n), self.td.doc.raw(n), i32::MAX)));
        }
        Ok(Some(n))
    }

    /// A list whose elements are strings.
    fn strings(&self, parent: NodeId, name: &str) -> Checked<Option<NodeId>> {
        let list = self.array(parent, name)?;
        for e in self.td.doc.elements(list) {
            if self.td.doc.kind(e) != Kind::String {
                return Err((e, format!("`{}` is {}; expected a string", self.td.path(e), a_kind(self.td.doc.kind(e)))));
            }
        }
        Ok(list)
    }

    /// A list whose elements are objects; returns the elements.
    fn objects(&self, parent: NodeId, name: &str) -> Checked<Vec<NodeId>> {
        let list = self.array(parent, name)?;
        let items: Vec<NodeId> = self.td.doc.elements(list).collect();
        for &e in &items {
            if self.td.doc.kind(e) != Kind::Object {
                return Err((e, format!("`{}` is {}; expected an object", self.td.path(e), a_kind(self.td.doc.kind(e)))));
            }
        }
        Ok(items)
    }

    /// Task-level `cpu`/`memory`: a string in one of the documented forms, or a whole number.
    fn size(&self, parent: NodeId, name: &str, parse: fn(&str) -> Option<u32>, forms: &str) -> Checked<Option<NodeId>> {
        let Some(n) = self.td.member(parent, name) else { return Ok(None) };
        let doc = &self.td.doc;
        let ok = match doc.kind(n) {
            Kind::String => doc.str(n).is_some_and(|s| parse(&s).is_some()),
            Kind::Number => doc.int(n).is_some_and(|v| u32::try_from(v).is_ok()),
            _ => false,
        };
        if !ok {
            return Err((n, format!("`{name}` is {}; expected {forms}", doc.raw(n))));
        }
        Ok(Some(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONTAINERS: &str = r#"[{"name": "web", "image": "nginx", "cpu": 256, "memory": 512, "memoryReservation": 256},
        {"name": "log", "image": "fluent-bit", "essential": false}]"#;

    fn describe() -> String {
        format!(
            r#"{{"taskDefinition": {{"taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3",
            "family": "web", "revision": 3, "containerDefinitions": {CONTAINERS}, "networkMode": "awsvpc",
            "compatibilities": ["EC2", "FARGATE"], "requiresCompatibilities": ["FARGATE"], "cpu": "1024", "memory": "2048",
            "volumes": [{{"name": "data", "configuredAtLaunch": true}}, {{"name": "efs", "efsVolumeConfiguration": {{"fileSystemId": "fs-1"}}}}],
            "status": "ACTIVE"}}, "tags": [{{"key": "team", "value": "payments"}}]}}"#
        )
    }

    #[test]
    fn describe_output_is_unwrapped() {
        let src = describe();
        let td = TaskDefinition::parse(&src).unwrap();
        assert_eq!(td.name(), "web:3");
        assert_eq!(td.cpu(), Some(1024));
        assert_eq!(td.memory(), Some(2048));
        assert_eq!(td.network_mode(), "awsvpc");
        assert_eq!(td.supports("FARGATE"), Some(true));
        assert_eq!(td.compatibilities().unwrap(), vec!["EC2", "FARGATE"]);
        assert!(td.requires("FARGATE"));
        assert_eq!(td.container_names(), vec!["web", "log"]);
        let web = &td.containers()[0];
        assert_eq!((web.cpu, web.memory, web.memory_reservation), (Some(256), Some(512), Some(256)));
        assert_eq!(td.configured_at_launch_volumes(), vec!["data"]);
        assert!(td.volumes()[1].efs);
        assert_eq!(td.tags(), vec![(Cow::Borrowed("team"), Cow::Borrowed("payments"))]);
    }

    #[test]
    fn register_input_is_read_as_is() {
        let src = format!(
            r#"{{"family": "batch", "containerDefinitions": {CONTAINERS}, "cpu": "1 vCPU", "memory": "2 GB",
            "runtimePlatform": {{"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE", "cpuArchitecture": "X86_64"}},
            "executionRoleArn": "arn:aws:iam::123456789012:role/exec", "taskRoleArn": "",
            "tags": [{{"key": "env", "value": "prod"}}]}}"#
        );
        let td = TaskDefinition::parse(&src).unwrap();
        assert_eq!(td.name(), "batch");
        assert_eq!(td.cpu(), Some(1024));
        assert_eq!(td.memory(), Some(2048));
        assert!(td.is_windows());
        assert_eq!(td.network_mode(), "bridge");
        assert!(!td.has_network_mode());
        assert_eq!(td.supports("FARGATE"), None);
        assert_eq!(td.compatibilities(), None);
        assert!(td.execution_role_arn().is_some());
        assert!(td.task_role_arn().is_none());
        assert_eq!(td.tags().len(), 1);
    }

    #[test]
    fn bare_task_definition_with_bom_and_nulls() {
        let src = format!("\u{feff}{{\"taskDefinitionArn\": \"arn:aws:ecs:us-east-1:123456789012:task-definition/api:7\", \"containerDefinitions\": {CONTAINERS}, \"cpu\": 512, \"memory\": null, \"networkMode\": null}}");
        let td = TaskDefinition::parse(&src).unwrap();
        assert_eq!(td.name(), "api:7");
        assert_eq!(td.cpu(), Some(512));
        assert_eq!(td.memory(), None);
        assert!(!td.has_network_mode());
        assert!(td.container("log").is_some());
        assert!(td.container("Log").is_none());
    }

    fn error(src: &str) -> TaskDefinitionError {
        match TaskDefinition::parse(src) {
            Ok(_) => panic!("expected an error for {src}"),
            Err(e) => e,
        }
    }

    #[test]
    fn malformed_task_definitions_are_errors() {
        let cases: &[(&str, &str)] = &[
            ("", "is empty"),
            ("{\"containerDefinitions\": [{\"name\": \"web\"}],}", "trailing comma"),
            ("{\"containerDefinitions\": [", ""),
            ("[]", "expected a JSON object"),
            ("\"web:3\"", "expected a JSON object"),
            ("{}", "no `containerDefinitions`"),
            ("{\"taskDefinition\": \"web:3\", \"count\": 1}", "looks like a RunTask request"),
            ("{\"taskDefinition\": {}}", "no `containerDefinitions`"),
            ("{\"containerDefinitions\": null}", "no `containerDefinitions`"),
            ("{\"containerDefinitions\": {\"name\": \"web\"}}", "`containerDefinitions` is an object; expected a list"),
            ("{\"containerDefinitions\": []}", "is empty"),
            ("{\"containerDefinitions\": [\"web\"]}", "`containerDefinitions[0]` is a string"),
            ("{\"containerDefinitions\": [{\"image\": \"nginx\"}]}", "`containerDefinitions[0]` has no `name`"),
            ("{\"containerDefinitions\": [{\"name\": 7}]}", "`containerDefinitions[0].name` is a number"),
            ("{\"containerDefinitions\": [{\"name\": \"web\", \"memory\": \"512\"}]}", "`containerDefinitions[0].memory` is a string"),
            ("{\"containerDefinitions\": [{\"name\": \"web\", \"cpu\": 0.5}]}", "expected a whole number"),
            ("{\"containerDefinitions\": [{\"name\": \"web\", \"cpu\": -1}]}", "expected a whole number"),
            ("{\"containerDefinitions\": [{\"name\": \"web\", \"memory\": 99999999999999999999999}]}", "expected a whole number"),
            ("{\"containerDefinitions\": [{\"name\": \"web\", \"command\": \"echo hi\"}]}", "`containerDefinitions[0].command` is a string; expected a list"),
            ("{\"containerDefinitions\": [{\"name\": \"web\", \"entryPoint\": [1]}]}", "`containerDefinitions[0].entryPoint[0]` is a number"),
            ("{\"containerDefinitions\": [{\"name\": \"web\", \"readonlyRootFilesystem\": \"true\"}]}", "expected true or false"),
            ("{\"containerDefinitions\": [{\"name\": \"web\", \"logConfiguration\": {\"logDriver\": 1}}]}", "logConfiguration.logDriver"),
            ("{\"containerDefinitions\": [{\"name\": \"web\"}], \"memory\": \"2 GiB\"}", "`memory` is \"2 GiB\""),
            ("{\"containerDefinitions\": [{\"name\": \"web\"}], \"cpu\": true}", "`cpu` is true"),
            ("{\"containerDefinitions\": [{\"name\": \"web\"}], \"cpu\": -256}", "`cpu` is -256"),
            ("{\"containerDefinitions\": [{\"name\": \"web\"}], \"networkMode\": \"AWSVPC\"}", "`networkMode` is `AWSVPC`"),
            ("{\"containerDefinitions\": [{\"name\": \"web\"}], \"requiresCompatibilities\": \"FARGATE\"}", "expected a list"),
            ("{\"containerDefinitions\": [{\"name\": \"web\"}], \"volumes\": [{\"name\": \"d\", \"configuredAtLaunch\": \"yes\"}]}", "volumes[0].configuredAtLaunch"),
            ("{\"containerDefinitions\": [{\"name\": \"web\"}], \"runtimePlatform\": \"LINUX\"}", "`runtimePlatform` is a string"),
            ("{\"containerDefinitions\": [{\"name\": \"web\"}], \"revision\": \"3\"}", "`revision` is a string"),
            ("{\"taskDefinition\": {\"containerDefinitions\": [{\"name\": \"web\"}]}, \"tags\": {\"env\": \"prod\"}}", "`tags` is an object"),
            ("{\"containerDefinitions\": [{\"name\": \"web\"}], \"tags\": [{\"key\": \"env\", \"value\": 1}]}", "`tags[0].value` is a number"),
        ];
        for (src, want) in cases {
            let e = error(src);
            assert!(e.message.contains(want), "{src}: {} does not contain {want:?}", e.message);
            assert!(e.line >= 1 && e.column >= 1, "{src}: {e:?}");
        }
    }

    #[test]
    fn errors_give_the_position_of_the_bad_member() {
        let e = error("{\n  \"containerDefinitions\": [\n    {\"name\": \"web\", \"memory\": \"512\"}\n  ]\n}");
        assert_eq!((e.line, e.column), (3, 31));
        assert!(e.to_string().starts_with("task definition, line 3 column 31: "));
    }

    #[test]
    fn check_reports_a_bad_task_definition_as_an_options_error() {
        let options = crate::Options { task_definition: Some("{\"containerDefinitions\": 1}".to_owned()), ..crate::Options::default() };
        let err = crate::check("{\"taskDefinition\": \"web:3\"}", &options).unwrap_err();
        assert!(matches!(err, crate::OptionsError::TaskDefinition(_)), "{err:?}");
    }

    #[test]
    fn arbitrary_input_never_panics() {
        // A few hostile shapes; the property test in tests/ covers requests, this covers the reader.
        for src in [
            "{\"taskDefinition\": {\"containerDefinitions\": [{\"name\": \"\\u0000\"}]}}",
            "{\"containerDefinitions\": [{\"name\": \"a\", \"resourceRequirements\": [1]}]}",
            "{\"containerDefinitions\": [{\"name\": \"a\"}], \"placementConstraints\": [null]}",
            "{\"containerDefinitions\": [{\"name\": \"a\"}], \"cpu\": \"99999999999 vCPU\"}",
            "{\"containerDefinitions\": [{\"name\": \"a\"}], \"taskDefinitionArn\": \"x\"}",
        ] {
            if let Ok(td) = TaskDefinition::parse(src) {
                let _ = (td.name(), td.containers(), td.volumes(), td.tags(), td.cpu(), td.placement_constraint_types());
            }
        }
    }
}
