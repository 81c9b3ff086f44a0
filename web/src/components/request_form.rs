//! The whole RunTask request as a form, in the JSON view's order.

use leptos::prelude::*;
use runtask_core::data::fargate::{tier, FARGATE_TIERS};
use runtask_core::units::{gb_words, parse_cpu, parse_memory, vcpu_words};
use serde_json::Value;

use super::fields::{apply, problems_at, uid, value_of, CheckField, FieldProblems, Kind, SelectField, TextField};
use super::rows::{RowCtx, Rows, TextList};
use super::task_definition::TaskDefinitionPanel;
use crate::console::{new_client_token, Console};
use crate::lens::At;
use crate::live::Live;
use crate::state::{
    display, str_of, AwsvpcConfiguration, Capacity, CapacityProvider, ContainerOverride, EnvironmentFile, KeyValue,
    ManagedEbsVolume, NetworkConfiguration, Overrides, PlacementConstraint, PlacementStrategy, Request, Tag,
    TerminationPolicy, VolumeConfiguration,
};

/// `at!(parent, "jsonName", field)`: the member `field` of `parent`, called `jsonName` in JSON.
macro_rules! at {
    ($parent:expr, $json:literal, $field:ident) => {
        $parent.field($json, |x| &x.$field, |x| &mut x.$field)
    };
}

/// `obj!(parent, "jsonName", field)`: the fields of object member `field`.
macro_rules! obj {
    ($parent:expr, $json:literal, $field:ident) => {
        $parent.object($json, |x| &x.$field, |x| &mut x.$field)
    };
}

const LAUNCH_TYPES: &[(&str, &str)] =
    &[("FARGATE", "FARGATE"), ("EC2", "EC2"), ("EXTERNAL", "EXTERNAL"), ("MANAGED_INSTANCES", "MANAGED_INSTANCES")];
const ASSIGN_PUBLIC_IP: &[(&str, &str)] = &[("ENABLED", "ENABLED"), ("DISABLED", "DISABLED")];
const PROPAGATE_TAGS: &[(&str, &str)] = &[("TASK_DEFINITION", "TASK_DEFINITION"), ("NONE", "NONE")];
const CONSTRAINT_TYPES: &[(&str, &str)] = &[("distinctInstance", "distinctInstance"), ("memberOf", "memberOf")];
const STRATEGY_TYPES: &[(&str, &str)] = &[("spread", "spread"), ("binpack", "binpack"), ("random", "random")];
const ENV_FILE_TYPES: &[(&str, &str)] = &[("s3", "s3")];
const VOLUME_TYPES: &[(&str, &str)] =
    &[("gp3", "gp3"), ("gp2", "gp2"), ("io1", "io1"), ("io2", "io2"), ("st1", "st1"), ("sc1", "sc1"), ("standard", "standard")];
const FILESYSTEM_TYPES: &[(&str, &str)] = &[("ext4", "ext4"), ("ext3", "ext3"), ("xfs", "xfs"), ("ntfs", "ntfs")];

fn suggestions(items: &[&str]) -> Signal<Vec<(String, String)>> {
    let v: Vec<(String, String)> = items.iter().map(|s| ((*s).to_owned(), (*s).to_owned())).collect();
    Signal::derive(move || v.clone())
}

#[component]
pub fn RequestForm() -> impl IntoView {
    let console = expect_context::<Console>();
    let fargate = Memo::new(move |_| console.request.with(Request::is_fargate));
    view! {
        <form class="request-form" aria-label="RunTask request" on:submit=|ev| ev.prevent_default()>
            <TaskSection/>
            <TaskDefinitionPanel/>
            <CapacitySection fargate=fargate/>
            <NetworkSection/>
            <OverridesSection fargate=fargate/>
            <PlacementSection fargate=fargate/>
            <TagsSection/>
            <VolumesSection/>
        </form>
    }
}

/// A titled part of the form.
#[component]
fn Section(title: &'static str, #[prop(optional)] pointer: &'static str, children: Children) -> impl IntoView {
    let id = uid("section");
    view! {
        <section class="section" aria-labelledby=id.clone() data-pointer=(!pointer.is_empty()).then_some(pointer) tabindex="-1">
            <h2 id=id.clone()>{title}</h2>
            {children()}
        </section>
    }
}

