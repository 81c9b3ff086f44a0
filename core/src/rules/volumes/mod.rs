//! RT7xx: volume configurations (Amazon EBS volumes configured at launch).
//!
//! The EBS limits come from [`crate::data::limits::EBS_TYPES`]: outside EC2's range is an error,
//! between the range the ECS documentation states and EC2's is a warning (catalogue §12).

use crate::context::Request;
use crate::data::limits::{EbsType, EBS_TYPES};
use crate::json::{Document, NodeId};

pub mod ebs_filesystem_mismatches_os;
pub mod ebs_initialization_rate_without_snapshot;
pub mod ebs_iops_missing;
pub mod ebs_iops_not_supported;
pub mod ebs_iops_out_of_range;
pub mod ebs_role_arn_not_a_role;
pub mod ebs_size_out_of_range;
pub mod ebs_tags_propagated_from_service;
pub mod ebs_throughput_above_ecs_maximum;
pub mod ebs_throughput_on_non_gp3;
pub mod ebs_volume_on_external;
pub mod ebs_volume_without_size_or_snapshot;
pub mod invalid_ebs_snapshot_id;
pub mod invalid_ebs_volume_type;
pub mod magnetic_ebs_volume_on_fargate;
pub mod multiple_ebs_tag_specifications;
pub mod reserved_ebs_tag_key;
pub mod volume_configuration_without_managed_ebs_volume;

checks![
    volume_configuration_without_managed_ebs_volume,
    ebs_role_arn_not_a_role,
    ebs_volume_without_size_or_snapshot,
    invalid_ebs_snapshot_id,
    invalid_ebs_volume_type,
    magnetic_ebs_volume_on_fargate,
    ebs_size_out_of_range,
    ebs_iops_missing,
    ebs_iops_not_supported,
    ebs_iops_out_of_range,
    ebs_throughput_on_non_gp3,
    ebs_throughput_above_ecs_maximum,
    ebs_initialization_rate_without_snapshot,
    ebs_filesystem_mismatches_os,
    ebs_tags_propagated_from_service,
    reserved_ebs_tag_key,
    multiple_ebs_tag_specifications,
    ebs_volume_on_external,
];

/// The volume type ECS uses when `volumeType` is omitted: gp3 (botocore
/// `TaskManagedEBSVolumeConfiguration.volumeType`; ECS developer guide, "Amazon EBS volumes").
pub const DEFAULT_VOLUME_TYPE: &str = "gp3";

/// A `managedEBSVolume` object and its volume type.
#[derive(Clone, Copy)]
pub(crate) struct Ebs {
    pub node: NodeId,
    /// The `volumeType` member, when given.
    pub type_node: Option<NodeId>,
    /// The type's limits: the given type, or gp3 when `volumeType` is omitted; None when the
    /// given value is not a known type (RT704) or not a string (RT102).
    pub ty: Option<&'static EbsType>,
}

impl Ebs {
    /// The type's name for messages: `io1`, or `gp3 (the default volume type)`.
    pub fn type_label(&self) -> String {
        match (self.ty, self.type_node) {
            (Some(t), Some(_)) => t.name.to_owned(),
            (Some(t), None) => format!("{} (the default volume type)", t.name),
            (None, _) => String::new(),
        }
    }
}

/// The EBS type called `name` (exact case).
#[must_use]
pub fn ebs_type(name: &str) -> Option<&'static EbsType> {
    EBS_TYPES.iter().find(|t| t.name == name)
}

/// Every `volumeConfigurations[*].managedEBSVolume` object.
pub(crate) fn ebs_volumes<'d>(doc: &'d Document<'_>, req: &Request) -> impl Iterator<Item = Ebs> + 'd {
    doc.elements(req.volume_configurations).filter_map(|v| doc.get(v, "managedEBSVolume")).filter(|&e| doc.kind(e) == crate::json::Kind::Object).map(|node| {
        let type_node = doc.get(node, "volumeType");
        let ty = match type_node {
            None => ebs_type(DEFAULT_VOLUME_TYPE),
            Some(t) => doc.str(t).and_then(|s| ebs_type(&s)),
        };
        Ebs { node, type_node, ty }
    })
}

/// Where `v` falls for a limit that is `ecs` in the ECS documentation and `ec2` in EC2's.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Fit {
    Within,
    /// Inside EC2's range but outside the ECS-documented one.
    Gap,
    Outside,
}

pub(crate) fn fit(v: i64, ecs: (i64, i64), ec2: (i64, i64)) -> Fit {
    if v < ec2.0 || v > ec2.1 {
        Fit::Outside
    } else if v < ecs.0 || v > ecs.1 {
        Fit::Gap
    } else {
        Fit::Within
    }
}

/// The integer value of `node` when it fits the 32-bit integers of the API (larger ones are
/// RT106's).
pub(crate) fn int32(doc: &Document<'_>, node: NodeId) -> Option<i64> {
    doc.int(node).filter(|v| i32::try_from(*v).is_ok())
}

/// `n` with thousands separators: 16384 → `16,384`.
pub(crate) fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + 4);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits() {
        let gp3 = ebs_type("gp3").unwrap();
        assert_eq!(fit(16384, gp3.size_ecs, gp3.size_ec2), Fit::Within);
        assert_eq!(fit(16385, gp3.size_ecs, gp3.size_ec2), Fit::Gap);
        assert_eq!(fit(65536, gp3.size_ecs, gp3.size_ec2), Fit::Gap);
        assert_eq!(fit(65537, gp3.size_ecs, gp3.size_ec2), Fit::Outside);
        assert_eq!(fit(0, gp3.size_ecs, gp3.size_ec2), Fit::Outside);
        assert_eq!(thousands(256_000), "256,000");
        assert_eq!(thousands(100), "100");
        assert_eq!(thousands(-1000), "-1,000");
    }

    #[test]
    fn default_type_is_gp3() {
        let doc = Document::parse(r#"{"volumeConfigurations":[{"name":"d","managedEBSVolume":{"sizeInGiB":10}},{"name":"e","managedEBSVolume":{"volumeType":"gp9"}}]}"#).unwrap();
        let req = Request::index(&doc);
        let v: Vec<Ebs> = ebs_volumes(&doc, &req).collect();
        assert_eq!(v[0].ty.unwrap().name, "gp3");
        assert!(v[1].ty.is_none());
    }
}
