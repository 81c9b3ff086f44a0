//! YAML read as JSON text that remembers where every byte comes from (a [`Mapped`] text): the
//! request YAML of `aws ecs run-task --cli-input-yaml`, and the YAML state machines,
//! CloudFormation templates and GitHub workflows of [`crate::dialect`]. The JSON is checked as
//! usual and every position maps back to the YAML, inside strings too (a JSON document held in a
//! block scalar keeps exact positions).
//!
//! Scalars follow the YAML 1.2 core schema (what the AWS CLI's YAML loader uses): `yes` is a
//! string, `2` an integer, `"2"` a string. With [`YamlOptions::cloudformation_tags`],
//! CloudFormation's short-form tags become their long forms (`!Ref X` → `{"Ref": "X"}`,
//! `!Sub …` → `{"Fn::Sub": …}`), as CloudFormation reads them.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

use crate::json::TextRange;
use crate::mapped::Mapped;

/// Why the YAML could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub message: String,
    /// Byte offset in the YAML source.
    pub offset: usize,
}

/// How to read tags.
#[derive(Debug, Clone, Copy, Default)]
pub struct YamlOptions {
    /// Read `!Ref`, `!Sub`, `!GetAtt`… as CloudFormation intrinsic functions.
    pub cloudformation_tags: bool,
}

struct Open {
    is_map: bool,
    count: usize,
    /// In a mapping: the next scalar is a key.
    expect_key: bool,
    yaml_start: u32,
    /// A CloudFormation tag wraps this collection in `{"Fn::…": …}`.
    wrapped: bool,
}

struct Converter<'s> {
    src: &'s str,
    /// Byte offset of each char index (only built for non-ASCII input).
    char_to_byte: Option<Vec<u32>>,
    out: Mapped,
    stack: Vec<Open>,
    /// Anchor id → the JSON text of the anchored node.
    anchors: HashMap<usize, String>,
    /// For each open anchored collection: (anchor id, JSON start, depth).
    anchored: Vec<(usize, u32, usize)>,
    options: YamlOptions,
}

impl<'s> Converter<'s> {
    fn byte(&self, char_index: usize) -> u32 {
        match &self.char_to_byte {
            Some(t) => t.get(char_index).copied().unwrap_or(self.src.len() as u32),
            None => char_index.min(self.src.len()) as u32,
        }
    }

    fn yaml_range(&self, span: Span) -> TextRange {
        let s = self.byte(span.start.index());
        TextRange::new(s, self.byte(span.end.index()).max(s))
    }

    /// Where separators (`,` `:`) come from: the end of what was written last.
    fn here(&self) -> TextRange {
        let o = self.out.origin(self.out.len());
        TextRange::new(o.end, o.end)
    }

    /// Writes the separator before a new value (or key) in the open container.
    fn before_item(&mut self) {
        let here = self.here();
        let Some(top) = self.stack.last_mut() else { return };
        if top.is_map {
            if top.expect_key {
                if top.count > 0 {
                    self.out.push(",", here);
                }
                top.count += 1;
            } else {
                self.out.push(":", here);
            }
            top.expect_key = !top.expect_key;
        } else {
            if top.count > 0 {
                self.out.push(",", here);
            }
            top.count += 1;
        }
    }

    fn in_key_position(&self) -> bool {
        self.stack.last().is_some_and(|t| t.is_map && t.expect_key)
    }

    /// A JSON string for a YAML scalar, each character mapped to where the YAML writes it.
    fn push_string(&mut self, value: &str, yr: TextRange, style: ScalarStyle) {
        let spans = align(self.src, yr, style, value);
        self.out.push("\"", TextRange::new(yr.start, yr.start));
        let mut buf = [0u8; 8];
        for (c, r) in value.chars().zip(spans) {
            let esc: &str = match c {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\u{8}' => "\\b",
                '\u{c}' => "\\f",
                c if (c as u32) < 0x20 => {
                    let s = format!("\\u{:04x}", c as u32);
                    self.out.push(&s, r);
                    continue;
                }
                c => c.encode_utf8(&mut buf),
            };
            self.out.push(esc, r);
        }
        self.out.push("\"", TextRange::new(yr.end, yr.end));
    }

