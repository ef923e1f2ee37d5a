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
    resolve_told(doc, s, cue, e, base, future).map(|(d, _)| d)
}

/// As [`resolve`], with `true` when the day comes from an expression of the clause ("روز دوشنبه"), `false`
/// when it is the article's day taken for want of one.
pub fn resolve_told(doc: &Doc, s: usize, cue: usize, e: usize, base: Date, future: bool) -> Option<(Date, bool)> {
    // The expression nearest before the cue, else the first after it.
    let before = resolve_in(doc, s, cue, base, future, true);
    before
        .or_else(|| resolve_in(doc, cue, e, base, future, false))
        .map(|d| (d, true))
        .or_else(|| (!earlier_at_an_untold_time(doc, s, e)).then_some((base, false)))
}

/// True when the clause `s..e` tells that something happened before, without a day: "پیش از این",
/// "قبل از این", "قبلاً", "پیشتر", "سابقاً" — but not "پیش از این دیدار" (before this meeting: an event
/// of the lexicon follows), which is the day of that meeting.
fn earlier_at_an_untold_time(doc: &Doc, s: usize, e: usize) -> bool {
    let range = doc.toks_in(s, e);
    let toks = &doc.toks[range.clone()];
    let cues = &crate::lexicon::Lexicon::builtin().cue_phrases;
    toks.iter().enumerate().any(|(i, t)| {
        let next = |j: usize| toks.get(i + j).map(|x| x.key.as_str());
        match t.key.as_str() {
            "قبلا" | "پیشتر" | "سابقا" => true,
            "پیش" | "قبل" => {
                next(1) == Some("از")
                    && matches!(next(2), Some("این" | "آن"))
                    && cues.longest_at(&doc.toks, range.start + i + 3).is_none()
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
            // "روز گذشته", "شب گذشته": yesterday, as news writes it.
            "روز" | "شب" if next == Some("گذشته") => return Some(shift(-1)),
            "پریروز" => return Some(shift(-2)),
            "فردا" | "فرداشب" => return Some(shift(1)),
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
        if let Some((_, wd)) = wd {
            // "شنبه" inside "سه شنبه" is handled by the two-word form above.
            if k == "سه" && two.as_deref() != Some("سهشنبه") {
                return None;
            }
            let today = i > 0 && matches!(toks[i - 1].key.as_str(), "امروز" | "امشب");
            if today {
                return Some(base);
            }
            let mut d = base;
            for _ in 0..7 {
                if d.weekday() == *wd {
                    return Some(d);
                }
                d = d
                    .checked_add(jiff::Span::new().days(if future { 1 } else { -1 }))
                    .unwrap_or(d);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let d = Doc::new("هفته گذشته");
        assert_eq!(
            resolve(&d, 0, d.chars.len(), d.chars.len(), base, false),
            Some(Date::new(2024, 6, 13).unwrap())
        );
    }
}
