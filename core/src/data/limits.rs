//! Documented limits of the RunTask request that botocore's model does not carry. Those the
//! model has (`min`/`max` of tags, capacity provider weight and base, GPU sharing) are read from
//! `crate::model` only. Each entry names its source; all were read on 2026-11-23 from
//! `spec/rules.md` §11 and the documents it cites. The rules use the constants, the JSON Schema
//! uses [`SCHEMA_LIMITS`].

/// `count`: 1–10 tasks a call. RunTask API reference; aws-cli `run-task`.
pub const COUNT_MIN: i64 = 1;
pub const COUNT_MAX: i64 = 10;
/// `clientToken`: up to 64 characters in ASCII 33–126. RunTask API reference; botocore doc.
pub const CLIENT_TOKEN_MAX: usize = 64;
pub const CLIENT_TOKEN_CHARS: (u8, u8) = (33, 126);
/// `startedBy`: up to 128 of `[A-Za-z0-9_/-]`. RunTask API reference; botocore 1.44.5.
/// The older aws-cli page says 36 (and StartTask still does).
pub const STARTED_BY_MAX: usize = 128;
pub const STARTED_BY_LEGACY_MAX: usize = 36;
/// `group`: 255 characters. ECS developer guide, "Task groups".
pub const GROUP_MAX: usize = 255;
/// `referenceId`: 1024 characters. aws-sdk-rust `_run_task_input.rs` doc.
pub const REFERENCE_ID_MAX: usize = 1024;
/// Family, cluster and capacity-provider names: 1–255 of `[A-Za-z0-9_-]`. botocore docs.
pub const NAME_MAX: usize = 255;
/// Overrides: 8192 characters of JSON, formatting included. RunTask API reference.
pub const OVERRIDES_MAX_CHARS: usize = 8192;
/// Capacity provider strategy: 20 providers (botocore 1.44.5); older docs said 6.
pub const CAPACITY_PROVIDERS_MAX: usize = 20;
pub const CAPACITY_PROVIDERS_LEGACY_MAX: usize = 6;
/// awsvpc: 16 subnets, 5 security groups. botocore `AwsVpcConfiguration` docs.
pub const SUBNETS_MAX: usize = 16;
pub const SECURITY_GROUPS_MAX: usize = 5;
/// Placement: 10 constraints (request and task definition together), 5 strategies, expressions
/// of 2000 characters. botocore docs.
pub const PLACEMENT_CONSTRAINTS_MAX: usize = 10;
pub const PLACEMENT_STRATEGIES_MAX: usize = 5;
pub const EXPRESSION_MAX: usize = 2000;
/// Environment files: 10 a container. botocore; aws-cli `run-task`.
pub const ENVIRONMENT_FILES_MAX: usize = 10;
/// Ephemeral storage: 21–200 GiB (20 GiB is the free default). botocore `EphemeralStorage`.
pub const EPHEMERAL_MIN_GIB: i64 = 21;
pub const EPHEMERAL_MAX_GIB: i64 = 200;
/// Task cpu on EC2: 128–196608 units. botocore `RegisterTaskDefinitionRequest.cpu`.
pub const EC2_TASK_CPU_MIN: i64 = 128;
pub const EC2_TASK_CPU_MAX: i64 = 196_608;
/// The 2023 developer guide said 10 vCPU.
pub const EC2_TASK_CPU_LEGACY_MAX: i64 = 10_240;
/// Docker reserves 6 MiB: containers need at least that. botocore `ContainerDefinition.memory`.
pub const CONTAINER_MEMORY_MIN_MIB: i64 = 6;

/// EBS volume limits by type. `ecs` is what the ECS docs and aws-cdk state; `ec2` is what EC2
/// CreateVolume accepts (the ECS parameter "maps 1:1" to it). Between the two: a warning.
pub struct EbsType {
    pub name: &'static str,
    pub size_ecs: (i64, i64),
    pub size_ec2: (i64, i64),
    /// IOPS ranges; None when `iops` must not be set.
    pub iops_ecs: Option<(i64, i64)>,
    pub iops_ec2: Option<(i64, i64)>,
    pub iops_required: bool,
}

pub static EBS_TYPES: &[EbsType] = &[
    EbsType { name: "gp2", size_ecs: (1, 16384), size_ec2: (1, 16384), iops_ecs: None, iops_ec2: None, iops_required: false },
    EbsType { name: "gp3", size_ecs: (1, 16384), size_ec2: (1, 65536), iops_ecs: Some((3000, 16000)), iops_ec2: Some((3000, 80000)), iops_required: false },
    EbsType { name: "io1", size_ecs: (4, 16384), size_ec2: (4, 16384), iops_ecs: Some((100, 64000)), iops_ec2: Some((100, 64000)), iops_required: true },
    EbsType { name: "io2", size_ecs: (4, 16384), size_ec2: (4, 65536), iops_ecs: Some((100, 256_000)), iops_ec2: Some((100, 256_000)), iops_required: true },
    EbsType { name: "st1", size_ecs: (125, 16384), size_ec2: (125, 16384), iops_ecs: None, iops_ec2: None, iops_required: false },
    EbsType { name: "sc1", size_ecs: (125, 16384), size_ec2: (125, 16384), iops_ecs: None, iops_ec2: None, iops_required: false },
    EbsType { name: "standard", size_ecs: (1, 1024), size_ec2: (1, 1024), iops_ecs: None, iops_ec2: None, iops_required: false },
];

