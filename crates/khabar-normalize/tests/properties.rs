//! Property tests: idempotence, alignment coverage, pass-through of non-Persian text.

use khabar_normalize::{Digits, Normalizer, NormalizerOptions};
use proptest::prelude::*;

fn persianish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "سازمان", "های", "ها", "می", "شود", "کتاب", "بین", "المللی", "خامنه", "ای", "کرده", "اند", "تر", "ترین",
        "بزرگ", "دانشگاه", "هزینه", "مند", " ", " ", " ", "\u{200c}", "ي", "ك", "ة", "ـ", "،", ".", "?", ",", "!",
        "«", "»", "3.5", "۱۲", "٣", "www.isna.ir", "COVID-19", "a", "\u{00a0}", "\u{200f}", "ِ", "ٔ", ":", "؟",
        "\t", "نمی", "توان", "آن", "انتها", "ی", "ۀ", "\u{FEFB}", "x@y.com", "(", ")", "\"", "-", "/",
        // Presentation forms of letters that are mapped again (ي ة ۀ ك), comparatives, determiners, prefixes.
        "\u{FEF1}", "\u{FE93}", "\u{FBA4}", "\u{FED9}", "مهم", "بیش", "یک", "میلیون", "بی", "کیفیت", "میرند",
    ]);
    prop::collection::vec(pieces, 0..14).prop_map(|v| v.concat())
}

fn options() -> impl Strategy<Value = NormalizerOptions> {
    (prop::sample::select(vec![Digits::Keep, Digits::Persian, Digits::Ascii]), any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>())
        .prop_map(|(digits, remove_diacritics, restore_zwnj, join_spaced, fix_punctuation, collapse_repeated)| NormalizerOptions {
            digits,
            remove_diacritics,
            restore_zwnj,
            join_spaced,
            fix_punctuation,
            collapse_repeated,
            guillemets: false, // « » pairing is not idempotent
        })
}

/// Every option combination, guillemets included.
fn all_options() -> impl Strategy<Value = NormalizerOptions> {
    (prop::sample::select(vec![Digits::Keep, Digits::Persian, Digits::Ascii]), 0u32..64).prop_map(|(digits, bits)| {
        NormalizerOptions {
            digits,
            remove_diacritics: bits & 1 != 0,
            restore_zwnj: bits & 2 != 0,
            join_spaced: bits & 4 != 0,
            fix_punctuation: bits & 8 != 0,
            guillemets: bits & 16 != 0,
            collapse_repeated: bits & 32 != 0,
        }
    })
}

/// `normalize_str` (no alignment) and `normalize` (aligned) run the same pipeline on different unit types:
/// same text for every option combination.
#[test]
fn aligned_and_plain_agree_for_every_option_combination() {
    let samples = [
        "سازمانهای بین المللی می گویند: «کتاب ها» را, دیدید?",
        "كتاب علي ۀ \u{FEFB} e\u{301} ا\u{653}ب ــ  ؟؟ !! 3.5 ۱۲ https://isna.ir/a?b=1 x@y.com \"نقل\"",
        "دانش آموزان\u{200c}\u{200c}ها برمی گشت ,۱۴۰۲/۰۵/۰۱ COVID-19 \t خانه ای  .",
    ];
    for digits in [Digits::Keep, Digits::Persian, Digits::Ascii] {
        for bits in 0..64u32 {
            let n = Normalizer::new(NormalizerOptions {
                digits,
                remove_diacritics: bits & 1 != 0,
                restore_zwnj: bits & 2 != 0,
                join_spaced: bits & 4 != 0,
                fix_punctuation: bits & 8 != 0,
                guillemets: bits & 16 != 0,
                collapse_repeated: bits & 32 != 0,
            });
            for s in samples {
                let a = n.normalize(s);
                assert_eq!(a.as_str(), n.normalize_str(s), "{s:?} {:?}", n.options());
                assert_eq!(a.len_chars(), a.as_str().chars().count());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, .. ProptestConfig::default() })]

    #[test]
    fn aligned_equals_plain(s in persianish(), o in all_options()) {
        let n = Normalizer::new(o);
        let a = n.normalize(&s);
        prop_assert_eq!(a.as_str(), n.normalize_str(&s), "input {:?} options {:?}", s, o);
        prop_assert_eq!(a.len_chars(), a.as_str().chars().count());
    }

    #[test]
    fn aligned_equals_plain_any_text(s in "\\PC{0,40}", o in all_options()) {
        let n = Normalizer::new(o);
        let a = n.normalize(&s);
        prop_assert_eq!(a.as_str(), n.normalize_str(&s), "input {:?} options {:?}", s, o);
    }

    #[test]
    fn idempotent(s in persianish(), o in options()) {
        let n = Normalizer::new(o);
        let once = n.normalize_str(&s);
        let twice = n.normalize_str(&once);
        prop_assert_eq!(&once, &twice, "input {:?}", s);
    }

    #[test]
    fn idempotent_with_glued_words(s in persianish(), o in options()) {
        // Words of the generator, and compounds the model would split, kept glued.
        let n = Normalizer::new(o).with_glued_words(["سازمانهای", "کتابها", "خامنهای", "بینالمللی", "میشود", "کرده"]);
        let once = n.normalize_str(&s);
        let twice = n.normalize_str(&once);
        prop_assert_eq!(&once, &twice, "input {:?}", s);
        let aligned = n.normalize(&s);
        prop_assert_eq!(aligned.as_str(), once.as_str());
    }

    #[test]
    fn alignment_covers_every_char(s in persianish()) {
        let n = Normalizer::default();
        let ns = n.normalize(&s);
        let len = s.chars().count();
        prop_assert_eq!(ns.as_str(), n.normalize_str(&s));
        prop_assert_eq!(ns.len_chars(), ns.as_str().chars().count());
        let mut last = 0;
        for r in ns.alignments() {
            prop_assert!(r.start <= r.end && r.end <= len);
            prop_assert!(r.start >= last || r.start + 1 >= last, "non-monotone alignment");
            last = r.start;
        }
        let all = ns.original_char_range(0..ns.len_chars());
        prop_assert!(all.end <= len);
    }

    #[test]
    fn non_persian_passes_through(s in "[ -~]{0,80}") {
        let n = Normalizer::default();
        prop_assert_eq!(n.normalize_str(&s), s.clone());
        let ns = n.normalize(&s);
        prop_assert_eq!(ns.as_str(), s.as_str());
    }

    #[test]
    fn urls_numbers_code_pass_through(
        host in "[a-z]{1,8}", n1 in 0u32..10000, n2 in 0u32..100, ident in "[a-z_]{1,8}",
    ) {
        let n = Normalizer::default();
        for s in [
            format!("https://www.{host}.ir/news/{n1}?id={n2}"),
            format!("{n1}.{n2} {n1},{n2} {n1}/{n2}/{n2}"),
            format!("fn {ident}(x: u32) -> u32 {{ x + {n1} }}"),
            format!("{ident}@{host}.com"),
        ] {
            prop_assert_eq!(n.normalize_str(&s), s.clone());
        }
    }

    #[test]
    fn never_panics(s in "\\PC{0,60}") {
        let n = Normalizer::new(NormalizerOptions { digits: Digits::Persian, remove_diacritics: true, ..Default::default() });
        let a = n.normalize(&s);
        let _ = a.original_char_range(0..a.len_chars() + 3);
        let _ = khabar_normalize::fold_for_search(&s);
        let _ = khabar_normalize::tokenize(&s).count();
    }
}