    /// The long form of a CloudFormation short-form tag (`!Ref` → `Ref`, `!Sub` → `Fn::Sub`).
    fn intrinsic(&self, tag: Option<&saphyr_parser::Tag>) -> Option<String> {
        let tag = tag?;
        if !self.options.cloudformation_tags || tag.handle != "!" || tag.suffix.is_empty() {
            return None;
        }
        Some(match tag.suffix.as_str() {
            "Ref" | "Condition" => tag.suffix.clone(),
            s => format!("Fn::{s}"),
        })
    }

    fn open_intrinsic(&mut self, name: &str, yr: TextRange) {
        let at = TextRange::new(yr.start, yr.start);
        self.out.push("{", at);
        self.out.push(&crate::json::json_string(name), at);
        self.out.push(":", at);
    }

    fn scalar(&mut self, value: &str, style: ScalarStyle, tag: Option<&saphyr_parser::Tag>, span: Span) {
        let key = self.in_key_position();
        self.before_item();
        let yr = self.yaml_range(span);
        if key {
            self.push_string(value, yr, style);
            return;
        }
        if let Some(name) = self.intrinsic(tag) {
            self.open_intrinsic(&name, yr);
            self.push_string(value, yr, style);
            self.out.push("}", TextRange::new(yr.end, yr.end));
            return;
        }
        let core = tag.filter(|t| t.is_yaml_core_schema()).map(|t| t.suffix.as_str());
        match scalar_json(value, style, core) {
            Some(text) => self.out.push(&text, yr),
            None => self.push_string(value, yr, style),
        }
    }
}

/// The JSON text of a YAML scalar under the core schema, or None when it is a string.
fn scalar_json(value: &str, style: ScalarStyle, tag: Option<&str>) -> Option<String> {
    match tag {
        Some("str") => return None,
        Some("null") => return Some("null".to_owned()),
        _ => {}
    }
    if style != ScalarStyle::Plain {
        return None;
    }
    match value {
        "" | "~" | "null" | "Null" | "NULL" => return Some("null".to_owned()),
        "true" | "True" | "TRUE" => return Some("true".to_owned()),
        "false" | "False" | "FALSE" => return Some("false".to_owned()),
        _ => {}
    }
    let unsigned = value.strip_prefix(['-', '+']).unwrap_or(value);
    let negative = value.starts_with('-');
    if !unsigned.is_empty() && unsigned.bytes().all(|b| b.is_ascii_digit()) {
        return Some(format!("{}{unsigned}", if negative { "-" } else { "" }));
    }
    for (prefix, radix) in [("0x", 16), ("0o", 8)] {
        if let Some(digits) = value.strip_prefix(prefix) {
            if let Ok(v) = u64::from_str_radix(digits, radix) {
                return Some(v.to_string());
            }
        }
    }
    if is_yaml_float(unsigned) {
        let mut s = String::new();
        if negative {
            s.push('-');
        }
        let (mantissa, exp) = match unsigned.find(['e', 'E']) {
            Some(i) => (&unsigned[..i], &unsigned[i..]),
            None => (unsigned, ""),
        };
        if mantissa.starts_with('.') {
            s.push('0');
        }
        s.push_str(mantissa);
        if mantissa.ends_with('.') {
            s.push('0');
        }
        s.push_str(exp);
        return Some(s);
    }
    None
}

fn is_yaml_float(s: &str) -> bool {
    let (mantissa, exp) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match frac {
        Some(f) => digits(int) && digits(f) && !(int.is_empty() && f.is_empty()),
        None => !int.is_empty() && digits(int),
    };
    let exp_ok = exp.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exp_ok && (frac.is_some() || exp.is_some())
}

