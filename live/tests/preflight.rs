//! The live pre-flight against moto's server: one case per finding, a valid request with no live
//! finding, access denied (moto's IAM enforcement), an endpoint on a closed port and one that
//! never answers, both within the deadline.
//!
//! What moto cannot represent, said where it matters:
//! - a cluster in the INACTIVE state: moto forgets a deleted cluster (DescribeClusters answers
//!   MISSING), so the deleted-cluster case checks the MISSING path;
//! - a VPC with dedicated tenancy is represented (CreateVpc InstanceTenancy=dedicated);
//! - throttling: moto never throttles (the retry path is covered by the unit tests of aws.rs).

mod support;

use std::time::{Duration, Instant};

use runtask_core::{check, Diagnostic, Options, Report, Severity};
use runtask_live::{Aws, DEFAULT_DEADLINE};
use serde_json::{json, Value};
use support::moto::{xml_text, Moto, ACCOUNT};
use support::{aws, enc, trust, unique, World, REGION};

/// The full check of `request` with the live findings and the fetched task definition.
async fn live(aws: &Aws, request: &Value) -> Report {
    let text = serde_json::to_string_pretty(request).unwrap();
    let preflight = aws.preflight(&text, DEFAULT_DEADLINE).await;
    let mut options = Options::default();
    preflight.apply(&mut options);
    check(&text, &options).unwrap()
}

fn live_findings(report: &Report) -> Vec<&Diagnostic> {
    report.diagnostics.iter().filter(|d| d.code >= "RT850" && d.code < "RT900").collect()
}

/// The one live finding of `code`; every live finding is of that code.
fn only<'r>(report: &'r Report, code: &str) -> &'r Diagnostic {
    let found = live_findings(report);
    assert!(found.len() == 1 && found[0].code == code, "expected one {code}, got {found:#?}");
    found[0]
}

#[tokio::test]
async fn a_valid_request_has_no_live_finding_and_the_task_definition_rules_run() {
    let moto = Moto::get();
    let w = World::new(moto);
    let report = live(&aws(moto), &w.request()).await;
    assert!(live_findings(&report).is_empty(), "{:#?}", live_findings(&report));
    assert!(!report.has_errors(), "{:#?}", report.diagnostics);

    // The fetched task definition turns on the task-definition rules, as --task-definition does.
    let mut request = w.request();
    request["overrides"] = json!({"containerOverrides": [{"name": "web", "command": ["migrate"]}]});
    let report = live(&aws(moto), &request).await;
    let d = report.diagnostics.iter().find(|d| d.code == "RT800").unwrap_or_else(|| panic!("{:#?}", report.diagnostics));
    assert_eq!(d.pointer, "/overrides/containerOverrides/0/name");
}

#[tokio::test]
async fn a_missing_cluster_is_an_error_at_the_cluster() {
    let moto = Moto::get();
    let w = World::new(moto);
    let mut request = w.request();
    request["cluster"] = json!(format!("{}-nope", w.tag));
    let report = live(&aws(moto), &request).await;
    let d = only(&report, "RT851");
    assert_eq!((d.severity, d.pointer.as_str(), d.line), (Severity::Error, "/cluster", 2));
    assert!(d.message.contains(&format!("`{}-nope` does not exist in us-east-1", w.tag)), "{}", d.message);
    assert!(d.help.as_deref().unwrap().contains(&w.cluster), "{:?}", d.help);
}

#[tokio::test]
async fn an_omitted_cluster_means_default() {
    let moto = Moto::get();
    let w = World::new(moto);
    let mut request = w.request();
    request.as_object_mut().unwrap().remove("cluster");
    let report = live(&aws(moto), &request).await;
    let d = only(&report, "RT851");
    assert_eq!((d.pointer.as_str(), d.member), ("", Some("cluster")));
    assert!(d.message.contains("cluster `default` does not exist"), "{}", d.message);
}

#[tokio::test]
async fn a_deleted_cluster_is_an_error() {
    // moto forgets a deleted cluster instead of keeping it INACTIVE: this is the MISSING path.
    let moto = Moto::get();
    let w = World::new(moto);
    let doomed = format!("{}-doomed", w.tag);
    moto.ecs("CreateCluster", &json!({"clusterName": doomed}));
    moto.ecs("DeleteCluster", &json!({"cluster": doomed}));
    let mut request = w.request();
    request["cluster"] = json!(doomed);
    only(&live(&aws(moto), &request).await, "RT851");
}

