//! What the live checks read from the request: each value with the JSON pointer of its member,
//! read with runtask-core's parser (the same members the offline rules see; the last of duplicate
//! members wins, as with AWS).

use runtask_core::context::{Request, Target};
use runtask_core::json::{Document, Kind, NodeId};

/// A string value and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct At {
    pub value: String,
    pub pointer: String,
}

/// The request's members that the live checks look up.
#[derive(Clone, Debug)]
pub struct Facts {
    /// `cluster`; None when omitted (ECS uses `default`).
    pub cluster: Option<At>,
    pub task_definition: Option<At>,
    pub launch_type: Option<At>,
    /// `capacityProviderStrategy[].capacityProvider`.
    pub capacity_providers: Vec<At>,
    pub subnets: Vec<At>,
    pub security_groups: Vec<At>,
    /// `assignPublicIp` (default DISABLED).
    pub assign_public_ip: Option<String>,
    /// The pointer of `awsvpcConfiguration`, when present.
    pub awsvpc: Option<String>,
    pub task_role_override: Option<At>,
    pub execution_role_override: Option<At>,
    /// Fargate as far as the request says (`launchType` or an all-Fargate strategy).
    pub fargate: bool,
    /// The first member that tags the task: non-empty `tags`, `propagateTags`, or
    /// `enableECSManagedTags: true`.
    pub tagging: Option<At>,
    /// `volumeConfigurations[].managedEBSVolume.kmsKeyId`.
    pub kms_keys: Vec<At>,
}

impl Facts {
    /// None when the text is not a JSON object (the offline check reports that).
    #[must_use]
    pub fn read(json: &str) -> Option<Facts> {
        let doc = Document::parse(json.strip_prefix('\u{feff}').unwrap_or(json)).ok()?;
        if doc.kind(doc.root()) != Kind::Object {
            return None;
        }
        let req = Request::index(&doc);
        let at = |node: Option<NodeId>| -> Option<At> {
            let node = node?;
            let value = doc.str(node)?.into_owned();
            Some(At { value, pointer: doc.pointer(node).as_str().to_owned() })
        };
        let strings = |node: Option<NodeId>| -> Vec<At> { doc.elements(node).filter_map(|n| at(Some(n))).collect() };
        let awsvpc = req.awsvpc.filter(|n| doc.kind(*n) == Kind::Object);
        let overrides = req.overrides.filter(|n| doc.kind(*n) == Kind::Object);
        Some(Facts {
            cluster: at(req.cluster),
            task_definition: at(req.task_definition),
            launch_type: at(req.launch_type),
            capacity_providers: doc.elements(req.capacity_provider_strategy).filter_map(|item| at(doc.get(item, "capacityProvider"))).collect(),
            subnets: strings(awsvpc.and_then(|a| doc.get(a, "subnets"))),
            security_groups: strings(awsvpc.and_then(|a| doc.get(a, "securityGroups"))),
            assign_public_ip: awsvpc.and_then(|a| doc.get_str(a, "assignPublicIp")).map(|s| s.into_owned()),
            awsvpc: awsvpc.map(|a| doc.pointer(a).as_str().to_owned()),
            task_role_override: at(overrides.and_then(|o| doc.get(o, "taskRoleArn"))),
            execution_role_override: at(overrides.and_then(|o| doc.get(o, "executionRoleArn"))),
            fargate: Target::of(&doc, &req) == Target::Fargate,
            tagging: [
                req.tags.filter(|t| doc.kind(*t) == Kind::Array && doc.child_count(*t) > 0),
                req.propagate_tags.filter(|p| doc.str(*p).is_some_and(|v| v != "NONE")),
                req.enable_ecs_managed_tags.filter(|e| doc.bool(*e) == Some(true)),
            ]
            .into_iter()
            .flatten()
            .min_by_key(|n| doc.range(*n).start)
            .map(|n| At { value: doc.key(n).map(|k| k.into_owned()).unwrap_or_default(), pointer: doc.pointer(n).as_str().to_owned() }),
            kms_keys: doc.elements(req.volume_configurations).filter_map(|v| at(doc.get(v, "managedEBSVolume").and_then(|m| doc.get(m, "kmsKeyId")))).collect(),
        })
    }

    /// The cluster ECS will use: as written, or `default`.
    #[must_use]
    pub fn cluster_name(&self) -> &str {
        self.cluster.as_ref().map_or("default", |c| c.value.as_str())
    }

    /// `assignPublicIp` is ENABLED.
    #[must_use]
    pub fn public_ip(&self) -> bool {
        self.assign_public_ip.as_deref() == Some("ENABLED")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_members_with_pointers() {
        let f = Facts::read(
            r#"{"taskDefinition": "web:3", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d", 7, "subnet-0e5f6a7b"], "securityGroups": ["sg-0a1b2c3d"], "assignPublicIp": "ENABLED"}},
                "overrides": {"taskRoleArn": "arn:aws:iam::123456789012:role/job"}}"#,
        )
        .unwrap();
        assert_eq!(f.cluster_name(), "default");
        assert_eq!(f.task_definition.as_ref().unwrap().pointer, "/taskDefinition");
        assert_eq!(f.subnets.iter().map(|s| s.pointer.as_str()).collect::<Vec<_>>(), ["/networkConfiguration/awsvpcConfiguration/subnets/0", "/networkConfiguration/awsvpcConfiguration/subnets/2"]);
        assert_eq!(f.security_groups[0].value, "sg-0a1b2c3d");
        assert!(f.fargate && f.public_ip());
        assert_eq!(f.task_role_override.as_ref().unwrap().pointer, "/overrides/taskRoleArn");
        assert!(Facts::read("[1]").is_none() && Facts::read("{").is_none());
    }
}
