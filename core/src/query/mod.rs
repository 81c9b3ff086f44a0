//! The cluster query language of `memberOf` placement constraints (ECS developer guide, "Cluster
//! query language"): parser and static checks. Filled in with the placement rules.
