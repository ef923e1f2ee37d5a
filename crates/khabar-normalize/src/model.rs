//! The ZWNJ model: a compact FST from ZWNJ-free word keys to frequencies and the preferred ZWNJ positions,
//! plus the analysis that restores ZWNJ in glued words and decides when two space-separated pieces belong
//! together.
//!
//! Value layout (u64): bits 0..13 `lg` (quantized log-frequency of the glued spelling, 0 = unseen), bits
//! 13..26 `lz` (same for the best ZWNJ spelling), bits 26..33 flags, bits 33..64 the gap mask of the best ZWNJ
//! spelling (gap `i` lies between key chars `i` and `i + 1`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::chars::is_non_joining;

/// Flag: the word is a past participle (past stem + ه) of a verb in the verb lists ("شده", "یافته").
pub(crate) const F_PARTICIPLE: u8 = 16;
/// Flag: the word is a productive second part of the lexicon's ZWNJ compounds ("نامه", "سازی", "کننده").
pub(crate) const F_HEAD: u8 = 32;
/// Flag: the word is a productive first part of the lexicon's ZWNJ compounds ("هم", "خود", "پیش").
pub(crate) const F_FIRST: u8 = 64;

/// Magic bytes at the start of `zwnj.bin`.
pub(crate) const MAGIC: &[u8; 8] = b"KHZWNJ04";

/// Flag: the lexicon tags the word as a noun.
pub(crate) const F_NOUN: u8 = 1;
/// Flag: the lexicon tags the word as an adjective.
pub(crate) const F_ADJ: u8 = 2;
/// Flag: the ZWNJ spelling is a conjugated verb form generated from the verb lists (always preferred).
pub(crate) const F_VERBFORM: u8 = 4;
/// Flag: the lexicon tags the word as a verb.
pub(crate) const F_VERB: u8 = 8;

/// Scale of quantized frequencies: `q = round(log2(1 + per_billion) * QSCALE)`.
pub(crate) const QSCALE: f32 = 256.0;
/// Log2 of the per-billion base: `L(q) - LOGN` is a log2 probability.
const LOGN: f32 = 29.9;
/// A ZWNJ spelling wins over the glued one unless the glued one is this many log2 units more frequent.
const Z_PREF: f32 = 0.0;
/// A glued spelling at least this frequent (log2 per billion) is a word of its own: no suffix splits.
const T_ABS: f32 = 11.0;
/// A listed "Xه‌ای" gives way to the plural "X‌های" when the noun X is this much (log2) more frequent.
const PLURAL_OF_COMMON_STEM: f32 = 8.0;
/// A word listed only with ZWNJ inside its stem ("پژوهش‌گران") follows its stem's glued spelling ("پژوهشگر" +
/// "ان") when the glued stem is this much (log2) more frequent than the listed inflected form.
const GLUED_STEM: f32 = 4.0;
/// A word listed only glued and rarer than this (log2 per billion) may be a compound that lost its ZWNJ.
const RARE_GLUED: f32 = 6.0;
/// The first part of such a compound is a word at least this frequent (log2 per billion).
const COMMON_PART: f32 = 10.0;

static MODEL_BYTES: &[u8] = include_bytes!("../model/zwnj.bin");

/// One lexicon entry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Entry {
    pub lg: u16,
    pub lz: u16,
    pub flags: u8,
    pub mask: u32,
}

/// Number of gap bits kept in an entry's mask.
#[cfg_attr(not(feature = "train"), allow(dead_code))]
pub(crate) const MASK_BITS: usize = 31;

impl Entry {
    #[cfg_attr(not(feature = "train"), allow(dead_code))]
    pub(crate) fn pack(self) -> u64 {
        (self.lg as u64 & 0x1FFF)
            | (self.lz as u64 & 0x1FFF) << 13
            | ((self.flags & 0x7F) as u64) << 26
            | (self.mask as u64 & 0x7FFF_FFFF) << 33
    }
    fn unpack(v: u64) -> Self {
        Entry {
            lg: (v & 0x1FFF) as u16,
            lz: ((v >> 13) & 0x1FFF) as u16,
            flags: ((v >> 26) & 0x7F) as u8,
            mask: (v >> 33) as u32,
        }
    }
    fn l(q: u16) -> f32 {
        q as f32 / QSCALE
    }
    /// Log2 probability of the most frequent spelling.
    fn logp(&self) -> f32 {
        Self::l(self.lg.max(self.lz)) - LOGN
    }
    /// Whether the ZWNJ spelling is preferred over the glued one.
    fn prefers_zwnj(&self) -> bool {
        self.lz > 0 && (self.flags & F_VERBFORM != 0 || Self::l(self.lz) + Z_PREF >= Self::l(self.lg))
    }
    /// Score and mask of taking the word whole.
    pub(crate) fn whole(&self) -> (f32, u64) {
        if self.prefers_zwnj() { (Self::l(self.lz) - LOGN, self.mask as u64) } else { (Self::l(self.lg) - LOGN, 0) }
    }
}

/// Longest left context (letters before a gap, `^` marks the word start) of the character n-gram model.
pub(crate) const NG_LEFT: usize = 4;
/// Longest right context (letters after a gap, `$` marks the word end).
pub(crate) const NG_RIGHT: usize = 4;
/// Contexts seen in fewer word types are not stored.
#[cfg_attr(not(feature = "train"), allow(dead_code))]
pub(crate) const NG_MIN: u32 = 2;
/// The n-gram model writes a ZWNJ where its probability level ([`ngram_value`]) is at least this.
const NG_THRESHOLD: u32 = 2;

/// Calls `f` with every n-gram context of the gap after `chars[g]` ("left|right"), longest first (more letters
/// in all, then more on the right), until `f` returns true.
pub(crate) fn ngram_contexts(chars: &[char], g: usize, buf: &mut String, mut f: impl FnMut(&str) -> bool) {
    let n = chars.len();
    // Position p in "^" + chars + "$" is the gap; letters of that padded string are s(i).
    let s = |i: usize| if i == 0 { '^' } else if i == n + 1 { '$' } else { chars[i - 1] };
    let p = g + 2;
    for total in (2..=NG_LEFT + NG_RIGHT).rev() {
        for r in (1..=NG_RIGHT).rev() {
            if r >= total || total - r > NG_LEFT {
                continue;
            }
            let l = total - r;
            if l > p || p + r > n + 2 {
                continue;
            }
            buf.clear();
            for i in p - l..p {
                buf.push(s(i));
            }
            buf.push('|');
            for i in p..p + r {
                buf.push(s(i));
            }
            if f(buf) {
                return;
            }
        }
    }
}