#[tokio::test]
async fn a_missing_or_deregistered_task_definition_is_an_error() {
    let moto = Moto::get();
    let w = World::new(moto);
    let aws = aws(moto);
    let mut request = w.request();
    request["taskDefinition"] = json!(format!("{}:9", w.family));
    let d = only(&live(&aws, &request).await, "RT852").clone();
    assert_eq!((d.severity, d.pointer.as_str()), (Severity::Error, "/taskDefinition"));
    assert!(d.message.contains(&format!("`{}:9` does not exist or is not ACTIVE", w.family)), "{}", d.message);
    assert!(d.help.as_deref().unwrap().contains(&format!("`{}:1`", w.family)), "{:?}", d.help);

    let second = w.register(moto, &w.family, |_| {});
    moto.ecs("DeregisterTaskDefinition", &json!({"taskDefinition": second}));
    request["taskDefinition"] = json!(second);
    let d = only(&live(&aws, &request).await, "RT852").clone();
    assert!(d.message.contains("is INACTIVE"), "{}", d.message);

    // A bare family runs its latest ACTIVE revision (moto may describe the INACTIVE newest one).
    request["taskDefinition"] = json!(w.family);
    assert!(live_findings(&live(&aws, &request).await).is_empty());

    let gone = unique("gone");
    let only_rev = w.register(moto, &gone, |_| {});
    moto.ecs("DeregisterTaskDefinition", &json!({"taskDefinition": only_rev}));
    request["taskDefinition"] = json!(gone);
    let d = only(&live(&aws, &request).await, "RT852").clone();
    assert!(d.message.contains("has no ACTIVE revision"), "{}", d.message);
}

#[tokio::test]
async fn missing_subnets_and_security_groups_are_errors_at_their_items() {
    let moto = Moto::get();
    let w = World::new(moto);
    let mut request = w.request();
    request["networkConfiguration"]["awsvpcConfiguration"]["subnets"] = json!([w.private_subnet, "subnet-0deadbeef0000000a"]);
    request["networkConfiguration"]["awsvpcConfiguration"]["securityGroups"] = json!(["sg-0deadbeef0000000a", w.security_group]);
    let report = live(&aws(moto), &request).await;
    let found = live_findings(&report);
    assert_eq!(found.len(), 2, "{found:#?}");
    let subnet = found.iter().find(|d| d.code == "RT853").unwrap();
    assert_eq!((subnet.pointer.as_str(), subnet.severity), ("/networkConfiguration/awsvpcConfiguration/subnets/1", Severity::Error));
    assert!(subnet.message.contains("subnet `subnet-0deadbeef0000000a` does not exist"));
    let group = found.iter().find(|d| d.code == "RT854").unwrap();
    assert_eq!((group.pointer.as_str(), group.severity), ("/networkConfiguration/awsvpcConfiguration/securityGroups/0", Severity::Error));
}

#[tokio::test]
async fn a_security_group_of_another_vpc_is_an_error() {
    let moto = Moto::get();
    let w = World::new(moto);
    let other_vpc = xml_text(&moto.ec2("Action=CreateVpc&CidrBlock=10.9.0.0%2F16"), "vpcId");
    let other = xml_text(&moto.ec2(&format!("Action=CreateSecurityGroup&GroupName={}&GroupDescription=x&VpcId={other_vpc}", w.tag)), "groupId");
    let mut request = w.request();
    request["networkConfiguration"]["awsvpcConfiguration"]["securityGroups"] = json!([w.security_group, other]);
    let report = live(&aws(moto), &request).await;
    let d = only(&report, "RT855");
    assert_eq!(d.pointer, "/networkConfiguration/awsvpcConfiguration/securityGroups/1");
    assert!(d.message.contains(&format!("`{other}` is in `{other_vpc}`, but subnet `{}` is in `{}`", w.private_subnet, w.vpc)), "{}", d.message);
}

