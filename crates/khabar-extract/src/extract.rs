//! The extraction pipeline for one document: decode, lay out, normalize, assemble.

use std::ops::Range;

use khabar_normalize::{Normalizer, NormalizerOptions};

use crate::agency::Outlets;
use crate::chrome::ChromeRules;
use crate::decode::{DecodeError, decode};
use crate::layout::{Field, lay_out_titled, slice_chars};
use crate::record::{AgencyRef, Article, Segment};

/// Why a document yielded no article.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The bytes are not usable text.
    #[error(transparent)]
    Decode(#[from] DecodeError),
    /// The text is not written in the Arabic script (an English page, a TSV of numbers).
    #[error("not Persian text: {0}% of its letters are Arabic-script")]
    NotPersian(usize),
    /// Nothing but chrome was found.
    #[error("no article text found ({0} lines of site chrome only)")]
    NoContent(usize),
}

/// Maps each character of a record's `text` back to the decoded input.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    /// For each char of `text`, the char range in the decoded input it came from
    /// (empty at the start of a separator between pieces).
    spans: Vec<(u32, u32)>,
}

impl OffsetMap {
    /// The char range of the decoded input that `text[range]` came from.
    pub fn raw_range(&self, range: Range<usize>) -> Range<usize> {
        if range.is_empty() || range.start >= self.spans.len() {
            let p = self.spans.get(range.start).map_or(0, |s| s.0 as usize);
            return p..p;
        }
        let end = range.end.min(self.spans.len());
        let s = self.spans[range.start].0 as usize;
        let e = self.spans[range.start..end].iter().map(|x| x.1 as usize).max().unwrap_or(s);
        s..e.max(s)
    }
}

/// An extracted article and the map from its text back to the input.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// The record.
    pub article: Article,
    /// Offsets back into the decoded input.
    pub offsets: OffsetMap,
    /// The decoded input.
    pub raw: String,
}

/// Percentage of letters (in the first 20,000 chars) that are Arabic-script.
fn arabic_script_share(text: &str) -> usize {
    let (mut arabic, mut letters) = (0usize, 0usize);
    for c in text.chars().take(20_000) {
        if crate::fold::is_arabic_letter(c) {
            arabic += 1;
            letters += 1;
        } else if c.is_ascii() {
            letters += usize::from(c.is_ascii_alphabetic());
        } else if c.is_alphabetic() {
            letters += 1;
        }
    }
    if letters == 0 { 0 } else { arabic * 100 / letters }
}

/// What a container knows about a document besides its text (HTML metadata, a WARC
/// header, JSON Lines fields). Used only where the text itself says nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// The headline from metadata (`og:title`, JSON-LD `headline`, `<title>`).
    pub title: Option<String>,
    /// A machine-readable publication date (`article:published_time`, JSON-LD
    /// `datePublished`, a CMS `<meta>`): read by [`crate::dates::PublishTime::from_iso`].
    pub published: Option<String>,
    /// The page's URL: goes into the record and names the outlet by its domain when the
    /// text names none.
    pub url: Option<String>,
    /// The outlet's article code from metadata.
    pub news_id: Option<String>,
    /// The site's name from metadata (`og:site_name`, the `<title>` suffix): names the outlet when
    /// neither the text nor the URL does, if it is an outlet's whole name.
    pub site_name: Option<String>,
}

/// Turns documents into article records. Cheap to share across threads.
#[derive(Debug)]
pub struct Extractor {
    normalizer: Normalizer,
    rules: &'static ChromeRules,
    outlets: &'static Outlets,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

impl Extractor {
    /// An extractor with khabar's shipped chrome rules and outlets.
    ///
    /// Record text is normalized conservatively: characters to standard Persian, lost ZWNJ
    /// restored inside glued words, white space tidied; the author's word spacing and
    /// punctuation are kept, so every span can be read against the source.
    pub fn new() -> Self {
        let opts = NormalizerOptions { join_spaced: false, fix_punctuation: false, ..Default::default() };
        Self { normalizer: Normalizer::new(opts), rules: ChromeRules::builtin(), outlets: Outlets::builtin() }
    }

    /// The same extractor, writing `words` glued in record text whatever the ZWNJ model would restore
    /// (names from a knowledge base: "قالیباف", not "قالی‌باف"; see
    /// [`Normalizer::with_glued_words`]).
    pub fn with_glued_words<'a>(mut self, words: impl IntoIterator<Item = &'a str>) -> Self {
        self.normalizer = self.normalizer.with_glued_words(words);
        self
    }

    /// The outlets this extractor recognizes.
    pub fn outlets(&self) -> &Outlets {
        self.outlets
    }

