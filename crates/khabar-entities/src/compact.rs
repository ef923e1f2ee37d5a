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
        for chunk in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
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

/// The compact key of a name: folded letters without spaces.
pub fn key(name: &str) -> String {
    name.chars().filter_map(name_char).filter(|c| !is_punct(*c)).collect()
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
    let mut out = String::with_capacity(chars.len() * 2);
    out.extend(chars.iter().copied().filter_map(name_char).filter(|c| !is_punct(*c)));
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
    khabar_extract::fold::is_word_char(c) || matches!(c, '\u{200c}' | '\u{200d}' | 'ـ' | '\u{064b}'..='\u{065f}' | '\u{0670}')
}

/// A folded view of a text.
#[derive(Debug, Clone)]
pub struct Compact {
    /// The compact string (folded letters and digits only; punctuation becomes a separator `|`).
    pub text: String,
    /// For each byte of `text` that starts a char: the original char index it came from.
    origin: Vec<u32>,
    /// Original characters (to check boundaries and count gaps).
    orig: Vec<char>,
}

impl Compact {
    /// Builds the compact view of `text`.
    pub fn new(text: &str) -> Self {
        let orig: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        for (i, &c) in orig.iter().enumerate() {
            let Some(f) = name_char(c) else { continue };
            let f = if is_punct(f) { '|' } else { f };
            out.push(f);
            origin.push(i as u32);
            for _ in 1..f.len_utf8() {
                origin.push(u32::MAX);
            }
        }
        Compact { text: out, origin, orig }
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
