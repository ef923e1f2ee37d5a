//! WARC (ISO 28500, versions 1.0 and 1.1), plain or gzip-compressed one record per member.
//!
//! `response` records are parsed as HTTP responses (status line, headers, chunked transfer
//! encoding, gzip/deflate content encoding); `resource` records are taken as they are with the
//! WARC `Content-Type`. Records of other types (`request`, `metadata`, `warcinfo`, `revisit`),
//! non-2xx responses and bodies that are neither HTML nor plain text are passed over silently.
//! A bad record (truncated gzip member, broken WARC header, short block, broken HTTP, broken
//! chunking) yields an error with its byte offset (for `.warc.gz`, the offset of its gzip
//! member in the compressed file) and reading goes on with the next record.

use std::io::{BufRead, BufReader, Read};

use flate2::bufread::GzDecoder;

/// One payload taken from a WARC record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payload {
    /// Byte offset of the record (of its gzip member for `.warc.gz`).
    pub offset: u64,
    /// `WARC-Target-URI`.
    pub url: Option<String>,
    /// `WARC-Date`.
    pub date: Option<String>,
    /// MIME type of the payload, lower-cased, without parameters.
    pub mime: String,
    /// `charset` parameter of the HTTP (or WARC) `Content-Type`.
    pub charset: Option<String>,
    /// The decoded body (transfer and content encodings removed).
    pub body: Vec<u8>,
}

/// A problem with one record; `offset` locates it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// Byte offset of the record (of its gzip member for `.warc.gz`).
    pub offset: u64,
    /// What is wrong.
    pub message: String,
}

/// A parsed record before payload extraction.
struct Raw {
    headers: Vec<(String, String)>,
    block: Vec<u8>,
}

impl Raw {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Reads one line (LF-terminated) into `buf`, at most `limit` bytes; returns bytes consumed.
fn read_line_limited<R: BufRead>(r: &mut R, buf: &mut Vec<u8>, limit: usize) -> std::io::Result<usize> {
    buf.clear();
    let n = r.by_ref().take(limit as u64).read_until(b'\n', buf)?;
    Ok(n)
}

/// Reads the next record from a stream positioned at a record boundary (or the blank lines
/// before one). `pos` is advanced by the bytes consumed. `Ok(None)` at end of input.
/// Errors: `(message, resync)`; when `resync` the caller may go on reading.
fn next_raw<R: BufRead>(r: &mut R, pos: &mut u64, max_block: u64) -> Result<Option<(u64, Raw)>, (u64, String, bool)> {
    let mut line = Vec::new();
    // Skip blank lines between records.
    let start = loop {
        let at = *pos;
        let n = read_line_limited(r, &mut line, 64 * 1024).map_err(|e| (at, e.to_string(), false))?;
        if n == 0 {
            return Ok(None);
        }
        *pos += n as u64;
        if line.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        if line.starts_with(b"WARC/") {
            break at;
        }
        // Not a record start: skip to the next line that is one.
        let msg = format!("not a WARC record header: {:?}", String::from_utf8_lossy(&line[..line.len().min(40)]));
        loop {
            let peek = r.fill_buf().map_err(|e| (at, e.to_string(), false))?;
            if peek.is_empty() || peek.starts_with(b"WARC/") {
                break;
            }
            let n = read_line_limited(r, &mut line, 1 << 20).map_err(|e| (at, e.to_string(), false))?;
            *pos += n as u64;
        }
        return Err((at, msg, true));
    };
    let mut headers = Vec::new();
    loop {
        let n = read_line_limited(r, &mut line, 64 * 1024).map_err(|e| (start, e.to_string(), false))?;
        if n == 0 {
            return Err((start, "truncated WARC header".into(), false));
        }
        *pos += n as u64;
        let l = String::from_utf8_lossy(&line);
        let l = l.trim_end_matches(['\r', '\n']);
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    let len: u64 = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("Content-Length"))
        .and_then(|(_, v)| v.parse().ok())
        .ok_or((start, "WARC record without a valid Content-Length".to_string(), true))?;
    if len > max_block {
        let skipped = std::io::copy(&mut r.by_ref().take(len), &mut std::io::sink()).map_err(|e| (start, e.to_string(), false))?;
        *pos += skipped;
        return Err((start, format!("record too large: {len} bytes, limit {max_block} bytes"), skipped == len));
    }
    let mut block = Vec::with_capacity(len as usize);
    let got = r.by_ref().take(len).read_to_end(&mut block).map_err(|e| (start, e.to_string(), false))?;
    *pos += got as u64;
    if (got as u64) < len {
        return Err((start, format!("truncated WARC record: {got} of {len} bytes"), false));
    }
    Ok(Some((start, Raw { headers, block })))
}

/// Splits a `Content-Type` value into (mime, charset).
pub fn parse_content_type(v: &str) -> (String, Option<String>) {
    let mut parts = v.split(';');
    let mime = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("charset").then(|| v.trim().trim_matches(['"', '\'']).to_string())
    });
    (mime, charset)
}

