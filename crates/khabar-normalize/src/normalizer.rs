//! The normalization pipeline with alignment.

use std::ops::Range;

use crate::chars::{Mapped, ZWNJ, digit_value, is_arabic_mark, is_non_joining, is_persian_letter, map_char};
use crate::model::{merge_cached, model, restore_cached, spaced_affix};

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
    /// Persian comma/semicolon/question mark, spacing around punctuation and guillemets, repeated punctuation.
    pub fix_punctuation: bool,
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
            guillemets: false,
        }
    }
}

/// A Persian normalizer. Cheap to create and to share (`Send + Sync`); the ZWNJ model is loaded once per process.
#[derive(Clone, Debug, Default)]
pub struct Normalizer {
    opts: NormalizerOptions,
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

#[derive(Clone, Copy, Debug)]
struct U {
    c: char,
    s: u32,
    e: u32,
}

fn is_word_unit(c: char) -> bool {
    is_persian_letter(c) || is_arabic_mark(c) || c == ZWNJ
}

impl Normalizer {
    /// A normalizer with the given options.
    pub fn new(opts: NormalizerOptions) -> Self {
        Normalizer { opts }
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
        let mut units = Vec::with_capacity(input.len());
        self.run(input, &mut units);
        let mut normalized = String::with_capacity(input.len());
        let mut align = Vec::with_capacity(units.len());
        for u in &units {
            normalized.push(u.c);
            align.push((u.s, u.e));
        }
        NormalizedString { original: input.to_string(), normalized, align, original_len: input.chars().count() }
    }

    /// Normalizes `input` to a plain string.
    pub fn normalize_str(&self, input: &str) -> String {
        if input.is_ascii() && !input.contains('\u{0}') {
            return self.ascii_fast(input);
        }
        let mut units = Vec::with_capacity(input.len());
        self.run(input, &mut units);
        let mut out = String::with_capacity(input.len() + 8);
        out.extend(units.iter().map(|u| u.c));
        out
    }

    fn ascii_fast(&self, input: &str) -> String {
        // Lines without Arabic script pass through unchanged.
        input.to_string()
    }

    fn run(&self, input: &str, out: &mut Vec<U>) {
        // Pass 1: characters.
        let mut units: Vec<U> = Vec::with_capacity(input.len());
        let mut persian = false;
        let mut last_raw: Option<char> = None;
        for (i, c) in input.chars().enumerate() {
            let i = i as u32;
            let is_comb = matches!(c, '\u{0653}'..='\u{0655}')
                || ((c as u32) >= 0x300 && unicode_normalization::char::canonical_combining_class(c) != 0);
            if is_comb {
                if let (Some(prev), Some(last)) = (last_raw, units.last().copied()) {
                    if last.e == i {
                        if let Some(comp) = unicode_normalization::char::compose(prev, c) {
                            if let Mapped::One(m) = map_char(comp) {
                                let l = units.len() - 1;
                                units[l].c = m;
                                units[l].e = i + 1;
                                last_raw = Some(comp);
                                continue;
                            }
                        }
                    }
                }
            }
            last_raw = Some(c);
            match map_char(c) {
                Mapped::One(m) => {
                    if is_arabic_mark(m) && self.opts.remove_diacritics {
                        continue;
                    }
                    if !persian && is_persian_letter(m) {
                        persian = true;
                    }
                    units.push(U { c: m, s: i, e: i + 1 });
                }
                Mapped::Two(a, b) => {
                    persian = true;
                    last_raw = Some(b);
                    units.push(U { c: a, s: i, e: i + 1 });
                    if !(self.opts.remove_diacritics && is_arabic_mark(b)) {
                        units.push(U { c: b, s: i, e: i + 1 });
                    }
                }
                Mapped::Drop => {}
                Mapped::Space => units.push(U { c: ' ', s: i, e: i + 1 }),
            }
        }
        if !persian {
            out.extend(units.into_iter().filter(|u| u.c != ZWNJ));
            return;
        }
        // Pass 2: white space (tabs, runs, ends) and stray ZWNJ.
        let mut v: Vec<U> = Vec::with_capacity(units.len());
        let n = units.len();
        let mut last_letter: Option<char> = None;
        for k in 0..n {
            let mut u = units[k];
            if u.c == '\t' {
                u.c = ' ';
            }
            if u.c == ' ' {
                if v.is_empty() || v.last().is_some_and(|p| p.c == ' ' || p.c == '\n') {
                    continue;
                }
                let next = units[k + 1..].iter().find(|x| x.c != ' ' && x.c != '\t' && x.c != ZWNJ);
                if next.is_none_or(|x| x.c == '\n' || x.c == '\r') {
                    continue;
                }
            }
            if u.c == ZWNJ {
                let prev_ok = v.last().is_some_and(|p| is_persian_letter(p.c) || is_arabic_mark(p.c))
                    && last_letter.is_some_and(|l| !is_non_joining(l));
                let next_ok = units.get(k + 1).is_some_and(|x| is_persian_letter(x.c) || is_arabic_mark(x.c));
                if !(prev_ok && next_ok) {
                    continue;
                }
            }
            if is_persian_letter(u.c) {
                last_letter = Some(u.c);
            } else if !is_arabic_mark(u.c) {
                last_letter = None;
            }
            v.push(u);
        }
        // Pass 3: ZWNJ restoration.
        let v = if self.opts.restore_zwnj { restore_line(v, self.opts.join_spaced) } else { v };
        // Pass 4: punctuation and digits.
        let v = if self.opts.fix_punctuation { self.punctuation(v) } else { v };
        if self.opts.digits != Digits::Keep {
            out.extend(self.digits(v));
        } else {
            out.extend(v);
        }
    }

