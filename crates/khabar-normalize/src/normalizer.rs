//! The normalization pipeline with alignment.

use std::ops::Range;

use crate::chars::{Mapped, ZWNJ, digit_value, is_arabic_mark, is_non_joining, is_persian_letter, map_char, plain_char};
use crate::model::{Words, is_verb_prefix, model, with_words};

/// Which script digits are written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Digits {
    /// Persian digits (۰۱۲…).
    Persian,
    /// ASCII digits (012…).
    Ascii,
    /// Leave digits as they are.
    #[default]
    Keep,
}

/// What the normalizer does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NormalizerOptions {
    /// Script for stand-alone numbers (never inside Latin words, URLs, e-mail addresses, decimals, dates, codes).
    pub digits: Digits,
    /// Remove Arabic diacritics (harakat, tanwin, hamza above, superscript alef).
    pub remove_diacritics: bool,
    /// Restore zero-width non-joiners in glued words ("سازمانهای" → "سازمان‌های").
    pub restore_zwnj: bool,
    /// With `restore_zwnj`, also join affixes and compound parts written apart with a space
    /// ("می شود" → "می‌شود", "کتاب ها" → "کتاب‌ها"). Off, the author's word spacing is kept.
    pub join_spaced: bool,
    /// Persian comma/semicolon/question mark, spacing around punctuation and guillemets.
    pub fix_punctuation: bool,
    /// With `fix_punctuation`, collapse a run of one mark to one ("چرا؟؟؟" → "چرا؟", "،،" → "،"). Off by
    /// default: it deletes characters the author wrote, and the default pipeline changes no letter or mark.
    pub collapse_repeated: bool,
    /// Turn straight double quotes around Persian text into guillemets « ».
    pub guillemets: bool,
}

impl Default for NormalizerOptions {
    fn default() -> Self {
        NormalizerOptions {
            digits: Digits::Keep,
            remove_diacritics: false,
            restore_zwnj: true,
            join_spaced: true,
            fix_punctuation: true,
            collapse_repeated: false,
            guillemets: false,
        }
    }
}

/// A Persian normalizer. Cheap to create and to share (`Send + Sync`); the ZWNJ model is loaded once per process.
#[derive(Clone, Debug, Default)]
pub struct Normalizer {
    opts: NormalizerOptions,
    /// Words kept glued whatever the ZWNJ model says (letters only; see [`Normalizer::with_glued_words`]).
    glued: Option<std::sync::Arc<std::collections::HashSet<String>>>,
}

/// Normalized text that remembers, for every output char, the range of input chars it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NormalizedString {
    original: String,
    normalized: String,
    /// Per normalized char: `[start, end)` in original chars. Inserted chars have an empty range.
    align: Vec<(u32, u32)>,
    original_len: usize,
}

impl NormalizedString {
    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.normalized
    }
    /// The input text.
    pub fn original(&self) -> &str {
        &self.original
    }
    /// Number of chars in the normalized text.
    pub fn len_chars(&self) -> usize {
        self.align.len()
    }
    /// Per normalized char, its range of original chars (inserted chars such as a restored ZWNJ get an empty
    /// range at their position).
    pub fn alignments(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.align.iter().map(|&(s, e)| s as usize..e as usize)
    }
    /// Maps a range of normalized chars to the range of original chars it came from (char offsets on both
    /// sides). Out-of-bounds ranges are clamped; an empty range maps to an empty range at the matching position.
    pub fn original_char_range(&self, normalized_chars: Range<usize>) -> Range<usize> {
        let n = self.align.len();
        let start = normalized_chars.start.min(n);
        let end = normalized_chars.end.min(n).max(start);
        if start == end {
            let pos = if start < n {
                self.align[start].0 as usize
            } else if n > 0 {
                self.align[n - 1].1 as usize
            } else {
                self.original_len
            };
            return pos..pos;
        }
        let s = self.align[start..end].iter().map(|a| a.0).min().unwrap_or(0) as usize;
        let e = self.align[start..end].iter().map(|a| a.1).max().unwrap_or(0) as usize;
        s..e
    }
    /// Like [`original_char_range`](Self::original_char_range) but returns byte offsets into [`original`](Self::original).
    pub fn original_byte_range(&self, normalized_chars: Range<usize>) -> Range<usize> {
        let r = self.original_char_range(normalized_chars);
        let mut it = self.original.char_indices().map(|(b, _)| b).chain(std::iter::once(self.original.len()));
        let s = it.clone().nth(r.start).unwrap_or(self.original.len());
        let e = it.nth(r.end).unwrap_or(self.original.len());
        s..e
    }
}

/// One normalized char with the range of input chars it came from (the aligned pipeline).
#[derive(Clone, Copy, Debug)]
struct U {
    c: char,
    s: u32,
    e: u32,
}

/// A unit of the pipeline: [`U`] when the alignment is kept, a bare `char` for [`Normalizer::normalize_str`]
/// (no alignment bookkeeping). Both run the same code, so both give the same text.
trait Unit: Copy {
    fn new(c: char, s: u32, e: u32) -> Self;
    fn c(&self) -> char;
    fn set_c(&mut self, c: char);
    /// Extends the source range to end at `e` (a combining mark composed into this unit).
    fn extend_to(&mut self, e: u32);
    /// An inserted char with an empty source range at this unit's start.
    fn insert_at_start(&self, c: char) -> Self;
    /// An inserted char with an empty source range at this unit's end.
    fn insert_at_end(&self, c: char) -> Self;
}

impl Unit for U {
    #[inline]
    fn new(c: char, s: u32, e: u32) -> Self {
        U { c, s, e }
    }
    #[inline]
    fn c(&self) -> char {
        self.c
    }
    #[inline]
    fn set_c(&mut self, c: char) {
        self.c = c;
    }
    #[inline]
    fn extend_to(&mut self, e: u32) {
        self.e = e;
    }
    #[inline]
    fn insert_at_start(&self, c: char) -> Self {
        U { c, s: self.s, e: self.s }
    }
    #[inline]
    fn insert_at_end(&self, c: char) -> Self {
        U { c, s: self.e, e: self.e }
    }
}