#[tokio::test]
async fn fargate_in_a_dedicated_vpc_is_a_warning() {
    let moto = Moto::get();
    let w = World::new(moto);
    let vpc = xml_text(&moto.ec2("Action=CreateVpc&CidrBlock=10.8.0.0%2F16&InstanceTenancy=dedicated"), "vpcId");
    let subnet = xml_text(&moto.ec2(&format!("Action=CreateSubnet&VpcId={vpc}&CidrBlock=10.8.1.0%2F24")), "subnetId");
    let group = xml_text(&moto.ec2(&format!("Action=CreateSecurityGroup&GroupName={}&GroupDescription=x&VpcId={vpc}", w.tag)), "groupId");
    let mut request = w.request();
    request["networkConfiguration"]["awsvpcConfiguration"] = json!({"subnets": [subnet], "securityGroups": [group], "assignPublicIp": "ENABLED"});
    let report = live(&aws(moto), &request).await;
    let found = live_findings(&report);
    let d = found.iter().find(|d| d.code == "RT856").unwrap_or_else(|| panic!("{found:#?}"));
    assert_eq!((d.severity, d.pointer.as_str()), (Severity::Warning, "/networkConfiguration/awsvpcConfiguration/subnets"));
    assert!(d.message.contains(&vpc));
}

#[tokio::test]
async fn a_subnet_without_a_way_out_is_a_warning_naming_routes_and_endpoints() {
    let moto = Moto::get();
    let w = World::new(moto);
    let aws = aws(moto);
    let mut request = w.request();
    request["networkConfiguration"]["awsvpcConfiguration"]["subnets"] = json!([w.isolated_subnet]);
    let d = only(&live(&aws, &request).await, "RT857").clone();
    assert_eq!((d.severity, d.pointer.as_str()), (Severity::Warning, "/networkConfiguration/awsvpcConfiguration/subnets/0"));
    for part in ["has no 0.0.0.0/0 route", "`ecr.api`", "`ecr.dkr`", "`s3`", "`logs`", "`ssm`", "`secretsmanager`"] {
        assert!(d.message.contains(part), "{part}: {}", d.message);
    }

    // A public subnet needs a public IP.
    request["networkConfiguration"]["awsvpcConfiguration"]["subnets"] = json!([w.public_subnet]);
    let d = only(&live(&aws, &request).await, "RT857").clone();
    assert!(d.message.contains("sends 0.0.0.0/0 to internet gateway `igw-"), "{}", d.message);
    request["networkConfiguration"]["awsvpcConfiguration"]["assignPublicIp"] = json!("ENABLED");
    assert!(live_findings(&live(&aws, &request).await).is_empty());

    // With the VPC endpoints the task needs, the isolated subnet is fine.
    for service in ["ecr.api", "ecr.dkr", "s3", "logs", "ssm", "secretsmanager"] {
        moto.ec2(&format!("Action=CreateVpcEndpoint&VpcId={}&ServiceName=com.amazonaws.{REGION}.{service}", w.vpc));
    }
    request["networkConfiguration"]["awsvpcConfiguration"] = json!({"subnets": [w.isolated_subnet], "assignPublicIp": "DISABLED"});
    assert!(live_findings(&live(&aws, &request).await).is_empty());
}

#[tokio::test]
async fn capacity_providers_not_attached_and_launch_type_on_a_scaling_cluster() {
    let moto = Moto::get();
    let w = World::new(moto);
    let mut request = w.request();
    request.as_object_mut().unwrap().remove("launchType");
    request["capacityProviderStrategy"] = json!([{"capacityProvider": "FARGATE", "weight": 1}, {"capacityProvider": "FARGATE_SPOT", "weight": 1}]);
    let report = live(&aws(moto), &request).await;
    let d = only(&report, "RT858");
    assert_eq!((d.severity, d.pointer.as_str()), (Severity::Error, "/capacityProviderStrategy/1/capacityProvider"));
    assert!(d.message.contains(&format!("`FARGATE_SPOT` is not associated with cluster `{}` (it has `FARGATE`)", w.cluster)), "{}", d.message);

    let provider = format!("{}-asg", w.tag);
    moto.ecs(
        "CreateCapacityProvider",
        &json!({"name": provider, "autoScalingGroupProvider": {"autoScalingGroupArn": format!("arn:aws:autoscaling:{REGION}:{ACCOUNT}:autoScalingGroup:1:autoScalingGroupName/{provider}")}}),
    );
    let scaling = format!("{}-scaling", w.tag);
    moto.ecs("CreateCluster", &json!({"clusterName": scaling, "capacityProviders": [provider], "defaultCapacityProviderStrategy": [{"capacityProvider": provider, "weight": 1}]}));
    let ec2 = json!({"cluster": scaling, "taskDefinition": format!("{}:1", w.family), "launchType": "EC2"});
    let report = live(&aws(moto), &ec2).await;
    let d = only(&report, "RT859");
    assert_eq!((d.severity, d.pointer.as_str()), (Severity::Info, "/launchType"));
    assert!(d.message.contains(&format!("`{provider}`")), "{}", d.message);
}