    fn punctuation(&self, mut v: Vec<U>) -> Vec<U> {
        let prot = protected(&v);
        let n = v.len();
        // Pre-pass: Persian comma, semicolon, question mark and (optionally) guillemets next to Persian text.
        let mut in_quote = false;
        for k in 0..n {
            if prot[k] || !matches!(v[k].c, ',' | ';' | '?' | '"') {
                continue;
            }
            let prev = v[..k].iter().rev().find(|x| x.c != ' ').map(|x| x.c);
            let next = v[k + 1..].iter().find(|x| x.c != ' ').map(|x| x.c);
            let persian_ctx = prev.is_some_and(|c| is_persian_letter(c) || is_arabic_mark(c) || matches!(c, '،' | '؛' | '؟'))
                || next.is_some_and(is_persian_letter);
            let digit_ctx = prev.is_some_and(|c| digit_value(c).is_some()) && next.is_some_and(|c| digit_value(c).is_some());
            if !persian_ctx || digit_ctx {
                continue;
            }
            v[k].c = match v[k].c {
                ',' => '،',
                ';' => '؛',
                '?' => '؟',
                '"' if self.opts.guillemets => {
                    in_quote = !in_quote;
                    if in_quote { '«' } else { '»' }
                }
                c => c,
            };
        }
        let mut out: Vec<U> = Vec::with_capacity(n + 8);
        let mut skip_space = false;
        for k in 0..n {
            let u = v[k];
            if u.c == ' ' && skip_space {
                skip_space = false;
                continue;
            }
            skip_space = false;
            if prot[k] {
                out.push(u);
                continue;
            }
            match u.c {
                '،' | '.' | '؛' | ':' | '!' | '؟' => {
                    let left_persian = |out: &Vec<U>| {
                        let l = out.len();
                        l >= 2 && out[l - 1].c == ' ' && (is_persian_letter(out[l - 2].c) || is_arabic_mark(out[l - 2].c))
                    };
                    let next_is_punct = v.get(k + 1).is_some_and(|x| x.c == u.c);
                    if u.c != '.' && u.c != ':' && out.last().is_some_and(|p| p.c == u.c) {
                        continue; // repeated punctuation
                    }
                    if left_persian(&out) && !(u.c == '.' && next_is_punct) {
                        out.pop();
                    }
                    let attached = out.last().is_some_and(|p| is_persian_letter(p.c) || is_arabic_mark(p.c) || p.c == u.c);
                    out.push(u);
                    let mut j = k + 1;
                    while u.c != '.' && u.c != ':' && j < n && v[j].c == u.c {
                        j += 1;
                    }
                    let nx = v.get(j).map(|x| x.c);
                    if attached && nx.is_some_and(|c| is_persian_letter(c) || c == '«') && (u.c != '.' || word_len_before(&out) >= 2) {
                        out.push(U { c: ' ', s: u.e, e: u.e });
                    }
                }
                '«' => {
                    out.push(u);
                    skip_space = true;
                }
                '»' => {
                    if out.last().is_some_and(|p| p.c == ' ') {
                        out.pop();
                    }
                    out.push(u);
                }
                _ => out.push(u),
            }
        }
        out
    }

