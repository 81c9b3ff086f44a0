use super::*;
use crate::export::WIDTH;

const FULL: &str = include_str!("../../../tests/inputs/large-near-limits.json");

fn canonical(text: &str) -> String {
    Request::from_json(text).unwrap().to_json()
}

#[test]
fn large_request_round_trips_form_json_form() {
    let form = Request::from_json(FULL).unwrap();
    let json = form.to_json();
    let mut again = Request::from_json(&json).unwrap();
    again.adopt_ids(&form);
    assert_eq!(again, form, "form → JSON → form");
    assert_eq!(again.to_json(), json, "JSON → form → JSON");
    // Same values as the committed file (key order aside).
    assert_eq!(serde_json::from_str::<Value>(&json).unwrap(), serde_json::from_str::<Value>(FULL).unwrap());
}

#[test]
fn keys_come_in_the_forms_order_unknown_last() {
    let text = r#"{"zeta": 1, "tags": [{"value": "v", "key": "k"}], "count": 2, "taskDefinition": "web:3", "alpha": true}"#;
    assert_eq!(
        canonical(text),
        r#"{
  "taskDefinition": "web:3",
  "count": 2,
  "tags": [{"key": "k", "value": "v"}],
  "alpha": true,
  "zeta": 1
}"#
    );
}

#[test]
fn nested_values_share_a_line_when_they_fit() {
    let r = Request::from_json(
        r#"{"networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-00000000000000000", "subnet-00000000000000001", "subnet-00000000000000002"]}}}"#,
    )
    .unwrap();
    let text = r.to_json();
    assert_eq!(
        text,
        r#"{
  "networkConfiguration": {
    "awsvpcConfiguration": {
      "subnets": [
        "subnet-00000000000000000",
        "subnet-00000000000000001",
        "subnet-00000000000000002"
      ]
    }
  }
}"#
    );
    assert!(text.lines().all(|l| l.chars().count() <= WIDTH));
    let large = Request::from_json(FULL).unwrap().to_json();
    assert!(large.lines().count() < 400, "{} lines\n{large}", large.lines().count());
}

#[test]
fn values_of_the_wrong_type_stay_as_they_were() {
    let text = r#"{"count": "3", "tags": {"a": 1}, "overrides": [], "networkConfiguration": {"awsvpcConfiguration": {"subnets": "subnet-1"}},
                   "placementConstraints": [5, {"type": "memberOf", "expression": "x", "other": null}], "enableExecuteCommand": "yes"}"#;
    let out: Value = serde_json::from_str(&canonical(text)).unwrap();
    let want: Value = serde_json::from_str(text).unwrap();
    assert_eq!(out, want);
}

#[test]
fn explicit_empty_members_stay() {
    let text = r#"{"taskDefinition": "t", "tags": [], "overrides": {}, "networkConfiguration": {"awsvpcConfiguration": {"subnets": []}}}"#;
    let out: Value = serde_json::from_str(&canonical(text)).unwrap();
    assert_eq!(out, serde_json::from_str::<Value>(text).unwrap());
}

