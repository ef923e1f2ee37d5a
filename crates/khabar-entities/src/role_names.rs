//! The written forms of an office: "وزیر خارجه" and "وزیر امور خارجه" name one role.
//!
//! `data/kb/role_aliases.tsv` maps each written form to a canonical form. Role phrases are
//! compared by their canonical words ([`RoleNames::canonical`]); the recognizer searches text for
//! every written form of a knowledge-base role ([`RoleNames::written_forms`]).

use std::sync::LazyLock;

use crate::compact::key;

/// The alias file shipped with khabar.
pub const ROLE_ALIASES_TSV: &str = include_str!("../../../data/kb/role_aliases.tsv");

/// True for the words that mark an office as former ("سابق", "اسبق", "پیشین"), as word keys.
pub fn is_former(word: &str) -> bool {
    matches!(word, "سابق" | "اسبق" | "پیشین")
}

/// True for the words that mark an office as not held on the article's day: former ones ([`is_former`]) and
/// ones still to come ("رئیس‌جمهور منتخب آمریکا", the president-elect; "نخست‌وزیر آینده").
pub fn not_held_now(word: &str) -> bool {
    is_former(word) || matches!(word, "منتخب" | "آینده")
}

/// Rewrite rules from written forms of offices to canonical forms, on word keys.
#[derive(Debug, Clone, Default)]
pub struct RoleNames {
    /// (written words, canonical words), longest written form first.
    rules: Vec<(Vec<String>, Vec<String>)>,
}

/// The words of a phrase as compact keys ("وزیر بهداشت، درمان" → ["وزیربهداشت"...] per word),
/// punctuation dropped.
pub fn words(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(key).filter(|w| !w.is_empty()).collect()
}

