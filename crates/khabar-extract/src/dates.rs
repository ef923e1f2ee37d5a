//! Publication dates as Iranian sites print them.
//!
//! Recognizes Jalali (Solar Hijri) dates written with month names ("۳۱ خرداد ۱۴۰۳"),
//! numerically ("1402/09/29"), with or without a weekday and a time, in Persian,
//! Arabic-Indic or ASCII digits and with Arabic or Persian letters, and Gregorian dates
//! ("20 December 2023", "2024-06-20", "۲۰ دسامبر ۲۰۲۳"). Calendar conversion uses ICU4X's
//! Persian calendar, and the UTC offset comes from the bundled tz database's `Asia/Tehran`.

use std::sync::LazyLock;

use icu_calendar::{Date, Iso, cal::Persian};
use jiff::{civil, tz::TimeZone};
use regex::Regex;

/// A calendar date with an optional time of day, in the Jalali and Gregorian calendars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublishTime {
    /// Jalali year, month (1–12) and day.
    pub jalali: (i32, u8, u8),
    /// Gregorian year, month and day.
    pub gregorian: (i32, u8, u8),
    /// Hour and minute, when printed.
    pub time: Option<(u8, u8)>,
}

impl PublishTime {
    /// Builds a publish time from a Jalali date; `None` when the date does not exist
    /// (e.g. 1400-12-30, since 1400 is not a leap year).
    pub fn from_jalali(y: i32, m: u8, d: u8, time: Option<(u8, u8)>) -> Option<Self> {
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1200..=1600).contains(&y) {
            return None;
        }
        let date = Date::try_new_persian(y, m, d).ok()?;
        // ICU clamps nothing here, but check the round trip to be sure the day exists.
        if date.day_of_month().0 != d || date.month().ordinal != m {
            return None;
        }
        let iso = date.to_calendar(Iso);
        Some(Self {
            jalali: (y, m, d),
            gregorian: (iso.year().extended_year(), iso.month().ordinal, iso.day_of_month().0),
            time: valid_time(time)?,
        })
    }

    /// Builds a publish time from a Gregorian date; `None` when the date does not exist.
    pub fn from_gregorian(y: i32, m: u8, d: u8, time: Option<(u8, u8)>) -> Option<Self> {
        if !(1800..=2200).contains(&y) {
            return None;
        }
        let iso = Date::try_new_iso(y, m, d).ok()?;
        let p = iso.to_calendar(Persian);
        Some(Self {
            jalali: (p.year().extended_year(), p.month().ordinal, p.day_of_month().0),
            gregorian: (y, m, d),
            time: valid_time(time)?,
        })
    }

    /// Reads a machine-readable date as pages put it in metadata (`article:published_time`,
    /// JSON-LD `datePublished`, CMS `<meta>` tags): RFC 3339 / ISO 8601 with an offset or `Z`
    /// (converted to Tehran's local time), a local "YYYY-MM-DDTHH:MM[:SS]" or "YYYY-MM-DD HH:MM"
    /// (taken as Tehran time), a bare "YYYY-MM-DD" or "YYYY/MM/DD"; a year below 1700 is read as
    /// Jalali ("1403/08/24"). `None` when nothing usable is found.
    pub fn from_iso(s: &str) -> Option<Self> {
        static ISO: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?i)^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?")
                .unwrap()
        });
        let folded = crate::dates::fold_for_dates(s);
        let c = ISO.captures(&folded)?;
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<i32>().ok());
        let (y, m, d) = (num(1)?, num(2)? as u8, num(3)? as u8);
        if y < 1700 {
            let time = num(4).zip(num(5)).map(|(h, mi)| (h as u8, mi as u8));
            return Self::from_jalali(y, m, d, time);
        }
        let Some((h, mi)) = num(4).zip(num(5)) else {
            return Self::from_gregorian(y, m, d, None);
        };
        let sec = num(6).unwrap_or(0);
        match c.get(7).map(|m| m.as_str()) {
            None => Self::from_gregorian(y, m, d, Some((h as u8, mi as u8))),
            Some(off) => {
                let off = if off.eq_ignore_ascii_case("z") { "+00:00".to_string() } else if off.contains(':') { off.to_string() } else { format!("{}:{}", &off[..3], &off[3..]) };
                let text = format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{sec:02}{off}");
                let ts: jiff::Timestamp = text.parse().ok()?;
                let z = ts.to_zoned(tehran());
                Self::from_gregorian(i32::from(z.year()), z.month() as u8, z.day() as u8, Some((z.hour() as u8, z.minute() as u8)))
            }
        }
    }

    /// "YYYY-MM-DDTHH:MM" in the Jalali calendar, or "YYYY-MM-DD" when no time was printed.
    pub fn jalali_string(&self) -> String {
        let (y, m, d) = self.jalali;
        match self.time {
            Some((h, mi)) => format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}"),
            None => format!("{y:04}-{m:02}-{d:02}"),
        }
    }

    /// RFC 3339 with the Asia/Tehran offset in force at that moment, or a plain
    /// "YYYY-MM-DD" date when no time was printed (a date alone has no instant).
    pub fn rfc3339(&self) -> String {
        let (y, m, d) = self.gregorian;
        let Some((h, mi)) = self.time else {
            return format!("{y:04}-{m:02}-{d:02}");
        };
        let zoned = civil::DateTime::new(y as i16, m as i8, d as i8, h as i8, mi as i8, 0, 0)
            .ok()
            .and_then(|dt| dt.to_zoned(tehran()).ok());
        match zoned {
            Some(z) => z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
            None => format!("{y:04}-{m:02}-{d:02}"),
        }
    }
}