/// Stored value of an n-gram context seen `z` times with ZWNJ and `n` times without: the smoothed probability
/// of ZWNJ `(z + 0.5) / (z + n + 1)` in quarters (0..=3; few distinct values keep the FST small).
#[cfg_attr(not(feature = "train"), allow(dead_code))]
pub(crate) fn ngram_value(z: u32, n: u32) -> u64 {
    let p = (z as f64 + 0.5) / ((z + n) as f64 + 1.0);
    ((p * 4.0) as u64).min(3)
}

/// The loaded ZWNJ model.
pub(crate) struct Model {
    map: Option<fst::Map<&'static [u8]>>,
    ngram: Option<fst::Map<&'static [u8]>>,
}

/// The shared model, loaded once from the bytes compiled into the crate.
pub(crate) fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| Model::from_bytes(MODEL_BYTES))
}

impl Model {
    fn from_bytes(bytes: &'static [u8]) -> Model {
        let parts = bytes.strip_prefix(MAGIC.as_slice()).and_then(|rest| {
            let (len, rest) = rest.split_first_chunk::<8>()?;
            let len = usize::try_from(u64::from_le_bytes(*len)).ok()?;
            (len <= rest.len()).then(|| rest.split_at(len))
        });
        match parts {
            Some((a, b)) => Model { map: fst::Map::new(a).ok(), ngram: fst::Map::new(b).ok() },
            None => Model { map: None, ngram: None },
        }
    }

    /// ZWNJ positions of a word from the character n-gram model alone (for words the lexicon cannot analyse).
    /// No ZWNJ is put after the first or before the last letter.
    fn ngram_mask(&self, chars: &[char]) -> u64 {
        let Some(ng) = self.ngram.as_ref() else { return 0 };
        let n = chars.len();
        let mut mask = 0u64;
        let mut buf = String::new();
        for g in 1..n.saturating_sub(2) {
            if is_non_joining(chars[g]) {
                continue;
            }
            // A two-letter first part is a prefix ("هم", "بی", "نا", "می") or a numeral ("دو", "سه"), not a word
            // the model guesses in a name ("دی|سانایاکه").
            if g == 1 && !matches!(&chars[..2], ['ه', 'م'] | ['ب', 'ی'] | ['ن', 'ا'] | ['م', 'ی'] | ['د', 'و'] | ['س', 'ه']) {
                continue;
            }
            if self.ngram_at(ng, chars, g, &mut buf) >= NG_THRESHOLD {
                mask |= 1 << g;
            }
        }
        mask
    }

    fn ngram_at(&self, ng: &fst::Map<&'static [u8]>, chars: &[char], g: usize, buf: &mut String) -> u32 {
        let mut p = 0;
        ngram_contexts(chars, g, buf, |c| match ng.get(c) {
            Some(v) => {
                p = v as u32;
                true
            }
            None => false,
        });
        p
    }

    /// Number of keys in the model (0 if the artefact is missing or invalid).
    pub(crate) fn len(&self) -> usize {
        self.map.as_ref().map_or(0, |m| m.len())
    }

    pub(crate) fn get(&self, key: &str) -> Option<Entry> {
        self.map.as_ref()?.get(key).map(Entry::unpack)
    }
}

/// Kind of suffix split.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Plural and comparative suffixes: ZWNJ after a joining letter.
    Zw,
    /// Clitics written with ZWNJ only after a final silent heh ("خانه‌ای", "کرده‌اند").
    Heh,
    /// Clitics written glued ("انتها+ی", "کتاب+م").
    Glued,
}

/// Suffixes, their kind and a log2 prior (grammar, not vocabulary).
const SUFFIXES: &[(&str, Kind, f32)] = &[
    ("ها", Kind::Zw, -2.0),
    ("های", Kind::Zw, -2.0),
    ("هایی", Kind::Zw, -3.0),
    ("هایم", Kind::Zw, -4.0),
    ("هایت", Kind::Zw, -4.0),
    ("هایش", Kind::Zw, -3.5),
    ("هایمان", Kind::Zw, -4.0),
    ("هایتان", Kind::Zw, -4.0),
    ("هایشان", Kind::Zw, -3.5),
    ("هاست", Kind::Zw, -4.5),
    ("ترین", Kind::Zw, -3.0),
    ("تر", Kind::Zw, -3.0),
    ("تری", Kind::Zw, -4.0),
    ("ای", Kind::Heh, -0.5),
    ("ام", Kind::Heh, -3.0),
    ("ات", Kind::Heh, -4.0),
    ("اش", Kind::Heh, -3.0),
    ("ایم", Kind::Heh, -4.0),
    ("اید", Kind::Heh, -4.0),
    ("اند", Kind::Heh, -2.5),
    ("ی", Kind::Glued, -2.5),
    ("یی", Kind::Glued, -3.5),
    ("م", Kind::Glued, -4.0),
    ("ت", Kind::Glued, -4.5),
    ("ش", Kind::Glued, -3.5),
    ("مان", Kind::Glued, -4.5),
    ("تان", Kind::Glued, -4.5),
    ("شان", Kind::Glued, -4.0),
    ("ان", Kind::Glued, -3.5),
];

/// Determiners, quantifiers and the numeral "one": not joined to the next word by lexicon compounds (grammar).
const DETERMINERS: &[&str] = &["این", "آن", "یک", "هیچ", "همه", "هر"];

/// Negative prefixes ("بی", "نا"): bound morphemes joined to the lexicon compounds they start.
const NEG_PREFIXES: &[&str] = &["بی", "نا"];

/// A comparative ("X" + "تر") less frequent than its adjective by more than this (log2) is not lexicalized.
const LEXICALIZED_COMPARATIVE: f32 = 2.0;

/// A glued "Xها" at least this frequent (log2 per billion) is a word of its own: "Xهای", "Xهایی" are not split.
const GLUED_PLURAL: f32 = 12.0;

/// Plural, clitic and person endings written glued after "تر"/"ترین" ("ترها", "تریم", "ترینشان").
const COMPARATIVE_ENDINGS: &[&str] = &[
    "ها", "های", "هایی", "ی", "یم", "ید", "ند", "م", "ت", "ش", "مان", "تان", "شان",
];

/// Bound second parts of compounds (suffixoids): participles of light verbs and productive heads that are no
/// free words in prose. Written apart after a noun or adjective ("مسخره کننده", "ستم دیدگان", "مادی گری") they
/// are joined with ZWNJ (grammar, not vocabulary: the lexicons' frequencies cannot tell, since their source
/// text writes these apart as often as joined).
const BOUND_HEADS: &[&str] = &[
    "کننده", "کنندگان", "کنندگی", "دهنده", "دهندگان", "شدگان", "دیدگان", "یافتگان", "آمیز", "انگیز", "پذیر",
    "پذیری", "ناپذیر", "ناپذیری", "گرا", "گرایی", "گرایانه", "مند", "مندی", "گری", "وار", "آلود", "زدایی",
    "نشین", "نشینی", "شناس", "شناسی", "پرداز", "پردازی", "پرست", "پرستی", "آفرینی", "ستیز", "ستیزی", "گستر",
    "افزا", "افکن", "سالاری", "سالاران",
];

