//! The day of an event: the article's day moved by relative expressions ("دیروز", "روز
//! یکشنبه", "هفته گذشته", "فردا").

use jiff::civil::{Date, Weekday};

use crate::text::Doc;

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("شنبه", Weekday::Saturday),
    ("یکشنبه", Weekday::Sunday),
    ("دوشنبه", Weekday::Monday),
    ("سهشنبه", Weekday::Tuesday),
    ("چهارشنبه", Weekday::Wednesday),
    ("پنجشنبه", Weekday::Thursday),
    ("جمعه", Weekday::Friday),
];

/// The day meant in the clause `s..e` of an article published on `base`; `future` picks the
/// next weekday of that name rather than the last. `None` when the clause says only that it
/// happened earlier ("پیش از این", "قبلاً"): not on the day of publication, and no day is told.
pub fn resolve(doc: &Doc, s: usize, cue: usize, e: usize, base: Date, future: bool) -> Option<Date> {
    resolve_told(doc, s, cue, e, base, if future { Tense::Future } else { Tense::Unknown }).map(|(d, _)| d)
}

/// When the event of a clause lies, as its verb tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Told as done or going on ("دیدار کرد", "دیدار نکرد"): on no day after the article's.
    Past,
    /// Told as planned ("قرار است ... دیدار کند"): on no day before the article's.
    Future,
    /// Either ("اگر ...").
    Unknown,
}

/// As [`resolve`], with `true` when the day comes from an expression of the clause ("روز دوشنبه"), `false`
/// when it is the article's day taken for want of one.
pub fn resolve_told(doc: &Doc, s: usize, cue: usize, e: usize, base: Date, tense: Tense) -> Option<(Date, bool)> {
    // The expression nearest before the cue, else the first after it. A plan is for no past day: a past
    // day before it belongs to an earlier clause ("روز گذشته وارد تهران شد و قرار است ... دیدار کند"). What was
    // done was done on no later day: a later one belongs to what it was about ("توافق کردند دور بعدی هفته آینده
    // برگزار شود").
    let future = tense == Tense::Future;
    let fits = |d: &Date| match tense {
        Tense::Future => *d >= base,
        Tense::Past => *d <= base,
        Tense::Unknown => true,
    };
    let before = resolve_in(doc, s, cue, base, future, true).filter(fits);
    before
        .or_else(|| resolve_in(doc, cue, e, base, future, false).filter(fits))
        .map(|d| (d, true))
        .or_else(|| (!earlier_at_an_untold_time(doc, s, e)).then_some((base, false)))
}

/// Nouns of gatherings and trips (keys): "پیش از این نشست" is before the one the article tells, not some earlier
/// time.
const EVENT_NOUNS: &[&str] =
    &["نشست", "جلسه", "اجلاس", "همایش", "کنفرانس", "مراسم", "سفر", "دیدار", "مذاکرات", "گفتگو", "گفتوگو"];

/// True when the clause `s..e` tells that something happened before, without a day: "پیش از این",
/// "قبل از این", "قبلاً", "پیشتر", "سابقاً", "ماه گذشته", "سال پیش" — but not "پیش از این دیدار" (before this meeting: an event
/// of the lexicon follows), which is the day of that meeting.
fn earlier_at_an_untold_time(doc: &Doc, s: usize, e: usize) -> bool {
    let range = doc.toks_in(s, e);
    let toks = &doc.toks[range.clone()];
    let cues = &crate::lexicon::Lexicon::builtin().cue_phrases;
    toks.iter().enumerate().any(|(i, t)| {
        let next = |j: usize| toks.get(i + j).map(|x| x.key.as_str());
        match t.key.as_str() {
            "قبلا" | "پیشتر" | "سابقا" => true,
            // "ماه گذشته", "سال پیش": some day of a past month or year.
            "ماه" | "سال" | "ماههای" | "سالهای" => matches!(next(1), Some("گذشته" | "پیش" | "قبل")),
            "پیش" | "قبل" => {
                next(1) == Some("از")
                    && matches!(next(2), Some("این" | "ان"))
                    && cues.longest_at(&doc.toks, range.start + i + 3).is_none()
                    // "پیش از این نشست": before the meeting the article tells, on its day.
                    && !next(3).is_some_and(|w| EVENT_NOUNS.contains(&w))
            }
            _ => false,
        }
    })
}

