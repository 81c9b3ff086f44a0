//! runtask-lint end to end over 10,000 request files: the real binary walking a directory, with
//! one thread (`-j 1`) and with every core (the default), its report (the default `full` format)
//! written to /dev/null.
//!
//! The files are generated into a temporary directory from the repository's request fixtures
//! (core/tests/fixtures, every rule's valid and invalid cases, and tests/inputs/), taken in turn
//! (each about ten times), into 100 directories of 100 files named `run-task-NNNNN.json`.
//!
//! And check-jsonschema (PyPI; `make tools-python` installs it into .tools/venv, or set
//! CHECK_JSONSCHEMA) with runtask's JSON Schema (`runtask-lint schema`, the schema the npm package
//! ships as runtask.schema.json) against runtask-lint on one thread, both over the same 2,000
//! files: the first that are JSON (check-jsonschema stops with a Python traceback at a file that is
//! not UTF-8), 2,000 because check-jsonschema takes about a second per thousand and criterion
//! wants ten runs.
//!
//! cargo bench -p runtask-lint --no-default-features --bench many_files (or `make bench-cli`)

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const FILES: usize = 10_000;
const PER_DIR: usize = 100;
/// The files check-jsonschema is compared on.
const COMPARED: usize = 2_000;

const LINT: &str = env!("CARGO_BIN_EXE_runtask-lint");

/// The request fixtures: every `.json` file of core/tests/fixtures except the expectations and
/// the dialect fixtures (state machines, templates, scripts), and tests/inputs/, sorted.
fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    collect(&root.join("core/tests/fixtures"), &mut files);
    files.retain(|f| f.extension().is_some_and(|e| e == "json") && !f.ends_with("expect.json") && !f.components().any(|c| c.as_os_str() == "dialect"));
    collect(&root.join("tests/inputs"), &mut files);
    files.retain(|f| f.extension().is_some_and(|e| e == "json"));
    files.sort();
    files
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// A temporary directory, removed when dropped.
struct Corpus {
    dir: PathBuf,
    files: Vec<PathBuf>,
}

impl Corpus {
    fn new() -> Corpus {
        let dir = std::env::temp_dir().join(format!("runtask-bench-many-files-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let sources = fixtures();
        assert!(sources.len() > 1000, "{} request fixtures", sources.len());
        let contents: Vec<Vec<u8>> = sources.iter().map(|f| std::fs::read(f).unwrap()).collect();
        let mut files = Vec::with_capacity(FILES);
        for i in 0..FILES {
            let sub = dir.join(format!("d{:03}", i / PER_DIR));
            if i % PER_DIR == 0 {
                std::fs::create_dir_all(&sub).unwrap();
            }
            let file = sub.join(format!("run-task-{i:05}.json"));
            std::fs::write(&file, &contents[i % contents.len()]).unwrap();
            files.push(file);
        }
        let bytes: usize = (0..FILES).map(|i| contents[i % contents.len()].len()).sum();
        eprintln!("{FILES} files ({} distinct fixtures, {:.1} MB) in {}", contents.len(), bytes as f64 / 1e6, dir.display());
        Corpus { dir, files }
    }
}

impl Drop for Corpus {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Runs `cmd` with its output thrown away; panics unless it exits with `status` (1: errors found).
fn run(cmd: &mut Command, status: i32) {
    let code = cmd.stdout(Stdio::null()).stderr(Stdio::null()).status().unwrap().code();
    assert_eq!(code, Some(status), "{cmd:?}");
}

fn lint(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(LINT);
    c.args(args).current_dir(dir).env_remove("RAYON_NUM_THREADS").env("NO_COLOR", "1");
    c
}

fn check_jsonschema() -> Option<PathBuf> {
    let bin = std::env::var_os("CHECK_JSONSCHEMA").map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../.tools/venv/bin/check-jsonschema"), PathBuf::from);
    bin.is_file().then_some(bin)
}

fn bench(c: &mut Criterion) {
    let corpus = Corpus::new();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());

    let mut g = c.benchmark_group(format!("runtask-lint-{FILES}-files"));
    g.sample_size(10).throughput(Throughput::Elements(FILES as u64));
    g.bench_function("-j 1", |b| b.iter(|| run(&mut lint(&corpus.dir, &["-j", "1", "."]), 1)));
    g.bench_function(format!("all {cores} cores"), |b| b.iter(|| run(&mut lint(&corpus.dir, &["."]), 1)));
    g.finish();

    let Some(bin) = check_jsonschema() else {
        eprintln!("check-jsonschema not found (make tools-python, or set CHECK_JSONSCHEMA): not compared");
        return;
    };
    let schema = corpus.dir.join("runtask.schema.json");
    let out = Command::new(LINT).arg("schema").output().unwrap();
    assert!(out.status.success());
    std::fs::write(&schema, &out.stdout).unwrap();
    let files: Vec<&Path> = corpus.files.iter().filter(|f| serde_json::from_slice::<serde_json::Value>(&std::fs::read(f).unwrap()).is_ok()).take(COMPARED).map(PathBuf::as_path).collect();
    assert_eq!(files.len(), COMPARED);
    // check-jsonschema reads and validates them all: it reports schema errors, nothing else.
    let out = Command::new(&bin).arg("--schemafile").arg(&schema).args(&files).output().unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.code() == Some(1) && report.starts_with("Schema validation errors") && !report.contains("Failed to parse"), "{report}{}", String::from_utf8_lossy(&out.stderr));
    let mut g = c.benchmark_group(format!("{COMPARED}-files-one-core"));
    g.sample_size(10).throughput(Throughput::Elements(COMPARED as u64));
    g.bench_function("runtask-lint -j 1", |b| b.iter(|| run(lint(&corpus.dir, &["-j", "1"]).args(&files), 1)));
    g.bench_function("check-jsonschema", |b| b.iter(|| run(Command::new(&bin).arg("--schemafile").arg(&schema).args(&files), 1)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