#[component]
fn TaskSection() -> impl IntoView {
    let console = expect_context::<Console>();
    let live = expect_context::<Live>();
    let root = At::root();
    let regenerate = move |_| {
        let token = new_client_token();
        console.edit(|r| r.client_token = Some(Value::String(token)));
    };
    view! {
        <Section title="Task">
            <div class="grid">
                <TextField label="Task definition" at=at!(root, "taskDefinition", task_definition) placeholder="family:revision or ARN" size="wide"
                    suggestions=live.task_definitions/>
                <TextField label="Cluster" at=at!(root, "cluster", cluster) placeholder="default" size="wide" suggestions=live.clusters/>
                <TextField label="Count" at=at!(root, "count", count) kind=Kind::Int placeholder="1" size="narrow"
                    hint=Signal::derive(|| "1 to 10 tasks a call.".to_owned())/>
                <TextField label="Group" at=at!(root, "group", group) placeholder="family:NAME"/>
                <TextField label="Started by" at=at!(root, "startedBy", started_by)/>
                <TextField label="Client token" at=at!(root, "clientToken", client_token) size="wide"
                    hint=Signal::derive(|| "Makes a retry idempotent: ECS starts the tasks once per token.".to_owned())>
                    <button type="button" class="inline-button" on:click=regenerate>"Regenerate"</button>
                </TextField>
            </div>
        </Section>
    }
}

#[component]
fn CapacitySection(fargate: Memo<bool>) -> impl IntoView {
    let console = expect_context::<Console>();
    let capacity = Memo::new(move |_| console.request.with(|r| r.capacity));
    let choice_problems = problems_at(console, Memo::new(|_| Some("/launchType".to_owned())));
    let choice_problems_id = uid("choice-problems");
    let choice_problems_id2 = choice_problems_id.clone();
    let name = uid("capacity");
    let choice = move |value: Capacity, label: &'static str| {
        let id = uid("radio");
        let name = name.clone();
        view! {
            <div class="radio">
                <input
                    type="radio"
                    id=id.clone()
                    name=name
                    prop:checked=move || capacity.get() == value
                    on:change=move |_| console.edit(|r| r.choose_capacity(value))
                />
                <label for=id>{label}</label>
            </div>
        }
    };
    let live = expect_context::<Live>();
    let provider_row = move |ctx: RowCtx<CapacityProvider>| {
        view! {
            <TextField label="Capacity provider" at=at!(ctx.at, "capacityProvider", capacity_provider)
                aria_label=ctx.name("Provider", "name") suggestions=live.capacity_providers/>
            <TextField label="Weight" at=at!(ctx.at, "weight", weight) kind=Kind::Int size="narrow" aria_label=ctx.name("Provider", "weight")/>
            <TextField label="Base" at=at!(ctx.at, "base", base) kind=Kind::Int size="narrow" aria_label=ctx.name("Provider", "base")/>
        }
    };
    let show_platform = Memo::new(move |_| fargate.get() || console.request.with(|r| r.platform_version.is_some()));
    view! {
        <Section title="Capacity">
            // Without the launch type control, the choice stands for it: problems about a
            // missing launch type are shown (and focused) here.
            <fieldset
                class="choice"
                tabindex="-1"
                data-pointer=move || (!capacity.get().uses_launch_type()).then_some("/launchType")
                aria-describedby=move || (!capacity.get().uses_launch_type() && choice_problems.with(|p| !p.is_empty())).then(|| choice_problems_id.clone())
            >
                <legend>"Where the task runs"</legend>
                {choice(Capacity::ClusterDefault, "The cluster's default capacity provider strategy")}
                {choice(Capacity::LaunchType, "A launch type")}
                {choice(Capacity::Strategy, "A capacity provider strategy")}
                <Show when=move || !capacity.get().uses_launch_type()>
                    <FieldProblems id=choice_problems_id2.clone() problems=choice_problems/>
                </Show>
            </fieldset>
            <Show when=move || capacity.get() == Capacity::Both>
                <p class="raw-notice">
                    "The request sets both a launch type and a capacity provider strategy; ECS accepts only one. Choose one above."
                </p>
            </Show>
            <Show when=move || capacity.get().uses_launch_type()>
                <SelectField label="Launch type" at=at!(At::root(), "launchType", launch_type) options=LAUNCH_TYPES/>
            </Show>
            <Show when=move || capacity.get().uses_strategy()>
                <Rows legend="Capacity provider strategy" noun="provider" list=at!(At::root(), "capacityProviderStrategy", capacity_provider_strategy) max=20
                    new_row=CapacityProvider::default row=provider_row/>
            </Show>
            <Show when=move || show_platform.get()>
                <TextField label="Platform version" at=at!(At::root(), "platformVersion", platform_version) placeholder="LATEST"
                    suggestions=suggestions(&["LATEST", "1.4.0", "1.3.0"])
                    hint=Signal::derive(|| "Fargate only.".to_owned())/>
            </Show>
        </Section>
    }
}

