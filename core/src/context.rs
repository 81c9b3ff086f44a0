//! What a rule sees: the document, an index of the request's members, the launch target, the
//! optional task definition, and the way to report.

use std::borrow::Cow;

use crate::data::launch::Capacity;
use crate::diagnostics::message::cat;
use crate::diagnostics::{Applicability, Edit, Fix, Severity};
use crate::json::{json_string, Document, Kind, NodeId, TextRange};
use crate::rule::Rule;
use crate::task_definition::TaskDefinition;
use crate::units;

/// The members of the request that rules look at, found in one pass. Duplicate keys: the last
/// wins, as with [`Document::get`].
#[derive(Default, Debug, Clone)]
pub struct Request {
    pub root: NodeId,
    pub task_definition: Option<NodeId>,
    pub cluster: Option<NodeId>,
    pub count: Option<NodeId>,
    pub launch_type: Option<NodeId>,
    pub capacity_provider_strategy: Option<NodeId>,
    pub network_configuration: Option<NodeId>,
    pub overrides: Option<NodeId>,
    pub placement_constraints: Option<NodeId>,
    pub placement_strategy: Option<NodeId>,
    pub platform_version: Option<NodeId>,
    pub propagate_tags: Option<NodeId>,
    pub reference_id: Option<NodeId>,
    pub started_by: Option<NodeId>,
    pub group: Option<NodeId>,
    pub tags: Option<NodeId>,
    pub client_token: Option<NodeId>,
    pub volume_configurations: Option<NodeId>,
    pub enable_execute_command: Option<NodeId>,
    pub enable_ecs_managed_tags: Option<NodeId>,
    // Nested members used by many rules.
    pub awsvpc: Option<NodeId>,
    pub container_overrides: Option<NodeId>,
    pub overrides_cpu: Option<NodeId>,
    pub overrides_memory: Option<NodeId>,
    /// The container overrides that are objects (others are RT102's), in order, with the members
    /// the overrides rules read: each override's members are read once here instead of once per
    /// rule.
    pub containers: Vec<ContainerOverride>,
    /// Every tag object of the request (`/tags`, then each EBS tag specification's `tags`), in
    /// order, with its `key` and `value`: read once here instead of once per tag rule.
    pub tag_objects: Vec<Tag>,
    /// Cluster query language analyses of `memberOf` expressions, shared by the placement rules
    /// within one check.
    pub(crate) query_memo: std::cell::RefCell<Vec<(NodeId, std::rc::Rc<crate::query::Analysis>)>>,
}

impl Request {
    /// The top-level member called `name`, from the index (no search) for the members the
    /// index keeps; None for any other name.
    #[must_use]
    pub fn member(&self, name: &str) -> Option<Option<NodeId>> {
        Some(match name {
            "taskDefinition" => self.task_definition,
            "cluster" => self.cluster,
            "count" => self.count,
            "launchType" => self.launch_type,
            "capacityProviderStrategy" => self.capacity_provider_strategy,
            "networkConfiguration" => self.network_configuration,
            "overrides" => self.overrides,
            "placementConstraints" => self.placement_constraints,
            "placementStrategy" => self.placement_strategy,
            "platformVersion" => self.platform_version,
            "propagateTags" => self.propagate_tags,
            "referenceId" => self.reference_id,
            "startedBy" => self.started_by,
            "group" => self.group,
            "tags" => self.tags,
            "clientToken" => self.client_token,
            "volumeConfigurations" => self.volume_configurations,
            "enableExecuteCommand" => self.enable_execute_command,
            "enableECSManagedTags" => self.enable_ecs_managed_tags,
            _ => return None,
        })
    }

