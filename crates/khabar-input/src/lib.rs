//! khabar's input layer: files in, [`Document`]s out, and documents to article records.
//!
//! Formats, detected by content (not only by extension): plain text, HTML, WARC and
//! `.warc.gz` (ISO 28500), JSON Lines (plain or gzip), and directories mixing them. Each file
//! yields an iterator of `Result<Document, InputError>`; an error names the file and the byte
//! offset or line of the bad record, and the iterator goes on with the next record.
//!
//! [`to_article`] turns a document into an [`Extracted`] article: HTML goes through charset
//! detection, main-content extraction and metadata ([`html`]), the language is identified
//! ([`lang`]) and non-chosen languages are skipped, then khabar's text pipeline
//! ([`khabar_extract::Extractor::extract_with_hints`]) lays out and cleans the text.
//!
//! ```no_run
//! use khabar_input::{Options, expand, read_input, to_article};
//! let ex = khabar_extract::Extractor::new();
//! let opts = Options::default();
//! for input in expand(&["crawl/".into()]) {
//!     let Ok(input) = input else { continue };
//!     for doc in read_input(&input, &opts) {
//!         match doc.and_then(|d| to_article(&ex, &d, &opts).map_err(|e| e.into_input_error(&d))) {
//!             Ok(ex) => println!("{}", ex.article.title.unwrap_or_default()),
//!             Err(e) => eprintln!("{e}"),
//!         }
//!     }
//! }
//! ```

pub mod html;
pub mod jsonl;
pub mod lang;
pub mod testkit;
pub mod warc;

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use khabar_extract::{ExtractError, Extracted, Extractor, Hints};

/// The container format a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A plain-text file (one document).
    Text,
    /// An HTML file (one document).
    Html,
    /// A WARC record.
    Warc,
    /// A JSON Lines line.
    Jsonl,
}

impl Format {
    /// "text", "html", "warc" or "jsonl".
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Warc => "warc",
            Format::Jsonl => "jsonl",
        }
    }
}

/// The content of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// Undecoded bytes (files, WARC payloads).
    Bytes(Vec<u8>),
    /// Text already decoded (JSON Lines).
    Text(String),
}

/// One document read from an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The file it came from ("-" for standard input).
    pub file: String,
    /// Byte offset of the record in the file (of its gzip member in `.warc.gz`); `None`
    /// for a whole file.
    pub offset: Option<u64>,
    /// 1-based line number, for JSON Lines.
    pub line: Option<usize>,
    /// Container format.
    pub format: Format,
    /// True when the content is HTML (an HTML file, a WARC HTML payload, a JSON Lines text
    /// field holding markup).
    pub html: bool,
    /// The content.
    pub body: Body,
    /// Charset declared by the container (HTTP `Content-Type`).
    pub charset: Option<String>,
    /// The page's URL when known.
    pub url: Option<String>,
    /// Capture or publication date from the container (WARC-Date, a JSON Lines field).
    pub captured: Option<String>,
    /// The title a JSON Lines record carries in a field of its own.
    pub title: Option<String>,
}

impl Document {
    /// Where the document is: "file", "file@offset" or "file:line".
    pub fn location(&self) -> String {
        match (self.line, self.offset) {
            (Some(l), _) => format!("{}:{l}", self.file),
            (None, Some(o)) => format!("{}@{o}", self.file),
            _ => self.file.clone(),
        }
    }

    /// The record's `source`: the URL when known, else [`Document::location`].
    pub fn source(&self) -> String {
        self.url.clone().unwrap_or_else(|| self.location())
    }
}