#[component]
fn NetworkSection() -> impl IntoView {
    let root = At::root();
    let net = obj!(root, "networkConfiguration", network_configuration);
    let vpc = obj!(net, "awsvpcConfiguration", awsvpc_configuration);
    let _ = NetworkConfiguration::default;
    let _ = AwsvpcConfiguration::default;
    let live = expect_context::<Live>();
    let has_vpcs = move || live.vpcs.with(|v| !v.is_empty());
    view! {
        <Section title="Network" pointer="/networkConfiguration">
            <p class="section-note">"For awsvpc tasks (all Fargate tasks): their own network interface."</p>
            <Show when=has_vpcs>
                <div class="field wide">
                    <label for="vpc-picker">"VPC to pick from"</label>
                    <select id="vpc-picker" class="input" aria-describedby="vpc-picker-hint"
                        prop:value=move || live.vpc.get() on:change=move |ev| live.vpc.set(event_target_value(&ev))>
                        <option value="">"Choose a VPC"</option>
                        {move || live.vpcs.get().into_iter().map(|(id, label)| {
                            let text = if label.is_empty() { id.clone() } else { format!("{id} ({label})") };
                            view! { <option value=id>{text}</option> }
                        }).collect_view()}
                    </select>
                    <p class="hint" id="vpc-picker-hint">"Its subnets and security groups are suggested below (not part of the request)."</p>
                </div>
            </Show>
            <div class="lists">
                <TextList legend="Subnets" noun="subnet" list=at!(vpc, "subnets", subnets) max=16 suggestions=live.subnets/>
                <TextList legend="Security groups" noun="security group" list=at!(vpc, "securityGroups", security_groups) max=5
                    suggestions=live.security_groups/>
            </div>
            <SelectField label="Assign public IP" at=at!(vpc, "assignPublicIp", assign_public_ip) options=ASSIGN_PUBLIC_IP
                unset="Not set (DISABLED)"/>
        </Section>
    }
}

fn cpu_hint(text: &str, fargate: bool) -> String {
    match parse_cpu(text) {
        Some(units) => {
            let mut s = format!("= {units} CPU units ({}).", vcpu_words(units));
            if fargate && tier(units).is_none() {
                s.push_str(" Fargate offers 0.25, 0.5, 1, 2, 4, 8 and 16 vCPU.");
            }
            s
        }
        None if text.is_empty() => "CPU units (1024 = 1 vCPU) or \"1 vCPU\".".to_owned(),
        None => "Not a CPU size: use units (\"1024\") or vCPU (\"1 vCPU\").".to_owned(),
    }
}

fn memory_hint(text: &str, cpu_text: &str, fargate: bool) -> String {
    let mut s = match parse_memory(text) {
        Some(mib) => format!("= {mib} MiB ({}).", gb_words(mib)),
        None if text.is_empty() => "MiB (2048) or GB (\"2 GB\").".to_owned(),
        None => "Not a memory size: use MiB (\"2048\") or GB (\"2 GB\").".to_owned(),
    };
    if fargate {
        if let Some(t) = parse_cpu(cpu_text).and_then(tier) {
            s.push_str(&format!(" With {}: {}.", vcpu_words(t.cpu), memory_range(t.memory)));
        }
    }
    s
}