/// gp3 throughput: ECS docs say at most 1000 MiB/s, EC2 accepts 125–2000.
pub const EBS_THROUGHPUT_EC2: (i64, i64) = (125, 2000);
pub const EBS_THROUGHPUT_ECS_MAX: i64 = 1000;
/// Volume initialization rate with a snapshot: 100–300 MiB/s. EC2 CreateVolume.
pub const EBS_INIT_RATE: (i64, i64) = (100, 300);
/// Tag keys ECS reserves on EBS volumes. botocore.
pub const EBS_RESERVED_TAG_KEYS: &[&str] = &["AmazonECSCreated", "AmazonECSManaged"];


/// A constraint the JSON Schema carries beyond botocore's model.
pub struct SchemaLimit {
    /// Pointer pattern, `*` for any array index.
    pub pointer: &'static str,
    /// JSON Schema keyword: `minimum`, `maximum`, `minLength`, `maxLength`, `minItems`, `maxItems`.
    pub keyword: &'static str,
    pub value: i64,
    /// What to do when the limit is broken.
    pub help: &'static str,
    /// False when a more specific rule reports it (the schema still carries it).
    pub generic: bool,
}

macro_rules! limit {
    ($p:literal, $k:literal, $v:expr, $h:literal) => {
        SchemaLimit { pointer: $p, keyword: $k, value: $v as i64, help: $h, generic: true }
    };
    (schema_only $p:literal, $k:literal, $v:expr, $h:literal) => {
        SchemaLimit { pointer: $p, keyword: $k, value: $v as i64, help: $h, generic: false }
    };
}

pub static SCHEMA_LIMITS: &[SchemaLimit] = &[
    limit!("/count", "minimum", COUNT_MIN, "run at least one task: omit `count` or set it to 1–10"),
    limit!("/count", "maximum", COUNT_MAX, "RunTask starts at most 10 tasks a call: split the work into several calls of 10 or fewer"),
    limit!("/clientToken", "maxLength", CLIENT_TOKEN_MAX, "use at most 64 printable ASCII characters, e.g. a UUID"),
    limit!("/startedBy", "maxLength", STARTED_BY_MAX, "shorten it to at most 128 characters"),
    limit!("/group", "maxLength", GROUP_MAX, "shorten the group name to at most 255 characters"),
    limit!("/referenceId", "maxLength", REFERENCE_ID_MAX, "remove `referenceId`: it is for Amazon ECS's own use"),
    limit!("/taskDefinition", "minLength", 1, "name the task definition: `family`, `family:revision` or its ARN"),
    limit!("/capacityProviderStrategy", "maxItems", CAPACITY_PROVIDERS_MAX, "use at most 20 capacity providers in one strategy"),
    limit!("/capacityProviderStrategy/*/capacityProvider", "minLength", 1, "give the capacity provider's name, e.g. FARGATE"),
    limit!("/capacityProviderStrategy/*/capacityProvider", "maxLength", NAME_MAX, "capacity provider names are at most 255 characters"),
    limit!("/networkConfiguration/awsvpcConfiguration/subnets", "minItems", 1, "add at least one subnet ID, e.g. subnet-0123456789abcdef0"),
    limit!("/networkConfiguration/awsvpcConfiguration/subnets", "maxItems", SUBNETS_MAX, "use at most 16 subnets"),
    limit!("/networkConfiguration/awsvpcConfiguration/securityGroups", "maxItems", SECURITY_GROUPS_MAX, "use at most 5 security groups"),
    limit!("/placementConstraints", "maxItems", PLACEMENT_CONSTRAINTS_MAX, "use at most 10 constraints (request and task definition together); combine expressions with `and`"),
    limit!("/placementConstraints/*/expression", "maxLength", EXPRESSION_MAX, "shorten the expression to at most 2000 characters"),
    limit!("/placementStrategy", "maxItems", PLACEMENT_STRATEGIES_MAX, "use at most 5 placement strategies"),
    limit!("/overrides/containerOverrides/*/environmentFiles", "maxItems", ENVIRONMENT_FILES_MAX, "use at most 10 environment files per container; merge files"),
    limit!("/overrides/containerOverrides/*/cpu", "minimum", 0, "use a non-negative number of CPU units"),
    limit!("/overrides/containerOverrides/*/memory", "minimum", 0, "use a non-negative number of MiB"),
    limit!("/overrides/containerOverrides/*/memoryReservation", "minimum", 0, "use a non-negative number of MiB"),
    limit!("/overrides/ephemeralStorage/sizeInGiB", "minimum", EPHEMERAL_MIN_GIB, "use 21–200 GiB; 20 GiB is the default you get without this override"),
    limit!("/overrides/ephemeralStorage/sizeInGiB", "maximum", EPHEMERAL_MAX_GIB, "use 21–200 GiB"),
    limit!("/volumeConfigurations", "maxItems", 1, "configure one volume: a task definition has at most one volume configured at launch"),
    limit!(schema_only "/volumeConfigurations/*/managedEBSVolume/sizeInGiB", "minimum", 1, "give a size of at least 1 GiB"),
    limit!(schema_only "/volumeConfigurations/*/managedEBSVolume/sizeInGiB", "maximum", 65536, "EBS volumes are at most 65536 GiB"),
    limit!("/volumeConfigurations/*/managedEBSVolume/throughput", "minimum", EBS_THROUGHPUT_EC2.0, "gp3 throughput is 125–1000 MiB/s (EC2 accepts up to 2000)"),
    limit!("/volumeConfigurations/*/managedEBSVolume/throughput", "maximum", EBS_THROUGHPUT_EC2.1, "gp3 throughput is at most 2000 MiB/s (ECS documents 1000)"),
    limit!("/volumeConfigurations/*/managedEBSVolume/volumeInitializationRate", "minimum", EBS_INIT_RATE.0, "use 100–300 MiB/s"),
    limit!("/volumeConfigurations/*/managedEBSVolume/volumeInitializationRate", "maximum", EBS_INIT_RATE.1, "use 100–300 MiB/s"),
];
