//! RT2xx (RT200–RT229): launch type and capacity provider strategy.
//!
//! Shared here: how an item of the strategy is named in messages. The items themselves are read
//! once per check ([`crate::context::StrategyItem`], `Ctx::strategy`).

use crate::context::StrategyItem;
use crate::diagnostics::message::cat;

pub mod capacity_provider_as_launch_type;
pub mod capacity_providers_above_legacy_limit;
pub mod empty_capacity_provider_strategy;
pub mod external_with_platform_version;
pub mod fargate_mixed_with_other_providers;
pub mod fargate_spot_platform_too_old;
pub mod implicit_capacity_provider_strategy;
pub mod invalid_capacity_provider_character;
pub mod launch_type_with_capacity_provider;
pub mod managed_instances_launch_type;
pub mod multiple_capacity_provider_bases;
pub mod reserved_capacity_provider_name;
pub mod zero_weight_capacity_provider;
pub mod zero_weight_capacity_provider_strategy;

checks![
    managed_instances_launch_type,
    launch_type_with_capacity_provider,
    empty_capacity_provider_strategy,
    capacity_provider_as_launch_type,
    reserved_capacity_provider_name,
    implicit_capacity_provider_strategy,
    external_with_platform_version,
    capacity_providers_above_legacy_limit,
    invalid_capacity_provider_character,
    multiple_capacity_provider_bases,
    zero_weight_capacity_provider_strategy,
    zero_weight_capacity_provider,
    fargate_mixed_with_other_providers,
    fargate_spot_platform_too_old,
];

/// A provider name for messages: `` `FARGATE` ``, or `item 2` when it has none.
pub(crate) fn item_label(item: &StrategyItem<'_>, index: usize) -> String {
    match &item.provider {
        Some((_, n)) if !n.is_empty() => cat!("`", crate::diagnostics::message::shorten(n, 60), "`"),
        _ => cat!("item ", index),
    }
}

#[cfg(test)]
mod tests {
    use crate::{apply_fixes, check, Options};

    /// Applying each rule's fixes (unsafe included) removes its finding and adds no error.
    #[test]
    fn fixes_resolve_their_findings() {
        let cases: &[(&str, &str)] = &[
            ("RT202", r#"{"taskDefinition":"web:3","cluster":"b","launchType":"EC2","capacityProviderStrategy":[]}"#),
            ("RT203", r#"{"taskDefinition":"web:3","cluster":"b","launchType":"FARGATE_SPOT","networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-0123abcd"]}}}"#),
            ("RT204", r#"{"taskDefinition":"web:3","cluster":"b","capacityProviderStrategy":[{"capacityProvider":"fargate_spot","weight":1}],"networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-0123abcd"]}}}"#),
            ("RT206", r#"{"taskDefinition":"web:3","cluster":"b","launchType":"EXTERNAL","platformVersion":"LATEST"}"#),
            ("RT209", r#"{"taskDefinition":"web:3","cluster":"b","capacityProviderStrategy":[{"capacityProvider":"FARGATE","weight":1,"base":0},{"capacityProvider":"FARGATE_SPOT","weight":1,"base":0}],"networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-0123abcd"]}}}"#),
            ("RT210", r#"{"taskDefinition":"web:3","cluster":"b","capacityProviderStrategy":[{"capacityProvider":"FARGATE"},{"capacityProvider":"FARGATE_SPOT","weight":0}],"networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-0123abcd"]}}}"#),
            ("RT210", r#"{"taskDefinition":"web:3","cluster":"b","capacityProviderStrategy":[{"capacityProvider":"FARGATE","weight":0}],"networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-0123abcd"]}}}"#),
            ("RT201", r#"{"taskDefinition":"web:3","cluster":"b","launchType":"FARGATE","capacityProviderStrategy":[{"capacityProvider":"FARGATE_SPOT","weight":1}],"networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-0123abcd"]}}}"#),
            ("RT213", r#"{"taskDefinition":"web:3","cluster":"b","platformVersion":"1.2.0","capacityProviderStrategy":[{"capacityProvider":"FARGATE_SPOT","weight":1}],"networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-0123abcd"]}}}"#),
        ];
        for (code, src) in cases {
            let options = Options::default();
            let before = check(src, &options).unwrap();
            let fixes: Vec<_> = before.diagnostics.iter().filter(|d| d.code == *code).filter_map(|d| d.fix.as_ref()).collect();
            assert!(!fixes.is_empty(), "{code}: no fix for {src}: {:#?}", before.diagnostics);
            let (fixed, _) = apply_fixes(src, fixes, true);
            let after = check(&fixed, &options).unwrap();
            let left: Vec<_> = after.diagnostics.iter().filter(|d| d.code == *code || d.severity == crate::Severity::Error).map(|d| format!("{} {}", d.code, d.message)).collect();
            assert!(left.is_empty(), "{code}: after fixing {src}\n→ {fixed}\nstill: {left:?}");
        }
    }
}
