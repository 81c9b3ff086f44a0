//! The form model: a typed RunTask request that the form edits, that serializes to JSON with a
//! stable key order (the form's order, unknown members last) and that parses back.
//!
//! Nothing is lost either way:
//! - every member keeps the JSON value it had, of whatever type (a `"count": "3"` stays a string
//!   until the Count field is edited), so runtask-core sees exactly what was pasted;
//! - a known member whose value has the wrong shape (`"tags": {}`) is kept as it was (`raw`);
//! - members the form does not show (unknown ones, `referenceId`, `inferenceAcceleratorOverrides`,
//!   EBS `tagSpecifications`, ...) are kept in `extra` and written after the known ones;
//! - an explicit empty list or object (`"tags": []`) stays (`explicit`).
//!
//! Rows of the editable tables carry a [`RowId`] so the view can key them; ids are never
//! serialized, and [`Request::adopt_ids`] keeps them stable while JSON is being typed.

use std::sync::atomic::{AtomicU32, Ordering};

use serde_json::{Map, Value};

/// Key of a row in an editable table; not part of the request.
pub type RowId = u32;

static NEXT_ID: AtomicU32 = AtomicU32::new(1);

/// A fresh row id.
#[must_use]
pub fn next_id() -> RowId {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

/// A scalar member: absent, or its JSON value (normally a string, number or boolean).
pub type Scalar = Option<Value>;

/// Members the form does not know, in serde_json's (sorted) order.
pub type Extra = Vec<(String, Value)>;

// ---------------------------------------------------------------------------------------------
// Members: how each kind of member is read from and written to a JSON object.

/// A member of an object: read from the value it had (if any), written back.
pub trait Member: Sized {
    fn read(value: Option<Value>) -> Self;
    fn write<'a>(&'a self, name: &'a str, out: &mut Obj<'a>);
}

impl Member for Scalar {
    fn read(value: Option<Value>) -> Self {
        value
    }

    fn write<'a>(&'a self, name: &'a str, out: &mut Obj<'a>) {
        if let Some(v) = self {
            out.push((name, Out::Value(v)));
        }
    }
}

/// The members of an object the form shows; everything else goes to its `extra`.
pub trait Part: Default {
    fn read(members: &mut Map<String, Value>) -> Self;
    fn write<'a>(&'a self, out: &mut Obj<'a>);
    /// Takes the row ids of `old`'s tables, position by position.
    fn adopt_ids(&mut self, _old: &Self) {}
}

/// Takes member `name` out of `members` as the member type wants it.
fn take<M: Member>(members: &mut Map<String, Value>, name: &str) -> M {
    M::read(members.remove(name))
}

fn rest(members: Map<String, Value>) -> Extra {
    members.into_iter().collect()
}

fn write_extra<'a>(extra: &'a Extra, out: &mut Obj<'a>) {
    for (k, v) in extra {
        out.push((k, Out::Value(v)));
    }
}

/// An optional object member.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Object<T> {
    pub fields: T,
    /// Written even when empty (it was `{}` in the JSON).
    pub explicit: bool,
    /// The member's value when it is not an object; written as is.
    pub raw: Option<Value>,
}

impl<T: Part> Member for Object<T> {
    fn read(value: Option<Value>) -> Self {
        match value {
            None => Object::default(),
            Some(Value::Object(mut m)) => {
                let explicit = m.is_empty();
                Object { fields: T::read(&mut m), explicit, raw: None }
            }
            Some(other) => Object { fields: T::default(), explicit: false, raw: Some(other) },
        }
    }

    fn write<'a>(&'a self, name: &'a str, out: &mut Obj<'a>) {
        if let Some(raw) = &self.raw {
            out.push((name, Out::Value(raw)));
            return;
        }
        let mut inner = Vec::new();
        self.fields.write(&mut inner);
        if !inner.is_empty() || self.explicit {
            out.push((name, Out::Object(inner)));
        }
    }
}

