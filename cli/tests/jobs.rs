//! Files are read and checked on several threads (`--jobs`, `RAYON_NUM_THREADS`); the output is
//! the same, byte for byte and in the order of the arguments, as with one thread: over every
//! fixture of core (requests, state machines, templates, scripts), with files that cannot be read,
//! files in which no request is found, and in every output format.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{command, files_of, stderr, stdout, Scratch};

/// Every fixture of core, copied into `s` under `repo/`: the request fixtures renamed
/// `run-task-*` so that the walk checks them, the dialect fixtures (state machines, templates,
/// scripts) as they are named. Returns the files the walk must check, in walk order.
fn copy_fixtures(s: &Scratch) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures");
    let mut files = Vec::new();
    collect(&root, &mut files);
    assert!(files.len() > 1000, "core's fixtures: {}", files.len());
    let mut checked = Vec::new();
    for file in files {
        let rel = file.strip_prefix(&root).unwrap();
        let name = rel.file_name().unwrap().to_str().unwrap();
        if name == "expect.json" {
            continue;
        }
        let dialect = rel.starts_with("dialect");
        let to = if dialect { rel.to_path_buf() } else { rel.with_file_name(format!("run-task-{name}")) };
        let to = Path::new("repo").join(to);
        std::fs::create_dir_all(s.path(to.parent().unwrap().to_str().unwrap())).unwrap();
        std::fs::copy(&file, s.dir.join(&to)).unwrap();
        if !dialect {
            checked.push(to);
        }
    }
    // The walk's order: each directory's entries sorted by name, depth first.
    checked.sort();
    checked.iter().map(|p| p.to_str().unwrap().to_owned()).collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The fixtures, and beside them files that cannot be read or hold no request.
fn scratch(name: &str) -> (Scratch, Vec<String>) {
    let s = Scratch::new(name);
    let walked = copy_fixtures(&s);
    // Walked and skipped silently: no request is detected in them.
    s.file("repo/zz/package.json", "{\"name\": \"not a request\"}\n").file("repo/zz/build.sh", "cargo build --release\n");
    // Checked, and reported as unreadable or too large.
    std::fs::write(s.path("repo/zz/run-task-latin1.json"), b"{\"cluster\": \"caf\xe9\"}\n").unwrap();
    std::fs::write(s.path("repo/zz/run-task-huge.json"), format!("{{\"taskDefinition\": \"{}\"}}", "x".repeat(1024 * 1024 + 1))).unwrap();
    s.file("repo/zz/run-task-empty.json", "");
    (s, walked)
}

/// The arguments: files that do not exist around the walk, and a file named again after the walk
/// reached it (checked once).
const ARGS: &[&str] = &["gone.json", "repo", "repo/zz/run-task-empty.json", "missing/run-task.yaml"];

fn run(s: &Scratch, extra: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = command(&s.dir, &[ARGS, extra].concat());
    c.env_remove("RAYON_NUM_THREADS").envs(env.iter().copied());
    c.output().unwrap()
}

fn same(a: &Output, b: &Output, what: &str) {
    assert_eq!(a.status.code(), b.status.code(), "{what}: exit status");
    assert!(a.stdout == b.stdout, "{what}: standard output differs:\n--- one thread\n{}\n--- several\n{}", stdout(a), stdout(b));
    assert_eq!(stderr(a), stderr(b), "{what}: standard error");
}

