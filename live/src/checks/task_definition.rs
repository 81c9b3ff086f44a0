//! RT852 task-definition-not-active, and fetching the task definition for every other rule.
//!
//! A revision that DescribeTaskDefinition cannot find is confirmed missing by listing the
//! family's ACTIVE revisions: an error answer alone (ECS answers `ClientException` for several
//! causes) never counts as "does not exist". A bare family runs its latest ACTIVE revision; asked
//! by family, DescribeTaskDefinition may return an INACTIVE revision (moto does), so the family's
//! ACTIVE revisions decide.

use runtask_core::rules::live::task_definition_not_active;
use runtask_core::LiveFinding;
use serde_json::Value;
use tokio::time::Instant;

use super::{finding, listed, not_made, within};
use crate::aws::{Aws, CallError};
use crate::ecs;
use crate::request::Facts;

/// What the other checks read from the fetched task definition.
#[derive(Clone, Debug, Default)]
pub(crate) struct TaskDefinitionInfo {
    pub arn: String,
    pub account: Option<String>,
    pub task_role: Option<String>,
    pub execution_role: Option<String>,
    pub containers: Vec<Container>,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Container {
    pub name: String,
    pub image: String,
    /// `awslogs` driver: the group, its Region option, and whether it is created on start.
    pub awslogs: Option<(String, Option<String>, bool)>,
    /// `(name, valueFrom)` of `secrets` and of `logConfiguration.secretOptions`.
    pub secrets: Vec<(String, String)>,
}

impl TaskDefinitionInfo {
    /// From a DescribeTaskDefinition answer.
    pub(crate) fn read(answer: &Value) -> TaskDefinitionInfo {
        let td = &answer["taskDefinition"];
        let s = |v: &Value| v.as_str().map(str::to_owned);
        let pairs = |v: &Value| -> Vec<(String, String)> {
            v.as_array().into_iter().flatten().filter_map(|x| Some((x["name"].as_str()?.to_owned(), x["valueFrom"].as_str()?.to_owned()))).collect()
        };
        let containers = td["containerDefinitions"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| {
                let log = &c["logConfiguration"];
                let awslogs = (log["logDriver"].as_str() == Some("awslogs")).then(|| {
                    let o = &log["options"];
                    (o["awslogs-group"].as_str().unwrap_or_default().to_owned(), s(&o["awslogs-region"]), o["awslogs-create-group"].as_str().is_some_and(|v| v.eq_ignore_ascii_case("true")))
                });
                let mut secrets = pairs(&c["secrets"]);
                secrets.extend(pairs(&log["secretOptions"]));
                Container { name: s(&c["name"]).unwrap_or_default(), image: s(&c["image"]).unwrap_or_default(), awslogs, secrets }
            })
            .collect();
        let arn = s(&td["taskDefinitionArn"]).unwrap_or_default();
        TaskDefinitionInfo { account: ecs::account_of_arn(&arn).map(str::to_owned), arn, task_role: s(&td["taskRoleArn"]), execution_role: s(&td["executionRoleArn"]), containers }
    }
}

pub(crate) struct Outcome {
    pub findings: Vec<LiveFinding>,
    /// The ACTIVE task definition that will run, as DescribeTaskDefinition answered (JSON).
    pub text: Option<String>,
    pub info: Option<TaskDefinitionInfo>,
}

pub(crate) async fn fetch(aws: &Aws, facts: &Facts, deadline: Instant) -> Outcome {
    let mut out = Outcome { findings: Vec::new(), text: None, info: None };
    let Some(reference) = &facts.task_definition else { return out };
    let (family, revision) = ecs::split_reference(&reference.value);
    let what = format!("that task definition `{}` is ACTIVE", reference.value);
    let described = within(deadline, "ecs:DescribeTaskDefinition", ecs::describe_task_definition(aws, &reference.value)).await;
    let status = |v: &Value| v["taskDefinition"]["status"].as_str().unwrap_or_default().to_owned();
    let answer = match described {
        Ok(v) if status(&v) == "ACTIVE" => v,
        Ok(v) if revision.is_some() => {
            let active = within(deadline, "ecs:ListTaskDefinitions", ecs::task_definition_arns(aws, family, "ACTIVE")).await.ok();
            out.findings.push(finding(
                &task_definition_not_active::RULE,
                &reference.pointer,
                format!("task definition `{}` is {}: ECS runs only ACTIVE revisions", ecs::short_name(&reference.value), status(&v)),
                Some(active_help(family, active.as_deref())),
            ));
            return out;
        }
        // A bare family (or an answer without status): its latest ACTIVE revision runs.
        Ok(_) | Err(CallError::Service { .. }) => {
            let active = match within(deadline, "ecs:ListTaskDefinitions", ecs::task_definition_arns(aws, family, "ACTIVE")).await {
                Ok(a) => a,
                Err(e) => {
                    out.findings.push(not_made(&reference.pointer, &what, &e));
                    return out;
                }
            };
            let wanted = match revision {
                Some(r) => active.iter().find(|a| ecs::split_reference(a).1 == Some(r)).cloned(),
                None => active.first().cloned(),
            };
            let Some(arn) = wanted else {
                let message = match revision {
                    Some(_) => format!("task definition `{}` does not exist or is not ACTIVE in {}", ecs::short_name(&reference.value), aws.region()),
                    None => format!("task definition family `{family}` has no ACTIVE revision in {}", aws.region()),
                };
                out.findings.push(finding(&task_definition_not_active::RULE, &reference.pointer, message, Some(active_help(family, Some(&active)))));
                return out;
            };
            match within(deadline, "ecs:DescribeTaskDefinition", ecs::describe_task_definition(aws, &arn)).await {
                Ok(v) if status(&v) == "ACTIVE" => v,
                Ok(_) => return out,
                Err(e) => {
                    out.findings.push(not_made(&reference.pointer, &what, &e));
                    return out;
                }
            }
        }
        Err(e) => {
            out.findings.push(not_made(&reference.pointer, &what, &e));
            return out;
        }
    };
    out.info = Some(TaskDefinitionInfo::read(&answer));
    out.text = Some(answer.to_string());
    out
}

fn active_help(family: &str, active: Option<&[String]>) -> String {
    match active {
        Some([]) => format!("family `{family}` has no ACTIVE revision: register the task definition (`aws ecs register-task-definition`)"),
        Some(arns) => {
            let names: Vec<&str> = arns.iter().map(|a| ecs::short_name(a)).take(5).collect();
            format!("use an ACTIVE revision: {}{}", listed(&names), if arns.len() > 5 { ", …" } else { "" })
        }
        None => format!("use an ACTIVE revision (`aws ecs list-task-definitions --family-prefix {family} --status ACTIVE`)"),
    }
}