impl<T: Part> Object<T> {
    fn adopt_ids(&mut self, old: &Self) {
        Part::adopt_ids(&mut self.fields, &old.fields);
    }
}

/// An element of a list: a table row. `raw` holds an element that is not an object (or, for
/// lists of strings, the element itself is in `fields`).
#[derive(Clone, Debug, PartialEq)]
pub struct Row<T> {
    pub id: RowId,
    pub fields: T,
    pub raw: Option<Value>,
}

impl<T> Row<T> {
    pub fn new(fields: T) -> Self {
        Row { id: next_id(), fields, raw: None }
    }
}

/// What a list element can be.
pub trait Element: Sized + Default {
    fn read(value: Value) -> Row<Self>;
    fn write(row: &Row<Self>) -> Out<'_>;
    fn adopt_ids(&mut self, _old: &Self) {}
}

/// A list of strings (subnets, security groups, a command): each element's value, of any type.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Text(pub Value);

impl Default for Row<Text> {
    fn default() -> Self {
        Row::new(Text(Value::String(String::new())))
    }
}

impl Element for Text {
    fn read(value: Value) -> Row<Self> {
        Row::new(Text(value))
    }

    fn write(row: &Row<Self>) -> Out<'_> {
        Out::Value(&row.fields.0)
    }
}

impl<T: Part> Element for T {
    fn read(value: Value) -> Row<Self> {
        match value {
            Value::Object(mut m) => Row::new(T::read(&mut m)),
            other => Row { id: next_id(), fields: T::default(), raw: Some(other) },
        }
    }

    fn write(row: &Row<Self>) -> Out<'_> {
        if let Some(raw) = &row.raw {
            return Out::Value(raw);
        }
        let mut inner = Vec::new();
        row.fields.write(&mut inner);
        Out::Object(inner)
    }

    fn adopt_ids(&mut self, old: &Self) {
        Part::adopt_ids(self, old);
    }
}

/// An optional list member: the table's rows.
#[derive(Clone, Debug, PartialEq)]
pub struct List<T> {
    pub rows: Vec<Row<T>>,
    /// Written even when empty (it was `[]` in the JSON).
    pub explicit: bool,
    /// The member's value when it is not an array; written as is.
    pub raw: Option<Value>,
}

impl<T> Default for List<T> {
    fn default() -> Self {
        List { rows: Vec::new(), explicit: false, raw: None }
    }
}

impl<T: Element> Member for List<T> {
    fn read(value: Option<Value>) -> Self {
        match value {
            None => List::default(),
            Some(Value::Array(items)) => {
                let explicit = items.is_empty();
                List { rows: items.into_iter().map(T::read).collect(), explicit, raw: None }
            }
            Some(other) => List { rows: Vec::new(), explicit: false, raw: Some(other) },
        }
    }

    fn write<'a>(&'a self, name: &'a str, out: &mut Obj<'a>) {
        if let Some(raw) = &self.raw {
            out.push((name, Out::Value(raw)));
        } else if !self.rows.is_empty() || self.explicit {
            out.push((name, Out::Array(self.rows.iter().map(T::write).collect())));
        }
    }
}

impl<T: Element> List<T> {
    /// Row ids from `old`, position by position, so the view keeps its rows.
    pub fn adopt_ids(&mut self, old: &Self) {
        for (new, old) in self.rows.iter_mut().zip(&old.rows) {
            new.id = old.id;
            new.fields.adopt_ids(&old.fields);
        }
    }

    #[must_use]
    pub fn index_of(&self, id: RowId) -> Option<usize> {
        self.rows.iter().position(|r| r.id == id)
    }

    #[must_use]
    pub fn get(&self, id: RowId) -> Option<&Row<T>> {
        self.rows.iter().find(|r| r.id == id)
    }

    pub fn get_mut(&mut self, id: RowId) -> Option<&mut Row<T>> {
        self.rows.iter_mut().find(|r| r.id == id)
    }

