//! Laying out a scraped page as an article: which lines are chrome, which are the kicker,
//! title, lead and body, and what metadata (date, news id, outlet) the chrome carries.
//!
//! Works on decoded text, one line at a time, and keeps every piece's character range in
//! that text so later stages can point back into the raw document.

use std::ops::Range;

use crate::agency::{Attribution, Evidence, Outlets};
use crate::chrome::{ChromeRules, Verdict};
use crate::dates::{DateMatch, DateProblem, PublishTime, find_date};
use crate::fold::{fold, is_word_char, strip_folded_prefix};

/// The role of a piece of article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// روتیتر: the line above the title.
    Kicker,
    /// The headline.
    Title,
    /// The first paragraph.
    Lead,
    /// A paragraph of the body.
    Body,
}

/// A piece of article text: its role and its character range in the decoded input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// What the piece is.
    pub field: Field,
    /// Character (Unicode scalar) range in the decoded input.
    pub raw: Range<usize>,
}

/// The result of laying out one document.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// Kicker, title, lead and body paragraphs, in reading order.
    pub pieces: Vec<Piece>,
    /// Lines (or line prefixes) removed as chrome, as they appear in the input.
    pub boilerplate: Vec<String>,
    /// The article code, ASCII digits.
    pub news_id: Option<String>,
    /// The publication date.
    pub published: Option<PublishTime>,
    /// The publisher and, for a republished story, the origin.
    pub attribution: Option<Attribution>,
    /// Problems worth telling the user (a date that does not exist, calendars disagreeing).
    pub warnings: Vec<String>,
}

/// One input line with its character range.
#[derive(Debug)]
struct Line<'a> {
    text: &'a str,
    /// Character range of `text` (trimmed) in the document.
    range: Range<usize>,
    folded: String,
    words: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Content,
    Chrome,
}

/// Splits the document into trimmed, non-empty lines with character ranges.
fn lines(doc: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut char_pos = 0usize;
    for raw_line in doc.split('\n') {
        let n_chars = raw_line.chars().count();
        let lead_ws: usize = raw_line.chars().take_while(|c| is_blank(*c)).count();
        let trimmed = raw_line.trim_matches(is_blank);
        // Markup around a text file's line ("<p>عنوان</p>") is no part of it; a line of tags only stays whole,
        // for the chrome rules to drop.
        let (tag_lead, inner) = strip_edge_tags(trimmed);
        let (lead_ws, trimmed) = if inner.is_empty() { (lead_ws, trimmed) } else { (lead_ws + tag_lead, inner) };
        if !trimmed.is_empty() {
            let start = char_pos + lead_ws;
            let folded = fold(trimmed);
            let words = folded.split(' ').filter(|w| w.chars().any(is_word_char)).count();
            out.push(Line { text: trimmed, range: start..start + trimmed.chars().count(), folded, words });
        }
        char_pos += n_chars + 1;
    }
    out
}

/// The length of a markup tag at the start of `s` ("<p>", "</div>", "<span class=\"x\">"), in bytes.
fn tag_at_start(s: &str) -> Option<usize> {
    let rest = s.strip_prefix('<')?;
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let end = s.find('>')?;
    (!s[1..end].contains('<')).then_some(end + 1)
}

/// `s` without the markup tags at its two ends, and how many characters were cut at its start.
fn strip_edge_tags(s: &str) -> (usize, &str) {
    let mut inner = s;
    while let Some(n) = tag_at_start(inner) {
        inner = inner[n..].trim_start_matches(is_blank);
    }
    let lead = s[..s.len() - inner.len()].chars().count();
    while let Some(open) = inner.rfind('<') {
        if !inner.ends_with('>') || tag_at_start(&inner[open..]) != Some(inner.len() - open) {
            break;
        }
        inner = inner[..open].trim_end_matches(is_blank);
    }
    (lead, inner)
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200c}' | '\u{200e}' | '\u{200f}' | '\u{feff}' | '\u{202a}'..='\u{202e}')
}

/// A line that reads as a paragraph rather than a headline.
fn paragraph_like(l: &Line<'_>) -> bool {
    // A closing guillemet ends a sentence only after sentence punctuation ("... است.»"): a headline quotes
    // without one ("نماینده تهران: «بودجه باید شفاف باشد»").
    let before_guillemet = l.folded.strip_suffix('»').map(str::trim_end);
    let end = before_guillemet.unwrap_or(&l.folded);
    let ends_sentence = end.ends_with(['.', '!', '…']) && !l.folded.ends_with("..");
    // Headlines ask ("پیام جدید واشنگتن در راه است؟"): a short question is no paragraph by its mark.
    let long_question = end.ends_with(['؟', '?']) && l.words > 15;
    l.words > 30 || ((ends_sentence || long_question) && l.words > 6) || starts_with_attribution(&l.folded)
}

fn starts_with_attribution(folded: &str) -> bool {
    ["به گزارش", "به نقل از", "بنا بر گزارش", "بنابر گزارش"].iter().any(|p| folded.starts_with(p))
}

/// A date line: a line that is mostly a date (weekday, date, time, separators), also beside the
/// outlet's name ("خبرگزاری میزان - ۵ دی ۱۴۰۳").
fn dateline(l: &Line<'_>, outlets: &Outlets) -> Option<DateMatch> {
    if l.words > 14 {
        return None;
    }
    let m = find_date(l.text)?;
    let meaningful = l.folded.chars().filter(|&c| is_word_char(c)).count();
    let named: usize = l
        .text
        .split(['-', '–', '—', '|'])
        .filter(|seg| outlets.byline(seg).is_some())
        .map(|seg| seg.chars().filter(|&c| is_word_char(c)).count())
        .sum();
    (m.covered * 10 >= meaningful.saturating_sub(named).max(1) * 6).then_some(m)
}

