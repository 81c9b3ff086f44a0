//! The IDs a RunTask request carries besides names and ARNs: EC2 resource IDs (subnets,
//! security groups, EBS snapshots) and AWS account IDs inside ARNs. One reading of each, with
//! what is wrong and the evident correction.
//!
//! Sources: Amazon EC2 User Guide, "Resource IDs": a resource ID is a prefix (`subnet-`, `sg-`,
//! `snap-`), a hyphen and 8 characters (before 2016) or 17 (since), lowercase hexadecimal
//! (`subnet-0d539fd1a67a870ec`, `sg-3cb1e57b`); AWS Account Management Reference, "Viewing AWS
//! account identifiers": an account ID is 12 digits. Read 2026-11-23.

/// A kind of EC2 resource ID.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ec2Id {
    pub prefix: &'static str,
    /// What messages call it: `subnet`, `security group`, `snapshot`.
    pub name: &'static str,
}

pub const SUBNET: Ec2Id = Ec2Id { prefix: "subnet-", name: "subnet" };
pub const SECURITY_GROUP: Ec2Id = Ec2Id { prefix: "sg-", name: "security group" };
pub const SNAPSHOT: Ec2Id = Ec2Id { prefix: "snap-", name: "snapshot" };
/// Not in a RunTask request: the live pickers take one (runtask-proxy's `/api/pickers/subnets`).
pub const VPC: Ec2Id = Ec2Id { prefix: "vpc-", name: "VPC" };

/// The lengths of the hexadecimal part: 8 (IDs made before 2016) or 17.
pub const EC2_ID_LENGTHS: [usize; 2] = [8, 17];
/// Digits of an AWS account ID.
pub const ACCOUNT_ID_LENGTH: usize = 12;

/// What is wrong with an ID, the first thing a reader should fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IdError {
    /// Spaces (or other white space) around or inside it.
    Whitespace,
    /// The letter `O` where a digit goes.
    LetterO,
    /// A character that is not a digit (or, for EC2 IDs, not a lowercase hexadecimal digit).
    NotADigit(char),
    /// Upper-case hexadecimal digits: EC2 writes its IDs in lower case. The only doubtful case:
    /// callers report it as a warning.
    UpperCase,
    /// This many digits, where the ID has [`EC2_ID_LENGTHS`] or [`ACCOUNT_ID_LENGTH`].
    Length(usize),
}

/// An ID that is not well formed: what is wrong, and the ID it evidently means (spaces removed,
/// `O` read as `0`, upper case lowered, dashes dropped from an account ID) when that is well
/// formed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdProblem {
    pub error: IdError,
    pub suggestion: Option<String>,
}

impl IdProblem {
    /// Whether AWS surely rejects the ID (everything but upper-case hexadecimal digits).
    #[must_use]
    pub fn certain(&self) -> bool {
        self.error != IdError::UpperCase
    }
}

