//! News outlets: the data file `data/agencies.tsv` and recognition of the outlet that
//! published an article ("به گزارش خبرگزاری مهر،", "به نقل از ...", "منبع خبر: ...",
//! "خبرگزاری فارس - ", a byline or a site slogan).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use serde::Serialize;

use crate::fold::{fold, is_word_char};

/// The matching key of a name or text: folded and lower-cased ("DW فارسی" = "dw فارسی").
fn key(s: &str) -> String {
    fold(s).to_lowercase()
}

/// One outlet of the data file.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Outlet {
    /// Stable ASCII id, e.g. "mehr".
    pub id: String,
    /// English name, e.g. "Mehr News Agency".
    pub name_en: String,
    /// Canonical Persian name, e.g. "خبرگزاری مهر".
    pub name_fa: String,
    /// Persian names that identify the outlet wherever they appear.
    #[serde(skip)]
    pub variants: Vec<String>,
    /// Short names that are also ordinary words ("مهر", "فارس"): accepted only right
    /// after an attribution phrase such as "به گزارش".
    #[serde(skip)]
    pub ambiguous: Vec<String>,
    /// Web domains, e.g. "mehrnews.com".
    #[serde(skip)]
    pub domains: Vec<String>,
    /// agency, newspaper, site, broadcaster or foreign.
    #[serde(skip)]
    pub kind: String,
    /// Slogans the outlet prints on its pages.
    #[serde(skip)]
    pub slogans: Vec<String>,
}

/// A problem in an outlets file.
#[derive(Debug, thiserror::Error)]
#[error("outlets file line {line}: {message}")]
pub struct OutletsError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// The outlets, with matchers over their folded names.
pub struct Outlets {
    outlets: Vec<Outlet>,
    /// Matcher over strong names (variants, canonical name, slogans), folded.
    strong: AhoCorasick,
    strong_owner: Vec<usize>,
    /// Matcher over strong and ambiguous names, for attribution phrases.
    any: AhoCorasick,
    any_owner: Vec<usize>,
    /// For each pattern of `any`, true when it is an ambiguous short name.
    any_ambiguous: Vec<bool>,
}

impl std::fmt::Debug for Outlets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Outlets").field("len", &self.outlets.len()).finish()
    }
}

/// The outlets file shipped with khabar.
pub const BUILTIN_TSV: &str = include_str!("../../../data/agencies.tsv");

/// An outlet name found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the outlet in [`Outlets::all`].
    pub outlet: usize,
    /// Byte offset of the name in the searched (keyed) text.
    pub start: usize,
    /// True when the name is an ambiguous short form ("مهر").
    pub ambiguous: bool,
}

/// Where a recognized outlet came from in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Evidence {
    /// "به گزارش X" / "به نقل از X" / "بنا بر گزارش X".
    Attribution,
    /// "خبرگزاری X - " at the start of the lead.
    Dateline,
    /// "منبع خبر: X".
    SourceLine,
    /// A line that is only the outlet's name.
    Byline,
    /// A slogan, domain or other chrome line naming the outlet.
    Chrome,
}

/// The publisher of an article and, when it republished a story, the origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Index of the publishing outlet in [`Outlets::all`].
    pub publisher: usize,
    /// Index of the outlet the story was taken from ("به نقل از مهر").
    pub origin: Option<usize>,
    /// What the recognition rests on.
    pub evidence: Evidence,
}

static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[\s،,.«(])(?:به گزارش|بنا ?بر گزارش|بر ?اساس گزارش|طبق گزارش|به نقل از|به روایت|به خبرنگار|در گفت ?و ?گو با خبرنگار|در گفتگو با خبرنگار|در گفت ?و ?گو با|در گفتگو با)\s+([^،,.:؛;\n]{1,90})",
    )
    .unwrap()
});
static QUOTED_FROM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:به نقل از|از قول|به نقل)\s+([^،,.:؛;\n]{1,60})").unwrap());

