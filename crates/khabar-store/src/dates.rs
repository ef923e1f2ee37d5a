//! Dates in filters: Jalali or Gregorian, any digits.

use khabar_extract::dates::{PublishTime, find_date};

use crate::{Result, StoreError};

/// A Gregorian day as the number `yyyymmdd` (Tehran local date of publication).
pub type Day = u32;

/// The day of an RFC 3339 time or "YYYY-MM-DD" date (the record's `published`).
pub(crate) fn day_of_published(published: &str) -> Option<Day> {
    let d = published.get(..10)?;
    let mut it = d.split('-');
    let (y, m, dd) = (it.next()?.parse::<u32>().ok()?, it.next()?.parse::<u32>().ok()?, it.next()?.parse::<u32>().ok()?);
    Some(y * 10000 + m * 100 + dd)
}

/// Reads a filter date: numeric Jalali ("1402/09/29", "۱۴۰۲-۰۹-۲۹") or Gregorian ("2023-12-20",
/// "2023/12/20") — the calendar is told by the year (below 1700: Jalali) — or a written date
/// khabar's extractor reads ("۲۹ آذر ۱۴۰۲", "20 December 2023"). Returns the Gregorian day.
pub fn parse_day(s: &str) -> Result<Day> {
    let ascii: String = s
        .trim()
        .chars()
        .map(|c| match c {
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            c => c,
        })
        .collect();
    let parts: Vec<&str> = ascii.split(['/', '-', '.']).collect();
    let t = if parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())) {
        let (y, m, d) = (parts[0].parse::<i32>().ok(), parts[1].parse::<u8>().ok(), parts[2].parse::<u8>().ok());
        match (y, m, d) {
            (Some(y), Some(m), Some(d)) if y < 1700 => PublishTime::from_jalali(y, m, d, None),
            (Some(y), Some(m), Some(d)) => PublishTime::from_gregorian(y, m, d, None),
            _ => None,
        }
    } else {
        find_date(s).and_then(|m| m.value.ok())
    };
    let t = t.ok_or_else(|| StoreError::BadDate(s.to_string()))?;
    let (y, m, d) = t.gregorian;
    Ok(y as u32 * 10000 + m as u32 * 100 + d as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jalali_and_gregorian() {
        assert_eq!(parse_day("1402/09/29").unwrap(), 20231220);
        assert_eq!(parse_day("۱۴۰۲-۰۹-۲۹").unwrap(), 20231220);
        assert_eq!(parse_day("2023-12-20").unwrap(), 20231220);
        assert_eq!(parse_day("۲۹ آذر ۱۴۰۲").unwrap(), 20231220);
        assert!(parse_day("1400/12/30").is_err());
        assert!(parse_day("tomorrow").is_err());
        assert_eq!(day_of_published("2024-11-14T12:30:00+03:30"), Some(20241114));
    }
}
