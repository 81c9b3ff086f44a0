//! YAML input (the `aws ecs run-task --cli-input-yaml` shape): the YAML is turned into JSON text
//! while every node's JSON range is recorded beside its YAML range; the JSON is checked as usual
//! and each diagnostic is moved back to the YAML position. Scalars follow the YAML 1.2 core schema
//! (what the AWS CLI's YAML loader uses): `yes` is a string, `2` an integer, `"2"` a string.
//! Fixes are dropped: their edits are JSON edits.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, Span};

use crate::json::{LineIndex, TextRange};
use crate::{check, Options, OptionsError, Report, MAX_INPUT_BYTES};

/// A YAML document converted to JSON, with the map from JSON ranges back to YAML ranges.
pub struct Converted {
    pub json: String,
    /// (JSON range, YAML range) for every key and value, in JSON order.
    map: Vec<(TextRange, TextRange)>,
}

/// Why the YAML could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub message: String,
    /// Byte offset in the YAML source.
    pub offset: usize,
}

struct Open {
    is_map: bool,
    json_start: u32,
    yaml_start: u32,
    count: usize,
    /// In a mapping: the next scalar is a key.
    expect_key: bool,
}

struct Converter<'s> {
    src: &'s str,
    /// Byte offset of each char index (only built for non-ASCII input).
    char_to_byte: Option<Vec<u32>>,
    out: String,
    map: Vec<(TextRange, TextRange)>,
    stack: Vec<Open>,
    anchors: HashMap<usize, (usize, usize)>,
    /// For each open anchored node: (anchor id, JSON start).
    anchored: Vec<(usize, usize, usize)>,
    depth_limit: usize,
}

impl<'s> Converter<'s> {
    fn byte(&self, char_index: usize) -> u32 {
        match &self.char_to_byte {
            Some(t) => t.get(char_index).copied().unwrap_or(self.src.len() as u32),
            None => char_index.min(self.src.len()) as u32,
        }
    }

    fn yaml_range(&self, span: Span) -> TextRange {
        TextRange::new(self.byte(span.start.index()), self.byte(span.end.index()).max(self.byte(span.start.index())))
    }

    /// Writes the separator before a new value (or key) in the open container.
    fn before_item(&mut self, is_key_position: bool) {
        if let Some(top) = self.stack.last_mut() {
            if top.is_map {
                if top.expect_key {
                    if top.count > 0 {
                        self.out.push(',');
                    }
                    top.count += 1;
                } else {
                    self.out.push(':');
                }
                top.expect_key = !top.expect_key;
                let _ = is_key_position;
            } else {
                if top.count > 0 {
                    self.out.push(',');
                }
                top.count += 1;
            }
        }
    }

    fn in_key_position(&self) -> bool {
        self.stack.last().is_some_and(|t| t.is_map && t.expect_key)
    }

    fn scalar(&mut self, value: &str, style: ScalarStyle, tag: Option<&str>, span: Span) {
        let key = self.in_key_position();
        self.before_item(key);
        let start = self.out.len() as u32;
        let text = if key { json_string(value) } else { scalar_json(value, style, tag) };
        self.out.push_str(&text);
        let json = TextRange::new(start, self.out.len() as u32);
        self.map.push((json, self.yaml_range(span)));
    }
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
}