#[tokio::test]
async fn roles_that_are_missing_or_do_not_trust_ecs_tasks_are_warnings() {
    let moto = Moto::get();
    let w = World::new(moto);
    let lambda = xml_text(&moto.iam(&format!("Action=CreateRole&RoleName={}-lambda&AssumeRolePolicyDocument={}", w.tag, enc(&trust("lambda.amazonaws.com")))), "Arn");
    let mut request = w.request();
    request["overrides"] = json!({"taskRoleArn": format!("arn:aws:iam::{ACCOUNT}:role/{}-nope", w.tag), "executionRoleArn": lambda});
    let report = live(&aws(moto), &request).await;
    let found = live_findings(&report);
    assert_eq!(found.len(), 2, "{found:#?}");
    let missing = found.iter().find(|d| d.code == "RT860").unwrap();
    assert_eq!((missing.pointer.as_str(), missing.severity), ("/overrides/taskRoleArn", Severity::Warning));
    assert!(missing.message.contains("(`overrides.taskRoleArn`) does not exist"), "{}", missing.message);
    let untrusted = found.iter().find(|d| d.code == "RT861").unwrap();
    assert_eq!((untrusted.pointer.as_str(), untrusted.severity), ("/overrides/executionRoleArn", Severity::Warning));
    assert!(untrusted.message.contains("does not trust `ecs-tasks.amazonaws.com`"));

    // The task definition's own role, when not overridden, is looked up too.
    let family = unique("rolefam");
    let rev = w.register(moto, &family, |td| td["taskRoleArn"] = json!(lambda));
    let mut request = w.request();
    request["taskDefinition"] = json!(rev);
    let d = only(&live(&aws(moto), &request).await, "RT861").clone();
    assert_eq!(d.pointer, "/taskDefinition");
    assert!(d.message.contains("the task definition's `taskRoleArn`"), "{}", d.message);
}

#[tokio::test]
async fn missing_ecr_images_log_groups_and_secrets_are_warnings_at_the_task_definition() {
    let moto = Moto::get();
    let w = World::new(moto);
    let family = unique("broken");
    let missing_secret = format!("arn:aws:secretsmanager:{REGION}:{ACCOUNT}:secret:{}-nope-AbCdEf", w.tag);
    let rev = w.register(moto, &family, |td| {
        let c = &mut td["containerDefinitions"][0];
        c["image"] = json!(format!("{ACCOUNT}.dkr.ecr.{REGION}.amazonaws.com/{}:v2", w.repository));
        c["logConfiguration"]["options"]["awslogs-group"] = json!(format!("/ecs/{}-nope", w.tag));
        c["secrets"] = json!([{"name": "A", "valueFrom": format!("/{}/nope", w.tag)}, {"name": "B", "valueFrom": missing_secret}]);
        let mut sidecar = c.clone();
        sidecar["name"] = json!("sidecar");
        sidecar["image"] = json!(format!("{ACCOUNT}.dkr.ecr.{REGION}.amazonaws.com/{}-nope:v1", w.tag));
        sidecar["logConfiguration"]["options"]["awslogs-create-group"] = json!("true");
        sidecar["secrets"] = json!([]);
        td["containerDefinitions"].as_array_mut().unwrap().push(sidecar);
    });
    let mut request = w.request();
    request["taskDefinition"] = json!(rev);
    let report = live(&aws(moto), &request).await;
    let found = live_findings(&report);
    let codes: Vec<&str> = found.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["RT862", "RT862", "RT863", "RT864", "RT864"], "{found:#?}");
    assert!(found.iter().all(|d| d.pointer == "/taskDefinition" && d.severity == Severity::Warning));
    let text: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
    assert!(text[0].contains("has no image tagged `v2`"), "{}", text[0]);
    assert!(text[1].contains(&format!("repository `{}-nope` does not exist", w.tag)), "{}", text[1]);
    assert!(text[2].contains(&format!("`/ecs/{}-nope`, which does not exist", w.tag)), "{}", text[2]);
    assert!(text.iter().all(|t| !t.contains("s3cr3t")), "a secret's value must never show");
    assert!(text[3..].iter().any(|t| t.contains(&format!("SSM parameter `/{}/nope`", w.tag))));
    assert!(text[3..].iter().any(|t| t.contains(&format!("Secrets Manager secret `{missing_secret}`"))));
}

