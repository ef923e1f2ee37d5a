//! The full-text analyzer: khabar's normalizer and tokenizer as a tantivy [`Tokenizer`].
//!
//! A text is normalized once with the search options of [`khabar_normalize::fold_for_search`]
//! (letters unified, ZWNJ restored in glued words, compounds written apart joined, diacritics
//! dropped, ASCII digits), cut with [`khabar_normalize::tokenize`], and every word is folded
//! (ZWNJ and hamza forms dropped, Latin lower-cased). So "بین‌المللی", "بینالمللی", "بين المللي" and
//! "بین المللی" all give the one term "بینالمللی". A word whose last ZWNJ piece is an inflection
//! ("سازمان‌های", "کتاب‌ها", "بزرگ‌ترین") also gives its stem ("سازمان") at the same position, so
//! a search for the stem finds the inflected forms. Token offsets are byte offsets into the
//! original text (through the normalizer's alignment), so snippets highlight what was written.

use std::sync::OnceLock;

use khabar_normalize::{Digits, Normalizer, NormalizerOptions, TokenKind, ZWNJ, tokenize};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// The name the analyzer is registered under in the index.
pub const ANALYZER: &str = "khabar_fa";

/// Inflectional pieces that may follow a ZWNJ (plural, comparative, possessive, indefinite).
const SUFFIXES: &[&str] = &[
    "ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "ی", "ای", "ایی", "تر", "ترین",
    "تری", "ام", "ات", "اش", "مان", "تان", "شان", "اند", "ایم", "اید",
];

fn normalizer() -> &'static Normalizer {
    static N: OnceLock<Normalizer> = OnceLock::new();
    N.get_or_init(|| {
        Normalizer::new(NormalizerOptions {
            digits: Digits::Ascii,
            remove_diacritics: true,
            restore_zwnj: true,
            join_spaced: true,
            fix_punctuation: false,
            collapse_repeated: false,
            guillemets: false,
        })
    })
}

/// Folds one normalized token into its index key (the per-character part of `fold_for_search`).
fn fold_token(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            ZWNJ | 'ء' | '\u{0654}' | '\u{0640}' => {}
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ؤ' => out.push('و'),
            'ئ' => out.push('ی'),
            c if ('\u{064B}'..='\u{065F}').contains(&c) || c == '\u{0670}' => {}
            '۰'..='۹' => out.push(char::from(b'0' + (c as u32 - '۰' as u32) as u8)),
            '٠'..='٩' => out.push(char::from(b'0' + (c as u32 - '٠' as u32) as u8)),
            // No case in ASCII beyond A-Z, none in the Arabic block: skip the Unicode tables.
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            '\u{0600}'..='\u{06FF}' => out.push(c),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The stem of a word whose trailing ZWNJ pieces are inflections ("سازمان‌های" → "سازمان").
fn stem(word: &str) -> Option<&str> {
    let mut end = word.len();
    let mut cut = false;
    while let Some(z) = word[..end].rfind(ZWNJ) {
        let piece = &word[z + ZWNJ.len_utf8()..end];
        if !SUFFIXES.contains(&piece) || z == 0 {
            break;
        }
        end = z;
        cut = true;
    }
    (cut && word[..end].chars().count() >= 2).then(|| &word[..end])
}

/// One analyzed term: the key, its position and its byte range in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The folded key.
    pub text: String,
    /// Word position (a stem shares its word's position).
    pub position: usize,
    /// Byte range in the analyzed text.
    pub bytes: std::ops::Range<usize>,
}

/// Analyzes `text` into index terms (what the tokenizer emits).
pub fn analyze(text: &str) -> Vec<Term> {
    let norm = normalizer().normalize(text);
    // Byte offset of each char of `text` (and its end), so that a token's original char range
    // becomes a byte range in constant time (`original_byte_range` walks the text per call).
    let char_bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect();
    let byte_at = |c: usize| char_bytes.get(c).copied().unwrap_or(text.len());
    let mut out = Vec::new();
    let mut position = 0usize;
    for t in tokenize(norm.as_str()) {
        if t.kind == TokenKind::Punct {
            continue;
        }
        let chars = norm.original_char_range(t.start..t.end);
        let bytes = byte_at(chars.start)..byte_at(chars.end);
        let key = fold_token(t.text);
        if key.is_empty() {
            continue;
        }
        let stemmed = (t.kind == TokenKind::Word).then(|| stem(t.text)).flatten().map(fold_token);
        out.push(Term { text: key, position, bytes: bytes.clone() });
        if let Some(s) = stemmed {
            out.push(Term { text: s, position, bytes });
        }
        position += 1;
    }
    out
}

/// The tantivy tokenizer over [`analyze`].
#[derive(Clone, Default)]
pub struct KhabarTokenizer;

/// The token stream of [`KhabarTokenizer`].
pub struct KhabarTokenStream {
    tokens: Vec<Token>,
    i: usize,
}

impl Tokenizer for KhabarTokenizer {
    type TokenStream<'a> = KhabarTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> KhabarTokenStream {
        let tokens = analyze(text)
            .into_iter()
            .map(|t| Token {
                offset_from: t.bytes.start,
                offset_to: t.bytes.end,
                position: t.position,
                text: t.text,
                position_length: 1,
            })
            .collect();
        KhabarTokenStream { tokens, i: 0 }
    }
}

impl TokenStream for KhabarTokenStream {
    fn advance(&mut self) -> bool {
        self.i += 1;
        self.i <= self.tokens.len()
    }
    fn token(&self) -> &Token {
        &self.tokens[self.i - 1]
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.i - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<String> {
        analyze(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn four_spellings_fold_equal() {
        let want = keys("بین‌المللی");
        assert_eq!(want.len(), 1);
        for s in ["بینالمللی", "بين المللي", "بین المللی"] {
            assert_eq!(keys(s), want, "{s}");
        }
    }

    #[test]
    fn inflected_words_give_their_stem() {
        let k = keys("سازمان‌های");
        assert!(k.contains(&keys("سازمان")[0]), "{k:?}");
        let k = keys("سازمانهای بزرگ");
        assert!(k.contains(&keys("سازمان")[0]), "{k:?}");
        assert_eq!(stem("می‌شود"), None);
        assert_eq!(stem("بین‌المللی"), None);
    }

    #[test]
    fn offsets_point_into_the_original() {
        let text = "آژانس بين المللي انرژی";
        let t = analyze(text);
        assert_eq!(&text[t[1].bytes.clone()], "بين المللي");
        assert_eq!(t[2].position, 2);
        assert_eq!(keys("COVID-19 ۱۴۰۲"), vec!["covid", "19", "1402"]);
    }

    #[test]
    fn byte_ranges_are_the_normalizers() {
        let text = "«سازمان‌های» بين المللي، ۱۴۰۲ — COVID-19 و كتاب‌ها\nآژانس  بین‌المللی انرژی اتمی؟ é";
        let norm = normalizer().normalize(text);
        let want: Vec<_> = tokenize(norm.as_str())
            .filter(|t| t.kind != TokenKind::Punct && !fold_token(t.text).is_empty())
            .map(|t| norm.original_byte_range(t.start..t.end))
            .collect();
        let mut got: Vec<_> = analyze(text).into_iter().map(|t| (t.position, t.bytes)).collect();
        got.dedup_by_key(|t| t.0);
        assert_eq!(got.into_iter().map(|t| t.1).collect::<Vec<_>>(), want);
        assert!(want.len() >= 12, "{want:?}");
    }
}
