//! The AWS CLI's shorthand syntax (`awsvpcConfiguration={subnets=[subnet-1],assignPublicIp=ENABLED}`,
//! `capacityProvider=FARGATE,weight=1`, `key=k,value=v`), read as awscli's `shorthand.py` reads
//! it, into JSON typed by the model (as the CLI converts it before sending), every character
//! mapped back to the command line.
//!
//! ```text
//! parameter     = keyval *("," keyval)
//! keyval        = key "=" [values]
//! values        = csv-list / explicit-list / hash-literal
//! csv-list      = value *("," value)        ; a value not followed by "=" (that starts a keyval)
//! explicit-list = "[" [value *("," value)] "]"
//! hash-literal  = "{" keyval *("," keyval) "}"
//! value         = unquoted chars (not ,=[]{}) / 'single' / "double" / explicit-list / hash-literal
//! ```

use crate::json::TextRange;
use crate::mapped::Mapped;
use crate::model::{Shape, ShapeKind};

/// A parsed shorthand value; ranges are in the argument's text.
#[derive(Debug, Clone)]
enum Value {
    /// The unquoted value: its characters (quotes removed) as ranges of the text.
    Scalar { chars: Vec<TextRange>, range: TextRange },
    List(Vec<Value>, TextRange),
    Hash(Vec<(TextRange, Value)>, TextRange),
}

impl Value {
    fn range(&self) -> TextRange {
        match self {
            Value::Scalar { range, .. } | Value::List(_, range) | Value::Hash(_, range) => *range,
        }
    }
}

/// Why shorthand could not be read: where (in the argument's text) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ShorthandError {
    pub range: TextRange,
    pub message: String,
}