/// "2–8 GB in 1 GB steps" or "0.5, 1, 2 GB".
fn memory_range(memory: &[u32]) -> String {
    let steps: Vec<u32> = memory.windows(2).map(|w| w[1] - w[0]).collect();
    match (memory.first(), memory.last(), steps.first()) {
        (Some(&lo), Some(&hi), Some(&step)) if memory.len() > 3 && steps.iter().all(|&s| s == step) => {
            format!("{}–{} in {} steps", gb_words(lo).trim_end_matches(" GB"), gb_words(hi), gb_words(step))
        }
        _ => {
            let list: Vec<String> = memory.iter().map(|&m| gb_words(m).trim_end_matches(" GB").to_owned()).collect();
            format!("{} GB", list.join(", "))
        }
    }
}

#[component]
fn OverridesSection(fargate: Memo<bool>) -> impl IntoView {
    let console = expect_context::<Console>();
    let root = At::root();
    let ov = obj!(root, "overrides", overrides);
    let _ = Overrides::default;
    let cpu_text = Memo::new(move |_| console.request.with(|r| display(&r.overrides.fields.cpu)));
    let memory_text = Memo::new(move |_| console.request.with(|r| display(&r.overrides.fields.memory)));
    let cpu_suggestions = Signal::derive(|| FARGATE_TIERS.iter().map(|t| (t.cpu.to_string(), vcpu_words(t.cpu))).collect::<Vec<_>>());
    let memory_suggestions = Signal::derive(move || {
        if !fargate.get() {
            return Vec::new();
        }
        match cpu_text.with(|c| parse_cpu(c).and_then(tier)) {
            Some(t) => t.memory.iter().map(|m| (m.to_string(), gb_words(*m))).collect(),
            None => Vec::new(),
        }
    });
    let cpu_hint = Signal::derive(move || cpu_text.with(|c| cpu_hint(c, fargate.get())));
    let memory_hint = Signal::derive(move || memory_text.with(|m| cpu_text.with(|c| memory_hint(m, c, fargate.get()))));
    let ephemeral = obj!(ov, "ephemeralStorage", ephemeral_storage);
    let containers = at!(ov, "containerOverrides", container_overrides);
    view! {
        <Section title="Task overrides" pointer="/overrides">
            <div class="grid">
                <TextField label="Task CPU" at=at!(ov, "cpu", cpu) suggestions=cpu_suggestions hint=cpu_hint placeholder="1 vCPU"/>
                <TextField label="Task memory" at=at!(ov, "memory", memory) suggestions=memory_suggestions hint=memory_hint placeholder="2 GB"/>
            </div>
            <Show when=move || fargate.get()>
                <FargateSize/>
            </Show>
            <div class="grid">
                <TextField label="Task role ARN" at=at!(ov, "taskRoleArn", task_role_arn) size="wide" placeholder="arn:aws:iam::123456789012:role/…"/>
                <TextField label="Task execution role ARN" at=at!(ov, "executionRoleArn", execution_role_arn) size="wide" placeholder="arn:aws:iam::123456789012:role/…"/>
                <TextField label="Ephemeral storage (GiB)" at=at!(ephemeral, "sizeInGiB", size_in_gib) kind=Kind::Int size="narrow"
                    hint=Signal::derive(|| "21 to 200 GiB (20 GiB without override).".to_owned())/>
            </div>
            <OverridesMeter/>
            <Rows legend="Container overrides" noun="container override" list=containers cards=true
                new_row=ContainerOverride::default row=container_row/>
        </Section>
    }
}

