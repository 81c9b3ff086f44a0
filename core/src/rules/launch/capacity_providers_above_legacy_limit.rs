use crate::context::Ctx;
use crate::data::limits::{CAPACITY_PROVIDERS_LEGACY_MAX, CAPACITY_PROVIDERS_MAX};

crate::declare_rule! {
    /// ## What it checks
    /// Whether `capacityProviderStrategy` has 7 to 20 providers. More than 20 is RT108's error.
    ///
    /// ## Why it matters
    /// The current API model allows 20 providers in a strategy, but the RunTask reference and
    /// the developer guide have long said 6. Where the older limit still applies, ECS rejects
    /// the request.
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "capacityProviderStrategy": [{"capacityProvider": "asg-a", "weight": 1}, {"capacityProvider": "asg-b", "weight": 1}, {"capacityProvider": "asg-c", "weight": 1}, {"capacityProvider": "asg-d", "weight": 1}, {"capacityProvider": "asg-e", "weight": 1}, {"capacityProvider": "asg-f", "weight": 1}, {"capacityProvider": "asg-g", "weight": 1}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "capacityProviderStrategy": [{"capacityProvider": "asg-a", "weight": 1}, {"capacityProvider": "asg-b", "weight": 1}]}
    /// ```
    ///
    /// ## How to fix
    /// Nothing, if ECS accepts it. If it rejects the strategy, keep at most 6 providers.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html#ECS-RunTask-request-capacityProviderStrategy
    pub static RULE = {
        code: "RT207",
        name: "capacity-providers-above-legacy-limit",
        severity: Warning,
        status: Preview,
        catalogue: ["R-CP-02"],
        topics: [LaunchType],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let Some(strategy) = ctx.req.capacity_provider_strategy else { return };
    let n = ctx.doc.elements(Some(strategy)).count();
    if n <= CAPACITY_PROVIDERS_LEGACY_MAX || n > CAPACITY_PROVIDERS_MAX {
        return;
    }
    ctx.report_key(strategy, format!("`capacityProviderStrategy` has {n} providers: current ECS allows {CAPACITY_PROVIDERS_MAX}, but the RunTask reference and older limits say {CAPACITY_PROVIDERS_LEGACY_MAX}"))
        .help(format!("if RunTask rejects the strategy, keep at most {CAPACITY_PROVIDERS_LEGACY_MAX} providers"));
}