/// Past participles that make a compound adjective with the noun before them when the pair modifies a noun
/// ("بحث‌های انجام‌شده در", "رابطهٔ صدمه‌دیده", "اتفاقات پیش‌آمده"), while the same pair ending a verb phrase
/// stays apart ("انجام شده است", "خم شده و"). Which of the two it is depends on the next word
/// ([`Words::adjectival_participle`]).
const ADJECTIVAL_PARTICIPLES: &[&str] = &["شده", "دیده", "یافته", "آمده", "گرفته", "خورده", "زده"];

/// Words after a participle that close a verb phrase: conjunctions and clause openers (auxiliaries and other
/// verbs are recognized by the lexicon's verb tags).
const AFTER_VERB_PHRASE: &[&str] = &[
    "و", "که", "یا", "تا", "اما", "ولی", "چون", "زیرا", "اگر", "ولیکن", "است", "نیست", "هست", "می", "نمی", "ام",
    "ای", "ایم", "اید", "اند",
];

/// Log2 cost of a bound second part after a known noun or adjective, in a word the lexicons lack.
const BOUND_HEAD_COST: f32 = 4.0;

/// Verb particles before prefixed verb forms ("بر+می‌گشت").
const PREVERBS: &[&str] = &["بر", "در", "باز", "فرا", "فرو", "وا", "ور"];

const HEH: char = '\u{0647}';
const YEH: char = '\u{06CC}';
/// Extra log2 cost of a ZWNJ clitic after final yeh ("زندگی‌ام") compared with after heh.
const YEH_CLITIC: f32 = 1.5;
/// Clitics joined with ZWNJ to a spaced word ending in yeh.
const YEH_CLITICS: &[&str] = &["ای", "ام", "اش", "ات", "ایم", "اید", "اند"];

/// A word as chars plus byte offsets, so sub-slices can be looked up without allocation.
struct Word<'a> {
    s: &'a str,
    chars: &'a [char],
    off: &'a [usize],
    /// Unknown words may be split by the character n-gram model (not for the parts of a ZWNJ word).
    ngram: bool,
}

impl Word<'_> {
    fn sub(&self, i: usize, j: usize) -> &str {
        &self.s[self.off[i]..self.off[j]]
    }
}

const MAX_CHARS: usize = 48;

impl Model {
    /// Best analysis of `w[i..j]`: (log2 score, gap mask relative to `i`).
    fn best(&self, w: &Word<'_>, i: usize, j: usize, depth: u8) -> Option<(f32, u64)> {
        let n = j - i;
        let mut best: Option<(f32, u64)> = None;
        let consider = |c: (f32, u64), best: &mut Option<(f32, u64)>| {
            if best.is_none_or(|b| c.0 > b.0) {
                *best = Some(c);
            }
        };
        let whole = self.get(w.sub(i, j)).filter(|_| !self.free_comparative(w, i, j));
        if let Some(e) = whole
            && let Some(c) = self.rare_glued_compound(w, i, j, &e)
        {
            return Some(c);
        }
        if let Some(e) = whole {
            if (e.prefers_zwnj() || Entry::l(e.lg) >= T_ABS)
                && !self.plural_of_common_stem(w, i, j, &e)
                && !self.inflection_of_glued_stem(w, i, j, &e)
            {
                return Some(e.whole());
            }
            consider(e.whole(), &mut best);
        }
        if depth == 0 || n < 3 {
            return best;
        }
        // Suffix splits.
        for &(suf, kind, prior) in SUFFIXES {
            let sl = suf.chars().count();
            if n < sl + 2 || !w.sub(j - sl, j).eq(suf) {
                continue;
            }
            let k = j - sl; // stem is i..k
            // A suffix is no stem: "اشیای" is "اشیا" + "ی", not "اش" + "ی" + "ای".
            if SUFFIXES.iter().any(|&(x, _, _)| x == w.sub(i, k)) {
                continue;
            }
            let last = w.chars[k - 1];
            let mut prior = prior;
            // A clitic after a two-letter word ending in heh is that word's own ending: "بهای" is "بها" + "ی"
            // (price of), not the preposition "به" + "ای"; the lexicons list no such clitic form.
            if kind == Kind::Heh && k - i < 3 {
                continue;
            }
            if kind == Kind::Heh && last != HEH {
                if last != YEH || k - i < 3 {
                    continue;
                }
                prior -= YEH_CLITIC;
            }
            // Comparative and superlative suffixes follow adjectives (and adverbs, tagged AJ): a stem the lexicon
            // tags, but not as an adjective ("این", "هان"), does not take them.
            if suf.starts_with("تر") {
                if let Some(e) = self.get(w.sub(i, k)) {
                    if e.flags & (F_NOUN | F_ADJ | F_VERB) != 0 && e.flags & F_ADJ == 0 {
                        continue;
                    }
                }
                // "Xتر" tagged as a noun and not as an adjective is a noun of its own ("ریشتر", "دفتر"), also
                // before a further ending ("ریشتری"): not a comparative.
                if self.get(w.sub(i, k + 2)).is_some_and(|e| e.flags & F_NOUN != 0 && e.flags & F_ADJ == 0) {
                    continue;
                }
            }
            // The ها family follows the spelling of the plain plural: where the lexicons write "Xها" glued (a word
            // of its own, as "آنها", "تنها"), "Xهایی", "Xهای" are not split either.
            if kind == Kind::Zw && suf.len() > "ها".len() && suf.starts_with("ها") {
                if let Some(p) = self.get(w.sub(i, k + 2)) {
                    if !p.prefers_zwnj() && Entry::l(p.lg) >= GLUED_PLURAL {
                        continue;
                    }
                }
            }
            let Some((ss, sm)) = self.best(w, i, k, depth - 1) else { continue };
            if kind == Kind::Zw && suf.starts_with('ه') {
                if let Some(e) = self.get(w.sub(i, k)) {
                    if e.flags & F_NOUN != 0 {
                        prior += 0.5;
                    } else if e.flags & F_ADJ != 0 {
                        prior -= 1.0;
                    }
                }
            }
            let mut mask = sm;
            // The plural clitics مان/تان/شان take a ZWNJ after a final silent heh ("علاقه‌تان").
            let heh_plural = last == HEH && kind == Kind::Glued && matches!(suf, "مان" | "تان" | "شان");
            if (kind != Kind::Glued || heh_plural) && !is_non_joining(last) {
                mask |= 1u64 << (k - 1 - i);
            }
            consider((ss + prior, mask), &mut best);
        }
        // Preverb + prefixed verb form, written glued ("برمی‌گشت").
        for pv in PREVERBS {
            let pl = pv.chars().count();
            if n > pl + 3 && w.sub(i, i + pl) == *pv {
                if let Some(e) = self.get(w.sub(i + pl, j)) {
                    if e.flags & (F_VERBFORM | F_VERB) != 0 {
                        let (es, em) = e.whole();
                        consider((es - 1.0, em << pl), &mut best);
                    }
                }
            }
        }
        // A word the lexicons lack: noun or adjective + bound second part ("ستم‌دیدگان", "مسخره‌کننده").
        if whole.is_none() {
            for h in BOUND_HEADS {
                let hl = h.chars().count();
                if n < hl + 2 || w.sub(j - hl, j) != *h || is_non_joining(w.chars[j - hl - 1]) {
                    continue;
                }
                let stem = w.sub(i, j - hl);
                if self.noun_like(stem) {
                    if let Some(e) = self.get(stem) {
                        let (ss, sm) = e.whole();
                        consider((ss - BOUND_HEAD_COST, sm | (1u64 << (j - hl - 1 - i))), &mut best);
                    }
                }
            }
        }
        // Compounds after a final heh ("هزینه‌مند", "دانشگاه‌ها").
        for k in (i + 3)..j.saturating_sub(2) {
            if w.chars[k - 1] != HEH {
                continue;
            }
            let Some(a) = self.get(w.sub(i, k)) else { continue };
            let Some((bs, bm)) = self.best(w, k, j, depth - 1) else { continue };
            // A compound's second part is a word of 3+ letters before its own endings: "گروهکهای" is no
            // "گروه" + "که‌ای" (a function word with a clitic), but "گروهک‌های".
            if bm != 0 && bm.trailing_zeros() < 2 {
                continue;
            }
            let (as_, am) = a.whole();
            consider((as_ + bs - 1.0, am | (1u64 << (k - 1 - i)) | (bm << (k - i))), &mut best);
        }
        best
    }

