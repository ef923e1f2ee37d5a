//! A compact, folded view of a text for gazetteer matching.
//!
//! Names are written with a ZWNJ, a space or nothing between their parts ("امیرعبداللهیان",
//! "امیر عبداللهیان", "اهل‌البیت", "اهل البیت"). The compact view drops white space, ZWNJ,
//! diacritics and tatweel and unifies letter variants (ي ك ة أ إ آ), so one pattern matches all
//! spellings; every compact character remembers which character of the original text it came
//! from, and matches are kept only when they start and end on word boundaries there.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use khabar_extract::fold::fold_char;

/// A small, fast, non-cryptographic hasher (FxHash's multiply-rotate) for the recognizer's
/// word tables; keys are not attacker-chosen in a way that matters here.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The last bytes, packed without a copy through memory (a variable-length copy is a call to memcpy).
            let w = rest.iter().rev().fold(0u64, |w, &b| w << 8 | u64::from(b));
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A hash set with [`FxHasher`].
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// Folds one character for name matching: [`fold_char`] plus آ → ا. `None` drops it
/// (white space, ZWNJ, diacritics, punctuation are dropped or kept by the caller).
#[inline]
pub fn name_char(c: char) -> Option<char> {
    match fold_char(c)? {
        'آ' => Some('ا'),
        ' ' => None,
        c => Some(c),
    }
}

/// What [`name_char`] and [`is_punct`] make of a character: dropped, a separator, or a kept (folded) character.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Folded {
    Drop,
    Sep,
    Keep(char),
}

#[inline]
fn folded_slow(c: char) -> Folded {
    match name_char(c) {
        None => Folded::Drop,
        Some(f) if is_punct(f) => Folded::Sep,
        Some(f) => Folded::Keep(f),
    }
}

/// [`folded_slow`] of the Arabic block (U+0600–U+06FF), where nearly every character of a Persian text is,
/// computed once: the compact view and the token keys look each character up instead of folding it.
fn arabic_table() -> &'static [Folded; 256] {
    static TABLE: std::sync::OnceLock<[Folded; 256]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = [Folded::Drop; 256];
        for (i, slot) in t.iter_mut().enumerate() {
            *slot = char::from_u32(0x0600 + i as u32).map_or(Folded::Drop, folded_slow);
        }
        t
    })
}

/// [`folded_slow`], through `table` (the [`arabic_table`]) for Arabic-script characters and ASCII letters, digits
/// and spaces.
#[inline]
fn folded(table: &[Folded; 256], c: char) -> Folded {
    let u = c as u32;
    if (0x0600..0x0700).contains(&u) {
        table[(u - 0x0600) as usize]
    } else if c == ' ' {
        Folded::Drop
    } else if c.is_ascii_alphanumeric() {
        Folded::Keep(c)
    } else {
        folded_slow(c)
    }
}

/// One byte for a folded character, for the gazetteer's automata: ASCII as itself, the Arabic letters and marks
/// U+0620–U+065F as 0x80–0xBF, the Persian letters outside that range (پ چ ژ ک گ ی ...) as 0xC0 on, anything
/// else as 0xFF. Persian letters take two bytes in UTF-8 and one here, so the automata step half as often and are
/// far smaller. The code is not one-to-one (0xFF), so a match is checked against its pattern's key.
#[inline]
pub fn search_byte(c: char) -> u8 {
    const EXTRA: [char; 12] = ['پ', 'چ', 'ژ', 'ک', 'گ', 'ی', 'ے', 'ھ', 'ڤ', 'ۆ', 'ێ', 'ە'];
    let u = c as u32;
    if u < 0x80 {
        u as u8
    } else if (0x0620..0x0660).contains(&u) {
        0x80 + (u - 0x0620) as u8
    } else {
        EXTRA.iter().position(|&x| x == c).map_or(0xFF, |i| 0xC0 + i as u8)
    }
}

/// [`search_byte`] of every character of a key.
pub fn search_bytes(key: &str) -> Vec<u8> {
    key.chars().map(search_byte).collect()
}

/// The compact key of a name: folded letters without spaces.
pub fn key(name: &str) -> String {
    let table = arabic_table();
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if let Folded::Keep(f) = folded(table, c) {
            out.push(f);
        }
    }
    out
}