impl Outlets {
    /// The outlet whose domain serves `url` ("https://www.mehrnews.com/news/1" → mehr); the
    /// longest matching domain wins, and a subdomain matches its parent ("en.irna.ir").
    pub fn by_url(&self, url: &str) -> Option<usize> {
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
        let host = host.split(':').next()?.trim_end_matches('.').to_ascii_lowercase();
        if host.is_empty() {
            return None;
        }
        let mut best: Option<(usize, usize)> = None;
        for (k, o) in self.outlets.iter().enumerate() {
            for d in &o.domains {
                let d = d.trim().to_ascii_lowercase();
                if d.is_empty() {
                    continue;
                }
                let hit = host == d || host.strip_suffix(d.as_str()).is_some_and(|p| p.ends_with('.'));
                if hit && best.is_none_or(|(_, l)| d.len() > l) {
                    best = Some((k, d.len()));
                }
            }
        }
        best.map(|(k, _)| k)
    }

    /// The outlets shipped with khabar (`data/agencies.tsv`).
    pub fn builtin() -> &'static Outlets {
        static DB: LazyLock<Outlets> =
            LazyLock::new(|| Outlets::parse(BUILTIN_TSV).expect("data/agencies.tsv is valid"));
        &DB
    }

    /// Parses an outlets file (tab-separated; see `data/agencies.tsv` for the columns).
    pub fn parse(tsv: &str) -> Result<Outlets, OutletsError> {
        let mut outlets = Vec::new();
        let mut header_seen = false;
        for (i, line) in tsv.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if !header_seen {
                header_seen = true;
                if line.starts_with("id\t") {
                    continue;
                }
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 3 {
                return Err(OutletsError { line: i + 1, message: format!("{} columns, want at least 3", cols.len()) });
            }
            let list = |k: usize| -> Vec<String> {
                cols.get(k)
                    .map(|s| s.split('|').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect())
                    .unwrap_or_default()
            };
            let (id, name_en, name_fa) = (cols[0].trim(), cols[1].trim(), cols[2].trim());
            if id.is_empty() || name_en.is_empty() || name_fa.is_empty() {
                return Err(OutletsError { line: i + 1, message: "empty id or name".into() });
            }
            outlets.push(Outlet {
                id: id.into(),
                name_en: name_en.into(),
                name_fa: name_fa.into(),
                variants: list(3),
                ambiguous: list(4),
                domains: list(5),
                kind: cols.get(6).map(|s| s.trim().to_string()).unwrap_or_default(),
                slogans: list(7),
            });
        }
        let mut strong_pats = Vec::new();
        let mut strong_owner = Vec::new();
        let mut any_pats = Vec::new();
        let mut any_owner = Vec::new();
        let mut any_ambiguous = Vec::new();
        for (k, o) in outlets.iter().enumerate() {
            let names = std::iter::once(&o.name_fa).chain(&o.variants).chain(&o.slogans);
            for n in names.map(|n| key(n)).chain(o.domains.iter().map(|d| d.to_lowercase())) {
                if n.chars().count() >= 2 {
                    strong_pats.push(n.clone());
                    strong_owner.push(k);
                    any_pats.push(n);
                    any_owner.push(k);
                    any_ambiguous.push(false);
                }
            }
            for n in o.ambiguous.iter().map(|n| key(n)) {
                if n.chars().count() >= 2 {
                    any_pats.push(n);
                    any_owner.push(k);
                    any_ambiguous.push(true);
                }
            }
        }
        let build = |p: &[String]| {
            AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(p).expect("outlet names build")
        };
        Ok(Outlets { strong: build(&strong_pats), any: build(&any_pats), outlets, strong_owner, any_owner, any_ambiguous })
    }

    /// All outlets, in file order.
    pub fn all(&self) -> &[Outlet] {
        &self.outlets
    }

    /// The outlet with this id.
    pub fn get(&self, id: &str) -> Option<&Outlet> {
        self.outlets.iter().find(|o| o.id == id)
    }

    /// Outlets named in `keyed` text (folded and lower-cased, see [`Outlets::name_in`]) at
    /// word boundaries, in order of appearance. With `allow_ambiguous`, short names that are
    /// also ordinary words count too.
    pub fn find_in(&self, keyed: &str, allow_ambiguous: bool) -> Vec<Hit> {
        let (ac, owner) = if allow_ambiguous { (&self.any, &self.any_owner) } else { (&self.strong, &self.strong_owner) };
        ac.find_iter(keyed)
            .filter(|m| {
                let before = keyed[..m.start()].chars().next_back();
                let after = keyed[m.end()..].chars().next();
                !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
            })
            .map(|m| {
                let p = m.pattern().as_usize();
                Hit { outlet: owner[p], start: m.start(), ambiguous: allow_ambiguous && self.any_ambiguous[p] }
            })
            .collect()
    }

    /// The first outlet named in raw text (strong names only unless `allow_ambiguous`).
    pub fn name_in(&self, text: &str, allow_ambiguous: bool) -> Option<usize> {
        self.find_in(&key(text), allow_ambiguous).first().map(|h| h.outlet)
    }

    /// The outlet whose name (not an ambiguous short form) opens `line` ("باشگاه خبرنگاران جوان سیاسی ...").
    pub fn opens(&self, line: &str) -> Option<usize> {
        let k = key(line);
        let k = k.trim_start_matches(|c: char| !is_word_char(c));
        self.find_in(k, false).first().filter(|h| h.start == 0).map(|h| h.outlet)
    }

    /// The outlet a whole line names, when the line is nothing but an outlet's name
    /// (a byline such as "ایسنا", or "دنیای اقتصاد" alone on its line).
    pub fn byline(&self, line: &str) -> Option<usize> {
        let f = key(line);
        let f = f.trim_matches(|c: char| !is_word_char(c) && c != ' ');
        let hits = self.find_in(f, true);
        match hits.as_slice() {
            [h] if h.start == 0 => {
                let o = &self.outlets[h.outlet];
                let names = std::iter::once(&o.name_fa).chain(&o.variants).chain(&o.ambiguous);
                names.map(|n| key(n)).any(|n| n == f).then_some(h.outlet)
            }
            _ => self.english_masthead(line),
        }
    }

    /// A line that is only an outlet's English name, its acronym ("ISNA", from "... (ISNA)" in `name_en`) or its
    /// domain ("www.isna.ir"): the masthead of an English-labelled page.
    fn english_masthead(&self, line: &str) -> Option<usize> {
        let l = line.trim().trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        if l.is_empty() || !l.is_ascii() {
            return None;
        }
        let l = l.strip_prefix("www.").unwrap_or(&l);
        self.outlets.iter().position(|o| {
            let name = o.name_en.to_lowercase();
            let (full, acronym) = match name.split_once(" (") {
                Some((full, rest)) => (full.to_string(), rest.trim_end_matches(')').to_string()),
                None => (name.clone(), String::new()),
            };
            l == name || l == full || (acronym.len() >= 3 && l == acronym) || o.domains.iter().any(|d| d.to_lowercase() == l)
        })
    }

    /// Finds the publisher (and origin) from attribution phrases in a paragraph:
    /// "به گزارش X،", "به گزارش X به نقل از Y،", "به نقل از X".
    pub fn attribution(&self, paragraph: &str) -> Option<Attribution> {
        let f = key(paragraph);
        for cap in ATTRIBUTION.captures_iter(&f) {
            let seg = cap.get(1)?.as_str();
            // An ambiguous short name ("مهر") counts only as the first words of the phrase
            // ("به گزارش مهر،"), not inside it ("به گزارش رسانه‌های ایران").
            // ... or after the reporter ("به گزارش خبرنگار مهر", "به گزارش خبرنگار سیاسی مهر").
            let usable = |seg: &str| {
                self.find_in(seg, true).into_iter().find(|h| {
                    let before: Vec<&str> = seg[..h.start].split_whitespace().collect();
                    !h.ambiguous || before.is_empty() || (before[0] == "خبرنگار" && before.len() <= 2)
                })
            };
            let Some(first) = usable(seg).map(|h| h.outlet) else { continue };
            let origin = QUOTED_FROM
                .captures(seg)
                .and_then(|c| usable(c.get(1)?.as_str()).map(|h| h.outlet))
                .filter(|&o| o != first);
            return Some(Attribution { publisher: first, origin, evidence: Evidence::Attribution });
        }
        None
    }

    /// "خبرگزاری فارس - ...", "تهران - ایرنا - ..." or "خبرگزاری ایلنا: ..." at the start of a lead. Before a
    /// colon only an outlet's whole name counts ("همتی: ..." is a speaker).
    pub fn dateline(&self, paragraph: &str) -> Option<usize> {
        let f = key(paragraph);
        let head: String = f.chars().take(60).collect();
        let colon = head.find([':', '：']);
        let dash = head.find(['-', '–', '—']);
        // "ایسنا/خوزستان ...": a regional desk after the outlet's name.
        if let Some(sl) = head.find('/').filter(|&sl| colon.is_none_or(|c| sl < c) && dash.is_none_or(|d| sl < d))
            && let Some(h) = self.find_in(head[..sl].trim(), false).first()
        {
            return Some(h.outlet);
        }
        if let Some(c) = colon.filter(|&c| dash.is_none_or(|d| c < d)) {
            return self.byline(&head[..c]);
        }
        let dash = dash?;
        let before = &head[..dash];
        let mut after_dash = head[dash..].chars().skip(1).collect::<String>();
        // "تهران - ایرنا - ": the outlet may sit between two dashes after a city.
        if let Some(d2) = after_dash.find(['-', '–', '—']) {
            after_dash.truncate(d2);
            if let Some(h) = self.find_in(after_dash.trim(), false).first() {
                return Some(h.outlet);
            }
        }
        self.find_in(before.trim(), false).first().map(|h| h.outlet)
    }

    /// Outlets named in a chrome line (slogan, domain, byline with decoration).
    pub fn in_chrome(&self, line: &str) -> Option<usize> {
        self.name_in(line, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TSV: &str = "# test outlets\n\
id\tname_en\tname_fa\tvariants_fa\tambiguous_fa\tdomains\tkind\tslogans\n\
mehr\tMehr News Agency\tخبرگزاری مهر\tمهر نیوز|خبرگزاری مهر\tمهر\tmehrnews.com\tagency\t\n\
isna\tIranian Students' News Agency (ISNA)\tایسنا\tخبرگزاری دانشجویان ایران\t\tisna.ir\tagency\t\n\
eghtesadnews\tEghtesad News\tاقتصادنیوز\tاقتصاد نیوز\t\teghtesadnews.com\tsite\t\n\
fars\tFars News Agency\tخبرگزاری فارس\t\tفارس\tfarsnews.ir\tagency\t\n\
irna\tIslamic Republic News Agency (IRNA)\tایرنا\tخبرگزاری جمهوری اسلامی\t\tirna.ir\tagency\t\n";

    fn db() -> Outlets {
        Outlets::parse(TSV).unwrap()
    }

    fn id(db: &Outlets, k: usize) -> &str {
        &db.all()[k].id
    }

    #[test]
    fn attribution_forms() {
        let db = db();
        let a = db.attribution("به گزارش خبرگزاری مهر، علی باقری در دوحه گفت").unwrap();
        assert_eq!(id(&db, a.publisher), "mehr");
        let a = db.attribution("به گزارش اقتصادنیوز به نقل از مهر، بانک مرکزی اعلام کرد").unwrap();
        assert_eq!(id(&db, a.publisher), "eghtesadnews");
        assert_eq!(a.origin.map(|o| id(&db, o)), Some("mehr"));
        let a = db.attribution("به گزارش خبرنگار سیاسی ايسنا از تهران، نشست برگزار شد").unwrap();
        assert_eq!(id(&db, a.publisher), "isna");
        // An official speaking to an outlet's reporter.
        let a = db.attribution("مدیر منطقه در گفت‌وگو با خبرنگار ایرنا گفت: مصرف کاهش یافت").unwrap();
        assert_eq!(id(&db, a.publisher), "irna");
        let a = db.attribution("مدیر شرکت به خبرنگار ایسنا، گفت: مصرف کاهش یافت").unwrap();
        assert_eq!(id(&db, a.publisher), "isna");
        assert_eq!(db.attribution("وزیر در گفتگو با همتای خود درباره روابط سخن گفت"), None);
        // "مهر" as a month is not an outlet outside an attribution phrase.
        assert_eq!(db.attribution("در ۱۵ مهر ماه نشست برگزار شد"), None);
        assert!(db.find_in("در ۱۵ مهر ماه", false).is_empty());
        // An ambiguous name inside the phrase is not the outlet.
        assert_eq!(db.attribution("به گزارش رسانه‌های فارس، نشست برگزار شد"), None);
    }

    #[test]
    fn an_english_masthead_line_is_a_byline() {
        let db = Outlets::builtin();
        for line in ["ISNA", "www.isna.ir", "Iranian Students' News Agency"] {
            assert_eq!(db.byline(line).map(|k| id(db, k)), Some("isna"), "{line}");
        }
        // Words around the name make it no masthead.
        assert_eq!(db.byline("ISNA reported on Monday"), None);
    }

    #[test]
    fn dateline_with_a_colon() {
        let db = db();
        assert_eq!(db.dateline("خبرگزاری فارس: رئیس جمهور امروز گفت ...").map(|k| id(&db, k)), Some("fars"));
        assert_eq!(db.dateline("ایرنا: وزیر امور خارجه ..."), db.dateline("ایرنا - وزیر امور خارجه ..."));
        // A speaker before the colon, or a colon after the outlet's name inside a sentence, is no dateline.
        assert_eq!(db.dateline("همتی: نرخ ارز کاهش می‌یابد"), None);
        assert_eq!(db.dateline("گزارش خبرگزاری فارس: ..."), None);
    }

    #[test]
    fn byline_dateline_chrome() {
        let db = db();
        assert_eq!(db.byline("ایسنا").map(|k| id(&db, k)), Some("isna"));
        assert_eq!(db.byline("ایسنا گزارش داد که نشست برگزار شد"), None);
        assert_eq!(db.dateline("خبرگزاری فارس - وزیر امور خارجه گفت").map(|k| id(&db, k)), Some("fars"));
        assert_eq!(db.dateline("تهران - ایرنا - رئیس جمهور گفت").map(|k| id(&db, k)), Some("irna"));
        assert_eq!(db.in_chrome("www.isna.ir").map(|k| id(&db, k)), Some("isna"));
    }

    #[test]
    fn builtin_file_is_valid_and_large_enough() {
        let db = Outlets::builtin();
        assert!(db.all().len() >= 40, "{} outlets", db.all().len());
        let mut ids: Vec<&str> = db.all().iter().map(|o| o.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), db.all().len(), "duplicate outlet ids");
    }

    #[test]
    fn malformed_file_names_the_line() {
        let err = Outlets::parse("id\tname_en\tname_fa\nbroken line\n").unwrap_err();
        assert_eq!(err.line, 2);
    }

    #[test]
    fn outlet_by_url() {
        let o = Outlets::builtin();
        let id = |u: &str| o.by_url(u).map(|k| o.all()[k].id.as_str());
        assert_eq!(id("https://www.mehrnews.com/news/6287934/x"), Some("mehr"));
        assert_eq!(id("http://en.irna.ir/news/1"), Some("irna"));
        assert_eq!(id("isna.ir"), Some("isna"));
        assert_eq!(id("https://notisna.ir/"), None);
        assert_eq!(id("https://example.com/isna.ir"), None);
        assert_eq!(id(""), None);
    }

    #[test]
    fn parliaments_agency_only_in_an_attribution_by_its_short_name() {
        let o = Outlets::builtin();
        let a = o.attribution("به گزارش خبرنگار پارلمانی خبرگزاری خانه ملت، نماینده تبریز گفت").unwrap();
        assert_eq!(o.all()[a.publisher].id, "icana");
        // A reporter of the outlet: "به گزارش خبرنگار مهر".
        for p in ["به گزارش خبرنگار مهر، رئیس مجلس گفت", "به گزارش خبرنگار سیاسی مهر، رئیس مجلس گفت"] {
            assert_eq!(o.all()[o.attribution(p).unwrap().publisher].id, "mehr", "{p}");
        }
        // "خانه ملت" is also the parliament itself: alone it names no outlet outside an attribution.
        assert_eq!(o.name_in("نمایندگان در خانه ملت درباره بودجه بحث کردند", false), None);
    }

    #[test]
    fn official_sites_publish_and_are_cited() {
        let o = Outlets::builtin();
        let a = o.attribution("به گزارش پایگاه اطلاع‌رسانی دفتر حفظ و نشر آثار رهبر انقلاب، هنیه گفت").unwrap();
        assert_eq!(o.all()[a.publisher].id, "khamenei-ir");
        let a = o.attribution("به گزارش ایسنا به نقل از پایگاه اطلاع‌رسانی ریاست جمهوری، پزشکیان گفت").unwrap();
        assert_eq!(o.all()[a.publisher].id, "isna");
        assert_eq!(a.origin.map(|k| o.all()[k].id.as_str()), Some("president-ir"));
        let a = o.attribution("به گزارش پایگاه اطلاع رسانی دولت، محمدرضا عارف گفت").unwrap();
        assert_eq!(o.all()[a.publisher].id, "dolat-ir");
    }
}