    /// A word the lexicons list only glued and rarely ("شرارتآمیز": scraped web text that lost its ZWNJ) that
    /// is a common word + a productive compound head ("شرارت" + "آمیز"): the compound, with ZWNJ at the junction.
    fn rare_glued_compound(&self, w: &Word<'_>, i: usize, j: usize, e: &Entry) -> Option<(f32, u64)> {
        if e.lz > 0 || Entry::l(e.lg) >= RARE_GLUED || e.flags & (F_VERB | F_VERBFORM) != 0 {
            return None;
        }
        let mut best: Option<(f32, u64)> = None;
        for k in (i + 2)..j.saturating_sub(2) {
            if is_non_joining(w.chars[k - 1]) {
                continue;
            }
            let Some(h) = self.get(w.sub(k, j)) else { continue };
            if h.flags & F_HEAD == 0 {
                continue;
            }
            let Some(a) = self.get(w.sub(i, k)) else { continue };
            if a.logp() + LOGN < COMMON_PART {
                continue;
            }
            let (as_, am) = a.whole();
            let (hs, hm) = h.whole();
            let c = (as_ + hs, am | (1u64 << (k - 1 - i)) | (hm << (k - i)));
            if best.is_none_or(|b| c.0 > b.0) {
                best = Some(c);
            }
        }
        best
    }

    /// Whether a word the lexicons list as "Xه‌ای" (an adjective or indefinite: "زبانه‌ای", "زخمه‌ای") is
    /// more likely the plural "X‌های" of a far more frequent noun X ("زبان", "زخم"): the lexicons hold almost
    /// no plurals, so the listed spelling would otherwise win unopposed. The suffix analysis then decides.
    fn plural_of_common_stem(&self, w: &Word<'_>, i: usize, j: usize, e: &Entry) -> bool {
        let n = j - i;
        if n < 6 || e.lz == 0 || e.flags & (F_VERBFORM | F_VERB) != 0 || w.sub(j - 3, j) != "های" {
            return false;
        }
        // The listed ZWNJ spelling is "Xه‌ای": its last gap is the one after the heh.
        if e.mask as u64 >> (n - 3) != 1 || Entry::l(e.lg) > Entry::l(e.lz) {
            return false;
        }
        let Some(stem) = self.get(w.sub(i, j - 3)) else { return false };
        stem.flags & F_NOUN != 0 && Entry::l(stem.lg) - Entry::l(e.lz) >= PLURAL_OF_COMMON_STEM
    }

    /// Whether a word the lexicons list only with a ZWNJ inside its stem ("پژوهش‌گران", never glued) is an
    /// inflection of a stem they write glued and far more often ("پژوهشگر"): the lexicons hold few inflected
    /// forms, so the listed spelling would otherwise win unopposed against the stem's own spelling. The suffix
    /// analysis then decides.
    fn inflection_of_glued_stem(&self, w: &Word<'_>, i: usize, j: usize, e: &Entry) -> bool {
        if e.lg != 0 || e.lz == 0 || e.flags & (F_VERBFORM | F_VERB) != 0 {
            return false;
        }
        SUFFIXES.iter().any(|&(suf, _, _)| {
            // Plurals only: a clitic or "ی" after a glued stem is too often another word's ending ("همتیم").
            if suf != "ان" && !suf.starts_with("ها") {
                return false;
            }
            let sl = suf.chars().count();
            if j - i < sl + 3 || w.sub(j - sl, j) != suf {
                return false;
            }
            let k = j - sl;
            // The listed ZWNJ lie inside the stem, none at or after the suffix's junction.
            if e.mask as u64 >> (k - 1 - i) != 0 {
                return false;
            }
            self.get(w.sub(i, k))
                .is_some_and(|st| {
                    st.flags & (F_NOUN | F_ADJ) != 0
                        && !st.prefers_zwnj()
                        && Entry::l(st.lg) - Entry::l(e.lz) >= GLUED_STEM
                })
        })
    }

    /// Whether `w[i..j]` is an adjective + "تر"/"ترین" whose comparative is not a word of its own: the
    /// suffix is then written apart ("بزرگ‌تر", "مهم‌ترین") even where the lexicons list the glued spelling.
    /// A comparative at least about as frequent as its adjective is lexicalized and stays glued ("بیشتر",
    /// "کمترین"); so does one on a stem not tagged as an adjective ("بهتر": "به" is a preposition).
    fn free_comparative(&self, w: &Word<'_>, i: usize, j: usize) -> bool {
        let n = j - i;
        let sl = if n >= 6 && w.sub(j - 4, j) == "ترین" {
            4
        } else if n >= 4 && w.sub(j - 2, j) == "تر" {
            2
        } else {
            return false;
        };
        let k = j - sl;
        // A glued word the lexicon tags as a noun or adjective is a word of its own ("بستر", "دفتر"); the
        // lexicon leaves comparatives untagged.
        if self.get(w.sub(i, j)).is_some_and(|e| e.flags & (F_NOUN | F_ADJ) != 0) {
            return false;
        }
        let Some(adj) = self.get(w.sub(i, k)) else { return false };
        if adj.flags & F_ADJ == 0 || is_non_joining(w.chars[k - 1]) {
            return false;
        }
        let mut cmp = String::with_capacity(w.off[k] - w.off[i] + 4);
        cmp.push_str(w.sub(i, k));
        cmp.push_str("تر");
        let lc = self.get(&cmp).map_or(0, |e| e.lg.max(e.lz));
        Entry::l(lc) < Entry::l(adj.lg) - LEXICALIZED_COMPARATIVE
    }