#[tokio::test]
async fn access_denied_is_a_warning_naming_the_permission() {
    // moto's IAM enforcement: a user allowed only the ECS calls; everything else is denied.
    let moto = Moto::start_with(&[]);
    let w = World::new(&moto);
    moto.iam("Action=CreateUser&UserName=preflight");
    let policy = json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ecs:Describe*", "ecs:List*"], "Resource": "*"}]}).to_string();
    moto.iam(&format!("Action=PutUserPolicy&UserName=preflight&PolicyName=ecs&PolicyDocument={}", enc(&policy)));
    let keys = moto.iam("Action=CreateAccessKey&UserName=preflight");
    let credentials = aws_credential_types::Credentials::new(xml_text(&keys, "AccessKeyId"), xml_text(&keys, "SecretAccessKey"), None, None, "tests");
    moto.reset_auth(0);
    let aws = Aws::with_endpoint(&moto.url(), REGION, Some(credentials)).unwrap();
    let report = live(&aws, &w.request()).await;
    let found = live_findings(&report);
    assert!(!found.is_empty() && found.iter().all(|d| d.code == "RT850" && d.severity == Severity::Warning), "{found:#?}");
    assert!(!report.has_errors(), "{:#?}", report.diagnostics);
    let subnets = found.iter().find(|d| d.pointer == "/networkConfiguration/awsvpcConfiguration/subnets").unwrap_or_else(|| panic!("{found:#?}"));
    assert!(subnets.message.contains("could not check that the subnets exist: the caller is not allowed to call `ec2:DescribeSubnets`"), "{}", subnets.message);
    assert!(found.iter().any(|d| d.message.contains("`iam:GetRole`")), "{found:#?}");
    // The allowed ECS calls were made: the task definition was fetched and its rules ran.
    assert!(found.iter().all(|d| !d.message.contains("ecs:")), "{found:#?}");
}

#[tokio::test]
async fn a_closed_port_finishes_within_the_deadline_without_an_error() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let aws = Aws::with_endpoint(&format!("http://127.0.0.1:{port}"), REGION, Some(aws_credential_types::Credentials::new("AKID", "secret", None, None, "tests"))).unwrap();
    let request = json!({"taskDefinition": "web:1", "launchType": "FARGATE", "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"], "securityGroups": ["sg-0a1b2c3d"]}}, "overrides": {"taskRoleArn": format!("arn:aws:iam::{ACCOUNT}:role/job")}});
    let deadline = Duration::from_secs(5);
    let started = Instant::now();
    let preflight = aws.preflight(&request.to_string(), deadline).await;
    assert!(started.elapsed() < deadline + Duration::from_secs(2), "took {:?}", started.elapsed());
    let mut options = Options::default();
    preflight.apply(&mut options);
    let report = check(&request.to_string(), &options).unwrap();
    let found = live_findings(&report);
    assert!(found.len() >= 4 && found.iter().all(|d| d.code == "RT850" && d.severity == Severity::Warning), "{found:#?}");
    assert!(found.iter().any(|d| d.message.contains("could not be reached")), "{found:#?}");
}

#[tokio::test]
async fn an_endpoint_that_never_answers_is_cut_at_the_deadline() {
    // Accepts connections and never answers.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let silent = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = listener.accept().await {
            held.push(socket);
        }
    });
    let aws = Aws::with_endpoint(&format!("http://{addr}"), REGION, Some(aws_credential_types::Credentials::new("AKID", "secret", None, None, "tests"))).unwrap();
    let request = json!({"cluster": "batch", "taskDefinition": "web:1"});
    let deadline = Duration::from_secs(1);
    let started = Instant::now();
    let preflight = aws.preflight(&request.to_string(), deadline).await;
    assert!(started.elapsed() < deadline + Duration::from_secs(2), "took {:?}", started.elapsed());
    assert!(preflight.findings.iter().any(|f| f.message.contains("did not answer before the pre-flight's deadline")), "{:#?}", preflight.findings);
    assert!(preflight.findings.iter().all(|f| f.severity != Severity::Error));
    silent.abort();
}