/// The JSON text of a YAML scalar under the core schema.
fn scalar_json(value: &str, style: ScalarStyle, tag: Option<&str>) -> String {
    match tag {
        Some("str") => return json_string(value),
        Some("null") => return "null".to_owned(),
        _ => {}
    }
    if style != ScalarStyle::Plain {
        return json_string(value);
    }
    match value {
        "" | "~" | "null" | "Null" | "NULL" => return "null".to_owned(),
        "true" | "True" | "TRUE" => return "true".to_owned(),
        "false" | "False" | "FALSE" => return "false".to_owned(),
        _ => {}
    }
    let unsigned = value.strip_prefix(['-', '+']).unwrap_or(value);
    let negative = value.starts_with('-');
    if !unsigned.is_empty() && unsigned.bytes().all(|b| b.is_ascii_digit()) {
        return format!("{}{unsigned}", if negative { "-" } else { "" });
    }
    for (prefix, radix) in [("0x", 16), ("0o", 8)] {
        if let Some(digits) = value.strip_prefix(prefix) {
            if let Ok(v) = u64::from_str_radix(digits, radix) {
                return v.to_string();
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
        return s;
    }
    json_string(value)
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

/// Converts one YAML document to JSON text with its position map.
pub fn to_json(src: &str) -> Result<Converted, YamlError> {
    let char_to_byte = (!src.is_ascii()).then(|| {
        let mut t: Vec<u32> = src.char_indices().map(|(i, _)| i as u32).collect();
        t.push(src.len() as u32);
        t
    });
    let mut c = Converter { src, char_to_byte, out: String::with_capacity(src.len()), map: Vec::new(), stack: Vec::new(), anchors: HashMap::new(), anchored: Vec::new(), depth_limit: crate::json::MAX_DEPTH };
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
                let tag_suffix = tag.as_ref().filter(|t| t.is_yaml_core_schema()).map(|t| t.suffix.clone());
                let start = c.out.len();
                c.scalar(&value, style, tag_suffix.as_deref(), span);
                if anchor > 0 {
                    let text_start = c.out[start..].find(|ch: char| ch != ',' && ch != ':').map_or(start, |i| start + i);
                    c.anchors.insert(anchor, (text_start, c.out.len()));
                }
            }
            Event::Alias(id) => {
                let Some(&(s, e)) = c.anchors.get(&id) else {
                    return Err(YamlError { message: "invalid YAML: unknown alias".to_owned(), offset: c.byte(span.start.index()) as usize });
                };
                let key = c.in_key_position();
                c.before_item(key);
                let text = c.out[s..e].to_owned();
                let start = c.out.len() as u32;
                if key && !text.starts_with('"') {
                    c.out.push_str(&json_string(&text));
                } else {
                    c.out.push_str(&text);
                }
                let json = TextRange::new(start, c.out.len() as u32);
                let yr = c.yaml_range(span);
                c.map.push((json, yr));
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                let is_map = matches!(event, Event::MappingStart(..));
                if c.in_key_position() {
                    return Err(YamlError { message: "a mapping key must be a plain value, not a list or mapping".to_owned(), offset: c.byte(span.start.index()) as usize });
                }
                if c.stack.len() >= c.depth_limit {
                    return Err(YamlError { message: format!("the YAML nests more than {} lists or mappings deep", c.depth_limit), offset: c.byte(span.start.index()) as usize });
                }
                c.before_item(false);
                let json_start = c.out.len() as u32;
                c.out.push(if is_map { '{' } else { '[' });
                if anchor > 0 {
                    c.anchored.push((anchor, json_start as usize, c.stack.len()));
                }
                let ys = c.byte(span.start.index());
                c.stack.push(Open { is_map, json_start, yaml_start: ys, count: 0, expect_key: true });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(open) = c.stack.pop() else { continue };
                c.out.push(if open.is_map { '}' } else { ']' });
                let json = TextRange::new(open.json_start, c.out.len() as u32);
                let ye = c.byte(span.end.index()).max(open.yaml_start);
                c.map.push((json, TextRange::new(open.yaml_start, ye)));
                if let Some(&(anchor, start, depth)) = c.anchored.last() {
                    if depth == c.stack.len() {
                        c.anchors.insert(anchor, (start, c.out.len()));
                        c.anchored.pop();
                    }
                }
            }
            _ => {}
        }
    }
    if documents == 0 || c.out.is_empty() {
        return Err(YamlError { message: "the YAML is empty: expected a mapping with the RunTask request".to_owned(), offset: 0 });
    }
    Ok(Converted { json: c.out, map: c.map })
}