/// A problem with an input or one of its records. Display: "file[ offset N| line N]: message".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message}", location(file, *offset, *line))]
pub struct InputError {
    /// The file.
    pub file: String,
    /// Byte offset of the bad record.
    pub offset: Option<u64>,
    /// 1-based line of the bad record (JSON Lines).
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

fn location(file: &str, offset: Option<u64>, line: Option<usize>) -> String {
    match (line, offset) {
        (Some(l), Some(o)) => format!("{file}: line {l} (offset {o})"),
        (Some(l), None) => format!("{file}: line {l}"),
        (None, Some(o)) => format!("{file}: offset {o}"),
        _ => file.to_string(),
    }
}

/// Reading and extraction options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Largest document (file, record, line) accepted, in bytes.
    pub max_bytes: u64,
    /// JSON Lines field holding the text (a dotted path such as `meta.text` reaches inside).
    pub text_field: String,
    /// JSON Lines field holding the URL.
    pub url_field: String,
    /// JSON Lines field holding the date.
    pub date_field: String,
    /// JSON Lines field holding the title.
    pub title_field: String,
    /// Languages to process (ISO 639-1 codes; "fa" by default); others are skipped.
    /// Empty means all.
    pub langs: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            max_bytes: 16 * 1024 * 1024,
            text_field: "text".into(),
            url_field: "url".into(),
            date_field: "date".into(),
            title_field: "title".into(),
            langs: vec!["fa".into()],
        }
    }
}

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input, named "-".
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Input {
    /// The name records and messages use.
    pub fn name(&self) -> String {
        match self {
            Input::Stdin => "-".into(),
            Input::File(p) => p.display().to_string(),
        }
    }

    /// Reads the whole input as one document, refusing more than `limit` bytes (checked
    /// before reading a file).
    pub fn read_all(&self, limit: u64) -> Result<Vec<u8>, String> {
        let too_large = |size: u64| format!("document too large: {size} bytes, limit {limit} bytes (see --max-bytes)");
        if let Input::File(p) = self {
            let size = std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
            if size > limit {
                return Err(too_large(size));
            }
        }
        let mut buf = Vec::new();
        self.open().and_then(|r| r.take(limit + 1).read_to_end(&mut buf)).map_err(|e| e.to_string())?;
        if buf.len() as u64 > limit {
            return Err(too_large(buf.len() as u64));
        }
        Ok(buf)
    }

    fn open(&self) -> std::io::Result<Box<dyn Read>> {
        Ok(match self {
            Input::Stdin => Box::new(std::io::stdin()),
            Input::File(p) => Box::new(std::fs::File::open(p)?),
        })
    }
}

/// Expands paths into inputs: directories are walked recursively in sorted order (hidden
/// entries skipped), `-` or no path at all means standard input. Paths that cannot be listed
/// are returned as errors `(name, message)`, in order, without stopping the walk.
pub fn expand(paths: &[PathBuf]) -> Vec<Result<Input, (String, String)>> {
    if paths.is_empty() {
        return vec![Ok(Input::Stdin)];
    }
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Ok(Input::Stdin));
        } else if p.is_dir() {
            walk(p, &mut out);
        } else if p.exists() {
            out.push(Ok(Input::File(p.clone())));
        } else {
            out.push(Err((p.display().to_string(), "no such file or directory".into())));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<Input, (String, String)>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push(Err((dir.display().to_string(), e.to_string())));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| !p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.')))
        .collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, out);
        } else {
            out.push(Ok(Input::File(p)));
        }
    }
}

/// What the first bytes of a stream are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// gzip-compressed (look inside).
    Gzip,
    /// A WARC file.
    Warc,
    /// JSON Lines.
    Jsonl,
    /// An HTML page.
    Html,
    /// Anything else: one text document.
    Text,
}

/// Detects the format from the first bytes of a file.
pub fn sniff(head: &[u8]) -> Sniffed {
    if head.starts_with(&[0x1f, 0x8b]) {
        return Sniffed::Gzip;
    }
    let t = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let t = &t[t.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(t.len())..];
    if t.starts_with(b"WARC/1.") || t.starts_with(b"WARC/0.") {
        return Sniffed::Warc;
    }
    if t.starts_with(b"{") {
        // JSON Lines: the first line is an object by itself (a pretty-printed JSON document is
        // not, and is read as text).
        let first = t.split(|&b| b == b'\n').next().unwrap_or(t);
        let first = String::from_utf8_lossy(first);
        if serde_json::from_str::<serde_json::Value>(first.trim()).is_ok_and(|v| v.is_object()) || !head.contains(&b'\n') {
            return Sniffed::Jsonl;
        }
    }
    if html::looks_like_html(head) {
        return Sniffed::Html;
    }
    Sniffed::Text
}

type DocIter = Box<dyn Iterator<Item = Result<Document, InputError>>>;

