//! English forms of Persian names outside the knowledge base: given names and honorifics from
//! the knowledge base's own name pairs ("مجتبی" → "Mojtaba"), other words by a rule-based
//! transliteration (consonants, long vowels, and "a" for the short vowels Persian leaves
//! unwritten where a syllable needs one).

use std::collections::HashMap;
use std::sync::LazyLock;

use khabar_entities::compact::key;
use khabar_entities::{Kb, Kind};

static WORDS: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    let mut m: HashMap<String, String> = HashMap::new();
    for (fa, en) in [
        ("سید", "Seyed"),
        ("سیده", "Seyedeh"),
        ("سیدمحمد", "Seyed Mohammad"),
        ("سیدعلی", "Seyed Ali"),
    ] {
        m.insert(key(fa), en.to_string());
    }
    for e in Kb::builtin()
        .entries
        .iter()
        .filter(|e| e.kind == Kind::Person)
    {
        let fa: Vec<&str> = e.name_fa.split_whitespace().collect();
        let en: Vec<&str> = e.name_en.split_whitespace().collect();
        if fa.len() == en.len() {
            for (f, n) in fa.iter().zip(&en) {
                m.entry(key(f)).or_insert_with(|| n.to_string());
            }
        }
    }
    m
});

/// The English form of a Persian name, word by word.
pub fn name(fa: &str) -> String {
    fa.split_whitespace()
        .map(word)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The English form of one word.
pub fn word(fa: &str) -> String {
    if let Some(en) = WORDS.get(&key(fa)) {
        return en.clone();
    }
    rules(fa)
}

#[derive(Clone, Copy, PartialEq)]
enum U {
    C(&'static str),
    V(&'static str),
}

fn rules(fa: &str) -> String {
    let chars: Vec<char> = key(fa).chars().collect();
    let mut units: Vec<U> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let first = i == 0;
        let last = i + 1 == chars.len();
        let prev_vowel = matches!(units.last(), Some(U::V(_)));
        let next = chars.get(i + 1).copied();
        let u = match c {
            'ا' => U::V("a"),
            'آ' => U::V("a"),
            'و' if first || prev_vowel || matches!(next, Some('ا' | 'ی')) => U::C("v"),
            'و' => U::V("ou"),
            'ی' if first || (prev_vowel && !last) => U::C("y"),
            'ی' => U::V("i"),
            'ه' if last && !first => U::V("eh"),
            'ب' => U::C("b"),
            'پ' => U::C("p"),
            'ت' | 'ط' => U::C("t"),
            'ث' | 'س' | 'ص' => U::C("s"),
            'ج' => U::C("j"),
            'چ' => U::C("ch"),
            'ح' | 'ه' => U::C("h"),
            'خ' => U::C("kh"),
            'د' => U::C("d"),
            'ذ' | 'ز' | 'ض' | 'ظ' => U::C("z"),
            'ر' => U::C("r"),
            'ژ' => U::C("zh"),
            'ش' => U::C("sh"),
            'ع' | 'ء' | 'ئ' | 'ؤ' => continue,
            'غ' | 'ق' => U::C("gh"),
            'ف' => U::C("f"),
            'ک' => U::C("k"),
            'گ' => U::C("g"),
            'ل' => U::C("l"),
            'م' => U::C("m"),
            'ن' => U::C("n"),
            _ => continue,
        };
        units.push(u);
    }
    // Insert "a" where a consonant cluster is too long for Persian syllables: between the
    // first two consonants of a word, and before the last of three or more between vowels.
    let mut out = String::new();
    let mut i = 0;
    let n = units.len();
    while i < n {
        match units[i] {
            U::V(v) => {
                out.push_str(v);
                i += 1;
            }
            U::C(_) => {
                let mut j = i;
                while j < n && matches!(units[j], U::C(_)) {
                    j += 1;
                }
                let cluster: Vec<&str> = units[i..j]
                    .iter()
                    .map(|u| if let U::C(c) = u { *c } else { "" })
                    .collect();
                let initial = i == 0;
                let final_ = j == n;
                let len = cluster.len();
                for (k, c) in cluster.iter().enumerate() {
                    out.push_str(c);
                    let insert = if initial && final_ {
                        k + 1 < len
                    } else if initial {
                        k == 0 && len >= 2
                    } else {
                        len >= 3 && k + 2 == len
                    };
                    if insert {
                        out.push('a');
                    }
                }
                i = j;
            }
        }
    }
    let mut c = out.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterates() {
        assert_eq!(rules("ابطحی"), "Abtahi");
        assert_eq!(rules("حسن"), "Hasan");
        assert_eq!(rules("شمخانی"), "Shamkhani");
        assert_eq!(word("سید"), "Seyed");
        assert!(!name("رعد فتحی حازم").is_empty());
    }
}