    /// Adds a row; the member stops being a value of the wrong type.
    pub fn push(&mut self, fields: T) -> RowId {
        self.raw = None;
        let row = Row::new(fields);
        let id = row.id;
        self.rows.push(row);
        id
    }

    /// Removes row `id`; removing the last row removes the member.
    pub fn remove(&mut self, id: RowId) {
        self.rows.retain(|r| r.id != id);
        if self.rows.is_empty() {
            self.explicit = false;
        }
    }

    #[must_use]
    pub fn ids(&self) -> Vec<RowId> {
        self.rows.iter().map(|r| r.id).collect()
    }
}

// ---------------------------------------------------------------------------------------------
// The request.

/// How the task finds capacity: a choice, so launch type and strategy are not both set by
/// accident. `Both` only comes from pasted JSON (and is reported by runtask-core).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Capacity {
    /// Neither: the cluster's default capacity provider strategy.
    #[default]
    ClusterDefault,
    LaunchType,
    Strategy,
    Both,
}

impl Capacity {
    #[must_use]
    pub fn uses_launch_type(self) -> bool {
        matches!(self, Capacity::LaunchType | Capacity::Both)
    }

    #[must_use]
    pub fn uses_strategy(self) -> bool {
        matches!(self, Capacity::Strategy | Capacity::Both)
    }
}

/// A RunTask request, as the form holds it. Members are in the form's (and the JSON view's) order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Request {
    pub task_definition: Scalar,
    pub cluster: Scalar,
    pub count: Scalar,
    pub group: Scalar,
    pub started_by: Scalar,
    pub client_token: Scalar,
    pub capacity: Capacity,
    /// Kept while another capacity choice is made, written only when `capacity` uses it.
    pub launch_type: Scalar,
    pub capacity_provider_strategy: List<CapacityProvider>,
    pub platform_version: Scalar,
    pub network_configuration: Object<NetworkConfiguration>,
    pub overrides: Object<Overrides>,
    pub placement_constraints: List<PlacementConstraint>,
    pub placement_strategy: List<PlacementStrategy>,
    pub tags: List<Tag>,
    pub propagate_tags: Scalar,
    pub enable_ecs_managed_tags: Scalar,
    pub enable_execute_command: Scalar,
    pub volume_configurations: List<VolumeConfiguration>,
    pub extra: Extra,
}

impl Part for Request {
    fn read(m: &mut Map<String, Value>) -> Self {
        let capacity = match (m.contains_key("launchType"), m.contains_key("capacityProviderStrategy")) {
            (true, true) => Capacity::Both,
            (true, false) => Capacity::LaunchType,
            (false, true) => Capacity::Strategy,
            (false, false) => Capacity::ClusterDefault,
        };
        let r = Request {
            task_definition: take(m, "taskDefinition"),
            cluster: take(m, "cluster"),
            count: take(m, "count"),
            group: take(m, "group"),
            started_by: take(m, "startedBy"),
            client_token: take(m, "clientToken"),
            capacity,
            launch_type: take(m, "launchType"),
            capacity_provider_strategy: take(m, "capacityProviderStrategy"),
            platform_version: take(m, "platformVersion"),
            network_configuration: take(m, "networkConfiguration"),
            overrides: take(m, "overrides"),
            placement_constraints: take(m, "placementConstraints"),
            placement_strategy: take(m, "placementStrategy"),
            tags: take(m, "tags"),
            propagate_tags: take(m, "propagateTags"),
            enable_ecs_managed_tags: take(m, "enableECSManagedTags"),
            enable_execute_command: take(m, "enableExecuteCommand"),
            volume_configurations: take(m, "volumeConfigurations"),
            extra: Vec::new(),
        };
        Request { extra: rest(std::mem::take(m)), ..r }
    }