impl Unit for char {
    #[inline]
    fn new(c: char, _: u32, _: u32) -> Self {
        c
    }
    #[inline]
    fn c(&self) -> char {
        *self
    }
    #[inline]
    fn set_c(&mut self, c: char) {
        *self = c;
    }
    #[inline]
    fn extend_to(&mut self, _: u32) {}
    #[inline]
    fn insert_at_start(&self, c: char) -> Self {
        c
    }
    #[inline]
    fn insert_at_end(&self, c: char) -> Self {
        c
    }
}

/// Removes the ZWNJ inside words of `glued` (compared by their letters).
fn keep_glued<T: Unit>(mut v: Vec<T>, glued: &std::collections::HashSet<String>) -> Vec<T> {
    let mut key = String::new();
    let mut drop: Vec<usize> = Vec::new();
    let mut k = 0;
    while k < v.len() {
        if !is_persian_letter(v[k].c()) {
            k += 1;
            continue;
        }
        let s = k;
        while k < v.len() && is_word_unit(v[k].c()) {
            k += 1;
        }
        if v[s..k].iter().any(|u| u.c() == ZWNJ) {
            key.clear();
            key.extend(v[s..k].iter().map(|u| u.c()).filter(|&c| is_persian_letter(c)));
            if glued.contains(&key) {
                drop.extend((s..k).filter(|&i| v[i].c() == ZWNJ));
            }
        }
    }
    if !drop.is_empty() {
        let mut i = 0;
        let mut d = 0;
        v.retain(|_| {
            let keep = d >= drop.len() || drop[d] != i;
            if !keep {
                d += 1;
            }
            i += 1;
            keep
        });
    }
    v
}

#[inline]
fn is_word_unit(c: char) -> bool {
    is_persian_letter(c) || is_arabic_mark(c) || c == ZWNJ
}

/// Whether `c` is a combining character that may compose with the previous one.
#[inline]
fn is_combining(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x300 || is_persian_letter(c) || c == ZWNJ {
        // Arabic-script letters and ZWNJ have combining class 0.
        return false;
    }
    matches!(c, '\u{0653}'..='\u{0655}') || unicode_normalization::char::canonical_combining_class(c) != 0
}

impl Normalizer {
    /// A normalizer with the given options.
    pub fn new(opts: NormalizerOptions) -> Self {
        Normalizer { opts, glued: None }
    }

