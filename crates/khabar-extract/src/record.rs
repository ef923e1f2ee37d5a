//! The article record: what `khabar process` writes, one JSON object per article.
//!
//! All offsets index the record's `text`, counted in Unicode scalar values (Rust `char`s,
//! Python `str` indices). `segments` map each piece of `text` back to the decoded input.
//! The JSON Schema is `schema/article.schema.json` in the repository.

use serde::{Deserialize, Serialize};

use crate::layout::Field;

/// An outlet as it appears in a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyRef {
    /// Stable id from `data/agencies.tsv`, e.g. "mehr".
    pub id: String,
    /// Persian name, e.g. "خبرگزاری مهر".
    pub name_fa: String,
    /// English name, e.g. "Mehr News Agency".
    pub name_en: String,
}

/// A piece of `text` and where it came from in the decoded input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segment {
    /// Which field the piece belongs to.
    pub field: Field,
    /// Start in `text` (chars).
    pub start: usize,
    /// End in `text` (chars, exclusive).
    pub end: usize,
    /// Start in the decoded input (chars).
    pub raw_start: usize,
    /// End in the decoded input (chars, exclusive).
    pub raw_end: usize,
}

/// One article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The input path, or "-" for standard input.
    pub source: String,
    /// Kicker, title, lead and body, normalized and joined by blank lines.
    pub text: String,
    /// روتیتر: the line above the title.
    pub kicker: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// The first paragraph.
    pub lead: Option<String>,
    /// The remaining paragraphs, joined by blank lines.
    pub body: Option<String>,
    /// The outlet that published the article.
    pub agency: Option<AgencyRef>,
    /// For a republished story ("به نقل از مهر"), the outlet it came from.
    pub agency_origin: Option<AgencyRef>,
    /// The outlet's article code, ASCII digits.
    pub news_id: Option<String>,
    /// RFC 3339 with the Asia/Tehran offset in force then ("2024-06-20T11:05:00+03:30"),
    /// or a bare date "YYYY-MM-DD" when the page printed no time.
    pub published: Option<String>,
    /// Jalali "YYYY-MM-DDTHH:MM" (or "YYYY-MM-DD" without a time).
    pub published_jalali: Option<String>,
    /// Lines removed as site chrome, as they appear in the input.
    pub boilerplate: Vec<String>,
    /// Where each piece of `text` came from in the decoded input.
    pub segments: Vec<Segment>,
    /// The input's character encoding, e.g. "UTF-8", "windows-1256".
    pub encoding: String,
    /// Problems that did not stop extraction.
    pub warnings: Vec<String>,
    /// The page's URL, when known (HTML page, WARC target URI, JSON Lines field).
    #[serde(default)]
    pub url: Option<String>,
    /// When the page was captured (WARC-Date or a JSON Lines date field), as given.
    #[serde(default)]
    pub captured: Option<String>,
    /// The input format the document was read from: "text", "html", "warc" or "jsonl".
    #[serde(default)]
    pub format: Option<String>,
    /// ISO 639-1 code of the document's language as identified ("fa").
    #[serde(default)]
    pub language: Option<String>,
    /// Near-duplicate cluster: equal for copies of one story (see khabar-dedup).
    #[serde(default)]
    pub cluster: Option<String>,
}

impl Article {
    /// The characters `start..end` of `text`.
    pub fn text_slice(&self, start: usize, end: usize) -> &str {
        crate::layout::slice_chars(&self.text, start..end)
    }
}
