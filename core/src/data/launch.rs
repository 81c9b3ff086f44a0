//! Launch types and the capacity providers ECS reserves: what each name says about where the
//! task runs. Names are read in any ASCII case (`fargate` is a misspelt `FARGATE`, reported as
//! such by RT105/RT204, and still means Fargate to every other rule).
//!
//! Source: RunTask API reference (`launchType`: EC2 | FARGATE | EXTERNAL | MANAGED_INSTANCES;
//! `capacityProviderStrategy`: "The FARGATE and FARGATE_SPOT capacity providers ... are
//! available to all accounts"), read 2026-11-23.

/// Where a launch type or a strategy's capacity provider runs the task.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Capacity {
    /// `FARGATE` (launch type or provider).
    Fargate,
    /// The `FARGATE_SPOT` provider (as a launch type it is a mistake, RT203, meaning Fargate).
    FargateSpot,
    /// `launchType: EC2`.
    Ec2,
    /// `launchType: MANAGED_INSTANCES`.
    ManagedInstances,
    /// `launchType: EXTERNAL` (ECS Anywhere).
    External,
    /// Any other capacity provider: an Auto Scaling group or a managed instances provider, both
    /// EC2 instances.
    Provider,
}

impl Capacity {
    /// The launch type `name`: None when it is none of them.
    #[must_use]
    pub fn of_launch_type(name: &str) -> Option<Capacity> {
        const NAMES: &[(&str, Capacity)] = &[
            ("FARGATE", Capacity::Fargate),
            ("FARGATE_SPOT", Capacity::FargateSpot),
            ("EC2", Capacity::Ec2),
            ("MANAGED_INSTANCES", Capacity::ManagedInstances),
            ("EXTERNAL", Capacity::External),
        ];
        NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, c)| *c)
    }

    /// The capacity provider `name` of a strategy item: None for an empty name.
    #[must_use]
    pub fn of_provider(name: &str) -> Option<Capacity> {
        if name.eq_ignore_ascii_case("FARGATE") {
            Some(Capacity::Fargate)
        } else if name.eq_ignore_ascii_case("FARGATE_SPOT") {
            Some(Capacity::FargateSpot)
        } else if name.is_empty() {
            None
        } else {
            Some(Capacity::Provider)
        }
    }

    #[must_use]
    pub fn is_fargate(self) -> bool {
        matches!(self, Capacity::Fargate | Capacity::FargateSpot)
    }
}

/// A strategy's capacity provider is one of Fargate's (`FARGATE`, `FARGATE_SPOT`, any case).
#[must_use]
pub fn is_fargate_provider(name: &str) -> bool {
    Capacity::of_provider(name).is_some_and(Capacity::is_fargate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_any_case() {
        assert_eq!(Capacity::of_launch_type("FARGATE"), Some(Capacity::Fargate));
        assert_eq!(Capacity::of_launch_type("fargate"), Some(Capacity::Fargate));
        assert_eq!(Capacity::of_launch_type("Ec2"), Some(Capacity::Ec2));
        assert_eq!(Capacity::of_launch_type("ECS"), None);
        assert_eq!(Capacity::of_provider("fargate_spot"), Some(Capacity::FargateSpot));
        assert_eq!(Capacity::of_provider("my-asg"), Some(Capacity::Provider));
        assert_eq!(Capacity::of_provider(""), None);
        assert!(is_fargate_provider("FARGATE") && is_fargate_provider("Fargate_Spot") && !is_fargate_provider("FARGATESPOT"));
    }
}
