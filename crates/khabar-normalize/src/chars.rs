//! Character classes and the character-level mapping shared by the runtime and the trainer.

/// Zero-width non-joiner (U+200C), the Persian half-space.
pub const ZWNJ: char = '\u{200C}';

/// What the character pass does with one input character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mapped {
    /// Emit this character (possibly the same as the input).
    One(char),
    /// Emit two characters (ligatures such as "لا").
    Two(char, char),
    /// Drop the character (kashida, bidi controls, stray zero-width characters).
    Drop,
    /// A white-space variant: becomes a plain space.
    Space,
}

/// Arabic presentation forms B (U+FE80..=U+FEF4): base letter and number of contextual forms, in block order.
const FORMS_B: &[(char, u8)] = &[
    ('\u{0621}', 1),
    ('\u{0622}', 2),
    ('\u{0623}', 2),
    ('\u{0624}', 2),
    ('\u{0625}', 2),
    ('\u{0626}', 4),
    ('\u{0627}', 2),
    ('\u{0628}', 4),
    ('\u{0629}', 2),
    ('\u{062A}', 4),
    ('\u{062B}', 4),
    ('\u{062C}', 4),
    ('\u{062D}', 4),
    ('\u{062E}', 4),
    ('\u{062F}', 2),
    ('\u{0630}', 2),
    ('\u{0631}', 2),
    ('\u{0632}', 2),
    ('\u{0633}', 4),
    ('\u{0634}', 4),
    ('\u{0635}', 4),
    ('\u{0636}', 4),
    ('\u{0637}', 4),
    ('\u{0638}', 4),
    ('\u{0639}', 4),
    ('\u{063A}', 4),
    ('\u{0641}', 4),
    ('\u{0642}', 4),
    ('\u{0643}', 4),
    ('\u{0644}', 4),
    ('\u{0645}', 4),
    ('\u{0646}', 4),
    ('\u{0647}', 4),
    ('\u{0648}', 2),
    ('\u{0649}', 2),
    ('\u{064A}', 4),
];

fn presentation_b(c: char) -> Option<Mapped> {
    let cp = c as u32;
    if (0xFEF5..=0xFEFC).contains(&cp) {
        let second = match (cp - 0xFEF5) / 2 {
            0 => '\u{0622}',
            1 => '\u{0623}',
            2 => '\u{0625}',
            _ => '\u{0627}',
        };
        return Some(Mapped::Two('\u{0644}', second));
    }
    if (0xFE70..=0xFE7F).contains(&cp) {
        let m = match cp {
            0xFE70 | 0xFE71 => '\u{064B}',
            0xFE72 => '\u{064C}',
            0xFE74 => '\u{064D}',
            0xFE76 | 0xFE77 => '\u{064E}',
            0xFE78 | 0xFE79 => '\u{064F}',
            0xFE7A | 0xFE7B => '\u{0650}',
            0xFE7C | 0xFE7D => '\u{0651}',
            0xFE7E | 0xFE7F => '\u{0652}',
            _ => return Some(Mapped::Drop),
        };
        return Some(Mapped::One(m));
    }
    if !(0xFE80..=0xFEF4).contains(&cp) {
        return None;
    }
    let mut at = 0xFE80u32;
    for &(base, n) in FORMS_B {
        if cp < at + n as u32 {
            return Some(Mapped::One(base));
        }
        at += n as u32;
    }
    None
}

fn presentation_a(c: char) -> Option<char> {
    let cp = c as u32;
    let base = match cp {
        0xFB56..=0xFB59 => '\u{067E}',
        0xFB7A..=0xFB7D => '\u{0686}',
        0xFB8A..=0xFB8B => '\u{0698}',
        0xFB8E..=0xFB91 => '\u{06A9}',
        0xFB92..=0xFB95 => '\u{06AF}',
        0xFBA4..=0xFBA5 => '\u{06C0}',
        0xFBA6..=0xFBAD => '\u{0647}',
        0xFBFC..=0xFBFF => '\u{06CC}',
        0xFBE8..=0xFBE9 => '\u{06CC}',
        _ => return None,
    };
    Some(base)
}

/// Maps one character to its standard Persian form (letters, spaces, controls). Digits and
/// punctuation are left to later passes.
#[inline]
pub(crate) fn map_char(c: char) -> Mapped {
    if (c as u32) < 0x80 || class_of(c) & C_SELF != 0 || c == ZWNJ {
        return Mapped::One(c);
    }
    map_char_slow(c)
}

