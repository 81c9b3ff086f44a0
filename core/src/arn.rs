//! Amazon Resource Names as the RunTask request uses them.
//!
//! Format: `arn:<partition>:<service>:<region>:<account>:<resource>` (AWS General Reference,
//! "Amazon Resource Names"). Partitions: `aws`, `aws-cn`, `aws-us-gov`, `aws-iso`, `aws-iso-b`,
//! `aws-iso-e`, `aws-iso-f`, `aws-eusc`.

/// The parts of an ARN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arn<'a> {
    pub partition: &'a str,
    pub service: &'a str,
    pub region: &'a str,
    pub account: &'a str,
    pub resource: &'a str,
}

pub const PARTITIONS: &[&str] = &["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"];

/// Splits an ARN; None when it does not have the six colon-separated parts or the partition is
/// unknown.
#[must_use]
pub fn parse(s: &str) -> Option<Arn<'_>> {
    let mut it = s.splitn(6, ':');
    if it.next()? != "arn" {
        return None;
    }
    let arn = Arn { partition: it.next()?, service: it.next()?, region: it.next()?, account: it.next()?, resource: it.next()? };
    PARTITIONS.contains(&arn.partition).then_some(arn)
}

/// A 12-digit account ID.
#[must_use]
pub fn is_account(s: &str) -> bool {
    s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit())
}

/// A region such as `us-east-1`, `cn-north-1`, `us-gov-west-1`: lowercase letters and digits in
/// dash-separated groups, ending in a number.
#[must_use]
pub fn is_region(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() >= 3
        && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
        && parts.last().is_some_and(|p| p.bytes().all(|b| b.is_ascii_digit()))
}

/// A name of 1–255 letters, digits, `_` and `-` (task definition families, clusters, capacity
/// providers).
#[must_use]
pub fn is_ecs_name(s: &str) -> bool {
    !s.is_empty() && s.len() <= 255 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// An IAM role ARN: `arn:<partition>:iam::<account>:role/[<path>/]<name>`, name 1–64 of
/// `[\w+=,.@-]`. Returns the role name.
#[must_use]
pub fn role_name(s: &str) -> Option<&str> {
    let arn = parse(s)?;
    if arn.service != "iam" || !arn.region.is_empty() || !is_account(arn.account) {
        return None;
    }
    let rest = arn.resource.strip_prefix("role/")?;
    let name = rest.rsplit('/').next()?;
    let ok = !name.is_empty() && name.len() <= 64 && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"_+=,.@-".contains(&b));
    ok.then_some(name)
}

/// An S3 object ARN `arn:<partition>:s3:::<bucket>/<key>`; returns (bucket, key).
#[must_use]
pub fn s3_object(s: &str) -> Option<(&str, &str)> {
    let arn = parse(s)?;
    if arn.service != "s3" || !arn.region.is_empty() || !arn.account.is_empty() {
        return None;
    }
    let (bucket, key) = arn.resource.split_once('/')?;
    (!bucket.is_empty() && !key.is_empty()).then_some((bucket, key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles() {
        assert_eq!(role_name("arn:aws:iam::123456789012:role/app"), Some("app"));
        assert_eq!(role_name("arn:aws-cn:iam::123456789012:role/path/to/app-Role_1"), Some("app-Role_1"));
        assert_eq!(role_name("arn:aws:iam::123456789012:user/app"), None);
        assert_eq!(role_name("app"), None);
        assert_eq!(role_name("arn:aws:iam:us-east-1:123456789012:role/app"), None);
        assert_eq!(role_name("arn:aws:iam::12345:role/app"), None);
    }

    #[test]
    fn s3_objects() {
        assert_eq!(s3_object("arn:aws:s3:::bucket/dir/x.env"), Some(("bucket", "dir/x.env")));
        assert_eq!(s3_object("s3://bucket/x.env"), None);
        assert_eq!(s3_object("arn:aws:s3:::bucket"), None);
    }

    #[test]
    fn regions_and_names() {
        assert!(is_region("us-east-1"));
        assert!(is_region("us-gov-west-1"));
        assert!(!is_region("useast1"));
        assert!(is_ecs_name("web_app-2"));
        assert!(!is_ecs_name("web app"));
        assert!(!is_ecs_name(""));
    }
}
