//! Helpers for the end-to-end tests: a scratch directory of files, and the binary run in it.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A temporary directory, removed when dropped.
pub struct Scratch {
    pub dir: PathBuf,
}

impl Scratch {
    pub fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("runtask-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch { dir }
    }

    /// Writes `text` to `rel`, creating the directories.
    pub fn file(&self, rel: &str, text: &str) -> &Self {
        let path = self.dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        self
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.dir.join(rel)).unwrap()
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.join(rel)
    }

    /// Runs runtask-lint in the directory, with no colour variables from the environment.
    pub fn lint(&self, args: &[&str]) -> Output {
        self.lint_env(args, &[])
    }

    /// Runs runtask-lint in the subdirectory `sub`.
    pub fn lint_in(&self, sub: &str, args: &[&str]) -> Output {
        command(&self.dir.join(sub), args).output().unwrap()
    }

    pub fn lint_env(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut c = command(&self.dir, args);
        c.envs(env.iter().copied());
        c.output().unwrap()
    }

    pub fn lint_stdin(&self, args: &[&str], input: &[u8]) -> Output {
        let mut child = command(&self.dir, args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        child.wait_with_output().unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

pub fn command(dir: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_runtask-lint"));
    c.args(args).current_dir(dir).env_remove("NO_COLOR").env_remove("FORCE_COLOR").env_remove("CLICOLOR_FORCE");
    c
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// A valid request with no finding at all.
pub const GOOD: &str = "{\"taskDefinition\": \"web:3\", \"cluster\": \"batch\", \"launchType\": \"EC2\"}\n";

/// One finding: RT106 (`count` 0) at line 3, column 12.
pub const BAD: &str = "{\n  \"taskDefinition\": \"web:3\", \"cluster\": \"batch\", \"launchType\": \"EC2\",\n  \"count\": 0\n}\n";

/// The files named in `--format json` output, in order.
pub fn files_of(o: &Output) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)));
    v.as_array().unwrap().iter().map(|f| f["file"].as_str().unwrap().to_owned()).collect()
}

/// The codes reported for each file in `--format json` output.
pub fn codes_of(o: &Output) -> Vec<(String, Vec<String>)> {
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)));
    v.as_array()
        .unwrap()
        .iter()
        .map(|f| (f["file"].as_str().unwrap().to_owned(), f["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap().to_owned()).collect()))
        .collect()
}
