//! Development tool: normalizes every line of a file under all option combinations and prints the
//! `normalize_str` output plus a hash of the `normalize` alignment (used to check that refactorings keep
//! the output byte-for-byte). Usage: `dump_all FILE > out.txt`.
use std::hash::{DefaultHasher, Hash, Hasher};

use khabar_normalize::{Digits, Normalizer, NormalizerOptions};

fn main() {
    let path = std::env::args().nth(1).expect("file");
    let text = std::fs::read_to_string(path).expect("read");
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = String::new();
    let mut combo = 0;
    for digits in [Digits::Keep, Digits::Persian, Digits::Ascii] {
        for bits in 0..64u32 {
            let o = NormalizerOptions {
                digits,
                remove_diacritics: bits & 1 != 0,
                restore_zwnj: bits & 2 != 0,
                join_spaced: bits & 4 != 0,
                fix_punctuation: bits & 8 != 0,
                guillemets: bits & 16 != 0,
                collapse_repeated: bits & 32 != 0,
            };
            let n = Normalizer::new(o);
            for (i, l) in lines.iter().enumerate() {
                let s = n.normalize_str(l);
                let a = n.normalize(l);
                let mut h = DefaultHasher::new();
                a.alignments().collect::<Vec<_>>().hash(&mut h);
                let same = if a.as_str() == s { "=" } else { "DIFF" };
                out.push_str(&format!("{combo}\t{i}\t{s:?}\t{same}\t{:x}\n", h.finish()));
            }
            combo += 1;
        }
    }
    print!("{out}");
}