/// Reads an input, detecting its format by content: each document in it, in order, or an
/// error naming the file (and offset or line) of a bad record. Memory is bounded by the
/// largest record (`opts.max_bytes`), not by the file.
pub fn read_input(input: &Input, opts: &Options) -> DocIter {
    let name = input.name();
    let err = |name: &str, m: String| -> DocIter {
        Box::new(std::iter::once(Err(InputError { file: name.to_string(), offset: None, line: None, message: m })))
    };
    let reader = match input.open() {
        Ok(r) => r,
        Err(e) => return err(&name, e.to_string()),
    };
    let mut r = BufReader::with_capacity(64 * 1024, reader);
    let head = match fill_head(&mut r, 8192) {
        Ok(h) => h,
        Err(e) => return err(&name, e.to_string()),
    };
    match sniff(&head) {
        Sniffed::Gzip => {
            // Peek inside the first member to tell .warc.gz from .jsonl.gz and others.
            let mut inner_head = Vec::new();
            let _ = flate2::read::GzDecoder::new(&head[..]).take(8192).read_to_end(&mut inner_head);
            match sniff(&inner_head) {
                Sniffed::Warc => warc_docs(name, warc::WarcReader::gzip(r, opts.max_bytes), opts),
                Sniffed::Jsonl => {
                    let gz = BufReader::new(flate2::read::MultiGzDecoder::new(r));
                    Box::new(jsonl::JsonlReader::new(name, gz, opts.clone()))
                }
                _ => {
                    let gz = flate2::read::MultiGzDecoder::new(r);
                    whole(name, gz, opts, true)
                }
            }
        }
        Sniffed::Warc => warc_docs(name, warc::WarcReader::plain(r, opts.max_bytes), opts),
        Sniffed::Jsonl => Box::new(jsonl::JsonlReader::new(name, r, opts.clone())),
        Sniffed::Html | Sniffed::Text => whole(name, r, opts, false),
    }
}

/// Fills the reader's buffer with up to `n` bytes without consuming them.
fn fill_head<R: Read>(r: &mut BufReader<R>, n: usize) -> std::io::Result<Vec<u8>> {
    // BufReader::fill_buf returns what one read gave; that is enough for sniffing in
    // practice, but loop on short reads from pipes.
    let buf = r.fill_buf()?;
    Ok(buf[..buf.len().min(n)].to_vec())
}

fn whole<R: Read + 'static>(name: String, r: R, opts: &Options, gz: bool) -> DocIter {
    let mut bytes = Vec::new();
    let limit = opts.max_bytes;
    if let Err(e) = r.take(limit + 1).read_to_end(&mut bytes) {
        let what = if gz { format!("broken gzip: {e}") } else { e.to_string() };
        return Box::new(std::iter::once(Err(InputError { file: name, offset: None, line: None, message: what })));
    }
    if bytes.len() as u64 > limit {
        return Box::new(std::iter::once(Err(InputError {
            file: name,
            offset: None,
            line: None,
            message: format!("document too large: more than {limit} bytes (see --max-bytes)"),
        })));
    }
    let is_html = matches!(sniff(&bytes[..bytes.len().min(8192)]), Sniffed::Html);
    Box::new(std::iter::once(Ok(Document {
        file: name,
        offset: None,
        line: None,
        format: if is_html { Format::Html } else { Format::Text },
        html: is_html,
        body: Body::Bytes(bytes),
        charset: None,
        url: None,
        captured: None,
        title: None,
    })))
}

fn warc_docs<R: Read + 'static>(name: String, reader: warc::WarcReader<R>, _opts: &Options) -> DocIter {
    Box::new(reader.map(move |r| match r {
        Ok(p) => Ok(Document {
            file: name.clone(),
            offset: Some(p.offset),
            line: None,
            format: Format::Warc,
            html: p.mime != "text/plain" && (p.mime != "" || html::looks_like_html(&p.body)),
            body: Body::Bytes(p.body),
            charset: p.charset,
            url: p.url,
            captured: p.date,
            title: None,
        }),
        Err(e) => Err(InputError { file: name.clone(), offset: Some(e.offset), line: None, message: e.message }),
    }))
}