    #[must_use]
    pub fn index(doc: &Document<'_>) -> Self {
        let root = doc.root();
        let mut r = Request { root, ..Request::default() };
        if doc.kind(root) != Kind::Object {
            return r;
        }
        index_members(doc, root, &mut r, |r, key| {
            Some(match key {
                "taskDefinition" => &mut r.task_definition,
                "cluster" => &mut r.cluster,
                "count" => &mut r.count,
                "launchType" => &mut r.launch_type,
                "capacityProviderStrategy" => &mut r.capacity_provider_strategy,
                "networkConfiguration" => &mut r.network_configuration,
                "overrides" => &mut r.overrides,
                "placementConstraints" => &mut r.placement_constraints,
                "placementStrategy" => &mut r.placement_strategy,
                "platformVersion" => &mut r.platform_version,
                "propagateTags" => &mut r.propagate_tags,
                "referenceId" => &mut r.reference_id,
                "startedBy" => &mut r.started_by,
                "group" => &mut r.group,
                "tags" => &mut r.tags,
                "clientToken" => &mut r.client_token,
                "volumeConfigurations" => &mut r.volume_configurations,
                "enableExecuteCommand" => &mut r.enable_execute_command,
                "enableECSManagedTags" => &mut r.enable_ecs_managed_tags,
                _ => return None,
            })
        });
        r.awsvpc = r.network_configuration.and_then(|n| doc.get(n, "awsvpcConfiguration"));
        if let Some(o) = r.overrides {
            r.container_overrides = doc.get(o, "containerOverrides");
            r.overrides_cpu = doc.get(o, "cpu");
            r.overrides_memory = doc.get(o, "memory");
        }
        r.containers = doc.elements(r.container_overrides).filter(|&c| doc.kind(c) == Kind::Object).map(|c| ContainerOverride::index(doc, c)).collect();
        r.tag_objects = r
            .tag_lists(doc)
            .flat_map(|list| doc.elements(Some(list)).map(move |tag| (list, tag)))
            .filter(|&(_, tag)| doc.kind(tag) == Kind::Object)
            .map(|(list, tag)| Tag::index(doc, list, tag))
            .collect();
        r
    }

    /// Every tag list of the request: `/tags`, then each EBS tag specification's `tags`.
    pub fn tag_lists<'d>(&self, doc: &'d Document<'_>) -> impl Iterator<Item = NodeId> + 'd {
        self.tags.into_iter().chain(
            doc.elements(self.volume_configurations)
                .filter_map(|v| doc.path(v, &["managedEBSVolume", "tagSpecifications"]))
                .flat_map(|specs| doc.elements(Some(specs)))
                .filter_map(|spec| doc.get(spec, "tags")),
        )
    }
}

/// One tag (an object of a tag list, see [`Request::tag_lists`]) and its members. Duplicate
/// keys: the last wins, as with [`Document::get`].
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag {
    /// The tag list it is in.
    pub list: NodeId,
    pub node: NodeId,
    pub key: Option<NodeId>,
    pub value: Option<NodeId>,
}

impl Tag {
    fn index(doc: &Document<'_>, list: NodeId, node: NodeId) -> Self {
        let mut t = Tag { list, node, ..Tag::default() };
        index_members(doc, node, &mut t, |t, key| {
            Some(match key {
                "key" => &mut t.key,
                "value" => &mut t.value,
                _ => return None,
            })
        });
        t
    }
}

/// One `capacityProviderStrategy` item that is an object, as far as the launch rules read it:
/// read once per check ([`StrategyItem::list`], [`Ctx::strategy`]) instead of once per rule.
/// Members of the wrong type read as absent (RT102 reports them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrategyItem<'s> {
    pub node: NodeId,
    pub provider: Option<(NodeId, Cow<'s, str>)>,
    /// The `weight` member and its value; absent means 0 through the API.
    pub weight: Option<(NodeId, i64)>,
    pub base: Option<(NodeId, i64)>,
}

impl<'s> StrategyItem<'s> {
    /// The items of the request's `capacityProviderStrategy` that are objects, in order.
    #[must_use]
    pub fn list(doc: &Document<'s>, req: &Request) -> Vec<Self> {
        doc.elements(req.capacity_provider_strategy)
            .filter(|&item| doc.kind(item) == Kind::Object)
            .map(|item| {
                let int = |name: &str| doc.get(item, name).and_then(|n| doc.int(n).map(|v| (n, v)));
                StrategyItem {
                    node: item,
                    provider: doc.get(item, "capacityProvider").and_then(|n| doc.str(n).map(|s| (n, s))),
                    weight: int("weight"),
                    base: int("base"),
                }
            })
            .collect()
    }

    /// The weight ECS uses: 0 when not given.
    #[must_use]
    pub fn weight_value(&self) -> i64 {
        self.weight.map_or(0, |(_, w)| w)
    }

    #[must_use]
    pub fn base_value(&self) -> i64 {
        self.base.map_or(0, |(_, b)| b)
    }