/// Lays out a decoded document.
pub fn lay_out(doc: &str, rules: &ChromeRules, outlets: &Outlets) -> Layout {
    lay_out_titled(doc, rules, outlets, None)
}

/// [`lay_out`], knowing the headline from elsewhere (a page's `og:title`): a header line that is the headline
/// is the title and the header line above it the kicker, whatever their lengths.
pub fn lay_out_titled(doc: &str, rules: &ChromeRules, outlets: &Outlets, title_hint: Option<&str>) -> Layout {
    let lines = lines(doc);
    let mut out = Layout::default();
    let mut kinds = vec![Kind::Content; lines.len()];
    let mut source_outlet: Option<usize> = None;
    let mut byline_outlet: Option<usize> = None;
    let mut chrome_outlet: Option<usize> = None;
    let mut seen_paragraph = false;
    let mut ended = false;

    let use_date = |m: DateMatch, out: &mut Layout| match m.value {
        Ok(p) if out.published.is_none() => out.published = Some(p),
        Ok(_) => {}
        Err(e @ (DateProblem::Invalid(_) | DateProblem::Disagree { .. })) => {
            out.warnings.push(format!("publication date ignored: {e}"))
        }
    };

    // Inside an aside ("بیشتر بخوانید:" and the titles it links to).
    let mut in_aside = false;
    // Pass 1: chrome by rules, date lines, bylines; the end of the article.
    for (i, l) in lines.iter().enumerate() {
        if in_aside {
            if !l.folded.trim().is_empty() && !paragraph_like(l) && rules.judge_folded(&l.folded) == Verdict::Content {
                kinds[i] = Kind::Chrome;
                continue;
            }
            in_aside = l.folded.trim().is_empty();
        }
        if ended {
            kinds[i] = Kind::Chrome;
            if out.news_id.is_none()
                && let Verdict::NewsId { id, .. } = rules.judge_folded(&l.folded)
            {
                out.news_id = Some(id);
            }
            if out.published.is_none()
                && matches!(rules.judge_folded(&l.folded), Verdict::Date)
                && let Some(m) = find_date(l.text)
            {
                use_date(m, &mut out);
            }
            continue;
        }
        match rules.judge_folded(&l.folded) {
            Verdict::Content => {}
            Verdict::Drop => kinds[i] = Kind::Chrome,
            Verdict::End => {
                kinds[i] = Kind::Chrome;
                ended = seen_paragraph;
            }
            Verdict::Aside => {
                kinds[i] = Kind::Chrome;
                in_aside = true;
            }
            Verdict::NewsId { id, whole_line } => {
                out.news_id.get_or_insert(id);
                if whole_line {
                    kinds[i] = Kind::Chrome;
                }
                if let Some(m) = find_date(l.text) {
                    use_date(m, &mut out);
                }
            }
            Verdict::Date => {
                if let Some(m) = find_date(l.text) {
                    kinds[i] = Kind::Chrome;
                    use_date(m, &mut out);
                }
            }
            Verdict::Source(name) => {
                kinds[i] = Kind::Chrome;
                source_outlet = source_outlet.or(outlets.name_in(&name, true));
            }
        }
        if kinds[i] == Kind::Content
            && let Some(k) = outlets.byline(l.text)
        {
            kinds[i] = Kind::Chrome;
            byline_outlet.get_or_insert(k);
        }
        if kinds[i] == Kind::Content
            && let Some(m) = dateline(l, outlets)
        {
            kinds[i] = Kind::Chrome;
            use_date(m, &mut out);
        }
        if kinds[i] == Kind::Content && paragraph_like(l) {
            seen_paragraph = true;
        }
        if kinds[i] == Kind::Chrome && chrome_outlet.is_none() {
            chrome_outlet = outlets.in_chrome(l.text);
        }
    }

    // Pass 2: repeated short lines (the title printed twice) are chrome. Before the first paragraph the earlier
    // copy goes (the page's title above the article's own header: "X / kicker: / X" keeps the kicker above
    // the title); later, the repetition goes.
    let content: Vec<usize> = (0..lines.len()).filter(|&i| kinds[i] == Kind::Content).collect();
    let mut seen_short: Vec<(&str, usize)> = Vec::new();
    let mut body_begun = false;
    for &i in &content {
        let l = &lines[i];
        if paragraph_like(l) {
            body_begun = true;
            continue;
        }
        // After the body, a short line opened by the outlet's name is its breadcrumb or tag line ("باشگاه
        // خبرنگاران جوان سیاسی حقوقی و قضایی").
        if body_begun
            && l.words <= 10
            && let Some(o) = outlets.opens(l.text)
        {
            chrome_outlet.get_or_insert(o);
            kinds[i] = Kind::Chrome;
            continue;
        }
        match seen_short.iter_mut().find(|(f, _)| *f == l.folded.as_str()) {
            Some((_, first)) if !body_begun => {
                kinds[*first] = Kind::Chrome;
                *first = i;
            }
            Some(_) => kinds[i] = Kind::Chrome,
            None => seen_short.push((&l.folded, i)),
        }
    }
    let mut content: Vec<usize> = (0..lines.len()).filter(|&i| kinds[i] == Kind::Content).collect();

    // Pass 3: the header (short lines before the first paragraph): kicker and title.
    // A teaser printed above the headline: the lead repeated below it ("ایسنا/خوزستان X" ... "X") is chrome;
    // one opened by the outlet's dateline ("خبرگزاری فارس - گروه سیاسی: ...") is the lead. The short line
    // after it is the headline.
    let mut teaser_lead: Option<usize> = None;
    if content.len() >= 3 && paragraph_like(&lines[content[0]]) {
        let (a, b) = (&lines[content[0]], &lines[content[1]]);
        if !paragraph_like(b) && (2..=20).contains(&b.words) && !starts_with_attribution(&a.folded) && paragraph_like(&lines[content[2]]) {
            let repeated = content[2..].iter().take(2).any(|&c| lines[c].words >= 5 && a.folded.ends_with(lines[c].folded.as_str()));
            if repeated {
                kinds[content[0]] = Kind::Chrome;
                content.remove(0);
            } else {
                // A summary lead above the headline (opened by the outlet's dateline, "خبرگزاری فارس - گروه
                // سیاسی: ...", "ایسنا/خوزستان ...", or not): the short line between two paragraphs is the headline.
                teaser_lead = Some(content.remove(0));
            }
        }
    }
    let header_len = content.iter().position(|&i| paragraph_like(&lines[i])).unwrap_or(content.len().min(2));
    let mut header: Vec<usize> = content[..header_len].to_vec();
    // Slogans and bylines above the title name the outlet: chrome.
    while header.len() > 1 {
        let Some(pos) = header[..header.len() - 1].iter().position(|&i| outlets.in_chrome(lines[i].text).is_some())
        else {
            break;
        };
        let i = header.remove(pos);
        chrome_outlet.get_or_insert_with(|| outlets.in_chrome(lines[i].text).expect("checked"));
        kinds[i] = Kind::Chrome;
    }
    let hinted = title_hint.map(|h| fold(h.trim())).filter(|h| !h.is_empty()).and_then(|h| header.iter().position(|&i| lines[i].folded == h));
    let (kicker, title, mut extra_lead) = match hinted {
        Some(p) => {
            let kicker = (p > 0).then(|| header[p - 1]);
            (kicker, Some(header[p]), header[p + 1..].to_vec())
        }
        None => pick_kicker_title(&lines, &header),
    };
    if let Some(t) = teaser_lead {
        extra_lead.insert(0, t);
    }
    for &i in &header {
        if Some(i) != kicker && Some(i) != title && !extra_lead.contains(&i) {
            kinds[i] = Kind::Chrome;
        }
    }
    if let Some(k) = kicker {
        out.pieces.push(Piece { field: Field::Kicker, raw: lines[k].range.clone() });
    }
    if let Some(t) = title {
        // A list bullet before a headline ("* وزیر کشور با ... دیدار کرد" in a news digest) is no part of it.
        let r = lines[t].range.clone();
        let bullet = bullet_len(lines[t].text).min(r.len());
        out.pieces.push(Piece { field: Field::Title, raw: r.start + bullet..r.end });
    }

    // Pass 4: lead and body; strip a repeated title glued to the start of a paragraph.
    let mut title_range = title.map(|t| lines[t].range.clone());
    let mut first = true;
    for &i in &content[header_len..] {
        if kinds[i] != Kind::Content {
            continue;
        }
        let l = &lines[i];
        let mut range = l.range.clone();
        let title_text = title_range.clone().map(|r| slice_chars(doc, r)).filter(|t| fold(t).split(' ').count() >= 3);
        if let Some(t) = title_text
            && let Some(n) = strip_folded_prefix(l.text, t)
        {
            let rest: String = l.text.chars().skip(n).collect();
            let rest_trimmed = rest.trim_start_matches(|c: char| is_blank(c) || matches!(c, '-' | '|' | '–'));
            if rest_trimmed.chars().filter(|&c| is_word_char(c)).count() < 2 {
                kinds[i] = Kind::Chrome;
                continue;
            }
            out.boilerplate.push(l.text.chars().take(n).collect());
            range.start = l.range.end - rest_trimmed.chars().count();
        } else if first
            && title_range.is_none()
            && let Some(n) = glued_headline(l.text)
        {
            // "گروسی با رئیسی دیدار کردبه گزارش ...": a headline glued to the lead.
            let r = l.range.start..l.range.start + n;
            out.pieces.push(Piece { field: Field::Title, raw: r.clone() });
            title_range = Some(r);
            range.start = l.range.start + n;
        }
        let field = if first { Field::Lead } else { Field::Body };
        first = false;
        out.pieces.push(Piece { field, raw: range });
    }
    // Extra header lines below the title read as the lead: put them first.
    if !extra_lead.is_empty() {
        let mut lead_pieces: Vec<Piece> =
            extra_lead.iter().map(|&i| Piece { field: Field::Body, raw: lines[i].range.clone() }).collect();
        let at = out.pieces.iter().position(|p| matches!(p.field, Field::Lead | Field::Body)).unwrap_or(out.pieces.len());
        for p in out.pieces.iter_mut().skip(at) {
            p.field = Field::Body;
        }
        lead_pieces[0].field = Field::Lead;
        out.pieces.splice(at..at, lead_pieces);
    }

    for (i, l) in lines.iter().enumerate() {
        if kinds[i] == Kind::Chrome {
            out.boilerplate.push(l.text.to_string());
        }
    }

    // The outlet: attribution in the first paragraphs, then a dateline dash, the source
    // line, a byline, and finally any chrome naming an outlet.
    let paragraphs: Vec<&str> = out
        .pieces
        .iter()
        .filter(|p| matches!(p.field, Field::Lead | Field::Body))
        .take(4)
        .map(|p| slice_chars(doc, p.raw.clone()))
        .collect();
    out.attribution = paragraphs
        .iter()
        .find_map(|p| outlets.attribution(p))
        .or_else(|| {
            // The lead, or the first paragraph after a summary lead ("خبرگزاری ایلنا: ...").
            let k = paragraphs.iter().take(2).find_map(|p| outlets.dateline(p))?;
            Some(Attribution { publisher: k, origin: None, evidence: Evidence::Dateline })
        })
        .or_else(|| source_outlet.map(|k| Attribution { publisher: k, origin: None, evidence: Evidence::SourceLine }))
        .or_else(|| byline_outlet.map(|k| Attribution { publisher: k, origin: None, evidence: Evidence::Byline }))
        .or_else(|| chrome_outlet.map(|k| Attribution { publisher: k, origin: None, evidence: Evidence::Chrome }));
    // "به گزارش رویترز" under another outlet's masthead: the outlet published the story, the foreign agency
    // is where it came from.
    if let Some(a) = out.attribution.as_mut()
        && a.evidence == Evidence::Attribution
        && outlets.all()[a.publisher].kind == "foreign"
        && a.origin.is_none()
        && let Some(k) = byline_outlet
            .or(source_outlet)
            .or(chrome_outlet)
            .filter(|&k| k != a.publisher)
    {
        a.origin = Some(a.publisher);
        a.publisher = k;
    }
    // No date line: the day the lead calls today ("امروز سه‌شنبه ۲۳ بهمن ۱۴۰۳"), or the title ("قیمت سکه و طلا
    // امروز ۲۰ آذر ۱۴۰۳").
    if out.published.is_none() {
        out.published = paragraphs.iter().take(2).find_map(|p| crate::dates::today_in(p)).or_else(|| {
            out.pieces
                .iter()
                .filter(|p| p.field == Field::Title)
                .find_map(|p| crate::dates::today_in(slice_chars(doc, p.raw.clone())))
        });
    }
    out
}