fn resolve_in(doc: &Doc, s: usize, e: usize, base: Date, future: bool, last: bool) -> Option<Date> {
    let toks = &doc.toks[doc.toks_in(s, e)];
    let mut found = None;
    for i in 0..toks.len() {
        let i = if last { toks.len() - 1 - i } else { i };
        if let Some(d) = expression_at(toks, i, base, future) {
            found = Some(d);
            break;
        }
    }
    found
}

fn expression_at(toks: &[crate::text::Tok], i: usize, base: Date, future: bool) -> Option<Date> {
    let shift = |days: i32| {
        base.checked_add(jiff::Span::new().days(days))
            .unwrap_or(base)
    };
    {
        let t = &toks[i];
        let k = t.key.as_str();
        let next = toks.get(i + 1).map(|x| x.key.as_str());
        match k {
            "امروز" | "امشب" => return Some(base),
            "دیروز" | "دیشب" => return Some(shift(-1)),
            // "روز گذشته", "شب گذشته", "شامگاه گذشته": yesterday, as news writes it.
            "روز" | "شب" | "شامگاه" | "عصر" | "ظهر" if next == Some("گذشته") => return Some(shift(-1)),
            "پریروز" => return Some(shift(-2)),
            "فردا" | "فرداشب" => return Some(shift(1)),
            // "دوشنبه هفته گذشته": the weekday before it decides (below).
            "هفته" if i > 0 && weekday_ending_at(toks, i - 1) => {}
            "هفته" if next == Some("گذشته") || next == Some("پیش") => {
                return Some(shift(-7));
            }
            "هفته" if next == Some("آینده") || next == Some("اینده") || next == Some("بعد") =>
            {
                return Some(shift(7));
            }
            _ => {}
        }
        let two = next.map(|n| format!("{k}{n}"));
        let wd = WEEKDAYS
            .iter()
            .find(|(w, _)| *w == k || two.as_deref() == Some(*w));
        if let Some((w, wd)) = wd {
            // Tokens of the weekday: one ("سه‌شنبه") or two ("سه شنبه").
            let len = if *w == k { 1 } else { 2 };
            // "شنبه" inside "سه شنبه" (a weekday written in two words, as scraped text has it) is the two-word
            // form, read at its first word.
            if k == "سه" && two.as_deref() != Some("سهشنبه") {
                return None;
            }
            if k == "شنبه" && i > 0 && matches!(toks[i - 1].key.as_str(), "یک" | "دو" | "سه" | "چهار" | "پنج") {
                return None;
            }
            // "امام جمعه زاهدان": a title (the Friday prayer leader), no day.
            if k == "جمعه" && i > 0 && matches!(toks[i - 1].key.as_str(), "امام" | "ائمه" | "امامان") {
                return None;
            }
            let today = i > 0 && matches!(toks[i - 1].key.as_str(), "امروز" | "امشب");
            if today {
                return Some(base);
            }
            // "دوشنبه گذشته" told on a Monday is a week ago; "دوشنبه آینده" a week ahead.
            let after = toks.get(i + len).map(|x| x.key.as_str());
            // "در دوشنبه پایتخت تاجیکستان": the city, no day.
            if after == Some("پایتخت") {
                return None;
            }
            // "دوشنبه هفته گذشته/آینده": that day of the previous/next week (weeks start on Saturday).
            if after == Some("هفته") {
                let weeks = match toks.get(i + len + 1).map(|x| x.key.as_str()) {
                    Some("گذشته" | "پیش") => Some(-1),
                    Some("آینده" | "اینده" | "بعد") => Some(1),
                    _ => None,
                };
                if let Some(w) = weeks {
                    // Days since the week's Saturday.
                    let sat = |d: Weekday| i32::from(d.to_sunday_zero_offset() + 1) % 7;
                    return Some(shift(7 * w - sat(base.weekday()) + sat(*wd)));
                }
            }
            if base.weekday() == *wd {
                match after {
                    Some("گذشته" | "پیش") => return Some(shift(-7)),
                    Some("آینده" | "اینده") => return Some(shift(7)),
                    _ => {}
                }
            }
            let forward = match after {
                Some("گذشته" | "پیش") => false,
                Some("آینده" | "اینده") => true,
                _ => future,
            };
            let mut d = base;
            for _ in 0..7 {
                if d.weekday() == *wd {
                    return Some(d);
                }
                d = d
                    .checked_add(jiff::Span::new().days(if forward { 1 } else { -1 }))
                    .unwrap_or(d);
            }
        }
    }
    None
}