fn valid_time(time: Option<(u8, u8)>) -> Option<Option<(u8, u8)>> {
    match time {
        Some((h, m)) if h > 23 || m > 59 => None,
        t => Some(t),
    }
}

fn tehran() -> TimeZone {
    static TZ: LazyLock<TimeZone> =
        LazyLock::new(|| TimeZone::get("Asia/Tehran").expect("bundled tzdb has Asia/Tehran"));
    TZ.clone()
}

/// What went wrong when a line clearly holds a date that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateProblem {
    /// The printed date does not exist in its calendar.
    #[error("date {0} does not exist")]
    Invalid(String),
    /// The Jalali and Gregorian dates printed side by side are different days.
    #[error("Jalali date {jalali} and Gregorian date {gregorian} disagree")]
    Disagree {
        /// The Jalali date as printed (normalized).
        jalali: String,
        /// The Gregorian date as printed (normalized).
        gregorian: String,
    },
}

/// A date found in a line, with the character range it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    /// The parsed date, or the reason it cannot be used.
    pub value: Result<PublishTime, DateProblem>,
    /// How many characters of the (folded) line the date, time and weekday cover.
    pub covered: usize,
}

const JALALI_MONTHS: [&[&str]; 12] = [
    &["فروردین"],
    &["اردیبهشت"],
    &["خرداد"],
    &["تیر"],
    &["مرداد", "امرداد"],
    &["شهریور"],
    &["مهر"],
    &["آبان"],
    &["آذر"],
    &["دی"],
    &["بهمن"],
    &["اسفند"],
];

const GREGORIAN_MONTHS: [&[&str]; 12] = [
    &["january", "jan", "ژانویه", "ژانویهٔ", "ژانویه"],
    &["february", "feb", "فوریه"],
    &["march", "mar", "مارس", "مارچ"],
    &["april", "apr", "آوریل", "آپریل"],
    &["may", "مه", "می"],
    &["june", "jun", "ژوئن", "جون"],
    &["july", "jul", "ژوئیه", "جولای"],
    &["august", "aug", "اوت", "آگوست", "اگوست"],
    &["september", "sep", "sept", "سپتامبر"],
    &["october", "oct", "اکتبر"],
    &["november", "nov", "نوامبر"],
    &["december", "dec", "دسامبر"],
];

