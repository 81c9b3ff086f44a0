use super::*;

fn parse(s: &str) -> Document<'_> {
    Document::parse(s).unwrap_or_else(|e| panic!("{s}: {}", e.message()))
}

#[test]
fn keeps_spans_of_keys_and_values() {
    let src = r#"{ "a" : [1, "x\"y"], "b": {"c": null} }"#;
    let doc = parse(src);
    let a = doc.get(doc.root(), "a").unwrap();
    assert_eq!(&src[doc.key_range(a).unwrap().start as usize..doc.key_range(a).unwrap().end as usize], "\"a\"");
    assert_eq!(doc.raw(a), r#"[1, "x\"y"]"#);
    let s = doc.children(a).nth(1).unwrap();
    assert_eq!(doc.str(s).unwrap(), "x\"y");
    assert_eq!(doc.pointer(s).as_str(), "/a/1");
    let c = doc.path(doc.root(), &["b", "c"]).unwrap();
    assert_eq!(doc.kind(c), Kind::Null);
    assert_eq!(doc.resolve("/b/c"), Some(c));
}

#[test]
fn numbers_keep_their_text() {
    let doc = parse(r#"{"a": 1.0, "b": 123456789012345678901234567890, "c": -0, "d": 2e3}"#);
    let r = doc.root();
    assert_eq!(doc.int(doc.get(r, "a").unwrap()), None);
    assert_eq!(doc.raw(doc.get(r, "b").unwrap()), "123456789012345678901234567890");
    assert_eq!(doc.int(doc.get(r, "b").unwrap()), None);
    assert_eq!(doc.int(doc.get(r, "c").unwrap()), Some(0));
    assert_eq!(doc.int(doc.get(r, "d").unwrap()), None);
}

#[test]
fn duplicate_keys_last_wins() {
    let doc = parse(r#"{"a": 1, "a": 2}"#);
    assert_eq!(doc.get_int(doc.root(), "a"), Some(2));
    assert_eq!(doc.child_count(doc.root()), 2);
    // Whatever the spelling, and in objects above the size compared pair by pair.
    let doc = parse(r#"{"a": 1, "\u0061": 2, "b": 3, "a": 4, "\u0062": 5}"#);
    assert_eq!((doc.get_int(doc.root(), "a"), doc.get_int(doc.root(), "b")), (Some(4), Some(5)));
    let many: Vec<String> = (0..100).map(|i| format!("\"k{}\": {i}", i % 7)).collect();
    let src = format!("{{{}}}", many.join(","));
    let doc = parse(&src);
    assert_eq!(doc.get_int(doc.root(), "k3"), Some(94));
    assert_eq!(doc.get_int(doc.root(), "k7"), None);
}

#[test]
fn pointer_escapes() {
    let doc = parse(r#"{"a/b": {"m~n": 1}}"#);
    let n = doc.path(doc.root(), &["a/b", "m~n"]).unwrap();
    assert_eq!(doc.pointer(n).as_str(), "/a~1b/m~0n");
    assert_eq!(doc.resolve("/a~1b/m~0n"), Some(n));
}

#[test]
fn escaped_keys_and_unicode() {
    let doc = parse(r#"{"\u0074ags": "\ud83d\ude00 \u00e9", "x": "\ud800"}"#);
    let t = doc.get(doc.root(), "tags").unwrap();
    assert_eq!(doc.str(t).unwrap(), "😀 é");
    assert_eq!(doc.get_str(doc.root(), "x").unwrap(), "\u{FFFD}");
}

#[test]
fn rejects_what_rfc_8259_rejects() {
    for (src, offset) in [
        ("", 0),
        ("   ", 3),
        ("{", 1),
        ("{\"a\":1,}", 7),
        ("[1,]", 3),
        ("{'a':1}", 1),
        ("{\"a\":01}", 6),
        ("{\"a\":1.}", 7),
        ("{\"a\":-}", 6),
        ("{\"a\":\"\t\"}", 6),
        ("{\"a\":\"\\x\"}", 6),
        ("{\"a\":\"\\u12\"}", 6),
        ("{\"a\":1} x", 8),
        ("// c\n{}", 0),
        ("{\"a\" 1}", 5),
        ("{a:1}", 1),
        ("[1 2]", 3),
        ("nul", 0),
        ("{\"a\":tru}", 5),
        ("\"abc", 4),
    ] {
        let err = Document::parse(src).err().unwrap_or_else(|| panic!("{src:?} parsed"));
        assert_eq!(err.offset, offset, "{src:?}: {}", err.message());
    }
}

#[test]
fn depth_limit_is_a_parse_error_not_a_crash() {
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    let err = Document::parse(&deep).err().unwrap();
    assert_eq!(err.kind, ParseErrorKind::TooDeep);
    let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
    assert!(Document::parse(&ok).is_ok());
}

#[test]
fn agrees_with_serde_json_on_validity() {
    for src in ["{}", "[]", "0", "-1.5e+3", "\"\\/\"", "{\"a\":[{},[],\"\",true,false,null]}", " \r\n\t{ } "] {
        assert!(Document::parse(src).is_ok(), "{src}");
        assert!(serde_json::from_str::<serde_json::Value>(src).is_ok(), "{src}");
    }
}

#[test]
fn line_index_counts_crlf_once_and_utf16() {
    let src = "{\r\n\"a\": \"日本\",\r\n\"b\": 1}";
    let idx = LineIndex::new(src);
    let b = src.find("\"b\"").unwrap() as u32;
    let p = idx.position(b);
    assert_eq!((p.line, p.column), (3, 1));
    let after = src.find("\",").unwrap() as u32;
    let p = idx.position(after);
    assert_eq!((p.line, p.column, p.utf16_column), (2, 9, 9));
    let emoji = "{\"a\":\"😀x\"}";
    let idx = LineIndex::new(emoji);
    let x = emoji.find('x').unwrap() as u32;
    let p = idx.position(x);
    assert_eq!((p.column, p.utf16_column, p.utf16_offset), (8, 9, 8));
}

/// The line index against a naive count, on text with every kind of line break and non-ASCII.
#[test]
fn line_index_matches_a_naive_count() {
    use proptest::prelude::*;
    let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config { cases: 3000, ..Default::default() });
    let text = proptest::collection::vec(prop_oneof![Just("\n"), Just("\r\n"), Just("\r"), Just("a"), Just(" "), Just("é"), Just("😀"), Just("日本")], 0..80).prop_map(|v| v.concat());
    runner
        .run(&text, |src| {
            let idx = LineIndex::new(&src);
            let (mut line, mut col, mut col16) = (1u32, 1u32, 1u32);
            let mut chars = src.char_indices().peekable();
            let mut offset16 = 0u32;
            loop {
                let at = chars.peek().map_or(src.len(), |(i, _)| *i);
                let p = idx.position(at as u32);
                prop_assert_eq!((p.line, p.column, p.utf16_column, p.utf16_offset), (line, col, col16, offset16), "offset {} in {:?}", at, src);
                prop_assert_eq!(idx.utf16_offset(at as u32), offset16, "offset {} in {:?}", at, src);
                let Some((_, c)) = chars.next() else { break };
                offset16 += c.len_utf16() as u32;
                if c == '\n' || (c == '\r' && chars.peek().map(|(_, n)| *n) != Some('\n')) {
                    line += 1;
                    col = 1;
                    col16 = 1;
                } else if c == '\r' {
                    // The `\r` of `\r\n`: the break comes after the `\n`; the `\n` itself sits on
                    // the same line, one column on.
                    col += 1;
                    col16 += 1;
                } else {
                    col += 1;
                    col16 += c.len_utf16() as u32;
                }
            }
            Ok(())
        })
        .unwrap();
}

/// A body of `n` distinct member names, each written with `\u` escapes (`"\u006b\u0030…"`), and
/// an ordinary body of the same size with plain names.
fn escaped_and_plain_bodies(n: usize) -> (String, String) {
    let escaped: Vec<String> = (0..n).map(|i| {
        let name: String = format!("k{i:05}").chars().map(|c| format!("\\u{:04x}", c as u32)).collect();
        format!("\"{name}\": 1")
    }).collect();
    let escaped = format!("{{{}}}", escaped.join(", "));
    let width = escaped.len() / n - 7;
    let plain: Vec<String> = (0..n).map(|i| format!("\"k{i:0width$}\": 1")).collect();
    let plain = format!("{{{}}}", plain.join(", "));
    (escaped, plain)
}

/// Strings decoded by one full check of `src`.
fn decodes(src: &str) -> usize {
    strings::DECODED.with(|d| d.set(0));
    let report = crate::check(src, &crate::Options::default()).unwrap();
    assert!(report.diagnostics.iter().any(|d| d.code == "RT101"), "the body was checked");
    strings::DECODED.with(std::cell::Cell::get)
}

/// Issue 8: a 60 KiB body of thousands of distinct `\u`-escaped names costs what an ordinary body
/// of the same size costs, give or take a constant: each name is decoded a bounded number of
/// times, not once per other name (the duplicate-key check unescaped names pair by pair: ~n²/2
/// decodes, about 2 s of CPU). Counted, not timed.
#[test]
fn escaped_member_names_cost_linear_work() {
    let (escaped, plain) = escaped_and_plain_bodies(1400);
    assert!((55 * 1024..70 * 1024).contains(&escaped.len()), "{} bytes", escaped.len());
    assert!(plain.len().abs_diff(escaped.len()) < escaped.len() / 20, "{} vs {}", plain.len(), escaped.len());
    let ordinary = decodes(&plain);
    let hostile = decodes(&escaped);
    assert_eq!(ordinary, 0, "plain names need no decoding");
    // A bounded number of decodes per name (the parser, the request index, the shape map, the
    // rules that look members up by name: 6 when this was written), and twice the names cost
    // twice the decodes.
    assert!(hostile <= 1400 * 32, "{hostile} decodes for 1400 names");
    let (twice, _) = escaped_and_plain_bodies(2800);
    let hostile_twice = decodes(&twice);
    eprintln!("decodes: {hostile} for 1400 escaped names, {hostile_twice} for 2800");
    assert!(hostile_twice <= hostile * 5 / 2, "{hostile} decodes for 1400 names, {hostile_twice} for 2800: not linear");
}

/// Repeated names cost linear work too: every name written twice, escaped, the second time in
/// the same order (so finding each one's later duplicate by scanning would cost n²).
#[test]
fn repeated_escaped_member_names_cost_linear_work() {
    let body = |n: usize| {
        let names: Vec<String> = (0..n).map(|i| format!("k{i:05}").chars().map(|c| format!("\\u{:04x}", c as u32)).collect()).collect();
        let members: Vec<String> = names.iter().chain(&names).map(|name| format!("\"{name}\": 1")).collect();
        format!("{{{}}}", members.join(", "))
    };
    let (once, twice) = (decodes(&body(700)), decodes(&body(1400)));
    eprintln!("decodes: {once} for 700 repeated names, {twice} for 1400");
    assert!(once <= 1400 * 32, "{once} decodes for 1400 members");
    assert!(twice <= once * 5 / 2, "{once} decodes for 1400 members, {twice} for 2800: not linear");
    let report = crate::check(&body(700), &crate::Options::default()).unwrap();
    assert_eq!(report.diagnostics.iter().filter(|d| d.code == "RT006").count(), 700);
}

/// Members shadowed by a later one of the same name, in objects below and above the size where
/// the parser switches from its 256-bit set of name hashes to a hash set (`abc` and `axc` fall
/// alike in the first, so equal hashes are compared): as a plain search says (and the
/// document says it has some exactly when there are).
#[test]
fn shadowed_members_at_every_object_size() {
    use proptest::prelude::*;
    let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config { cases: 400, ..Default::default() });
    runner
        .run(&proptest::collection::vec(prop_oneof![Just("a"), Just("b"), Just("ab"), Just("ba"), Just("c"), Just("cpu"), Just("\\u0061"), Just("abc"), Just("axc")], 0..48), |names| {
            let members: Vec<String> = names.iter().enumerate().map(|(i, n)| format!("\"{n}\": {i}")).collect();
            let src = format!("{{{}}}", members.join(", "));
            let doc = parse(&src);
            let decoded: Vec<&str> = names.iter().map(|n| if *n == "\\u0061" { "a" } else { n }).collect();
            let expected: Vec<bool> = (0..decoded.len()).map(|i| decoded[i + 1..].contains(&decoded[i])).collect();
            let found: Vec<bool> = doc.children(doc.root()).map(|c| doc.is_shadowed(c)).collect();
            prop_assert_eq!(doc.has_shadowed(), expected.contains(&true), "{:?}", names);
            prop_assert_eq!(found, expected, "{:?}", names);
            Ok(())
        })
        .unwrap();
}

/// The duplicates are found all the same, escaped or not, and each once.
#[test]
fn duplicates_are_found_whatever_the_spelling() {
    let doc = parse(r#"{"a": 1, "\u0061": 2, "b": 3, "\u0062": 4, "a": 5, "c": 6}"#);
    let shadowed: Vec<u32> = doc.children(doc.root()).filter(|&c| doc.is_shadowed(c)).map(|c| doc.index(c)).collect();
    assert_eq!(shadowed, [0, 1, 2]);
    let many: Vec<String> = (0..100).map(|i| format!("\"k{}\": {i}", i % 7)).collect();
    let src = format!("{{{}}}", many.join(","));
    let doc = parse(&src);
    assert_eq!(doc.children(doc.root()).filter(|&c| !doc.is_shadowed(c)).count(), 7);
}

/// Every position in non-ASCII text (emoji, CRLF, a lone CR) agrees with counting from the start,
/// though the index counts each line's UTF-16 start once.
#[test]
fn non_ascii_positions_match_counting_from_the_start() {
    let src = "{\"a\": \"é\",\r\n \"b\": \"😀x\"\r \"c\":\n\"ü😀\"}\n";
    let index = LineIndex::new(src);
    // (Between the `\r` and `\n` of a CRLF is still the first line's end.)
    let inside_crlf = |o: usize| o > 0 && src.as_bytes()[o - 1] == b'\r' && src.as_bytes().get(o) == Some(&b'\n');
    for offset in (0..=src.len()).filter(|&o| src.is_char_boundary(o) && !inside_crlf(o)) {
        let p = index.position(offset as u32);
        let before = &src[..offset];
        let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
        assert_eq!(p.utf16_offset as usize, before.encode_utf16().count(), "offset {offset}");
        assert_eq!(p.utf16_column as usize, src[line_start..offset].encode_utf16().count() + 1, "offset {offset}");
        assert_eq!(p.column as usize, src[line_start..offset].chars().count() + 1, "offset {offset}");
    }
}

/// Positions asked for in any order, as the remembered last line is reused or not, are those of
/// an index asked for that one position alone.
#[test]
fn positions_do_not_depend_on_the_order_asked() {
    use proptest::prelude::*;
    let src = "{\n  \"a\": 1,\r\n\n  \"b\": [\r 2,\n    3],\n  \"c\": \"\u{e9}\"\n}";
    let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config { cases: 500, ..Default::default() });
    runner
        .run(&proptest::collection::vec(0..=src.len() as u32 + 2, 1..20), |offsets| {
            let index = LineIndex::new(src);
            for &o in &offsets {
                prop_assert_eq!(index.position(o), LineIndex::new(src).position(o), "{:?}", offsets);
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn pointer_escapes_are_found_at_every_offset() {
    for len in 0..20 {
        for at in 0..len {
            for c in ['~', '/', '.', '\u{7f}', '\u{fe}'] {
                let mut key: Vec<char> = vec!['a'; len];
                key[at] = c;
                let key: String = key.into_iter().collect();
                let src = format!("{{{}: 1}}", crate::json::json_string(&key));
                let doc = Document::parse(&src).unwrap();
                let member = doc.children(doc.root()).next().unwrap();
                let pointer = doc.pointer(member);
                assert_eq!(pointer.as_str(), format!("/{}", escape_segment(&key)), "{key:?}");
            }
        }
    }
}

/// The line starts the parser finds on its way are the ones the line index finds in the text, on
/// JSON with every kind of line break between its tokens.
#[test]
fn parser_line_starts_match_the_scan() {
    use proptest::prelude::*;
    let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config { cases: 2000, ..Default::default() });
    // Indentation runs of up to 20 spaces reach the parser's eight-at-a-time skip after a line
    // break, with its chunk ends at every offset.
    let indent = (0usize..21).prop_map(|n| format!("\n{}", " ".repeat(n)));
    let piece = prop_oneof![Just(" ".to_owned()), Just("\t".to_owned()), Just("\n".to_owned()), Just("\r\n".to_owned()), Just("\r".to_owned()), Just("\n\r".to_owned()), Just("  ".to_owned()), indent];
    let ws = proptest::collection::vec(piece, 0..4).prop_map(|v| v.concat());
    let tokens = ["{", "\"a\"", ":", "[", "1", ",", "\"é\\n\"", "]", ",", "\"b\"", ":", "null", "}"];
    runner
        .run(&proptest::collection::vec(ws, tokens.len() + 1), |gaps| {
            let mut src = String::new();
            for (gap, token) in gaps.iter().zip(tokens.iter().map(|t| Some(*t)).chain([None])) {
                src.push_str(gap);
                src.extend(token);
            }
            let doc = Document::parse(&src).expect("valid JSON");
            let index = doc.line_index();
            prop_assert_eq!(index.line_count(), LineIndex::new(&src).line_count());
            prop_assert_eq!(&doc.line_starts, &LineIndex::scanned_starts(&src), "{:?}", src);
            // White space skipped, tokens kept: the values are where the text has them.
            prop_assert_eq!(doc.resolve("/a/0").map(|n| doc.raw(n)), Some("1"), "{:?}", src);
            prop_assert_eq!(doc.resolve("/b").map(|n| doc.kind(n)), Some(crate::json::Kind::Null), "{:?}", src);
            Ok(())
        })
        .unwrap();
    // A byte-order mark before the document, and every fixture-sized input of the repository.
    let bom = "\u{feff}{\r\n\"a\": 1\r}\n";
    let doc = Document::parse_from(bom, 3).unwrap();
    assert_eq!(doc.line_starts, LineIndex::scanned_starts(bom));
    for name in ["typical-fargate", "large-near-limits", "invalid-many-mistakes"] {
        let src = std::fs::read_to_string(format!("{}/../tests/inputs/{name}.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
        assert_eq!(Document::parse(&src).unwrap().line_starts, LineIndex::scanned_starts(&src), "{name}");
    }
}

/// The document read back as a `serde_json::Value` (the last of duplicate members wins, as in
/// serde_json), with every node's parent, position among its siblings and span checked on the way.
fn to_value(doc: &Document<'_>, id: NodeId) -> serde_json::Value {
    use serde_json::Value;
    let raw = doc.raw(id);
    match doc.kind(id) {
        Kind::Null => Value::Null,
        Kind::Bool => Value::Bool(doc.bool(id).unwrap()),
        Kind::Number => serde_json::from_str(raw).unwrap(),
        Kind::String => Value::String(doc.str(id).unwrap().into_owned()),
        Kind::Array | Kind::Object => {
            assert!(raw.starts_with(['[', '{']) && raw.ends_with([']', '}']), "{raw:?}");
            let children: Vec<NodeId> = doc.children(id).collect();
            assert_eq!(children.len(), doc.child_count(id));
            for (i, &c) in children.iter().enumerate() {
                assert_eq!(doc.parent(c), Some(id));
                assert_eq!(doc.index(c) as usize, i);
                assert!(doc.range(id).contains_range(doc.member_range(c)));
            }
            if doc.kind(id) == Kind::Array {
                Value::Array(children.iter().map(|&c| to_value(doc, c)).collect())
            } else {
                let mut map = serde_json::Map::new();
                for &c in &children {
                    let name = doc.key(c).unwrap().into_owned();
                    // Shadowed exactly when a later member has the same (decoded) name.
                    let later = children.iter().skip_while(|&&o| o != c).skip(1).any(|&o| doc.key(o).unwrap() == name);
                    assert_eq!(doc.is_shadowed(c), later, "{name}");
                    map.insert(name, to_value(doc, c));
                }
                Value::Object(map)
            }
        }
        Kind::Dynamic => unreachable!("the parser makes no dynamic nodes"),
    }
}

/// Random JSON texts, nested, with white space and names that repeat.
fn json_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let ws = prop_oneof![Just(""), Just(" "), Just("\n  "), Just("\r\n"), Just("\t")];
    let scalar = prop_oneof![
        Just("null".to_owned()), Just("true".to_owned()), Just("false".to_owned()), Just("0".to_owned()), Just("-12.5e-3".to_owned()),
        Just("\"\"".to_owned()), Just("\"plain\"".to_owned()), Just("\"é\\n\\u00e9\"".to_owned()),
    ];
    let name = prop_oneof![Just("\"a\""), Just("\"b\""), Just("\"\\u0061\""), Just("\"\""), Just("\"cpu\"")];
    scalar.prop_recursive(5, 48, 6, move |inner| {
        let member = (name.clone(), ws.clone(), inner.clone()).prop_map(|(n, w, v)| format!("{n}{w}:{w}{v}"));
        prop_oneof![
            (proptest::collection::vec(inner, 0..6), ws.clone()).prop_map(|(items, w)| format!("[{w}{}{w}]", items.join(&format!("{w},")))),
            (proptest::collection::vec(member, 0..6), ws.clone()).prop_map(|(items, w)| format!("{{{w}{}{w}}}", items.join(&format!(",{w}")))),
        ]
    })
}

/// On random JSON texts, whole and with one byte removed or one token inserted: the parser
/// accepts exactly what serde_json accepts, and what it reads is serde_json's value, node by node.
#[test]
fn reads_what_serde_json_reads() {
    use proptest::prelude::*;
    let damage = prop_oneof![6 => Just(None), 1 => Just(Some("")), 1 => Just(Some(",")), 1 => Just(Some("}")), 1 => Just(Some("\"")), 1 => Just(Some(":")), 1 => Just(Some("["))];
    let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config { cases: 3000, ..Default::default() });
    let accepted = std::cell::Cell::new(0);
    let rejected = std::cell::Cell::new(0);
    runner
        .run(&(json_text(), any::<proptest::sample::Index>(), damage), |(mut src, at, damage)| {
            if let Some(insert) = damage {
                let i = at.index(src.len());
                if src.is_char_boundary(i) && src.is_char_boundary(i + 1) {
                    src.replace_range(i..i + 1, insert);
                }
            }
            let ours = Document::parse(&src);
            let theirs = serde_json::from_str::<serde_json::Value>(&src);
            prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: {:?}", src, ours.err().map(|e| e.message()));
            if let (Ok(doc), Ok(value)) = (ours, theirs) {
                prop_assert_eq!(to_value(&doc, doc.root()), value, "{:?}", src);
                accepted.set(accepted.get() + 1);
            } else {
                rejected.set(rejected.get() + 1);
            }
            Ok(())
        })
        .unwrap();
    assert!(accepted.get() > 1000 && rejected.get() > 500, "{} accepted, {} rejected", accepted.get(), rejected.get());
}

/// The parser's finding that the text is ASCII (which spares the line index its own scan) is
/// `str::is_ascii`, on random texts, with names and values in and out of ASCII, and after a
/// byte-order mark.
#[test]
fn ascii_as_the_parser_finds_it() {
    use proptest::prelude::*;
    let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config { cases: 2000, ..Default::default() });
    let name = prop_oneof![Just("a"), Just("é"), Just("\\u00e9"), Just("long name of sixteen"), Just("日本")];
    runner
        .run(&(proptest::collection::vec((name.clone(), name), 0..6), any::<bool>()), |(members, bom)| {
            let body: Vec<String> = members.iter().map(|(k, v)| format!("\"{k}\": \"{v}\"")).collect();
            let src = format!("{}{{{}}}", if bom { "\u{feff}" } else { "" }, body.join(",\n  "));
            let doc = Document::parse_from(&src, if bom { 3 } else { 0 }).unwrap();
            prop_assert_eq!(doc.ascii, src.is_ascii(), "{:?}", src);
            Ok(())
        })
        .unwrap();
    for src in ["{}", "[\"é\"]", "{\"é\": 1}", "[\"0123456789abcdeé\"]", "[\"0123456789abcdef\"]"] {
        assert_eq!(Document::parse(src).unwrap().ascii, src.is_ascii(), "{src}");
    }
}

/// `integer_value` reads what `is_integer_text` accepts and `str::parse` gives: any sign and
/// digits (up to and past 18, at and past the ends of `i64`), and texts with other bytes.
#[test]
fn integer_value_is_the_checked_parse() {
    use proptest::prelude::*;
    let reference = |s: &str| if is_integer_text(s) { s.parse::<i64>().ok() } else { None };
    for s in ["", "-", "0", "-0", "007", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "999999999999999999", "1e3", "1.0", "+1", " 1", "1 "] {
        assert_eq!(integer_value(s), reference(s), "{s:?}");
    }
    let byte = prop_oneof![8 => proptest::char::range('0', '9'), 1 => Just('-'), 1 => Just('.'), 1 => Just('e'), 1 => Just('+'), 1 => Just('/'), 1 => Just(':'), 1 => Just(' '), 1 => Just('é')];
    let text = (any::<bool>(), proptest::collection::vec(byte, 0..24)).prop_map(|(minus, v)| format!("{}{}", if minus { "-" } else { "" }, v.into_iter().collect::<String>()));
    let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config { cases: 5000, ..Default::default() });
    runner
        .run(&text, |s| {
            prop_assert_eq!(integer_value(&s), reference(&s), "{:?}", s);
            Ok(())
        })
        .unwrap();
}

/// `plain_path` (plain names, up to 16 deep: what `pointer` and `dotted` read first) gives the
/// steps `steps` gives, and declines only paths with an escaped name or deeper than 16; on
/// documents with names that need pointer escapes (`~`, `/`), JSON escapes, non-ASCII, array
/// indexes and paths deeper than 16.
#[test]
fn plain_paths_are_the_steps() {
    use proptest::prelude::*;
    let key = prop_oneof![Just("a"), Just("b"), Just("a/b"), Just("m~n"), Just("\\u0061"), Just("x\\/y"), Just("é"), Just("cpu"), Just("")];
    let leaf = prop_oneof![Just("1".to_owned()), Just("\"s\"".to_owned()), Just("null".to_owned())];
    let value = leaf.prop_recursive(24, 200, 4, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(|v| format!("[{}]", v.join(","))),
            proptest::collection::vec((key.clone(), inner), 0..4)
                .prop_map(|m| format!("{{{}}}", m.iter().map(|(k, v)| format!("\"{k}\":{v}")).collect::<Vec<_>>().join(","))),
        ]
    });
    let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config { cases: 500, ..Default::default() });
    runner
        .run(&value, |src| {
            let doc = Document::parse(&src).unwrap();
            for id in doc.ids() {
                let steps: Vec<String> = doc.steps(id).segments().map(|s| format!("{s:?}")).collect();
                let mut up = [NONE; 16];
                if let Some(path) = doc.plain_path(id, &mut up) {
                    prop_assert_eq!(path.map(|s| format!("{s:?}")).collect::<Vec<_>>(), steps, "{}", src);
                } else {
                    // Only a path with an escaped name or deeper than 16 takes the long way.
                    let escaped = doc.steps(id).segments().any(|s| matches!(s, Segment::Key(_, true)));
                    prop_assert!(escaped || steps.len() > 16, "{}", src);
                };
            }
            Ok(())
        })
        .unwrap();
    // Paths up to 16 deep are plain, deeper ones take the long way and are written whole.
    let deep = format!("{}1{}", "[".repeat(20), "]".repeat(20));
    let doc = Document::parse(&deep).unwrap();
    for id in doc.ids() {
        let depth = doc.steps(id).segments().count();
        let mut up = [NONE; 16];
        assert_eq!(doc.plain_path(id, &mut up).is_some(), depth <= 16, "depth {depth}");
    }
    let last = doc.ids().last().unwrap();
    assert_eq!(doc.pointer(last).as_str(), "/0".repeat(20));
    assert_eq!(crate::diagnostics::message::dotted(&doc, last), "[0]".repeat(20));
}

/// `utf16_len` counts what `encode_utf16` writes, on any text (one-, two-, three- and four-byte
/// characters).
#[test]
fn utf16_len_is_the_encoded_count() {
    use proptest::prelude::*;
    let mut runner = proptest::test_runner::TestRunner::new(proptest::test_runner::Config { cases: 3000, ..Default::default() });
    let text = proptest::collection::vec(prop_oneof![Just('a'), Just('é'), Just('–'), Just('😀'), Just('\u{10FFFF}'), any::<char>()], 0..40).prop_map(|v| v.into_iter().collect::<String>());
    runner
        .run(&text, |s| {
            prop_assert_eq!(utf16_len(&s), s.encode_utf16().count(), "{:?}", s);
            Ok(())
        })
        .unwrap();
}
