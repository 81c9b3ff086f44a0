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
    // `s.splitn(6, ':')`, with the colons found byte by byte: a request has dozens of ARNs of a
    // few dozen bytes, where the char searcher's set-up costs more than the search.
    let mut rest = s.strip_prefix("arn:")?;
    let mut parts = [""; 4];
    for part in &mut parts {
        let colon = rest.bytes().position(|b| b == b':')?;
        *part = &rest[..colon];
        rest = &rest[colon + 1..];
    }
    let [partition, service, region, account] = parts;
    let arn = Arn { partition, service, region, account, resource: rest };
    PARTITIONS.contains(&arn.partition).then_some(arn)
}

/// A 12-digit account ID.
#[must_use]
#[inline(never)]
pub fn is_account(s: &str) -> bool {
    s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit())
}

/// A region such as `us-east-1`, `cn-north-1`, `us-gov-west-1`: lowercase letters and digits in
/// dash-separated groups, ending in a number.
#[must_use]
pub fn is_region(s: &str) -> bool {
    // One pass over the bytes (a `split('-')` sets up a searcher for so short a text): the dashes
    // seen, whether the current group is empty, whether it is all digits.
    let (mut dashes, mut empty, mut digits) = (0, true, true);
    for b in s.bytes() {
        match b {
            b'-' if !empty => (dashes, empty, digits) = (dashes + 1, true, true),
            b'a'..=b'z' => (empty, digits) = (false, false),
            b'0'..=b'9' => empty = false,
            _ => return false,
        }
    }
    dashes >= 2 && !empty && digits
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

/// A role name alone: 1–64 of `[\w+=,.@-]` (IAM `roleNameType`).
#[must_use]
pub fn is_role_name(s: &str) -> bool {
    !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"_+=,.@-".contains(&b))
}