    /// Words this normalizer writes glued, with no ZWNJ inside, whatever the ZWNJ model would restore:
    /// names a caller knows ("قالیباف", "بلینکن") that the lexicons read as compounds ("قالی‌باف", carpet
    /// weaver) or that the character model splits. Words given with a ZWNJ are ignored (the model is asked
    /// for them as usual).
    pub fn with_glued_words<'a>(mut self, words: impl IntoIterator<Item = &'a str>) -> Self {
        let set: std::collections::HashSet<String> = words
            .into_iter()
            .filter(|w| !w.contains(ZWNJ) && w.chars().count() >= 2 && w.chars().all(is_persian_letter))
            .map(str::to_string)
            .collect();
        self.glued = (!set.is_empty()).then(|| std::sync::Arc::new(set));
        self
    }

    /// The options in use.
    pub fn options(&self) -> &NormalizerOptions {
        &self.opts
    }

    /// Loads the ZWNJ model now (it is otherwise loaded on first use); returns the number of lexicon keys.
    pub fn warm_up(&self) -> usize {
        model().len()
    }

    /// Normalizes `input`, keeping the alignment to it.
    pub fn normalize(&self, input: &str) -> NormalizedString {
        let units: Vec<U> = self.run(input);
        let mut normalized = String::with_capacity(input.len() + 8);
        let mut align = Vec::with_capacity(units.len());
        for u in &units {
            normalized.push(u.c);
            align.push((u.s, u.e));
        }
        NormalizedString { original: input.to_string(), normalized, align, original_len: input.chars().count() }
    }

    /// Normalizes `input` to a plain string. Same text as [`normalize`](Self::normalize), without the
    /// alignment bookkeeping.
    pub fn normalize_str(&self, input: &str) -> String {
        if input.is_ascii() {
            // Lines without Arabic script pass through unchanged (NUL and controls included).
            return input.to_string();
        }
        let units: Vec<char> = self.run(input);
        // `String::push` writes the UTF-8 bytes in place (no per-char copy call, no validation pass over the
        // result as `String::from_utf8` would make).
        let mut out = String::with_capacity(units.len() * 2 + 16);
        for &c in &units {
            out.push(c);
        }
        out
    }

    fn run<T: Unit>(&self, input: &str) -> Vec<T> {
        // Pass 1: characters.
        let mut units: Vec<T> = Vec::with_capacity(input.len());
        let mut persian = false;
        let mut last_raw: Option<char> = None;
        // End (in input chars) of the last unit pushed.
        let mut last_e: Option<u32> = None;
        let mut chars = input.chars().enumerate().peekable();
        while let Some((i, c)) = chars.next() {
            let i = i as u32;
            // A ZWNJ right before a combining mark (bidi controls and other dropped characters
            // aside) is stray, the mark belongs to the letter before: drop it here so the mark
            // can compose now, not on a second run.
            let mark_follows = || {
                let mut ahead = chars.clone();
                loop {
                    match ahead.next() {
                        Some((_, n)) if n == ZWNJ || matches!(map_char(n), Mapped::Drop) => continue,
                        Some((_, n)) => break is_combining(n),
                        None => break false,
                    }
                }
            };
            if c == ZWNJ && mark_follows() {
                if last_e == Some(i) {
                    last_e = Some(i + 1);
                }
                continue;
            }
            let (plain, letter) = plain_char(c);
            if plain {
                // Not combining, maps to itself, not a mark.
                persian |= letter;
                last_raw = Some(c);
                units.push(T::new(c, i, i + 1));
                last_e = Some(i + 1);
                continue;
            }
            if is_combining(c) {
                if let (Some(prev), Some(le)) = (last_raw, last_e) {
                    if le == i {
                        if let Some(comp) = unicode_normalization::char::compose(prev, c) {
                            if let Mapped::One(m) = map_char(comp) {
                                let l = units.len() - 1;
                                units[l].set_c(m);
                                units[l].extend_to(i + 1);
                                last_e = Some(i + 1);
                                last_raw = Some(comp);
                                continue;
                            }
                        }
                    }
                }
            }
            match map_char(c) {
                Mapped::One(m) => {
                    if self.opts.remove_diacritics && is_arabic_mark(m) {
                        // Removed: a following mark may still compose with the unit before (as on a second run).
                        if last_e == Some(i) {
                            last_e = Some(i + 1);
                        }
                        continue;
                    }
                    last_raw = Some(c);
                    if !persian && is_persian_letter(m) {
                        persian = true;
                    }
                    units.push(T::new(m, i, i + 1));
                    last_e = Some(i + 1);
                }
                Mapped::Two(a, b) => {
                    persian = true;
                    last_raw = Some(b);
                    units.push(T::new(a, i, i + 1));
                    if !(self.opts.remove_diacritics && is_arabic_mark(b)) {
                        units.push(T::new(b, i, i + 1));
                    }
                    last_e = Some(i + 1);
                }
                Mapped::Drop => {
                    // Dropped (kashida, bidi controls…): a following mark may still compose with the unit before.
                    if last_e == Some(i) {
                        last_e = Some(i + 1);
                    }
                }
                Mapped::Space => {
                    last_raw = Some(c);
                    units.push(T::new(' ', i, i + 1));
                    last_e = Some(i + 1);
                }
            }
        }
        if !persian {
            units.retain(|u| u.c() != ZWNJ);
            return units;
        }
        // Pass 2: white space (tabs, runs, ends) and stray ZWNJ, compacting `units` in place: the kept
        // units are `units[..w]`, the ones still to look at `units[k..]`.
        let n = units.len();
        let mut w = 0;
        // Which kinds of ASCII trigger chars are kept ([`ASCII_KINDS`]): later passes skip their scans for
        // URL/Latin triggers and for ASCII punctuation when none occurs (they add no ASCII char but the space).
        let mut ascii: u8 = 0;
        // A ZWNJ inside a word is kept: the author writes ZWNJ (see `restore_line`).
        let mut has_zwnj = false;
        for k in 0..n {
            let mut u = units[k];
            let c = u.c();
            if !matches!(c, '\t' | ' ' | ZWNJ) {
                // Branch-free: every non-ASCII char reads entry 127 (DEL, no kind).
                ascii |= ASCII_KINDS[(c as u32).min(127) as usize];
                units[w] = u;
                w += 1;
                continue;
            }
            let v = &units[..w];
            if c == '\t' || c == ' ' {
                u.set_c(' ');
                if v.last().is_none_or(|p| p.c() == ' ' || p.c() == '\n') {
                    continue;
                }
                let next = units[k + 1..].iter().find(|x| !matches!(x.c(), ' ' | '\t' | ZWNJ));
                if next.is_none_or(|x| x.c() == '\n' || x.c() == '\r') {
                    continue;
                }
            } else {
                // The last letter kept, unless a unit other than a letter or mark came after it.
                let last_letter =
                    v.iter().rev().find(|p| !is_arabic_mark(p.c())).map(|p| p.c()).filter(|&c| is_persian_letter(c));
                let prev_ok = v.last().is_some_and(|p| is_persian_letter(p.c()) || is_arabic_mark(p.c()))
                    && last_letter.is_some_and(|l| !is_non_joining(l));
                let next_ok = units.get(k + 1).is_some_and(|x| is_persian_letter(x.c()) || is_arabic_mark(x.c()));
                if !(prev_ok && next_ok) {
                    continue;
                }
                has_zwnj = true;
            }
            units[w] = u;
            w += 1;
        }
        units.truncate(w);
        let v = units;
        // Pass 3: ZWNJ restoration.
        let v = if self.opts.restore_zwnj { restore_line(v, self.opts.join_spaced, has_zwnj) } else { v };
        let v = match &self.glued {
            Some(glued) if self.opts.restore_zwnj => keep_glued(v, glued),
            _ => v,
        };
        // Pass 4: punctuation and digits.
        let mut v = if self.opts.fix_punctuation { self.punctuation(v, ascii) } else { v };
        if self.opts.digits != Digits::Keep {
            self.digits(&mut v, ascii);
        }
        v
    }

    fn punctuation<T: Unit>(&self, mut v: Vec<T>, ascii: u8) -> Vec<T> {
        let prot = protected(&v, ascii);
        let is_prot = |k: usize| !prot.is_empty() && prot[k];
        let n = v.len();
        // Pre-pass: Persian comma, semicolon, question mark and (optionally) guillemets next to Persian text.
        let mut in_quote = false;
        let any_prepass = ascii & K_PREPASS != 0;
        for k in 0..if any_prepass { n } else { 0 } {
            if !matches!(v[k].c(), ',' | ';' | '?' | '"') || is_prot(k) {
                continue;
            }
            let prev = v[..k].iter().rev().find(|x| x.c() != ' ').map(|x| x.c());
            let next = v[k + 1..].iter().find(|x| x.c() != ' ').map(|x| x.c());
            let persian_ctx = prev.is_some_and(|c| is_persian_letter(c) || is_arabic_mark(c) || matches!(c, '،' | '؛' | '؟'))
                || next.is_some_and(is_persian_letter);
            let digit_ctx = prev.is_some_and(|c| digit_value(c).is_some()) && next.is_some_and(|c| digit_value(c).is_some());
            if !persian_ctx || digit_ctx {
                continue;
            }
            let c = match v[k].c() {
                ',' => '،',
                ';' => '؛',
                '?' => '؟',
                '"' if self.opts.guillemets => {
                    in_quote = !in_quote;
                    if in_quote { '«' } else { '»' }
                }
                c => c,
            };
            v[k].set_c(c);
        }
        let mut out: Vec<T> = Vec::with_capacity(n + 8);
        let mut skip_space = false;
        let mut k = 0;
        while k < n {
            // Copy the run of units this loop leaves alone.
            let s = k;
            while k < n && !(is_punct_special(v[k].c()) || (skip_space && v[k].c() == ' ')) {
                k += 1;
            }
            if k > s {
                out.extend_from_slice(&v[s..k]);
                skip_space = false;
                if k == n {
                    break;
                }
            }
            let u = v[k];
            let uc = u.c();
            let k0 = k;
            k += 1;
            let k = k0;
            if uc == ' ' && skip_space {
                skip_space = false;
                continue;
            }
            skip_space = false;
            if is_prot(k) {
                out.push(u);
                continue;
            }
            match uc {
                '،' | '.' | '؛' | ':' | '!' | '؟' => {
                    let left_persian = |out: &Vec<T>| {
                        let l = out.len();
                        l >= 2 && out[l - 1].c() == ' ' && (is_persian_letter(out[l - 2].c()) || is_arabic_mark(out[l - 2].c()))
                    };
                    let next_is_punct = v.get(k + 1).is_some_and(|x| x.c() == uc);
                    let collapses = self.opts.collapse_repeated && uc != '.' && uc != ':';
                    if collapses && out.last().is_some_and(|p| p.c() == uc) {
                        continue; // repeated punctuation
                    }
                    if left_persian(&out) && !(uc == '.' && next_is_punct) {
                        out.pop();
                    }
                    let attached =
                        out.last().is_some_and(|p| is_persian_letter(p.c()) || is_arabic_mark(p.c()) || p.c() == uc);
                    out.push(u);
                    let mut j = k + 1;
                    while collapses && j < n && v[j].c() == uc {
                        j += 1;
                    }
                    let nx = v.get(j).map(|x| x.c());
                    if attached
                        && nx.is_some_and(|c| is_persian_letter(c) || c == '«')
                        && (uc != '.' || word_len_before(&out) >= 2)
                    {
                        out.push(u.insert_at_end(' '));
                    }
                }
                '«' => {
                    out.push(u);
                    skip_space = true;
                }
                '»' => {
                    if out.last().is_some_and(|p| p.c() == ' ') {
                        out.pop();
                    }
                    out.push(u);
                }
                _ => out.push(u),
            }
        }
        out
    }

    fn digits<T: Unit>(&self, v: &mut [T], ascii: u8) {
        let prot = protected(v, ascii);
        let is_prot = |k: usize| !prot.is_empty() && prot[k];
        let n = v.len();
        let is_sep = |c: char| matches!(c, '.' | ',' | '/' | ':' | '-' | '٫' | '٬' | '_');
        let mut k = 0;
        while k < n {
            if digit_value(v[k].c()).is_none() || is_prot(k) {
                k += 1;
                continue;
            }
            let start = k;
            while k < n && digit_value(v[k].c()).is_some() {
                k += 1;
            }
            let before = start >= 2 && is_sep(v[start - 1].c()) && digit_value(v[start - 2].c()).is_some();
            let after = k + 1 < n && is_sep(v[k].c()) && digit_value(v[k + 1].c()).is_some();
            if before || after {
                continue;
            }
            for u in &mut v[start..k] {
                let c = u.c();
                let d = digit_value(c).unwrap_or(0);
                u.set_c(match self.opts.digits {
                    Digits::Persian => char::from_u32(0x06F0 + d).unwrap_or(c),
                    Digits::Ascii => char::from_u32('0' as u32 + d).unwrap_or(c),
                    Digits::Keep => c,
                });
            }
        }
    }
}