/// Why a document yielded no article.
#[derive(Debug, thiserror::Error)]
pub enum DocError {
    /// Decoding or the text pipeline failed.
    #[error(transparent)]
    Extract(#[from] ExtractError),
    /// The document is in a language not chosen (`--lang`).
    #[error("skipped: language {name} ({code})")]
    Skipped {
        /// ISO code.
        code: &'static str,
        /// English name.
        name: &'static str,
    },
}

impl DocError {
    /// The error as an [`InputError`] locating `doc`.
    pub fn into_input_error(self, doc: &Document) -> InputError {
        InputError { file: doc.file.clone(), offset: doc.offset, line: doc.line, message: self.to_string() }
    }

    /// True for a document skipped for its language (not a failure).
    pub fn is_skip(&self) -> bool {
        matches!(self, DocError::Skipped { .. })
    }
}

/// Turns a document into an article: decode (HTML: BOM, HTTP charset, `<meta>`, detection),
/// main content and metadata for HTML, language identification, then
/// [`Extractor::extract_with_hints`]. Sets `source` (the URL when known), `url`, `captured`,
/// `format`, `language` and `encoding`.
pub fn to_article(ex: &Extractor, doc: &Document, opts: &Options) -> Result<Extracted, DocError> {
    let (text, encoding, mut warnings) = match &doc.body {
        Body::Bytes(b) if doc.html => {
            let d = html::decode_html(b, doc.charset.as_deref()).map_err(ExtractError::from)?;
            (d.text, d.encoding, d.warnings)
        }
        Body::Bytes(b) => {
            let d = match doc.charset.as_deref().and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes())) {
                Some(enc) if enc != encoding_rs::UTF_8 => {
                    let (t, _) = enc.decode_without_bom_handling(b);
                    khabar_extract::decode::Decoded { text: t.into_owned(), encoding: enc.name(), warnings: vec![] }
                }
                _ => khabar_extract::decode::decode(b).map_err(ExtractError::from)?,
            };
            (d.text, d.encoding, d.warnings)
        }
        Body::Text(t) => (t.clone(), "UTF-8", Vec::new()),
    };
    let mut hints = Hints { url: doc.url.clone(), ..Hints::default() };
    let text = if doc.html {
        let page = html::extract_html(&text);
        hints.title = page.title;
        hints.published = page.published;
        hints.news_id = page.news_id;
        hints.site_name = page.site_name;
        if hints.url.is_none() {
            hints.url = page.url;
        }
        page.text
    } else {
        text
    };
    if hints.published.is_none() && doc.format == Format::Jsonl {
        hints.published = doc.captured.clone();
    }
    if hints.title.is_none() {
        hints.title = doc.title.clone();
    }
    let language = lang::identify(&text);
    if let Some(l) = language
        && !opts.langs.is_empty()
        && !opts.langs.iter().any(|c| c == l.code)
    {
        return Err(DocError::Skipped { code: l.code, name: l.name });
    }
    let source = hints.url.clone().unwrap_or_else(|| doc.location());
    let mut out = ex.extract_with_hints(&source, text, &hints)?;
    let a = &mut out.article;
    a.encoding = encoding.to_string();
    warnings.append(&mut a.warnings);
    a.warnings = warnings;
    a.captured = doc.captured.clone();
    a.format = Some(doc.format.as_str().to_string());
    a.language = language.map(|l| l.code.to_string());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content() {
        assert_eq!(sniff(b"WARC/1.1\r\n"), Sniffed::Warc);
        assert_eq!(sniff(b"\x1f\x8b\x08"), Sniffed::Gzip);
        assert_eq!(sniff(b"{\"text\": \"x\"}\n{\"text\": \"y\"}\n"), Sniffed::Jsonl);
        assert_eq!(sniff(b"{\n  \"a\": 1\n}\n"), Sniffed::Text);
        assert_eq!(sniff(b"<!doctype html><html>"), Sniffed::Html);
        assert_eq!(sniff("عنوان\nمتن".as_bytes()), Sniffed::Text);
    }

    #[test]
    fn error_display_names_file_and_offset() {
        let e = InputError { file: "a.warc".into(), offset: Some(12), line: None, message: "bad".into() };
        assert_eq!(e.to_string(), "a.warc: offset 12: bad");
        let e = InputError { file: "a.jsonl".into(), offset: Some(40), line: Some(3), message: "bad".into() };
        assert_eq!(e.to_string(), "a.jsonl: line 3 (offset 40): bad");
    }

    proptest::proptest! {
        #[test]
        fn sniff_never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..300)) {
            let _ = sniff(&bytes);
        }
    }
}