const WEEKDAYS: [&str; 7] = ["شنبه", "یکشنبه", "دوشنبه", "سه شنبه", "چهارشنبه", "پنجشنبه", "جمعه"];

/// Folds a line for date matching: digits to ASCII, Arabic letters to Persian,
/// ZWNJ to a space, Latin to lower case. Keeps a one-to-one character count.
pub fn fold_for_dates(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            'ي' | 'ى' => 'ی',
            'ك' => 'ک',
            '\u{200c}' | '\u{a0}' | '\u{202f}' => ' ',
            '٫' => '.',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// The weekday names as a regex alternation, longest first, a space inside one matching any spacing or none
/// ("سه شنبه", "سهشنبه").
fn weekday_alternation() -> String {
    let mut w: Vec<String> = WEEKDAYS.iter().map(|d| d.replace(' ', r"\s*")).collect();
    w.sort_by_key(|s| std::cmp::Reverse(s.len()));
    w.join("|")
}

fn alternation(groups: &[&[&str]]) -> String {
    let mut all: Vec<&str> = groups.iter().flat_map(|g| g.iter().copied()).collect();
    all.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    all.join("|")
}

static TIME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\d:])([01]?\d|2[0-3])\s*:\s*([0-5]\d)(?::[0-5]\d)?(?:[^\d:]|$)").unwrap());
/// "ب.ظ" / "بعد از ظهر" / "PM" (group 1) or "ق.ظ" / "قبل از ظهر" / "AM" right after a time.
static MERIDIEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?::[0-5]\d)?\s*(?:(ب\s*\.?\s*ظ|بعد ?از ?ظهر|(?i:p\.?m\b\.?))|(?:ق\s*\.?\s*ظ|قبل ?از ?ظهر|(?i:a\.?m\b\.?)))").unwrap()
});
/// A time written in words around its numbers: "ساعت ۱۰ و ۱۵ دقیقه".
static TIME_WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"ساعت\s*([01]?\d|2[0-3])\s*و\s*([0-5]?\d)\s*دقیقه").unwrap());
static JALALI_NAMED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[^\d])(\d{{1,2}})\s*(?:ام|م)?\s+({})(?:\s*ماه)?(?:\s*سال)?\s*(\d{{4}}|\d{{2}})(?:[^\d]|$)",
        alternation(&JALALI_MONTHS)
    ))
    .unwrap()
});
/// A Jalali date with its year first ("۱۴۰۳ شنبه ۲۴ آذر", as some newspapers print their issue's day).
static JALALI_YEAR_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[^\d])(1[34]\d\d)\s+(?:(?:{})\s+)?(\d{{1,2}})\s*(?:ام|م)?\s+({})(?:[^\p{{L}}]|$)",
        weekday_alternation(),
        alternation(&JALALI_MONTHS)
    ))
    .unwrap()
});
static GREG_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[^\d])(\d{{1,2}})\s+({})\.?,?\s*(\d{{4}})(?:[^\d]|$)",
        alternation(&GREGORIAN_MONTHS)
    ))
    .unwrap()
});
static GREG_MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[^a-z])({})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})(?:[^\d]|$)",
        alternation(&GREGORIAN_MONTHS)
    ))
    .unwrap()
});
static NUMERIC_YMD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d/.\-])(\d{4})\s*([/\-.])\s*(\d{1,2})\s*([/\-.])\s*(\d{1,2})(?:[^\d/.\-]|$)").unwrap()
});
static NUMERIC_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d/.\-])(\d{1,2})\s*([/.])\s*(\d{1,2})\s*([/.])\s*(\d{4})(?:[^\d/.\-]|$)").unwrap()
});
static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("({})", weekday_alternation())).unwrap()
});

/// "امروز [weekday] D month YYYY": the text's own day, told in its lead.
static TODAY_JALALI: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[^\p{{L}}])امروز\s+(?:(?:{})\s+)?(?:\(?\s*)?(\d{{1,2}})\s*(?:ام|م)?\s+({})(?:\s*ماه)?(?:\s*سال)?\s*(\d{{4}})(?:[^\d]|$)",
        weekday_alternation(),
        alternation(&JALALI_MONTHS)
    ))
    .unwrap()
});