/// Whether a weekday ends at token `i` ("دوشنبه", or "سه شنبه" in two words).
fn weekday_ending_at(toks: &[crate::text::Tok], i: usize) -> bool {
    let k = toks[i].key.as_str();
    WEEKDAYS.iter().any(|(w, _)| {
        *w == k || (i > 0 && w.strip_suffix(k).is_some_and(|p| !p.is_empty() && toks[i - 1].key == p))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_in_two_words_and_past_or_next_weeks() {
        let base = Date::new(2025, 12, 8).unwrap(); // a Monday
        let at = |text: &str, future: bool| {
            let d = Doc::new(text);
            resolve(&d, 0, d.chars.len(), d.chars.len(), base, future)
        };
        let day = |m: i8, d: i8| Some(Date::new(2025, m, d).unwrap());
        // "سه شنبه" as scraped (ZWNJ lost to a space) is Tuesday, not Saturday.
        assert_eq!(at("وی سه شنبه گذشته با همتای خود گفت‌وگو کرده بود", false), day(12, 2));
        assert_eq!(at("وی پنج شنبه در تهران بود", false), day(12, 4));
        assert_eq!(at("وی شنبه در تهران بود", false), day(12, 6));
        // The Friday prayer leader's title names no day (the article's day stands); the Friday prayer does.
        assert_eq!(at("امام جمعه زاهدان در این دیدار خواستار توجه به استان شد", false), day(12, 8));
        assert_eq!(at("وی در خطبه‌های نماز جمعه گفت", false), day(12, 5));
        // The same weekday as the article's, "گذشته"/"آینده": a week away.
        assert_eq!(at("دوشنبه گذشته", false), day(12, 1));
        assert_eq!(at("دوشنبه آینده", false), day(12, 15));
        // "آینده" looks ahead even in a clause not told as planned.
        assert_eq!(at("سه شنبه آینده", false), day(12, 9));
        // A weekday of last/next week (weeks start on Saturday: this week began on 6 December).
        assert_eq!(at("چهارشنبه هفته گذشته", false), day(12, 3));
        assert_eq!(at("شنبه هفته آینده", true), day(12, 13));
        assert_eq!(at("هفته گذشته", false), day(12, 1));
    }

    #[test]
    fn relative_days() {
        let base = Date::new(2024, 6, 20).unwrap(); // a Thursday
        let d = Doc::new("وی روز یکشنبه در تهران بود");
        assert_eq!(
            resolve(&d, 0, d.chars.len(), d.chars.len(), base, false),
            Some(Date::new(2024, 6, 16).unwrap())
        );
        let d = Doc::new("قرار است روز دوشنبه دیدار کند");
        assert_eq!(
            resolve(&d, 0, d.chars.len(), d.chars.len(), base, true),
            Some(Date::new(2024, 6, 24).unwrap())
        );
        let d = Doc::new("صبح امروز پنجشنبه");
        assert_eq!(
            resolve(&d, 0, d.chars.len(), d.chars.len(), base, false),
            Some(base)
        );
        // The expression nearest before the cue wins; else the first after it.
        let d = Doc::new("دیروز و هفته گذشته");
        assert_eq!(
            resolve(&d, 0, d.chars.len(), d.chars.len(), base, false),
            Some(Date::new(2024, 6, 13).unwrap())
        );
        assert_eq!(
            resolve(&d, 0, 0, d.chars.len(), base, false),
            Some(Date::new(2024, 6, 19).unwrap())
        );
        let d = Doc::new("وزارت خزانه‌داری روز گذشته دوازده شرکت را تحریم کرد");
        assert_eq!(resolve(&d, 0, d.chars.len(), d.chars.len(), base, false), Some(Date::new(2024, 6, 19).unwrap()));
        let d = Doc::new("وزیر خارجه قطر شامگاه گذشته اعلام کرد");
        assert_eq!(resolve(&d, 0, d.chars.len(), d.chars.len(), base, false), Some(Date::new(2024, 6, 19).unwrap()));
        let d = Doc::new("هفته گذشته");
        assert_eq!(
            resolve(&d, 0, d.chars.len(), d.chars.len(), base, false),
            Some(Date::new(2024, 6, 13).unwrap())
        );
    }
}