/// The lexicon spelling a key may stand for: a key writes "آ" as "ا" (see [`name_char`]), the lexicons do not; the
/// first "ا" is tried as "آ" too ("اواز" is "آواز"), where the madda mostly is.
fn with_madda(k: &str) -> Option<String> {
    let i = k.find('ا')?;
    Some(format!("{}آ{}", &k[..i], &k[i + 'ا'.len_utf8()..]))
}

/// What the lexicons say of a key: its log2 frequency, whether it is a verb form, an adjective.
#[derive(Clone, Copy)]
struct LexInfo {
    log2: Option<f32>,
    verb: bool,
    adjective: bool,
}

/// The lexicon facts of a key, also of its spelling with "آ" (the higher frequency; a verb or adjective in either),
/// cached per thread: the recognizer asks of the same words many times (the lexicon is static, so the cache is
/// never stale; it is emptied when it grows past 2^18 words).
fn lex_info(k: &str) -> LexInfo {
    thread_local! {
        static CACHE: std::cell::RefCell<FastMap<String, LexInfo>> = std::cell::RefCell::new(FastMap::default());
    }
    if let Some(i) = CACHE.with(|c| c.borrow().get(k).copied()) {
        return i;
    }
    let of = |w: &str| LexInfo {
        log2: khabar_normalize::lexicon_log2_frequency(w),
        verb: khabar_normalize::lexicon_is_verb_form(w),
        adjective: khabar_normalize::lexicon_is_adjective(w),
    };
    let mut info = of(k);
    if let Some(v) = with_madda(k) {
        let m = of(&v);
        info = LexInfo {
            log2: match (info.log2, m.log2) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            },
            verb: info.verb || m.verb,
            adjective: info.adjective || m.adjective,
        };
    }
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= 1 << 18 {
            c.clear();
        }
        c.insert(k.to_string(), info);
    });
    info
}

/// [`khabar_normalize::lexicon_log2_frequency`] of a key, also of its spelling with "آ" (the higher).
pub fn lexicon_log2(k: &str) -> Option<f32> {
    lex_info(k).log2
}

/// [`khabar_normalize::lexicon_is_verb_form`] of a key, also of its spelling with "آ" ("امد" is "آمد").
pub fn lexicon_verb(k: &str) -> bool {
    lex_info(k).verb
}

/// [`khabar_normalize::lexicon_is_adjective`] of a key, also of its spelling with "آ" ("ازاد" is "آزاد").
pub fn lexicon_adjective(k: &str) -> bool {
    lex_info(k).adjective
}

/// [`key`] of a run of characters.
pub fn key_of_chars(chars: &[char]) -> String {
    let table = arabic_table();
    let mut out = String::with_capacity(chars.len() * 2);
    for &c in chars {
        if let Folded::Keep(f) = folded(table, c) {
            out.push(f);
        }
    }
    out
}

/// Number of space-separated parts of a name.
pub fn parts(name: &str) -> usize {
    name.split_whitespace().count()
}

fn is_punct(c: char) -> bool {
    !khabar_extract::fold::is_word_char(c)
}

/// True for characters that continue a word: letters, digits, ZWNJ, marks, tatweel.
#[inline]
pub fn is_wordish(c: char) -> bool {
    matches!(c, '\u{200c}' | '\u{200d}' | 'ـ' | '\u{064b}'..='\u{065f}' | '\u{0670}') || khabar_extract::fold::is_word_char(c)
}

/// [`char::is_alphabetic`], without the Unicode tables for ASCII and the Persian and Arabic letters.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}') {
        true
    } else {
        c.is_alphabetic()
    }
}

/// A folded view of a text.
#[derive(Debug, Clone)]
pub struct Compact {
    /// The compact string (folded letters and digits only; punctuation becomes a separator `|`).
    pub text: String,
    /// For each byte of `text` that starts a char: the original char index it came from.
    origin: Vec<u32>,
    /// For each original char index (and the text's end): the byte of `text` where its folded char is or would
    /// be, so a run of original chars maps to a slice of `text`.
    at: Vec<u32>,
    /// Original characters (to check boundaries and count gaps).
    orig: Vec<char>,
    /// [`search_byte`] of each char of `text`: what the gazetteer's automata read.
    bytes: Vec<u8>,
    /// For each index into `bytes` (and its end): the byte of `text` where that char starts.
    byte_at: Vec<u32>,
}

