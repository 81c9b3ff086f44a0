use crate::context::Ctx;

use super::item_label;

crate::declare_rule! {
    /// ## What it checks
    /// That `capacityProviderStrategy` does not mix `FARGATE`/`FARGATE_SPOT` with other
    /// (Auto Scaling group or Managed Instances) providers.
    ///
    /// ## Why it matters
    /// A task runs either on Fargate or on instances. ECS rejects the mix: `A capacity provider
    /// strategy cannot contain a mix of capacity providers using Auto Scaling groups and
    /// Fargate providers. Specify one or the other and try again.`
    ///
    /// ## Invalid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}, {"capacityProvider": "batch-asg", "weight": 1}]}
    /// ```
    ///
    /// ## Valid example
    /// ```json
    /// {"taskDefinition": "web:3", "cluster": "batch", "capacityProviderStrategy": [{"capacityProvider": "batch-asg", "weight": 1}, {"capacityProvider": "batch-asg-spot", "weight": 1}]}
    /// ```
    ///
    /// ## How to fix
    /// Use only Fargate providers or only instance providers in one strategy; run two tasks
    /// if you need both.
    ///
    /// ## Reference
    /// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html
    pub static RULE = {
        code: "RT212",
        name: "fargate-mixed-with-other-providers",
        severity: Error,
        catalogue: ["R-CP-13"],
        topics: [LaunchType],
    };
}

pub(super) fn check(ctx: &mut Ctx<'_, '_>) {
    let items = ctx.strategy;
    let named = || items.iter().enumerate().filter(|(_, it)| !it.name().is_empty());
    let Some((fi, fargate)) = named().find(|(_, it)| it.is_fargate()) else { return };
    let Some((oi, other)) = named().find(|(_, it)| !it.is_fargate()) else { return };
    let (Some((fnode, _)), Some((onode, _))) = (&fargate.provider, &other.provider) else { return };
    let (fnode, onode) = (*fnode, *onode);
    let (flabel, olabel) = (item_label(fargate, fi), item_label(other, oi));
    ctx.report(onode, format!("`capacityProviderStrategy` mixes the Fargate provider {flabel} with {olabel}; one strategy uses either Fargate providers or Auto Scaling group providers"))
        .label(fnode, "Fargate provider")
        .help(format!("remove {olabel} to run on Fargate, or remove the Fargate providers to run on instances"))
        .note("ECS: `A capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers.`");
}
