//! What the operator allows: clusters (`--allow-cluster`), task definition families
//! (`--allow-task-definition`) and the roles a request may override with (`--allow-role`).
//! Every endpoint that acts on a RunTask request checks it with [`Policy::run_task`], and every
//! one that names a cluster with [`Policy::cluster`], so a refusal reads the same everywhere.

use crate::error::ApiError;
use crate::request::{self, AllowList, Fields};

/// Who may override `taskRoleArn` and `executionRoleArn`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleOverrides {
    /// No allow-list is configured: the proxy restricts nothing.
    Any,
    /// Only the roles of `--allow-role`.
    Listed,
    /// Other allow-lists but no `--allow-role`: a role override would step around them.
    Refused,
}

/// The allow-lists.
#[derive(Clone, Debug, Default)]
pub struct Policy {
    pub clusters: AllowList,
    pub task_definitions: AllowList,
    /// Role ARNs (compared whole) or role names.
    pub roles: AllowList,
}

impl Policy {
    #[must_use]
    pub fn role_overrides(&self) -> RoleOverrides {
        if !self.roles.0.is_empty() {
            RoleOverrides::Listed
        } else if self.clusters.0.is_empty() && self.task_definitions.0.is_empty() {
            RoleOverrides::Any
        } else {
            RoleOverrides::Refused
        }
    }

    /// What to say at start-up about the allow-lists, if anything.
    #[must_use]
    pub fn start_up_note(&self) -> Option<String> {
        (self.role_overrides() == RoleOverrides::Refused).then(|| {
            "role overrides are refused: an allow-list is set but no --allow-role, so a request that sets overrides.taskRoleArn or overrides.executionRoleArn gets 403 (list the roles it may use with --allow-role ARN)".to_owned()
        })
    }

    /// The cluster a request names (`None`: ECS's `default`).
    pub fn cluster(&self, given: Option<&str>) -> Result<(), ApiError> {
        let name = request::cluster_name(given);
        if self.clusters.allows(name, given.unwrap_or("default")) {
            Ok(())
        } else {
            Err(ApiError::not_allowed(format!("cluster `{name}` is not in this proxy's --allow-cluster list ({})", self.clusters.0.join(", "))))
        }
    }

    /// A task definition (family, `family:revision` or ARN).
    pub fn task_definition(&self, td: &str) -> Result<(), ApiError> {
        let family = request::family(td);
        if self.task_definitions.allows(family, td) {
            Ok(())
        } else {
            Err(ApiError::not_allowed(format!("task definition family `{family}` is not in this proxy's --allow-task-definition list ({})", self.task_definitions.0.join(", "))))
        }
    }

    /// A role override: `member` is where it is (`overrides.taskRoleArn`).
    pub fn role(&self, member: &str, arn: &str) -> Result<(), ApiError> {
        match self.role_overrides() {
            RoleOverrides::Any => Ok(()),
            RoleOverrides::Listed if self.roles.allows(request::resource_name(arn), arn) => Ok(()),
            RoleOverrides::Listed => Err(ApiError::not_allowed(format!("`{member}` `{arn}` is not in this proxy's --allow-role list ({})", self.roles.0.join(", ")))),
            RoleOverrides::Refused => Err(ApiError::not_allowed(format!(
                "`{member}` is refused: this proxy has allow-lists but no --allow-role, so it takes no role overrides"
            ))),
        }
    }

    /// Everything a RunTask request names.
    pub fn run_task(&self, fields: &Fields) -> Result<(), ApiError> {
        self.cluster(fields.cluster.as_deref())?;
        self.task_definition(fields.task_definition.as_deref().unwrap_or_default())?;
        if let Some(arn) = &fields.task_role_arn {
            self.role("overrides.taskRoleArn", arn)?;
        }
        if let Some(arn) = &fields.execution_role_arn {
            self.role("overrides.executionRoleArn", arn)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[&str]) -> AllowList {
        AllowList(items.iter().map(|s| (*s).to_owned()).collect())
    }

    #[test]
    fn role_overrides_follow_the_allow_lists() {
        let admin = "arn:aws:iam::123456789012:role/admin";
        let app = "arn:aws:iam::123456789012:role/team/app";
        assert_eq!(Policy::default().role_overrides(), RoleOverrides::Any);
        assert!(Policy::default().role("overrides.taskRoleArn", admin).is_ok());

        let clusters_only = Policy { clusters: list(&["prod"]), ..Policy::default() };
        assert_eq!(clusters_only.role_overrides(), RoleOverrides::Refused);
        assert!(clusters_only.role("overrides.taskRoleArn", app).unwrap_err().message.contains("--allow-role"));
        assert!(clusters_only.start_up_note().unwrap().contains("--allow-role"));
        assert!(Policy::default().start_up_note().is_none());

        let roles = Policy { roles: list(&[app, "batch"]), ..Policy::default() };
        assert!(roles.role("overrides.taskRoleArn", app).is_ok());
        assert!(roles.role("overrides.executionRoleArn", "arn:aws:iam::123456789012:role/batch").is_ok(), "a name matches the role's name");
        let e = roles.role("overrides.executionRoleArn", admin).unwrap_err();
        assert_eq!(e.status, axum::http::StatusCode::FORBIDDEN);
        assert!(e.message.contains("overrides.executionRoleArn") && e.message.contains(admin), "{}", e.message);
    }
}
