//! The console's live side, when runtask-proxy can look the account up (`live` in its status):
//! the pickers' suggestions from its read-only listings (`GET /api/pickers/*`, docs/proxy-api.md)
//! and the result of "Check against AWS" (`POST /api/preflight`). Every picker is a datalist on a
//! text field: choose, or type anything.

use leptos::prelude::*;
use serde_json::Value;

use crate::api::{self, Preflight};
use crate::console::{Console, Proxy};
use crate::state::display;

/// Values and their labels, for a datalist.
pub type Suggestions = Vec<(String, String)>;

/// Where "Check against AWS" is.
#[derive(Clone, Debug, PartialEq)]
pub enum LiveCheck {
    Idle,
    Running,
    /// The answer for `text` (the request as it was sent).
    Done { text: String, result: Preflight },
    Failed(String),
}

/// The pickers' lists and the live check, shared through context.
#[derive(Clone, Copy)]
pub struct Live {
    pub clusters: RwSignal<Suggestions>,
    families: RwSignal<Vec<String>>,
    /// Families, then the revisions of the family typed.
    pub task_definitions: Signal<Suggestions>,
    pub vpcs: RwSignal<Suggestions>,
    /// The VPC whose subnets and security groups are suggested (not part of the request).
    pub vpc: RwSignal<String>,
    pub subnets: RwSignal<Suggestions>,
    pub security_groups: RwSignal<Suggestions>,
    /// FARGATE and FARGATE_SPOT, and the providers associated with the cluster.
    pub capacity_providers: RwSignal<Suggestions>,
    /// A listing that failed: why.
    pub note: RwSignal<Option<String>>,
    pub check: RwSignal<LiveCheck>,
}

fn text_at(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or_default().to_owned()
}

fn items(v: &Value) -> Vec<Value> {
    v.as_array().cloned().unwrap_or_default()
}

fn fargate_providers() -> Suggestions {
    ["FARGATE", "FARGATE_SPOT"].iter().map(|p| ((*p).to_owned(), (*p).to_owned())).collect()
}

/// `web:3` or an ARN → `web`.
fn family_of(reference: &str) -> &str {
    let name = reference.rsplit_once(":task-definition/").map_or(reference, |(_, r)| r);
    name.split(':').next().unwrap_or(name)
}

/// A subnet's label: Name tag, AZ, public or private, CIDR.
fn subnet_label(s: &Value) -> String {
    let name = text_at(s, "name");
    let public = if s.get("public").and_then(Value::as_bool) == Some(true) { "public" } else { "private" };
    let mut parts = vec![text_at(s, "availabilityZone"), public.to_owned(), text_at(s, "cidrBlock")];
    if !name.is_empty() {
        parts.insert(0, name);
    }
    parts.into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" · ")
}