struct Parser<'a> {
    s: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn err(&self, message: impl Into<String>) -> ShorthandError {
        let end = (self.pos + self.s[self.pos.min(self.s.len())..].chars().next().map_or(0, char::len_utf8)) as u32;
        ShorthandError { range: TextRange::new(self.pos as u32, end), message: message.into() }
    }

    fn peek(&self) -> Option<char> {
        self.s[self.pos..].chars().next()
    }

    fn ws(&mut self) {
        while let Some(c) = self.peek() {
            if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    fn keyvals(&mut self, close: Option<char>) -> Result<Vec<(TextRange, Value)>, ShorthandError> {
        let mut out = Vec::new();
        loop {
            self.ws();
            if close.is_some() && self.peek() == close {
                return Ok(out);
            }
            let key_start = self.pos;
            while let Some(c) = self.peek() {
                if c.is_ascii_alphanumeric() || "-_.#/:".contains(c) {
                    self.pos += c.len_utf8();
                } else {
                    break;
                }
            }
            let key = TextRange::new(key_start as u32, self.pos as u32);
            self.ws();
            if key.is_empty() || self.peek() != Some('=') {
                return Err(self.err("expected `key=value`"));
            }
            self.pos += 1;
            self.ws();
            let value = self.values(close)?;
            out.push((key, value));
            self.ws();
            match self.peek() {
                Some(',') => self.pos += 1,
                None => return Ok(out),
                Some(c) if Some(c) == close => return Ok(out),
                Some(_) => return Err(self.err("expected `,` between `key=value` pairs")),
            }
        }
    }

    /// After `key=`: one value, or a csv list of them.
    fn values(&mut self, close: Option<char>) -> Result<Value, ShorthandError> {
        match self.peek() {
            Some('[') => return self.list(),
            Some('{') => return self.hash(),
            _ => {}
        }
        let start = self.pos;
        let first = self.scalar()?;
        let mut items = vec![first];
        loop {
            let save = self.pos;
            self.ws();
            if self.peek() != Some(',') {
                self.pos = save;
                break;
            }
            self.pos += 1;
            self.ws();
            // `,key=` starts the next pair.
            if self.starts_keyval() || self.peek().is_none() || self.peek() == close {
                self.pos = save;
                break;
            }
            items.push(self.scalar()?);
        }
        if items.len() == 1 {
            return Ok(items.pop().unwrap_or(Value::List(Vec::new(), TextRange::new(start as u32, start as u32))));
        }
        let end = items.last().map_or(start as u32, |v| v.range().end);
        Ok(Value::List(items, TextRange::new(start as u32, end)))
    }

    fn starts_keyval(&self) -> bool {
        let rest = &self.s[self.pos..];
        let key_len = rest.find(|c: char| !(c.is_ascii_alphanumeric() || "-_.#/:".contains(c))).unwrap_or(rest.len());
        key_len > 0 && rest[key_len..].trim_start().starts_with('=')
    }

    fn list(&mut self) -> Result<Value, ShorthandError> {
        let start = self.pos;
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.ws();
            match self.peek() {
                Some(']') => {
                    self.pos += 1;
                    return Ok(Value::List(items, TextRange::new(start as u32, self.pos as u32)));
                }
                None => return Err(ShorthandError { range: TextRange::new(start as u32, start as u32 + 1), message: "`[` is never closed".to_owned() }),
                _ => {}
            }
            let v = match self.peek() {
                Some('[') => self.list()?,
                Some('{') => self.hash()?,
                _ => self.scalar()?,
            };
            items.push(v);
            self.ws();
            match self.peek() {
                Some(',') => self.pos += 1,
                Some(']') => {}
                None => return Err(ShorthandError { range: TextRange::new(start as u32, start as u32 + 1), message: "`[` is never closed".to_owned() }),
                Some(_) => return Err(self.err("expected `,` or `]` in the list")),
            }
        }
    }

    fn hash(&mut self) -> Result<Value, ShorthandError> {
        let start = self.pos;
        self.pos += 1;
        let kv = self.keyvals(Some('}'))?;
        self.ws();
        if self.peek() != Some('}') {
            return Err(ShorthandError { range: TextRange::new(start as u32, start as u32 + 1), message: "`{` is never closed".to_owned() });
        }
        self.pos += 1;
        Ok(Value::Hash(kv, TextRange::new(start as u32, self.pos as u32)))
    }

    fn scalar(&mut self) -> Result<Value, ShorthandError> {
        let start = self.pos;
        let mut chars = Vec::new();
        match self.peek() {
            Some(q @ ('\'' | '"')) => {
                self.pos += 1;
                loop {
                    match self.peek() {
                        None => return Err(ShorthandError { range: TextRange::new(start as u32, start as u32 + 1), message: format!("the `{q}` quote is never closed") }),
                        Some('\\') if self.s[self.pos + 1..].starts_with(q) => {
                            chars.push(TextRange::new(self.pos as u32, self.pos as u32 + 2));
                            self.pos += 2;
                        }
                        Some(c) if c == q => {
                            self.pos += 1;
                            break;
                        }
                        Some(c) => {
                            chars.push(TextRange::new(self.pos as u32, (self.pos + c.len_utf8()) as u32));
                            self.pos += c.len_utf8();
                        }
                    }
                }
            }
            _ => {
                while let Some(c) = self.peek() {
                    if ",=[]{}".contains(c) {
                        break;
                    }
                    chars.push(TextRange::new(self.pos as u32, (self.pos + c.len_utf8()) as u32));
                    self.pos += c.len_utf8();
                }
                // Trailing white space is not part of an unquoted value.
                while chars.last().is_some_and(|r| self.s[r.start as usize..r.end as usize].trim().is_empty()) {
                    chars.pop();
                }
            }
        }
        Ok(Value::Scalar { chars, range: TextRange::new(start as u32, self.pos as u32) })
    }
}

/// Reads `text` (an argument in shorthand) as the member whose shape is `shape`, writing JSON typed
/// by the model. Returns the JSON, mapped to the file through `text`, and each place where the
/// shorthand could not be converted (the CLI refuses the whole command then).
pub(crate) fn to_json(text: &Mapped, shape: &'static Shape) -> Result<Mapped, ShorthandError> {
    let mut p = Parser { s: text.text(), pos: 0 };
    let value = match &shape.kind {
        ShapeKind::Structure { .. } => {
            let kv = p.keyvals(None)?;
            Value::Hash(kv, TextRange::new(0, text.len()))
        }
        ShapeKind::List { member, .. } if matches!(member.kind, ShapeKind::Structure { .. }) => {
            let kv = p.keyvals(None)?;
            Value::Hash(kv, TextRange::new(0, text.len()))
        }
        _ => p.values(None)?,
    };
    p.ws();
    if p.pos < p.s.len() {
        return Err(p.err("unexpected text after the value"));
    }
    let mut out = Mapped::with_capacity(text.len() as usize + 16);
    let shape = match (&shape.kind, &value) {
        // One element of a list of structures (each argument is one).
        (ShapeKind::List { member, .. }, Value::Hash(..)) => member,
        _ => shape,
    };
    write(text, &value, shape, &mut out)?;
    Ok(out)
}

