fn main() {
    let name = std::env::args().nth(1).unwrap_or_else(|| "typical-fargate".into());
    let src = std::fs::read_to_string(format!("{}/../tests/inputs/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let o = runtask_core::Options::default();
    for _ in 0..200_000 { std::hint::black_box(runtask_core::check(std::hint::black_box(&src), &o).unwrap()); }
}
