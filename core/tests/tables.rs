//! Each limit has one source: a constant of `data/limits.rs` is there because something reads it
//! (a rule or the JSON Schema); limits the botocore model carries are read from the model only.

mod source;

/// The constants of `limits` that nothing in `code` names.
fn unused(limits: &str, code: &str, own_uses: &str) -> Vec<String> {
    limits
        .lines()
        .filter_map(|l| l.strip_prefix("pub const ").or_else(|| l.strip_prefix("pub static ")))
        .filter_map(|l| l.split(':').next())
        .map(str::trim)
        .filter(|name| {
            let is_word = |text: &str| text.match_indices(name).any(|(i, _)| {
                let before = text[..i].chars().next_back();
                let after = text[i + name.len()..].chars().next();
                !before.is_some_and(|c| c.is_alphanumeric() || c == '_') && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
            });
            !is_word(code) && !is_word(own_uses)
        })
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_limit_is_read() {
    let root = source::src();
    let limits = std::fs::read_to_string(root.join("data/limits.rs")).unwrap();
    // Code only: tests do not count as a use.
    let code: String = source::files(&root)
        .iter()
        .filter(|f| !f.ends_with("data/limits.rs"))
        .flat_map(|f| source::code_lines(f).into_iter().map(|(_, l)| l + "\n"))
        .collect();
    // Uses inside limits.rs itself: the schema table names the constants.
    let own_uses: String = limits.lines().filter(|l| !l.starts_with("pub const ") && !l.starts_with("pub static ")).collect::<Vec<_>>().join("\n");
    let found = unused(&limits, &code, &own_uses);
    assert!(found.is_empty(), "limits nothing reads (delete them, or read them where the rule checks): {found:?}");
    // The check itself.
    assert_eq!(unused("pub const A_MAX: usize = 1;\npub const B: u8 = 2;", "let x = A_MAX;", ""), ["B"]);
}
