//! The data files: reporting verbs (`data/quotes/reporting_verbs.tsv`) and event cues
//! (`data/events/cues.tsv`), conjugated and keyed for spelling-insensitive phrase matching.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use khabar_entities::compact::key;

use crate::text::Tok;

/// The reporting verbs file shipped with khabar.
pub const VERBS_TSV: &str = include_str!("../../../data/quotes/reporting_verbs.tsv");
/// The event cues file shipped with khabar.
pub const CUES_TSV: &str = include_str!("../../../data/events/cues.tsv");

/// The sports words file shipped with khabar.
pub const SPORT_WORDS: &str = include_str!("../../../data/events/sport_words.txt");

/// The capitals file shipped with khabar.
pub const CAPITALS_TSV: &str = include_str!("../../../data/events/capitals.tsv");

/// National capitals that stand for their country as an event's object or partner
/// (`data/events/capitals.tsv`): place id → country id.
pub fn capitals() -> &'static HashMap<&'static str, &'static str> {
    static C: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
        CAPITALS_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .skip(1)
            .filter_map(|l| l.split_once('\t'))
            .map(|(p, c)| (p.trim(), c.trim()))
            .collect()
    });
    &C
}

/// Words and phrases that make a sentence a sports report (`data/events/sport_words.txt`), as
/// phrases of token keys: there "دیدار با قطر" is a match.
pub fn sport_words() -> &'static Phrases {
    static W: LazyLock<Phrases> = LazyLock::new(|| {
        let mut p = Phrases::default();
        for (i, line) in SPORT_WORDS.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            p.add(line, i);
        }
        p
    });
    &W
}

/// An error in a data file.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct DataError {
    /// The file.
    pub file: &'static str,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// How a reporting verb is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbUse {
    /// Introduces speech.
    Say,
    /// An indirect judgement "X ... را ... دانست".
    Deem,
}

/// A reporting verb row.
#[derive(Debug, Clone)]
pub struct Verb {
    /// English gloss ("said").
    pub gloss: String,
    /// How it is used.
    pub use_: VerbUse,
}

/// How an event cue finds its actors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// Subject(s) + the entity after "با".
    With,
    /// Subject(s) + the entity between them and the cue.
    Object,
    /// The subject(s) alone.
    Subject,
    /// The subject(s) arriving at the place after the cue ("X وارد ریاض شد"): a visit only to a place abroad for
    /// them (a return home is none).
    Arrival,
    /// A noun phrase "cue X با Y" / "در cue با Y".
    Noun,
    /// A trip told as a noun phrase, "در سفر X به Y": the traveller X after the cue, the place Y after "به".
    Trip,
    /// A claim of responsibility, "X مسئولیت این حمله را بر عهده گرفت": X did the act told before, where it was told
    /// to have happened.
    Claim,
    /// Talks told as the subject of a verb of holding: "مذاکرات X و Y (در Z) برگزار شد" (X and Y, or X with "با Y");
    /// the verb's tense gives the status. Talks named as a topic ("درباره مذاکرات X و Y") are none.
    Held,
    /// Something imposed on or sent to a target: "X تحریم‌هایی علیه Y اعمال/وضع کرد", "X از اعمال تحریم‌های جدید
    /// علیه Y خبر داد", "X کمک‌هایی به Y ارسال کرد/فرستاد", "کمک‌های X به Y ارسال شد": the clause's named subject(s)
    /// (or the giver after the cue in the passive) and the entity after the marker ("علیه" unless the row names
    /// another, "impose:به"); the verb's tense gives the status.
    Impose,
    /// Taking part in a meeting.
    Session,
    /// A phrase that starts like a cue but tells no event ("در نشست خبری": a press conference is no
    /// meeting); matched so that the shorter cue inside it is not.
    None,
}

/// An event cue row.
#[derive(Debug, Clone)]
pub struct Cue {
    /// PLOVER type.
    pub event_type: String,
    /// PLOVER mode.
    pub mode: String,
    /// CAMEO code.
    pub cameo: String,
    /// Actor frame.
    pub frame: Frame,
    /// With [`Frame::Object`], the preposition that marks the object ("از" in "از X حمایت کرد", "به" in
    /// "به X تبریک گفت"); `None` for "را". Other prepositions before an entity make it a modifier.
    pub marker: Option<String>,
    /// With [`Frame::Object`], whether the event needs its object written ("!" in the frame column): help to
    /// nobody named ("به ثبات بازار کمک خواهد کرد") is no dyad.
    pub needs_object: bool,
    /// Past and present stems of the expected light verb (empty: none).
    pub light: Option<(Vec<&'static str>, Vec<&'static str>)>,
}

/// A phrase table: concatenated token keys → row indices.
#[derive(Debug, Default)]
pub struct Phrases {
    map: HashMap<String, Vec<usize>>,
    prefixes: HashSet<String>,
    /// Longest phrase in tokens.
    max_toks: usize,
}