/// ASCII set as a bitmap.
const fn ascii_set(chars: &[u8]) -> u128 {
    let mut m = 0u128;
    let mut i = 0;
    while i < chars.len() {
        m |= 1u128 << chars[i];
        i += 1;
    }
    m
}

/// Letters, '@', '\\' and ':' (which may start a protected chunk: Latin, e-mail, URL).
const PROTECT_TRIGGER: u128 = ascii_set(b"@\\:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
/// Marks the punctuation pre-pass may turn Persian.
const PREPASS: u128 = ascii_set(b",;?\"");

/// Kind bit of [`ASCII_KINDS`]: a char of [`PROTECT_TRIGGER`].
const K_TRIGGER: u8 = 1;
/// Kind bit of [`ASCII_KINDS`]: a char of [`PREPASS`].
const K_PREPASS: u8 = 2;
/// Per ASCII char, its kind bits (entry 127, DEL, has none: non-ASCII chars are looked up there).
static ASCII_KINDS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 127 {
        if (PROTECT_TRIGGER >> i) & 1 != 0 {
            t[i] |= K_TRIGGER;
        }
        if (PREPASS >> i) & 1 != 0 {
            t[i] |= K_PREPASS;
        }
        i += 1;
    }
    t
};

#[inline(always)]
fn ascii_in(c: char, set: u128) -> bool {
    (c as u32) < 128 && (set >> (c as u32)) & 1 != 0
}

/// Units the punctuation loop acts on.
#[inline]
fn is_punct_special(c: char) -> bool {
    matches!(c, '،' | '.' | '؛' | ':' | '!' | '؟' | '«' | '»')
}

fn word_len_before<T: Unit>(out: &[T]) -> usize {
    // out ends with the punctuation mark
    out[..out.len().saturating_sub(1)].iter().rev().take_while(|u| is_word_unit(u.c())).count()
}

/// Marks units inside white-space-delimited chunks that hold Latin letters, URLs or e-mail addresses.
/// Returns an empty vector when nothing is protected (the common case: no allocation). `ascii` holds the
/// [`ASCII_KINDS`] of (at least) the chars in `v`: without a trigger among them, `v` is not scanned.
fn protected<T: Unit>(v: &[T], ascii: u8) -> Vec<bool> {
    if ascii & K_TRIGGER == 0 {
        return Vec::new();
    }
    let url = |k: usize| v.get(k + 1).is_some_and(|x| x.c() == '/') && v.get(k + 2).is_some_and(|x| x.c() == '/');
    if !(0..v.len()).any(|k| ascii_in(v[k].c(), PROTECT_TRIGGER) && (v[k].c() != ':' || url(k))) {
        return Vec::new();
    }
    let mut prot = vec![false; v.len()];
    let mut k = 0;
    while k < v.len() {
        if v[k].c() == ' ' {
            k += 1;
            continue;
        }
        let s = k;
        while k < v.len() && v[k].c() != ' ' {
            k += 1;
        }
        let chunk = &v[s..k];
        let latin = chunk.iter().any(|u| u.c().is_ascii_alphabetic() || u.c() == '@' || u.c() == '\\');
        let url = chunk.windows(3).any(|w| w[0].c() == ':' && w[1].c() == '/' && w[2].c() == '/');
        if latin || url {
            // Keep trailing Persian punctuation and opening/closing marks outside the protection.
            let mut e = k;
            while e > s && matches!(v[e - 1].c(), '،' | '؛' | '؟' | '»' | ')') {
                e -= 1;
            }
            let mut b = s;
            while b < e && matches!(v[b].c(), '«' | '(') {
                b += 1;
            }
            for p in &mut prot[b..e] {
                *p = true;
            }
        }
    }
    prot
}

