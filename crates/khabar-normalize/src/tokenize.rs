//! Word tokenizer (keeps ZWNJ words whole) and search folding.

use crate::chars::{ZWNJ, digit_value, is_arabic_mark, is_persian_letter, map_char, Mapped};
use crate::Normalizer;

/// Kind of a token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A Persian/Arabic-script word, ZWNJ included ("سازمان‌های").
    Word,
    /// A word in another script (Latin, …), possibly with digits ("COVID-19" is split at '-').
    Latin,
    /// A number, with internal separators ("3.5", "۱۴۰۲/۰۱/۰۱", "1,000").
    Number,
    /// A URL or e-mail address.
    Url,
    /// A punctuation mark or symbol.
    Punct,
}

/// A token with char offsets into the text it was cut from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token text.
    pub text: &'a str,
    /// Start, in chars.
    pub start: usize,
    /// End (exclusive), in chars.
    pub end: usize,
    /// What kind of token.
    pub kind: TokenKind,
}

fn is_num_sep(c: char) -> bool {
    matches!(c, '.' | ',' | '/' | ':' | '٫' | '٬')
}

/// Splits `text` into tokens. White space separates tokens; ZWNJ inside a Persian word does not.
pub fn tokenize(text: &str) -> impl Iterator<Item = Token<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0usize;
    std::iter::from_fn(move || {
        let n = chars.len();
        while i < n && (chars[i].1.is_whitespace() || matches!(map_char(chars[i].1), Mapped::Drop)) {
            i += 1;
        }
        if i >= n {
            return None;
        }
        let s = i;
        let c = chars[i].1;
        let byte = |k: usize| if k < n { chars[k].0 } else { text.len() };
        // URL / e-mail: a white-space chunk with "://", "www." or '@' between Latin letters.
        let mut e = s;
        while e < n && !chars[e].1.is_whitespace() {
            e += 1;
        }
        let chunk = &text[byte(s)..byte(e)];
        if chunk.contains("://") || chunk.starts_with("www.") || (chunk.contains('@') && chunk.contains('.') && chunk.is_ascii()) {
            let mut e2 = e;
            while e2 > s + 1 && matches!(chars[e2 - 1].1, '.' | ',' | '،' | ')' | '»' | '؛' | '!' | '؟' | '?') {
                e2 -= 1;
            }
            i = e2;
            return Some(Token { text: &text[byte(s)..byte(e2)], start: s, end: e2, kind: TokenKind::Url });
        }
        let kind;
        if is_persian_letter(c) || is_arabic_mark(c) {
            i += 1;
            while i < n {
                let d = chars[i].1;
                if is_persian_letter(d) || is_arabic_mark(d) || d == '\u{0640}' {
                    i += 1;
                } else if d == ZWNJ && i + 1 < n && (is_persian_letter(chars[i + 1].1)) {
                    i += 1;
                } else {
                    break;
                }
            }
            kind = TokenKind::Word;
        } else if digit_value(c).is_some() {
            i += 1;
            while i < n {
                let d = chars[i].1;
                if digit_value(d).is_some() {
                    i += 1;
                } else if is_num_sep(d) && i + 1 < n && digit_value(chars[i + 1].1).is_some() {
                    i += 2;
                } else {
                    break;
                }
            }
            kind = TokenKind::Number;
        } else if c.is_alphanumeric() {
            i += 1;
            while i < n && (chars[i].1.is_alphanumeric() && !is_persian_letter(chars[i].1) || chars[i].1 == '_' || chars[i].1 == '\'') {
                i += 1;
            }
            kind = TokenKind::Latin;
        } else {
            i += 1;
            kind = TokenKind::Punct;
        }
        Some(Token { text: &text[byte(s)..byte(i)], start: s, end: i, kind })
    })
}

/// Folds text for search keys: standard Persian letters, alef/hamza variants unified (أ إ آ ٱ → ا, ؤ → و, ئ → ی),
/// diacritics, kashida and ZWNJ dropped, pieces of known compounds written apart joined ("بین‌المللی",
/// "بینالمللی", "بين المللي" and "بین المللی" fold equal), Latin lower-cased, digits ASCII, white space single.
pub fn fold_for_search(text: &str) -> String {
    static N: std::sync::OnceLock<Normalizer> = std::sync::OnceLock::new();
    let n = N.get_or_init(|| {
        Normalizer::new(crate::NormalizerOptions {
            digits: crate::Digits::Ascii,
            remove_diacritics: true,
            restore_zwnj: true,
            join_spaced: true,
            fix_punctuation: false,
            collapse_repeated: false,
            guillemets: false,
        })
    });
    let norm = n.normalize_str(text);
    let mut out = String::with_capacity(norm.len());
    let mut space = false;
    for c in norm.chars() {
        let c = match c {
            ZWNJ => continue,
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ؤ' => 'و',
            'ئ' => 'ی',
            'ء' | '\u{0654}' => continue,
            c if is_arabic_mark(c) => continue,
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if let Some(d) = digit_value(c) {
            out.push(char::from(b'0' + d as u8));
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}