/// A headline glued to the attribution that starts the lead ("...دیدار کردبه گزارش
/// ایسنا، ..."): returns the headline's length in chars when the text has one.
fn glued_headline(text: &str) -> Option<usize> {
    for phrase in ["به گزارش", "به نقل از"] {
        let Some(at) = text.find(phrase) else { continue };
        let before = &text[..at];
        let last = before.chars().next_back()?;
        let words = before.split_whitespace().count();
        if last.is_alphabetic() && (3..=25).contains(&words) && !before.contains(['.', '؟', '!', '،']) {
            return Some(before.chars().count());
        }
    }
    None
}

/// Chooses kicker and title among the header lines. Returns (kicker, title, header lines
/// after the title that belong to the lead).
fn pick_kicker_title(lines: &[Line<'_>], header: &[usize]) -> (Option<usize>, Option<usize>, Vec<usize>) {
    match header {
        [] => (None, None, vec![]),
        [t] => (None, Some(*t), vec![]),
        _ => {
            // A short line ending with a colon above another line is the kicker.
            if let Some(p) = header[..header.len() - 1]
                .iter()
                .position(|&i| lines[i].folded.ends_with([':', '：']) && lines[i].words <= 14)
            {
                return (Some(header[p]), Some(header[p + 1]), header[p + 2..].to_vec());
            }
            // Otherwise the longest line is the title, a short line right above it the kicker.
            let (tp, _) = header.iter().enumerate().max_by_key(|(p, i)| (lines[**i].words, *p)).expect("non-empty");
            let kicker = (tp > 0 && lines[header[tp - 1]].words <= 10).then(|| header[tp - 1]);
            (kicker, Some(header[tp]), header[tp + 1..].to_vec())
        }
    }
}

/// The characters `range` of `s`.
pub fn slice_chars(s: &str, range: Range<usize>) -> &str {
    let mut it = s.char_indices().map(|(b, _)| b).chain(std::iter::once(s.len()));
    let start = it.nth(range.start).unwrap_or(s.len());
    let end = if range.end > range.start {
        it.nth(range.end - range.start - 1).unwrap_or(s.len())
    } else {
        start
    };
    &s[start..end]
}

/// Chars of a list bullet and the blanks after it at the start of `line` ("* ", "• "): 0 when none, or when no
/// letter follows.
fn bullet_len(line: &str) -> usize {
    let mut it = line.chars();
    let Some(b) = it.next() else { return 0 };
    if !matches!(b, '*' | '•' | '■' | '▪' | '●' | '◾' | '-' | '–') {
        return 0;
    }
    let blanks = it.clone().take_while(|&c| is_blank(c)).count();
    if blanks == 0 || !it.nth(blanks).is_some_and(|c| c.is_alphabetic()) {
        return 0;
    }
    1 + blanks
}

#[cfg(test)]
mod tests {
    use super::*;

    const OUTLETS: &str = "id\tname_en\tname_fa\tvariants_fa\tambiguous_fa\tdomains\tkind\tslogans\n\
isna\tIranian Students' News Agency (ISNA)\tایسنا\tخبرگزاری دانشجویان ایران\t\tisna.ir\tagency\t\n\
irna\tIslamic Republic News Agency (IRNA)\tایرنا\tخبرگزاری جمهوری اسلامی\t\tirna.ir\tagency\t\n\
tabnak\tTabnak\tتابناک\tپایگاه خبری تابناک\t\ttabnak.ir\tsite\t\n";

    fn run(doc: &str) -> (Layout, Vec<(Field, String)>) {
        let outlets = Outlets::parse(OUTLETS).unwrap();
        let l = lay_out(doc, ChromeRules::builtin(), &outlets);
        let pieces = l.pieces.iter().map(|p| (p.field, slice_chars(doc, p.raw.clone()).to_string())).collect();
        (l, pieces)
    }

    #[test]
    fn markup_left_in_a_text_file_is_no_part_of_its_lines() {
        // A scraped text with a stray tag line and a headline still in its "<p>": the lines are the paragraphs,
        // their ranges point past the tags.
        let doc = "<p>\n<p>روابط تهران و بغداد راهبردی است</p>\n\
رئیس جمهور در دیدار با نخست وزیر عراق گفت: روابط دو کشور ریشه در تاریخ دارد و گسترش آن به نفع منطقه است.\n\
<span class=\"x\">به گزارش ایرنا، این دیدار در کاخ سعدآباد برگزار شد.</span>\n";
        let (_, p) = run(doc);
        assert_eq!(p[0], (Field::Title, "روابط تهران و بغداد راهبردی است".to_string()), "{p:?}");
        assert!(p[1].1.starts_with("رئیس جمهور"), "{p:?}");
        assert_eq!(p[2].1, "به گزارش ایرنا، این دیدار در کاخ سعدآباد برگزار شد.", "{p:?}");
        assert_eq!(p.len(), 3, "{p:?}");
        assert_eq!(strip_edge_tags("<b>x</b> y"), (3, "x</b> y"));
        assert_eq!(strip_edge_tags("a < b > c"), (0, "a < b > c"));
    }

    #[test]
    fn kicker_title_lead_body_and_footer() {
        let doc = "۱۵ مهر ۱۴۰۳ - ۱۰:۳۰\n\nپزشکیان در دیدار با نخست وزیر عراق:\nروابط تهران و بغداد راهبردی است\nروابط تهران و بغداد راهبردی است\n\
رئیس جمهور در دیدار با نخست وزیر عراق گفت: روابط دو کشور ریشه در تاریخ دارد و گسترش آن به نفع منطقه است.\n\
به گزارش ایرنا، این دیدار در کاخ سعدآباد برگزار شد.\nوی افزود: همکاری اقتصادی باید افزایش یابد.\n\
کد خبر: ۸۷۶۵۴۳\nبرچسب‌ها\nعراق\nایران\nنظر شما\ncaptcha\n";
        let (l, p) = run(doc);
        assert_eq!(p[0], (Field::Kicker, "پزشکیان در دیدار با نخست وزیر عراق:".into()));
        assert_eq!(p[1], (Field::Title, "روابط تهران و بغداد راهبردی است".into()));
        assert_eq!(p[2].0, Field::Lead);
        assert!(p[2].1.starts_with("رئیس جمهور در دیدار"));
        assert_eq!(p.last().unwrap(), &(Field::Body, "وی افزود: همکاری اقتصادی باید افزایش یابد.".into()));
        assert_eq!(p.len(), 5);
        assert_eq!(l.news_id.as_deref(), Some("876543"));
        assert_eq!(l.published.unwrap().jalali_string(), "1403-07-15T10:30");
        assert_eq!(l.attribution.as_ref().map(|a| a.publisher), Some(1));
        for b in ["کد خبر: ۸۷۶۵۴۳", "برچسب‌ها", "عراق", "captcha", "روابط تهران و بغداد راهبردی است"] {
            assert!(l.boilerplate.iter().any(|x| x == b), "{b} not in {:?}", l.boilerplate);
        }
    }

    #[test]
    fn an_outlets_tag_line_after_the_body_and_comment_counters() {
        let doc = "حکم قطعی ۳ متهم پرونده فساد بانکی صادر شد\n\
سخنگوی قوه قضاییه از صدور حکم قطعی سه متهم اصلی پرونده فساد در یکی از بانک‌ها خبر داد.\n\
وی در پاسخ به سوال خبرنگار ایرنا گفت: رسیدگی به این پرونده با جدیت ادامه دارد.\n\
خبرگزاری جمهوری اسلامی سیاسی حقوقی و قضایی\n\
انتشار یافته: ۱\nناشناس\nای کاش زودتر رسیدگی می‌شد\n";
        let (l, p) = run(doc);
        assert_eq!(p.last().unwrap().1, "وی در پاسخ به سوال خبرنگار ایرنا گفت: رسیدگی به این پرونده با جدیت ادامه دارد.");
        assert!(l.boilerplate.iter().any(|b| b == "خبرگزاری جمهوری اسلامی سیاسی حقوقی و قضایی"), "{:?}", l.boilerplate);
        assert!(!p.iter().any(|(_, t)| t.contains("ای کاش")));
    }

    #[test]
    fn a_bullet_before_the_title_is_not_part_of_it() {
        let doc = "* وزیر کشور با استاندار خوزستان دیدار کرد\n\
اسکندر مومنی وزیر کشور امروز در دیدار با استاندار خوزستان بر تسریع طرح‌های عمرانی تاکید کرد.\n";
        let (_, p) = run(doc);
        assert_eq!(p[0], (Field::Title, "وزیر کشور با استاندار خوزستان دیدار کرد".into()));
        assert_eq!((bullet_len("• خبر"), bullet_len("*خبر"), bullet_len("- 12"), bullet_len("خبر")), (2, 0, 0, 0));
    }

    #[test]
    fn the_page_title_above_the_kicker() {
        // The page's title, then the article's kicker and title: the first copy is the page's.
        let doc = "همکاری بانکی ایران و روسیه گسترش می‌یابد\nرئیس کل بانک مرکزی در دیدار با سفیر روسیه:\n\
همکاری بانکی ایران و روسیه گسترش می‌یابد\n۲۰ آبان ۱۴۰۴ - ۱۵:۴۵\n\
رئیس کل بانک مرکزی در دیدار سفیر روسیه بر ضرورت اتصال شبکه‌های پرداخت دو کشور تاکید کرد.\n\
مرور خبرها\nمرور خبرها\n";
        let (l, p) = run(doc);
        assert_eq!(p[0], (Field::Kicker, "رئیس کل بانک مرکزی در دیدار با سفیر روسیه:".into()));
        assert_eq!(p[1], (Field::Title, "همکاری بانکی ایران و روسیه گسترش می‌یابد".into()));
        // The title kept is the copy below the kicker.
        assert!(l.pieces[1].raw.start > l.pieces[0].raw.start);
        assert_eq!(p[2].0, Field::Lead);
        // After the body has begun, the repetition goes.
        assert_eq!(p.iter().filter(|(_, t)| t == "مرور خبرها").count(), 1, "{p:?}");
    }

    #[test]
    fn a_teaser_above_the_headline() {
        // The lead printed above the headline and again below it: the copy above is chrome.
        let doc = "ایسنا/خوزستان مدیرکل هواشناسی خوزستان از وقوع گرد و خاک در نیمه غربی استان خبر داد.\n\
هشدار گرد و خاک در خوزستان\n\
مدیرکل هواشناسی خوزستان از وقوع گرد و خاک در نیمه غربی استان خبر داد.\n\
به گزارش ایسنا، محسن سعیدی امروز گفت: غلظت ذرات معلق ممکن است به پنج برابر حد مجاز برسد.\n";
        let (l, p) = run(doc);
        assert_eq!(p[0], (Field::Title, "هشدار گرد و خاک در خوزستان".into()));
        assert_eq!(p[1], (Field::Lead, "مدیرکل هواشناسی خوزستان از وقوع گرد و خاک در نیمه غربی استان خبر داد.".into()));
        assert_eq!(p.len(), 3);
        assert!(l.boilerplate.iter().any(|b| b.starts_with("ایسنا/خوزستان")));
        // A lead opened by the outlet's dateline above the headline is the lead.
        let doc = "خبرگزاری دانشجویان ایران - گروه سیاسی: سخنگوی دولت گفت دولت برای کنترل قیمت‌ها برنامه دارد.\n\
مهاجرانی: دولت برای کنترل قیمت‌ها برنامه دارد\n\
فاطمه مهاجرانی سخنگوی دولت امروز در نشست خبری هفتگی گفت: دولت با جدیت بازار را رصد می‌کند.\n";
        let (_, p) = run(doc);
        let field = |f: Field| p.iter().filter(|x| x.0 == f).map(|x| x.1.as_str()).collect::<Vec<_>>();
        assert_eq!(field(Field::Title), ["مهاجرانی: دولت برای کنترل قیمت‌ها برنامه دارد"]);
        assert_eq!(field(Field::Lead).len(), 1);
        assert!(field(Field::Lead)[0].starts_with("خبرگزاری دانشجویان ایران - گروه سیاسی:"));
        assert_eq!(field(Field::Body).len(), 1);
        // A summary lead not repeated below the headline, opened by a regional desk ("ایسنا/خوزستان"): the lead,
        // and the desk names the outlet.
        let doc = "ایسنا/خوزستان استاندار خوزستان از آغاز عملیات اجرایی طرح انتقال آب به غیزانیه خبر داد.\n\
آغاز طرح آب‌رسانی به غیزانیه\n\
محمدرضا موالی‌زاده امروز در آیین آغاز این طرح گفت: اعتبار این طرح از محل صندوق توسعه ملی تامین شده است.\n";
        let (l, p) = run(doc);
        assert_eq!(p[0], (Field::Title, "آغاز طرح آب‌رسانی به غیزانیه".into()));
        assert_eq!(p[1].0, Field::Lead);
        assert!(p[1].1.starts_with("ایسنا/خوزستان"));
        assert_eq!(l.attribution.as_ref().map(|a| a.publisher), Some(0));
    }

    #[test]
    fn a_date_beside_the_outlets_name_is_a_date_line() {
        let doc = "نفت ایران به بازار آسیا بازگشت\nخبرگزاری جمهوری اسلامی - ۵ دی ۱۴۰۳\n\n\
به گزارش ایرنا، صادرات نفت کشور در ماه گذشته به بالاترین سطح در سال‌های اخیر رسید و خریداران آسیایی سهم بیشتری داشتند.\n";
        let (l, p) = run(doc);
        assert_eq!(l.published.unwrap().jalali_string(), "1403-10-05");
        assert!(l.boilerplate.iter().any(|b| b.starts_with("خبرگزاری جمهوری اسلامی")), "{:?}", l.boilerplate);
        assert_eq!(p.len(), 2, "{p:?}");
        // A line naming an outlet and more words than the date is no date line.
        let doc = "نفت ایران به بازار آسیا بازگشت\nگزارش خبرگزاری جمهوری اسلامی از بازار نفت آسیا در ۵ دی ۱۴۰۳\n\n\
به گزارش ایرنا، صادرات نفت کشور در ماه گذشته به بالاترین سطح در سال‌های اخیر رسید و خریداران آسیایی سهم بیشتری داشتند.\n";
        assert!(run(doc).0.published.is_none());
    }

    #[test]
    fn outlet_and_day_told_in_the_first_paragraphs() {
        // No date line and no "به گزارش": the outlet opens the paragraph after a summary lead, and the lead
        // says which day is today.
        let doc = "سخنگوی قوه قضاییه: حکم قطعی صادر شد\n\n\
سخنگوی قوه قضاییه از صدور حکم قطعی برای متهمان یک پرونده فساد اقتصادی در نشست خبری هفتگی خبر داد.\n\n\
ایرنا: اصغر جهانگیر امروز سه‌شنبه ۲۳ بهمن ۱۴۰۳ در نشست خبری گفت: برای ۱۲ متهم حکم قطعی صادر شده است.\n";
        let (l, _) = run(doc);
        assert_eq!(l.attribution.unwrap().publisher, 1);
        assert_eq!(l.published.unwrap().jalali_string(), "1403-11-23");
    }

    #[test]
    fn read_more_links_inside_the_body_do_not_end_it() {
        let doc = "ظریف: دولت به دنبال گشایش در روابط خارجی است\n\
محمدجواد ظریف معاون راهبردی رئیس جمهور امروز در دانشگاه تهران گفت: دولت به دنبال کاهش تنش با همسایگان است.\n\
بیشتر بخوانید:\n\
عراقچی: مذاکرات ادامه دارد\n\
پیام تازه واشنگتن به تهران\n\
ظریف همچنین گفت که همکاری با کشورهای منطقه اولویت دولت است و این سیاست ادامه خواهد داشت.\n\
بیشتر بخوانید: قالیباف: مجلس پشتیبان دولت است\n\
وی افزود که دانشگاه‌ها باید در سیاست‌گذاری خارجی نقش بیشتری داشته باشند و دولت از آنها کمک می‌گیرد.\n\
اخبار مرتبط\n\
واکنش آمریکا به سخنان ظریف\n\
ظریف در سفر به نیویورک با خبرنگاران گفتگو کرد و از مواضع دولت دفاع کرد.\n";
        let (l, p) = run(doc);
        let body: Vec<&str> = p.iter().filter(|x| x.0 == Field::Body).map(|x| x.1.as_str()).collect();
        assert!(body.iter().any(|b| b.starts_with("ظریف همچنین")), "{p:?}");
        assert!(body.iter().any(|b| b.starts_with("وی افزود")), "{p:?}");
        assert!(!p.iter().any(|x| x.1.contains("مذاکرات ادامه دارد") || x.1.contains("واشنگتن") || x.1.contains("قالیباف")), "{p:?}");
        // Related news at the end still end the article.
        assert!(!p.iter().any(|x| x.1.contains("نیویورک")), "{p:?}");
        assert!(l.boilerplate.iter().any(|b| b == "بیشتر بخوانید:"), "{:?}", l.boilerplate);
    }

    #[test]
    fn the_day_a_title_calls_today() {
        // Price reports carry their day only in the title.
        let doc = "قیمت سکه و طلا امروز ۲۰ آذر ۱۴۰۳\n\n\
قیمت سکه تمام بهار آزادی طرح جدید در بازار امروز تهران به ۵۶ میلیون تومان رسید و سکه طرح قدیم نیز گران شد.\n";
        let (l, _) = run(doc);
        assert_eq!(l.published.unwrap().jalali_string(), "1403-09-20");
        // A date in a title that is not today's is no publication day.
        let doc = "سالگرد قیام ۱۵ خرداد ۱۳۴۲ گرامی داشته شد\n\n\
مراسم بزرگداشت سالگرد قیام پانزده خرداد در حرم امام خمینی با حضور مسئولان کشوری برگزار شد.\n";
        assert!(run(doc).0.published.is_none());
    }

    #[test]
    fn no_title_no_date() {
        let doc = "وزیر امور خارجه در گفتگوی تلفنی با همتای عمانی درباره آخرین تحولات منطقه و مذاکرات غیرمستقیم رایزنی کرد و دو طرف بر ادامه گفتگوها تاکید کردند.\n\n\
به گزارش پایگاه خبری تابناک، در این گفتگو دو طرف درباره روابط دوجانبه نیز گفتگو کردند.\n";
        let (l, p) = run(doc);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].0, Field::Lead);
        assert!(l.published.is_none() && l.news_id.is_none());
        assert_eq!(l.attribution.unwrap().publisher, 2);
    }

    #[test]
    fn quote_headline_is_the_title() {
        // A headline quoting its speaker ends with "»" but no sentence punctuation: not a paragraph.
        let doc = "نماینده تهران در مجلس: «بودجه سال آینده باید کاملا شفاف باشد»
۲۸ آبان ۱۴۰۴ - ۱۱:۲۰
به گزارش ایرنا، این نماینده در نطق میان دستور گفت: «دولت باید لایحه را شفاف ارائه کند.»
";
        let (_, p) = run(doc);
        assert_eq!(p[0], (Field::Title, "نماینده تهران در مجلس: «بودجه سال آینده باید کاملا شفاف باشد»".into()));
        assert_eq!(p[1].0, Field::Lead);
        assert!(p[1].1.ends_with("ارائه کند.»"));
    }

    #[test]
    fn a_headline_that_asks_is_the_title() {
        // The headline is a question, written twice above the outlet and the date.
        let doc = "سفر وزیر خارجه عمان به تهران؛ پیام جدید واشنگتن در راه است؟

سفر وزیر خارجه عمان به تهران؛ پیام جدید واشنگتن در راه است؟
تابناک
۱۷ فروردین ۱۴۰۴ - ۰۹:۳۰

بدر البوسعیدی وزیر امور خارجه عمان صبح امروز یکشنبه وارد تهران شد.
";
        let (_, p) = run(doc);
        assert_eq!(p[0], (Field::Title, "سفر وزیر خارجه عمان به تهران؛ پیام جدید واشنگتن در راه است؟".into()));
        assert_eq!(p[1], (Field::Lead, "بدر البوسعیدی وزیر امور خارجه عمان صبح امروز یکشنبه وارد تهران شد.".into()));
    }

    #[test]
    fn glued_title_and_slogan() {
        let doc = "اخبار روز را با تابناک دنبال کنید\nکد خبر: ۱۲۳۴۵\nتاریخ انتشار: ۰۸:۱۷ - ۲۹ آذر ۱۴۰۲ - 20 December 2023\n\n\
عراقچی: مذاکره زیر فشار معنا ندارد\n\nوزیر امور خارجه گفت که مذاکره در شرایط فشار و تهدید معنایی ندارد و ایران آماده گفتگوی عادلانه است.\n\
عراقچی: مذاکره زیر فشار معنا نداردبه گزارش تابناک، عراقچی این سخنان را در نشست خبری بیان کرد.\n";
        let (l, p) = run(doc);
        assert_eq!(p[0], (Field::Title, "عراقچی: مذاکره زیر فشار معنا ندارد".into()));
        assert_eq!(p[2], (Field::Body, "به گزارش تابناک، عراقچی این سخنان را در نشست خبری بیان کرد.".into()));
        assert_eq!(l.news_id.as_deref(), Some("12345"));
        assert_eq!(l.published.unwrap().rfc3339(), "2023-12-20T08:17:00+03:30");
        assert!(l.boilerplate.iter().any(|b| b.starts_with("اخبار روز را با تابناک")));
        assert_eq!(l.attribution.unwrap().publisher, 2);
    }

    #[test]
    fn headline_glued_to_the_lead() {
        let doc = "کد خبر: 3948712\n1401/12/13\nگروسی با رئیسی دیدار کردبه گزارش تابناک، رافائل گروسی امروز شنبه با رئیس جمهور دیدار کرد.\nمتن دوم خبر.\n";
        let (_, p) = run(doc);
        assert_eq!(p[0], (Field::Title, "گروسی با رئیسی دیدار کرد".into()));
        assert_eq!(p[1].0, Field::Lead);
        assert!(p[1].1.starts_with("به گزارش تابناک،"));
        assert_eq!(glued_headline("به گزارش ایسنا، متن"), None);
        assert_eq!(glued_headline("او گفت به گزارش ایسنا، متن"), None);
    }

    #[test]
    fn footer_source_and_related() {
        let doc = "نشست خبری سخنگوی دولت برگزار شد\nایسنا\n\n\
سخنگوی دولت در نشست خبری هفتگی به پرسش‌های خبرنگاران درباره وضعیت اقتصادی و برنامه‌های دولت پاسخ داد.\n\
او گفت: برنامه‌های دولت ادامه دارد.\nانتهای پیام\nمنبع خبر: ایسنا\nاخبار مرتبط: نشست خبری سخنگوی دولت برگزار شد\n";
        let (l, p) = run(doc);
        assert_eq!(p.len(), 3);
        assert_eq!(p[2].1, "او گفت: برنامه‌های دولت ادامه دارد.");
        assert_eq!(l.attribution.unwrap().evidence, Evidence::Byline);
    }

    #[test]
    fn a_foreign_agency_cited_under_a_masthead_is_the_origin() {
        let outlets = Outlets::builtin();
        let id = |k: usize| outlets.all()[k].id.as_str();
        let doc = "ایندیپندنت فارسی\nپلیس ترکیه ۲۰ فعال را بازداشت کرد\n\
به گزارش رویترز، دادستانی دیاربکر روز دوشنبه اعلام کرد این افراد به عضویت در یک سازمان متهم شده‌اند و بازداشت شدند.\n\
حزب دموکراسی و برابری خلق‌ها این بازداشت‌ها را محکوم کرد و خواستار آزادی فوری بازداشت‌شدگان شد.\n";
        let a = lay_out(doc, ChromeRules::builtin(), outlets).attribution.unwrap();
        assert_eq!((id(a.publisher), a.origin.map(id)), ("independentpersian", Some("reuters")));
        // Without a masthead the cited agency is all the text names.
        let a = lay_out(&doc["ایندیپندنت فارسی\n".len()..], ChromeRules::builtin(), outlets).attribution.unwrap();
        assert_eq!((id(a.publisher), a.origin), ("reuters", None));
        // An Iranian outlet cited under another's masthead stays the publisher (a republished story).
        let doc = doc.replace("ایندیپندنت فارسی", "خبرگزاری مهر").replace("رویترز", "ایرنا");
        let a = lay_out(&doc, ChromeRules::builtin(), outlets).attribution.unwrap();
        assert_eq!(id(a.publisher), "irna");
    }

    #[test]
    fn disagreeing_calendars_are_warned_not_used() {
        let doc = "تاریخ انتشار: ۲۹ آذر ۱۴۰۲ - 25 December 2023\nمتن خبر در اینجا آمده است و به اندازه کافی طولانی است تا یک پاراگراف باشد.\n";
        let (l, _) = run(doc);
        assert!(l.published.is_none());
        assert_eq!(l.warnings.len(), 1);
    }

    #[test]
    fn slice_chars_counts_scalars() {
        assert_eq!(slice_chars("سلام دنیا", 5..9), "دنیا");
        assert_eq!(slice_chars("abc", 1..1), "");
        assert_eq!(slice_chars("abc", 2..10), "c");
    }

    proptest::proptest! {
        #[test]
        fn pieces_are_within_the_document(doc in "(\\PC{0,40}\n){0,12}") {
            let (l, _) = run(&doc);
            let n = doc.chars().count();
            for p in &l.pieces {
                proptest::prop_assert!(p.raw.start <= p.raw.end && p.raw.end <= n);
            }
        }
    }
}