    /// Extracts one document from its bytes.
    pub fn extract_bytes(&self, source: &str, bytes: &[u8]) -> Result<Extracted, ExtractError> {
        let decoded = decode(bytes)?;
        let mut ex = self.extract_text(source, decoded.text)?;
        ex.article.encoding = decoded.encoding.to_string();
        let mut warnings = decoded.warnings;
        warnings.append(&mut ex.article.warnings);
        ex.article.warnings = warnings;
        Ok(ex)
    }

    /// Extracts one document from decoded text, then fills what the text did not give from
    /// `hints`: the publication date, the outlet (from the URL's domain), the news id, the
    /// title (only as `title`; `text` and `segments` stay what the text pipeline found), and
    /// sets `url`.
    pub fn extract_with_hints(&self, source: &str, raw: String, hints: &Hints) -> Result<Extracted, ExtractError> {
        let mut ex = self.extract_text_titled(source, raw, hints.title.as_deref())?;
        let a = &mut ex.article;
        if a.published.is_none()
            && let Some(p) = hints.published.as_deref().and_then(crate::dates::PublishTime::from_iso)
        {
            a.published = Some(p.rfc3339());
            a.published_jalali = Some(p.jalali_string());
        }
        // An outlet's dated article URL carries the day: ".../news/1403/05/30/3140001/...".
        if a.published.is_none()
            && let Some(p) = hints
                .url
                .as_deref()
                .filter(|u| self.outlets.by_url(u).is_some())
                .and_then(date_in_url)
        {
            a.published = Some(p.rfc3339());
            a.published_jalali = Some(p.jalali_string());
        }
        if a.agency.is_none()
            && let Some(k) = hints
                .url
                .as_deref()
                .and_then(|u| self.outlets.by_url(u))
                .or_else(|| hints.site_name.as_deref().and_then(|n| self.outlets.byline(n)))
        {
            let o = &self.outlets.all()[k];
            a.agency = Some(AgencyRef { id: o.id.clone(), name_fa: o.name_fa.clone(), name_en: o.name_en.clone() });
        }
        if a.news_id.is_none() {
            a.news_id = hints.news_id.clone().filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        }
        // An outlet's article URL carries the code: ".../news/6214587/...".
        if a.news_id.is_none()
            && let Some(u) = hints.url.as_deref().filter(|u| self.outlets.by_url(u).is_some())
        {
            a.news_id = news_id_in_url(u);
        }
        if a.title.is_none()
            && let Some(t) = hints.title.as_deref().map(str::trim).filter(|t| !t.is_empty())
        {
            a.title = Some(self.normalizer.normalize(t).as_str().trim().to_string());
        }
        a.url = hints.url.clone();
        Ok(ex)
    }

    /// Extracts one document from decoded text.
    pub fn extract_text(&self, source: &str, raw: String) -> Result<Extracted, ExtractError> {
        self.extract_text_titled(source, raw, None)
    }

    /// [`extract_text`](Self::extract_text), knowing the headline from the page's metadata: the line that is
    /// the headline is the title (and a short line above it the kicker).
    fn extract_text_titled(&self, source: &str, raw: String, title: Option<&str>) -> Result<Extracted, ExtractError> {
        let share = arabic_script_share(&raw);
        if share < 30 {
            return Err(ExtractError::NotPersian(share));
        }
        let layout = lay_out_titled(&raw, self.rules, self.outlets, title);
        if layout.pieces.is_empty() {
            return Err(ExtractError::NoContent(layout.boilerplate.len()));
        }
        let mut text = String::new();
        let mut spans: Vec<(u32, u32)> = Vec::new();
        let mut segments = Vec::new();
        let (mut kicker, mut title, mut lead) = (None, None, None);
        let mut body: Vec<String> = Vec::new();
        for piece in &layout.pieces {
            let raw_piece = slice_chars(&raw, piece.raw.clone());
            let norm = self.normalizer.normalize(raw_piece);
            let piece_text = norm.as_str().trim();
            if piece_text.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push_str("\n\n");
                let at = piece.raw.start as u32;
                spans.extend([(at, at), (at, at)]);
            }
            let lead_trim = norm.as_str().chars().take_while(|c| c.is_whitespace()).count();
            let n = piece_text.chars().count();
            let start = spans.len();
            for i in lead_trim..lead_trim + n {
                let r = norm.original_char_range(i..i + 1);
                spans.push(((piece.raw.start + r.start) as u32, (piece.raw.start + r.end) as u32));
            }
            text.push_str(piece_text);
            segments.push(Segment {
                field: piece.field,
                start,
                end: start + n,
                raw_start: piece.raw.start,
                raw_end: piece.raw.end,
            });
            let s = piece_text.to_string();
            match piece.field {
                Field::Kicker => kicker = Some(s),
                Field::Title => title = Some(s),
                Field::Lead => lead = Some(s),
                Field::Body => body.push(s),
            }
        }
        if text.is_empty() {
            return Err(ExtractError::NoContent(layout.boilerplate.len()));
        }
        let agency_ref = |k: usize| {
            let o = &self.outlets.all()[k];
            AgencyRef { id: o.id.clone(), name_fa: o.name_fa.clone(), name_en: o.name_en.clone() }
        };
        let article = Article {
            source: source.to_string(),
            text,
            kicker,
            title,
            lead,
            body: (!body.is_empty()).then(|| body.join("\n\n")),
            agency: layout.attribution.as_ref().map(|a| agency_ref(a.publisher)),
            agency_origin: layout.attribution.as_ref().and_then(|a| a.origin).map(agency_ref),
            news_id: layout.news_id,
            published: layout.published.map(|p| p.rfc3339()),
            published_jalali: layout.published.map(|p| p.jalali_string()),
            boilerplate: layout.boilerplate,
            segments,
            encoding: "UTF-8".into(),
            warnings: layout.warnings,
            url: None,
            captured: None,
            format: None,
            language: None,
            cluster: None,
        };
        Ok(Extracted { article, offsets: OffsetMap { spans }, raw })
    }
}