fn write(text: &Mapped, v: &Value, shape: &'static Shape, out: &mut Mapped) -> Result<(), ShorthandError> {
    let at = |r: TextRange| text.file_range(r);
    let r = v.range();
    let bad = |what: &str| ShorthandError { range: r, message: format!("expected {what} here") };
    match (&shape.kind, v) {
        (ShapeKind::Structure { .. }, Value::Hash(kv, range)) => {
            out.push("{", at(TextRange::new(range.start, range.start)));
            for (i, (key, value)) in kv.iter().enumerate() {
                if i > 0 {
                    out.push(",", at(TextRange::new(key.start, key.start)));
                }
                out.push("\"", at(TextRange::new(key.start, key.start)));
                out.push_copy(text, *key);
                out.push("\":", at(TextRange::new(key.end, key.end)));
                let name = &text.text()[key.start as usize..key.end as usize];
                match shape.member(name) {
                    Some(m) => write(text, value, m.shape, out)?,
                    // Unknown to the model: kept as a string for the API's unknown-member rule.
                    None => write_any(text, value, out),
                }
            }
            out.push("}", at(TextRange::new(range.end, range.end)));
        }
        (ShapeKind::List { member, .. }, Value::List(items, range)) => {
            out.push("[", at(TextRange::new(range.start, range.start)));
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(",", at(TextRange::new(item.range().start, item.range().start)));
                }
                write(text, item, member, out)?;
            }
            out.push("]", at(TextRange::new(range.end, range.end)));
        }
        // A single value where a list is expected is a one-element list, as the CLI reads it.
        (ShapeKind::List { member, .. }, single) => {
            out.push("[", at(TextRange::new(r.start, r.start)));
            write(text, single, member, out)?;
            out.push("]", at(TextRange::new(r.end, r.end)));
        }
        (ShapeKind::String { .. }, Value::Scalar { chars, .. }) => string(text, chars, r, out),
        (ShapeKind::Integer { .. }, Value::Scalar { chars, .. }) => {
            let s: String = chars.iter().map(|c| &text.text()[c.start as usize..c.end as usize]).collect();
            if s.contains('$') {
                // A variable: a string the readers know as a value of the run.
                string(text, chars, r, out);
            } else if crate::json::is_integer_text(s.trim()) {
                out.push(s.trim(), at(r));
            } else {
                return Err(ShorthandError { range: r, message: format!("`{s}` is not an integer") });
            }
        }
        (ShapeKind::Boolean, Value::Scalar { chars, .. }) => {
            let s: String = chars.iter().map(|c| &text.text()[c.start as usize..c.end as usize]).collect();
            match s.to_ascii_lowercase().as_str() {
                "true" => out.push("true", at(r)),
                "false" => out.push("false", at(r)),
                _ if s.contains('$') => string(text, chars, r, out),
                _ => return Err(ShorthandError { range: r, message: format!("`{s}` is not `true` or `false`") }),
            }
        }
        (ShapeKind::Structure { .. }, _) => return Err(bad("`{key=value,…}`")),
        (_, Value::Hash(..)) => return Err(bad("a single value, not `{…}`")),
        (_, Value::List(..)) => return Err(bad("a single value, not a list")),
    }
    Ok(())
}