/// A word or another unit of a line during ZWNJ restoration: a span of the restored line and, for words,
/// the span of its letters in the key buffer and the word's id in the thread's word table.
#[derive(Clone, Copy)]
struct Item {
    word: bool,
    s: u32,
    e: u32,
    ks: u32,
    ke: u32,
    id: u32,
    /// Join pass in which the item was last changed (0: never).
    changed: u32,
}

/// Restores ZWNJ inside words (each ZWNJ-delimited part separately) and, with `join_spaced`,
/// joins affixes written apart. The line is edited in place: restored ZWNJ are recorded as insertions,
/// joined spaces become ZWNJ or are marked for removal, and the line is rebuilt only if something changed.
/// `has_zwnj`: the line holds a ZWNJ inside a word (the author's).
fn restore_line<T: Unit>(v: Vec<T>, join_spaced: bool, has_zwnj: bool) -> Vec<T> {
    SCRATCH.with(|scratch| {
        // A re-entrant call (not possible today) would get fresh buffers instead of panicking.
        let mut fresh = Scratch::default();
        let mut guard = scratch.try_borrow_mut();
        let scratch = guard.as_deref_mut().unwrap_or(&mut fresh);
        scratch.items.clear();
        scratch.keys.clear();
        scratch.ins.clear();
        scratch.dead.clear();
        with_words(|words| restore_line_with(words, v, join_spaced, has_zwnj, scratch))
    })
}