    fn write<'a>(&'a self, o: &mut Obj<'a>) {
        self.task_definition.write("taskDefinition", o);
        self.cluster.write("cluster", o);
        self.count.write("count", o);
        self.group.write("group", o);
        self.started_by.write("startedBy", o);
        self.client_token.write("clientToken", o);
        if self.capacity.uses_launch_type() {
            self.launch_type.write("launchType", o);
        }
        if self.capacity.uses_strategy() {
            let s = &self.capacity_provider_strategy;
            match &s.raw {
                Some(raw) => o.push(("capacityProviderStrategy", Out::Value(raw))),
                // A chosen strategy is written even when it has no rows yet.
                None => o.push(("capacityProviderStrategy", Out::Array(s.rows.iter().map(Element::write).collect()))),
            }
        }
        self.platform_version.write("platformVersion", o);
        self.network_configuration.write("networkConfiguration", o);
        self.overrides.write("overrides", o);
        self.placement_constraints.write("placementConstraints", o);
        self.placement_strategy.write("placementStrategy", o);
        self.tags.write("tags", o);
        self.propagate_tags.write("propagateTags", o);
        self.enable_ecs_managed_tags.write("enableECSManagedTags", o);
        self.enable_execute_command.write("enableExecuteCommand", o);
        self.volume_configurations.write("volumeConfigurations", o);
        write_extra(&self.extra, o);
    }

    fn adopt_ids(&mut self, old: &Self) {
        self.capacity_provider_strategy.adopt_ids(&old.capacity_provider_strategy);
        self.network_configuration.adopt_ids(&old.network_configuration);
        self.overrides.adopt_ids(&old.overrides);
        self.placement_constraints.adopt_ids(&old.placement_constraints);
        self.placement_strategy.adopt_ids(&old.placement_strategy);
        self.tags.adopt_ids(&old.tags);
        self.volume_configurations.adopt_ids(&old.volume_configurations);
    }
}

/// Why JSON text cannot become the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    /// Not JSON at all (runtask-core says where).
    Syntax,
    /// JSON, but not an object.
    NotObject,
}

impl Request {
    /// Parses the API / `--cli-input-json` shape.
    pub fn from_json(text: &str) -> Result<Self, ParseError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(mut m)) => Ok(<Request as Part>::read(&mut m)),
            Ok(_) => Err(ParseError::NotObject),
            Err(_) => Err(ParseError::Syntax),
        }
    }

    /// The request as the canonical tree (the JSON view, the exports).
    #[must_use]
    pub fn tree(&self) -> Out<'_> {
        let mut o = Vec::new();
        Part::write(self, &mut o);
        Out::Object(o)
    }

    /// Takes the row ids of `old`, position by position.
    pub fn adopt_ids(&mut self, old: &Self) {
        Part::adopt_ids(self, old);
    }

    /// Whether the task runs on Fargate as far as the form says: every candidate (the launch
    /// type, the strategy's providers) is Fargate's, as runtask-core reads the names.
    #[must_use]
    pub fn is_fargate(&self) -> bool {
        use runtask_core::data::launch::{is_fargate_provider, Capacity as Runs};
        let lt = self.capacity.uses_launch_type().then(|| str_of(&self.launch_type)).flatten();
        let providers: Vec<&str> = if self.capacity.uses_strategy() {
            self.capacity_provider_strategy.rows.iter().filter_map(|r| str_of(&r.fields.capacity_provider)).collect()
        } else {
            Vec::new()
        };
        (lt.is_some() || !providers.is_empty())
            && lt.is_none_or(|lt| Runs::of_launch_type(lt).is_some_and(Runs::is_fargate))
            && providers.iter().all(|p| is_fargate_provider(p))
    }

    /// Switches the capacity choice, giving the chosen one a starting value.
    pub fn choose_capacity(&mut self, capacity: Capacity) {
        self.capacity = capacity;
        match capacity {
            Capacity::LaunchType if self.launch_type.is_none() => self.launch_type = Some(Value::String("FARGATE".into())),
            Capacity::Strategy if self.capacity_provider_strategy.rows.is_empty() && self.capacity_provider_strategy.raw.is_none() => {
                self.capacity_provider_strategy.push(CapacityProvider {
                    capacity_provider: Some(Value::String("FARGATE".into())),
                    weight: Some(Value::from(1)),
                    ..CapacityProvider::default()
                });
            }
            _ => {}
        }
    }
}