impl Converted {
    /// The YAML range for a JSON range: the node with exactly that range, else the smallest node
    /// that contains it (a span inside a string maps to the whole YAML scalar; the opening brace
    /// of an object to the start of the mapping).
    #[must_use]
    pub fn yaml_range(&self, json: TextRange) -> TextRange {
        if let Some((_, y)) = self.map.iter().find(|(j, _)| *j == json) {
            return *y;
        }
        let best = self.map.iter().filter(|(j, _)| j.contains_range(json)).min_by_key(|(j, _)| j.len());
        match best {
            Some((j, y)) if j.start == json.start && json.len() <= 1 => TextRange::new(y.start, y.start + 1.min(y.len())),
            Some((_, y)) => *y,
            None => TextRange::new(0, 0),
        }
    }
}

/// Checks a request written as YAML. Positions in the report are YAML positions.
pub fn check_yaml(src: &str, options: &Options) -> Result<Report, OptionsError> {
    if src.len() > MAX_INPUT_BYTES {
        return check(src, options);
    }
    let converted = match to_json(src) {
        Ok(c) => c,
        Err(e) => {
            // Bad options are an error whatever the input, as for JSON.
            options.validate()?;
            let index = LineIndex::new(src);
            let end = (e.offset + src[e.offset.min(src.len())..].chars().next().map_or(0, char::len_utf8)) as u32;
            let mut d = crate::input_diagnostic(&crate::rules::input::invalid_json::RULE, "", e.message, Some("check the indentation and quoting at this position"));
            crate::set_position(&mut d, &index, e.offset as u32, end);
            return Ok(Report { diagnostics: vec![d] });
        }
    };
    let mut report = check(&converted.json, options)?;
    let index = LineIndex::new(src);
    for d in &mut report.diagnostics {
        let y = converted.yaml_range(TextRange::new(d.start, d.end));
        crate::set_position(d, &index, y.start, y.end);
        d.fix = None;
        for l in &mut d.labels {
            let y = converted.yaml_range(TextRange::new(l.start, l.end));
            let p = index.position(y.start);
            l.start = y.start;
            l.end = y.end;
            l.line = p.line;
            l.column = p.column;
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_the_core_schema() {
        let y = "taskDefinition: web:3\ncount: 2\nenableExecuteCommand: yes\ngroup: ~\noverrides:\n  cpu: '256'\n  memory: 512\ntags:\n  - key: a\n    value: 1.5\n";
        let c = to_json(y).unwrap();
        let v: serde_json::Value = serde_json::from_str(&c.json).unwrap();
        assert_eq!(v["taskDefinition"], "web:3");
        assert_eq!(v["count"], 2);
        assert_eq!(v["enableExecuteCommand"], "yes");
        assert!(v["group"].is_null());
        assert_eq!(v["overrides"]["cpu"], "256");
        assert_eq!(v["overrides"]["memory"], 512);
        assert_eq!(v["tags"][0]["value"], 1.5);
    }

    #[test]
    fn diagnostics_point_at_yaml_lines() {
        let y = "taskDefinition: web:3\ncluster: batch\ncount: 11\n";
        let r = check_yaml(y, &Options::default()).unwrap();
        let d = r.diagnostics.iter().find(|d| d.code == "RT106").unwrap();
        assert_eq!((d.line, d.column, d.pointer.as_str()), (3, 8, "/count"));
        assert_eq!(&y[d.start as usize..d.end as usize], "11");
    }

    #[test]
    fn non_ascii_and_aliases() {
        let y = "taskDefinition: web:3\ntags:\n  - &t {key: チーム, value: 日本}\n  - *t\n";
        let c = to_json(y).unwrap();
        let v: serde_json::Value = serde_json::from_str(&c.json).unwrap();
        assert_eq!(v["tags"][1]["key"], "チーム");
    }

    #[test]
    fn bad_yaml_is_a_diagnostic() {
        let r = check_yaml("taskDefinition: [web\ncount: 1\n", &Options::default()).unwrap();
        assert_eq!(r.diagnostics[0].code, "RT001");
        assert!(r.diagnostics[0].message.contains("YAML"));
        let r = check_yaml("a: 1\n---\nb: 2\n", &Options::default()).unwrap();
        assert!(r.diagnostics[0].message.contains("more than one document"));
    }
}
