//! RT865 tags-without-long-arn-format (ECS account setting) and RT866 ebs-kms-key-not-usable
//! (KMS DescribeKey).

use runtask_core::rules::live::{ebs_kms_key_not_usable, tags_without_long_arn_format};
use runtask_core::LiveFinding;
use serde_json::json;
use tokio::time::Instant;

use super::containers::arn_scope;
use super::{finding, not_made, within};
use crate::aws::{Aws, Service};
use crate::request::Facts;

pub(crate) async fn check(aws: &Aws, facts: &Facts, account: Option<&str>, deadline: Instant) -> Vec<LiveFinding> {
    let (mut tags, keys) = tokio::join!(arn_format(aws, facts, deadline), kms_keys(aws, facts, account, deadline));
    tags.extend(keys);
    tags
}

async fn arn_format(aws: &Aws, facts: &Facts, deadline: Instant) -> Vec<LiveFinding> {
    let Some(member) = &facts.tagging else { return Vec::new() };
    let input = json!({ "name": "taskLongArnFormat", "effectiveSettings": true });
    match within(deadline, "ecs:ListAccountSettings", aws.json(Service::Ecs, "ListAccountSettings", &input)).await {
        Ok(v) => {
            let disabled = v["settings"].as_array().into_iter().flatten().any(|s| s["name"] == "taskLongArnFormat" && s["value"] == "disabled");
            if !disabled {
                return Vec::new();
            }
            vec![finding(
                &tags_without_long_arn_format::RULE,
                &member.pointer,
                format!("`{}` tags the task, but the account's `taskLongArnFormat` setting is disabled: tagging needs the long ARN format", member.value),
                Some("opt in with `aws ecs put-account-setting --name taskLongArnFormat --value enabled`, or drop the tags".to_owned()),
            )]
        }
        Err(e) => vec![not_made(&member.pointer, "the account's ARN format (needed for tags)", &e)],
    }
}

async fn kms_keys(aws: &Aws, facts: &Facts, account: Option<&str>, deadline: Instant) -> Vec<LiveFinding> {
    let mut out = Vec::new();
    for key in &facts.kms_keys {
        // A key ARN of another Region or account is not looked up.
        if let Some((region, acct)) = arn_scope(&key.value) {
            if region != aws.region() || account.is_some_and(|a| a != acct) {
                continue;
            }
        }
        let answer = within(deadline, "kms:DescribeKey", aws.json(Service::Kms, "DescribeKey", &json!({ "KeyId": key.value }))).await;
        let problem = match answer {
            Ok(v) => {
                let m = &v["KeyMetadata"];
                let state = m["KeyState"].as_str().unwrap_or("");
                let spec = m["KeySpec"].as_str().or_else(|| m["CustomerMasterKeySpec"].as_str()).unwrap_or("SYMMETRIC_DEFAULT");
                if state != "Enabled" {
                    format!("is {state}, not Enabled")
                } else if spec != "SYMMETRIC_DEFAULT" {
                    format!("is a {spec} key; EBS encrypts only with symmetric keys (SYMMETRIC_DEFAULT)")
                } else {
                    continue;
                }
            }
            Err(e) if e.code() == Some("NotFoundException") => format!("does not exist in {}", aws.region()),
            Err(e) => {
                out.push(not_made(&key.pointer, &format!("KMS key `{}`", key.value), &e));
                continue;
            }
        };
        out.push(finding(
            &ebs_kms_key_not_usable::RULE,
            &key.pointer,
            format!("KMS key `{}` {problem}: the volume cannot be created and the task stops", key.value),
            Some("use an enabled symmetric key of this Region, or omit `kmsKeyId` for the default EBS key".to_owned()),
        ));
    }
    out
}