/// Turns a record into a payload: `Ok(None)` for records that hold no document.
fn payload(offset: u64, raw: Raw, max_body: u64) -> Result<Option<Payload>, RecordError> {
    let err = |m: String| RecordError { offset, message: m };
    let ty = raw.header("WARC-Type").unwrap_or("").to_ascii_lowercase();
    let url = raw.header("WARC-Target-URI").map(|u| u.trim_matches(['<', '>']).to_string());
    let date = raw.header("WARC-Date").map(str::to_string);
    let (mime, charset, body) = match ty.as_str() {
        "response" => {
            let (wmime, _) = parse_content_type(raw.header("Content-Type").unwrap_or(""));
            if !wmime.is_empty() && !wmime.starts_with("application/http") {
                // A response record of another protocol (dns:, ...).
                return Ok(None);
            }
            let resp = parse_http(&raw.block, max_body).map_err(err)?;
            if !(200..300).contains(&resp.status) {
                return Ok(None);
            }
            (resp.mime, resp.charset, resp.body)
        }
        "resource" => {
            let (mime, charset) = parse_content_type(raw.header("Content-Type").unwrap_or(""));
            (mime, charset, raw.block)
        }
        _ => return Ok(None),
    };
    let wanted = mime.is_empty() || mime == "text/html" || mime == "application/xhtml+xml" || mime == "text/plain";
    if !wanted {
        return Ok(None);
    }
    Ok(Some(Payload { offset, url, date, mime, charset, body }))
}

/// An HTTP response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    /// Status code.
    pub status: u16,
    /// MIME type, lower-cased.
    pub mime: String,
    /// `charset` parameter.
    pub charset: Option<String>,
    /// Body with transfer and content encodings removed.
    pub body: Vec<u8>,
}

/// Parses an HTTP/1.x response message.
pub fn parse_http(block: &[u8], max_body: u64) -> Result<HttpResponse, String> {
    let head_end = find(block, b"\r\n\r\n").map(|i| (i, i + 4)).or_else(|| find(block, b"\n\n").map(|i| (i, i + 2)));
    let Some((he, body_start)) = head_end else {
        return Err("broken HTTP response: no end of headers".into());
    };
    let head = String::from_utf8_lossy(&block[..he]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    let mut sp = status_line.split_whitespace();
    let proto = sp.next().unwrap_or("");
    let status: u16 = sp.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    if !proto.starts_with("HTTP/") || status == 0 {
        return Err(format!("broken HTTP response: status line {:?}", status_line.chars().take(40).collect::<String>()));
    }
    let (mut mime, mut charset, mut chunked, mut encoding) = (String::new(), None, false, String::new());
    for l in lines {
        let Some((k, v)) = l.split_once(':') else { continue };
        let k = k.trim();
        if k.eq_ignore_ascii_case("content-type") {
            (mime, charset) = parse_content_type(v);
        } else if k.eq_ignore_ascii_case("transfer-encoding") {
            chunked = v.to_ascii_lowercase().contains("chunked");
        } else if k.eq_ignore_ascii_case("content-encoding") {
            encoding = v.trim().to_ascii_lowercase();
        }
    }
    let mut body = block[body_start..].to_vec();
    if chunked {
        body = dechunk(&body)?;
    }
    match encoding.as_str() {
        "" | "identity" => {}
        "gzip" | "x-gzip" => body = inflate(flate2::read::MultiGzDecoder::new(&body[..]), max_body, "gzip")?,
        "deflate" => {
            body = match inflate(flate2::read::ZlibDecoder::new(&body[..]), max_body, "deflate") {
                Ok(b) => b,
                Err(_) => inflate(flate2::read::DeflateDecoder::new(&body[..]), max_body, "deflate")?,
            }
        }
        other => return Err(format!("unsupported HTTP content encoding {other:?}")),
    }
    Ok(HttpResponse { status, mime, charset, body })
}

fn inflate<R: Read>(r: R, max: u64, what: &str) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    r.take(max + 1).read_to_end(&mut out).map_err(|e| format!("broken {what} HTTP body: {e}"))?;
    if out.len() as u64 > max {
        return Err(format!("HTTP body larger than {max} bytes"));
    }
    Ok(out)
}

