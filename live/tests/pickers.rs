//! The listings for the console's pickers, against moto's server.

mod support;

use serde_json::json;
use support::moto::{xml_text, Moto};
use support::{aws, World};

#[tokio::test]
async fn clusters_families_and_revisions() {
    let moto = Moto::get();
    let w = World::new(moto);
    let aws = aws(moto);
    let second = w.register(moto, &w.family, |_| {});
    let clusters = aws.list_clusters().await.unwrap();
    let c = clusters.iter().find(|c| c.name == w.cluster).unwrap_or_else(|| panic!("{clusters:#?}"));
    assert_eq!((c.status.as_str(), c.capacity_providers.as_slice()), ("ACTIVE", ["FARGATE".to_owned()].as_slice()));
    assert!(aws.list_task_definition_families(Some(&w.family)).await.unwrap().contains(&w.family));
    let revisions = aws.list_task_definition_revisions(&w.family).await.unwrap();
    let names: Vec<&str> = revisions.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, [second.as_str(), &format!("{}:1", w.family)], "newest first");
    let cp = aws.cluster_capacity_providers(Some(&w.cluster)).await.unwrap().unwrap();
    assert_eq!(cp.capacity_providers, ["FARGATE"]);
    assert_eq!(aws.cluster_capacity_providers(Some("no-such-cluster-anywhere")).await.unwrap(), None);
    // Serialised for the console.
    let v = serde_json::to_value(&cp).unwrap();
    assert_eq!(v["capacityProviders"], json!(["FARGATE"]));
}

#[tokio::test]
async fn subnets_of_a_vpc_with_names_zones_and_public_or_private() {
    let moto = Moto::get();
    let w = World::new(moto);
    let aws = aws(moto);
    assert!(aws.list_vpcs().await.unwrap().iter().any(|v| v.id == w.vpc));
    let subnets = aws.list_subnets(&w.vpc).await.unwrap();
    let by_id = |id: &str| subnets.iter().find(|s| s.subnet.id == id).unwrap_or_else(|| panic!("{id}: {subnets:#?}"));
    let public = by_id(&w.public_subnet);
    assert!(public.public);
    assert_eq!((public.subnet.name.as_deref(), public.subnet.availability_zone.as_str()), (Some("public-a"), "us-east-1a"));
    assert!(!by_id(&w.private_subnet).public);
    assert!(!by_id(&w.isolated_subnet).public);
    assert_eq!(subnets.len(), 3);
    let v = serde_json::to_value(public).unwrap();
    assert_eq!((v["id"].as_str(), v["public"].as_bool(), v["availabilityZone"].as_str()), (Some(w.public_subnet.as_str()), Some(true), Some("us-east-1a")));

    let named = xml_text(&moto.ec2(&format!("Action=CreateSecurityGroup&GroupName={}-named&GroupDescription=x&VpcId={}", w.tag, w.vpc)), "groupId");
    moto.ec2(&format!("Action=CreateTags&ResourceId.1={named}&Tag.1.Key=Name&Tag.1.Value=web-tasks"));
    let groups = aws.list_security_groups(&w.vpc).await.unwrap();
    assert!(groups.iter().all(|g| g.vpc_id == w.vpc));
    assert!(groups.iter().any(|g| g.id == w.security_group));
    assert_eq!(groups.iter().find(|g| g.id == named).and_then(|g| g.name.as_deref()), Some("web-tasks"));
}