/// A value of a member the model does not know, written as JSON without a shape.
fn write_any(text: &Mapped, v: &Value, out: &mut Mapped) {
    let at = |r: TextRange| text.file_range(r);
    match v {
        Value::Scalar { chars, range } => string(text, chars, *range, out),
        Value::List(items, range) => {
            out.push("[", at(TextRange::new(range.start, range.start)));
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(",", at(TextRange::new(range.start, range.start)));
                }
                write_any(text, item, out);
            }
            out.push("]", at(TextRange::new(range.end, range.end)));
        }
        Value::Hash(kv, range) => {
            out.push("{", at(TextRange::new(range.start, range.start)));
            for (i, (k, value)) in kv.iter().enumerate() {
                if i > 0 {
                    out.push(",", at(TextRange::new(k.start, k.start)));
                }
                out.push("\"", at(TextRange::new(k.start, k.start)));
                out.push_copy(text, *k);
                out.push("\":", at(TextRange::new(k.end, k.end)));
                write_any(text, value, out);
            }
            out.push("}", at(TextRange::new(range.end, range.end)));
        }
    }
}

/// A JSON string of the value's characters, each mapped to where it is written.
fn string(text: &Mapped, chars: &[TextRange], r: TextRange, out: &mut Mapped) {
    out.push("\"", text.file_range(TextRange::new(r.start, r.start)));
    for c in chars {
        let s = &text.text()[c.start as usize..c.end as usize];
        let ch = s.chars().last().unwrap_or(' ');
        let from = text.file_range(*c);
        match ch {
            '"' => out.push("\\\"", from),
            '\\' => out.push("\\\\", from),
            c if (c as u32) < 0x20 => out.push(&format!("\\u{:04x}", c as u32), from),
            _ => out.push(if s.len() > ch.len_utf8() { &s[s.len() - ch.len_utf8()..] } else { s }, from),
        }
    }
    out.push("\"", text.file_range(TextRange::new(r.end, r.end)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;

    fn json(src: &str, member: &str) -> Result<serde_json::Value, ShorthandError> {
        let shape = model::request().member(member).unwrap().shape;
        let m = to_json(&Mapped::identity(src), shape)?;
        Ok(serde_json::from_str(m.text()).unwrap())
    }

    #[test]
    fn reads_the_cli_examples() {
        let v = json("awsvpcConfiguration={subnets=[subnet-1,subnet-2],securityGroups=[sg-1],assignPublicIp=ENABLED}", "networkConfiguration").unwrap();
        assert_eq!(v["awsvpcConfiguration"]["subnets"][1], "subnet-2");
        assert_eq!(v["awsvpcConfiguration"]["assignPublicIp"], "ENABLED");
        let v = json("capacityProvider=FARGATE,weight=1,base=0", "capacityProviderStrategy").unwrap();
        assert_eq!(v, serde_json::json!({"capacityProvider": "FARGATE", "weight": 1, "base": 0}));
        let v = json("key=team,value=data", "tags").unwrap();
        assert_eq!(v, serde_json::json!({"key": "team", "value": "data"}));
        let v = json("containerOverrides=[{name=app,command=[echo,'a b']}],cpu=256", "overrides").unwrap();
        assert_eq!(v["containerOverrides"][0]["command"][1], "a b");
        assert_eq!(v["cpu"], "256");
        // csv list without brackets, a scalar where a list is expected.
        let v = json("awsvpcConfiguration={subnets=subnet-1}", "networkConfiguration").unwrap();
        assert_eq!(v["awsvpcConfiguration"]["subnets"], serde_json::json!(["subnet-1"]));
    }

    #[test]
    fn positions_are_the_characters() {
        let src = "capacityProvider=FARGATE,weight=x";
        let shape = model::request().member("capacityProviderStrategy").unwrap().shape;
        let e = to_json(&Mapped::identity(src), shape).unwrap_err();
        assert_eq!(&src[e.range.start as usize..e.range.end as usize], "x");
        let ok = to_json(&Mapped::identity("capacityProvider=FARGATE"), shape).unwrap();
        let at = ok.text().find("FARGATE").unwrap() as u32;
        assert_eq!(ok.file_range(TextRange::new(at, at + 7)), TextRange::new(17, 24));
    }

    #[test]
    fn errors() {
        assert!(json("awsvpcConfiguration={subnets=[subnet-1", "networkConfiguration").is_err());
        assert!(json("subnets", "networkConfiguration").is_err());
        assert!(json("capacityProvider='FARGATE", "capacityProviderStrategy").is_err());
    }
}