#[inline(never)]
fn map_char_slow(c: char) -> Mapped {
    match c {
        '\u{064A}' | '\u{0649}' | '\u{06D0}' | '\u{06CD}' => Mapped::One('\u{06CC}'),
        '\u{0643}' | '\u{06AA}' => Mapped::One('\u{06A9}'),
        '\u{0629}' | '\u{06C1}' | '\u{06BE}' | '\u{06D5}' => Mapped::One('\u{0647}'),
        '\u{0640}' => Mapped::Drop,
        // bidi controls, ALM, zero-width space / joiner, BOM, soft hyphen, word joiner
        '\u{200B}' | '\u{200D}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        | '\u{061C}' | '\u{FEFF}' | '\u{00AD}' | '\u{2060}' => Mapped::Drop,
        '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}'
        | '\u{3000}' | '\u{0085}' => Mapped::Space,
        // A presentation form maps to its base letter, which is then mapped like any letter ("ﻱ" → "ي" → "ی",
        // "ﺓ" → "ة" → "ه"): one run gives what a second run would.
        '\u{FB50}'..='\u{FDFF}' => match presentation_a(c) {
            Some(b) => map_base(b),
            None => Mapped::One(c),
        },
        '\u{FE70}'..='\u{FEFF}' => match presentation_b(c) {
            Some(Mapped::One(b)) => map_base(b),
            Some(m) => m,
            None => Mapped::One(c),
        },
        _ => Mapped::One(c),
    }
}

/// [`map_char`] of a base letter from a presentation form (never itself a presentation form).
fn map_base(b: char) -> Mapped {
    if class_of(b) & C_SELF != 0 { Mapped::One(b) } else { map_char_slow(b) }
}

/// True for letters of the Arabic script (after mapping), excluding digits, punctuation and marks.
#[inline]
pub fn is_persian_letter(c: char) -> bool {
    class_of(c) & C_LETTER != 0
}

const C_LETTER: u8 = 1;
const C_MARK: u8 = 2;
const C_NONJOIN: u8 = 4;
/// Mapped to itself by [`map_char`].
const C_SELF: u8 = 8;
/// Canonical combining class not 0.
const C_COMB: u8 = 16;

/// Character classes of U+0600..=U+06FF (all Arabic-script letters, marks and non-joining letters lie there).
static CLASSES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = 0x600 + i as u32;
        let mut k = 0;
        if letter_ranges(c) {
            k |= C_LETTER;
        }
        if mark_ranges(c) {
            k |= C_MARK;
        }
        if nonjoin_ranges(c) {
            k |= C_NONJOIN;
        }
        if comb_ranges(c) {
            k |= C_COMB;
        }
        if !matches!(c, 0x064A | 0x0649 | 0x06D0 | 0x06CD | 0x0643 | 0x06AA | 0x0629 | 0x06C1 | 0x06BE | 0x06D5 | 0x0640 | 0x061C) {
            k |= C_SELF;
        }
        t[i] = k;
        i += 1;
    }
    t
};

#[inline(always)]
fn class_of(c: char) -> u8 {
    let i = (c as u32).wrapping_sub(0x600);
    if i < 256 { CLASSES[i as usize] } else { 0 }
}

const fn letter_ranges(c: u32) -> bool {
    matches!(c,
        0x0620..=0x063F | 0x0641..=0x064A | 0x066E..=0x066F | 0x0671..=0x06D3 | 0x06D5 | 0x06EE..=0x06EF
        | 0x06FA..=0x06FC | 0x06FF)
}

const fn comb_ranges(c: u32) -> bool {
    matches!(c, 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E4 | 0x06E7..=0x06E8 | 0x06EA..=0x06ED)
}

/// Whether the character pass can copy `c` as it is: ASCII, ZWNJ, or a U+06xx char that maps to itself and is
/// neither a mark nor combining. Returns (copy as is, is a letter).
#[inline(always)]
pub(crate) fn plain_char(c: char) -> (bool, bool) {
    if (c as u32) < 0x80 || c == ZWNJ {
        return (true, false);
    }
    let k = class_of(c);
    (k & (C_SELF | C_COMB | C_MARK) == C_SELF, k & C_LETTER != 0)
}

const fn mark_ranges(c: u32) -> bool {
    matches!(c, 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06DC | 0x06DF..=0x06E8 | 0x06EA..=0x06ED)
}

const fn nonjoin_ranges(c: u32) -> bool {
    matches!(c,
        0x0621..=0x0625 | 0x0627 | 0x0629 | 0x062F..=0x0632 | 0x0648 | 0x0671 | 0x0698 | 0x06C0 | 0x0688..=0x0699
        | 0x06C4..=0x06CB | 0x06CD | 0x06D3 | 0x06D5)
}

