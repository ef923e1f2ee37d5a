//! Words, sentences and paragraphs of a record's `text`, with char offsets.

use khabar_entities::compact::{is_wordish, key, lexicon_verb};

/// A word: char range in `text` and its folded key (letters unified, ZWNJ and diacritics
/// dropped), so spellings compare equal.
#[derive(Debug, Clone)]
pub struct Tok {
    /// Start (chars).
    pub s: usize,
    /// End (chars, exclusive).
    pub e: usize,
    /// Folded key ([`khabar_entities::compact::key`]).
    pub key: String,
}

/// Plural suffixes a copy may write apart with a space for the ZWNJ ("جنگنده های", "تحریم ها").
const APART_SUFFIXES: &[&str] = &["ها", "های", "هایی", "هایش", "هایشان", "هایمان", "هایتان"];

/// Joins an affix written apart to its word, as one token spanning the space: "می کند" reads as "میکند",
/// "جنگنده های" as "جنگندههای" (keys drop the ZWNJ, so both spellings then compare equal). Record text
/// keeps the author's spacing; the analysis reads through it.
fn join_apart_affixes(chars: &[char], toks: Vec<Tok>) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    let mut it = toks.into_iter().peekable();
    while let Some(mut t) = it.next() {
        let glued_next = |t: &Tok, x: &Tok| x.s == t.e + 1 && chars[t.e] == ' ';
        // "می"/"نمی" before a word that makes a verb form with it: the verb's prefix (not the month "می").
        if matches!(t.key.as_str(), "می" | "نمی")
            && let Some(x) = it.next_if(|x| glued_next(&t, x) && lexicon_verb(&format!("{}{}", t.key, x.key)))
        {
            t = Tok { s: t.s, e: x.e, key: format!("{}{}", t.key, x.key) };
        }
        if let Some(prev) = out.last_mut()
            && APART_SUFFIXES.contains(&t.key.as_str())
            && glued_next(prev, &t)
        {
            prev.e = t.e;
            prev.key.push_str(&t.key);
            continue;
        }
        out.push(t);
    }
    out
}

/// The analysed text: chars, words, sentences, paragraphs.
#[derive(Debug)]
pub struct Doc {
    /// The characters of `text`.
    pub chars: Vec<char>,
    /// Words in order.
    pub toks: Vec<Tok>,
    /// Sentences as char ranges (split at . ؟ ! ? and line ends).
    pub sents: Vec<(usize, usize)>,
    /// Paragraphs as char ranges (split at blank lines).
    pub paras: Vec<(usize, usize)>,
    /// For each char, the index of the first token starting at or after it.
    tok_at: Vec<u32>,
}

impl Doc {
    /// Analyses `text`.
    pub fn new(text: &str) -> Doc {
        let chars: Vec<char> = text.chars().collect();
        let n = chars.len();
        let mut toks = Vec::new();
        let mut i = 0;
        while i < n {
            if is_wordish(chars[i]) && chars[i] != '\u{200c}' {
                let s = i;
                while i < n && is_wordish(chars[i]) {
                    i += 1;
                }
                let w: String = chars[s..i].iter().collect();
                let k = key(&w);
                if !k.is_empty() {
                    toks.push(Tok { s, e: i, key: k });
                }
            } else {
                i += 1;
            }
        }
        let toks = join_apart_affixes(&chars, toks);
        let mut tok_at = vec![toks.len() as u32; n + 1];
        let mut t = toks.len();
        for c in (0..n).rev() {
            while t > 0 && toks[t - 1].s >= c {
                t -= 1;
            }
            tok_at[c] = t as u32;
        }
        // Paragraphs.
        let mut paras = Vec::new();
        let mut start = 0;
        let mut c = 0;
        while c < n {
            if chars[c] == '\n' {
                let mut d = c;
                let mut newlines = 0;
                while d < n && chars[d].is_whitespace() {
                    if chars[d] == '\n' {
                        newlines += 1;
                    }
                    d += 1;
                }
                if newlines >= 2 || d == n {
                    push_trimmed(&chars, start, c, &mut paras);
                    start = d;
                }
                c = d.max(c + 1);
            } else {
                c += 1;
            }
        }
        push_trimmed(&chars, start, n, &mut paras);
        // Sentences.
        let mut sents = Vec::new();
        let mut start = 0;
        for c in 0..n {
            let ch = chars[c];
            let end_here = match ch {
                '\n' => true,
                '.' | '؟' | '!' | '?' => {
                    let next = chars.get(c + 1).copied();
                    let prev_digit = c > 0 && chars[c - 1].is_ascii_digit();
                    let next_digit = next.is_some_and(|x| x.is_ascii_digit());
                    !(prev_digit && next_digit)
                        && next.is_none_or(|x| x.is_whitespace() || x == '»' || x == '"')
                }
                _ => false,
            };
            if end_here {
                push_trimmed(&chars, start, c + usize::from(ch != '\n'), &mut sents);
                start = c + 1;
            }
        }
        push_trimmed(&chars, start, n, &mut sents);
        Doc {
            chars,
            toks,
            sents,
            paras,
            tok_at,
        }
    }