impl Live {
    /// Loads the lists once the proxy says it can look the account up, and follows the request:
    /// the revisions of the family typed, the capacity providers of the cluster typed, the subnets
    /// and groups of the VPC chosen.
    pub fn new(console: Console, proxy: Proxy) -> Self {
        let families = RwSignal::new(Vec::<String>::new());
        let revisions = RwSignal::new(Suggestions::new());
        let live = Live {
            clusters: RwSignal::new(Vec::new()),
            families,
            task_definitions: Signal::derive(move || {
                let mut all: Suggestions = families.get().into_iter().map(|f| (f.clone(), format!("{f} (latest ACTIVE revision)"))).collect();
                all.extend(revisions.get());
                all
            }),
            vpcs: RwSignal::new(Vec::new()),
            vpc: RwSignal::new(String::new()),
            subnets: RwSignal::new(Vec::new()),
            security_groups: RwSignal::new(Vec::new()),
            capacity_providers: RwSignal::new(fargate_providers()),
            note: RwSignal::new(None),
            check: RwSignal::new(LiveCheck::Idle),
        };
        let available = Memo::new(move |_| proxy.status.with(|s| matches!(s, Some(Ok(s)) if s.live)));
        Effect::new(move |_| {
            if available.get() {
                live.load_lists(proxy);
            }
        });
        let family = Memo::new(move |_| console.request.with(|r| family_of(&display(&r.task_definition)).to_owned()));
        Effect::new(move |_| {
            let family = family.get();
            if !available.get() || !families.with(|f| f.contains(&family)) {
                revisions.set(Vec::new());
                return;
            }
            let token = proxy.token.get_untracked();
            leptos::task::spawn_local(async move {
                let listed = api::picker("task-definition-revisions", &[("family", &family)], token).await;
                revisions.set(listed.map(|v| items(&v).iter().map(|r| (text_at(r, "name"), format!("revision {}", r.get("revision").and_then(Value::as_u64).unwrap_or_default()))).collect()).unwrap_or_default());
            });
        });
        let cluster = Memo::new(move |_| console.request.with(|r| display(&r.cluster)));
        Effect::new(move |_| {
            let cluster = cluster.get();
            let known = cluster.is_empty() || live.clusters.with(|c| c.iter().any(|(name, _)| *name == cluster));
            if !available.get() || !known {
                live.capacity_providers.set(fargate_providers());
                return;
            }
            let token = proxy.token.get_untracked();
            leptos::task::spawn_local(async move {
                let query: Vec<(&str, &str)> = if cluster.is_empty() { Vec::new() } else { vec![("cluster", cluster.as_str())] };
                let mut all = fargate_providers();
                if let Ok(v) = api::picker("capacity-providers", &query, token).await {
                    for p in v.get("capacityProviders").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str) {
                        if !all.iter().any(|(name, _)| name == p) {
                            all.push((p.to_owned(), format!("associated with {}", if cluster.is_empty() { "default" } else { cluster.as_str() })));
                        }
                    }
                }
                live.capacity_providers.set(all);
            });
        });
        Effect::new(move |_| {
            let vpc = live.vpc.get();
            if vpc.is_empty() {
                live.subnets.set(Vec::new());
                live.security_groups.set(Vec::new());
                return;
            }
            let token = proxy.token.get_untracked();
            leptos::task::spawn_local(async move {
                let subnets = api::picker("subnets", &[("vpc", &vpc)], token.clone()).await;
                let groups = api::picker("security-groups", &[("vpc", &vpc)], token).await;
                live.subnets.set(subnets.as_ref().map(|v| items(v).iter().map(|s| (text_at(s, "id"), subnet_label(s))).collect()).unwrap_or_default());
                live.security_groups.set(groups.as_ref().map(|v| items(v).iter().map(|g| (text_at(g, "id"), text_at(g, "groupName"))).collect()).unwrap_or_default());
                if let Err(e) = subnets.and(groups) {
                    live.note.set(Some(format!("The subnets of {vpc} could not be listed: {e}")));
                }
            });
        });
        live
    }

    fn load_lists(self, proxy: Proxy) {
        let token = proxy.token.get_untracked();
        leptos::task::spawn_local(async move {
            let clusters = api::picker("clusters", &[], token.clone()).await;
            let families = api::picker("task-definition-families", &[], token.clone()).await;
            let vpcs = api::picker("vpcs", &[], token).await;
            self.clusters.set(clusters.as_ref().map(|v| items(v).iter().map(|c| (text_at(c, "name"), text_at(c, "status"))).collect()).unwrap_or_default());
            self.families.set(families.as_ref().map(|v| items(v).iter().filter_map(Value::as_str).map(str::to_owned).collect()).unwrap_or_default());
            let vpcs: Suggestions = vpcs
                .as_ref()
                .map(|v| items(v).iter().map(|x| (text_at(x, "id"), [text_at(x, "name"), text_at(x, "cidrBlock")].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · "))).collect())
                .unwrap_or_default();
            if vpcs.len() == 1 && self.vpc.get_untracked().is_empty() {
                self.vpc.set(vpcs[0].0.clone());
            }
            self.vpcs.set(vpcs);
            if let Some(e) = [clusters.err(), families.err()].into_iter().flatten().next() {
                self.note.set(Some(format!("Some pickers are empty: {e}")));
            }
        });
    }
}
