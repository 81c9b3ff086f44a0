//! Load: 200 concurrent valid submits through the proxy to moto launch exactly 200 × count tasks,
//! with no errors. (The latency the proxy adds is measured by `cargo bench -p runtask-proxy`.)

mod support;

use std::time::{Duration, Instant};

use support::moto::Moto;
use support::{settings, Http};

const SUBMITS: usize = 200;
const COUNT: u32 = 2;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_concurrent_submits_launch_exactly_200_times_count_tasks() {
    let moto = Moto::get();
    moto.create_cluster("load");
    let mut s = settings(&moto.url());
    // moto is slow under load; this test is about counts, not time limits.
    s.retry.attempt_timeout = Duration::from_secs(120);
    let proxy = runtask_proxy::start(s).await.unwrap();
    let http = Http::new();
    let body = moto.request("load", COUNT).to_string();
    let url = proxy.url();
    let started = Instant::now();
    let handles: Vec<_> = (0..SUBMITS)
        .map(|_| {
            let (http, url, body) = (http.clone(), url.clone(), body.clone());
            tokio::spawn(async move { http.run_task(&url, &body).await })
        })
        .collect();
    let mut tokens = std::collections::HashSet::new();
    let mut launched = 0;
    for h in handles {
        let answer = h.await.unwrap();
        assert_eq!(answer.status, 200, "{}", answer.text);
        let v = answer.json();
        assert_eq!(v["failures"], serde_json::json!([]), "{v}");
        launched += v["tasks"].as_array().unwrap().len();
        assert!(tokens.insert(v["clientToken"].as_str().unwrap().to_owned()));
    }
    let took = started.elapsed();
    let expected = SUBMITS * COUNT as usize;
    assert_eq!(launched, expected);
    assert_eq!(moto.task_arns("load").len(), expected, "moto's own count");
    eprintln!("{SUBMITS} concurrent submits of count {COUNT}: {expected} tasks in {:.1} s ({:.0} submits/s)", took.as_secs_f64(), SUBMITS as f64 / took.as_secs_f64());
    proxy.stop().await.unwrap();
}
