//! Runs the check on a file many times, for profilers (valgrind --tool=callgrind, perf):
//! cargo run --release -p runtask-core --example check_loop -- tests/inputs/typical-fargate.json 1000
//! With SERDE_ONLY set it times `serde_json::from_str::<Value>` instead, for comparison; with
//! DETECT_ONLY, the detection of what the text is written in (`detect::detect`, which the npm
//! package's `validate` runs on every call); with DETECT_AND_CHECK, what `validate` runs on JSON
//! text: one parse (`prepare`), detection from the document, the check of that document.

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: check_loop FILE [ITERATIONS]");
    let n: usize = args.next().map_or(1000, |s| s.parse().expect("iterations"));
    let src = std::fs::read_to_string(&path).expect("read");
    let mut count = 0;
    if std::env::var_os("DETECT_ONLY").is_some() {
        for _ in 0..n {
            count += usize::from(runtask_core::detect::detect(None, std::hint::black_box(&src)).is_some());
        }
        println!("{count}");
        return;
    }
    if std::env::var_os("DETECT_AND_CHECK").is_some() {
        for _ in 0..n {
            let prepared = runtask_core::prepare(std::hint::black_box(src.as_bytes())).expect("JSON");
            let dialect = prepared.detect(None);
            assert_eq!(dialect, Some(runtask_core::detect::Dialect::Request));
            count += runtask_core::check_prepared(&prepared, &runtask_core::Options::default()).expect("options").diagnostics.len();
        }
        println!("{} diagnostics per run", count / n.max(1));
        return;
    }
    if std::env::var_os("SERDE_ONLY").is_some() {
        for _ in 0..n {
            count += serde_json::from_str::<serde_json::Value>(&src).map_or(0, |v| v.as_object().map_or(0, serde_json::Map::len));
        }
        println!("{count}");
        return;
    }
    for _ in 0..n {
        count += runtask_core::check(&src, &runtask_core::Options::default()).expect("options").diagnostics.len();
    }
    println!("{} diagnostics per run", count / n.max(1));
}
