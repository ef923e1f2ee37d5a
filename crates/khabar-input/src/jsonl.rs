//! JSON Lines, as in crawl-derived corpus dumps: one JSON object per line, with configurable
//! text, URL and date fields (default `text`, `url`, `date`; a dotted path such as
//! `meta.url` reaches into nested objects). A broken line is reported with its file, line
//! number and byte offset, and reading goes on.

use std::io::BufRead;

use crate::{Body, Document, Format, InputError, Options};

/// Reads documents from a JSON Lines stream.
pub struct JsonlReader<R: BufRead> {
    name: String,
    r: R,
    opts: Options,
    line: usize,
    offset: u64,
    done: bool,
}

impl<R: BufRead> JsonlReader<R> {
    /// A reader of `r`, named `name` in documents and errors.
    pub fn new(name: String, r: R, opts: Options) -> Self {
        Self { name, r, opts, line: 0, offset: 0, done: false }
    }

    fn err(&self, offset: u64, message: String) -> InputError {
        InputError { file: self.name.clone(), offset: Some(offset), line: Some(self.line), message }
    }
}

/// The value at a dotted `path` of `v`, as a string (numbers are written out).
pub fn field<'a>(v: &'a serde_json::Value, path: &str) -> Option<std::borrow::Cow<'a, str>> {
    let mut cur = v;
    for k in path.split('.') {
        cur = cur.get(k)?;
    }
    match cur {
        serde_json::Value::String(s) => Some(s.as_str().into()),
        serde_json::Value::Number(n) => Some(n.to_string().into()),
        _ => None,
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut buf = Vec::new();
        while !self.done {
            buf.clear();
            let start = self.offset;
            let limit = self.opts.max_bytes + 1;
            let n = match std::io::Read::take(&mut self.r, limit).read_until(b'\n', &mut buf) {
                Ok(n) => n,
                Err(e) => {
                    self.done = true;
                    self.line += 1;
                    return Some(Err(self.err(start, format!("read error: {e}"))));
                }
            };
            if n == 0 {
                self.done = true;
                return None;
            }
            self.offset += n as u64;
            self.line += 1;
            if n as u64 >= limit && !buf.ends_with(b"\n") {
                // Skip the rest of an over-long line.
                let mut rest = Vec::new();
                let _ = self.r.read_until(b'\n', &mut rest);
                self.offset += rest.len() as u64;
                return Some(Err(self.err(start, format!("line longer than {} bytes (see --max-bytes)", self.opts.max_bytes))));
            }
            let text = String::from_utf8_lossy(&buf);
            let t = text.trim();
            if t.is_empty() {
                continue;
            }
            let v: serde_json::Value = match serde_json::from_str(t) {
                Ok(v) => v,
                Err(e) => return Some(Err(self.err(start, format!("broken JSON: {e}")))),
            };
            if !v.is_object() {
                return Some(Err(self.err(start, "not a JSON object".into())));
            }
            let Some(body) = field(&v, &self.opts.text_field).map(|s| s.into_owned()) else {
                return Some(Err(self.err(start, format!("no text field `{}`", self.opts.text_field))));
            };
            let html = crate::html::looks_like_html(body.as_bytes());
            return Some(Ok(Document {
                file: self.name.clone(),
                offset: Some(start),
                line: Some(self.line),
                format: Format::Jsonl,
                html,
                body: if html { Body::Bytes(body.into_bytes()) } else { Body::Text(body) },
                charset: html.then(|| "utf-8".to_string()),
                url: field(&v, &self.opts.url_field).map(|s| s.into_owned()).filter(|s| !s.is_empty()),
                captured: field(&v, &self.opts.date_field).map(|s| s.into_owned()).filter(|s| !s.is_empty()),
            }));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_broken_lines() {
        let data = "{\"text\":\"متن یک\",\"url\":\"https://isna.ir/1\",\"date\":\"2024-11-14\"}\n\n{broken\n{\"body\":\"x\"}\n[1]\n{\"text\":\"<html><p>x</p></html>\",\"meta\":{\"u\":\"https://a.ir\"}}\n";
        let got: Vec<_> = JsonlReader::new("d.jsonl".into(), data.as_bytes(), Options::default()).collect();
        assert_eq!(got.len(), 5);
        let d = got[0].as_ref().unwrap();
        assert_eq!((d.line, d.offset, d.url.as_deref(), d.captured.as_deref()), (Some(1), Some(0), Some("https://isna.ir/1"), Some("2024-11-14")));
        let e = got[1].as_ref().unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.to_string().starts_with("d.jsonl: line 3"));
        assert!(got[2].as_ref().unwrap_err().message.contains("no text field"));
        assert!(got[3].as_ref().unwrap_err().message.contains("not a JSON object"));
        assert!(got[4].as_ref().unwrap().html);
        let opts = Options { text_field: "body".into(), url_field: "meta.u".into(), ..Options::default() };
        let got: Vec<_> = JsonlReader::new("d".into(), data.as_bytes(), opts).filter_map(Result::ok).collect();
        assert_eq!(got.len(), 1);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
            let _ = JsonlReader::new("x".into(), &bytes[..], Options { max_bytes: 64, ..Options::default() }).count();
        }
    }
}