#[cfg(test)]
fn letter_ref(c: char) -> bool {
    matches!(c,
        '\u{0620}'..='\u{063F}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{066F}' | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}' | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FC}' | '\u{06FF}')
}

/// True for Arabic-script combining marks (harakat, superscript alef, Quranic marks).
#[inline]
pub fn is_arabic_mark(c: char) -> bool {
    class_of(c) & C_MARK != 0
}

/// True if the letter does not connect to the following letter (so a ZWNJ after it is invisible and is
/// never written).
#[inline]
pub fn is_non_joining(c: char) -> bool {
    class_of(c) & C_NONJOIN != 0
}

#[cfg(test)]
fn non_joining_ref(c: char) -> bool {
    matches!(
        c,
        '\u{0621}'..='\u{0625}' | '\u{0627}' | '\u{0629}' | '\u{062F}'..='\u{0632}' | '\u{0648}' | '\u{0671}'
            | '\u{0698}' | '\u{06C0}' | '\u{0688}'..='\u{0699}' | '\u{06C4}'..='\u{06CB}' | '\u{06CD}' | '\u{06D3}'
            | '\u{06D5}'
    )
}

/// Digit value of an ASCII, Persian or Arabic-Indic digit.
#[inline]
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        _ => None,
    }
}

/// Normalizes a lexicon word to a ZWNJ-free key plus the gap mask of where ZWNJ stood (gap `i` lies between
/// key chars `i` and `i + 1`). Diacritics and kashida are dropped; letters are mapped to Persian. Returns `None`
/// for words with anything but Persian letters and ZWNJ.
#[cfg_attr(not(feature = "train"), allow(dead_code))]
pub fn lexicon_key(word: &str) -> Option<(String, Vec<usize>)> {
    let mut key = String::with_capacity(word.len());
    let mut n = 0usize;
    let mut last: Option<char> = None;
    let mut pending = false;
    let mut gaps = Vec::new();
    let mut push = |c: char, key: &mut String, n: &mut usize, last: &mut Option<char>, pending: &mut bool| {
        if *pending {
            if let Some(l) = *last {
                if !is_non_joining(l) && (gaps.last() != Some(&(*n - 1))) {
                    gaps.push(*n - 1);
                }
            }
            *pending = false;
        }
        key.push(c);
        *n += 1;
        *last = Some(c);
    };
    for c in word.chars() {
        if c == ZWNJ {
            pending = last.is_some();
            continue;
        }
        match map_char(c) {
            Mapped::One(m) => {
                if is_arabic_mark(m) {
                    continue;
                }
                if !is_persian_letter(m) {
                    return None;
                }
                push(m, &mut key, &mut n, &mut last, &mut pending);
            }
            Mapped::Two(a, b) => {
                for m in [a, b] {
                    if !is_arabic_mark(m) {
                        push(m, &mut key, &mut n, &mut last, &mut pending);
                    }
                }
            }
            Mapped::Drop => {}
            Mapped::Space => return None,
        }
    }
    drop(push);
    if key.is_empty() {
        return None;
    }
    Some((key, gaps))
}

#[cfg(test)]
mod class_tests {
    use super::*;

    fn mark_ref(c: char) -> bool {
        matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}')
    }

    #[test]
    fn map_char_fast_path_matches_slow_path() {
        for cp in 0x80..0x11_0000u32 {
            let Some(c) = char::from_u32(cp) else { continue };
            assert_eq!(map_char(c), map_char_slow(c), "{cp:x}");
        }
    }

    #[test]
    fn class_table_matches_ranges() {
        for cp in 0..0x11_0000u32 {
            let Some(c) = char::from_u32(cp) else { continue };
            assert_eq!(is_persian_letter(c), letter_ref(c), "{cp:x}");
            assert_eq!(is_arabic_mark(c), mark_ref(c), "{cp:x}");
            assert_eq!(is_non_joining(c), non_joining_ref(c), "{cp:x}");
        }
    }

    #[test]
    fn combining_bit_matches_unicode() {
        for cp in 0x600..0x700u32 {
            let c = char::from_u32(cp).unwrap();
            let ccc = unicode_normalization::char::canonical_combining_class(c);
            assert_eq!(class_of(c) & C_COMB != 0, ccc != 0, "{cp:x}");
        }
    }

    #[test]
    fn letters_and_zwnj_do_not_combine() {
        for cp in 0x600..0x700u32 {
            let c = char::from_u32(cp).unwrap();
            if is_persian_letter(c) {
                assert_eq!(unicode_normalization::char::canonical_combining_class(c), 0, "{cp:x}");
            }
        }
        assert_eq!(unicode_normalization::char::canonical_combining_class(ZWNJ), 0);
    }
}
