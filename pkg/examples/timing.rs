//! Times runtask-core's check natively on the shared benchmark inputs (a quick look; the real
//! benchmark is `make bench-js`).
use std::time::Instant;

fn main() {
    for name in ["typical-fargate", "large-near-limits", "invalid-many-mistakes"] {
        let path = format!("{}/../tests/inputs/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let src = std::fs::read_to_string(&path).unwrap();
        let opts = runtask_core::Options::default();
        let n = 5000;
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(runtask_core::check(std::hint::black_box(&src), &opts).unwrap());
        }
        let check = t.elapsed().as_secs_f64() * 1e6 / f64::from(n);
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(runtask_core::json::Document::parse(std::hint::black_box(&src)).unwrap());
        }
        let parse = t.elapsed().as_secs_f64() * 1e6 / f64::from(n);
        // As `validate` encodes after its first call: the rule texts kept.
        let mut texts = runtask_wasm::compact::RuleTexts::new();
        let t = Instant::now();
        for _ in 0..n {
            let r = runtask_core::check(std::hint::black_box(&src), &opts).unwrap();
            let c = runtask_wasm::compact::Compact::encode(&r, &texts);
            texts.keep(&c);
            std::hint::black_box(c.nums.len());
        }
        let full = t.elapsed().as_secs_f64() * 1e6 / f64::from(n);
        println!("{name}: check {check:.2} us, parse {parse:.2} us, check + compact encoding {full:.2} us");
        if std::env::var_os("PER_RULE").is_some() {
            for r in runtask_core::rules() {
                let o = runtask_core::Options { select: vec![r.code.to_owned()], ..Default::default() };
                let t = Instant::now();
                for _ in 0..n {
                    std::hint::black_box(runtask_core::check(std::hint::black_box(&src), &o).unwrap());
                }
                let us = t.elapsed().as_secs_f64() * 1e6 / f64::from(n);
                println!("  {} {}: {us:.2} us", r.code, r.name);
            }
        }
    }
}