    #[must_use]
    pub fn name(&self) -> &str {
        self.provider.as_ref().map_or("", |(_, n)| n.as_ref())
    }

    /// Whether the provider is Fargate's, in any case (`fargate` is reported by RT204).
    #[must_use]
    pub fn is_fargate(&self) -> bool {
        crate::data::launch::is_fargate_provider(self.name())
    }
}

/// Records each member of the object `node` in the slot of `into` that `slot` gives for its name
/// (None: not indexed). Duplicate keys: the last wins, as with [`Document::get`].
fn index_members<T>(doc: &Document<'_>, node: NodeId, into: &mut T, slot: for<'t> fn(&'t mut T, &str) -> Option<&'t mut Option<NodeId>>) {
    for m in doc.children(node) {
        let Some(key) = doc.key(m) else { continue };
        if let Some(slot) = slot(into, &key) {
            *slot = Some(m);
        }
    }
}

/// One container override (an object of `overrides.containerOverrides`) and the members rules
/// read. Duplicate keys: the last wins, as with [`Document::get`].
#[derive(Default, Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContainerOverride {
    pub node: NodeId,
    pub name: Option<NodeId>,
    pub cpu: Option<NodeId>,
    pub memory: Option<NodeId>,
    pub memory_reservation: Option<NodeId>,
    pub environment: Option<NodeId>,
    pub environment_files: Option<NodeId>,
    pub resource_requirements: Option<NodeId>,
}

impl ContainerOverride {
    fn index(doc: &Document<'_>, node: NodeId) -> Self {
        let mut c = ContainerOverride { node, ..ContainerOverride::default() };
        index_members(doc, node, &mut c, |c, key| {
            Some(match key {
                "name" => &mut c.name,
                "cpu" => &mut c.cpu,
                "memory" => &mut c.memory,
                "memoryReservation" => &mut c.memory_reservation,
                "environment" => &mut c.environment,
                "environmentFiles" => &mut c.environment_files,
                "resourceRequirements" => &mut c.resource_requirements,
                _ => return None,
            })
        });
        c
    }

    /// The size member called `member` (`cpu`, `memory` or `memoryReservation`).
    #[must_use]
    pub fn size(&self, member: &str) -> Option<NodeId> {
        match member {
            "cpu" => self.cpu,
            "memory" => self.memory,
            "memoryReservation" => self.memory_reservation,
            _ => None,
        }
    }
}

/// Where the task will run, as far as the request says. The candidates are `launchType` and
/// every capacity provider of the strategy; when they all agree (all Fargate, all EC2, all
/// external) that is the target, even when the request is otherwise wrong (both a launch type
/// and a strategy, RT201; `FARGATE_SPOT` or `fargate` as a launch type, RT203/RT105): a finding
/// never switches off the rules whose premise still holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// Every candidate is Fargate: `launchType: FARGATE`, or `FARGATE`/`FARGATE_SPOT` providers.
    Fargate,
    /// Every candidate is EC2: `launchType: EC2` or `MANAGED_INSTANCES`, or other providers.
    Ec2Like,
    /// `launchType: EXTERNAL`.
    External,
    /// No candidate (the cluster's default strategy decides), one that names nothing known, or
    /// candidates that disagree.
    Unknown,
}

impl Target {
    fn of_capacity(c: Capacity) -> Target {
        match c {
            Capacity::Fargate | Capacity::FargateSpot => Target::Fargate,
            Capacity::Ec2 | Capacity::ManagedInstances | Capacity::Provider => Target::Ec2Like,
            Capacity::External => Target::External,
        }
    }

    #[must_use]
    pub fn of(doc: &Document<'_>, req: &Request) -> Self {
        // A launch type or a provider known only at run time could be anything.
        let dynamic = |n: Option<NodeId>| n.is_some_and(|n| doc.kind(n) == Kind::Dynamic);
        if dynamic(req.launch_type)
            || dynamic(req.capacity_provider_strategy)
            || doc.elements(req.capacity_provider_strategy).any(|item| doc.kind(item) == Kind::Dynamic || dynamic(doc.get(item, "capacityProvider")))
        {
            return Target::Unknown;
        }
        let launch_type = req.launch_type.and_then(|n| doc.str(n)).map(|lt| Capacity::of_launch_type(&lt));
        let providers = doc.elements(req.capacity_provider_strategy).filter_map(|item| doc.get_str(item, "capacityProvider")).map(|p| Capacity::of_provider(&p));
        let mut agreed = None;
        for candidate in launch_type.into_iter().chain(providers) {
            let Some(c) = candidate else { return Target::Unknown };
            let t = Target::of_capacity(c);
            if agreed.is_some_and(|a| a != t) {
                return Target::Unknown;
            }
            agreed = Some(t);
        }
        agreed.unwrap_or(Target::Unknown)
    }
}