    /// Fallback for unknown words: a known word of 3+ letters ending in heh, followed by 3+ more letters,
    /// is written apart with ZWNJ ("هزینه‌مندسازی").
    fn heh_fallback(&self, w: &Word<'_>) -> u64 {
        let n = w.chars.len();
        for k in (3..n.saturating_sub(2)).rev() {
            if w.chars[k - 1] != HEH {
                continue;
            }
            if let Some(e) = self.get(w.sub(0, k)) {
                if e.logp() > -24.0 {
                    let (_, am) = e.whole();
                    let rest = self.restore_chars_with(&w.chars[k..], w.ngram);
                    return am | (1u64 << (k - 1)) | (rest << k);
                }
            }
        }
        0
    }

    /// Restores ZWNJ in a glued word given as chars (letters only, no marks or ZWNJ). Returns the gap mask.
    pub(crate) fn restore_chars(&self, chars: &[char]) -> u64 {
        self.restore_chars_with(chars, true)
    }

    /// [`restore_chars`](Self::restore_chars); with `ngram` false a word the lexicon cannot analyse is left
    /// as it is (used for the parts of a word that has a ZWNJ: a part such as "وگوهای" of "گفت‌وگوهای" is
    /// no word of its own for the character model to split).
    pub(crate) fn restore_chars_with(&self, chars: &[char], ngram: bool) -> u64 {
        let n = chars.len();
        if n < 3 || n > MAX_CHARS {
            return 0;
        }
        let mut s = String::with_capacity(n * 2);
        let mut off = Vec::with_capacity(n + 1);
        for &c in chars {
            off.push(s.len());
            s.push(c);
        }
        off.push(s.len());
        let w = Word { s: &s, chars, off: &off, ngram };
        let mask = match self.best(&w, 0, n, 3) {
            Some((_, m)) => m,
            None => match self.heh_fallback(&w) {
                0 if ngram => self.ngram_mask(chars),
                m => m,
            },
        };
        sanitize(chars, mask)
    }

    /// Decides whether two space-separated Persian pieces (ZWNJ-free keys) form one word. Returns the gap mask
    /// of the merged word, or `None` to keep the space.
    /// With `strict` (a line written in the glued style: its ZWNJ were lost or written, and no affix is written
    /// apart) the author's spaces are real: only affixes, verb prefixes and clitics are joined, no compound.
    pub(crate) fn merge_pair(&self, a: &[char], b: &[char], strict: bool) -> Option<u64> {
        if a.is_empty() || b.is_empty() || a.len() + b.len() > MAX_CHARS {
            return None;
        }
        let junction = a.len() - 1;
        let last = a[a.len() - 1];
        let jbit = if is_non_joining(last) { 0 } else { 1u64 << junction };
        let bs: String = b.iter().collect();
        let as_: String = a.iter().collect();
        // The preposition "به" is written apart from the next word (Academy orthography), never with ZWNJ.
        if as_ == "به" {
            return None;
        }
        // Verb prefixes.
        if (as_ == "می" || as_ == "نمی") && b.len() >= 2 {
            return Some(jbit);
        }
        // Preverb + verb prefix written apart from the verb ("برمی گشت", "درنمی آید"): joined when "می" + the
        // rest is a conjugated form.
        if b.len() >= 2 {
            for pv in PREVERBS {
                if let Some(pre) = as_.strip_prefix(pv) {
                    if pre == "می" || pre == "نمی" {
                        let mut v = String::from(pre);
                        v.push_str(&bs);
                        if self.get(&v).is_some_and(|e| e.flags & F_VERBFORM != 0) {
                            return Some(jbit);
                        }
                    }
                }
            }
        }
        // Plural / comparative suffixes.
        if a.len() >= 2 && SUFFIXES.iter().any(|&(s, k, _)| k == Kind::Zw && s == bs) {
            return Some(jbit);
        }
        // A comparative or superlative with a plural or clitic after it, written apart from its adjective
        // ("بزرگ ترها", "بالغ تریم", "مهم ترینشان").
        if a.len() >= 2 && self.get(&as_).is_some_and(|e| e.flags & F_ADJ != 0) {
            let rest = bs.strip_prefix("ترین").or_else(|| bs.strip_prefix("تر"));
            if rest.is_some_and(|r| COMPARATIVE_ENDINGS.contains(&r)) {
                return Some(jbit);
            }
        }
        // Clitics after a final heh.
        if a.len() >= 3
            && last == HEH
            && (SUFFIXES.iter().any(|&(s, k, _)| k == Kind::Heh && s == bs) || matches!(bs.as_str(), "مان" | "تان" | "شان"))
        {
            return Some(jbit);
        }
        // Clitics after a final yeh of a known word ("زندگی ام", "سنتی ای").
        if a.len() >= 3 && last == YEH && YEH_CLITICS.contains(&bs.as_str()) && self.get(&as_).is_some() {
            return Some(jbit);
        }
        let mut merged = as_.clone();
        merged.push_str(&bs);
        let e = self.get(&merged);
        // Preverb + prefixed verb.
        if PREVERBS.contains(&as_.as_str()) && (bs.starts_with("می") || bs.starts_with("نمی")) {
            if let Some(e) = self.get(&bs) {
                if e.flags & F_VERBFORM != 0 {
                    return Some(0);
                }
            }
        }
        if jbit == 0 {
            return None;
        }
        // In a line written in the glued style the author's spaces are real: two words are joined only when the
        // second is a fragment, never a word of its own ("بین المللی": "المللی" is rare alone, has no ZWNJ
        // spelling and heads no compounds), into the lexicon's ZWNJ compound.
        if strict {
            let bound = |x: Entry| x.lz == 0 && x.flags & F_HEAD == 0 && x.logp() <= BOUND_LOGP;
            // A word the lexicons lack is a fragment unless it inflects one that is not ("کنندگان": "کننده").
            let fragment = |w: &str| match self.get(w) {
                Some(x) => bound(x),
                None => !INFLECTIONS.iter().any(|&(suf, add)| {
                    w.strip_suffix(suf).is_some_and(|st| {
                        st.chars().count() >= 2 && self.get(&format!("{st}{add}")).is_some_and(|x| !bound(x))
                    })
                }),
            };
            let zwnj_compound = |e: &Entry| e.lz > 0 && (e.mask as u64) & jbit != 0 && e.prefers_zwnj();
            if let Some(e) = e.filter(|e| fragment(&bs) && zwnj_compound(e)) {
                return Some(e.mask as u64);
            }
            // Inflected ("گفت وگوها" from "گفت‌وگو").
            for &(suf, add) in INFLECTIONS {
                let Some(stem) = bs.strip_suffix(suf) else { continue };
                if stem.chars().count() < 2 {
                    continue;
                }
                let stem = format!("{stem}{add}");
                if fragment(&stem) && self.get(&format!("{as_}{stem}")).is_some_and(|e| zwnj_compound(&e)) {
                    return Some(jbit);
                }
            }
            return None;
        }
        // Determiners, quantifiers and numerals written apart head a phrase ("یک میلیون", "هیچ وقت", "این جا"):
        // not joined into the lexicon's compounds.
        if DETERMINERS.contains(&as_.as_str()) {
            return None;
        }
        // Lexicon compounds written with ZWNJ at this junction.
        if let Some(e) = e {
            if self.compound_ok(&e, &as_, &bs, jbit) {
                return Some(e.mask as u64);
            }
            // Compounds the lexicon writes glued ("نمایشنامه"): the author's space marks the junction, when the
            // second part is a productive compound head ("نامه", "کاری") or the compound is about as frequent as
            // its rarer part.
            if e.lg > 0 && a.len() >= 2 && b.len() >= 2 && self.is_head(&bs) {
                return Some(jbit);
            }
            if e.lg > 0 && a.len() >= 2 && b.len() >= 2 {
                let la = self.get(&as_).map_or(-LOGN, |x| x.logp());
                let lb = self.get(&bs).map_or(-LOGN, |x| x.logp());
                if Entry::l(e.lg) - LOGN >= la.min(lb) - MERGE_SLACK_GLUED {
                    return Some(jbit);
                }
            }
        }
        if SUFFIXES.iter().any(|&(s, _, _)| s == bs) || YEH_CLITICS.contains(&bs.as_str()) {
            return None;
        }
        // A bound second part after a noun or adjective (or a common word hazm's tagged list lacks).
        if a.len() >= 2 && BOUND_HEADS.contains(&bs.as_str()) && self.noun_like(&as_) {
            return Some(jbit);
        }
        // Inflected lexicon compounds ("دانش آموزان" from "دانش‌آموز", "مصرف کنندگان" from "مصرف‌کننده").
        let mut stems: Vec<String> = Vec::new();
        for &(suf, add) in INFLECTIONS {
            if let Some(stem) = bs.strip_suffix(suf) {
                if stem.chars().count() >= 2 {
                    stems.push(format!("{stem}{add}"));
                }
            }
        }
        for stem in &stems {
            let m = format!("{as_}{stem}");
            if let Some(e) = self.get(&m) {
                if self.compound_ok(&e, &as_, stem, jbit) {
                    return Some(jbit);
                }
            }
        }
        None
    }