/// The string in a scalar, if it is one.
#[must_use]
pub fn str_of(v: &Scalar) -> Option<&str> {
    v.as_ref().and_then(Value::as_str)
}

/// The text a field shows for a scalar: strings as they are, other values as JSON.
#[must_use]
pub fn display(v: &Scalar) -> String {
    match v {
        None => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// A string member from a field's text: empty text removes the member.
#[must_use]
pub fn text_value(text: &str) -> Scalar {
    (!text.is_empty()).then(|| Value::String(text.to_owned()))
}

/// An integer member from a field's text: a whole number becomes a JSON number; anything else is
/// kept as a string, for runtask-core to report.
#[must_use]
pub fn int_value(text: &str) -> Scalar {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    match t.parse::<i64>() {
        Ok(n) => Some(Value::from(n)),
        Err(_) => Some(Value::String(text.to_owned())),
    }
}

/// A boolean member from a checkbox: checked is `true`, unchecked removes the member (false is
/// the default).
#[must_use]
pub fn bool_value(checked: bool) -> Scalar {
    checked.then_some(Value::Bool(true))
}

// ---------------------------------------------------------------------------------------------
// The parts.

macro_rules! part {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $field:ident : $ty:ty = $json:literal ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct $name {
            $( pub $field: $ty, )*
            pub extra: Extra,
        }

        impl Part for $name {
            fn read(m: &mut Map<String, Value>) -> Self {
                $( let $field = take::<$ty>(m, $json); )*
                $name { $( $field, )* extra: rest(std::mem::take(m)) }
            }

            fn write<'a>(&'a self, o: &mut Obj<'a>) {
                $( Member::write(&self.$field, $json, o); )*
                write_extra(&self.extra, o);
            }

            fn adopt_ids(&mut self, old: &Self) {
                $( AdoptIds::adopt(&mut self.$field, &old.$field); )*
            }
        }
    };
}

/// Row-id adoption for any member type (scalars have none).
trait AdoptIds {
    fn adopt(&mut self, _old: &Self) {}
}

impl AdoptIds for Scalar {}

impl<T: Part> AdoptIds for Object<T> {
    fn adopt(&mut self, old: &Self) {
        self.adopt_ids(old);
    }
}

impl<T: Element> AdoptIds for List<T> {
    fn adopt(&mut self, old: &Self) {
        self.adopt_ids(old);
    }
}

part! {
    /// An item of `capacityProviderStrategy`.
    pub struct CapacityProvider {
        capacity_provider: Scalar = "capacityProvider",
        weight: Scalar = "weight",
        base: Scalar = "base",
    }
}

part! {
    pub struct NetworkConfiguration {
        awsvpc_configuration: Object<AwsvpcConfiguration> = "awsvpcConfiguration",
    }
}

part! {
    pub struct AwsvpcConfiguration {
        subnets: List<Text> = "subnets",
        security_groups: List<Text> = "securityGroups",
        assign_public_ip: Scalar = "assignPublicIp",
    }
}

part! {
    /// `overrides`: task-level first, then the containers.
    pub struct Overrides {
        cpu: Scalar = "cpu",
        memory: Scalar = "memory",
        task_role_arn: Scalar = "taskRoleArn",
        execution_role_arn: Scalar = "executionRoleArn",
        ephemeral_storage: Object<EphemeralStorage> = "ephemeralStorage",
        container_overrides: List<ContainerOverride> = "containerOverrides",
        inference_accelerator_overrides: Scalar = "inferenceAcceleratorOverrides",
    }
}