/// Every valid Fargate cpu/memory pair, in one choice.
#[component]
fn FargateSize() -> impl IntoView {
    let console = expect_context::<Console>();
    let current = Memo::new(move |_| {
        console.request.with(|r| {
            let o = &r.overrides.fields;
            match (str_of(&o.cpu).and_then(parse_cpu), str_of(&o.memory).and_then(parse_memory)) {
                (Some(c), Some(m)) => format!("{c}/{m}"),
                _ => String::new(),
            }
        })
    });
    let id = uid("f");
    let on_change = move |ev| {
        let v = event_target_value(&ev);
        if let Some((c, m)) = v.split_once('/') {
            let (c, m) = (c.to_owned(), m.to_owned());
            console.edit(|r| {
                r.overrides.raw = None;
                r.overrides.fields.cpu = Some(Value::String(c));
                r.overrides.fields.memory = Some(Value::String(m));
            });
        }
    };
    let options = FARGATE_TIERS
        .iter()
        .flat_map(|t| t.memory.iter().map(move |&m| (t.cpu, m)))
        .map(|(c, m)| {
            let value = format!("{c}/{m}");
            let v2 = value.clone();
            view! { <option value=value prop:selected=move || current.with(|cur| *cur == v2)>{format!("{}, {}", vcpu_words(c), gb_words(m))}</option> }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=id.clone()>"Fargate size (valid CPU and memory pairs)"</label>
            <select id=id class="input" on:change=on_change>
                <option value="" prop:selected=move || current.with(String::is_empty)>"Choose a valid pair…"</option>
                {options}
            </select>
        </div>
    }
}

/// Characters of `overrides` used, of the 8192 ECS allows.
#[component]
fn OverridesMeter() -> impl IntoView {
    let console = expect_context::<Console>();
    let used = Memo::new(move |_| console.request.with(Request::overrides_chars));
    const MAX: usize = runtask_core::data::limits::OVERRIDES_MAX_CHARS;
    view! {
        <div class="field meter-field">
            <label for="overrides-meter">"Overrides size"</label>
            <meter id="overrides-meter" min="0" max=MAX low=MAX * 8 / 10 high=MAX * 95 / 100 optimum="0"
                prop:value=move || used.get() as f64 aria-describedby="overrides-meter-text"></meter>
            <span id="overrides-meter-text" class="meter-text">
                {move || format!("{} of {MAX} characters", used.get())}
            </span>
        </div>
    }
}

fn container_row(ctx: RowCtx<ContainerOverride>) -> impl IntoView {
    let console = expect_context::<Console>();
    let c = ctx.at.clone();
    let names = Signal::derive(move || console.containers.get().into_iter().map(|n| (n.clone(), n)).collect::<Vec<_>>());
    let env_row = |ctx: RowCtx<KeyValue>| {
        view! {
            <TextField label="Name" at=at!(ctx.at, "name", name) aria_label=ctx.name("Variable", "name")/>
            <TextField label="Value" at=at!(ctx.at, "value", value) aria_label=ctx.name("Variable", "value") size="wide"/>
        }
    };
    let file_row = |ctx: RowCtx<EnvironmentFile>| {
        view! {
            <TextField label="S3 object ARN" at=at!(ctx.at, "value", value) aria_label=ctx.name("Environment file", "S3 object ARN")
                size="wide" placeholder="arn:aws:s3:::bucket/app.env"/>
            <SelectField label="Type" at=at!(ctx.at, "type", r#type) options=ENV_FILE_TYPES unset="Not set"
                aria_label=ctx.name("Environment file", "type")/>
        }
    };
    view! {
        <div class="grid">
            <TextField label="Container name" at=at!(c, "name", name) suggestions=names aria_label=ctx.name("Container override", "container name")/>
            <TextField label="CPU units" at=at!(c, "cpu", cpu) kind=Kind::Int size="narrow" aria_label=ctx.name("Container override", "CPU units")/>
            <TextField label="Memory (MiB)" at=at!(c, "memory", memory) kind=Kind::Int size="narrow" aria_label=ctx.name("Container override", "memory (MiB)")/>
            <TextField label="Memory reservation (MiB)" at=at!(c, "memoryReservation", memory_reservation) kind=Kind::Int size="narrow"
                aria_label=ctx.name("Container override", "memory reservation (MiB)")/>
            <GpuField ctx=ctx.clone()/>
        </div>
        <TextList legend="Command" noun="argument" list=at!(c, "command", command)/>
        <Rows legend="Environment" noun="variable" list=at!(c, "environment", environment) new_row=KeyValue::default row=env_row/>
        <Rows legend="Environment files" noun="environment file" list=at!(c, "environmentFiles", environment_files) max=10
            new_row=|| EnvironmentFile { r#type: Some(Value::String("s3".into())), ..EnvironmentFile::default() } row=file_row/>
    }
}

/// The GPU count: the container's `GPU` resource requirement.
#[component]
fn GpuField(ctx: RowCtx<ContainerOverride>) -> impl IntoView {
    let console = expect_context::<Console>();
    let id = uid("f");
    let own = Trigger::new();
    let at = ctx.at.clone();
    let value = value_of(console, own, move |r| at.get(r).map(|c| display(&c.gpu())).unwrap_or_default());
    let at = ctx.at.clone();
    // The GPU requirement's index moves when the GPU count is first set or cleared.
    let pointer = value_of(console, own, move |r| {
        let base = at.pointer(r)?;
        let c = at.get(r)?;
        let i = c.resource_requirements.rows.iter().position(|row| row.raw.is_none() && str_of(&row.fields.r#type) == Some("GPU"));
        Some(match i {
            Some(i) => format!("{base}/resourceRequirements/{i}/value"),
            None => format!("{base}/resourceRequirements"),
        })
    });
    let problems = problems_at(console, pointer);
    let at = ctx.at.clone();
    let on_input = move |ev| {
        let t = event_target_value(&ev);
        apply(console, own, |r| at.update(r, |c| c.set_gpu(&t)));
    };
    let name = ctx.name("Container override", "GPUs");
    let described = super::fields::described_by(&id, false, problems);
    view! {
        <div class="field narrow">
            <label for=id.clone()>"GPUs"</label>
            <input id=id.clone() type="text" class="input" inputmode="numeric" autocomplete="off"
                aria-label=move || name.get()
                data-pointer=move || pointer.get()
                aria-invalid=super::fields::invalid(problems)
                aria-describedby=described
                prop:value=move || value.get() on:input=on_input/>
            <FieldProblems id=format!("{id}-problems") problems=problems/>
        </div>
    }
}

#[component]
fn PlacementSection(fargate: Memo<bool>) -> impl IntoView {
    let console = expect_context::<Console>();
    let present = Memo::new(move |_| {
        console.request.with(|r| r.placement_constraints.raw.is_some()
            || !r.placement_constraints.rows.is_empty()
            || r.placement_constraints.explicit
            || r.placement_strategy.raw.is_some()
            || !r.placement_strategy.rows.is_empty()
            || r.placement_strategy.explicit)
    });
    let constraint_row = |ctx: RowCtx<PlacementConstraint>| {
        view! {
            <SelectField label="Type" at=at!(ctx.at, "type", r#type) options=CONSTRAINT_TYPES unset="Not set" aria_label=ctx.name("Constraint", "type")/>
            <TextField label="Expression" at=at!(ctx.at, "expression", expression) size="wide"
                aria_label=ctx.name("Constraint", "expression") placeholder="attribute:ecs.instance-type =~ t3.*"/>
        }
    };
    let strategy_row = |ctx: RowCtx<PlacementStrategy>| {
        view! {
            <SelectField label="Type" at=at!(ctx.at, "type", r#type) options=STRATEGY_TYPES unset="Not set" aria_label=ctx.name("Strategy", "type")/>
            <TextField label="Field" at=at!(ctx.at, "field", field) aria_label=ctx.name("Strategy", "field")
                suggestions=suggestions(&["instanceId", "host", "attribute:ecs.availability-zone", "cpu", "memory"])/>
        }
    };
    view! {
        <Show
            when=move || !fargate.get() || present.get()
            fallback=|| view! {
                <section class="section muted" aria-label="Placement">
                    <h2>"Placement"</h2>
                    <p class="section-note">"Placement constraints and strategies are not offered on Fargate."</p>
                </section>
            }
        >
            <Section title="Placement">
                <Show when=move || fargate.get()>
                    <p class="raw-notice">"Fargate does not use placement constraints or strategies; remove them."</p>
                </Show>
                <Rows legend="Placement constraints" noun="constraint" list=at!(At::root(), "placementConstraints", placement_constraints) max=10
                    new_row=PlacementConstraint::default row=constraint_row/>
                <Rows legend="Placement strategies" noun="strategy" list=at!(At::root(), "placementStrategy", placement_strategy) max=5
                    new_row=PlacementStrategy::default row=strategy_row/>
            </Section>
        </Show>
    }
}

#[component]
fn TagsSection() -> impl IntoView {
    let root = At::root();
    let tag_row = |ctx: RowCtx<Tag>| {
        view! {
            <TextField label="Key" at=at!(ctx.at, "key", key) aria_label=ctx.name("Tag", "key")/>
            <TextField label="Value" at=at!(ctx.at, "value", value) aria_label=ctx.name("Tag", "value") size="wide"/>
        }
    };
    view! {
        <Section title="Tags and options">
            <Rows legend="Tags" noun="tag" list=at!(root, "tags", tags) max=50 new_row=Tag::default row=tag_row/>
            <SelectField label="Propagate tags" at=at!(root, "propagateTags", propagate_tags) options=PROPAGATE_TAGS
                unset="Not set (no propagation)"/>
            <CheckField label="ECS managed tags" at=at!(root, "enableECSManagedTags", enable_ecs_managed_tags)/>
            <CheckField label="Execute command (ECS Exec)" at=at!(root, "enableExecuteCommand", enable_execute_command)/>
        </Section>
    }
}

#[component]
fn VolumesSection() -> impl IntoView {
    let console = expect_context::<Console>();
    let root = At::root();
    let names = Signal::derive(move || {
        console.task_definition.with(|td| {
            runtask_core::task_definition::TaskDefinition::parse(td)
                .map(|d| d.configured_at_launch_volumes().into_iter().map(|n| (n.to_string(), n.into_owned())).collect())
                .unwrap_or_default()
        })
    });
    let volume_row = move |ctx: RowCtx<VolumeConfiguration>| {
        let ebs = obj!(ctx.at, "managedEBSVolume", managed_ebs_volume);
        let term = obj!(ebs, "terminationPolicy", termination_policy);
        let _ = (ManagedEbsVolume::default, TerminationPolicy::default);
        view! {
            <div class="grid">
                <TextField label="Volume name" at=at!(ctx.at, "name", name) suggestions=names aria_label=ctx.name("Volume", "name")
                    hint=Signal::derive(|| "A volume of the task definition with configuredAtLaunch.".to_owned())/>
                <TextField label="Infrastructure role ARN" at=at!(ebs, "roleArn", role_arn) size="wide" aria_label=ctx.name("Volume", "infrastructure role ARN")/>
                <SelectField label="Volume type" at=at!(ebs, "volumeType", volume_type) options=VOLUME_TYPES unset="Not set (gp3)"
                    aria_label=ctx.name("Volume", "volume type")/>
                <TextField label="Size (GiB)" at=at!(ebs, "sizeInGiB", size_in_gib) kind=Kind::Int size="narrow" aria_label=ctx.name("Volume", "size (GiB)")/>
                <TextField label="IOPS" at=at!(ebs, "iops", iops) kind=Kind::Int size="narrow" aria_label=ctx.name("Volume", "IOPS")/>
                <TextField label="Throughput (MiB/s)" at=at!(ebs, "throughput", throughput) kind=Kind::Int size="narrow"
                    aria_label=ctx.name("Volume", "throughput (MiB/s)")/>
                <TextField label="Initialization rate (MiB/s)" at=at!(ebs, "volumeInitializationRate", volume_initialization_rate) kind=Kind::Int
                    size="narrow" aria_label=ctx.name("Volume", "initialization rate (MiB/s)")/>
                <TextField label="Snapshot ID" at=at!(ebs, "snapshotId", snapshot_id) aria_label=ctx.name("Volume", "snapshot ID")/>
                <TextField label="KMS key ID" at=at!(ebs, "kmsKeyId", kms_key_id) aria_label=ctx.name("Volume", "KMS key ID")/>
                <SelectField label="Filesystem type" at=at!(ebs, "filesystemType", filesystem_type) options=FILESYSTEM_TYPES
                    unset="Not set (ext4)" aria_label=ctx.name("Volume", "filesystem type")/>
            </div>
            <div class="checks">
                <CheckField label="Encrypted" at=at!(ebs, "encrypted", encrypted) aria_label=ctx.name("Volume", "encrypted")/>
                <CheckField label="Delete on termination" at=at!(term, "deleteOnTermination", delete_on_termination)
                    aria_label=ctx.name("Volume", "delete on termination")/>
            </div>
        }
    };
    view! {
        <Section title="EBS volumes">
            <Rows legend="Volume configurations" noun="volume" list=at!(root, "volumeConfigurations", volume_configurations) cards=true
                new_row=VolumeConfiguration::default row=volume_row/>
        </Section>
    }
}