/// What is wrong with a value that should be an IAM role ARN.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoleArnProblem<'a> {
    Empty,
    /// A bare role name.
    RoleName,
    NotAnArn,
    /// An STS assumed-role session ARN; the role's own ARN (without a path) is given.
    AssumedRole(String),
    OtherService(&'a str),
    /// An IAM ARN of another resource type (`user`, `policy`, …).
    NotARole(&'a str),
    HasRegion(&'a str),
    BadAccount(&'a str),
    BadRoleName,
}

/// None when `value` is a role ARN, else what is wrong with it.
#[must_use]
pub fn role_arn_problem(value: &str) -> Option<RoleArnProblem<'_>> {
    if role_name(value).is_some() {
        return None;
    }
    let Some(arn) = parse(value) else {
        return Some(if value.trim().is_empty() {
            RoleArnProblem::Empty
        } else if is_role_name(value) {
            RoleArnProblem::RoleName
        } else {
            RoleArnProblem::NotAnArn
        });
    };
    if arn.service == "sts" && is_account(arn.account) {
        if let Some(role) = arn.resource.strip_prefix("assumed-role/").and_then(|r| r.split('/').next()).filter(|r| is_role_name(r)) {
            return Some(RoleArnProblem::AssumedRole(format!("arn:{}:iam::{}:role/{role}", arn.partition, arn.account)));
        }
    }
    Some(if arn.service != "iam" {
        RoleArnProblem::OtherService(arn.service)
    } else if !arn.resource.starts_with("role/") {
        RoleArnProblem::NotARole(arn.resource.split('/').next().unwrap_or(""))
    } else if !arn.region.is_empty() {
        RoleArnProblem::HasRegion(arn.partition)
    } else if !is_account(arn.account) {
        RoleArnProblem::BadAccount(arn.account)
    } else {
        RoleArnProblem::BadRoleName
    })
}

impl RoleArnProblem<'_> {
    /// The end of a message that starts with "`member` is "value"" (`head`); None for the cases
    /// the caller words itself (empty, a bare role name).
    #[must_use]
    pub fn describe(&self, head: &str) -> Option<String> {
        Some(match self {
            RoleArnProblem::Empty | RoleArnProblem::RoleName => return None,
            RoleArnProblem::NotAnArn => format!("{head}, which is not an ARN"),
            RoleArnProblem::AssumedRole(_) => format!("{head}, an assumed-role session ARN, not the role's ARN"),
            RoleArnProblem::OtherService(service) => format!("{head}, an ARN of the `{service}` service, not an IAM role"),
            RoleArnProblem::NotARole(kind) => format!("{head}, an IAM `{kind}` ARN, not a role ARN"),
            RoleArnProblem::HasRegion(partition) => format!("{head}: IAM ARNs have no region (`arn:{partition}:iam::<account>:role/<name>`)"),
            RoleArnProblem::BadAccount(account) => {
                let shown: String = account.chars().take(20).collect();
                format!("{head}: the account ID `{shown}` is not 12 digits")
            }
            RoleArnProblem::BadRoleName => format!("{head}: the role name is not 1–64 of letters, digits and `_+=,.@-`"),
        })
    }
}

/// An S3 object ARN `arn:<partition>:s3:::<bucket>/<key>`; returns (bucket, key).
#[must_use]
pub fn s3_object(s: &str) -> Option<(&str, &str)> {
    let arn = parse(s)?;
    if arn.service != "s3" || !arn.region.is_empty() || !arn.account.is_empty() {
        return None;
    }
    // The first `/` (a byte search: `split_once` sets up a searcher for so short a text).
    let slash = arn.resource.bytes().position(|b| b == b'/')?;
    let (bucket, key) = (&arn.resource[..slash], &arn.resource[slash + 1..]);
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

    /// The byte-by-byte split gives what `splitn(6, ':')` gives.
    #[test]
    fn parse_splits_as_splitn_does() {
        fn reference(s: &str) -> Option<Arn<'_>> {
            let mut it = s.splitn(6, ':');
            if it.next()? != "arn" {
                return None;
            }
            let arn = Arn { partition: it.next()?, service: it.next()?, region: it.next()?, account: it.next()?, resource: it.next()? };
            PARTITIONS.contains(&arn.partition).then_some(arn)
        }
        let cases = [
            "arn:aws:iam::123456789012:role/app",
            "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3",
            "arn:aws:s3:::",
            "arn:aws:s3:::bucket/a:b:c",
            "arn:aws:s3::",
            "arn:aws",
            "arn:",
            "arn",
            "ARN:aws:s3:::b/k",
            "arn:nope:s3:::b/k",
            "xarn:aws:s3:::b/k",
            "arn:aws-cn:ecs:cn-north-1:1:cluster/é:ü",
            "",
        ];
        for s in cases {
            assert_eq!(parse(s), reference(s), "{s}");
        }
        assert!(parse(cases[1]).is_some() && parse(cases[3]).is_some_and(|a| a.resource == "bucket/a:b:c"));
    }

    #[test]
    fn s3_objects() {
        assert_eq!(s3_object("arn:aws:s3:::bucket/dir/x.env"), Some(("bucket", "dir/x.env")));
        assert_eq!(s3_object("s3://bucket/x.env"), None);
        assert_eq!(s3_object("arn:aws:s3:::bucket"), None);
        assert_eq!(s3_object("arn:aws:s3:::bucket/"), None);
        assert_eq!(s3_object("arn:aws:s3:::/x.env"), None);
        assert_eq!(s3_object("arn:aws:s3:::b//x.env"), Some(("b", "/x.env")));
    }

    /// The one-pass test says what the reading by `split('-')` it replaced says, on texts of
    /// letters, digits, dashes and others.
    #[test]
    fn is_region_reads_as_split_does() {
        use proptest::prelude::*;
        fn reference(s: &str) -> bool {
            let mut parts = 0;
            let mut last = "";
            for p in s.split('-') {
                if p.is_empty() || !p.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()) {
                    return false;
                }
                parts += 1;
                last = p;
            }
            parts >= 3 && last.bytes().all(|b| b.is_ascii_digit())
        }
        proptest!(ProptestConfig::with_cases(20_000), |(s in "[a-c0-2A_-]{0,12}|[a-z]{2}(-[a-z]{2,5}){1,3}-[0-9]")| {
            prop_assert_eq!(is_region(&s), reference(&s), "{:?}", s);
        });
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