    /// Whether `w` can be the first part of a compound adjective or suffixoid compound: a noun or adjective (or a
    /// common word hazm's tagged list lacks), never a verb form.
    fn noun_like(&self, w: &str) -> bool {
        self.get(w).is_some_and(|x| {
            x.flags & F_VERBFORM == 0
                && (x.flags & (F_NOUN | F_ADJ) != 0 || (x.flags & F_VERB == 0 && x.logp() + LOGN >= COMMON_PART))
        })
    }

    /// Whether `w` is tagged as a verb, is a conjugated verb form or a past participle.
    fn verbal(&self, w: &str) -> bool {
        self.get(w).is_some_and(|x| x.flags & (F_VERB | F_VERBFORM | F_PARTICIPLE) != 0)
    }

    /// Whether `w` is a productive head of the lexicon's ZWNJ compounds (see [`F_HEAD`]).
    fn is_head(&self, w: &str) -> bool {
        self.get(w).is_some_and(|x| x.flags & F_HEAD != 0)
    }

    /// Whether a lexicon entry for the merged `a` + `b` supports joining with ZWNJ at the junction.
    fn compound_ok(&self, e: &Entry, a: &str, b: &str, jbit: u64) -> bool {
        if e.lz == 0 || (e.mask as u64) & jbit == 0 || !e.prefers_zwnj() {
            return false;
        }
        // Two free words that the lexicon also lists as one ZWNJ compound ("ایالات‌متحده", "صنایع‌دستی") are
        // more often a phrase written apart: they join only when the first part is a productive compound part
        // ("هم", "خود"), the second a productive head ("نامه", "کننده") or a bound form rare on its own ("المللی").
        let (fa, la) = self.get(a).map_or((0, -LOGN), |x| (x.flags, x.logp()));
        let (fb, lb) = self.get(b).map_or((0, -LOGN), |x| (x.flags, x.logp()));
        if fa & F_FIRST == 0 && fb & F_HEAD == 0 && lb > BOUND_LOGP {
            return false;
        }
        let lz = Entry::l(e.lz) - LOGN;
        // Participles after a noun ("انجام شده", "افزایش یافته") are mostly passive/compound verbs written
        // apart: they need stronger lexicon evidence.
        let participle = fb & F_PARTICIPLE != 0;
        // A negative prefix is a bound morpheme: written apart, it belongs to the compound the lexicon has.
        if NEG_PREFIXES.contains(&a) {
            return true;
        }
        let slack = if participle { MERGE_SLACK_PARTICIPLE } else { MERGE_SLACK };
        lz >= la.min(lb) - slack
    }
}

/// Inflections stripped off a second part before looking up the compound: (suffix, replacement).
const INFLECTIONS: &[(&str, &str)] = &[
    ("ان", ""),
    ("انی", ""),
    ("ها", ""),
    ("های", ""),
    ("ی", ""),
    ("یی", ""),
    ("ای", ""),
    ("گان", "ه"),
    ("گانی", "ه"),
    ("ش", ""),
    ("اش", ""),
    ("م", ""),
    ("ت", ""),
    ("ات", ""),
    ("شان", ""),
    ("تان", ""),
    ("مان", ""),
];

/// A second part at most this frequent (log2 probability, about 240 per billion) is bound: it joins the lexicon
/// compounds it ends without being a productive head ("بین المللی").
const BOUND_LOGP: f32 = -22.0;
/// How much rarer (log2) a ZWNJ compound may be than its rarer part and still join two spaced pieces.
const MERGE_SLACK: f32 = 7.5;
/// How much rarer (log2) a compound the lexicons write glued may be than its rarer part and still join two
/// spaced pieces (with ZWNJ at the junction: "خدمت گزار" → "خدمت‌گزار").
const MERGE_SLACK_GLUED: f32 = 2.0;
/// [`MERGE_SLACK`] when the second piece is a past participle.
const MERGE_SLACK_PARTICIPLE: f32 = 4.0;

