//! Persian text normalization for scraped news: standard characters and punctuation, restoration of the
//! zero-width non-joiner (ZWNJ, U+200C) that scraping loses, an alignment from normalized to original offsets,
//! a ZWNJ-aware word tokenizer and folding for search keys.
//!
//! ```
//! use khabar_normalize::Normalizer;
//! let n = Normalizer::default();
//! assert_eq!(n.normalize_str("سازمانهای بینالمللی"), "سازمان\u{200c}های بین\u{200c}المللی");
//! let ns = n.normalize("كتاب ها");
//! assert_eq!(ns.as_str(), "کتاب\u{200c}ها");
//! assert_eq!(ns.original_char_range(0..4), 0..4);
//! ```
//!
//! The ZWNJ model (`model/zwnj.bin`) is built from the MIT-licensed hazm and shekar lexicons by
//! [`train::train_zwnj`] (feature `train`) and compiled into the crate.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod chars;
mod model;
mod normalizer;
mod stream;
mod tokenize;
#[cfg(feature = "train")]
pub mod train;

pub use chars::{ZWNJ, is_non_joining, is_persian_letter};
pub use normalizer::{Digits, NormalizedString, Normalizer, NormalizerOptions, restore_zwnj_word};
pub use stream::normalize_stream;
pub use tokenize::{Token, TokenKind, fold_for_search, tokenize};

/// Number of words in the compiled ZWNJ model (0 if the artefact is missing); also forces loading it.
pub fn model_size() -> usize {
    model::model().len()
}

/// Debug view of the model entry for a word key (for development tools; format unstable).
#[doc(hidden)]
pub fn debug_entry(word: &str) -> String {
    format!("{:?}", model::model().get(word))
}

/// How common a word is in the lexicons the ZWNJ model was built from: log2 of its occurrences
/// per billion words (the more frequent of its glued and ZWNJ spellings; shekar's counts plus a tenth
/// of hazm's for spellings without ZWNJ), or `None` when the lexicons do not have it. Lets other tools
/// tell ordinary words ("سریع", ~18.6) from rare names ("گروسی", ~10.2).
pub fn lexicon_log2_frequency(word: &str) -> Option<f32> {
    let key: String = word.chars().filter(|&c| c != ZWNJ).collect();
    model::model().get(&key).map(|e| f32::from(e.lg.max(e.lz)) / model::QSCALE)
}

/// Whether the lexicons know the word as a verb form (tagged as a verb, or conjugated from the verb lists:
/// "باختند", "می‌گوید"). Lets other tools tell a verb from a rare name after a first name ("جان باختند").
pub fn lexicon_is_verb_form(word: &str) -> bool {
    let key: String = word.chars().filter(|&c| c != ZWNJ).collect();
    model::model().get(&key).is_some_and(|e| e.flags & (model::F_VERB | model::F_VERBFORM) != 0)
}

/// Whether the lexicons tag the word as an adjective ("اقتصادی", "بزرگ"); names are tagged as nouns or not at all.
pub fn lexicon_is_adjective(word: &str) -> bool {
    let key: String = word.chars().filter(|&c| c != ZWNJ).collect();
    model::model().get(&key).is_some_and(|e| e.flags & model::F_ADJ != 0)
}