impl Compact {
    /// Builds the compact view of `text`.
    pub fn new(text: &str) -> Self {
        let table = arabic_table();
        let mut orig: Vec<char> = Vec::with_capacity(text.len());
        let mut out = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        let mut at = Vec::with_capacity(text.len() + 1);
        let mut bytes = Vec::with_capacity(text.len());
        let mut byte_at = Vec::with_capacity(text.len() + 1);
        for c in text.chars() {
            let i = orig.len();
            orig.push(c);
            at.push(out.len() as u32);
            let f = match folded(table, c) {
                Folded::Drop => continue,
                Folded::Sep => '|',
                Folded::Keep(f) => f,
            };
            byte_at.push(out.len() as u32);
            bytes.push(search_byte(f));
            out.push(f);
            origin.push(i as u32);
            for _ in 1..f.len_utf8() {
                origin.push(u32::MAX);
            }
        }
        at.push(out.len() as u32);
        byte_at.push(out.len() as u32);
        Compact { text: out, origin, at, orig, bytes, byte_at }
    }

    /// The text the gazetteer's automata search: [`search_byte`] of each char of `text`.
    pub fn search_text(&self) -> &[u8] {
        &self.bytes
    }

    /// The byte range of `text` that the range `s..e` of [`Compact::search_text`] stands for.
    pub fn text_range(&self, s: usize, e: usize) -> (usize, usize) {
        (self.byte_at[s] as usize, self.byte_at[e] as usize)
    }

    /// The compact text of the original chars `s..e`: [`key_of_chars`] of them when they hold no punctuation
    /// (a word), without allocating.
    pub fn key_of(&self, s: usize, e: usize) -> &str {
        &self.text[self.at[s] as usize..self.at[e] as usize]
    }

    /// The original char index of the compact char starting at byte `b`.
    pub fn orig_index(&self, b: usize) -> usize {
        self.origin[b] as usize
    }

    /// Maps a byte range of the compact text to the original char range, if it starts and
    /// ends on word boundaries of the original text.
    pub fn to_original(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if start >= end || end > self.text.len() {
            return None;
        }
        let s = self.orig_index(start);
        let last_byte = self.text[..end].char_indices().next_back()?.0;
        let e = self.orig_index(last_byte) + 1;
        let before_ok = s == 0 || !is_wordish(self.orig[s - 1]);
        let after_ok = e >= self.orig.len() || !is_wordish(self.orig[e]);
        (before_ok && after_ok).then_some((s, e))
    }

    /// Number of white-space gaps in the original range.
    pub fn gaps(&self, s: usize, e: usize) -> usize {
        let mut n = 0;
        let mut prev_space = false;
        for &c in &self.orig[s..e] {
            let sp = c.is_whitespace();
            if sp && !prev_space {
                n += 1;
            }
            prev_space = sp;
        }
        n
    }

    /// Number of joints between words in the original range: white-space runs and ZWNJ ("رئیس‌جمهور"
    /// has one, as "رئیس جمهور").
    pub fn joints(&self, s: usize, e: usize) -> usize {
        let mut n = 0;
        let mut prev = false;
        for &c in &self.orig[s..e] {
            let j = c.is_whitespace() || c == '\u{200c}';
            if j && !prev {
                n += 1;
            }
            prev = j;
        }
        n
    }

    /// The original characters `s..e` as a string.
    pub fn slice(&self, s: usize, e: usize) -> String {
        self.orig[s..e].iter().collect()
    }

