//! Builds the ZWNJ model (`model/zwnj.bin`) from the shipped lexicons, reproducibly (same input bytes, same
//! output bytes).
//!
//! Inputs under `data_dir` (the repository's `data/lexicon`):
//! - `hazm/words.dat` (`word<TAB>freq<TAB>POS`), `hazm/verbs.dat` (`past#present`), MIT;
//! - `shekar/vocab.csv` (`word,freq`), `shekar/compound_words.csv`, `shekar/verbs.csv` (`present,past,,`), MIT.
//!
//! Every word is keyed by its ZWNJ-free letters; the value keeps the frequency of the glued spelling and of the
//! most frequent ZWNJ spelling (normalized per source to parts per billion, summed over sources), POS flags,
//! and conjugated verb forms (present/past stems × می/نمی × person endings, perfect forms "‌اند") generated
//! from the verb lists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::chars::{ZWNJ, lexicon_key};
use crate::chars::is_non_joining;
use crate::model::{
    Entry, F_ADJ, F_FIRST, F_HEAD, F_NOUN, F_PARTICIPLE, F_VERB, F_VERBFORM, MAGIC, MASK_BITS, NG_MIN, QSCALE,
    ngram_contexts, ngram_value,
};

/// Errors of the trainer.
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    /// A lexicon file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The FST could not be built.
    #[error("building the FST failed: {0}")]
    Fst(#[from] fst::Error),
}

#[derive(Default)]
struct Acc {
    glued: f64,
    glued_seen: bool,
    variants: BTreeMap<u64, f64>,
    flags: u8,
    verb_mask: Option<u64>,
}

/// Nominal frequency (per billion) of a compound listed without a count.
const COMPOUND_PPB: f64 = 20.0;
/// Weight of hazm's counts of words without ZWNJ against shekar's: 86% of hazm's words have a count of 0 and
/// many others carry artificial boosts ("خان" counts eight times "خانه"), while shekar's are corpus counts.
/// hazm's ZWNJ spellings keep their full weight: they are the evidence for ZWNJ.
const HAZM_GLUED_WEIGHT: f64 = 0.1;
/// Least frequency (per billion) of a word hazm lists: 86% of its words have a count of 0, yet a listed word
/// is a word ("ویلیام" is not "ویلی" + "ام").
const HAZM_FLOOR_PPB: f64 = 200.0;
/// Unit of the artificial boosts in hazm's counts.
const HAZM_BOOST: f64 = 7_000_000.0;
/// Nominal frequency (per billion) of a generated verb form.
const VERB_PPB: f64 = 50.0;
/// A glued noun/adjective at least this frequent (per billion) keeps its spelling against a generated verb form.
const NOMINAL_PPB: f64 = 1000.0;

fn read(path: PathBuf) -> Result<String, TrainError> {
    std::fs::read_to_string(&path).map_err(|source| TrainError::Io { path, source })
}

fn mask_of(gaps: &[usize]) -> Option<u64> {
    let mut m = 0u64;
    for &g in gaps {
        if g >= MASK_BITS {
            return None;
        }
        m |= 1 << g;
    }
    Some(m)
}

fn add(map: &mut BTreeMap<String, Acc>, word: &str, ppb: f64, flags: u8) {
    let Some((key, gaps)) = lexicon_key(word) else { return };
    let acc = map.entry(key).or_default();
    acc.flags |= flags;
    if gaps.is_empty() {
        acc.glued += ppb;
        acc.glued_seen = true;
    } else if let Some(m) = mask_of(&gaps) {
        *acc.variants.entry(m).or_insert(0.0) += ppb;
    }
}

fn quant(ppb: f64) -> u16 {
    let q = ((1.0 + ppb).log2() * QSCALE as f64).round();
    q.clamp(1.0, u16::MAX as f64) as u16
}