/// A task-level size (cpu units or MiB) and where it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TaskSize {
    pub value: u32,
    /// `overrides.cpu` / `overrides.memory` when the request overrides it; None when it is the
    /// task definition's.
    pub node: Option<NodeId>,
}

/// One finding before locations are resolved.
pub(crate) struct Finding {
    pub rule: &'static Rule,
    pub severity: Severity,
    pub node: NodeId,
    pub range: TextRange,
    pub message: String,
    pub help: Option<Cow<'static, str>>,
    pub note: Option<Cow<'static, str>>,
    pub fix: Option<Fix>,
    pub labels: Vec<(NodeId, TextRange, String)>,
    pub member: Option<&'static str>,
}

/// What a rule's `check` receives.
pub struct Ctx<'a, 's> {
    pub doc: &'a Document<'s>,
    pub req: &'a Request,
    pub target: Target,
    pub td: Option<&'a TaskDefinition<'a>>,
    /// The items of `capacityProviderStrategy` ([`StrategyItem::list`]).
    pub strategy: &'a [StrategyItem<'s>],
    pub(crate) rule: &'static Rule,
    pub(crate) out: &'a mut Vec<Finding>,
}

impl<'a, 's> Ctx<'a, 's> {
    /// Reports at the value of `node`. The finding is recorded when the returned reporter is
    /// dropped, so chain `.help(..)` and friends in the same statement.
    pub fn report(&mut self, node: NodeId, message: impl Into<String>) -> Reporter<'_> {
        let range = self.doc.range(node);
        self.report_range(node, range, message)
    }

    /// Reports at the member name of `node` (an object member), e.g. an unknown key.
    pub fn report_key(&mut self, node: NodeId, message: impl Into<String>) -> Reporter<'_> {
        let range = self.doc.key_range(node).unwrap_or_else(|| self.doc.range(node));
        self.report_range(node, range, message)
    }

    /// Reports that object `parent` lacks the member `member`: at the parent's member name when
    /// it has one, else at its opening brace. The diagnostic names the member (`member`), so a
    /// form can point at the control for it.
    #[inline(never)]
    pub fn report_missing(&mut self, parent: NodeId, member: &'static str, message: impl Into<String>) -> Reporter<'_> {
        let range = self.doc.key_range(parent).unwrap_or_else(|| {
            let r = self.doc.range(parent);
            TextRange::new(r.start, r.start + 1)
        });
        let mut r = self.report_range(parent, range, message);
        r.f().member = Some(member);
        r
    }

    fn report_range(&mut self, node: NodeId, range: TextRange, message: impl Into<String>) -> Reporter<'_> {
        Reporter {
            doc: self.doc,
            out: self.out,
            finding: Some(Finding {
                rule: self.rule,
                severity: self.rule.severity,
                node,
                range,
                message: message.into(),
                help: None,
                note: None,
                fix: None,
                labels: Vec::new(),
                member: None,
            }),
        }
    }

    /// The analysis of the `memberOf` expression `text` held by `node`, computed once per check.
    #[must_use]
    pub fn query_analysis(&self, node: NodeId, text: &str) -> std::rc::Rc<crate::query::Analysis> {
        if let Some((_, a)) = self.req.query_memo.borrow().iter().find(|(n, _)| *n == node) {
            return std::rc::Rc::clone(a);
        }
        let a = std::rc::Rc::new(crate::query::analyze(text));
        self.req.query_memo.borrow_mut().push((node, std::rc::Rc::clone(&a)));
        a
    }

    /// Whether `node` is inside an `environment` list, whose values must never be echoed.
    #[must_use]
    pub fn is_sensitive(&self, node: NodeId) -> bool {
        let mut cur = Some(node);
        while let Some(n) = cur {
            if self.doc.key(n).as_deref() == Some("environment") {
                return true;
            }
            cur = self.doc.parent(n);
        }
        false
    }

    /// The decoded string value of an optional node.
    #[must_use]
    pub fn str(&self, node: Option<NodeId>) -> Option<Cow<'s, str>> {
        node.and_then(|n| self.doc.str(n))
    }

    /// The integer value of an optional node.
    #[must_use]
    pub fn int(&self, node: Option<NodeId>) -> Option<i64> {
        node.and_then(|n| self.doc.int(n))
    }

    /// `launchType` as written.
    #[must_use]
    pub fn launch_type(&self) -> Option<Cow<'s, str>> {
        self.str(self.req.launch_type)
    }

    /// `platformVersion` as written.
    #[must_use]
    pub fn platform_version(&self) -> Option<Cow<'s, str>> {
        self.str(self.req.platform_version)
    }

    /// The severity a rule that applies to Fargate tasks should use: its own on a Fargate target;
    /// a warning (or its own, when milder) when the target is unknown but `platformVersion` is set
    /// (only Fargate takes one); None otherwise.
    #[must_use]
    pub fn fargate_severity(&self, base: Severity) -> Option<Severity> {
        match self.target {
            Target::Fargate => Some(base),
            Target::Unknown if self.req.platform_version.is_some() => Some(base.max(Severity::Warning)),
            _ => None,
        }
    }

    /// Why the task counts as a Fargate task, for messages (`` `launchType` is `FARGATE` ``), and
    /// the member that says so. Call only when [`Ctx::fargate_severity`] gives a severity.
    #[must_use]
    pub fn why_fargate(&self) -> (String, Option<NodeId>) {
        let req = self.req;
        match self.target {
            Target::Fargate => match req.launch_type.and_then(|n| self.doc.str(n).map(|s| (n, s))) {
                Some((n, lt)) => (cat!("`launchType` is `", crate::diagnostics::message::shorten(&lt, 20), "`"), Some(n)),
                None => ("its capacity providers are Fargate's".to_owned(), req.capacity_provider_strategy),
            },
            _ => ("`platformVersion` is set, which only Fargate tasks take".to_owned(), req.platform_version),
        }
    }

    /// Whether the task is known to be Windows (from the task definition).
    #[must_use]
    pub fn is_windows(&self) -> Option<bool> {
        self.td.map(TaskDefinition::is_windows)
    }

    /// The task-level cpu units the task gets: `overrides.cpu` when set (None when it cannot be
    /// read: RT102/RT300 report it), else the task definition's.
    #[must_use]
    #[inline(never)]
    pub fn task_cpu(&self) -> Option<TaskSize> {
        match self.req.overrides_cpu {
            Some(n) => self.doc.str(n).and_then(|s| units::parse_cpu(&s)).map(|value| TaskSize { value, node: Some(n) }),
            None => self.td.and_then(TaskDefinition::cpu).map(|value| TaskSize { value, node: None }),
        }
    }

    /// The task-level memory (MiB) the task gets, as [`Ctx::task_cpu`].
    #[must_use]
    #[inline(never)]
    pub fn task_memory(&self) -> Option<TaskSize> {
        match self.req.overrides_memory {
            Some(n) => self.doc.str(n).and_then(|s| units::parse_memory(&s)).map(|value| TaskSize { value, node: Some(n) }),
            None => self.td.and_then(TaskDefinition::memory).map(|value| TaskSize { value, node: None }),
        }
    }

    /// A fix that replaces the value of `node` with `content` (raw JSON text).
    #[must_use]
    pub fn replace_value(&self, node: NodeId, content: impl Into<String>, applicability: Applicability, description: impl Into<String>) -> Fix {
        let r = self.doc.range(node);
        Fix {
            applicability,
            description: description.into(),
            edits: vec![Edit::new(r.start, r.end, content.into())],
        }
    }

    /// A fix that renames the member `node` to `name`.
    #[must_use]
    pub fn rename_key(&self, node: NodeId, name: &str, applicability: Applicability) -> Option<Fix> {
        let r = self.doc.key_range(node)?;
        Some(Fix {
            applicability,
            description: format!("Rename to `{name}`"),
            edits: vec![Edit::new(r.start, r.end, json_string(name))],
        })
    }

    /// A fix that deletes the member or element `node`, with the comma that separates it.
    #[must_use]
    pub fn remove(&self, node: NodeId, applicability: Applicability, description: impl Into<String>) -> Fix {
        let doc = self.doc;
        let src = doc.source().as_bytes();
        let r = doc.member_range(node);
        let (mut start, mut end) = (r.start as usize, r.end as usize);
        // Take the following comma and the space before the next member; or, for the last
        // member, the preceding comma.
        let mut j = end;
        while j < src.len() && matches!(src[j], b' ' | b'\t' | b'\r' | b'\n') {
            j += 1;
        }
        if src.get(j) == Some(&b',') {
            j += 1;
            while j < src.len() && matches!(src[j], b' ' | b'\t' | b'\r' | b'\n') {
                j += 1;
            }
            end = j;
        } else {
            let mut i = start;
            while i > 0 && matches!(src[i - 1], b' ' | b'\t' | b'\r' | b'\n') {
                i -= 1;
            }
            if i > 0 && src[i - 1] == b',' {
                start = i - 1;
            }
        }
        Fix {
            applicability,
            description: description.into(),
            edits: vec![Edit::new(start as u32, end as u32, String::new())],
        }
    }

    /// Reports at `range`, a part of the value of `node` (e.g. a token inside a string); a range
    /// that does not lie inside the value falls back to the whole value.
    #[inline(never)]
    pub fn report_span(&mut self, node: NodeId, range: TextRange, message: impl Into<String>) -> Reporter<'_> {
        let whole = self.doc.range(node);
        let range = if whole.contains_range(range) { range } else { whole };
        self.report_range(node, range, message)
    }
}