impl RoleNames {
    /// The aliases shipped with khabar (`data/kb/role_aliases.tsv`).
    pub fn builtin() -> &'static RoleNames {
        static R: LazyLock<RoleNames> = LazyLock::new(|| RoleNames::parse(ROLE_ALIASES_TSV));
        &R
    }

    /// Parses `written<TAB>canonical` rows; `#` lines and the header are skipped.
    pub fn parse(tsv: &str) -> RoleNames {
        let mut rules: Vec<(Vec<String>, Vec<String>)> = tsv
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty() && !l.starts_with("written\t"))
            .filter_map(|l| {
                let (w, c) = l.split_once('\t')?;
                let (w, c) = (words(w), words(c));
                (!w.is_empty() && !c.is_empty()).then_some((w, c))
            })
            .collect();
        rules.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        RoleNames { rules }
    }

    /// The rules as (written, canonical) word lists.
    pub fn rules(&self) -> &[(Vec<String>, Vec<String>)] {
        &self.rules
    }

    /// The canonical words of a phrase given as word keys: every written form rewritten, left to
    /// right, the longest first.
    pub fn canonical_words(&self, ws: &[String]) -> Vec<String> {
        let mut out = Vec::with_capacity(ws.len());
        let mut i = 0;
        'outer: while i < ws.len() {
            for (w, c) in &self.rules {
                if ws[i..].starts_with(w) {
                    out.extend(c.iter().cloned());
                    i += w.len();
                    continue 'outer;
                }
            }
            out.push(ws[i].clone());
            i += 1;
        }
        out
    }

    /// The canonical compact key of a role phrase ("وزیر امور خارجه ترکیه" → "وزیرخارجهترکیه").
    pub fn canonical(&self, phrase: &str) -> String {
        self.canonical_words(&words(phrase)).concat()
    }

    /// The canonical compact key of a phrase given as word keys.
    pub fn canonical_key(&self, ws: &[String]) -> String {
        self.canonical_words(ws).concat()
    }

    /// Every way of writing the office `phrase` that rewrites to its canonical form, as word
    /// lists: the canonical words with any of their canonical parts written in a longer or
    /// shorter form. The first is the canonical form itself.
    pub fn written_forms(&self, phrase: &str) -> Vec<Vec<String>> {
        let canon = self.canonical_words(&words(phrase));
        let mut forms = vec![canon];
        let mut i = 0;
        while i < forms.len() && forms.len() < 64 {
            let f = forms[i].clone();
            for (w, c) in &self.rules {
                for at in 0..f.len() {
                    if f[at..].starts_with(c) {
                        let mut g = f[..at].to_vec();
                        g.extend(w.iter().cloned());
                        g.extend(f[at + c.len()..].iter().cloned());
                        if !forms.contains(&g) && self.canonical_words(&g) == forms[0] {
                            forms.push(g);
                        }
                    }
                }
            }
            i += 1;
        }
        forms
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_canonical_form_contains_a_written_form() {
        let r = RoleNames::builtin();
        assert!(r.rules().len() >= 10);
        for (_, c) in r.rules() {
            for (w, _) in r.rules() {
                assert!(!c.windows(w.len()).any(|x| x == w.as_slice()), "{c:?} contains {w:?}");
            }
        }
    }

    #[test]
    fn canonical_forms_are_final_for_every_role_of_the_kb() {
        let r = RoleNames::builtin();
        for role in &crate::Kb::builtin().roles {
            let once = r.canonical_words(&words(&role.role_fa));
            assert_eq!(r.canonical_words(&once), once, "{}", role.role_fa);
        }
    }

    #[test]
    fn short_and_full_titles_name_one_office() {
        let r = RoleNames::builtin();
        assert_eq!(r.canonical("وزیر امور خارجه"), r.canonical("وزیر خارجه"));
        assert_eq!(r.canonical("سخنگوی وزارت امور خارجه"), r.canonical("سخنگوی وزارت خارجه"));
        assert_eq!(r.canonical("وزیر امور اقتصادی و دارایی"), r.canonical("وزیر اقتصاد"));
        assert_eq!(r.canonical("وزیر بهداشت، درمان و آموزش پزشکی"), r.canonical("وزیر بهداشت"));
        assert_eq!(r.canonical("رئیس دستگاه قضا"), r.canonical("رئیس قوه قضاییه"));
        assert_eq!(r.canonical("دبیرکل سازمان ملل متحد"), r.canonical("دبیرکل سازمان ملل"));
        // Iranian media name their own country's body without "ایران".
        assert_eq!(r.canonical("رئیس سازمان انرژی اتمی ایران"), r.canonical("رئیس سازمان انرژی اتمی"));
        // Headlines drop "نیروی" of the IRGC's aerospace force.
        for full in ["فرمانده نیروی هوافضای سپاه", "فرمانده نیروی هوافضای سپاه پاسداران", "فرمانده هوافضای سپاه پاسداران انقلاب اسلامی"] {
            assert_eq!(r.canonical(full), r.canonical("فرمانده هوافضای سپاه"), "{full}");
        }
        // Whole words only: "وزیر دفاعی" is no form of "وزیر دفاع".
        assert_ne!(r.canonical("وزیر دفاع و پشتیبانی نیروهای مسلح"), r.canonical("وزیر دفاعی"));
        assert_ne!(r.canonical("وزیر کشور"), r.canonical("وزیر خارجه"));
    }

    #[test]
    fn written_forms_cover_short_and_full_titles() {
        let r = RoleNames::builtin();
        let forms: Vec<String> = r.written_forms("معاون سیاسی وزیر امور خارجه").iter().map(|f| f.concat()).collect();
        assert_eq!(forms[0], key("معاون سیاسی وزیر خارجه"));
        assert!(forms.contains(&key("معاون سیاسی وزیر امور خارجه")), "{forms:?}");
        assert!(forms.contains(&key("معاون سیاسی رئیس دستگاه دیپلماسی")), "{forms:?}");
        let forms: Vec<String> = r.written_forms("وزیر صنعت، معدن و تجارت").iter().map(|f| f.concat()).collect();
        assert!(forms.contains(&key("وزیر صمت")) && forms.contains(&key("وزیر صنعت")), "{forms:?}");
    }
}