/// Conjugated forms with ZWNJ for one verb (past stem, present stem). `nominal` tells whether a word is a
/// frequent noun of its own: the perfect "past + ه‌ای" of such a stem is not generated, since its glued spelling
/// is the noun's plural ("برداشتهای" is "برداشت‌های", takes, far more often than "برداشته‌ای", you have taken).
fn verb_forms(past: &str, present: &str, nominal: impl Fn(&str) -> bool, out: &mut Vec<String>) {
    let z = ZWNJ;
    let pres_end = ["م", "ی", "د", "یم", "ید", "ند"];
    let past_end = ["م", "ی", "", "یم", "ید", "ند"];
    for pre in ["می", "نمی"] {
        if !present.is_empty() {
            let vowel = present.ends_with('ا') || present.ends_with('و');
            for e in pres_end {
                out.push(format!("{pre}{z}{present}{e}"));
                if vowel {
                    out.push(format!("{pre}{z}{present}ی{e}"));
                }
            }
            if present.chars().count() >= 3 {
                out.push(format!("{pre}{z}{present}"));
            }
        }
        if !past.is_empty() {
            for e in past_end {
                out.push(format!("{pre}{z}{past}{e}"));
            }
        }
    }
    if !past.is_empty() {
        for pre in ["می", "نمی"] {
            out.push(format!("{pre}{z}{past}ه"));
        }
        for pre in ["", "ن"] {
            let noun = nominal(&format!("{pre}{past}"));
            for e in ["ام", "ای", "ایم", "اید", "اند"] {
                if e == "ای" && noun {
                    continue;
                }
                out.push(format!("{pre}{past}ه{z}{e}"));
            }
        }
        for pre in ["می", "نمی"] {
            for e in ["ام", "ای", "ایم", "اید", "اند"] {
                out.push(format!("{pre}{z}{past}ه{z}{e}"));
            }
        }
    }
}

/// Grammatical suffixes and clitics: a compound "part" equal to one of them is an affix, not a word.
const AFFIXES: &[&str] = &[
    "ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "هاست", "تر", "تری", "ترین",
    "ای", "ام", "ات", "اش", "ایم", "اید", "اند", "می", "نمی",
];

/// A part that ends (or starts) at least this many distinct lexicon ZWNJ words is a productive compound part.
const PRODUCTIVE_MIN: usize = 8;

/// Flags the words that are productive parts of the lexicon's ZWNJ words: the last part of at least
/// [`PRODUCTIVE_MIN`] distinct words gets [`F_HEAD`] ("نامه": "نمایش‌نامه", "اساس‌نامه", ...), the first part
/// [`F_FIRST`] ("هم": "هم‌کلاسی", "هم‌اندیشی", ...). Verb forms and affixes do not count.
fn mark_productive_parts(map: &mut BTreeMap<String, Acc>, not_heads: &BTreeSet<String>) {
    let mut heads: BTreeMap<String, usize> = BTreeMap::new();
    let mut firsts: BTreeMap<String, usize> = BTreeMap::new();
    for (key, acc) in map.iter() {
        if acc.verb_mask.is_some() || acc.variants.is_empty() {
            continue;
        }
        let chars: Vec<char> = key.chars().collect();
        for &m in acc.variants.keys() {
            let gaps: Vec<usize> = (0..chars.len()).filter(|g| m >> g & 1 == 1).collect();
            let (Some(&f), Some(&l)) = (gaps.first(), gaps.last()) else { continue };
            let first: String = chars[..=f].iter().collect();
            let last: String = chars[l + 1..].iter().collect();
            if !AFFIXES.contains(&last.as_str()) {
                *heads.entry(last).or_default() += 1;
            }
            if !AFFIXES.contains(&first.as_str()) {
                *firsts.entry(first).or_default() += 1;
            }
        }
    }
    let min = PRODUCTIVE_MIN;
    for (part, n) in heads {
        if n >= min && !not_heads.contains(&part) {
            if let Some(acc) = map.get_mut(&part) {
                acc.flags |= F_HEAD;
            }
        }
    }
    for (part, n) in firsts {
        if n >= min {
            if let Some(acc) = map.get_mut(&part) {
                acc.flags |= F_FIRST;
            }
        }
    }
}