/// The day a paragraph says is today ("اصغر جهانگیر امروز سه‌شنبه ۲۳ بهمن ۱۴۰۳ در نشست خبری ..."): a full Jalali
/// date right after "امروز" (and a weekday). Used when the page prints no date line.
pub fn today_in(paragraph: &str) -> Option<PublishTime> {
    let folded = fold_for_dates(paragraph);
    let c = TODAY_JALALI.captures(&folded)?;
    let d: u8 = c[1].parse().ok()?;
    let m = month_index(&JALALI_MONTHS, &c[2])?;
    PublishTime::from_jalali(c[3].parse().ok()?, m, d, None)
}

fn month_index(groups: &[&[&str]], name: &str) -> Option<u8> {
    groups.iter().position(|g| g.contains(&name)).map(|i| i as u8 + 1)
}

fn two_digit_jalali_year(y: i32) -> i32 {
    if y < 100 { 1300 + y } else { y }
}

/// Characters covered from the start of group `first` to the end of group `last`.
fn span_len(m: &regex::Captures<'_>, first: usize, last: usize) -> usize {
    match (m.get(first), m.get(last)) {
        (Some(a), Some(b)) if b.end() >= a.start() => m.get(0).map_or(0, |whole| {
            let hay = whole.as_str();
            let base = whole.start();
            hay[a.start() - base..b.end() - base].chars().count()
        }),
        _ => 0,
    }
}