/// Drops mask bits that would put ZWNJ at a word edge or after a non-joining letter.
pub(crate) fn sanitize(chars: &[char], mut mask: u64) -> u64 {
    let n = chars.len();
    if n < 2 {
        return 0;
    }
    if n - 1 < 64 {
        mask &= (1u64 << (n - 1)) - 1;
    }
    let mut m = mask;
    while m != 0 {
        let g = m.trailing_zeros() as usize;
        m &= m - 1;
        if g >= n - 1 || is_non_joining(chars[g]) {
            mask &= !(1u64 << g);
        }
    }
    mask
}

#[derive(Default)]
struct Fx(u64);
impl Hasher for Fx {
    fn finish(&self) -> u64 {
        // The last multiply leaves the low bits (the table index) depending on low input bits only.
        self.0.rotate_left(26)
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    #[inline]
    fn write_u128(&mut self, i: u128) {
        self.write_u64(i as u64);
        self.write_u64((i >> 64) as u64);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// The words seen by this thread: each distinct ZWNJ-free key gets an id with its restoration mask and affix
/// flags, and [`Model::merge_pair`] decisions are cached by pair of ids. A line is processed with one borrow
/// of the table: one hash lookup per word, pair lookups by a `u64`, no allocation on hits.
#[derive(Default)]
pub(crate) struct Words {
    /// Keys of up to 16 letters, one byte per letter (`c - U+0600`; every Arabic-script letter lies in
    /// U+0620..=U+06FF, so no letter packs to 0 and the packing is unique).
    short: FxMap<u128, u32>,
    /// Keys of up to 8 letters, packed the same way into a `u64` (most words: a smaller table, cheaper hashing).
    short8: FxMap<u64, u32>,
    ids: FxMap<Box<[char]>, u32>,
    info: Vec<WordInfo>,
    pairs: FxMap<u64, Option<u64>>,
}

#[derive(Clone, Copy)]
struct WordInfo {
    /// Restoration mask ([`NOT_COMPUTED`] until first asked for).
    mask: u64,
    /// Restoration mask of the word as a part of a ZWNJ word ([`NOT_COMPUTED`] until first asked for).
    mask_part: u64,
    /// Restoration mask of the word as the rest of a verb form after a prefix part ([`NOT_COMPUTED`] until
    /// first asked for).
    mask_after_prefix: u64,
    /// The word is a verb prefix written apart ("می", "نمی").
    verb_prefix: bool,
    /// The word is a plural/comparative suffix or a heh clitic ("ها", "ترین", "اند").
    spaced_suffix: bool,
    /// [`Words::glued_spelling`]: 0 no, 1 yes, [`NOT_ASKED`] until first asked for.
    glued_spelling: u8,
}

const NOT_ASKED: u8 = 2;

const NOT_COMPUTED: u64 = u64::MAX;

thread_local! {
    static WORDS: RefCell<Words> = RefCell::new(Words::default());
}

/// Runs `f` with this thread's word table (clearing it first when it has grown too large).
pub(crate) fn with_words<R>(f: impl FnOnce(&mut Words) -> R) -> R {
    WORDS.with(|w| {
        let w = &mut *w.borrow_mut();
        if w.info.len() >= CACHE_MAX || w.pairs.len() >= CACHE_MAX {
            w.short.clear();
            w.short8.clear();
            w.ids.clear();
            w.info.clear();
            w.pairs.clear();
        }
        f(w)
    })
}

impl Words {
    /// The id of a word key (ids stay valid for the whole [`with_words`] call).
    #[inline]
    pub(crate) fn id(&mut self, key: &[char]) -> u32 {
        // Keys of up to 8 letters in `short8`, up to 16 in `short`, others (or with letters outside
        // U+0601..=U+06FF) in `ids`.
        let packed8 = if key.len() <= 8 { pack(key) } else { None };
        let packed = if packed8.is_none() { pack(key) } else { None };
        let hit = match (packed8, packed) {
            (Some(p), _) => self.short8.get(&(p as u64)),
            (None, Some(p)) => self.short.get(&p),
            (None, None) => self.ids.get(key),
        };
        if let Some(&id) = hit {
            return id;
        }
        let is = |x: &[char], s: &str| x.iter().copied().eq(s.chars());
        let info = WordInfo {
            mask: NOT_COMPUTED,
            mask_part: NOT_COMPUTED,
            mask_after_prefix: NOT_COMPUTED,
            verb_prefix: is(key, "می") || is(key, "نمی"),
            spaced_suffix: SUFFIXES.iter().any(|&(s, k, _)| k != Kind::Glued && is(key, s)),
            glued_spelling: NOT_ASKED,
        };
        let id = self.info.len() as u32;
        self.info.push(info);
        match (packed8, packed) {
            (Some(p), _) => {
                self.short8.insert(p as u64, id);
            }
            (None, Some(p)) => {
                self.short.insert(p, id);
            }
            (None, None) => {
                self.ids.insert(key.into(), id);
            }
        }
        id
    }

    /// Restores ZWNJ in the glued word `key` (whose id is `id`); the result is a fixpoint (re-running on
    /// each ZWNJ part as a [`part`](Self::restore_part) changes nothing).
    #[inline]
    pub(crate) fn restore(&mut self, id: u32, key: &[char]) -> u64 {
        let m = self.info[id as usize].mask;
        if m != NOT_COMPUTED {
            return m;
        }
        let m = if key.len() < 3 || key.len() > MAX_CHARS { 0 } else { restore_fixpoint(key, false, false) };
        self.info[id as usize].mask = m;
        m
    }

    /// [`restore`](Self::restore) of a part of a word that has a ZWNJ: by the lexicon only, not by the
    /// character n-gram model. With `after_prefix` (the part follows a verb-prefix part, "نمی" + "میرند") the
    /// part takes no second prefix, as in the analysis of the whole glued word.
    #[inline]
    pub(crate) fn restore_part(&mut self, id: u32, key: &[char], after_prefix: bool) -> u64 {
        let info = &self.info[id as usize];
        let m = if after_prefix { info.mask_after_prefix } else { info.mask_part };
        if m != NOT_COMPUTED {
            return m;
        }
        let m = if key.len() < 3 || key.len() > MAX_CHARS { 0 } else { restore_fixpoint(key, after_prefix, true) };
        let info = &mut self.info[id as usize];
        if after_prefix {
            info.mask_after_prefix = m;
        } else {
            info.mask_part = m;
        }
        m
    }

    /// Whether the lexicons list the word `key` (id `id`) in its glued spelling (with any frequency), as a
    /// spelling of its own: a conjugated verb form is not ("میرفتهاند"); its ZWNJ follow the grammar, not
    /// a convention that varies from word to word.
    pub(crate) fn glued_spelling(&mut self, id: u32, key: &[char]) -> bool {
        let g = self.info[id as usize].glued_spelling;
        if g != NOT_ASKED {
            return g == 1;
        }
        let s: String = key.iter().collect();
        let g = model().get(&s).is_some_and(|e| e.lg > 0 && e.flags & F_VERBFORM == 0);
        self.info[id as usize].glued_spelling = g as u8;
        g
    }

    /// Whether the glued word `key`, ending in "های", can be read as "Xه‌ای": "Xه" is a noun or adjective of
    /// the lexicons ("گوشه" in "گوشهای", beside the plural "گوش‌های"). Used where the next word decides
    /// between the two readings (see the normalizer's `indefinite_in_context`).
    pub(crate) fn heh_reading(&self, key: &[char]) -> bool {
        let n = key.len();
        if n < 5 || key[n - 3..] != ['\u{0647}', '\u{0627}', '\u{06CC}'] {
            return false;
        }
        let stem: String = key[..n - 2].iter().collect();
        model().get(&stem).is_some_and(|e| e.flags & F_VERBFORM == 0 && e.flags & (F_NOUN | F_ADJ) != 0)
    }

    /// Whether two space-separated pieces show the spaced writing style: a verb prefix or a
    /// plural/comparative suffix or clitic written apart ("می شود", "کتاب ها").
    #[inline]
    pub(crate) fn spaced_affix(&self, a: u32, b: u32) -> bool {
        self.info[a as usize].verb_prefix || self.info[b as usize].spaced_suffix
    }

    /// Whether `a` + `b` written apart is an adjectival participle compound ("انجام شده" → "انجام‌شده") given
    /// the word after it (`next`, empty at a punctuation mark or the end of the line): `b` is one of
    /// [`ADJECTIVAL_PARTICIPLES`], `a` a noun or adjective, and `next` a word that continues a noun phrase
    /// (a noun, "را", a preposition), not an auxiliary, a verb or a conjunction ("انجام شده است", "شده و").
    ///
    /// `None` when the rule does not apply (`b` is no such participle, `a` no noun or adjective); `Some(false)`
    /// for a verb phrase, where even a compound the lexicons list stays apart ("آسیب دیده است").
    pub(crate) fn adjectival_participle(&self, a: &[char], b: &[char], next: &[char]) -> Option<bool> {
        if a.len() < 2 || !ADJECTIVAL_PARTICIPLES.iter().any(|p| p.chars().eq(b.iter().copied())) {
            return None;
        }
        let m = model();
        let as_: String = a.iter().collect();
        if DETERMINERS.contains(&as_.as_str())
            || !m.noun_like(&as_)
            || m.get(&as_).is_some_and(|x| x.flags & F_PARTICIPLE != 0)
        {
            return None;
        }
        if next.is_empty() {
            return Some(false);
        }
        let ns: String = next.iter().collect();
        Some(!AFTER_VERB_PHRASE.contains(&ns.as_str()) && !m.verbal(&ns))
    }

    /// [`Model::merge_pair`] of the words `a` (id `ia`) and `b` (id `ib`), cached.
    #[inline]
    pub(crate) fn merge(&mut self, ia: u32, a: &[char], ib: u32, b: &[char], strict: bool) -> Option<u64> {
        let k = (ia as u64) << 32 | (ib as u64) << 1 | strict as u64;
        if let Some(&m) = self.pairs.get(&k) {
            return m;
        }
        let m = model().merge_pair(a, b, strict).filter(|&mask| {
            // Join only into what the glued word would be restored to on its own: otherwise a
            // second run reads the joined word differently ("هاشود های" → "هاشودهای" →
            // "هاشوده‌ای") and normalization is not idempotent.
            // With a visible ZWNJ at the junction a second run restores the two parts apart,
            // as they were; only an invisible junction makes one glued word of them.
            let j = a.len().saturating_sub(1);
            if j < 63 && mask & (1u64 << j) != 0 && a.last().is_some_and(|&c| !crate::chars::is_non_joining(c)) {
                return true;
            }
            let joined: Vec<char> = a.iter().chain(b).copied().collect();
            let visible = |m: u64| {
                (0..joined.len().saturating_sub(1).min(63))
                    .filter(|&i| m & (1u64 << i) != 0 && !crate::chars::is_non_joining(joined[i]))
                    .fold(0u64, |acc, i| acc | 1u64 << i)
            };
            visible(mask) == visible(model().restore_chars(&joined))
        });
        self.pairs.insert(k, m);
        m
    }
}

const CACHE_MAX: usize = 200_000;

/// Packs a key of up to 16 letters of U+0601..=U+06FF into a `u128`, one byte per letter.
#[inline]
fn pack(key: &[char]) -> Option<u128> {
    if key.len() > 16 {
        return None;
    }
    let mut p: u128 = 0;
    for &c in key {
        let b = (c as u32).wrapping_sub(0x600);
        if b == 0 || b > 0xFF {
            return None;
        }
        p = p << 8 | b as u128;
    }
    Some(p)
}

/// Whether a word or ZWNJ part is the verb prefix "می" or "نمی".
pub(crate) fn is_verb_prefix(part: &[char]) -> bool {
    matches!(part, ['م', 'ی'] | ['ن', 'م', 'ی'])
}

/// `mask` (of `part`, which follows a verb prefix) without a ZWNJ after a leading "می"/"نمی": one verb
/// prefix per verb form ("نمی‌میرند", where "میرند" is the verb, not "می" + "رند").
pub(crate) fn without_leading_prefix(part: &[char], mask: u64) -> u64 {
    match part {
        ['م', 'ی', _, ..] => mask & !(1 << 1),
        ['ن', 'م', 'ی', _, ..] => mask & !(1 << 2),
        _ => mask,
    }
}

/// Restores ZWNJ in a glued word until re-running on each ZWNJ part (by the lexicon only) changes nothing.
/// `after_prefix`: the word follows a verb-prefix part (its first part takes no prefix of its own). `part`: the
/// word is itself a part of a ZWNJ word (no character n-gram).
fn restore_fixpoint(chars: &[char], after_prefix: bool, part: bool) -> u64 {
    let model = model();
    let first = model.restore_chars_with(chars, !part);
    let mut mask = if after_prefix { sanitize(chars, without_leading_prefix(chars, first)) } else { first };
    // The mask only grows, so this ends after at most one round per gap.
    for _ in 0..MAX_CHARS {
        let mut next = mask;
        let mut start = 0;
        let n = chars.len();
        let mut prefix_before = after_prefix;
        for g in 0..n {
            if g == n - 1 || mask & (1u64 << g) != 0 {
                let part = &chars[start..=g];
                // The part after a verb prefix is the rest of the verb form: it does not start with another
                // prefix ("نمی‌میرند", not "نمی‌می‌رند").
                let pm = model.restore_chars_with(part, false);
                next |= if prefix_before { without_leading_prefix(part, pm) } else { pm } << start;
                prefix_before = is_verb_prefix(part);
                start = g + 1;
            }
        }
        next = sanitize(chars, next);
        if next == mask {
            break;
        }
        mask = next;
    }
    mask
}