    /// The original text's characters.
    pub fn chars(&self) -> &[char] {
        &self.orig
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_share_a_key() {
        assert_eq!(key("امیرعبداللهیان"), key("امیر عبداللهیان"));
        assert_eq!(key("اهل‌البیت"), key("اهل البیت"));
        assert_eq!(key("زیاد النخالة"), key("زياد النخاله"));
        assert_eq!(key("آمریکا"), key("امریکا"));
    }

    #[test]
    fn is_alphabetic_is_char_s() {
        for u in 0..0x3000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "U+{u:04X}");
        }
    }

    #[test]
    fn fx_hash_of_a_tail_depends_on_every_byte() {
        use std::hash::Hasher;
        let h = |b: &[u8]| {
            let mut x = FxHasher::default();
            x.write(b);
            x.finish()
        };
        assert_ne!(h("سازمان".as_bytes()), h("سازمام".as_bytes()));
        assert_ne!(h(b"abcdefghij"), h(b"abcdefghik"));
        assert_ne!(h(b"abc"), h(b"acb"));
    }

    #[test]
    fn the_search_text_stands_for_the_compact_text() {
        let c = Compact::new("دیدار «امیرعبدالله‌یان» با وزیر خارجه‌ی عمان، ۱۴۰۳ COVID-19 و Müller ـ آیت‌الله پژوهشگاه");
        let k = key("امیر عبداللهیان");
        let b = search_bytes(&k);
        let at = c.search_text().windows(b.len()).position(|w| w == b).unwrap();
        let (s, e) = c.text_range(at, at + b.len());
        assert_eq!(&c.text[s..e], k);
        assert_eq!(c.search_text().len(), c.text.chars().count());
        // Persian letters outside U+0620–U+065F have codes of their own.
        let codes: Vec<u8> = "پچژکگی".chars().map(search_byte).collect();
        assert!(codes.iter().all(|&b| b != 0xFF));
        assert_eq!(codes.iter().collect::<std::collections::HashSet<_>>().len(), codes.len());
        assert_eq!(search_byte('ü'), 0xFF);
    }

    #[test]
    fn the_table_folds_as_name_char_does() {
        let table = arabic_table();
        for u in (0..0x3000u32).chain(0xFB50..0xFF00) {
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(folded(table, c), folded_slow(c), "U+{u:04X}");
        }
    }

    #[test]
    fn a_word_s_key_is_its_slice_of_the_compact_text() {
        let text = "دیدار «امیرعبدالله‌یان» با وزير خارجه‌ي عمان، ۱۴۰۳ COVID-19 ـ آیت‌الله";
        let c = Compact::new(text);
        let chars = c.chars();
        for (s, e) in words(chars) {
            assert_eq!(c.key_of(s, e), key_of_chars(&chars[s..e]), "{:?}", &chars[s..e]);
        }
    }

    /// The runs of word characters, as the recognizer's tokens are cut.
    fn words(chars: &[char]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            if !is_wordish(chars[i]) {
                i += 1;
                continue;
            }
            let s = i;
            while i < chars.len() && is_wordish(chars[i]) {
                i += 1;
            }
            out.push((s, i));
        }
        out
    }

    proptest::proptest! {
        /// Every word's slice of the compact text is its key, and the search text maps back onto the compact
        /// text char for char, on any mix of Persian, Arabic variants, marks, digits, Latin and punctuation.
        #[test]
        fn views_agree(text in "[ آ-ی‌ً-ْيكةۀأإـ،.«»۰-۹0-9a-zé\n-]{0,60}") {
            let c = Compact::new(&text);
            let chars = c.chars();
            for (s, e) in words(chars) {
                proptest::prop_assert_eq!(c.key_of(s, e), key_of_chars(&chars[s..e]));
            }
            let n = c.search_text().len();
            proptest::prop_assert_eq!(n, c.text.chars().count());
            for (j, (b, ch)) in c.text.char_indices().enumerate() {
                proptest::prop_assert_eq!(c.text_range(j, j + 1), (b, b + ch.len_utf8()));
                proptest::prop_assert_eq!(c.search_text()[j], search_byte(ch));
            }
        }
    }

    #[test]
    fn maps_back_with_boundaries() {
        let c = Compact::new("دیدار امیر عبداللهیان، وزیر");
        let k = key("امیرعبداللهیان");
        let b = c.text.find(&k).unwrap();
        let (s, e) = c.to_original(b, b + k.len()).unwrap();
        assert_eq!(c.slice(s, e), "امیر عبداللهیان");
        assert_eq!(c.gaps(s, e), 1);
        // Not inside a longer word.
        let c = Compact::new("سازمانهای");
        let k = key("سازمان");
        assert_eq!(c.to_original(0, k.len()), None);
    }
}
