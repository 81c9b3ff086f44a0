//! Runs the check on a file many times, for profilers (valgrind --tool=callgrind, perf):
//! cargo run --release -p runtask-core --example check_loop -- tests/inputs/typical-fargate.json 1000

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: check_loop FILE [ITERATIONS]");
    let n: usize = args.next().map_or(1000, |s| s.parse().expect("iterations"));
    let src = std::fs::read_to_string(&path).expect("read");
    let mut count = 0;
    for _ in 0..n {
        count += runtask_core::check(&src, &runtask_core::Options::default()).expect("options").diagnostics.len();
    }
    println!("{} diagnostics per run", count / n.max(1));
}
