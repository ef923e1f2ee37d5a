//! JSON Lines, as in crawl-derived corpus dumps: one JSON object per line, with configurable
//! text, URL, date and title fields (default `text`, `url`, `date`, `title`; a dotted path such as
//! `meta.url` reaches into nested objects). A default field that a record lacks is looked for under the
//! names other dumps use (`content`, `body`, `html`; `link`; `published`, `datePublished`; `headline`).
//! A broken line is reported with its file, line number and byte offset, and reading goes on.

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

/// Other names of the default fields in common dumps, tried in order when the default name is absent.
const TEXT_NAMES: &[&str] = &["text", "content", "body", "html", "raw_html", "article"];
const URL_NAMES: &[&str] = &["url", "link", "source_url", "canonical_url"];
const DATE_NAMES: &[&str] =
    &["date", "published", "published_at", "publish_date", "date_published", "datePublished", "pubDate"];
const TITLE_NAMES: &[&str] = &["title", "headline"];

/// The field `path`; when it is the default name (`names[0]`), also the other `names`.
fn field_or<'a>(v: &'a serde_json::Value, path: &str, names: &[&str]) -> Option<std::borrow::Cow<'a, str>> {
    let found = field(v, path).filter(|s| !s.trim().is_empty());
    if found.is_some() || names.first() != Some(&path) {
        return found;
    }
    names[1..].iter().find_map(|n| field(v, n).filter(|s| !s.trim().is_empty()))
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
            let Some(body) = field_or(&v, &self.opts.text_field, TEXT_NAMES).map(|s| s.into_owned()) else {
                // Say whether the field is there but empty or missing: a scraper that saved no body is another
                // problem than a batch with another field name.
                // With the default field, the fallbacks count too: "body" present and empty is an empty body.
                let tried: Vec<&str> = if TEXT_NAMES.first() == Some(&self.opts.text_field.as_str()) {
                    TEXT_NAMES.to_vec()
                } else {
                    vec![self.opts.text_field.as_str()]
                };
                let msg = match tried.iter().find(|n| field(&v, n).is_some()) {
                    Some(n) => format!("empty text field `{n}`"),
                    None if tried.len() > 1 => format!("no text field `{}` (nor {})", tried[0], tried[1..].join(", ")),
                    None => format!("no text field `{}`", tried[0]),
                };
                return Some(Err(self.err(start, msg)));
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
                url: field_or(&v, &self.opts.url_field, URL_NAMES).map(|s| s.into_owned()),
                captured: field_or(&v, &self.opts.date_field, DATE_NAMES).map(|s| s.into_owned()),
                title: field_or(&v, &self.opts.title_field, TITLE_NAMES).map(|s| s.trim().to_string()),
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
        let data = "{\"text\":\"متن یک\",\"url\":\"https://isna.ir/1\",\"date\":\"2024-11-14\"}\n\n{broken\n{\"other\":\"x\"}\n[1]\n{\"text\":\"<html><p>x</p></html>\",\"meta\":{\"u\":\"https://a.ir\"}}\n";
        let got: Vec<_> = JsonlReader::new("d.jsonl".into(), data.as_bytes(), Options::default()).collect();
        assert_eq!(got.len(), 5);
        let d = got[0].as_ref().unwrap();
        assert_eq!((d.line, d.offset, d.url.as_deref(), d.captured.as_deref()), (Some(1), Some(0), Some("https://isna.ir/1"), Some("2024-11-14")));
        let e = got[1].as_ref().unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.to_string().starts_with("d.jsonl: line 3"));
        assert!(got[2].as_ref().unwrap_err().message.contains("no text field `text` (nor content, body"));
        assert!(got[3].as_ref().unwrap_err().message.contains("not a JSON object"));
        assert!(got[4].as_ref().unwrap().html);
        // A record whose text is there but empty says so.
        let got: Vec<_> = JsonlReader::new("e.jsonl".into(), "{\"text\":\"  \",\"url\":\"u\"}\n".as_bytes(), Options::default()).collect();
        assert!(got[0].as_ref().unwrap_err().message.contains("empty text field `text`"), "{:?}", got[0]);
        // A fallback field present but empty is named as such.
        let got: Vec<_> = JsonlReader::new("d".into(), "{\"url\":\"u\",\"body\":\"\"}\n".as_bytes(), Options::default()).collect();
        assert_eq!(got[0].as_ref().unwrap_err().message, "empty text field `body`");
        let opts = Options { text_field: "other".into(), url_field: "meta.u".into(), ..Options::default() };
        let got: Vec<_> = JsonlReader::new("d".into(), data.as_bytes(), opts).filter_map(Result::ok).collect();
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn default_fields_under_the_names_other_dumps_use() {
        let data = "{\"content\":\"متن\",\"link\":\"https://isna.ir/2\",\"published\":\"2024-11-08\",\"headline\":\"عنوان\"}\n\
                    {\"html\":\"<p>x</p>\",\"text\":\"\",\"title\":\" تیتر \"}\n";
        let got: Vec<Document> = JsonlReader::new("d".into(), data.as_bytes(), Options::default()).map(Result::unwrap).collect();
        let d = &got[0];
        assert_eq!(
            (d.url.as_deref(), d.captured.as_deref(), d.title.as_deref()),
            (Some("https://isna.ir/2"), Some("2024-11-08"), Some("عنوان"))
        );
        // An empty default field falls back too; the HTML of "html" is read as HTML.
        assert!(got[1].html);
        assert_eq!(got[1].title.as_deref(), Some("تیتر"));
        // A field the user names is not replaced by another.
        let opts = Options { text_field: "body".into(), ..Options::default() };
        let got: Vec<_> = JsonlReader::new("d".into(), data.as_bytes(), opts).collect();
        assert!(got.iter().all(|r| r.as_ref().is_err_and(|e| e.message.contains("no text field `body`"))));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..400)) {
            let _ = JsonlReader::new("x".into(), &bytes[..], Options { max_bytes: 64, ..Options::default() }).count();
        }
    }
}