/// Builds one finding; records it when dropped.
pub struct Reporter<'c> {
    doc: &'c Document<'c>,
    out: &'c mut Vec<Finding>,
    finding: Option<Finding>,
}

impl Reporter<'_> {
    fn f(&mut self) -> &mut Finding {
        self.finding.as_mut().expect("finding is present until drop")
    }

    pub fn help(&mut self, help: impl Into<Cow<'static, str>>) -> &mut Self {
        self.f().help = Some(help.into());
        self
    }

    pub fn note(&mut self, note: impl Into<Cow<'static, str>>) -> &mut Self {
        self.f().note = Some(note.into());
        self
    }

    pub fn severity(&mut self, severity: Severity) -> &mut Self {
        self.f().severity = severity;
        self
    }

    pub fn fix(&mut self, fix: Fix) -> &mut Self {
        self.f().fix = Some(fix);
        self
    }

    pub fn fix_opt(&mut self, fix: Option<Fix>) -> &mut Self {
        self.f().fix = fix;
        self
    }

    /// A secondary location at the value of `node`.
    pub fn label(&mut self, node: NodeId, message: impl Into<String>) -> &mut Self {
        let range = self.doc.range(node);
        self.f().labels.push((node, range, message.into()));
        self
    }

    /// A secondary location at the member name of `node`.
    pub fn label_key(&mut self, node: NodeId, message: impl Into<String>) -> &mut Self {
        let range = self.doc.key_range(node).unwrap_or_else(|| self.doc.range(node));
        self.f().labels.push((node, range, message.into()));
        self
    }
}