#[test]
fn the_preflight_and_the_pickers_can_run_on_any_runtime_thread() {
    // The proxy runs them in axum handlers: their futures must be Send, the connection shareable.
    fn send<T: Send>(_: &T) {}
    fn shared<T: Send + Sync + Clone>() {}
    shared::<Aws>();
    let aws = Aws::with_endpoint("http://127.0.0.1:9", REGION, None).unwrap();
    send(&aws.preflight("{}", DEFAULT_DEADLINE));
    send(&aws.list_clusters());
    send(&aws.list_subnets("vpc-0a1b2c3d"));
    send(&aws.list_security_groups("vpc-0a1b2c3d"));
    send(&aws.list_task_definition_revisions("web"));
    send(&aws.cluster_capacity_providers(None));
}

#[tokio::test]
async fn tags_in_an_account_without_the_long_arn_format_are_a_warning() {
    let moto = Moto::get();
    let w = World::new(moto);
    let mut request = w.request();
    request["tags"] = json!([{"key": "team", "value": "data"}]);
    assert!(live_findings(&live(&aws(moto), &request).await).is_empty(), "enabled by default");
    moto.ecs("PutAccountSetting", &json!({"name": "taskLongArnFormat", "value": "disabled"}));
    let report = live(&aws(moto), &request).await;
    moto.ecs("PutAccountSetting", &json!({"name": "taskLongArnFormat", "value": "enabled"}));
    let d = only(&report, "RT865");
    assert_eq!((d.severity, d.pointer.as_str()), (Severity::Warning, "/tags"));
    assert!(d.message.contains("`taskLongArnFormat` setting is disabled"), "{}", d.message);
}

#[tokio::test]
async fn ebs_kms_keys_that_are_missing_disabled_or_asymmetric_are_warnings() {
    let moto = Moto::get();
    let w = World::new(moto);
    let kms = |action: &str, body: Value| moto.json("kms", &format!("TrentService.{action}"), &body);
    let good = kms("CreateKey", json!({}))["KeyMetadata"]["KeyId"].as_str().unwrap().to_owned();
    kms("CreateAlias", json!({"AliasName": format!("alias/{}", w.tag), "TargetKeyId": good}));
    let disabled = kms("CreateKey", json!({}))["KeyMetadata"]["KeyId"].as_str().unwrap().to_owned();
    kms("DisableKey", json!({"KeyId": disabled}));
    let rsa = kms("CreateKey", json!({"KeySpec": "RSA_2048", "KeyUsage": "ENCRYPT_DECRYPT"}))["KeyMetadata"]["KeyId"].as_str().unwrap().to_owned();
    let volume = |key: &str| json!({"name": "data", "managedEBSVolume": {"sizeInGiB": 20, "encrypted": true, "kmsKeyId": key, "roleArn": w.task_role}});
    let mut request = w.request();
    request["volumeConfigurations"] = json!([volume(&format!("alias/{}", w.tag)), volume(&format!("alias/{}-nope", w.tag)), volume(&disabled), volume(&rsa)]);
    let report = live(&aws(moto), &request).await;
    let found: Vec<&Diagnostic> = live_findings(&report).into_iter().filter(|d| d.code == "RT866").collect();
    let pointers: Vec<&str> = found.iter().map(|d| d.pointer.as_str()).collect();
    assert_eq!(pointers, ["/volumeConfigurations/1/managedEBSVolume/kmsKeyId", "/volumeConfigurations/2/managedEBSVolume/kmsKeyId", "/volumeConfigurations/3/managedEBSVolume/kmsKeyId"], "{found:#?}");
    assert!(found[0].message.contains("does not exist"), "{}", found[0].message);
    assert!(found[1].message.contains("is Disabled, not Enabled"), "{}", found[1].message);
    assert!(found[2].message.contains("RSA_2048"), "{}", found[2].message);
}

#[tokio::test]
async fn without_the_callers_account_a_role_not_found_is_not_called_missing() {
    // Neither the cluster nor the task definition is found, so the caller's account is unknown:
    // GetRole's NoSuchEntity may be about another account's role.
    let moto = Moto::get();
    let tag = unique("noacct");
    let request = json!({"cluster": tag, "taskDefinition": format!("{tag}:1"), "overrides": {"taskRoleArn": format!("arn:aws:iam::{ACCOUNT}:role/{tag}")}});
    let report = live(&aws(moto), &request).await;
    let found = live_findings(&report);
    assert!(found.iter().all(|d| d.code != "RT860"), "{found:#?}");
    let role = found.iter().find(|d| d.pointer == "/overrides/taskRoleArn").unwrap_or_else(|| panic!("{found:#?}"));
    assert_eq!(role.code, "RT850");
    assert!(role.message.contains("may be another account's"), "{}", role.message);
}