/// Builds the model bytes from the lexicons under `data_dir`.
pub fn train_zwnj(data_dir: &Path) -> Result<Vec<u8>, TrainError> {
    let mut map: BTreeMap<String, Acc> = BTreeMap::new();

    // hazm words.
    let hazm = read(data_dir.join("hazm/words.dat"))?;
    let rows: Vec<(&str, f64, &str)> = hazm
        .lines()
        .filter_map(|l| {
            let mut it = l.split('\t');
            let w = it.next()?;
            let f = it.next()?.trim().parse::<f64>().ok()?;
            Some((w, f, it.next().unwrap_or("")))
        })
        .collect();
    let total: f64 = rows.iter().map(|r| r.1).sum::<f64>().max(1.0);
    let mut not_heads: BTreeSet<String> = BTreeSet::new();
    for (w, f, pos) in rows {
        // Some hazm counts carry artificial boosts of whole multiples of 7,000,000 ("طاقه" 14000004): keep the
        // remainder.
        let f = if f >= HAZM_BOOST && f % HAZM_BOOST < 1e5 { f % HAZM_BOOST } else { f };
        let mut flags = 0;
        for t in pos.split(',') {
            match t.trim() {
                "N" => flags |= F_NOUN,
                "AJ" => flags |= F_ADJ,
                "V" => flags |= F_VERB,
                "P" | "POSTP" | "CONJ" | "PRO" | "DET" => {
                    not_heads.insert(w.to_string());
                }
                _ => {}
            }
        }
        let weight = if w.contains(ZWNJ) { 1.0 } else { HAZM_GLUED_WEIGHT };
        add(&mut map, w, (f / total * 1e9 * weight).max(HAZM_FLOOR_PPB), flags);
    }

    // shekar vocabulary.
    let shekar = read(data_dir.join("shekar/vocab.csv"))?;
    let rows: Vec<(&str, f64)> = shekar
        .lines()
        .filter_map(|l| {
            let (w, f) = l.rsplit_once(',')?;
            Some((w, f.trim().parse::<f64>().ok()?))
        })
        .collect();
    let total: f64 = rows.iter().map(|r| r.1).sum::<f64>().max(1.0);
    for (w, f) in rows {
        add(&mut map, w, f / total * 1e9, 0);
    }

    // shekar compounds.
    for l in read(data_dir.join("shekar/compound_words.csv"))?.lines() {
        let w = l.trim();
        if !w.is_empty() {
            add(&mut map, w, COMPOUND_PPB, 0);
            }
    }

    // Verbs: hazm past#present, shekar present,past.
    let mut verbs: Vec<(String, String)> = Vec::new();
    for l in read(data_dir.join("hazm/verbs.dat"))?.lines() {
        if let Some((past, present)) = l.trim().split_once('#') {
            verbs.push((past.to_string(), present.to_string()));
        }
    }
    for l in read(data_dir.join("shekar/verbs.csv"))?.lines() {
        let mut it = l.split(',');
        if let (Some(present), Some(past)) = (it.next(), it.next()) {
            verbs.push((past.trim().to_string(), present.trim().to_string()));
        }
    }
    verbs.sort();
    verbs.dedup();
    let mut forms = Vec::new();
    for (past, present) in &verbs {
        let nominal = |w: &str| map.get(w).is_some_and(|a| a.flags & F_NOUN != 0 && a.glued >= NOMINAL_PPB);
        verb_forms(past, present, nominal, &mut forms);
    }
    let mut glued = Vec::new();
    // ب/ن before a stem starting with alef take a glide: "بیارزد", "بیفتد", "نیامد", "بیاورد".
    let glide = |pre: &str, stem: &str| -> Vec<String> {
        if pre.is_empty() {
            return vec![stem.to_string()];
        }
        if let Some(rest) = stem.strip_prefix('آ') {
            vec![format!("{pre}یا{rest}")]
        } else if let Some(rest) = stem.strip_prefix('ا') {
            vec![format!("{pre}ی{stem}"), format!("{pre}ی{rest}")]
        } else {
            vec![format!("{pre}{stem}")]
        }
    };
    for (past, present) in &verbs {
        for pre in ["", "ن", "ب"] {
            if !present.is_empty() {
                for st in glide(pre, present) {
                    for e in ["م", "ی", "د", "یم", "ید", "ند"] {
                        glued.push(format!("{st}{e}"));
                    }
                }
            }
            if !past.is_empty() {
                for st in glide(pre, past) {
                    for e in ["م", "ی", "", "یم", "ید", "ند"] {
                        glued.push(format!("{st}{e}"));
                    }
                }
            }
        }
    }
    for (past, _) in &verbs {
        if !past.is_empty() {
            if let Some((key, _)) = lexicon_key(&format!("{past}ه")) {
                if let Some(acc) = map.get_mut(&key) {
                    acc.flags |= F_PARTICIPLE;
                }
            }
        }
    }
    glued.sort();
    glued.dedup();
    for g in &glued {
        add(&mut map, g, VERB_PPB, F_VERB);
    }
    forms.sort();
    forms.dedup();
    for f in &forms {
        let Some((key, gaps)) = lexicon_key(f) else { continue };
        let Some(m) = mask_of(&gaps) else { continue };
        if m == 0 {
            continue;
        }
        let acc = map.entry(key).or_default();
        *acc.variants.entry(m).or_insert(0.0) += VERB_PPB;
        // A generated form whose glued spelling is a frequent noun or adjective of its own ("میدان", not
        // "می‌دان") is only a variant: the frequencies decide. Otherwise the ZWNJ verb form is forced.
        let nominal = acc.flags & (F_NOUN | F_ADJ) != 0 && acc.flags & F_VERB == 0;
        if nominal && acc.glued >= NOMINAL_PPB {
            continue;
        }
        acc.flags |= F_VERBFORM;
        acc.verb_mask = Some(m);
    }

    // Function words (prepositions, conjunctions, pronouns, determiners) and verbal heads (infinitives, past
    // participles) are never compound heads: "کسی که", "گوش دادن", "ارسال شده" are written apart.
    for (past, _) in &verbs {
        if !past.is_empty() {
            not_heads.insert(format!("{past}ن"));
            not_heads.insert(format!("{past}ه"));
        }
    }
    mark_productive_parts(&mut map, &not_heads);

    let mut builder = fst::MapBuilder::memory();
    // Character n-gram counts of "ZWNJ here / not here" at every gap after a joining letter, one count per
    // word type, from the spelling the model itself would choose for the whole word.
    let mut ngrams: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    let mut ctx = String::new();
    for (key, acc) in &map {
        let lg = if acc.glued_seen { quant(acc.glued) } else { 0 };
        let (mask, lz) = match acc.verb_mask {
            Some(m) => (m, quant(acc.variants.values().sum::<f64>())),
            None => match acc
                .variants
                .iter()
                .max_by(|a, b| a.1.partial_cmp(b.1).unwrap_or(std::cmp::Ordering::Equal).then(b.0.cmp(a.0)))
            {
                Some((&m, &f)) => (m, quant(f)),
                None => (0, 0),
            },
        };
        let e = Entry { lg, lz, flags: acc.flags, mask: mask as u32 };
        builder.insert(key.as_bytes(), e.pack())?;
        let chars: Vec<char> = key.chars().collect();
        if chars.len() >= 2 {
            let chosen = e.whole().1;
            for g in 0..chars.len() - 1 {
                if is_non_joining(chars[g]) {
                    continue;
                }
                let z = chosen >> g & 1 == 1;
                ngram_contexts(&chars, g, &mut ctx, |c| {
                    let v = ngrams.entry(c.to_string()).or_insert((0, 0));
                    if z { v.0 += 1 } else { v.1 += 1 }
                    false
                });
            }
        }
    }
    let fst_bytes = builder.into_inner()?;
    let mut ng = fst::MapBuilder::memory();
    for (c, &(z, n)) in &ngrams {
        if z + n >= NG_MIN {
            ng.insert(c.as_bytes(), ngram_value(z, n))?;
        }
    }
    let ng_bytes = ng.into_inner()?;
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&(fst_bytes.len() as u64).to_le_bytes());
    out.extend_from_slice(&fst_bytes);
    out.extend_from_slice(&ng_bytes);
    Ok(out)
}