impl Phrases {
    fn add(&mut self, phrase: &str, row: usize) {
        let k = key(phrase);
        if k.is_empty() {
            return;
        }
        self.max_toks = self.max_toks.max(phrase.split_whitespace().count() + 2);
        let rows = self.map.entry(k.clone()).or_default();
        if !rows.contains(&row) {
            rows.push(row);
        }
        let mut p = String::new();
        for c in k.chars() {
            p.push(c);
            self.prefixes.insert(p.clone());
        }
    }

    /// The longest phrase starting at token `i`: (rows, number of tokens).
    pub fn longest_at(&self, toks: &[Tok], i: usize) -> Option<(&[usize], usize)> {
        let mut k = String::new();
        let mut best = None;
        for n in 1..=self.max_toks {
            let Some(t) = toks.get(i + n - 1) else { break };
            k.push_str(&t.key);
            if !self.prefixes.contains(&k) {
                break;
            }
            if let Some(rows) = self.map.get(&k) {
                best = Some((rows.as_slice(), n));
            }
        }
        best
    }
}

/// Light verbs: past and present stems.
pub const LIGHT: [(&str, &[&str], &[&str]); 10] = [
    ("کرد", &["کرد", "نمود"], &["کن", "نما"]),
    ("داشت", &["داشت"], &["دار"]),
    ("داد", &["داد"], &["ده"]),
    ("شد", &["شد"], &["شو"]),
    ("بود", &["بود"], &["باش"]),
    ("گفت", &["گفت"], &["گو"]),
    ("ساخت", &["ساخت"], &["ساز"]),
    ("خواند", &["خواند"], &["خوان"]),
    ("رسید", &["رسید"], &["رس"]),
    ("رفت", &["رفت"], &["رو"]),
];

fn present_3sg(r: &str) -> String {
    if r.ends_with('ا') || r == "گو" {
        format!("{r}ید")
    } else {
        format!("{r}د")
    }
}

/// Every conjugated form of a verb whose stems are `past`/`present` that introduces a report:
/// past, perfect, past perfect, present (3rd person singular and plural).
pub fn report_forms(past: &str, present: &str) -> Vec<String> {
    let p3 = present_3sg(present);
    vec![
        past.to_string(),
        format!("{past}ند"),
        format!("{past}ه است"),
        format!("{past}ه‌است"),
        format!("{past}ه‌اند"),
        format!("{past}ه اند"),
        format!("{past}ه بود"),
        format!("{past}ه بودند"),
        format!("می‌{p3}"),
        format!("می‌{}ند", p3.trim_end_matches('د')),
    ]
}

/// The lexicon.
#[derive(Debug)]
pub struct Lexicon {
    /// Reporting verb rows.
    pub verbs: Vec<Verb>,
    /// Reporting verb phrases.
    pub verb_phrases: Phrases,
    /// Event cue rows.
    pub cues: Vec<Cue>,
    /// Event cue phrases.
    pub cue_phrases: Phrases,
}

impl Lexicon {
    /// The shipped lexicon.
    pub fn builtin() -> &'static Lexicon {
        static L: LazyLock<Lexicon> =
            LazyLock::new(|| Lexicon::parse(VERBS_TSV, CUES_TSV).expect("shipped data parses"));
        &L
    }

    /// Parses the two files.
    pub fn parse(verbs_tsv: &'static str, cues_tsv: &'static str) -> Result<Lexicon, DataError> {
        let mut verbs = Vec::new();
        let mut verb_phrases = Phrases::default();
        for (ln, line) in verbs_tsv.lines().enumerate() {
            if line.starts_with('#') || line.starts_with("head\t") || line.trim().is_empty() {
                continue;
            }
            let err = |m: &str| DataError {
                file: "reporting_verbs.tsv",
                line: ln + 1,
                message: m.to_string(),
            };
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 5 {
                return Err(err("expected 5 columns"));
            }
            let use_ = match f[4].trim() {
                "say" => VerbUse::Say,
                "deem" => VerbUse::Deem,
                u => return Err(err(&format!("unknown use {u:?}"))),
            };
            let pasts: Vec<&str> = f[1].split('|').collect();
            let presents: Vec<&str> = f[2].split('|').collect();
            if pasts.len() != presents.len() {
                return Err(err("past and present stems differ in number"));
            }
            let row = verbs.len();
            verbs.push(Verb {
                gloss: f[3].to_string(),
                use_,
            });
            let heads: Vec<&str> = if f[0].is_empty() {
                vec![""]
            } else {
                f[0].split('|').collect()
            };
            for h in heads {
                for (p, r) in pasts.iter().zip(&presents) {
                    for form in report_forms(p, r) {
                        verb_phrases.add(&format!("{h} {form}"), row);
                    }
                }
            }
        }
        let mut cues = Vec::new();
        let mut cue_phrases = Phrases::default();
        for (ln, line) in cues_tsv.lines().enumerate() {
            if line.starts_with('#') || line.starts_with("cue\t") || line.trim().is_empty() {
                continue;
            }
            let err = |m: &str| DataError {
                file: "cues.tsv",
                line: ln + 1,
                message: m.to_string(),
            };
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 6 {
                return Err(err("expected 6 columns"));
            }
            // A trailing "!" ("object:به!"): the event needs its object written.
            let needs_object = f[4].ends_with('!');
            let (frame_name, marker) = match f[4].trim_end_matches('!').split_once(':') {
                Some((fr, m)) => (fr, Some(m.to_string())),
                None => (f[4].trim_end_matches('!'), None),
            };
            if marker.is_some() && !matches!(frame_name, "object" | "impose") {
                return Err(err("only the object and impose frames take a marker (object:از, impose:به)"));
            }
            let frame = match frame_name {
                "with" => Frame::With,
                "object" => Frame::Object,
                "subject" => Frame::Subject,
                "arrival" => Frame::Arrival,
                "noun" => Frame::Noun,
                "trip" => Frame::Trip,
                "held" => Frame::Held,
                "claim" => Frame::Claim,
                "impose" => Frame::Impose,
                "session" => Frame::Session,
                "none" => Frame::None,
                x => return Err(err(&format!("unknown frame {x:?}"))),
            };
            let light = match f[5].trim() {
                "-" | "" => None,
                l => {
                    let (_, p, r) = LIGHT
                        .iter()
                        .find(|(name, _, _)| *name == l)
                        .ok_or_else(|| err(&format!("unknown light verb {l:?}")))?;
                    Some((p.to_vec(), r.to_vec()))
                }
            };
            let row = cues.len();
            cues.push(Cue {
                event_type: f[1].to_string(),
                mode: f[2].to_string(),
                cameo: f[3].to_string(),
                frame,
                marker,
                needs_object,
                light,
            });
            for c in f[0].split('|') {
                cue_phrases.add(c, row);
            }
        }
        Ok(Lexicon {
            verbs,
            verb_phrases,
            cues,
            cue_phrases,
        })
    }
}