impl Ec2Id {
    /// Whether `s` is a well-formed ID of this kind.
    #[must_use]
    #[inline(never)]
    pub fn is_valid(&self, s: &str) -> bool {
        s.strip_prefix(self.prefix).is_some_and(|h| EC2_ID_LENGTHS.contains(&h.len()) && h.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
    }

    /// Whether `s` is meant as an ID of this kind: it starts with the prefix, after any white space.
    #[must_use]
    pub fn is_meant(&self, s: &str) -> bool {
        s.trim_start().starts_with(self.prefix)
    }

    /// None when `s` is well formed; else what is wrong. For text [`Ec2Id::is_meant`] as this
    /// kind of ID.
    #[must_use]
    pub fn problem(&self, s: &str) -> Option<IdProblem> {
        if self.is_valid(s) {
            return None;
        }
        // White space taken out (a copy only when there is some).
        let compact: std::borrow::Cow<'_, str> = if s.contains(char::is_whitespace) { s.chars().filter(|c| !c.is_whitespace()).collect::<String>().into() } else { s.into() };
        let hex = compact.strip_prefix(self.prefix).unwrap_or("");
        let error = if compact.len() != s.len() {
            IdError::Whitespace
        } else if hex.contains(['O', 'o']) {
            IdError::LetterO
        } else if let Some(c) = hex.chars().find(|c| !c.is_ascii_hexdigit()) {
            IdError::NotADigit(c)
        } else if !EC2_ID_LENGTHS.contains(&hex.len()) {
            IdError::Length(hex.len())
        } else {
            IdError::UpperCase
        };
        // The correction: each `O` read as a zero, the rest in lower case; written only when it is
        // a well-formed ID (what `is_valid` would say of it).
        let correctable = EC2_ID_LENGTHS.contains(&hex.len()) && hex.bytes().all(|b| b.is_ascii_hexdigit() || b == b'O' || b == b'o');
        let suggestion = correctable.then(|| {
            let mut corrected = String::with_capacity(self.prefix.len() + hex.len());
            corrected.push_str(self.prefix);
            corrected.extend(hex.chars().map(|c| if matches!(c, 'O' | 'o') { '0' } else { c.to_ascii_lowercase() }));
            corrected
        });
        Some(IdProblem { error, suggestion })
    }
}

/// None when `s` is a 12-digit account ID; else what is wrong, with the evident correction.
#[must_use]
pub fn account_problem(s: &str) -> Option<IdProblem> {
    if s.len() == ACCOUNT_ID_LENGTH && s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let error = if compact.len() != s.len() {
        IdError::Whitespace
    } else if s.contains(['O', 'o']) {
        IdError::LetterO
    } else if let Some(c) = s.chars().find(|c| !c.is_ascii_digit() && *c != '-') {
        IdError::NotADigit(c)
    } else {
        // Dashes as the console shows it (`1234-5678-9012`) are evident; count digits only.
        let digits = s.bytes().filter(u8::is_ascii_digit).count();
        if digits == ACCOUNT_ID_LENGTH {
            IdError::NotADigit('-')
        } else {
            IdError::Length(digits)
        }
    };
    let corrected: String = compact.replace(['O', 'o'], "0").chars().filter(|&c| c != '-').collect();
    let suggestion = (corrected.len() == ACCOUNT_ID_LENGTH && corrected.bytes().all(|b| b.is_ascii_digit())).then_some(corrected);
    Some(IdProblem { error, suggestion })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(kind: Ec2Id, s: &str) -> Option<(IdError, Option<String>)> {
        kind.problem(s).map(|p| (p.error, p.suggestion))
    }

    #[test]
    fn well_formed_ids() {
        for s in ["subnet-0d539fd1a67a870ec", "subnet-3cb1e57b"] {
            assert!(SUBNET.is_valid(s) && SUBNET.problem(s).is_none(), "{s}");
        }
        assert!(SECURITY_GROUP.is_valid("sg-3cb1e57b"));
        assert!(SNAPSHOT.is_valid("snap-0123456789abcdef0"));
        assert!(!SUBNET.is_valid("sg-3cb1e57b"));
    }

    #[test]
    fn the_issues_ids() {
        assert_eq!(problem(SUBNET, "subnet-0d539fd1a67a870e"), Some((IdError::Length(16), None)));
        assert_eq!(problem(SUBNET, "subnet-Od539fd1a67a870ec"), Some((IdError::LetterO, Some("subnet-0d539fd1a67a870ec".to_owned()))));
        assert_eq!(problem(SECURITY_GROUP, "sg-e3cb1e57b"), Some((IdError::Length(9), None)));
        assert_eq!(problem(SUBNET, " subnet-0d539fd1a67a870ec"), Some((IdError::Whitespace, Some("subnet-0d539fd1a67a870ec".to_owned()))));
        assert_eq!(problem(SUBNET, "subnet-0d539fd1a67a870eg"), Some((IdError::NotADigit('g'), None)));
        let upper = SECURITY_GROUP.problem("sg-3CB1E57B").unwrap();
        assert_eq!((upper.error.clone(), upper.suggestion.as_deref()), (IdError::UpperCase, Some("sg-3cb1e57b")));
        assert!(!upper.certain());
    }

    /// The correction as it was read before `problem` skipped its copies: white space taken out
    /// into a new text, the correction always written and then tested.
    fn correction_with_copies(kind: Ec2Id, s: &str) -> Option<String> {
        let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        let hex = compact.strip_prefix(kind.prefix).unwrap_or("");
        let mut corrected = String::from(kind.prefix);
        corrected.extend(hex.chars().map(|c| if matches!(c, 'O' | 'o') { '0' } else { c.to_ascii_lowercase() }));
        kind.is_valid(&corrected).then_some(corrected)
    }

    proptest::proptest! {
        #[test]
        fn problem_corrects_as_the_reading_with_copies(
            kind in proptest::sample::select(vec![SUBNET, SECURITY_GROUP, SNAPSHOT]),
            prefix in proptest::sample::select(vec!["", "subnet-", "sg-", "snap-", " sg-", "SG-"]),
            // The hexadecimal digits in both cases, `O`, white space, other ASCII and non-ASCII,
            // at and around the two lengths.
            body in "[0-9a-fA-FOo g\t\u{a0}é-]{0,19}",
        ) {
            let s = format!("{prefix}{body}");
            let expected = (!kind.is_valid(&s)).then(|| correction_with_copies(kind, &s));
            proptest::prop_assert_eq!(kind.problem(&s).map(|p| p.suggestion), expected, "{:?}", s);
        }
    }

    #[test]
    fn accounts() {
        assert_eq!(account_problem("123456789012"), None);
        assert_eq!(account_problem("12345678901").map(|p| p.error), Some(IdError::Length(11)));
        assert_eq!(account_problem("12345678901O").and_then(|p| p.suggestion).as_deref(), Some("123456789010"));
        assert_eq!(account_problem("1234-5678-9012").and_then(|p| p.suggestion).as_deref(), Some("123456789012"));
        assert_eq!(account_problem(" 123456789012").map(|p| p.error), Some(IdError::Whitespace));
        assert_eq!(account_problem("").map(|p| p.error), Some(IdError::Length(0)));
    }
}