/// Per-thread buffers of [`restore_line`], reused from line to line (no allocation per line).
#[derive(Default)]
struct Scratch {
    items: Vec<Item>,
    keys: Vec<char>,
    /// Positions before which a ZWNJ is inserted (increasing).
    ins: Vec<u32>,
    /// Positions removed (joined spaces).
    dead: Vec<u32>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

fn restore_line_with<T: Unit>(
    words: &mut Words,
    mut v: Vec<T>,
    join_spaced: bool,
    has_zwnj: bool,
    scratch: &mut Scratch,
) -> Vec<T> {
    let n = v.len();
    let Scratch { items, keys, ins, dead } = scratch;
    let mut k = 0;
    // A Persian word came before on the line.
    let mut words_before = false;
    while k < n {
        if is_persian_letter(v[k].c()) {
            let s = k;
            while k < n && is_word_unit(v[k].c()) {
                k += 1;
            }
            // Trailing ZWNJ cannot occur (cleaned), marks stay with their letter.
            let ks = keys.len();
            let ins0 = ins.len();
            let id = if v[s].c() == '\u{0648}' && second_part_of_compound(&v, s, k) {
                // "گفت وگوهای" written apart: "وگوهای" is the second part of "گفت‌وگوهای", restored as one.
                restore_second_part(words, &v, s, k, keys, ins, join_spaced)
            } else {
                restore_word_at(words, &v, s, k, keys, ins, join_spaced)
            };
            if ins.len() > ins0 {
                indefinite_in_context(words, &v, s, k, &keys[ks..], &mut ins[ins0..], words_before);
            }
            words_before = true;
            if join_spaced {
                items.push(Item {
                    word: true,
                    s: s as u32,
                    e: k as u32,
                    ks: ks as u32,
                    ke: keys.len() as u32,
                    id,
                    changed: 0,
                });
            } else {
                keys.clear();
            }
        } else {
            let s = k;
            while k < n && !is_persian_letter(v[k].c()) {
                k += 1;
            }
            if join_spaced {
                items.push(Item { word: false, s: s as u32, e: k as u32, ks: 0, ke: 0, id: 0, changed: 0 });
            }
        }
    }
    if join_spaced {
        // Writing style of the line: ZWNJ restored inside glued words (or written by the author) and no affix
        // written apart means the author glues or writes ZWNJ; their spaces are then real and only affixes are
        // joined, no compound. Counting the author's ZWNJ also makes a second run see the
        // style the first run saw (its output has the ZWNJ the first run restored).
        let glued_style = !ins.is_empty() || has_zwnj;
        let spaced = glued_style && has_spaced_affix(words, &v, items);
        let strict = glued_style && !spaced;
        if !ins.is_empty() && (spaced || has_zwnj) && only_glued_spellings(words, &v, items, keys, ins) {
            ins.clear();
        }
        join_line(words, &mut v, items, keys, strict, dead);
        if !ins.is_empty() {
            joined_as_parts(words, &v, items, keys, ins);
        }
    }
    if ins.is_empty() && dead.is_empty() {
        return v;
    }
    dead.sort_unstable();
    let mut out: Vec<T> = Vec::with_capacity(n + ins.len());
    let (mut i, mut d) = (0, 0);
    for (r, u) in v.iter().enumerate() {
        if d < dead.len() && dead[d] as usize == r {
            d += 1;
            continue;
        }
        if i < ins.len() && ins[i] as usize == r {
            i += 1;
            out.push(u.insert_at_start(ZWNJ));
        }
        out.push(*u);
    }
    out
}

/// Words after which a glued "...های" is the indefinite "ه‌ای", not a plural with its ezafe: a plural's ezafe
/// needs a complement, and these cannot be one ("گوشه‌ای از جهان", "نامه‌ای که", "لحظه‌ای است").
const NO_EZAFE_COMPLEMENT: &[&str] = &["که", "از", "برای", "به", "را", "است", "بود", "نیست", "بودند", "شد"];

/// The next word decides a glued "Xهای" (the letters `v[s..e]`, its key `key`, restored with the ZWNJ positions
/// `ins`) that reads both as the plural "X‌های" and as "Xه‌ای" (see [`Words::heh_reading`]): where the word
/// restored as the plural ends its clause (a punctuation mark, the end of a line with words before it) or is
/// followed by a word that cannot complete an ezafe ([`NO_EZAFE_COMPLEMENT`]), its ZWNJ moves after the heh.
/// Only words written glued (no mark, no ZWNJ of the author's) are touched.
fn indefinite_in_context<T: Unit>(
    words: &Words,
    v: &[T],
    s: usize,
    e: usize,
    key: &[char],
    ins: &mut [u32],
    words_before: bool,
) {
    let n = key.len();
    if n < 5 || key[n - 3] != '\u{0647}' || e - s != n {
        return;
    }
    let before_heh = (s + n - 3) as u32;
    let Some(at) = ins.iter().rposition(|&p| p == before_heh) else { return };
    let mut k = e;
    while k < v.len() && v[k].c() == ' ' {
        k += 1;
    }
    let ends_clause = match v.get(k).map(|u| u.c()) {
        None | Some('\n' | '\r') => words_before,
        Some('.' | '،' | '؛' | ':' | '!' | '؟' | '?' | ',') => true,
        Some(c) if k > e && is_persian_letter(c) => {
            let mut z = k;
            while z < v.len() && is_persian_letter(v[z].c()) {
                z += 1;
            }
            let boundary = v.get(z).is_none_or(|u| !is_word_unit(u.c()));
            boundary && NO_EZAFE_COMPLEMENT.iter().any(|w| w.chars().eq(v[k..z].iter().map(|u| u.c())))
        }
        _ => false,
    };
    if ends_clause && words.heh_reading(key) {
        ins[at] = before_heh + 1;
    }
}

/// Whether `items[i]` and `items[i + 2]` are words with one plain space between them.
#[inline]
fn is_space_between<T: Unit>(items: &[Item], v: &[T], i: usize) -> bool {
    let sp = &items[i + 1];
    items[i].word && !sp.word && sp.e == sp.s + 1 && v[sp.s as usize].c() == ' ' && items[i + 2].word
}

/// Whether the line writes an affix apart ("می شود", "کتاب ها"): its author (or a copy) puts spaces where
/// ZWNJ belong.
fn has_spaced_affix<T: Unit>(words: &Words, v: &[T], items: &[Item]) -> bool {
    (0..items.len().saturating_sub(2))
        .any(|i| is_space_between(items, v, i) && words.spaced_affix(items[i].id, items[i + 2].id))
}

/// Whether every word (ZWNJ part of a word) that got a ZWNJ in `ins` is also a lexicon word in its glued
/// spelling ("دستشویی", "پیشگام"). In a line whose author writes ZWNJ, or spaces where ZWNJ belong, such a
/// glued word is the author's spelling and is kept. One word the lexicons never write glued ("سازمانهای",
/// "بینالمللی") shows instead that the line lost ZWNJ it had (a copy strips ZWNJ but keeps the spaces its writer
/// typed), and then every word is restored. Parts are judged on their own, as a second run sees them once a
/// piece written apart has been joined ("بیشک" of "بیشک‌تر").
#[inline(never)]
fn only_glued_spellings<T: Unit>(words: &mut Words, v: &[T], items: &[Item], keys: &[char], ins: &[u32]) -> bool {
    let mut p = 0;
    for it in items.iter().filter(|it| it.word) {
        while p < ins.len() && ins[p] <= it.s {
            p += 1;
        }
        if p >= ins.len() || ins[p] >= it.e {
            continue;
        }
        let all = word_parts(v, it, |part| {
            let got = ins[p..].iter().take_while(|&&q| (q as usize) < part.ue).any(|&q| q as usize > part.us);
            if !got || part.le == part.ls {
                return true;
            }
            let key = &keys[part.ls..part.le];
            let id = words.id(key);
            words.glued_spelling(id, key)
        });
        if !all {
            return false;
        }
    }
    true
}

/// One ZWNJ-delimited part of a word item: units `v[us..ue]`, letters `keys[ls..le]`; `plain` when it has
/// letters only (no mark, no "ۀ").
struct Part {
    us: usize,
    ue: usize,
    ls: usize,
    le: usize,
    plain: bool,
}

/// Calls `f` with the parts of the word `it` in order while it returns true; returns whether it always did.
fn word_parts<T: Unit>(v: &[T], it: &Item, mut f: impl FnMut(&Part) -> bool) -> bool {
    let mut part = Part { us: it.s as usize, ue: 0, ls: it.ks as usize, le: it.ks as usize, plain: true };
    for k in it.s as usize..=it.e as usize {
        if k < it.e as usize && v[k].c() != ZWNJ {
            let c = v[k].c();
            let letter = is_persian_letter(c);
            part.le += letter as usize;
            part.plain &= letter && c != HEH_YEH;
            continue;
        }
        part.ue = k;
        if !f(&part) {
            return false;
        }
        part = Part { us: k + 1, ue: 0, ls: part.le, le: part.le, plain: true };
    }
    true
}

/// Joins pieces written apart, until nothing changes (spans in `items` are positions in `v`; a joined space
/// becomes a ZWNJ in `v` or is pushed to `dead`). With `strict` (a line written in the glued style: see
/// [`restore_line_with`]) only affixes and fragments are joined, no compound of two words.
#[inline(never)]
fn join_line<T: Unit>(words: &mut Words, v: &mut [T], items: &mut Vec<Item>, keys: &[char], strict: bool, dead: &mut Vec<u32>) {
    // A pair whose two words are unchanged since the previous pass got the same (cached) answer then.
    let mut joining = true;
    let mut pass = 0u32;
    while joining {
        pass += 1;
        let mut changed = false;
        let mut i = 0;
        while i + 2 < items.len() {
            let fresh = pass == 1 || items[i].changed + 1 >= pass || items[i + 2].changed + 1 >= pass;
            if !fresh || !is_space_between(items, v, i) {
                i += 1;
                continue;
            }
            let (ia, ib) = (&items[i], &items[i + 2]);
            let ka = &keys[ia.ks as usize..ia.ke as usize];
            let kb = &keys[ib.ks as usize..ib.ke as usize];
            let mut merged = words.merge(ia.id, ka, ib.id, kb, strict);
            if !strict {
                // A participle after a noun: a compound adjective in a noun phrase, apart in a verb phrase.
                // The word after the pair, when a plain space separates it.
                let next = if i + 4 < items.len() && is_space_between(items, v, i + 2) {
                    &keys[items[i + 4].ks as usize..items[i + 4].ke as usize]
                } else {
                    &[][..]
                };
                match words.adjectival_participle(ka, kb, next) {
                    Some(true) if merged.is_none() => merged = Some(1u64 << (ka.len() - 1)),
                    Some(false) => merged = None,
                    _ => {}
                }
            }
            let Some(mask) = merged else {
                i += 1;
                continue;
            };
            let (a, sp, b) = (items[i], items[i + 1], items[i + 2]);
            let jbit = 1u64 << (ka.len() - 1);
            // The last unit of `a` is a unit of the input (restored ZWNJ are only inserted before letters).
            let lc = v[a.e as usize - 1].c();
            let ends_zwnj_ok = (is_persian_letter(lc) || is_arabic_mark(lc)) && lc != HEH_YEH;
            if mask & jbit != 0 && ends_zwnj_ok && !is_non_joining(ka[ka.len() - 1]) {
                v[sp.s as usize].set_c(ZWNJ);
            } else {
                dead.push(sp.s);
            }
            let id = words.id(&keys[a.ks as usize..b.ke as usize]);
            items[i] = Item { word: true, s: a.s, e: b.e, ks: a.ks, ke: b.ke, id, changed: pass };
            items.drain(i + 1..i + 3);
            changed = true;
        }
        joining = changed;
    }
}

/// Pieces joined to their neighbours with a ZWNJ become parts of a ZWNJ word, which are restored by the lexicon
/// only ([`Words::restore_part`]): a part that got ZWNJ takes exactly its part restoration, so ZWNJ the character
/// model or the context put into a piece on its own are replaced ("گفت وگوهای" → "گفت‌وگوهای", not "گفت‌وگوه‌ای"),
/// as a second run would see them. Parts with marks are left as they are.
#[cold]
#[inline(never)]
fn joined_as_parts<T: Unit>(words: &mut Words, v: &[T], items: &[Item], keys: &[char], ins: &mut Vec<u32>) {
    for it in items.iter().filter(|it| it.word && it.changed != 0) {
        let mut after_prefix = false;
        word_parts(v, it, |part| {
            let key = &keys[part.ls..part.le];
            let first = ins.partition_point(|&p| p as usize <= part.us);
            if part.plain && ins.get(first).is_some_and(|&p| (p as usize) < part.ue) {
                let id = words.id(key);
                let m = words.restore_part(id, key, after_prefix);
                // The part's ZWNJ become the part's own restoration, as a second run reads them: also where the
                // glued word's context had moved one ("نمی بیشهای": "بیشه‌ای" at the line's end, but "بیش‌های"
                // as the part after "نمی‌").
                ins.retain(|&p| {
                    let p = p as usize;
                    p <= part.us || p >= part.ue
                });
                // `first` still points after the ZWNJ before the part (only the part's own were removed).
                let own = (0..64).filter(|b| m & (1u64 << b) != 0).map(|b| (part.us + 1 + b) as u32);
                ins.splice(first..first, own.filter(|&p| (p as usize) < part.ue));
            }
            after_prefix = is_verb_prefix(key);
            true
        });
    }
}

/// "ۀ" (heh with yeh above, U+06C0): kept as written, looked up as "ه".
const HEH_YEH: char = '\u{06C0}';

/// Restores ZWNJ in the word `v[s..e]` (letters, marks, ZWNJ), part by part: appends its letters (the lookup
/// key) to `keys` and the positions before which a ZWNJ goes to `ins`. Returns the id of the whole word's key
/// when `want_id` (else 0). A word with a letter after "ۀ" is handed to [`restore_word_split_heh_yeh`].
fn restore_word_at<T: Unit>(
    words: &mut Words,
    v: &[T],
    s: usize,
    e: usize,
    keys: &mut Vec<char>,
    ins: &mut Vec<u32>,
    want_id: bool,
) -> u32 {
    let ws = keys.len();
    let ins0 = ins.len();
    let mut ps = s;
    let mut parts = 0;
    let mut last_id = 0;
    // The previous part was a verb prefix: this part is the rest of the verb form and takes no second prefix
    // (as the analysis of the glued word gives: "نمی‌میرند", not "نمی‌می‌رند").
    let mut after_prefix = false;
    // Where the previous part's key starts ("گفت" of "گفت‌وگوهای"); it ends where this part's starts.
    let mut prev_ks = 0;
    for k in s..=e {
        if k < e && v[k].c() != ZWNJ {
            continue;
        }
        let ks = keys.len();
        let mut plain = true;
        for (j, u) in v[ps..k].iter().enumerate() {
            let c = u.c();
            if c == HEH_YEH {
                if v[ps + j + 1..k].iter().any(|x| is_persian_letter(x.c())) {
                    // A letter after "ۀ": start over, splitting the word after it.
                    keys.truncate(ws);
                    ins.truncate(ins0);
                    return restore_word_split_heh_yeh(words, v, s, e, keys, ins, want_id);
                }
                // "ۀ" is looked up as the heh it is written on ("خانۀ" as "خانه"); being non-joining, it
                // takes no ZWNJ after it (checked where ZWNJ are inserted).
                keys.push('\u{0647}');
                plain = false;
            } else if is_persian_letter(c) {
                keys.push(c);
            } else {
                plain = false;
            }
        }
        let key = &keys[ks..];
        let id = words.id(key);
        last_id = id;
        parts += 1;
        // A word with a ZWNJ is restored part by part, each part by the lexicon only.
        let multi = parts > 1 || k < e;
        let mask = if parts > 1 && key.first() == Some(&'\u{0648}') && after_vav_stem(keys, prev_ks, ks) {
            // The second part of "گفت‌وگو", "جست‌وجو" takes its endings glued ("جست‌وجوهای", not "جست‌وجوه‌ای").
            0
        } else if multi {
            words.restore_part(id, key, after_prefix)
        } else {
            words.restore(id, key)
        };
        after_prefix = is_verb_prefix(key);
        prev_ks = ks;
        if mask != 0 {
            if plain {
                let mut m = mask;
                while m != 0 {
                    let g = m.trailing_zeros() as usize;
                    m &= m - 1;
                    ins.push((ps + g + 1) as u32);
                }
            } else {
                let mut next_letter = 0;
                let mut prev_letter = ' ';
                for (j, u) in v[ps..k].iter().enumerate() {
                    if is_persian_letter(u.c()) {
                        if next_letter > 0 && mask & (1u64 << (next_letter - 1)) != 0 && !is_non_joining(prev_letter) {
                            ins.push((ps + j) as u32);
                        }
                        next_letter += 1;
                        prev_letter = u.c();
                    }
                }
            }
        }
        ps = k + 1;
    }
    if !want_id {
        return 0;
    }
    if parts == 1 { last_id } else { words.id(&keys[ws..]) }
}

/// Compounds of two stems joined by "و" ("گفت‌وگو", "جست‌وجو", "شست‌وشو", "پرس‌وجو", "رفت‌وآمد", "گفت‌وشنود",
/// "ساخت‌وساز", "زدوخورد", "دادوستد"): first part, and the start of the second.
const VAV_COMPOUNDS: &[(&str, &str)] = &[
    ("گفت", "وگو"),
    ("گفت", "وشنود"),
    ("جست", "وجو"),
    ("پرس", "وجو"),
    ("شست", "وشو"),
    ("رفت", "وآمد"),
    ("ساخت", "وساز"),
    ("زد", "وخورد"),
    ("داد", "وستد"),
];

/// Whether `second` (the letters of a word or part) starts the second part of a [`VAV_COMPOUNDS`] compound whose
/// first part is `first`.
fn vav_compound(
    first: impl Iterator<Item = char> + Clone,
    second: impl Iterator<Item = char> + Clone,
    second_len: usize,
) -> bool {
    VAV_COMPOUNDS.iter().any(|(a, b)| {
        second_len >= b.chars().count() && a.chars().eq(first.clone()) && b.chars().zip(second.clone()).all(|(x, y)| x == y)
    })
}

/// Whether the part whose key is `keys[ks..]` follows the first part `keys[prev_ks..ks]` of a [`VAV_COMPOUNDS`]
/// compound ("گفت" + "وگوهای").
#[cold]
#[inline(never)]
fn after_vav_stem(keys: &[char], prev_ks: usize, ks: usize) -> bool {
    vav_compound(keys[prev_ks..ks].iter().copied(), keys[ks..].iter().copied(), keys.len() - ks)
}

/// Whether the word at `v[s..e]` is the second part of a compound written apart, one space after its first
/// ("گفت وگوهای"), not a word of its own.
#[cold]
#[inline(never)]
fn second_part_of_compound<T: Unit>(v: &[T], s: usize, e: usize) -> bool {
    // Second parts have three letters or more; "و" alone, the most frequent word, is none.
    if v[s].c() != '\u{0648}' || e - s < 3 || s < 3 || v[s - 1].c() != ' ' {
        return false;
    }
    let mut b = s - 1;
    while b > 0 && is_word_unit(v[b - 1].c()) {
        b -= 1;
    }
    (b == 0 || !is_word_unit(v[b - 1].c()))
        && vav_compound(v[b..s - 1].iter().map(|u| u.c()), v[s..e].iter().map(|u| u.c()), e - s)
}

/// The second part of a compound written apart ([`second_part_of_compound`]) takes its endings glued, as
/// after a ZWNJ ("وگوهای", not the character model's "وگوه‌ای"): its letters become its key, no ZWNJ is
/// restored. A part with marks or a ZWNJ of its own goes the common way.
fn restore_second_part<T: Unit>(
    words: &mut Words,
    v: &[T],
    s: usize,
    e: usize,
    keys: &mut Vec<char>,
    ins: &mut Vec<u32>,
    want_id: bool,
) -> u32 {
    if v[s..e].iter().any(|u| !is_persian_letter(u.c())) {
        return restore_word_at(words, v, s, e, keys, ins, want_id);
    }
    let ks = keys.len();
    keys.extend(v[s..e].iter().map(|u| u.c()));
    if want_id { words.id(&keys[ks..]) } else { 0 }
}

/// [`restore_word_at`] for a word with a letter after "ۀ" (rare). "ۀ" (an ezafe on a final heh) ends its word:
/// letters glued after it are analysed as a part of their own, as they would be after a ZWNJ (no ZWNJ can follow
/// the non-joining "ۀ"). Each piece goes through the common path; the whole word's id is that of all its letters.
#[cold]
#[inline(never)]
fn restore_word_split_heh_yeh<T: Unit>(
    words: &mut Words,
    v: &[T],
    s: usize,
    e: usize,
    keys: &mut Vec<char>,
    ins: &mut Vec<u32>,
    want_id: bool,
) -> u32 {
    let ws = keys.len();
    let mut a = s;
    let mut seen = false;
    for k in s..e {
        let c = v[k].c();
        if seen && is_persian_letter(c) {
            restore_word_at(words, v, a, k, keys, ins, false);
            a = k;
        }
        seen = c == HEH_YEH || (seen && !is_persian_letter(c));
    }
    restore_word_at(words, v, a, e, keys, ins, false);
    if want_id { words.id(&keys[ws..]) } else { 0 }
}

/// Restores ZWNJ in one glued Persian word (no spaces). Words that need no change are borrowed.
pub fn restore_zwnj_word(word: &str) -> std::borrow::Cow<'_, str> {
    if !word.chars().any(is_persian_letter) || word.chars().any(|c| c.is_whitespace()) {
        return std::borrow::Cow::Borrowed(word);
    }
    let units: Vec<char> = word.chars().collect();
    if !units.iter().all(|&c| is_word_unit(c)) {
        return std::borrow::Cow::Borrowed(word);
    }
    let mut keys = Vec::with_capacity(units.len());
    let mut ins = Vec::new();
    with_words(|words| restore_word_at(words, &units, 0, units.len(), &mut keys, &mut ins, false));
    if ins.is_empty() {
        return std::borrow::Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len() + 3 * ins.len());
    let mut i = 0;
    for (r, &c) in units.iter().enumerate() {
        if i < ins.len() && ins[i] as usize == r {
            i += 1;
            out.push(ZWNJ);
        }
        out.push(c);
    }
    std::borrow::Cow::Owned(out)
}