#[test]
fn one_thread_and_several_give_the_same_output_in_the_order_of_the_arguments() {
    let (s, walked) = scratch("jobs");

    let one = run(&s, &["--format", "json", "-j", "1"], &[]);
    assert_eq!(one.status.code(), Some(2), "files could not be read: {}", stderr(&one));
    // The order: the arguments as given, the directory's files sorted by path, depth first.
    let files = files_of(&one);
    let (first, rest) = files.split_first().unwrap();
    let (last, walk) = rest.split_last().unwrap();
    assert_eq!((first.as_str(), last.as_str()), ("gone.json", "missing/run-task.yaml"));
    let mut sorted: Vec<&Path> = walk.iter().map(Path::new).collect();
    sorted.sort();
    assert_eq!(walk.iter().map(Path::new).collect::<Vec<_>>(), sorted, "walk order");
    // Every request fixture and the unreadable files are checked, once; the dialect fixtures in
    // which a request is detected too; package.json and build.sh are not.
    let zz = ["repo/zz/run-task-empty.json", "repo/zz/run-task-huge.json", "repo/zz/run-task-latin1.json"];
    let requests: Vec<&String> = walk.iter().filter(|f| !f.starts_with("repo/dialect/")).collect();
    assert_eq!(requests, walked.iter().chain(&zz.map(str::to_owned)).collect::<Vec<_>>());
    assert!(walk.len() - requests.len() > 20, "dialect fixtures checked: {}", walk.len() - requests.len());

    let report: serde_json::Value = serde_json::from_slice(&one.stdout).unwrap();
    let entry = |name: &str| report.as_array().unwrap().iter().find(|f| f["file"] == name).unwrap().clone();
    assert_eq!(entry("gone.json")["error"], "no such file");
    assert!(entry("repo/zz/run-task-latin1.json")["diagnostics"][0]["code"].is_string());
    assert!(entry("repo/zz/run-task-huge.json")["diagnostics"][0]["code"].is_string());
    let findings: usize = report.as_array().unwrap().iter().map(|f| f["diagnostics"].as_array().map_or(0, Vec::len)).sum();
    assert!(findings > 1000, "the fixtures' findings: {findings}");

    for format in ["json", "full", "concise", "github", "sarif"] {
        let one = run(&s, &["--format", format, "-j", "1"], &[]);
        let four = run(&s, &["--format", format, "--jobs", "4"], &[]);
        same(&one, &four, &format!("--format {format} -j 4"));
        if matches!(format, "json" | "full") {
            // rayon's own setting, and the default (every core); `full` is rendered on the threads.
            same(&one, &run(&s, &["--format", format], &[("RAYON_NUM_THREADS", "3")]), "RAYON_NUM_THREADS=3");
            same(&one, &run(&s, &["--format", format], &[]), "the default");
        }
    }
    for extra in [&["--statistics"][..], &["--show-fixes", "--format", "concise"], &["--diff"]] {
        same(&run(&s, &[extra, &["-j", "1"][..]].concat(), &[]), &run(&s, &[extra, &["-j", "3"][..]].concat(), &[]), &extra.join(" "));
    }
}

#[test]
fn fixes_are_written_and_reported_the_same_with_several_threads() {
    let (one, _) = scratch("jobs-fix-1");
    let (four, _) = scratch("jobs-fix-4");
    let order = files_of(&run(&one, &["--format", "json", "-j", "1"], &[]));
    let a = run(&one, &["--fix", "--unsafe-fixes", "--format", "concise", "-j", "1"], &[]);
    let b = run(&four, &["--fix", "--unsafe-fixes", "--format", "concise", "-j", "4"], &[]);
    same(&a, &b, "--fix");
    // The notes ("<file>: applied N fixes") come in the order of the files.
    let notes = stderr(&a);
    let noted: Vec<&str> = notes.lines().filter_map(|l| l.split_once(": applied ").map(|(f, _)| f)).collect();
    assert!(noted.len() > 50, "fixes applied: {}", stderr(&a));
    let mut sorted = noted.clone();
    sorted.sort_by_key(|f| order.iter().position(|w| w == f).unwrap());
    assert_eq!(noted, sorted);
    for file in order.iter().filter(|f| one.path(f).is_file()) {
        assert_eq!(std::fs::read(one.path(file)).unwrap(), std::fs::read(four.path(file)).unwrap(), "{file} after --fix");
    }
}