/// Removes chunked transfer encoding.
pub fn dechunk(mut b: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(b.len());
    loop {
        let Some(eol) = find(b, b"\n") else {
            return Err("broken chunked HTTP body: no chunk size".into());
        };
        let size_line = String::from_utf8_lossy(&b[..eol]);
        let size_hex = size_line.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_hex, 16).map_err(|_| format!("broken chunked HTTP body: chunk size {size_hex:?}"))?;
        b = &b[eol + 1..];
        if size == 0 {
            return Ok(out);
        }
        if b.len() < size {
            return Err(format!("broken chunked HTTP body: chunk of {size} bytes, {} left", b.len()));
        }
        out.extend_from_slice(&b[..size]);
        b = &b[size..];
        b = b.strip_prefix(b"\r\n").or_else(|| b.strip_prefix(b"\n")).unwrap_or(b);
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Reads payloads from a WARC stream; errors carry offsets, reading goes on where it can.
pub struct WarcReader<R: Read> {
    inner: Inner<R>,
    max: u64,
    done: bool,
    pending: std::collections::VecDeque<Result<Payload, RecordError>>,
}

enum Inner<R: Read> {
    Plain { r: BufReader<R>, pos: u64 },
    Gz { r: BufReader<Pushback<R>>, pos: u64 },
}

/// A reader with bytes pushed back in front of it (to resynchronize after a broken member).
struct Pushback<R: Read> {
    front: Vec<u8>,
    at: usize,
    inner: R,
}

impl<R: Read> Read for Pushback<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.at < self.front.len() {
            let n = buf.len().min(self.front.len() - self.at);
            buf[..n].copy_from_slice(&self.front[self.at..self.at + n]);
            self.at += n;
            return Ok(n);
        }
        self.inner.read(buf)
    }
}

impl<R: Read> WarcReader<R> {
    /// A reader of uncompressed WARC.
    pub fn plain(r: R, max_record: u64) -> Self {
        Self::new(Inner::Plain { r: BufReader::with_capacity(64 * 1024, r), pos: 0 }, max_record)
    }

    /// A reader of `.warc.gz` (one or more records per gzip member).
    pub fn gzip(r: R, max_record: u64) -> Self {
        let r = Pushback { front: Vec::new(), at: 0, inner: r };
        Self::new(Inner::Gz { r: BufReader::with_capacity(64 * 1024, r), pos: 0 }, max_record)
    }

    fn new(inner: Inner<R>, max: u64) -> Self {
        Self { inner, max, done: false, pending: Default::default() }
    }

