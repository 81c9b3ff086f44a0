//! The modules of runtask-core form layers, each using only those below it (or its own layer,
//! without a cycle):
//!
//! json, units, decimal → model, data, arn, ids, task_definition, mapped, yaml → diagnostics → query → rule
//! → context → rules → registry → the crate root (lib.rs: the driver), render, schema → extract
//! (a request found in a file, checked through the driver) → dialect (the file readers).
//!
//! Read from the source: every `crate::<module>` a file names outside comments and its tests
//! (the `#[cfg(test)]` tail of a file, and `tests.rs` files).

use std::collections::{BTreeMap, BTreeSet};

mod source;

const LAYERS: &[&[&str]] = &[
    &["json", "units", "decimal"],
    &["model", "data", "arn", "ids", "task_definition", "mapped", "yaml", "detect"],
    &["diagnostics"],
    &["query"],
    &["rule"],
    &["context"],
    &["rules"],
    &["registry"],
    &["lib", "render", "schema"],
    &["extract"],
    &["dialect"],
];

/// What the crate root re-exports from lower modules, by name (`crate::Severity` is
/// `crate::diagnostics::Severity`).
const ROOT_REEXPORTS: &[(&str, &str)] = &[
    ("Severity", "diagnostics"),
    ("Applicability", "diagnostics"),
    ("Diagnostic", "diagnostics"),
    ("Fix", "diagnostics"),
    ("Edit", "diagnostics"),
    ("Label", "diagnostics"),
    ("apply_fixes", "diagnostics"),
    ("Rule", "rule"),
    ("declare_rule", "rule"),
    ("TaskDefinitionError", "task_definition"),
];

fn layer(module: &str) -> usize {
    LAYERS.iter().position(|l| l.contains(&module)).unwrap_or_else(|| panic!("module `{module}` is in no layer: add it to LAYERS"))
}

/// The modules each module names, from the code (not comments, not `#[cfg(test)]` items).
fn uses() -> BTreeMap<String, BTreeSet<String>> {
    let src = source::src();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in source::files(&src) {
        let rel = f.strip_prefix(&src).unwrap();
        let from = rel.iter().next().unwrap().to_string_lossy().trim_end_matches(".rs").to_owned();
        let entry = graph.entry(from.clone()).or_default();
        for (_, line) in source::code_lines(&f) {
            let code = line.split("//").next().unwrap_or("");
            let mut rest = code;
            while let Some(i) = rest.find("crate::") {
                // `$crate::` in macros counts too.
                let after = &rest[i + "crate::".len()..];
                let name: String = after.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '{').collect();
                rest = &after[name.len()..];
                let targets: Vec<String> = if name == "{" || name.is_empty() {
                    // `crate::{a, b}`: each item.
                    let inner = after.trim_start_matches('{').split('}').next().unwrap_or("");
                    inner.split(',').map(|s| s.trim().split("::").next().unwrap_or("").to_owned()).filter(|s| !s.is_empty()).collect()
                } else {
                    vec![name]
                };
                for t in targets {
                    let module = match ROOT_REEXPORTS.iter().find(|(n, _)| *n == t) {
                        Some((_, m)) => (*m).to_owned(),
                        None if t.starts_with(char::is_lowercase) && LAYERS.iter().any(|l| l.contains(&t.as_str())) => t,
                        // Anything else named at the root (`crate::check`, `crate::Options`) is the root's.
                        None => "lib".to_owned(),
                    };
                    if module != from {
                        entry.insert(module);
                    }
                }
            }
        }
    }
    graph
}

#[test]
fn modules_use_only_lower_layers() {
    let graph = uses();
    let mut wrong = Vec::new();
    for (from, targets) in &graph {
        for t in targets {
            if layer(t) > layer(from) {
                wrong.push(format!("{from} (layer {}) uses {t} (layer {})", layer(from), layer(t)));
            }
        }
    }
    assert!(wrong.is_empty(), "upward uses:\n{}", wrong.join("\n"));
}

#[test]
fn modules_form_no_cycle() {
    let graph = uses();
    // Depth-first search for a back edge.
    fn visit(n: &str, graph: &BTreeMap<String, BTreeSet<String>>, state: &mut BTreeMap<String, u8>, path: &mut Vec<String>) -> Option<Vec<String>> {
        match state.get(n) {
            Some(1) => {
                let start = path.iter().position(|p| p == n).unwrap();
                let mut cycle = path[start..].to_vec();
                cycle.push(n.to_owned());
                return Some(cycle);
            }
            Some(2) => return None,
            _ => {}
        }
        state.insert(n.to_owned(), 1);
        path.push(n.to_owned());
        for t in graph.get(n).into_iter().flatten() {
            if let Some(c) = visit(t, graph, state, path) {
                return Some(c);
            }
        }
        path.pop();
        state.insert(n.to_owned(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in graph.keys() {
        if let Some(cycle) = visit(n, &graph, &mut state, &mut Vec::new()) {
            panic!("import cycle: {}", cycle.join(" → "));
        }
    }
    assert!(graph.len() >= 15, "the source was not read: {graph:?}");
}

/// The test itself: a use that goes up is caught.
#[test]
fn an_upward_use_would_be_caught() {
    assert!(layer("context") > layer("rule") && layer("rule") > layer("diagnostics") && layer("rules") > layer("context"));
    let graph = uses();
    assert!(graph["context"].contains("rule"), "context uses rule::Rule: {:?}", graph["context"]);
    assert!(graph["rules"].contains("context"));
}