    /// Index of the first token starting at or after char `c`.
    pub fn tok_from(&self, c: usize) -> usize {
        self.tok_at.get(c).map_or(self.toks.len(), |&t| t as usize)
    }

    /// Tokens whose start lies in `s..e`.
    pub fn toks_in(&self, s: usize, e: usize) -> std::ops::Range<usize> {
        let a = self.tok_from(s);
        let b = self.tok_from(e).max(a);
        a..b
    }

    /// The chars `s..e` as a string.
    pub fn slice(&self, s: usize, e: usize) -> String {
        self.chars[s..e].iter().collect()
    }

    /// The sentence containing char `c`.
    pub fn sentence_of(&self, c: usize) -> (usize, usize) {
        let i = self.sents.partition_point(|&(_, e)| e <= c);
        self.sents
            .get(i)
            .copied()
            .filter(|&(s, _)| s <= c)
            .unwrap_or((c, c))
    }

    /// The paragraph containing char `c`.
    pub fn paragraph_of(&self, c: usize) -> (usize, usize) {
        let i = self.paras.partition_point(|&(_, e)| e <= c);
        self.paras
            .get(i)
            .copied()
            .filter(|&(s, _)| s <= c)
            .unwrap_or((c, c))
    }

    /// The punctuation (non-space, non-word chars) between two char offsets.
    pub fn gap_has(&self, a: usize, b: usize, set: &[char]) -> bool {
        a < b
            && self.chars[a..b.min(self.chars.len())]
                .iter()
                .any(|c| set.contains(c))
    }

    /// The first non-space char at or after `c`, with its index.
    pub fn next_nonspace(&self, mut c: usize) -> Option<(usize, char)> {
        while c < self.chars.len() {
            if !self.chars[c].is_whitespace() {
                return Some((c, self.chars[c]));
            }
            c += 1;
        }
        None
    }
}

fn push_trimmed(chars: &[char], mut s: usize, mut e: usize, out: &mut Vec<(usize, usize)>) {
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    if s < e {
        out.push((s, e));
    }
}

/// Trims white space and guillemets/quotation marks from both ends of `s..e`.
pub fn trim_quote(chars: &[char], mut s: usize, mut e: usize) -> (usize, usize) {
    let junk =
        |c: char| c.is_whitespace() || matches!(c, '«' | '»' | '"' | '“' | '”' | ':' | '\u{200c}');
    while s < e && junk(chars[s]) {
        s += 1;
    }
    while e > s && junk(chars[e - 1]) {
        e -= 1;
    }
    (s, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_and_paragraphs_keep_offsets() {
        let d = Doc::new("عنوان خبر\n\nوی گفت: این است. او افزود 3.5 درصد!\nپایان");
        assert_eq!(d.paras.len(), 2);
        let s: Vec<String> = d.sents.iter().map(|&(a, b)| d.slice(a, b)).collect();
        assert_eq!(
            s,
            [
                "عنوان خبر",
                "وی گفت: این است.",
                "او افزود 3.5 درصد!",
                "پایان"
            ]
        );
        assert_eq!(d.slice(d.toks[0].s, d.toks[0].e), "عنوان");
    }
}