/// Finds the publication date in one line, if the line holds one.
///
/// When both a Jalali and a Gregorian date are printed they are checked against each
/// other. A time "HH:MM" anywhere in the line is attached to the date.
pub fn find_date(line: &str) -> Option<DateMatch> {
    let folded = fold_for_dates(line);
    let f = folded.as_str();
    let mut covered_chars = 0usize;
    let time = TIME
        .captures(f)
        .and_then(|c| {
            covered_chars += span_len(&c, 1, 2);
            let (h, mi): (u8, u8) = (c[1].parse().ok()?, c[2].parse().ok()?);
            // "ب.ظ" / "PM" after the time: afternoon; "ق.ظ" / "AM": morning (12 is midnight).
            let after = &f[c.get(2).map_or(0, |m| m.end())..];
            Some(match MERIDIEM.captures(after) {
                Some(m) => {
                    covered_chars += m[0].chars().count();
                    let pm = m.get(1).is_some();
                    (if pm && h < 12 { h + 12 } else if !pm && h == 12 { 0 } else { h }, mi)
                }
                None => (h, mi),
            })
        })
        .or_else(|| {
            // "ساعت ۱۰ و ۱۵ دقیقه".
            let c = TIME_WORDS.captures(f)?;
            covered_chars += c[0].chars().count();
            Some((c[1].parse().ok()?, c[2].parse().ok()?))
        });
    if let Some(w) = WEEKDAY.find(f) {
        covered_chars += w.as_str().chars().count();
    }

    let mut jalali: Option<(i32, u8, u8)> = None;
    let mut gregorian: Option<(i32, u8, u8)> = None;
    if let Some(c) = JALALI_NAMED.captures(f) {
        let d: u8 = c[1].parse().ok()?;
        let m = month_index(&JALALI_MONTHS, &c[2])?;
        let y = two_digit_jalali_year(c[3].parse().ok()?);
        jalali = Some((y, m, d));
        covered_chars += span_len(&c, 1, 3);
    } else if let Some(c) = JALALI_YEAR_FIRST.captures(f) {
        let d: u8 = c[2].parse().ok()?;
        let m = month_index(&JALALI_MONTHS, &c[3])?;
        jalali = Some((c[1].parse().ok()?, m, d));
        covered_chars += span_len(&c, 1, 3);
        // The weekday between year and day is inside the span, counted once.
        if let Some(w) = WEEKDAY.find(&c[0]) {
            covered_chars -= w.as_str().chars().count();
        }
    }
    if let Some(c) = GREG_DMY.captures(f) {
        if let (Ok(d), Some(m), Ok(y)) = (c[1].parse(), month_index(&GREGORIAN_MONTHS, &c[2]), c[3].parse()) {
            gregorian = Some((y, m, d));
            covered_chars += span_len(&c, 1, 3);
        }
    } else if let Some(c) = GREG_MDY.captures(f) {
        if let (Some(m), Ok(d), Ok(y)) = (month_index(&GREGORIAN_MONTHS, &c[1]), c[2].parse(), c[3].parse()) {
            gregorian = Some((y, m, d));
            covered_chars += span_len(&c, 1, 3);
        }
    }
    if jalali.is_none() && gregorian.is_none() {
        let numeric = NUMERIC_YMD
            .captures(f)
            .filter(|c| c[2] == c[4])
            .and_then(|c| Some(((c[1].parse().ok()?, c[3].parse().ok()?, c[5].parse().ok()?), span_len(&c, 1, 5))))
            .or_else(|| {
                let c = NUMERIC_DMY.captures(f).filter(|c| c[2] == c[4])?;
                Some(((c[5].parse().ok()?, c[3].parse().ok()?, c[1].parse().ok()?), span_len(&c, 1, 5)))
            });
        if let Some(((y, m, d), len)) = numeric {
            covered_chars += len;
            if (1200..1600).contains(&y) {
                jalali = Some((y, m, d));
            } else {
                gregorian = Some((y, m, d));
            }
        }
    }
    if jalali.is_none() && gregorian.is_none() {
        return None;
    }
    let covered = covered_chars;
    let show = |(y, m, d): (i32, u8, u8)| format!("{y:04}-{m:02}-{d:02}");
    let value = match (jalali, gregorian) {
        (Some(j), g) => match PublishTime::from_jalali(j.0, j.1, j.2, time) {
            None => Err(DateProblem::Invalid(show(j))),
            Some(p) => match g {
                Some(g) if p.gregorian != g => {
                    Err(DateProblem::Disagree { jalali: show(j), gregorian: show(g) })
                }
                _ => Ok(p),
            },
        },
        (None, Some(g)) => PublishTime::from_gregorian(g.0, g.1, g.2, time).ok_or(DateProblem::Invalid(show(g))),
        (None, None) => unreachable!("checked above"),
    };
    Some(DateMatch { value, covered })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_day_a_lead_calls_today() {
        let p = today_in("اصغر جهانگیر امروز سه‌شنبه ۲۳ بهمن ۱۴۰۳ در نشست خبری گفت").unwrap();
        assert_eq!(p.jalali_string(), "1403-11-23");
        assert_eq!(today_in("امروز ۵ دی ۱۴۰۳ اعلام شد").unwrap().jalali_string(), "1403-10-05");
        // Another day than today, or a date without its year, is not the text's day.
        assert!(today_in("روز پنجشنبه ۶ دی ۱۴۰۳ در آیین افتتاح").is_none());
        assert!(today_in("امروز سه‌شنبه ۲۳ بهمن در نشست خبری").is_none());
        assert!(today_in("تا امروز از ۲۳ بهمن ۱۴۰۳ چیزی نگذشته").is_none());
    }

    fn parse(s: &str) -> PublishTime {
        find_date(s).unwrap_or_else(|| panic!("no date in {s:?}")).value.unwrap()
    }

    #[test]
    fn jalali_with_the_year_first() {
        assert_eq!(parse("شماره ۵۱۲۳ - ۱۴۰۳ شنبه ۲۴ آذر").jalali_string(), "1403-09-24");
        assert_eq!(parse("۱۴۰۳ پنجشنبه ۱ آذر - ۲۳:۵۷").jalali_string(), "1403-09-01T23:57");
        // A count before a month is no year.
        assert!(find_date("۲۴۰۰ نفر در ۲۴ آذر").is_none());
    }

    #[test]
    fn named_jalali_with_time() {
        let p = parse("۳۱ خرداد ۱۴۰۳، ۱۱:۰۵");
        assert_eq!(p.jalali_string(), "1403-03-31T11:05");
        assert_eq!(p.rfc3339(), "2024-06-20T11:05:00+03:30");
    }

    #[test]
    fn afternoon_and_morning_markers_and_times_in_words() {
        assert_eq!(parse("۹ آذر ۱۴۰۴ ۰۲:۱۵ ب.ظ").jalali_string(), "1404-09-09T14:15");
        assert_eq!(parse("۹ آذر ۱۴۰۴ ۰۲:۱۵ بعد از ظهر").jalali_string(), "1404-09-09T14:15");
        assert_eq!(parse("۹ آذر ۱۴۰۴ ۱۲:۱۵ ق.ظ").jalali_string(), "1404-09-09T00:15");
        assert_eq!(parse("۹ آذر ۱۴۰۴ ۱۰:۱۵ ق.ظ").jalali_string(), "1404-09-09T10:15");
        assert_eq!(parse("۹ آذر ۱۴۰۴ ۱۲:۳۰ ب.ظ").jalali_string(), "1404-09-09T12:30");
        assert_eq!(parse("Nov 30, 2025 2:15 PM").rfc3339(), "2025-11-30T14:15:00+03:30");
        assert_eq!(parse("یکشنبه ۹ آذر ۱۴۰۴ ساعت ۱۰ و ۱۵ دقیقه").jalali_string(), "1404-09-09T10:15");
        // A marker not right after the time changes nothing.
        assert_eq!(parse("۹ آذر ۱۴۰۴ ۰۲:۱۵").jalali_string(), "1404-09-09T02:15");
    }

    #[test]
    fn both_calendars_agree() {
        let p = parse("۰۸:۱۷ - ۲۹ آذر ۱۴۰۲ - 20 December 2023");
        assert_eq!(p.jalali_string(), "1402-09-29T08:17");
        assert_eq!(p.rfc3339(), "2023-12-20T08:17:00+03:30");
    }

    #[test]
    fn both_calendars_disagree_is_reported() {
        let m = find_date("۰۸:۱۷ - ۲۹ آذر ۱۴۰۲ - 21 December 2023").unwrap();
        assert!(matches!(m.value, Err(DateProblem::Disagree { .. })));
    }

    #[test]
    fn arabic_letters_and_ascii_digits() {
        let p = parse("16:49 - 10 فروردين 1402");
        assert_eq!(p.jalali_string(), "1402-01-10T16:49");
        assert_eq!(p.gregorian, (2023, 3, 30));
        // Iran dropped summer time in 2022: +03:30 all year from then on.
        assert_eq!(p.rfc3339(), "2023-03-30T16:49:00+03:30");
    }

    #[test]
    fn summer_time_before_2022() {
        // 1 Tir 1400 = 22 June 2021, when Tehran was on +04:30.
        let p = parse("1400/04/01 - 10:00");
        assert_eq!(p.rfc3339(), "2021-06-22T10:00:00+04:30");
        // Winter of the same year: +03:30.
        assert_eq!(parse("1400/10/01 10:00").rfc3339(), "2021-12-22T10:00:00+03:30");
    }

    #[test]
    fn numeric_and_weekday_forms() {
        assert_eq!(parse("1402/09/29").jalali_string(), "1402-09-29");
        assert_eq!(parse("۱۴۰۲/۰۹/۲۹").gregorian, (2023, 12, 20));
        let p = parse("چهارشنبه ۲۹ آذر ۱۴۰۲");
        assert_eq!(p.jalali, (1402, 9, 29));
        assert_eq!(p.time, None);
        assert_eq!(p.rfc3339(), "2023-12-20");
        assert_eq!(parse("یکشنبه 15 مهر 1403 - 10:30").jalali_string(), "1403-07-15T10:30");
        assert_eq!(parse("٢٩ آذر ١٤٠٢").jalali, (1402, 9, 29));
    }

    #[test]
    fn gregorian_forms() {
        assert_eq!(parse("2024-06-20").jalali, (1403, 3, 31));
        assert_eq!(parse("20 December 2023").jalali, (1402, 9, 29));
        assert_eq!(parse("تاریخ 14.10.2023").gregorian, (2023, 10, 14));
        assert_eq!(parse("14/10/2023").gregorian, (2023, 10, 14));
        assert_eq!(parse("December 20, 2023 14:00").rfc3339(), "2023-12-20T14:00:00+03:30");
        assert_eq!(parse("۲۰ دسامبر ۲۰۲۳").jalali, (1402, 9, 29));
    }

    #[test]
    fn leap_years_and_month_edges() {
        // 1399 is a leap year in the Solar Hijri calendar; 1400 is not; 1403 is.
        assert_eq!(PublishTime::from_jalali(1399, 12, 30, None).unwrap().gregorian, (2021, 3, 20));
        assert_eq!(PublishTime::from_jalali(1400, 12, 30, None), None);
        assert_eq!(PublishTime::from_jalali(1403, 12, 30, None).unwrap().gregorian, (2025, 3, 20));
        assert!(matches!(find_date("1400/12/30").unwrap().value, Err(DateProblem::Invalid(_))));
        // First half of the year has 31-day months, the second half 30.
        assert!(PublishTime::from_jalali(1402, 6, 31, None).is_some());
        assert!(PublishTime::from_jalali(1402, 7, 31, None).is_none());
        assert_eq!(PublishTime::from_jalali(1403, 1, 1, None).unwrap().gregorian, (2024, 3, 20));
        assert_eq!(PublishTime::from_gregorian(2024, 3, 19, None).unwrap().jalali, (1402, 12, 29));
        assert!(PublishTime::from_gregorian(2023, 2, 29, None).is_none());
    }

    #[test]
    fn not_dates() {
        assert!(find_date("کد خبر: ۳۶۴۸۲").is_none());
        assert!(find_date("بیش از 70 سال مقاومت").is_none());
        assert!(find_date("COVID-19").is_none());
        assert!(find_date("ساعت 25:99 و 1402/13/40").map(|m| m.value.is_err()).unwrap_or(true));
    }

    proptest::proptest! {
        #[test]
        fn jalali_gregorian_round_trip(y in 1300i32..1500, m in 1u8..=12, d in 1u8..=31) {
            if let Some(p) = PublishTime::from_jalali(y, m, d, None) {
                let back = PublishTime::from_gregorian(p.gregorian.0, p.gregorian.1, p.gregorian.2, None).unwrap();
                proptest::prop_assert_eq!(back.jalali, (y, m, d));
            }
        }

        #[test]
        fn find_date_never_panics(s in "\\PC{0,60}") {
            let _ = find_date(&s);
        }
    }

    #[test]
    fn metadata_dates() {
        let p = PublishTime::from_iso("2024-11-14T09:00:00Z").unwrap();
        assert_eq!(p.rfc3339(), "2024-11-14T12:30:00+03:30");
        assert_eq!(p.jalali_string(), "1403-08-24T12:30");
        assert_eq!(PublishTime::from_iso("2024-11-14T12:30:00+03:30").unwrap().jalali_string(), "1403-08-24T12:30");
        assert_eq!(PublishTime::from_iso("2024-11-14T12:30:00+0330").unwrap().jalali_string(), "1403-08-24T12:30");
        assert_eq!(PublishTime::from_iso("2024-11-14 12:30").unwrap().jalali_string(), "1403-08-24T12:30");
        assert_eq!(PublishTime::from_iso("2024-11-14").unwrap().jalali_string(), "1403-08-24");
        assert_eq!(PublishTime::from_iso("۱۴۰۳/۰۸/۲۴ - ۱۲:۳۰").unwrap().rfc3339(), "2024-11-14");
        assert_eq!(PublishTime::from_iso("1403/08/24 12:30").unwrap().rfc3339(), "2024-11-14T12:30:00+03:30");
        assert!(PublishTime::from_iso("yesterday").is_none());
        assert!(PublishTime::from_iso("2024-13-40").is_none());
    }
}