/// The segments of an article path after "/news/", split at "/", "?", "#" and "-".
fn news_segments(url: &str) -> Option<impl Iterator<Item = &str>> {
    Some(url[url.find("/news/")? + "/news/".len()..].split(['/', '?', '#', '-']))
}

/// The number written in `n` ASCII digits, no other characters.
fn number(s: &str, n: std::ops::RangeInclusive<usize>) -> Option<u64> {
    (n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

/// The year, month and day that open a dated article path ("/news/1403/08/18/..."), with the segments after.
fn dated_path<'a>(mut segs: impl Iterator<Item = &'a str>) -> Option<((u64, u64, u64), impl Iterator<Item = &'a str>)> {
    let y = number(segs.next()?, 4..=4)?;
    let m = number(segs.next()?, 1..=2)?;
    let d = number(segs.next()?, 1..=2)?;
    Some(((y, m, d), segs))
}

/// The day of a dated article path, "/news/1403/05/30/...": a Jalali year (1300–1499), month and day.
pub fn date_in_url(url: &str) -> Option<crate::dates::PublishTime> {
    let ((y, m, d), _) = dated_path(news_segments(url)?)?;
    if !(1300..1500).contains(&y) {
        return None;
    }
    crate::dates::PublishTime::from_jalali(i32::try_from(y).ok()?, u8::try_from(m).ok()?, u8::try_from(d).ok()?, None)
}

/// The article code in an outlet's URL: the digits of the path segment right after "/news/" (5 or more, so
/// that a year of a dated path is not taken for it), or after the date of a dated path
/// ("/news/1403/08/18/3192929/...").
pub fn news_id_in_url(url: &str) -> Option<String> {
    let first = news_segments(url)?.next()?;
    if number(first, 5..=16).is_some() {
        return Some(first.to_string());
    }
    let (_, mut rest) = dated_path(news_segments(url)?)?;
    let id = rest.next()?;
    number(id, 5..=16).map(|_| id.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn news_id_in_an_outlets_url() {
        assert_eq!(super::news_id_in_url("https://www.mehrnews.com/news/6214587/x"), Some("6214587".into()));
        assert_eq!(super::news_id_in_url("https://www.isna.ir/news/1403081812345/y-z"), Some("1403081812345".into()));
        assert_eq!(super::news_id_in_url("https://www.tasnimnews.com/fa/news/1403/08/18/3192929/x"), Some("3192929".into()));
        assert_eq!(super::news_id_in_url("https://www.tasnimnews.com/fa/news/1403/08/18/"), None);
        // Its day: 18 Aban 1403 is 8 November 2024.
        let d = super::date_in_url("https://www.tasnimnews.com/fa/news/1403/08/18/3192929/x").expect("a day");
        assert_eq!(d.rfc3339(), "2024-11-08");
        assert!(super::date_in_url("https://www.mehrnews.com/news/6214587/x").is_none());
        assert!(super::date_in_url("https://www.tasnimnews.com/fa/news/2024/08/18/3192929/x").is_none());
        assert_eq!(super::news_id_in_url("https://example.com/news/2024/abc/def/12345"), None);
        assert_eq!(super::news_id_in_url("https://example.com/a/b"), None);
    }
}