impl Drop for Reporter<'_> {
    fn drop(&mut self) {
        if let Some(f) = self.finding.take() {
            self.out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The task-level sizes every rule reads (RT301, RT307, RT333, RT334, RT807, RT808).
    fn sizes(request: &str, td: Option<&str>) -> (Option<TaskSize>, Option<TaskSize>) {
        let doc = Document::parse(request).unwrap();
        let req = Request::index(&doc);
        let td = td.map(|t| TaskDefinition::parse(t).unwrap());
        let mut out = Vec::new();
        let target = Target::of(&doc, &req);
        let ctx = Ctx { doc: &doc, req: &req, target, td: td.as_ref(), strategy: &[], rule: &crate::rules::input::request_not_object::RULE, out: &mut out };
        (ctx.task_cpu(), ctx.task_memory())
    }

    #[test]
    fn task_sizes_come_from_the_override_else_the_task_definition() {
        let td = r#"{"family": "web", "cpu": "1 vCPU", "memory": "2048", "containerDefinitions": [{"name": "web"}]}"#;
        let (cpu, memory) = sizes(r#"{"overrides": {"cpu": ".5 vcpu"}}"#, Some(td));
        assert_eq!(cpu.map(|s| (s.value, s.node.is_some())), Some((512, true)));
        assert_eq!(memory, Some(TaskSize { value: 2048, node: None }));
        // An override that cannot be read gives no size: the task definition's is not used.
        let (cpu, _) = sizes(r#"{"overrides": {"cpu": "lots"}}"#, Some(td));
        assert_eq!(cpu, None);
        assert_eq!(sizes(r#"{"overrides": {"memory": "2 GB"}}"#, None).1.map(|s| s.value), Some(2048));
        assert_eq!(sizes("{}", None), (None, None));
    }

    /// The container index reads each member as `Document::get` does: the last of duplicate keys,
    /// names compared decoded, objects only.
    #[test]
    fn container_overrides_are_indexed_as_get_reads_them() {
        let request = r#"{"overrides": {"containerOverrides": [
            {"name": "web", "memory": 1, "\u006demory": 600, "cpu": 2, "environment": [], "x": 1},
            "not an object",
            {"memoryReservation": 9, "environmentFiles": [], "resourceRequirements": [], "name": "a", "name": "b"}]}}"#;
        let doc = Document::parse(request).unwrap();
        let req = Request::index(&doc);
        let objects: Vec<_> = doc.elements(req.container_overrides).filter(|&c| doc.kind(c) == Kind::Object).collect();
        assert_eq!(req.containers.iter().map(|c| c.node).collect::<Vec<_>>(), objects);
        for c in &req.containers {
            let fields = [
                ("name", c.name),
                ("cpu", c.cpu),
                ("memory", c.memory),
                ("memoryReservation", c.memory_reservation),
                ("environment", c.environment),
                ("environmentFiles", c.environment_files),
                ("resourceRequirements", c.resource_requirements),
            ];
            for (member, indexed) in fields {
                assert_eq!(indexed, doc.get(c.node, member), "{member}");
            }
        }
        assert_eq!(req.containers[0].memory.and_then(|m| doc.int(m)), Some(600));
        assert_eq!(req.containers[1].name.and_then(|n| doc.str(n)).as_deref(), Some("b"));
        assert_eq!(req.containers[0].size("cpu"), req.containers[0].cpu);
        assert_eq!(req.containers[1].size("memoryReservation"), req.containers[1].memory_reservation);
    }

    /// The tag index holds every tag object of every tag list, in order, each member read as
    /// `Document::get` reads it: the last of duplicate keys, names compared decoded.
    #[test]
    fn tags_are_indexed_as_get_reads_them() {
        let request = r#"{"tags": [{"key": "a", "value": "1", "k\u0065y": "a2"}, "not an object", {"value": "2"}],
            "volumeConfigurations": [{"name": "d", "managedEBSVolume": {"tagSpecifications": [
                {"resourceType": "volume", "tags": [{"key": "b"}, {"key": "c", "value": "3", "value": "4"}]},
                {"resourceType": "volume"},
                {"resourceType": "volume", "tags": [{"key": "e"}]}]}}]}"#;
        let doc = Document::parse(request).unwrap();
        let req = Request::index(&doc);
        let lists: Vec<NodeId> = req.tag_lists(&doc).collect();
        assert_eq!(lists.len(), 3);
        let objects: Vec<(NodeId, NodeId)> = lists.iter().flat_map(|&l| doc.elements(Some(l)).filter(|&t| doc.kind(t) == Kind::Object).map(move |t| (l, t))).collect();
        assert_eq!(req.tag_objects.iter().map(|t| (t.list, t.node)).collect::<Vec<_>>(), objects);
        for t in &req.tag_objects {
            assert_eq!(t.key, doc.get(t.node, "key"));
            assert_eq!(t.value, doc.get(t.node, "value"));
        }
        let text = |n: Option<NodeId>| n.and_then(|n| doc.str(n)).map(|s| s.into_owned());
        let keys: Vec<_> = req.tag_objects.iter().map(|t| text(t.key)).collect();
        assert_eq!(keys, [Some("a2".to_owned()), None, Some("b".to_owned()), Some("c".to_owned()), Some("e".to_owned())]);
        assert_eq!(text(req.tag_objects[3].value).as_deref(), Some("4"));
    }
}
