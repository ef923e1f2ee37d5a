//! Folding for matching: a key form of text in which spelling variants that do not change
//! meaning compare equal (Arabic ي ك ة ۀ أ إ to Persian letters, digits to ASCII, ZWNJ,
//! tatweel, diacritics and bidi marks dropped, white space runs to one space).
//!
//! Chrome rules, agency names and title comparisons match on this form. It is not the
//! normalized text of a record: it loses information (ZWNJ) on purpose.

/// Folds one character: `None` drops it, `Some(c)` keeps `c`.
#[inline]
pub fn fold_char(c: char) -> Option<char> {
    Some(match c {
        'ي' | 'ى' => 'ی',
        'ك' => 'ک',
        'ة' | 'ۀ' => 'ه',
        'أ' | 'إ' | 'ٱ' => 'ا',
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '\u{200c}' | '\u{200d}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{feff}' | 'ـ' => return None,
        '\u{064b}'..='\u{065f}' | '\u{0670}' => return None,
        // Other Arabic-script characters stay (and skip the Unicode white-space table).
        '\u{0600}'..='\u{06FF}' => c,
        ' ' | '\t' | '\n' | '\r' => ' ',
        c if c.is_ascii() => c,
        c if c.is_whitespace() => ' ',
        c => c,
    })
}

/// Folds a string: see the module documentation. Leading and trailing space is removed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars().filter_map(fold_char) {
        if c == ' ' {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// If `line` starts with `prefix` once both are folded, returns how many characters of
/// `line` (unfolded) the prefix covers, so the caller can cut the raw line there.
/// White space is compared loosely (any run equals any run).
pub fn strip_folded_prefix(line: &str, prefix: &str) -> Option<usize> {
    let want = fold(prefix);
    if want.is_empty() {
        return None;
    }
    let mut want_chars = want.chars().peekable();
    let mut consumed = 0usize;
    let mut chars = line.chars().peekable();
    // Skip leading white space of the line.
    while chars.peek().is_some_and(|c| c.is_whitespace()) {
        chars.next();
        consumed += 1;
    }
    while let Some(&w) = want_chars.peek() {
        let c = chars.next()?;
        consumed += 1;
        let Some(f) = fold_char(c) else { continue };
        if f == ' ' {
            if w == ' ' {
                want_chars.next();
            }
            continue; // extra or missing white space is tolerated
        }
        if w == ' ' {
            want_chars.next();
            if want_chars.peek() != Some(&f) {
                return None;
            }
        }
        if want_chars.next() != Some(f) {
            return None;
        }
    }
    Some(consumed)
}

/// True when `c` is a letter, digit or Arabic-script mark (for word-boundary checks).
/// Arabic-script and ASCII characters take a fast path; the rest ask Unicode tables.
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c {
        // General punctuation (spaces, dashes, quotes, ZWNJ, bidi marks) and guillemets: never alphanumeric, and
        // frequent enough in Persian text to skip the Unicode tables.
        '\u{2000}'..='\u{206F}' | '«' | '»' => false,
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{065F}' | '\u{0660}'..='\u{0669}' | '\u{066E}'..='\u{06D3}'
        | '\u{06F0}'..='\u{06FF}' => true,
        '\u{0600}'..='\u{06FF}' => false,
        c if c.is_ascii() => c.is_ascii_alphanumeric(),
        c => c.is_alphanumeric(),
    }
}

/// True when `c` is an Arabic-script letter (any Persian or Arabic letter or presentation form).
#[inline]
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_variants_equal() {
        assert_eq!(fold("سازمان\u{200c}های  بين‌المللي"), fold("سازمانهای بینالمللی"));
        assert_eq!(fold("كد خبر: ۳۶۴۸۲"), "کد خبر: 36482");
        assert_eq!(fold("  a \t b  "), "a b");
    }

    #[test]
    fn strips_glued_prefix() {
        let line = "کنعانی: دولت آمریکا بازنده است\u{200c}به گزارش عصرپرس، ...";
        let n = strip_folded_prefix(line, "کنعانی: دولت آمريکا بازنده است").unwrap();
        let rest: String = line.chars().skip(n).collect();
        assert!(rest.trim_start_matches('\u{200c}').starts_with("به گزارش"), "{rest}");
        assert_eq!(strip_folded_prefix("کنعانی گفت", "کنعانی: دولت"), None);
        assert_eq!(strip_folded_prefix("کوتاه", "کوتاه نیست"), None);
    }

    proptest::proptest! {
        #[test]
        fn fold_is_idempotent(s in "\\PC{0,80}") {
            proptest::prop_assert_eq!(fold(&fold(&s)), fold(&s));
        }

        #[test]
        fn a_string_strips_itself(s in "[ا-ی ]{1,40}") {
            if !fold(&s).is_empty() {
                proptest::prop_assert_eq!(strip_folded_prefix(&s, &s).is_some(), true);
            }
        }
    }
}