part! {
    pub struct EphemeralStorage {
        size_in_gib: Scalar = "sizeInGiB",
    }
}

part! {
    pub struct ContainerOverride {
        name: Scalar = "name",
        command: List<Text> = "command",
        environment: List<KeyValue> = "environment",
        environment_files: List<EnvironmentFile> = "environmentFiles",
        cpu: Scalar = "cpu",
        memory: Scalar = "memory",
        memory_reservation: Scalar = "memoryReservation",
        resource_requirements: List<ResourceRequirement> = "resourceRequirements",
    }
}

part! {
    /// An environment variable.
    pub struct KeyValue {
        name: Scalar = "name",
        value: Scalar = "value",
    }
}

part! {
    pub struct EnvironmentFile {
        value: Scalar = "value",
        r#type: Scalar = "type",
    }
}

part! {
    pub struct ResourceRequirement {
        r#type: Scalar = "type",
        value: Scalar = "value",
        sharing_strategy: Scalar = "sharingStrategy",
    }
}

part! {
    pub struct PlacementConstraint {
        r#type: Scalar = "type",
        expression: Scalar = "expression",
    }
}

part! {
    pub struct PlacementStrategy {
        r#type: Scalar = "type",
        field: Scalar = "field",
    }
}

part! {
    pub struct Tag {
        key: Scalar = "key",
        value: Scalar = "value",
    }
}

part! {
    pub struct VolumeConfiguration {
        name: Scalar = "name",
        managed_ebs_volume: Object<ManagedEbsVolume> = "managedEBSVolume",
    }
}

part! {
    pub struct ManagedEbsVolume {
        role_arn: Scalar = "roleArn",
        volume_type: Scalar = "volumeType",
        size_in_gib: Scalar = "sizeInGiB",
        iops: Scalar = "iops",
        throughput: Scalar = "throughput",
        volume_initialization_rate: Scalar = "volumeInitializationRate",
        snapshot_id: Scalar = "snapshotId",
        encrypted: Scalar = "encrypted",
        kms_key_id: Scalar = "kmsKeyId",
        filesystem_type: Scalar = "filesystemType",
        termination_policy: Object<TerminationPolicy> = "terminationPolicy",
        tag_specifications: Scalar = "tagSpecifications",
    }
}

part! {
    pub struct TerminationPolicy {
        delete_on_termination: Scalar = "deleteOnTermination",
    }
}

impl ContainerOverride {
    /// The GPU count: the `value` of the `GPU` resource requirement.
    #[must_use]
    pub fn gpu(&self) -> Scalar {
        self.resource_requirements
            .rows
            .iter()
            .find(|r| r.raw.is_none() && str_of(&r.fields.r#type) == Some("GPU"))
            .and_then(|r| r.fields.value.clone())
    }

    /// Sets the GPU count (empty text removes the GPU requirement); other requirements stay.
    pub fn set_gpu(&mut self, text: &str) {
        let list = &mut self.resource_requirements;
        let pos = list.rows.iter().position(|r| r.raw.is_none() && str_of(&r.fields.r#type) == Some("GPU"));
        match (pos, text.is_empty()) {
            (Some(i), true) => {
                let id = list.rows[i].id;
                list.remove(id);
            }
            (Some(i), false) => list.rows[i].fields.value = text_value(text),
            (None, true) => {}
            (None, false) => {
                list.push(ResourceRequirement {
                    r#type: Some(Value::String("GPU".into())),
                    value: text_value(text),
                    ..ResourceRequirement::default()
                });
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Output: the canonical tree (printed by `crate::export`).

/// An object under construction: members in order.
pub type Obj<'a> = Vec<(&'a str, Out<'a>)>;

/// The request as written: objects keep the order they were built in.
#[derive(Debug)]
pub enum Out<'a> {
    Value(&'a Value),
    Object(Obj<'a>),
    Array(Vec<Out<'a>>),
}

#[cfg(test)]
mod tests;