#[test]
fn removing_the_last_row_removes_the_member() {
    let mut r = Request::from_json(r#"{"tags": [{"key": "a"}]}"#).unwrap();
    let id = r.tags.rows[0].id;
    r.tags.remove(id);
    assert_eq!(r.to_json(), "{}");
}

#[test]
fn capacity_is_a_choice() {
    let mut r = Request::from_json(r#"{"launchType": "EC2", "capacityProviderStrategy": [{"capacityProvider": "FARGATE"}]}"#).unwrap();
    assert_eq!(r.capacity, Capacity::Both);
    r.choose_capacity(Capacity::LaunchType);
    assert_eq!(r.to_json(), "{\n  \"launchType\": \"EC2\"\n}");
    r.choose_capacity(Capacity::Strategy);
    assert!(r.to_json().contains("capacityProviderStrategy") && !r.to_json().contains("launchType"));
    r.choose_capacity(Capacity::ClusterDefault);
    assert_eq!(r.to_json(), "{}");

    let mut fresh = Request::default();
    fresh.choose_capacity(Capacity::LaunchType);
    assert_eq!(str_of(&fresh.launch_type), Some("FARGATE"));
    assert!(fresh.is_fargate());
    let mut fresh = Request::default();
    fresh.choose_capacity(Capacity::Strategy);
    assert!(fresh.to_json().contains("\"capacityProvider\": \"FARGATE\""));
    assert!(fresh.is_fargate());
    // As runtask-core reads it: every candidate Fargate's, in any case, launch type and strategy
    // together too (the conflict is RT201's; the Fargate size controls stay).
    for (json, fargate) in [
        (r#"{"launchType": "FARGATE", "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT"}]}"#, true),
        (r#"{"launchType": "fargate"}"#, true),
        (r#"{"launchType": "EC2", "capacityProviderStrategy": [{"capacityProvider": "FARGATE"}]}"#, false),
        (r#"{"capacityProviderStrategy": [{"capacityProvider": "FARGATE"}, {"capacityProvider": "asg"}]}"#, false),
        ("{}", false),
    ] {
        assert_eq!(Request::from_json(json).unwrap().is_fargate(), fargate, "{json}");
    }
    // A chosen strategy with no rows is still written, so the choice survives a round trip.
    let id = fresh.capacity_provider_strategy.rows[0].id;
    fresh.capacity_provider_strategy.remove(id);
    assert_eq!(Request::from_json(&fresh.to_json()).unwrap().capacity, Capacity::Strategy);
}

#[test]
fn field_text_becomes_json() {
    assert_eq!(int_value("12"), Some(Value::from(12)));
    assert_eq!(int_value(" 12 "), Some(Value::from(12)));
    assert_eq!(int_value("twelve"), Some(Value::String("twelve".into())));
    assert_eq!(int_value(""), None);
    assert_eq!(text_value(""), None);
    assert_eq!(text_value(" a "), Some(Value::String(" a ".into())));
    assert_eq!(bool_value(false), None);
    assert_eq!(display(&Some(Value::from(3))), "3");
    assert_eq!(display(&Some(Value::String("x".into()))), "x");
}

#[test]
fn gpu_is_the_gpu_resource_requirement() {
    let mut r = Request::from_json(
        r#"{"overrides": {"containerOverrides": [{"name": "app", "resourceRequirements": [{"type": "InferenceAccelerator", "value": "dev1"}]}]}}"#,
    )
    .unwrap();
    r.overrides.fields.container_overrides.rows[0].fields.set_gpu("2");
    let c = &r.overrides.fields.container_overrides.rows[0].fields;
    assert_eq!(c.gpu(), Some(Value::String("2".into())));
    assert_eq!(c.resource_requirements.rows.len(), 2);
    r.overrides.fields.container_overrides.rows[0].fields.set_gpu("");
    assert!(!r.to_json().contains("GPU"));
    assert!(r.to_json().contains("InferenceAccelerator"));
}

#[test]
fn ids_are_adopted_by_position() {
    let a = Request::from_json(r#"{"tags": [{"key": "a"}, {"key": "b"}]}"#).unwrap();
    let mut b = Request::from_json(r#"{"tags": [{"key": "a2"}, {"key": "b"}, {"key": "c"}]}"#).unwrap();
    b.adopt_ids(&a);
    assert_eq!(b.tags.rows[0].id, a.tags.rows[0].id);
    assert_eq!(b.tags.rows[1].id, a.tags.rows[1].id);
    assert!(!a.tags.ids().contains(&b.tags.rows[2].id));
}

#[test]
fn not_an_object() {
    assert_eq!(Request::from_json("[1]"), Err(ParseError::NotObject));
    assert_eq!(Request::from_json("{"), Err(ParseError::Syntax));
    assert!(Request::from_json("\u{feff}{}").is_ok());
}
