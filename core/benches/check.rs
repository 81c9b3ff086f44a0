//! The full check against `serde_json::from_str::<Value>` alone, on the three shared inputs in
//! tests/inputs/. Goal: the full check costs no more than 1.5× the parse alone.
//!
//! And hostile input: a 60 KiB body of 1400 distinct member names written with `\u` escapes
//! against an ordinary body of the same size (the duplicate-key check once decoded names pair by
//! pair: about 2 s of CPU for the first). Goal: the same order of cost.
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

/// `n` distinct names, `\u`-escaped, and `n` plain names padded to the same body size.
fn escaped_and_plain(n: usize) -> (String, String) {
    let escaped: Vec<String> = (0..n)
        .map(|i| {
            let name: String = format!("k{i:05}").chars().map(|c| format!("\\u{:04x}", c as u32)).collect();
            format!("\"{name}\": 1")
        })
        .collect();
    let escaped = format!("{{{}}}", escaped.join(", "));
    let width = escaped.len() / n - 7;
    let plain: Vec<String> = (0..n).map(|i| format!("\"k{i:0width$}\": 1")).collect();
    (escaped, format!("{{{}}}", plain.join(", ")))
}

fn hostile(c: &mut Criterion) {
    let options = Options::default();
    let (escaped, plain) = escaped_and_plain(1400);
    let mut g = c.benchmark_group("hostile-escaped-names-60KiB");
    g.throughput(Throughput::Bytes(escaped.len() as u64));
    g.bench_function("ordinary names", |b| b.iter(|| check(black_box(&plain), &options).unwrap()));
    g.bench_function("escaped names", |b| b.iter(|| check(black_box(&escaped), &options).unwrap()));
    g.finish();
}

criterion_group!(benches, bench, hostile);
criterion_main!(benches);