/// For each character of a scalar's value, the bytes of the YAML source that write it. The value
/// differs from the source only by quotes, escapes, indentation and line folding, so walking both
/// in step and skipping what the value does not contain finds every character; a character the
/// source writes as an escape maps to the escape.
fn align(src: &str, yr: TextRange, style: ScalarStyle, value: &str) -> Vec<TextRange> {
    let bytes = src.as_bytes();
    let end = (yr.end as usize).min(src.len());
    let mut pos = (yr.start as usize).min(end);
    match style {
        ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted if pos < end && matches!(bytes[pos], b'\'' | b'"') => pos += 1,
        ScalarStyle::Literal | ScalarStyle::Folded => {
            // When the span starts at the header (`|`, `>-`, or a tag and anchor before it), the
            // content starts on the next line.
            if let Some(nl) = src[pos..end].find('\n') {
                if src[pos..pos + nl].contains(['|', '>']) {
                    pos += nl + 1;
                }
            }
        }
        _ => {}
    }
    let quoted = matches!(style, ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted);
    let mut out = Vec::with_capacity(value.chars().count());
    for c in value.chars() {
        let here = |p: usize| {
            let n = src[p.min(end)..].chars().next().map_or(0, char::len_utf8);
            TextRange::new(p as u32, (p + n).min(end.max(p)) as u32)
        };
        if pos >= end {
            out.push(TextRange::new(end as u32, end as u32));
            continue;
        }
        let at = src[pos..].chars().next().unwrap_or(' ');
        if at == c {
            out.push(here(pos));
            pos += at.len_utf8();
            continue;
        }
        if c.is_whitespace() {
            // Folding: a line break, indentation or an escaped break stands for this space.
            if at.is_whitespace() {
                out.push(here(pos));
                pos += at.len_utf8();
            } else {
                out.push(TextRange::new(pos as u32, pos as u32));
            }
            continue;
        }
        // Look ahead past folding white space, a backslash escape or a doubled quote.
        let mut p = pos;
        let mut in_escape = 0usize;
        let mut found = None;
        while p < end {
            let ch = src[p..].chars().next().unwrap_or(' ');
            if ch == c && in_escape == 0 {
                found = Some(p);
                break;
            }
            if ch == '\\' && quoted {
                // `\x41`, `\u00e9`: the escape writes the character.
                let esc_end = escape_len(&src[p..end]);
                if esc_end > 0 {
                    found = Some(p);
                    in_escape = esc_end;
                    break;
                }
            }
            if ch.is_whitespace() || (quoted && ch == '\'') || (quoted && ch == '\\' && matches!(src.as_bytes().get(p + 1), Some(b'\n' | b'\r'))) {
                p += ch.len_utf8();
                continue;
            }
            break;
        }
        match found {
            Some(p) if in_escape > 0 => {
                out.push(TextRange::new(p as u32, (p + in_escape) as u32));
                pos = p + in_escape;
            }
            Some(p) => {
                out.push(here(p));
                pos = p + c.len_utf8();
            }
            None => out.push(TextRange::new(pos as u32, pos as u32)),
        }
    }
    out
}

/// The length of a YAML double-quoted escape at the start of `s` (which starts with `\`) that
/// writes one character other than itself, or 0.
fn escape_len(s: &str) -> usize {
    let b = s.as_bytes();
    match b.get(1) {
        Some(b'x') => 4,
        Some(b'u') => 6,
        Some(b'U') => 10,
        Some(b'0' | b'a' | b'b' | b't' | b'n' | b'v' | b'f' | b'r' | b'e' | b' ' | b'"' | b'/' | b'\\' | b'N' | b'_' | b'L' | b'P') => 2,
        _ => 0,
    }
    .min(s.len())
}

/// Converts one YAML document to JSON text mapped to the YAML (core-schema tags only).
pub fn to_json(src: &str) -> Result<Mapped, YamlError> {
    to_json_with(src, YamlOptions::default())
}