    fn fill(&mut self) {
        let max = self.max;
        match &mut self.inner {
            Inner::Plain { r, pos } => match next_raw(r, pos, max) {
                Ok(None) => self.done = true,
                Ok(Some((off, raw))) => {
                    if let Some(p) = payload(off, raw, max).transpose() {
                        self.pending.push_back(p);
                    }
                }
                Err((off, message, resync)) => {
                    self.pending.push_back(Err(RecordError { offset: off, message }));
                    self.done = !resync;
                }
            },
            Inner::Gz { r, pos } => {
                // Skip anything before the next gzip member.
                let member_start = *pos;
                let buf = match r.fill_buf() {
                    Ok(b) => b,
                    Err(e) => {
                        self.pending.push_back(Err(RecordError { offset: member_start, message: e.to_string() }));
                        self.done = true;
                        return;
                    }
                };
                if buf.is_empty() {
                    self.done = true;
                    return;
                }
                let mut counting = Counting { r, n: 0, seen: Vec::new() };
                let mut member = Vec::new();
                let res = GzDecoder::new(&mut counting).take(max + 64 * 1024).read_to_end(&mut member);
                let (consumed, seen) = (counting.n, counting.seen);
                *pos += consumed;
                if let Err(e) = res {
                    self.pending.push_back(Err(RecordError { offset: member_start, message: format!("broken gzip member: {e}") }));
                    // Resynchronize on the next gzip magic, which the decoder may have read
                    // past or only partly.
                    let mut all = seen;
                    all.extend_from_slice(r.buffer());
                    if let Some(i) = all.windows(3).skip(1).position(|w| w == [0x1f, 0x8b, 0x08]).map(|i| i + 1) {
                        let buffered = r.buffer().len();
                        r.consume(buffered);
                        let inner = r.get_mut();
                        let mut front = all.split_off(i);
                        front.extend_from_slice(&inner.front[inner.at..]);
                        inner.front = front;
                        inner.at = 0;
                        *pos = member_start + i as u64;
                    } else if !skip_to_magic(r, pos, member_start) {
                        self.done = true;
                    }
                    return;
                }
                if member.len() as u64 > max + 32 * 1024 {
                    self.pending.push_back(Err(RecordError { offset: member_start, message: format!("gzip member larger than {max} bytes") }));
                    // Drain the rest of the member.
                    if !skip_to_magic(r, pos, member_start) {
                        self.done = true;
                    }
                    return;
                }
                let mut cur = std::io::Cursor::new(&member[..]);
                let mut inner_pos = 0u64;
                loop {
                    match next_raw(&mut cur, &mut inner_pos, max) {
                        Ok(None) => break,
                        Ok(Some((_, raw))) => {
                            if let Some(p) = payload(member_start, raw, max).transpose() {
                                self.pending.push_back(p);
                            }
                        }
                        Err((_, message, resync)) => {
                            self.pending.push_back(Err(RecordError { offset: member_start, message }));
                            if !resync {
                                break;
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Advances past bytes up to the next gzip magic (1f 8b 08); false at end of input.
fn skip_to_magic<R: Read>(r: &mut BufReader<R>, pos: &mut u64, failed_at: u64) -> bool {
    loop {
        let buf = match r.fill_buf() {
            Ok(b) if !b.is_empty() => b,
            _ => return false,
        };
        if let Some(i) = buf.windows(3).position(|w| w == [0x1f, 0x8b, 0x08]) {
            if i == 0 && *pos == failed_at {
                // We are at the magic that failed: step over one byte first.
                r.consume(1);
                *pos += 1;
                continue;
            }
            r.consume(i);
            *pos += i as u64;
            return true;
        }
        let n = buf.len().saturating_sub(2).max(1);
        r.consume(n);
        *pos += n as u64;
    }
}

/// A `BufRead` that counts (and keeps) the bytes consumed from it.
struct Counting<'a, R: BufRead> {
    r: &'a mut R,
    n: u64,
    seen: Vec<u8>,
}

impl<R: BufRead> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.r.read(buf)?;
        self.n += n as u64;
        self.seen.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<'_, R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.r.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.n += amt as u64;
        if let Ok(b) = self.r.fill_buf() {
            self.seen.extend_from_slice(&b[..amt.min(b.len())]);
        }
        self.r.consume(amt);
    }
}

impl<R: Read> Iterator for WarcReader<R> {
    type Item = Result<Payload, RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        while self.pending.is_empty() && !self.done {
            self.fill();
        }
        self.pending.pop_front()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::{gzip, warc_record};

    const PAGE: &str = "<html><body><p>سلام</p></body></html>";

    fn http(body: &[u8], extra: &str) -> Vec<u8> {
        let mut v = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n{extra}\r\n").into_bytes();
        v.extend_from_slice(body);
        v
    }

    #[test]
    fn plain_and_gzip_with_chunked_and_gzip_bodies() {
        let chunked = format!("{:x}\r\n{}\r\n0\r\n\r\n", PAGE.len(), PAGE);
        let records = [
            warc_record("warcinfo", None, "application/warc-fields", b"software: test\r\n"),
            warc_record("response", Some("https://www.isna.ir/news/1"), "application/http; msgtype=response", &http(PAGE.as_bytes(), "")),
            warc_record("request", Some("https://www.isna.ir/news/1"), "application/http; msgtype=request", b"GET / HTTP/1.1\r\n\r\n"),
            warc_record("response", Some("https://a.ir/2"), "application/http; msgtype=response", &http(chunked.as_bytes(), "Transfer-Encoding: chunked\r\n")),
            warc_record("response", Some("https://a.ir/3"), "application/http; msgtype=response", &http(&gzip(PAGE.as_bytes()), "Content-Encoding: gzip\r\n")),
            warc_record("resource", Some("file:///x.html"), "text/html", PAGE.as_bytes()),
            warc_record("response", Some("https://a.ir/img.png"), "application/http; msgtype=response", b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG"),
        ];
        let plain: Vec<u8> = records.concat();
        let got: Vec<Payload> = WarcReader::plain(&plain[..], 1 << 20).map(|r| r.unwrap()).collect();
        assert_eq!(got.len(), 4);
        assert!(got.iter().all(|p| p.body == PAGE.as_bytes()));
        assert_eq!(got[0].url.as_deref(), Some("https://www.isna.ir/news/1"));
        assert_eq!(got[0].offset, records[0].len() as u64);
        assert_eq!(got[0].date.as_deref(), Some("2024-11-14T09:00:00Z"));
        let gz: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
        let got_gz: Vec<Payload> = WarcReader::gzip(&gz[..], 1 << 20).map(|r| r.unwrap()).collect();
        assert_eq!(got_gz.len(), 4);
        assert_eq!(got_gz[0].offset, gzip(&records[0]).len() as u64);
    }

    #[test]
    fn bad_records_are_reported_and_skipped() {
        let good = warc_record("response", Some("https://a.ir/1"), "application/http; msgtype=response", &http(PAGE.as_bytes(), ""));
        let broken_http = warc_record("response", Some("https://a.ir/2"), "application/http; msgtype=response", b"garbage without headers");
        let broken_chunks = warc_record("response", Some("https://a.ir/3"), "application/http; msgtype=response", &http(b"zz\r\nabc", "Transfer-Encoding: chunked\r\n"));
        let plain = [good.clone(), broken_http.clone(), broken_chunks.clone(), b"junk line\r\n".to_vec(), good.clone()].concat();
        let got: Vec<_> = WarcReader::plain(&plain[..], 1 << 20).collect();
        let oks = got.iter().filter(|r| r.is_ok()).count();
        let errs: Vec<&RecordError> = got.iter().filter_map(|r| r.as_ref().err()).collect();
        assert_eq!(oks, 2);
        assert_eq!(errs.len(), 3);
        assert_eq!(errs[0].offset, good.len() as u64);
        assert!(errs[0].message.contains("HTTP"));
        assert!(errs[1].message.contains("chunk"));
        assert!(errs[2].message.contains("not a WARC record"));

        // gzip: a truncated member in the middle, then a good one.
        let g = gzip(&good);
        let mut gz = g.clone();
        gz.extend_from_slice(&g[..g.len() / 2]);
        let resume = gz.len() as u64;
        gz.extend_from_slice(&g);
        let got: Vec<_> = WarcReader::gzip(&gz[..], 1 << 20).collect();
        assert_eq!(got.iter().filter(|r| r.is_ok()).count(), 2, "{got:?}");
        let e = got.iter().find_map(|r| r.as_ref().err()).unwrap();
        assert_eq!(e.offset, g.len() as u64);
        assert!(e.message.contains("gzip"));
        assert_eq!(got.last().unwrap().as_ref().unwrap().offset, resume);

        // Garbage that starts like a gzip member, then a good member.
        let gz = [g.clone(), b"\x1f\x8b\x08\x00garbage".to_vec(), g.clone()].concat();
        let got: Vec<_> = WarcReader::gzip(&gz[..], 1 << 20).collect();
        let errs: Vec<_> = got.iter().filter_map(|r| r.as_ref().err()).collect();
        assert_eq!(got.iter().filter(|r| r.is_ok()).count(), 2, "{errs:?}");

        // A truncated plain record at the end.
        let cut = &good[..good.len() - 10];
        let got: Vec<_> = WarcReader::plain([good.clone(), cut.to_vec()].concat().as_slice(), 1 << 20).collect();
        assert!(got[0].is_ok() && got[1].as_ref().unwrap_err().message.contains("truncated"));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..800)) {
            let _ = WarcReader::plain(&bytes[..], 4096).take(50).count();
            let _ = WarcReader::gzip(&bytes[..], 4096).take(50).count();
            let mut with_header = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\n".to_vec();
            with_header.extend_from_slice(&bytes);
            let _ = WarcReader::plain(&with_header[..], 4096).take(50).count();
            let _ = dechunk(&bytes);
            let _ = parse_http(&bytes, 4096);
        }
    }
}