    fn digits(&self, mut v: Vec<U>) -> Vec<U> {
        let prot = protected(&v);
        let n = v.len();
        let is_sep = |c: char| matches!(c, '.' | ',' | '/' | ':' | '-' | '٫' | '٬' | '_');
        let mut k = 0;
        while k < n {
            if prot[k] || digit_value(v[k].c).is_none() {
                k += 1;
                continue;
            }
            let start = k;
            while k < n && digit_value(v[k].c).is_some() {
                k += 1;
            }
            let before = start >= 2 && is_sep(v[start - 1].c) && digit_value(v[start - 2].c).is_some();
            let after = k + 1 < n && is_sep(v[k].c) && digit_value(v[k + 1].c).is_some();
            if before || after {
                continue;
            }
            for u in &mut v[start..k] {
                let d = digit_value(u.c).unwrap_or(0);
                u.c = match self.opts.digits {
                    Digits::Persian => char::from_u32(0x06F0 + d).unwrap_or(u.c),
                    Digits::Ascii => char::from_u32('0' as u32 + d).unwrap_or(u.c),
                    Digits::Keep => u.c,
                };
            }
        }
        v
    }
}

fn word_len_before(out: &[U]) -> usize {
    // out ends with the punctuation mark
    out[..out.len().saturating_sub(1)].iter().rev().take_while(|u| is_word_unit(u.c)).count()
}

/// Marks units inside white-space-delimited chunks that hold Latin letters, URLs or e-mail addresses.
fn protected(v: &[U]) -> Vec<bool> {
    let mut prot = vec![false; v.len()];
    let mut k = 0;
    while k < v.len() {
        if v[k].c == ' ' {
            k += 1;
            continue;
        }
        let s = k;
        while k < v.len() && v[k].c != ' ' {
            k += 1;
        }
        let chunk = &v[s..k];
        let latin = chunk.iter().any(|u| u.c.is_ascii_alphabetic() || u.c == '@' || u.c == '\\');
        let url = chunk.windows(3).any(|w| w[0].c == ':' && w[1].c == '/' && w[2].c == '/');
        if latin || url {
            // Keep trailing Persian punctuation and opening/closing marks outside the protection.
            let mut e = k;
            while e > s && matches!(v[e - 1].c, '،' | '؛' | '؟' | '»' | ')') {
                e -= 1;
            }
            let mut b = s;
            while b < e && matches!(v[b].c, '«' | '(') {
                b += 1;
            }
            for p in &mut prot[b..e] {
                *p = true;
            }
        }
    }
    prot
}

enum Item {
    Word(Vec<U>),
    Other(U),
}

fn word_key(w: &[U]) -> Vec<char> {
    w.iter().filter(|u| is_persian_letter(u.c)).map(|u| u.c).collect()
}

/// Restores ZWNJ inside words (each ZWNJ-delimited part separately) and, with `join_spaced`,
/// joins affixes written apart.
fn restore_line(v: Vec<U>, join_spaced: bool) -> Vec<U> {
    let mut items: Vec<Item> = Vec::with_capacity(v.len() / 4);
    // Writing style of the line: ZWNJ restored inside glued words and no affix written apart means the author
    // glues; their spaces are then real and compounds are joined only on strong lexicon evidence.
    let mut glued_style = false;
    let mut k = 0;
    let n = v.len();
    while k < n {
        if is_persian_letter(v[k].c) {
            let s = k;
            while k < n && is_word_unit(v[k].c) {
                k += 1;
            }
            // Trailing ZWNJ cannot occur (cleaned), marks stay with their letter.
            let w = restore_word(&v[s..k]);
            glued_style |= w.len() != k - s;
            items.push(Item::Word(w));
        } else {
            items.push(Item::Other(v[k]));
            k += 1;
        }
    }
    let strict = join_spaced && glued_style && !spaced_style(&items);
    // Join pieces written apart, until nothing changes.
    let mut joining = join_spaced;
    while joining {
        let mut changed = false;
        let mut i = 0;
        while i + 2 < items.len() {
            let ok = matches!((&items[i], &items[i + 1], &items[i + 2]), (Item::Word(_), Item::Other(sp), Item::Word(_)) if sp.c == ' ');
            if !ok {
                i += 1;
                continue;
            }
            let (Item::Word(a), Item::Word(b)) = (&items[i], &items[i + 2]) else { break };
            let ka = word_key(a);
            let kb = word_key(b);
            let Some(mask) = merge_cached(&ka, &kb, strict) else {
                i += 1;
                continue;
            };
            let jbit = 1u64 << (ka.len() - 1);
            let mut merged = a.clone();
            let space = match &items[i + 1] {
                Item::Other(sp) => *sp,
                Item::Word(_) => unreachable_space(),
            };
            let ends_zwnj_ok = merged.last().is_some_and(|u| is_persian_letter(u.c) || is_arabic_mark(u.c));
            if mask & jbit != 0 && ends_zwnj_ok && !is_non_joining(ka[ka.len() - 1]) {
                merged.push(U { c: ZWNJ, s: space.s, e: space.e });
            }
            merged.extend_from_slice(b);
            items[i] = Item::Word(merged);
            items.drain(i + 1..i + 3);
            changed = true;
        }
        joining = changed;
    }
    let mut out = Vec::with_capacity(n + 8);
    for it in items {
        match it {
            Item::Word(w) => out.extend(w),
            Item::Other(u) => out.push(u),
        }
    }
    out
}

fn spaced_style(items: &[Item]) -> bool {
    items.windows(3).any(|w| match w {
        [Item::Word(a), Item::Other(sp), Item::Word(b)] if sp.c == ' ' => spaced_affix(&word_key(a), &word_key(b)),
        _ => false,
    })
}

fn unreachable_space() -> U {
    U { c: ' ', s: 0, e: 0 }
}

/// Restores ZWNJ in one word (letters, marks, ZWNJ), part by part.
fn restore_word(w: &[U]) -> Vec<U> {
    let mut out = Vec::with_capacity(w.len() + 2);
    let mut s = 0;
    let mut key: Vec<char> = Vec::with_capacity(w.len());
    let mut idx: Vec<usize> = Vec::with_capacity(w.len());
    for k in 0..=w.len() {
        if k < w.len() && w[k].c != ZWNJ {
            continue;
        }
        let part = &w[s..k];
        key.clear();
        idx.clear();
        for (j, u) in part.iter().enumerate() {
            if is_persian_letter(u.c) {
                key.push(u.c);
                idx.push(j);
            }
        }
        let mask = restore_cached(&key);
        if mask == 0 {
            out.extend_from_slice(part);
        } else {
            let mut next_letter = 0;
            for (j, u) in part.iter().enumerate() {
                if next_letter < idx.len() && idx[next_letter] == j {
                    if next_letter > 0 && mask & (1u64 << (next_letter - 1)) != 0 {
                        out.push(U { c: ZWNJ, s: u.s, e: u.s });
                    }
                    next_letter += 1;
                }
                out.push(*u);
            }
        }
        if k < w.len() {
            out.push(w[k]);
        }
        s = k + 1;
    }
    out
}

/// Restores ZWNJ in one glued Persian word (no spaces). Words that need no change are borrowed.
pub fn restore_zwnj_word(word: &str) -> std::borrow::Cow<'_, str> {
    if !word.chars().any(is_persian_letter) || word.chars().any(|c| c.is_whitespace()) {
        return std::borrow::Cow::Borrowed(word);
    }
    let units: Vec<U> = word.chars().enumerate().map(|(i, c)| U { c, s: i as u32, e: i as u32 + 1 }).collect();
    if !units.iter().all(|u| is_word_unit(u.c)) {
        return std::borrow::Cow::Borrowed(word);
    }
    let out: String = restore_word(&units).iter().map(|u| u.c).collect();
    if out == word { std::borrow::Cow::Borrowed(word) } else { std::borrow::Cow::Owned(out) }
}