/// Converts one YAML document to JSON text mapped to the YAML.
pub fn to_json_with(src: &str, options: YamlOptions) -> Result<Mapped, YamlError> {
    let char_to_byte = (!src.is_ascii()).then(|| {
        let mut t: Vec<u32> = src.char_indices().map(|(i, _)| i as u32).collect();
        t.push(src.len() as u32);
        t
    });
    let mut c = Converter { src, char_to_byte, out: Mapped::with_capacity(src.len() + 16), stack: Vec::new(), anchors: HashMap::new(), anchored: Vec::new(), options };
    let depth_limit = crate::json::MAX_DEPTH;
    let mut documents = 0;
    let mut parser = Parser::new_from_str(src);
    while let Some(item) = parser.next_event() {
        let (event, span) = item.map_err(|e| YamlError { message: format!("invalid YAML: {}", e.info()), offset: c.byte(e.marker().index()) as usize })?;
        match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(YamlError { message: "the YAML has more than one document; a request is one document".to_owned(), offset: c.byte(span.start.index()) as usize });
                }
            }
            Event::Scalar(value, style, anchor, tag) => {
                let start = c.out.len() as usize;
                c.scalar(&value, style, tag.as_deref(), span);
                if anchor > 0 {
                    let text = c.out.text()[start..].trim_start_matches([',', ':']).to_owned();
                    c.anchors.insert(anchor, text);
                }
            }
            Event::Alias(id) => {
                let Some(text) = c.anchors.get(&id).cloned() else {
                    return Err(YamlError { message: "invalid YAML: unknown alias".to_owned(), offset: c.byte(span.start.index()) as usize });
                };
                let key = c.in_key_position();
                c.before_item();
                let yr = c.yaml_range(span);
                if key && !text.starts_with('"') {
                    c.out.push(&crate::json::json_string(&text), yr);
                } else {
                    c.out.push(&text, yr);
                }
            }
            Event::SequenceStart(anchor, ref tag) | Event::MappingStart(anchor, ref tag) => {
                let is_map = matches!(event, Event::MappingStart(..));
                if c.in_key_position() {
                    return Err(YamlError { message: "a mapping key must be a plain value, not a list or mapping".to_owned(), offset: c.byte(span.start.index()) as usize });
                }
                if c.stack.len() >= depth_limit {
                    return Err(YamlError { message: format!("the YAML nests more than {depth_limit} lists or mappings deep"), offset: c.byte(span.start.index()) as usize });
                }
                c.before_item();
                let yr = c.yaml_range(span);
                let intrinsic = c.intrinsic(tag.as_deref());
                if let Some(name) = &intrinsic {
                    c.open_intrinsic(name, yr);
                }
                let json_start = c.out.len();
                let first = src[yr.start as usize..].chars().next().map_or(0, char::len_utf8) as u32;
                c.out.push(if is_map { "{" } else { "[" }, TextRange::new(yr.start, yr.start + first));
                if anchor > 0 {
                    c.anchored.push((anchor, json_start, c.stack.len()));
                }
                c.stack.push(Open { is_map, count: 0, expect_key: true, yaml_start: yr.start, wrapped: intrinsic.is_some() });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(open) = c.stack.pop() else { continue };
                let ye = c.byte(span.end.index()).max(open.yaml_start);
                let at = TextRange::new(ye, ye);
                c.out.push(if open.is_map { "}" } else { "]" }, at);
                if open.wrapped {
                    c.out.push("}", at);
                }
                if let Some(&(anchor, start, depth)) = c.anchored.last() {
                    if depth == c.stack.len() {
                        let text = c.out.text()[start as usize..].to_owned();
                        c.anchors.insert(anchor, text);
                        c.anchored.pop();
                    }
                }
            }
            _ => {}
        }
    }
    if documents == 0 || c.out.is_empty() {
        return Err(YamlError { message: "the YAML is empty: expected a mapping".to_owned(), offset: 0 });
    }
    Ok(c.out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_the_core_schema() {
        let y = "taskDefinition: web:3\ncount: 2\nenableExecuteCommand: yes\ngroup: ~\noverrides:\n  cpu: '256'\n  memory: 512\ntags:\n  - key: a\n    value: 1.5\n";
        let c = to_json(y).unwrap();
        let v: serde_json::Value = serde_json::from_str(c.text()).unwrap();
        assert_eq!(v["taskDefinition"], "web:3");
        assert_eq!(v["count"], 2);
        assert_eq!(v["enableExecuteCommand"], "yes");
        assert!(v["group"].is_null());
        assert_eq!(v["overrides"]["cpu"], "256");
        assert_eq!(v["overrides"]["memory"], 512);
        assert_eq!(v["tags"][0]["value"], 1.5);
    }

    fn file_text<'a>(y: &'a str, m: &Mapped, needle: &str) -> &'a str {
        let at = m.text().find(needle).unwrap() as u32;
        let r = m.file_range(TextRange::new(at, at + needle.len() as u32));
        &y[r.start as usize..r.end as usize]
    }

    #[test]
    fn every_scalar_style_maps_back_character_by_character() {
        let y = "a: plain value\nb: 'single ''q'' x'\nc: \"double \\\"q\\\" \\u00e9 y\"\nd: |\n  {\"Cpu\": \"256\",\n   \"Memory\": \"512\"}\ne: >-\n  folded\n  text z\nf: [flow, 'seq']\n";
        let m = to_json(y).unwrap();
        assert_eq!(file_text(y, &m, "value"), "value");
        assert_eq!(file_text(y, &m, "x\""), "x'");
        assert_eq!(file_text(y, &m, "y"), "y");
        assert_eq!(file_text(y, &m, "é"), "\\u00e9");
        // The JSON inside the literal block: `512` is at its own line and column.
        assert_eq!(file_text(y, &m, "512"), "512");
        assert_eq!(file_text(y, &m, "Cpu"), "Cpu");
        let at = y.find("{\"Cpu").unwrap();
        let r = m.file_range(TextRange::new(m.text().find("{\\\"Cpu").unwrap() as u32, m.text().find("{\\\"Cpu").unwrap() as u32 + 1));
        assert_eq!(r.start as usize, at);
        assert_eq!(file_text(y, &m, "Memory"), "Memory");
        assert_eq!(file_text(y, &m, "text z"), "text z");
        assert_eq!(file_text(y, &m, "seq"), "seq");
        // A whole value maps to the whole scalar, quotes and all.
        assert_eq!(file_text(y, &m, "\"single 'q' x\""), "'single ''q'' x'");
    }

    #[test]
    fn cloudformation_tags_become_long_forms() {
        let y = "A: !Ref Cluster\nB: !GetAtt Role.Arn\nC: !Join ['', ['arn:', !Ref 'AWS::Partition', ':states']]\nD: !Sub\n  - '${X}'\n  - X: 1\n";
        let m = to_json_with(y, YamlOptions { cloudformation_tags: true }).unwrap();
        let v: serde_json::Value = serde_json::from_str(m.text()).unwrap();
        assert_eq!(v["A"]["Ref"], "Cluster");
        assert_eq!(v["B"]["Fn::GetAtt"], "Role.Arn");
        assert_eq!(v["C"]["Fn::Join"][1][1]["Ref"], "AWS::Partition");
        assert_eq!(v["D"]["Fn::Sub"][0], "${X}");
        // Without the option the tags are ignored, as before.
        let plain: serde_json::Value = serde_json::from_str(to_json(y).unwrap().text()).unwrap();
        assert_eq!(plain["A"], "Cluster");
    }

    #[test]
    fn non_ascii_and_aliases() {
        let y = "taskDefinition: web:3\ntags:\n  - &t {key: チーム, value: 日本}\n  - *t\n";
        let c = to_json(y).unwrap();
        let v: serde_json::Value = serde_json::from_str(c.text()).unwrap();
        assert_eq!(v["tags"][1]["key"], "チーム");
        assert_eq!(file_text(y, &c, "日本"), "日本");
    }
}