/// Tense and polarity of a light verb form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    /// Past or perfect: it happened.
    Past,
    /// Present ("می‌کند").
    Present,
    /// Subjunctive ("کند", "بکند"): wished, planned or possible.
    Subjunctive,
    /// Future auxiliary ("خواهد").
    Future,
    /// Negated.
    Negated,
}

/// Classifies a token as a form of a light verb with stems `past`/`present`.
pub fn light_form(k: &str, past: &[&str], present: &[&str]) -> Option<Tense> {
    const PAST_SUFFIX: [&str; 9] = ["", "ند", "ه", "م", "یم", "ی", "ید", "هاند", "هاست"];
    const PRES_SUFFIX: [&str; 6] = ["د", "ند", "م", "یم", "ی", "ید"];
    let (neg, body) = match k.strip_prefix('ن') {
        Some(b)
            if past
                .iter()
                .chain(present)
                .any(|s| b.starts_with(s) || b.starts_with("می")) =>
        {
            (true, b)
        }
        _ => (false, k),
    };
    let mut tense = None;
    for p in past {
        if let Some(rest) = body.strip_prefix(p)
            && PAST_SUFFIX.contains(&rest)
        {
            tense = Some(Tense::Past);
        }
    }
    let (indicative, body2) = match body.strip_prefix("می") {
        Some(b) => (true, b),
        None => (
            false,
            body.strip_prefix('ب')
                .filter(|b| present.iter().any(|r| b.starts_with(r)))
                .unwrap_or(body),
        ),
    };
    for r in present {
        if let Some(rest) = body2.strip_prefix(r) {
            let rest = rest
                .strip_prefix('ی')
                .filter(|x| !x.is_empty())
                .unwrap_or(rest);
            if PRES_SUFFIX.contains(&rest) {
                tense = tense.or(Some(if indicative {
                    Tense::Present
                } else {
                    Tense::Subjunctive
                }));
            }
        }
    }
    tense.map(|t| if neg { Tense::Negated } else { t })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_data_parses() {
        let l = Lexicon::builtin();
        assert!(l.verbs.len() > 20);
        assert!(l.cues.len() > 20);
    }

    #[test]
    fn light_verbs_have_tense() {
        let (p, r) = (&["کرد", "نمود"][..], &["کن", "نما"][..]);
        assert_eq!(light_form("کرد", p, r), Some(Tense::Past));
        assert_eq!(light_form("کردند", p, r), Some(Tense::Past));
        assert_eq!(light_form("کنند", p, r), Some(Tense::Subjunctive));
        assert_eq!(light_form("میکند", p, r), Some(Tense::Present));
        assert_eq!(light_form("نکرد", p, r), Some(Tense::Negated));
        assert_eq!(light_form("نمیکند", p, r), Some(Tense::Negated));
        assert_eq!(light_form("نماید", p, r), Some(Tense::Subjunctive));
        assert_eq!(light_form("کردن", p, r), None);
        let (p, r) = (&["داشت"][..], &["دار"][..]);
        assert_eq!(light_form("نداشته", p, r), Some(Tense::Negated));
    }
}
