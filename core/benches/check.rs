//! The full check against `serde_json::from_str::<Value>` alone, on the three shared inputs in
//! tests/inputs/. Goal: the full check costs no more than 1.5× the parse alone.
//!
//! cargo bench -p runtask-core --bench check

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use runtask_core::{check, Options};

const INPUTS: &[(&str, &str)] = &[
    ("typical-fargate", include_str!("../../tests/inputs/typical-fargate.json")),
    ("large-near-limits", include_str!("../../tests/inputs/large-near-limits.json")),
    ("invalid-many-mistakes", include_str!("../../tests/inputs/invalid-many-mistakes.json")),
];

fn bench(c: &mut Criterion) {
    let options = Options::default();
    for (name, src) in INPUTS {
        let mut g = c.benchmark_group(*name);
        g.throughput(Throughput::Bytes(src.len() as u64));
        g.bench_function("serde_json::Value", |b| b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(src)).unwrap()));
        g.bench_function("runtask_core::check", |b| b.iter(|| check(black_box(src), &options).unwrap()));
        g.bench_function("json::Document::parse", |b| b.iter(|| runtask_core::json::Document::parse(black_box(src)).unwrap().len()));
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
