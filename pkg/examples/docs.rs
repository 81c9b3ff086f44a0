//! Writes the package's documentation files, which the validator's .wasm does not carry (its
//! rules(), schema() and stateMachineSchema() read them: js/docs.js):
//! `<dist>/rules.json` (every rule's metadata and docs, [`runtask_wasm::rule_infos`]) and
//! `<pkg>/runtask.schema.json`, `<pkg>/runtask.asl.schema.json` (the JSON Schemas, for editors).
//! Usage: `cargo run -p runtask-wasm --example docs -- <pkg dir> <dist dir>` (pkg/scripts/build.sh).

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [pkg, dist] = args.as_slice() else {
        eprintln!("usage: docs <pkg dir> <dist dir>");
        return ExitCode::from(2);
    };
    let schema = |v: serde_json::Value| serde_json::to_string_pretty(&v).map(|s| s + "\n");
    let files = [
        (dist.join("rules.json"), serde_json::to_string(&runtask_wasm::rule_infos())),
        (pkg.join("runtask.schema.json"), schema(runtask_core::schema::json_schema())),
        (pkg.join("runtask.asl.schema.json"), schema(runtask_core::dialect::schema::state_machine_schema())),
    ];
    for (path, text) in files {
        let written = text.map_err(|e| e.to_string()).and_then(|t| std::fs::write(&path, t).map_err(|e| e.to_string()));
        if let Err(e) = written {
            eprintln!("docs: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
