//! Entity recognition and linking over an article's text.
//!
//! Passes, in order:
//! 1. gazetteer: every knowledge-base name and variant (compact, spelling-insensitive matching);
//! 2. cues: honorifics ("دریابان شمخانی"), death cues ("شهادت X") and role heads after a name
//!    ("X، رئیس ...") find persons by surname or, outside the knowledge base, by the name lists;
//! 3. roles: role phrases of the knowledge base ("سخنگوی وزارت امور خارجه", in any written form of
//!    `data/kb/role_aliases.tsv`: "سخنگوی وزارت خارجه") bind to the name
//!    beside them, or alone resolve to the person named in the article who held the role, else
//!    to the holder on the article's date;
//! 4. surnames: a person named in full (or resolved by role) is also found by surname alone.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use serde::Serialize;

use crate::compact::{Compact, FastMap, FastSet, is_alphabetic, is_wordish, key, key_of_chars, parts, search_bytes};
use crate::kb::{Day, Kb, Kind};
use crate::role_names::{RoleNames, not_held_now};

/// Words that make a chamber of "مجلس" ("مجلس ملی", "مجلس سنا", "مجلس نمایندگان", "مجلس اعیان").
const LEGISLATURE_QUALIFIERS: &[&str] =
    &["ملی", "سنا", "سنای", "نمایندگان", "اعیان", "عوام", "فدرال", "اعلای", "دومای"];

/// How a mention was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// The entity's name or a listed variant.
    Name,
    /// A short form or acronym.
    Abbrev,
    /// A surname alone.
    Surname,
    /// A title and the first name of a person the article names in full ("شیخ تمیم").
    FirstName,
    /// A role phrase standing for the person.
    Role,
    /// A name found by cues outside the knowledge base.
    Cue,
}

/// One mention: a span of the record's `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Start in `text` (chars).
    pub start: usize,
    /// End in `text` (chars, exclusive).
    pub end: usize,
    /// `text[start..end]`.
    pub text: String,
    /// How it was found.
    pub via: Via,
}

/// A role of a person as reported for this article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoleOut {
    /// The role in Persian.
    pub role_fa: String,
    /// The role in English, when known.
    pub role_en: Option<String>,
    /// Start of the tenure (knowledge base), when known.
    pub start: Option<String>,
    /// End of the tenure; empty while held.
    pub end: Option<String>,
    /// True when the article itself names this role beside the person.
    pub in_text: bool,
}

/// An entity of the article with its mentions.
#[derive(Debug, Clone, Serialize)]
pub struct Entity {
    /// Knowledge-base id, or a document-local id ("local-1") for names outside it.
    pub id: String,
    /// PERSON, ORG, LOCATION or EVENT.
    #[serde(rename = "type")]
    pub kind: Kind,
    /// Persian name (canonical for knowledge-base entities, as written otherwise).
    pub name_fa: String,
    /// English name, when known.
    pub name_en: Option<String>,
    /// True when linked to the knowledge base.
    pub kb: bool,
    /// Roles (persons only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<RoleOut>,
    /// Honorifics written before the name in the article ("آیت‌الله", "سردار").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub honorifics: Vec<String>,
    /// Mentions in order of appearance.
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone, Copy)]
struct Pat {
    entry: usize,
    parts: usize,
    letters: usize,
    abbrev: bool,
    /// An ambiguous name (`data/kb/ambiguous.tsv`): needs the entity named otherwise too.
    needs_context: bool,
    /// A small town: needs a cue word before it ("شهر", "بندر").
    needs_place_cue: bool,
    /// Preference among names covering the same span (lower wins): country, then other
    /// places and entities, then cities, then provinces.
    rank: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Honorific,
    RoleHead,
    Death,
    Place,
    Number,
}

/// Words more frequent than this (log2 per billion words in the normalizer's lexicons, i.e.
/// about 1 in 65,000 words) are ordinary words, not surnames that can stand alone: news-maker
/// names sit below 15 (Putin ~14.5, Grossi ~10), adjectives like "سریع" or "ظریف" above 16.
const COMMON_WORD_LOG2: f32 = 15.5;
/// Below this lexicon frequency (log2 per billion, about 4,000) a word after a first name and before a
/// role head is taken for a surname outside the name lists.
const RARE_WORD_LOG2: f32 = 12.0;
/// Below this lexicon frequency (log2 per billion, about 1,000) a word is unknown to the lexicons: two such
/// words before a role head are taken for a foreign name.
const UNKNOWN_WORD_LOG2: f32 = 10.0;

/// Organization types whose names name their country ("دولت قطر", "وزارت خارجه عراق").
const STATE_TYPES: [&str; 6] = ["government", "ministry", "parliament", "military", "judiciary", "council"];

/// The cue words file shipped with khabar.
pub const CUES_TSV: &str = include_str!("../../../data/kb/cues.tsv");
/// Offices that several people hold at once (`data/kb/shared_offices.tsv`).
const SHARED_OFFICES: &str = include_str!("../../../data/kb/shared_offices.tsv");
const MALE: &str = include_str!("../../../data/names/male_names.txt");
const FEMALE: &str = include_str!("../../../data/names/female_names.txt");
const LAST: &str = include_str!("../../../data/names/last_names.txt");
const STOP: &str = include_str!("../../../data/lexicon/hazm/stopwords.dat");
/// Words before an office that name someone or something else by it ("معاون وزیر", "دفتر رئیس‌جمهور", "همسر
/// ..."): the office is then not its holder's mention (keys).
const OF_THE_OFFICE: &[&str] = &[
    "معاون", "مشاور", "دستیار", "سخنگوی", "نماینده", "قائممقام", "دفتر", "همسر", "فرزند", "پسر", "دختر", "برادر",
    "خواهر", "پدر", "مادر", "محافظ", "مشاوران", "معاونان", "نمایندگان",
];
/// Short forms trusted only when the organization is named in full in the same article.
const AMBIGUOUS: &str = include_str!("../../../data/kb/ambiguous.tsv");
const SPORT_WORDS: &str = include_str!("../../../data/events/sport_words.txt");
/// Iranian cities recognized without a cue word.
const MAJOR_CITIES: &str = include_str!("../../../data/kb/major_cities.tsv");

/// Recognizes and links entities. Build once ([`Recognizer::builtin`]) and share.
pub struct Recognizer {
    kb: &'static Kb,
    names: AhoCorasick,
    /// Pattern of `names` → its compact key (a match of the automaton is checked against it).
    name_keys: Vec<String>,
    pats: Vec<Pat>,
    /// Every written form of every role (see [`RoleNames`]).
    roles: AhoCorasick,
    /// Pattern of `roles` → its compact key.
    role_keys: Vec<String>,
    /// Pattern of `roles` → its slot.
    role_slot_of_pat: Vec<usize>,
    /// Slot (an office, however written) → indices into `kb.roles`.
    role_pats: Vec<Vec<usize>>,
    /// Pattern of `roles` → its number of words.
    role_parts: Vec<usize>,
    /// For each role of the knowledge base, its slot in `role_pats` (roles named alike).
    role_slot_of: Vec<Option<usize>>,
    /// Per slot: whether several people hold the office at once (`data/kb/shared_offices.tsv`), so its title
    /// alone names nobody by date.
    shared_slot: Vec<bool>,
    /// Surname key → persons.
    surnames: FastMap<String, Vec<usize>>,
    /// Surname keys of each person.
    person_surnames: FastMap<usize, Vec<String>>,
    /// Every proper prefix of a surname key (to try two-token surnames only when they can match).
    surname_prefixes: FastSet<String>,
    /// Local offices named after their town ("فرماندار", "امام جمعه"): place cues (keys).
    place_offices: FastSet<String>,
    /// Cue phrases by compact key, with their number of parts.
    cues: FastMap<String, (Cue, String)>,
    /// Every prefix of a cue key (to stop looking early).
    cue_prefixes: FastSet<String>,
    /// Words before a media outlet's name ("شبکه", "خبرگزاری"): keys.
    media_words: FastSet<String>,
    /// Places and institutions named after a person ("مدرسه عالی", "فرودگاه بین‌المللی", "خیابان"): a name right
    /// after one (past honorifics: "بیمارستان شهید بهشتی") names the place, not the person.
    named_after: FastSet<String>,
    /// Words that end a role phrase after a name outside the knowledge base (`phrase_end` cues): keys.
    phrase_ends: FastSet<String>,
    /// English glosses of role heads ("سفیر" → "ambassador"), from the cue file's note column: keys.
    role_glosses: FastMap<String, String>,
    first_names: FastSet<String>,
    /// First words of the knowledge base's person names: first names that are surely names.
    known_first_names: FastSet<String>,
    last_names: FastSet<String>,
    stop: FastSet<String>,
    /// Keys of `data/kb/ambiguous.tsv`: names that are also ordinary words.
    ambiguous: FastSet<String>,
    /// Those of them that name a place, linked also when the article names its country (`context` "country").
    ambiguous_by_country: FastSet<String>,
    /// Those that name a sports club, linked also when the article names another club (`context` "sport":
    /// "استقلال" beside "پرسپولیس").
    ambiguous_by_sport: FastSet<String>,
    /// Those linked also in an article on their topic (`context` "words:w1|w2": one of the words written, as keys:
    /// "آژانس" is the IAEA in an article that writes "هسته‌ای" or "غنی‌سازی").
    ambiguous_by_words: FastMap<String, Vec<String>>,
    /// Words and phrases of a sports report (`data/events/sport_words.txt`, shared with khabar-events), as keys
    /// of their words.
    sport_words: Vec<Vec<String>>,
}

impl std::fmt::Debug for Recognizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recognizer").field("patterns", &self.pats.len()).finish()
    }
}

/// A word of the text: char range and compact key.
#[derive(Debug, Clone)]
struct Tok<'a> {
    s: usize,
    e: usize,
    key: &'a str,
}

fn tokens(c: &Compact) -> Vec<Tok<'_>> {
    let chars = c.chars();
    let mut out = Vec::with_capacity(chars.len() / 5);
    let mut i = 0;
    while i < chars.len() {
        if is_wordish(chars[i]) && chars[i] != '\u{200c}' {
            let s = i;
            while i < chars.len() && is_wordish(chars[i]) {
                i += 1;
            }
            out.push(Tok { s, e: i, key: c.key_of(s, i) });
        } else {
            i += 1;
        }
    }
    out
}

fn word_set(text: &str) -> FastSet<String> {
    text.lines().map(|l| key(l.trim())).filter(|k| k.chars().count() >= 2).collect()
}

impl Recognizer {
    /// The recognizer over khabar's shipped knowledge base.
    pub fn builtin() -> &'static Recognizer {
        static R: LazyLock<Recognizer> = LazyLock::new(|| Recognizer::new(Kb::builtin()));
        &R
    }

    /// Builds a recognizer over a knowledge base.
    pub fn new(kb: &'static Kb) -> Recognizer {
        let mut keys = Vec::new();
        let mut pats = Vec::new();
        let mut surnames: FastMap<String, Vec<usize>> = FastMap::default();
        let mut person_surnames: FastMap<usize, Vec<String>> = FastMap::default();
        let ambiguous: HashSet<String> = AMBIGUOUS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("short_form"))
            .filter_map(|l| l.split('\t').next())
            .map(key)
            .collect();
        let with_context = |context: &str| -> FastSet<String> {
            AMBIGUOUS
                .lines()
                .filter(|l| !l.starts_with('#') && l.split('\t').nth(2).is_some_and(|c| c.trim() == context))
                .filter_map(|l| l.split('\t').next())
                .map(key)
                .collect()
        };
        let ambiguous_by_country = with_context("country");
        let ambiguous_by_sport = with_context("sport");
        let ambiguous_by_words: FastMap<String, Vec<String>> = AMBIGUOUS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut f = l.split('\t');
                let name = f.next()?;
                let words = f.nth(1)?.trim().strip_prefix("words:")?;
                Some((key(name), words.split('|').map(key).collect()))
            })
            .collect();
        let major: HashSet<&str> = MAJOR_CITIES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("id\t"))
            .filter_map(|l| l.split('\t').next())
            .collect();
        // Full names of countries and organizations, by name: the last words of an organization's name that
        // name another body or a country may be written in any of its forms.
        let mut full_names: HashMap<&str, usize> = HashMap::new();
        for (i, e) in kb.entries.iter().enumerate() {
            if e.kind == Kind::Org || e.id.starts_with("country-") {
                for n in std::iter::once(&e.name_fa).chain(&e.variants) {
                    full_names.entry(n.as_str()).or_insert(i);
                }
            }
        }
        let mut cues = FastMap::default();
        let mut place_offices = FastSet::default();
        let mut media_words = FastSet::default();
        let mut phrase_ends = FastSet::default();
        let mut named_after = FastSet::default();
        let mut role_glosses = FastMap::default();
        for line in CUES_TSV.lines().filter(|l| !l.starts_with('#') && !l.starts_with("kind\t")) {
            let mut c = line.split('\t');
            let (Some(kind), Some(fa)) = (c.next(), c.next()) else { continue };
            if kind == "place_office" {
                place_offices.insert(key(fa));
                continue;
            }
            if kind == "media" {
                media_words.insert(key(fa));
                continue;
            }
            if kind == "phrase_end" {
                phrase_ends.insert(key(fa));
                continue;
            }
            if kind == "named_after" {
                named_after.insert(key(fa));
                continue;
            }
            if kind == "role_head"
                && let Some(gloss) = c.next().map(str::trim).filter(|g| !g.is_empty())
            {
                role_glosses.insert(key(fa), gloss.to_string());
            }
            let cue = match kind {
                "honorific" => Cue::Honorific,
                "role_head" => Cue::RoleHead,
                "death" => Cue::Death,
                "place" => Cue::Place,
                "number" => Cue::Number,
                _ => continue,
            };
            cues.insert(key(fa), (cue, fa.to_string()));
        }
        // Place words of the cue file ("بندر", "شهر"): a town's name that starts with one ("بندر گناوه") carries
        // its own cue.
        let place_words: FastSet<&str> =
            cues.iter().filter(|(_, (c, _))| *c == Cue::Place).map(|(k, _)| k.as_str()).collect();
        for (i, e) in kb.entries.iter().enumerate() {
            let small_town = e.id.starts_with("ir-city-") && !major.contains(e.id.as_str());
            let rank = match (e.kind, e.description.as_str()) {
                (Kind::Location, "country") => 0,
                (Kind::Location, "city") => 2,
                (Kind::Location, "province") => 3,
                _ => 1,
            };
            let mut names: Vec<(&String, bool)> = std::iter::once(&e.name_fa).chain(&e.variants).map(|n| (n, false)).collect();
            let more = if e.kind == Kind::Org { renamed_forms(kb, &full_names, e) } else { Vec::new() };
            names.extend(more.iter().map(|n| (n, false)));
            for (n, abbrev) in names.into_iter().chain(e.abbrevs.iter().map(|n| (n, true))) {
                let k = key(n);
                if k.chars().count() < 2 {
                    continue;
                }
                let needs_context = ambiguous.contains(&k);
                pats.push(Pat {
                    entry: i,
                    parts: parts(n),
                    letters: k.chars().count(),
                    abbrev,
                    needs_context,
                    needs_place_cue: small_town
                        && !(n.contains(' ') && n.split_whitespace().next().is_some_and(|w| place_words.contains(key(w).as_str()))),
                    rank,
                });
                keys.push(k);
                // Surnames come from the canonical name and from variants with the same given
                // name ("علی باقری" for "علی باقری کنی"), not from epithets ("سید مقاومت").
                let same_given = n.split_whitespace().next() == e.name_fa.split_whitespace().next();
                if e.kind == Kind::Person && !abbrev && parts(n) >= 2 && same_given {
                    let last = n.split_whitespace().next_back().unwrap_or("");
                    let sk = key(last);
                    if sk.chars().count() >= 3 {
                        let v = surnames.entry(sk.clone()).or_default();
                        if !v.contains(&i) {
                            v.push(i);
                        }
                        let ps = person_surnames.entry(i).or_default();
                        if !ps.contains(&sk) {
                            ps.push(sk);
                        }
                    }
                }
            }
        }
        // Prefixes a first token of a two-token spelling can have ("امیر" of "امیرعبداللهیان"):
        // at least two letters, leaving at least three.
        let surname_prefixes: FastSet<String> = surnames
            .keys()
            .flat_map(|k: &String| {
                let n = k.chars().count();
                k.char_indices().enumerate().filter(move |(ci, _)| *ci >= 2 && n - ci >= 3).map(|(_, (i, _))| k[..i].to_string()).collect::<Vec<_>>()
            })
            .collect();
        // The automata read one byte per letter (see `compact::search_byte`).
        let build = |k: &[String]| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::DFA))
                .build(k.iter().map(|k| search_bytes(k)))
                .expect("patterns build")
        };
        let names = build(&keys);
        // Roles named alike share a slot; each slot is searched in every written form of its office
        // ("وزیر خارجه", "وزیر امور خارجه").
        let role_names = RoleNames::builtin();
        let mut role_keys: Vec<String> = Vec::new();
        let mut role_slot_of_pat: Vec<usize> = Vec::new();
        let mut role_parts = Vec::new();
        let mut role_pats: Vec<Vec<usize>> = Vec::new();
        let mut idx: HashMap<String, usize> = HashMap::new();
        let mut role_slot_of = vec![None; kb.roles.len()];
        for (ri, r) in kb.roles.iter().enumerate() {
            let canon = role_names.canonical(&r.role_fa);
            if canon.chars().count() < 4 {
                continue;
            }
            let slot = *idx.entry(canon).or_insert_with(|| {
                role_pats.push(Vec::new());
                let slot = role_pats.len() - 1;
                for form in role_names.written_forms(&r.role_fa) {
                    role_keys.push(form.concat());
                    role_parts.push(form.len());
                    role_slot_of_pat.push(slot);
                }
                slot
            });
            role_pats[slot].push(ri);
            role_slot_of[ri] = Some(slot);
        }
        let shared: Vec<Vec<String>> = SHARED_OFFICES
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("office\t"))
            .filter_map(|l| l.split('\t').next())
            .map(|o| role_names.canonical_words(&crate::role_names::words(o)))
            .filter(|w| !w.is_empty())
            .collect();
        let mut shared_slot = vec![false; role_pats.len()];
        for (ri, r) in kb.roles.iter().enumerate() {
            let Some(slot) = role_slot_of[ri] else { continue };
            let office = role_names.canonical_words(&crate::role_names::words(&r.role_fa));
            if shared.iter().any(|o| office.starts_with(o)) {
                shared_slot[slot] = true;
            }
        }
        let roles = build(&role_keys);
        let cue_prefixes: FastSet<String> = cues
            .keys()
            .flat_map(|k: &String| k.char_indices().map(|(i, c)| k[..i + c.len_utf8()].to_string()).collect::<Vec<_>>())
            .collect();
        let mut first_names = word_set(MALE);
        first_names.extend(word_set(FEMALE));
        // First names that persons of the knowledge base bear ("مهدی", "ولادیمیر"): the name lists also
        // hold ordinary words ("سفر", "اقدام"), these do not.
        // A variant's first word that is a cue is a title ("امام خمینی"), not a first name; the canonical
        // name's first word is one ("امیر حاتمی").
        let known_first_names: FastSet<String> = kb
            .entries
            .iter()
            .filter(|e| e.kind == Kind::Person)
            .flat_map(|e| std::iter::once((&e.name_fa, true)).chain(e.variants.iter().map(|v| (v, false))))
            .filter_map(|(n, canonical)| {
                let mut w = n.split_whitespace();
                let first = w.next()?;
                w.next()?;
                let k = key(first);
                (k.chars().count() >= 3 && (canonical || !cues.contains_key(&k))).then_some(k)
            })
            .collect();
        Recognizer {
            kb,
            place_offices,
            media_words,
            named_after,
            names,
            name_keys: keys,
            pats,
            roles,
            role_keys,
            role_slot_of_pat,
            role_pats,
            role_parts,
            role_slot_of,
            shared_slot,
            surnames,
            person_surnames,
            surname_prefixes,
            cues,
            cue_prefixes,
            first_names,
            known_first_names,
            last_names: word_set(LAST),
            ambiguous: ambiguous.iter().cloned().collect(),
            ambiguous_by_country,
            ambiguous_by_sport,
            ambiguous_by_words,
            sport_words: SPORT_WORDS
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(|l| l.split_whitespace().map(key).collect())
                .collect(),
            stop: word_set(STOP),
            phrase_ends,
            role_glosses,
        }
    }

    /// The knowledge base.
    pub fn kb(&self) -> &'static Kb {
        self.kb
    }

    /// Finds knowledge-base names in a text: `(entry, start, end, via)` char spans, leftmost-longest,
    /// non-overlapping.
    fn gazetteer(&self, c: &Compact) -> Vec<(usize, usize, usize, Via, bool)> {
        let mut cands = Vec::new();
        // Small towns without a cue word of their own: kept when listed after a place that has one
        // ("شهرستان‌های شوشتر و دزفول", "شهرهای اهواز، شوشتر و ایذه"), not after any place ("تهران و مهر").
        let mut uncued = Vec::new();
        for m in self.names.find_overlapping_iter(c.search_text()) {
            let (bs, be) = c.text_range(m.start(), m.end());
            if c.text[bs..be] != self.name_keys[m.pattern().as_usize()] {
                continue;
            }
            let p = self.pats[m.pattern().as_usize()];
            let Some((s, e)) = c.to_original(bs, be) else { continue };
            let gaps = c.gaps(s, e);
            let want = p.parts.saturating_sub(1);
            let ok = if p.letters <= 4 { gaps == want } else { gaps <= want + 1 && gaps + 1 >= want };
            if !ok {
                continue;
            }
            if !p.needs_place_cue || self.place_cue_before(c.chars(), s) {
                cands.push((s, e, p));
            } else {
                uncued.push((s, e, p));
            }
        }
        let chars = c.chars();
        // Ends of the places of a list that a cue word starts ("شهرستان‌های X"), growing along it.
        let mut list_ends: Vec<usize> = if uncued.is_empty() {
            Vec::new()
        } else {
            cands
                .iter()
                .filter(|(s, _, q)| self.kb.entries[q.entry].kind == Kind::Location && self.place_cue_before(chars, *s))
                .map(|&(_, e, _)| e)
                .collect()
        };
        // A town named once with its cue is that town elsewhere in the article too, unless its name is
        // an ordinary word ("شهرستان مهر" does not make every "مهر" a town).
        if !uncued.is_empty() {
            let found: FastSet<usize> = cands.iter().map(|(_, _, q)| q.entry).collect();
            uncued.retain(|&(s, e, p)| {
                let again = found.contains(&p.entry) && !self.common_word(&key_of_chars(&chars[s..e]));
                if again {
                    cands.push((s, e, p));
                }
                !again
            });
        }
        let mut added = true;
        while added && !uncued.is_empty() {
            added = false;
            uncued.retain(|&(s, e, p)| {
                let listed = list_ends.iter().any(|&pe| pe <= s && is_list_joint(&chars[pe..s]));
                if listed {
                    cands.push((s, e, p));
                    list_ends.push(e);
                    added = true;
                }
                !listed
            });
        }
        cands.sort_by_key(|(s, e, p)| (*s, std::cmp::Reverse(*e), p.rank, p.abbrev));
        let mut out = Vec::new();
        let mut last_end = 0;
        for (s, e, p) in cands {
            if s < last_end {
                continue;
            }
            last_end = e;
            out.push((p.entry, s, e, if p.abbrev { Via::Abbrev } else { Via::Name }, p.needs_context));
        }
        // A body of one country followed by a place of another is that country's ("وزارت امور خارجه
        // اوکراین" is not Iran's ministry, "وزارت بهداشت غزه" not Iran's health ministry; the knowledge
        // base lists only some countries' ministries).
        let countries: Vec<(usize, &str)> = out
            .iter()
            .map(|&(entry, s, _, _, _)| (s, &self.kb.entries[entry]))
            .filter(|(_, x)| x.kind == Kind::Location && !x.country.is_empty())
            .map(|(s, x)| (s, x.country.as_str()))
            .collect();
        if !countries.is_empty() {
            out.retain(|&(entry, _, e, _, _)| {
                let x = &self.kb.entries[entry];
                if x.kind != Kind::Org || x.country.is_empty() {
                    return true;
                }
                let next = countries.iter().find(|(cs, _)| *cs > e && *cs - e <= 1 && chars[e..*cs].iter().all(|c| *c == ' '));
                next.is_none_or(|(_, c)| c.eq_ignore_ascii_case(&x.country))
            });
        }
        out
    }

    /// A cue phrase of 1–3 tokens starting at token `i`: (cue, surface, tokens used).
    fn cue_ref(&self, toks: &[Tok], i: usize) -> Option<(Cue, &str, usize)> {
        let first = toks.get(i)?.key;
        if !self.cue_prefixes.contains(first) {
            return None;
        }
        let mut best = self.cues.get(first).map(|(cue, fa)| (*cue, fa.as_str(), 1));
        let mut k = first.to_string();
        for n in 2..=3 {
            let Some(t) = toks.get(i + n - 1) else { break };
            k.push_str(t.key);
            if !self.cue_prefixes.contains(&k) {
                break;
            }
            if let Some((cue, fa)) = self.cues.get(&k) {
                best = Some((*cue, fa.as_str(), n));
            }
        }
        best
    }

    fn is_name_token(&self, t: &Tok) -> bool {
        (self.first_names.contains(t.key) || self.last_names.contains(t.key)) && !self.stop.contains(t.key)
    }

    /// Recognizes the entities of an article text. `date` (the article's publication day)
    /// resolves roles named without a person.
    pub fn recognize(&self, text: &str, date: Option<Day>) -> Vec<Entity> {
        let c = Compact::new(text);
        let chars = c.chars();
        let toks = tokens(&c);
        let mut b = Builder { covered: vec![false; chars.len()], ..Builder::default() };

        // 1. Gazetteer.
        for (entry, s, e, via, needs_context) in self.gazetteer(&c) {
            // A place or event right after a media word names the outlet ("شبکه الجزیره" is no Algiers).
            if matches!(self.kb.entries[entry].kind, Kind::Location | Kind::Event) && self.media_before(chars, s) {
                continue;
            }
            // So does a body's name that ends an outlet's own name ("خبرگزاری خانه ملت" is the news agency, not
            // the parliament it is named after).
            if self.kb.entries[entry].kind == Kind::Org && self.media_before(chars, s) && self.outlet_ending_at(chars, s, e) {
                continue;
            }
            if needs_context {
                b.pending_abbrevs.push((entry, s, e));
            } else {
                b.add_kb(self.kb, entry, s, e, via, chars);
            }
        }
        // A state body's name names its country too ("دولت قطر" → Qatar), unlike a company's
        // ("ایران خودرو").
        let orgs: Vec<(usize, usize, usize)> = b
            .entities
            .iter()
            .filter_map(|(k, x)| Some((((*k)?), x)))
            .filter(|(k, _)| STATE_TYPES.contains(&self.kb.entries[*k].description.as_str()))
            .flat_map(|(k, x)| x.mentions.iter().map(move |m| (k, m.start, m.end)))
            .collect();
        for (org, s, e) in orgs {
            let country = self.kb.entries[org].country.to_lowercase();
            let Some(place) = self.kb.index_of(&format!("country-{country}")) else { continue };
            let inner = Compact::new(&chars[s..e].iter().collect::<String>());
            let p = &self.kb.entries[place];
            for name in std::iter::once(&p.name_fa).chain(&p.variants) {
                let k = key(name);
                if let Some(at) = inner.text.find(&k)
                    && let Some((a, z)) = inner.to_original(at, at + k.len())
                {
                    b.add_kb(self.kb, place, s + a, s + z, Via::Name, chars);
                    break;
                }
            }
        }
        // Short forms count once the organization is named in full; a place that is also a word ("آستانه")
        // once its country is named ("قزاقستان"); a club that is also a word ("استقلال") once another club is; a
        // short form with topic words once one of them is written ("آژانس" in an article on "غنی‌سازی").
        for (entry, s, e) in std::mem::take(&mut b.pending_abbrevs) {
            let x = &self.kb.entries[entry];
            let country_named = x.kind == Kind::Location
                && self.ambiguous_by_country.contains(&key_of_chars(&chars[s..e]))
                && !x.country.is_empty()
                && self
                    .kb
                    .index_of(&format!("country-{}", x.country.to_lowercase()))
                    .is_some_and(|c| c != entry && b.kb_index.contains_key(&c));
            let other_club_named = x.description == "sport"
                && self.ambiguous_by_sport.contains(&key_of_chars(&chars[s..e]))
                && b.kb_index.keys().any(|&k| k != entry && self.kb.entries[k].description == "sport")
                && self.sports_sentence(&toks, chars, s, e, &b);
            let on_topic = self
                .ambiguous_by_words
                .get(&key_of_chars(&chars[s..e]))
                .is_some_and(|words| words.iter().any(|w| c.text.contains(w.as_str())));
            if b.kb_index.contains_key(&entry) || country_named || other_club_named || on_topic {
                b.add_kb(self.kb, entry, s, e, Via::Abbrev, chars);
            }
        }
        let covered = |b: &Builder, s: usize, e: usize| b.covered[s.min(e)..e.min(b.covered.len())].iter().any(|&c| c);

        // 2. Cues (looked up once per token).
        let cue_cache: Vec<Option<(Cue, &str, usize)>> = (0..toks.len()).map(|i| self.cue_ref(&toks, i)).collect();
        let cue_at = |i: usize| cue_cache.get(i).copied().flatten().map(|(c, s, n)| (c, s.to_string(), n));
        // Words told as an epithet between a death cue and the name ("عالم ربانی").
        let mut epithets: Vec<Vec<&str>> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let Some((cue, surface, n)) = cue_at(i) else {
                i += 1;
                continue;
            };
            if matches!(cue, Cue::RoleHead | Cue::Place | Cue::Number) {
                // A one-word cue that is also a first name ("امیر") before a rare word no place or
                // entity covers is that first name: "امیر قلعه‌نویی", not the emir of a country.
                if n == 1
                    && cue == Cue::RoleHead
                    && self.cue_is_first_name(&toks, i)
                    && cue_cache[i + 1].is_none()
                    && !covered(&b, toks[i].s, toks[i + 1].e)
                {
                    b.add_local(toks[i].s, toks[i + 1].e, chars);
                    i += 2;
                    continue;
                }
                // The same before a listed surname written in two words ("امیر قلعه نویی").
                if n == 1
                    && cue == Cue::RoleHead
                    && self.known_first_names.contains(toks[i].key)
                    && toks.get(i + 1).is_some_and(|x| x.s == toks[i].e + 1)
                    && self.spaced_surname(&toks, i + 1)
                    && !covered(&b, toks[i].s, toks[i + 2].e)
                {
                    b.add_local(toks[i].s, toks[i + 2].e, chars);
                    i += 3;
                    continue;
                }
                i += n;
                continue;
            }
            // Consume a chain of honorifics ("حجت‌الاسلام سید ...", "شهادت آیت‌الله ...").
            let mut hons = if cue == Cue::Honorific { vec![surface] } else { vec![] };
            let mut j = i + n;
            while let Some((Cue::Honorific, s2, n2)) = cue_at(j) {
                // "امیر عبداللهیان": a surname that starts with an honorific word.
                if self.two_token_surname(&toks, j).is_some() {
                    break;
                }
                hons.push(s2);
                j += n2;
            }
            let cue = if hons.is_empty() { cue } else { Cue::Honorific };
            let Some(t) = toks.get(j) else { break };
            if cue == Cue::Honorific
                && let Some(ent) = b.entity_starting_at(t.s)
            {
                b.add_honorifics(ent, &hons);
                i = j;
                continue;
            }
            if covered(&b, t.s, t.e) {
                i = j.max(i + 1);
                continue;
            }
            // A knowledge-base surname after an honorific or a death cue (not the first word of
            // a longer name: "شهادت رعد فتحی حازم").
            if let Some((p, end, used)) = self
                .two_token_surname(&toks, j)
                .and_then(|(k, e)| Some((self.resolve_surname(&k, &b, date)?, e, 2)))
                .or_else(|| Some((self.resolve_surname(t.key, &b, date)?, t.e, 1)))
                .filter(|&(_, _, used)| !self.name_continues(&toks, j + used - 1, chars))
            {
                let ent = b.add_kb(self.kb, p, t.s, end, Via::Surname, chars);
                b.add_honorifics(ent, &hons);
                i = j + used;
                continue;
            }
            // A title and the first name of a person the article names in full ("شیخ تمیم" after "شیخ تمیم بن
            // حمد آل ثانی"): Arab rulers and clerics are called so.
            if cue == Cue::Honorific
                && !self.name_continues(&toks, j, chars)
                && let Some(p) = self.first_name_of_named(&b, t.key)
            {
                let ent = b.add_kb(self.kb, p, t.s, t.e, Via::FirstName, chars);
                b.add_honorifics(ent, &hons);
                i = j + 1;
                continue;
            }
            // A name outside the knowledge base.
            let mut k = j;
            while k < toks.len() && k - j < 4 {
                let tk = &toks[k];
                let adjacent = k == j || toks[k - 1].e + 1 == tk.s;
                // A surname of the lists in two words, its ZWNJ lost to a space ("علی قلعه نویی"), ends the name,
                // even when its first word is a cue of its own ("قلعه" starts place names).
                if adjacent && k > i && !self.is_name_token(tk) && self.spaced_surname(&toks, k) && !covered(&b, tk.s, toks[k + 1].e) {
                    k += 2;
                    break;
                }
                if covered(&b, tk.s, tk.e) || cue_cache[k].is_some() || self.stop.contains(tk.key) {
                    break;
                }
                let punct_after = chars.get(tk.e).is_some_and(|c| matches!(c, '،' | ',' | '.' | '«' | '»' | ':' | '('));
                // A rare word after a first name is a surname outside the lists ("سید محمدرضا موالی‌زاده").
                let surname_after_first = k > j && self.first_names.contains(toks[k - 1].key) && self.rare_word(tk.key);
                if !adjacent || !(self.is_name_token(tk) || surname_after_first || (k > j && punct_after)) {
                    break;
                }
                k += 1;
                if punct_after || (surname_after_first && !self.is_name_token(tk)) {
                    break;
                }
            }
            // One common word after a title is no name unless the lists hold it as a surname ("استاد آواز
            // ایران": a master of singing; "آواز" is also a given name).
            let common_alone = k == j + 1 && self.common_word(toks[j].key) && !self.last_names.contains(toks[j].key);
            // Words between a death cue and a title or a name are an epithet ("درگذشت عالم ربانی آیت‌الله
            // ..."): the name is the one after them.
            // Told once so, the same words are an epithet again ("درگذشت عالم ربانی را تسلیت می‌گویم").
            let epithet = (cue == Cue::Death && k > j)
                .then(|| toks[j..k].iter().map(|t| t.key).collect::<Vec<&str>>())
                .filter(|words| {
                    epithets.contains(words)
                        || toks.get(k).is_some_and(|x| {
                            chars[toks[k - 1].e..x.s].iter().all(|c| *c == ' ')
                                && (matches!(cue_cache[k], Some((Cue::Honorific, _, _)))
                                    || b.entity_starting_at(x.s).is_some())
                        })
                });
            if let Some(words) = epithet {
                if !epithets.contains(&words) {
                    epithets.push(words);
                }
                i = k;
            } else if k > j && (k - j >= 2 || (cue == Cue::Honorific && !common_alone)) {
                let ent = b.add_local(toks[j].s, toks[k - 1].e, chars);
                if cue == Cue::Honorific {
                    b.add_honorifics(ent, &hons);
                }
                i = k;
            } else if k == j && hons.len() == 1 && j == i + 1 && self.cue_is_first_name(&toks, i) {
                // An honorific that is also a first name ("امیر") before a rare word is that first name:
                // "امیر قلعه‌نویی" (a rank before a surname of the knowledge base was taken above).
                b.add_local(toks[i].s, t.e, chars);
                i = j + 1;
            } else {
                i = j.max(i + 1);
            }
        }
        // Names before a role head: "محمد اسلامی رئیس سازمان ...".
        for (ti, t) in toks.iter().enumerate() {
            if !matches!(cue_cache[ti], Some((Cue::RoleHead, _, _))) || ti < 2 {
                continue;
            }
            let (a, z) = (&toks[ti - 2], &toks[ti - 1]);
            // An Arabic name with a patronymic ("عبدالعزیز بن سلمان وزیر انرژی عربستان"): a name of the lists or
            // one the lexicons lack on both sides of "بن".
            if ti >= 3 && matches!(a.key, "بن" | "بنت" | "ابن") {
                let f = &toks[ti - 3];
                let name = |k: &str| self.first_names.contains(k) || self.last_names.contains(k) || self.unknown_word(k);
                let spaced = chars[f.e..z.e].iter().filter(|c| !is_alphabetic(**c)).all(|c| *c == ' ')
                    && chars[z.e..t.s].iter().all(|c| matches!(c, ' ' | '،' | ','));
                if spaced
                    && name(f.key)
                    && name(z.key)
                    && cue_cache[ti - 3].is_none()
                    && cue_cache[ti - 1].is_none()
                    && !covered(&b, f.s, z.e)
                {
                    b.add_local(f.s, z.e, chars);
                }
                continue;
            }
            let gap_ok = chars[a.e..z.s].iter().all(|c| *c == ' ') && chars[z.e..t.s].iter().all(|c| matches!(c, ' ' | '،' | ','));
            let plain = |k: usize| cue_cache[k].is_none() && !self.stop.contains(toks[k].key);
            // A first name of the name lists and a surname of the lists or a rare word ("محمدرضا
            // موالی‌زاده استاندار ..."), or a word the lexicons do not know, as transliterated foreign
            // names are, and a rare word or a name of the lists ("تسوکاسا کاوادا سفیر ...", "کامیل ادریس
            // نخست‌وزیر ...").
            let surname_like = self.last_names.contains(z.key) || self.rare_word(z.key) || self.surnames.contains_key(z.key);
            // The lists' first names hold ordinary words ("سفر", "اقدام"): one of those counts only when a
            // person of the knowledge base bears it, and a rare word after it that is an adjective or a verb is
            // no surname ("سفر قریب‌الوقوع وزیر ...": the imminent trip).
            let first_name = self.first_names.contains(a.key)
                && (self.known_first_names.contains(a.key) || !self.common_word(a.key));
            let persian = first_name
                && surname_like
                && (self.last_names.contains(z.key)
                    || !(crate::compact::lexicon_verb(z.key) || crate::compact::lexicon_adjective(z.key)));
            // Two rare words are a foreign name too ("یاشار گولر وزیر دفاع ترکیه"), when neither is a verb or
            // tagged as an adjective (the lexicons tag names as nouns or not at all).
            let rare_pair = self.rare_word(a.key)
                && self.rare_word(z.key)
                && ![&a.key, &z.key].iter().any(|k| crate::compact::lexicon_verb(k) || crate::compact::lexicon_adjective(k));
            let foreign = (self.unknown_word(a.key) && (surname_like || self.first_names.contains(z.key))) || rare_pair;
            // At the start of a sentence, two words and an office are a name and its office whenever the second
            // word is one the lexicons hardly know, even after a first name the lists lack or that is also an
            // ordinary word ("محرم نویدکیا سرمربی سپاهان نیز گفت").
            let no_verb_or_adjective =
                |k: &str| !(crate::compact::lexicon_verb(k) || crate::compact::lexicon_adjective(k));
            let initial = sentence_start(chars, a.s)
                && (self.rare_word(z.key) || self.unknown_word(z.key))
                && a.key.chars().count() >= 2
                && !crate::compact::lexicon_verb(a.key)
                && no_verb_or_adjective(z.key);
            // A first name and a surname of the lists in two words, its ZWNJ lost to a space ("علی قلعه نویی
            // سرمربی ..."), even when the surname's first word starts place names.
            if ti >= 3 && gap_ok {
                let w = &toks[ti - 3];
                if w.e + 1 == a.s
                    && self.first_names.contains(w.key)
                    && (self.known_first_names.contains(w.key) || !self.common_word(w.key))
                    && self.spaced_surname(&toks, ti - 2)
                    && !covered(&b, w.s, z.e)
                {
                    b.add_local(w.s, z.e, chars);
                    continue;
                }
            }
            // Three words at a sentence start, a first name of the lists and two name-like words ("حسین عبده
            // تبریزی کارشناس بازار سرمایه نیز گفت"): a first name with a surname of two words.
            if ti >= 3 && gap_ok && plain(ti - 3) && plain(ti - 2) && plain(ti - 1) {
                let w = &toks[ti - 3];
                let name_like = |k: &str| {
                    (self.last_names.contains(k) || self.first_names.contains(k) || self.rare_word(k) || self.unknown_word(k))
                        && !crate::compact::lexicon_verb(k)
                };
                // Or after "با", as the partner of a meeting ("در دیدار با حسن کاظمی قمی سفیر ایران").
                let after_ba = ti >= 4 && toks[ti - 4].key == "با" && toks[ti - 4].e + 1 == w.s;
                if (sentence_start(chars, w.s) || after_ba)
                    && w.e + 1 == a.s
                    && chars[w.e] == ' '
                    && self.first_names.contains(w.key)
                    && (self.known_first_names.contains(w.key) || !self.common_word(w.key))
                    && name_like(a.key)
                    && name_like(z.key)
                    && !covered(&b, w.s, z.e)
                {
                    b.add_local(w.s, z.e, chars);
                    continue;
                }
            }
            if gap_ok && !covered(&b, a.s, z.e) && plain(ti - 2) && plain(ti - 1) && (persian || foreign || initial) {
                match self.resolve_surname(z.key, &b, date).filter(|&p| self.full_name_matches(p, a.key, z.key)) {
                    Some(p) => {
                        b.add_kb(self.kb, p, a.s, z.e, Via::Name, chars);
                    }
                    None => {
                        // A third word before a foreign name ("خوان کارلوس گاریدو سرمربی ...") or an Arabic one whose
                        // surname has the article ("اثیر داوود الغریری وزیر بازرگانی عراق").
                        let arabic = z.key.starts_with("ال") && z.key.chars().count() >= 5;
                        let start = (ti >= 3 && (foreign || arabic))
                            .then(|| &toks[ti - 3])
                            .filter(|w| {
                                chars[w.e..a.s].iter().all(|c| *c == ' ')
                                    && w.e + 1 == a.s
                                    && plain(ti - 3)
                                    && !covered(&b, w.s, w.e)
                                    && (self.unknown_word(w.key) || self.first_names.contains(w.key))
                            })
                            .map_or(a.s, |w| w.s);
                        b.add_local(start, z.e, chars);
                    }
                }
            }
        }

        // A first name and a surname with no cue ("درباره غیبت مهدی طارمی"): a first name of the lists
        // followed by a surname of the lists that is no first name, or by a rare word; neither an
        // ordinary word.
        for ti in 1..toks.len() {
            let (a, z) = (&toks[ti - 1], &toks[ti]);
            // The cheap tests first: this runs on every pair of words.
            if a.e + 1 != z.s || chars[a.e] != ' ' || !self.known_first_names.contains(a.key) {
                continue;
            }
            // A surname of a first name and its suffix written apart ("علی حسن زاده گفت").
            if let Some(x) = toks.get(ti + 1)
                && is_surname_suffix(x.key)
                && self.spaced_surname(&toks, ti)
                && cue_cache[ti - 1].is_none()
                && !covered(&b, a.s, x.e)
            {
                b.add_local(a.s, x.e, chars);
                continue;
            }
            let surname = ((self.last_names.contains(z.key) && !self.first_names.contains(z.key))
                || self.rare_word(z.key)
                || self.prominent_surname(z.key))
                && !crate::compact::lexicon_verb(z.key);
            if !surname
                || self.common_word(z.key)
                || cue_cache[ti - 1].is_some()
                || cue_cache[ti].is_some()
                || self.stop.contains(a.key)
                || covered(&b, a.s, z.e)
                || self.name_continues(&toks, ti, chars)
                // Before an office the name is the office's holder's (step 3 and the role-head rule above).
                || matches!(cue_cache.get(ti + 1), Some(Some((Cue::RoleHead, _, _))))
            {
                continue;
            }
            if let Some(bearers) = self.surnames.get(z.key) {
                // A surname of the knowledge base after a first name: the bearer whose full name it is, or whose
                // first name starts or ends with it ("جواد ظریف" for "محمدجواد ظریف"); after a first name none
                // of them bears ("علی صحرایی" is not "رضامراد صحرایی"), another person, outside the knowledge base.
                if let Some(p) = self.resolve_surname(z.key, &b, date).filter(|&p| self.full_name_matches(p, a.key, z.key)) {
                    b.add_kb(self.kb, p, a.s, z.e, Via::Name, chars);
                } else if !bearers.iter().any(|&p| self.first_name_fits(p, a.key, z.key)) {
                    b.add_local(a.s, z.e, chars);
                }
                continue;
            }
            // An Arabic patronymic chain before the first name ("مساعد بن محمد العیبان").
            let start = (ti >= 3 && matches!(toks[ti - 2].key, "بن" | "بنت" | "ابن"))
                .then(|| &toks[ti - 3])
                .filter(|w| w.e + 1 == toks[ti - 2].s && toks[ti - 2].e + 1 == a.s && !covered(&b, w.s, w.e) && cue_cache[ti - 3].is_none())
                .map_or(a.s, |w| w.s);
            // A third rare word that is no verb or adjective ends the name ("محمد سانوسی بارکیندو").
            let end = toks
                .get(ti + 1)
                .filter(|n| {
                    z.e + 1 == n.s
                        && chars[z.e] == ' '
                        && cue_cache[ti + 1].is_none()
                        && self.rare_word(n.key)
                        && !self.common_word(n.key)
                        && !crate::compact::lexicon_verb(n.key)
                        && !crate::compact::lexicon_adjective(n.key)
                        && !covered(&b, n.s, n.e)
                })
                .map_or(z.e, |n| n.e);
            b.add_local(start, end, chars);
        }

        // A sentence that opens with two or three words the lexicons and name lists do not know: a transliterated
        // foreign name, the sentence's subject ("ریکاردو ساپینتو در نشست خبری ... گفت").
        for ti in 1..toks.len() {
            let (a, z) = (&toks[ti - 1], &toks[ti]);
            let foreign = |i: usize| {
                let t = &toks[i];
                cue_cache[i].is_none()
                    && self.unknown_word(t.key)
                    && t.key.chars().all(is_alphabetic)
                    && !covered(&b, t.s, t.e)
            };
            if !sentence_start(chars, a.s) || a.e + 1 != z.s || chars[a.e] != ' ' || !foreign(ti - 1) || !foreign(ti) {
                continue;
            }
            // Only a speaker: the sentence goes on to say something ("... اظهار کرد"); unknown words opening
            // other sentences are as often terms ("کریپتو ماینینگ غیرمجاز ... کشف شد").
            let says = toks[ti + 1..]
                .iter()
                .take_while(|t| !chars[z.e..t.s].iter().any(|c| matches!(c, '.' | '!' | '?' | '؟' | '\n')))
                .any(|t| SPEECH_WORDS.contains(&t.key));
            if !says {
                continue;
            }
            let end = toks
                .get(ti + 1)
                .filter(|n| z.e + 1 == n.s && chars[z.e] == ' ' && foreign(ti + 1))
                .map_or(z.e, |n| n.e);
            b.add_local(a.s, end, chars);
        }

        // Prominent surnames alone ("قالیباف", "امیرعبداللهیان"): one person in the knowledge base
        // bears them and they are not common names.
        for ti in 0..toks.len() {
            if !self.surnames.contains_key(toks[ti].key) && !self.surname_prefixes.contains(toks[ti].key) {
                continue;
            }
            let cands = [self.two_token_surname(&toks, ti), Some((toks[ti].key.to_string(), toks[ti].e))];
            for (k, e) in cands.into_iter().flatten() {
                let s0 = toks[ti].s;
                let last = if e == toks[ti].e { ti } else { ti + 1 };
                // After a first name the surname is that person's: handled with the first name above.
                let after_first_name = ti > 0
                    && self.first_names.contains(toks[ti - 1].key)
                    && toks[ti - 1].e + 1 == toks[ti].s
                    && chars[toks[ti - 1].e] == ' ';
                // A surname that is also an adjective, before a copula, is the adjective ("بر توان داخلی متکی
                // است": reliant, not Mottaki).
                let predicate = crate::compact::lexicon_adjective(&k)
                    && toks.get(last + 1).is_some_and(|n| {
                        chars[toks[last].e..n.s].iter().all(|c| *c == ' ')
                            && matches!(
                                n.key,
                                "است" | "بود" | "باشد" | "هست" | "نیست" | "نبود" | "شد" | "شده" | "بوده" | "هستند" | "باشند" | "شود" | "شدند"
                            )
                    });
                if covered(&b, s0, e)
                    || !self.prominent_surname(&k)
                    || self.name_continues(&toks, last, chars)
                    || after_first_name
                    || predicate
                {
                    continue;
                }
                let p = self.surnames[&k][0];
                b.add_kb(self.kb, p, s0, e, Via::Surname, chars);
                break;
            }
        }

        // 3. Roles.
        let mut role_hits = Vec::new();
        for m in self.roles.find_overlapping_iter(c.search_text()) {
            let (bs, be) = c.text_range(m.start(), m.end());
            if c.text[bs..be] != self.role_keys[m.pattern().as_usize()] {
                continue;
            }
            let Some((s, e)) = c.to_original(bs, be) else { continue };
            let pat = m.pattern().as_usize();
            // A number before the office makes a group ("دو رئیس‌جمهور"), not its holder.
            let before = toks.partition_point(|t| t.e <= s).checked_sub(1).map(|i| &toks[i]);
            if before.is_some_and(|t| chars[t.e..s].iter().all(|c| *c == ' ') && self.is_number_word(t.key)) {
                continue;
            }
            // As many words as the role has (a joint may be a ZWNJ: "معاون اول رئیس‌جمهور"), one fewer
            // for roles of three words or more.
            let parts = self.role_parts[pat];
            if c.joints(s, e) + 1 + usize::from(parts >= 3) < parts {
                continue;
            }
            let slot = self.role_slot_of_pat[pat];
            role_hits.push((s, e, slot));
        }
        role_hits.sort_by_key(|(s, e, _)| (*s, std::cmp::Reverse(*e)));
        let mut last_end = 0;
        for (s, e, slot) in role_hits {
            if s < last_end {
                continue;
            }
            // A named event inside an office's title is part of the title ("رهبر انقلاب اسلامی" does not
            // name the revolution).
            for (_, x) in b.entities.iter_mut().filter(|(_, x)| x.kind == Kind::Event) {
                x.mentions.retain(|m| m.end <= s || m.start >= e);
            }
            last_end = e;
            // The office after a word that names someone else by it ("معاون وزیر آموزش و پرورش", "دفتر
            // رئیس‌جمهور", "همسر ..."): not its holder.
            let prev = toks.partition_point(|t| t.e <= s).checked_sub(1).map(|i| &toks[i]);
            if prev.is_some_and(|t| chars[t.e..s].iter().all(|c| *c == ' ') && OF_THE_OFFICE.contains(&t.key)) {
                continue;
            }
            // The office followed by another country's name ("وزیر کشور پاکستان") is that country's, not
            // the one the knowledge base lists under the bare title.
            if b.country_starting_near(e, chars).is_some_and(|id| id != "country-ir") {
                continue;
            }
            // So is the office of another body whose name begins with the office's last word ("رئیس مجلس
            // نمایندگان عراق" is not "رئیس مجلس"): an organization named from inside the office past its end,
            // or a qualifier of a legislature before a foreign country ("رئیس مجلس سنای پاکستان").
            let own_orgs = |id: &str| self.role_pats[slot].iter().any(|&r| self.kb.roles[r].org == id);
            if b.org_overrunning(s, e, own_orgs) || self.qualified_abroad(&toks, e, chars, &b) {
                continue;
            }
            // So is one of "this country" ("وزیر اقتصاد این کشور" after "رئیس‌جمهور مکزیک"): a country told before.
            let next = toks.partition_point(|t| t.s < e);
            if toks.get(next).is_some_and(|t| matches!(t.key, "این" | "آن") && chars[e..t.s].iter().all(|c| *c == ' '))
                && toks.get(next + 1).is_some_and(|t| t.key == "کشور")
            {
                continue;
            }
            let holders: Vec<usize> = self.role_pats[slot].iter().map(|&r| self.kb.roles[r].person).collect();
            // Bound to the name right before ("X، رئیس ...") or right after ("وزیر خارجه X").
            let before = b.entity_ending_near(s, chars);
            let after = b.entity_starting_near(e, chars);
            let bound = before.or(after);
            if let Some(ent) = bound {
                b.add_role_text(ent, slot, s, e, self.slot_role_en(slot), chars);
                continue;
            }
            // A surname right before the role: "کنعانی سخنگوی ...".
            if let Some(t) = toks.iter().rev().find(|t| t.e <= s && chars[t.e..s].iter().all(|c| matches!(c, ' ' | '،' | ',')))
                && let Some(&p) = self.surnames.get(t.key).and_then(|ps| ps.iter().find(|p| holders.contains(p)))
                && !covered(&b, t.s, t.e)
            {
                let ent = b.add_kb(self.kb, p, t.s, t.e, Via::Surname, chars);
                b.add_role_text(ent, slot, s, e, self.slot_role_en(slot), chars);
                continue;
            }
            // A former office alone ("وزیر امور خارجه سابق") is not the holder on the article's date, nor is one
            // still to come ("رئیس‌جمهور منتخب آمریکا").
            let after = toks.partition_point(|t| t.s < e);
            if toks.get(after).is_some_and(|t| chars[e..t.s].iter().all(|c| *c == ' ') && not_held_now(t.key)) {
                // A former office ("رئیس جمهور سابق") is the one former holder the article names, when it names
                // exactly one whose tenure had ended by its date ("حسن روحانی" in the title): not an office of
                // another country ("رئیس جمهور سابق آمریکا").
                let former_end = toks[after].e;
                if crate::role_names::is_former(toks[after].key)
                    && let Some(d) = date
                    && b.country_starting_near(former_end, chars).is_none()
                    && !covered(&b, s, former_end)
                {
                    let mut former = holders.iter().copied().filter(|&p| {
                        b.kb_index.contains_key(&p)
                            && self.role_pats[slot]
                                .iter()
                                .map(|&ri| &self.kb.roles[ri])
                                .filter(|r| r.person == p)
                                .all(|r| r.ended_before(d))
                    });
                    if let (Some(p), None) = (former.next(), former.next()) {
                        b.add_kb(self.kb, p, s, former_end, Via::Role, chars);
                    }
                }
                // The office-elect ("رئیس‌جمهور منتخب آمریکا") is the one whose tenure of it begins within months
                // of the article's date.
                if toks[after].key == "منتخب"
                    && let Some(d) = date
                    && let Some((elect_slot, end)) = self.office_after_elect(&toks, s, e, after, chars)
                    && let Some(p) = self.next_holder(elect_slot, d)
                    && !covered(&b, s, e)
                {
                    b.add_kb(self.kb, p, s, end, Via::Role, chars);
                }
                continue;
            }
            // Alone: the holder on the article's date when the article names them or nobody else who held
            // it then; else a holder named in the article whose tenure had not ended by then ("وزیر خارجه" in
            // 2025, in an article that also names a former minister, is the minister of 2025).
            let dated = date.filter(|_| !self.shared_slot[slot]).and_then(|d| self.holder_on(slot, d));
            let ended = |p: usize| {
                date.is_some_and(|d| {
                    self.role_pats[slot]
                        .iter()
                        .map(|&ri| &self.kb.roles[ri])
                        .filter(|r| r.person == p)
                        .all(|r| r.ended_before(d))
                })
            };
            let mut named_holders = holders.iter().copied().filter(|&p| b.kb_index.contains_key(&p) && !ended(p));
            let named = named_holders.next();
            // Of an office several hold at once, only the one holder the article names.
            let named = if self.shared_slot[slot] && named_holders.next().is_some() { None } else { named };
            let pick = match (dated, named) {
                (Some(d), _) if b.kb_index.contains_key(&d) => Some(d),
                (Some(d), None) => Some(d),
                (_, n) => n,
            };
            if let Some(p) = pick {
                let ent = b.add_kb(self.kb, p, s, e, Via::Role, chars);
                b.add_role_text(ent, slot, s, e, self.slot_role_en(slot), chars);
            }
        }

        // 4. Surnames of persons in the article.
        let persons: Vec<usize> = b.kb_index.keys().copied().filter(|&p| self.kb.entries[p].kind == Kind::Person).collect();
        let mut doc_surnames: FastMap<&str, usize> = FastMap::default();
        for p in &persons {
            for sk in self.person_surnames.get(p).into_iter().flatten() {
                doc_surnames.insert(sk.as_str(), *p);
            }
        }
        if !doc_surnames.is_empty() {
            for (ti, t) in toks.iter().enumerate() {
                // One-token and two-token surnames ("امیر عبداللهیان").
                let two = toks
                    .get(ti + 1)
                    .filter(|_| self.surname_prefixes.contains(t.key))
                    .map(|u| ([t.key, u.key].concat(), u.e));
                let hit = two
                    .and_then(|(k2, e2)| doc_surnames.get(k2.as_str()).map(|p| (*p, e2)))
                    .or_else(|| doc_surnames.get(t.key).map(|p| (*p, t.e)));
                if let Some((p, e)) = hit
                    && !covered(&b, t.s, e)
                {
                    b.add_kb(self.kb, p, t.s, e, Via::Surname, chars);
                }
            }
        }

        // 5. Surnames of persons found outside the knowledge base ("کاوادا" after "تسوکاسا کاوادا"): the
        // last word of a name of two or more words, when it is a rare word or a surname of the lists.
        // A surname with its second part written apart ("حسین کنعانی مقدم") is found whole ("کنعانی مقدم") or by its
        // first part ("کنعانی").
        let local_surnames: Vec<(Vec<String>, usize)> = b
            .entities
            .iter()
            .enumerate()
            .filter(|(_, (entry, x))| entry.is_none() && x.kind == Kind::Person)
            .flat_map(|(i, (_, x))| {
                let mut words: Vec<String> = x.name_fa.split_whitespace().map(key).collect();
                let mut out = Vec::new();
                if words.len() >= 3 && words.last().is_some_and(|w| is_surname_suffix(w)) {
                    out.push((words[words.len() - 2..].to_vec(), i));
                    words.pop();
                } else if words.len() >= 3 && self.spaced_surname_keys(&words[words.len() - 2], &words[words.len() - 1]) {
                    // "امیر قلعه نویی": later "قلعه نویی", never "نویی" alone.
                    out.push((words[words.len() - 2..].to_vec(), i));
                    return out;
                }
                if let Some(last) = words.last().cloned()
                    && words.len() >= 2
                    && (self.rare_word(&last) || self.last_names.contains(&last))
                    && !self.first_names.contains(&last)
                    && !is_surname_suffix(&last)
                {
                    out.push((vec![last], i));
                }
                out
            })
            .collect();
        if !local_surnames.is_empty() {
            for (ti, t) in toks.iter().enumerate() {
                let found = local_surnames.iter().find(|(k, _)| {
                    toks.get(ti..ti + k.len()).is_some_and(|w| w.iter().zip(k).all(|(x, y)| x.key == *y))
                });
                if let Some((k, i)) = found {
                    let e = toks[ti + k.len() - 1].e;
                    if covered(&b, t.s, e) {
                        continue;
                    }
                    // Another first name right before the surname ("همایون شجریان" after "محمدرضا شجریان"): a
                    // relative, another person.
                    let other_first = ti > 0 && {
                        let f = &toks[ti - 1];
                        f.e + 1 == t.s
                            && chars[f.e] == ' '
                            // The lists hold some first names only as surnames ("همایون"), and many first names
                            // are also ordinary words: a title or an office there is none.
                            && self.is_name_token(f)
                            && cue_cache[ti - 1].is_none()
                            && !covered(&b, f.s, f.e)
                            && !b.entities[*i].1.name_fa.split_whitespace().any(|w| key(w) == f.key)
                    };
                    if other_first {
                        b.add_local(toks[ti - 1].s, e, chars);
                    } else {
                        b.add_mention(*i, t.s, e, Via::Surname, chars);
                    }
                }
            }
        }

        // 6. Roles written right after a name outside the knowledge base ("محمدرضا موالی‌زاده استاندار خوزستان",
        // "سید مجتبی ابطحی، دبیرکل ...").
        for ent in 0..b.entities.len() {
            let (entry, x) = &b.entities[ent];
            if entry.is_some() || x.kind != Kind::Person {
                continue;
            }
            let ends: Vec<usize> = x.mentions.iter().map(|m| m.end).collect();
            for e in ends {
                let ti = toks.partition_point(|t| t.s < e);
                let Some(t) = toks.get(ti) else { continue };
                if matches!(cue_cache[ti], Some((Cue::RoleHead, _, _)))
                    && chars[e..t.s].iter().all(|c| matches!(c, ' ' | '،' | ','))
                    && !covered(&b, t.s, t.e)
                {
                    let (role_end, role_en) = match self.constituency_role(&toks, ti, chars, &b) {
                        Some((end, en)) => (end, Some(en)),
                        None => {
                            let role_end = self.local_role_end(&toks, ti, chars, &b);
                            (role_end, self.local_role_en(&toks, ti, role_end, &b))
                        }
                    };
                    b.add_local_role(ent, t.s, role_end, role_en, chars);
                }
            }
        }

        // 7. A name in the name of a place or an institution ("مدرسه عالی شهید مطهری", "فرودگاه امام خمینی",
        // "بزرگراه شهید همت") names the place, not the person: no mention of them.
        for (_, x) in b.entities.iter_mut().filter(|(_, x)| x.kind == Kind::Person) {
            x.mentions.retain(|m| !self.named_after_before(chars, m.start));
        }

        b.finish(self, date)
    }

    /// Whether the words before char `s`, past honorifics ("شهید", "آیت‌الله"), end with the name of a kind of
    /// place or institution named after people (`named_after` in `data/kb/cues.tsv`, of up to three words).
    fn named_after_before(&self, chars: &[char], s: usize) -> bool {
        let mut pos = s;
        for _ in 0..3 {
            let (b, e) = word_before(chars, pos);
            if b >= e || !chars[e..pos].iter().all(|c| *c == ' ') {
                return false;
            }
            // The place's word, with up to two words before it ("فوق تخصصی" in "بیمارستان فوق تخصصی").
            let mut k = key_of_chars(&chars[b..e]);
            let mut start = b;
            for _ in 0..3 {
                if self.named_after.contains(&k) {
                    return true;
                }
                let (b2, e2) = word_before(chars, start);
                if b2 >= e2 || !chars[e2..start].iter().all(|c| *c == ' ') {
                    break;
                }
                let mut two = key_of_chars(&chars[b2..e2]);
                two.push_str(&k);
                k = two;
                start = b2;
            }
            let w = key_of_chars(&chars[b..e]);
            if !matches!(self.cues.get(&w), Some((Cue::Honorific, _))) {
                return false;
            }
            pos = b;
        }
        false
    }

    /// The one person who held the role `slot` on `d`: the only holder whose dates surely cover
    /// the day, else the only one who may have held it (dates covering the day at the precision
    /// given, or a tenure begun with an unknown end and no successor by then). Ties give `None`:
    /// in a year when one holder left and another came, both given only by the year, neither is
    /// named.
    fn holder_on(&self, slot: usize, d: Day) -> Option<usize> {
        let mut sure = Vec::new();
        let mut maybe = Vec::new();
        let starts: Vec<Day> =
            self.role_pats[slot].iter().filter_map(|&ri| self.kb.roles[ri].start_day()).filter(|s| *s <= d).collect();
        for &ri in &self.role_pats[slot] {
            let r = &self.kb.roles[ri];
            let succeeded = match r.start_day() {
                Some(s0) => starts.iter().any(|s| *s > s0),
                None => true,
            };
            if r.surely_held_on(d) && !sure.contains(&r.person) {
                sure.push(r.person);
            }
            if r.plausible_on(d).is_some_and(|by_dates| by_dates || !succeeded) && !maybe.contains(&r.person) {
                maybe.push(r.person);
            }
        }
        match (sure.as_slice(), maybe.as_slice()) {
            ([p], _) => Some(*p),
            ([], [p]) => Some(*p),
            _ => None,
        }
    }

    /// The office written around "منتخب" at token `elect` ("رئیس‌جمهور" `s..e`, then "منتخب آمریکا"): its slot
    /// and where the phrase ends, for up to three words after "منتخب".
    fn office_after_elect(&self, toks: &[Tok], s: usize, e: usize, elect: usize, chars: &[char]) -> Option<(usize, usize)> {
        let head = key_of_chars(&chars[s..e]);
        (1..=3).rev().find_map(|n| {
            let words = toks.get(elect + 1..elect + 1 + n)?;
            let gap_ok = words.windows(2).all(|w| chars[w[0].e..w[1].s].iter().all(|c| *c == ' '));
            if !gap_ok || !chars[toks[elect].e..words[0].s].iter().all(|c| *c == ' ') {
                return None;
            }
            let k: String = std::iter::once(head.as_str()).chain(words.iter().map(|t| t.key)).collect();
            let pat = self.role_keys.iter().position(|x| *x == k)?;
            Some((self.role_slot_of_pat[pat], words[n - 1].e))
        })
    }

    /// The one person whose tenure of office `slot` begins after day `d` and within three months of it: the
    /// office-elect.
    fn next_holder(&self, slot: usize, d: Day) -> Option<usize> {
        let months = |a: Day, b: Day| (b.0 - a.0) * 12 + i32::from(b.1) - i32::from(a.1);
        let mut who: Vec<usize> = self.role_pats[slot]
            .iter()
            .map(|&ri| &self.kb.roles[ri])
            .filter(|r| r.start_day().is_some_and(|s0| s0 > d && months(d, s0) <= 3))
            .map(|r| r.person)
            .collect();
        who.dedup();
        match who[..] {
            [p] => Some(p),
            _ => None,
        }
    }

    /// True when token `k + 1` continues a person name after token `k` (a single space apart
    /// and a first name or surname of the name lists).
    fn name_continues(&self, toks: &[Tok], k: usize, chars: &[char]) -> bool {
        let (Some(a), Some(z)) = (toks.get(k), toks.get(k + 1)) else { return false };
        // The name lists hold ordinary words ("دیدار", "سفر"): a frequent one that no person of the knowledge base
        // bears continues no name ("با آیت‌الله خامنه‌ای دیدار کرد").
        let ordinary = self.common_word(z.key) && !self.known_first_names.contains(z.key) && !self.surnames.contains_key(z.key);
        chars[a.e..z.s].iter().all(|c| *c == ' ') && z.s - a.e == 1 && self.is_name_token(z) && !ordinary
    }

    /// True when the word before char `s` is a place cue ("شهر", "بندر", "شهرستان‌های") or a local
    /// office ("فرماندار", "امام جمعه").
    fn place_cue_before(&self, chars: &[char], s: usize) -> bool {
        let (b, e) = word_before(chars, s);
        let mut w = key_of_chars(&chars[b..e]);
        // A plural written apart, as copies that carry a space for the ZWNJ do: "شهرستان های".
        if matches!(w.as_str(), "ها" | "های") {
            let (a0, a) = word_before(chars, b);
            let mut two = key_of_chars(&chars[a0..a]);
            two.push_str(&w);
            w = two;
        }
        // One- and two-word offices ("فرماندار", "امام جمعه").
        matches!(self.cues.get(&w), Some((Cue::Place, _))) || words_before_in(chars, s, &self.place_offices)
    }

    /// Whether the cue word at token `i` is a first name of the knowledge base ("امیر") followed by a rare
    /// word that is no first name and no surname of the knowledge base: the two are a name ("امیر قلعه‌نویی").
    fn cue_is_first_name(&self, toks: &[Tok], i: usize) -> bool {
        let (Some(a), Some(t)) = (toks.get(i), toks.get(i + 1)) else { return false };
        a.e + 1 == t.s
            && self.known_first_names.contains(a.key)
            && self.rare_word(t.key)
            && !self.first_names.contains(t.key)
            && !self.surnames.contains_key(t.key)
            && self.two_token_surname(toks, i).is_none()
    }

    /// True when the word (or two words) right before char `s` is a media word ("شبکه", "پایگاه خبری").
    fn media_before(&self, chars: &[char], s: usize) -> bool {
        let (b, e) = word_before(chars, s);
        b < e && chars[e..s].iter().all(|c| *c == ' ') && words_before_in(chars, s, &self.media_words)
    }

    /// True when the media word before `s` and the name `s..e` together are the name of a news outlet
    /// (`data/agencies.tsv`).
    fn outlet_ending_at(&self, chars: &[char], s: usize, e: usize) -> bool {
        let (b, _) = word_before(chars, s);
        let phrase: String = chars[b..e].iter().collect();
        khabar_extract::agency::Outlets::builtin().byline(&phrase).is_some()
    }

    /// Whether the sentence around `s..e` is a sports report: it names a club or holds a word of
    /// `data/events/sport_words.txt` ("سرمربی استقلال", "تیم‌های استقلال و پرسپولیس", not "سالروز استقلال کشور").
    fn sports_sentence(&self, toks: &[Tok], chars: &[char], s: usize, e: usize, b: &Builder) -> bool {
        let end_of_sentence = |c: &char| matches!(c, '.' | '!' | '؟' | '?' | '\n');
        let from = chars[..s].iter().rposition(end_of_sentence).map_or(0, |i| i + 1);
        let to = chars[e..].iter().position(end_of_sentence).map_or(chars.len(), |i| e + i);
        let club = b.entities.iter().any(|(k, x)| {
            k.is_some_and(|k| self.kb.entries[k].description == "sport")
                && x.mentions.iter().any(|m| m.start >= from && m.end <= to)
        });
        let window = &toks[toks.partition_point(|t| t.s < from)..toks.partition_point(|t| t.s < to)];
        club || (0..window.len()).any(|i| {
            self.sport_words
                .iter()
                .any(|p| p.len() <= window.len() - i && p.iter().zip(&window[i..]).all(|(w, t)| *w == t.key))
        })
    }

    /// Whether the office ending at char `e` is followed by a legislature's qualifier and a foreign country
    /// ("رئیس مجلس ملی پاکستان", "رئیس مجلس سنای آمریکا").
    fn qualified_abroad(&self, toks: &[Tok], e: usize, chars: &[char], b: &Builder) -> bool {
        let next = toks.partition_point(|t| t.s < e);
        let Some(q) = toks.get(next) else { return false };
        chars[e..q.s].iter().all(|c| *c == ' ')
            && LEGISLATURE_QUALIFIERS.contains(&q.key)
            && b.country_starting_near(q.e, chars).is_some_and(|id| id != "country-ir")
    }

    /// True for number words and ordinals ("چهار", "چهاردهم", "دومین").
    fn is_number_word(&self, k: &str) -> bool {
        let is_num = |w: &str| matches!(self.cues.get(w), Some((Cue::Number, _)));
        is_num(k)
            || k.strip_suffix("مین").is_some_and(|w| is_num(w) || w.strip_suffix('م').is_some_and(is_num))
            || k.strip_suffix('م').is_some_and(is_num)
    }

    /// True when tokens `i` and `i + 1`, one space apart, are one surname of the name lists written with a space
    /// for its lost ZWNJ ("قلعه نویی", listed as "قلعه نوئی"): the first word ends in a letter that does not join
    /// ("ه"), so the writer's ZWNJ became a space; or a first name and a surname suffix ("حسن زاده").
    fn spaced_surname(&self, toks: &[Tok], i: usize) -> bool {
        let (Some(a), Some(z)) = (toks.get(i), toks.get(i + 1)) else {
            return false;
        };
        a.e + 1 == z.s && self.spaced_surname_keys(a.key, z.key)
    }

    /// True when the keys `a` and `z` are one surname of the name lists written as two words ("قلعه" "نویی"); see
    /// [`Self::spaced_surname`].
    fn spaced_surname_keys(&self, a: &str, z: &str) -> bool {
        let mut k = String::with_capacity(a.len() + z.len());
        k.push_str(a);
        k.push_str(z);
        // A first name and a surname suffix ("حسن زاده", "علی پور"): surnames are made so, listed or not (the stop
        // list holds "زاده").
        if is_surname_suffix(z) {
            return self.last_names.contains(&k) || self.first_names.contains(a) && !self.stop.contains(a);
        }
        if !a.ends_with('ه') || self.stop.contains(z) {
            return false;
        }
        // The lists spell "ئی" where news writes "یی" ("نوئی", "نویی").
        self.last_names.contains(&k) || k.ends_with("یی") && self.last_names.contains(&format!("{}ئی", &k[..k.len() - "یی".len()]))
    }

    /// A two-token surname ("امیر عبداللهیان") starting at token `i`: its key and end.
    fn two_token_surname(&self, toks: &[Tok], i: usize) -> Option<(String, usize)> {
        let (a, z) = (toks.get(i)?, toks.get(i + 1)?);
        if !self.surname_prefixes.contains(a.key) {
            return None;
        }
        let mut k = String::with_capacity(a.key.len() + z.key.len());
        k.push_str(a.key);
        k.push_str(z.key);
        self.surnames.contains_key(&k).then_some((k, z.e))
    }

    /// A surname that alone names one person: unique in the knowledge base and not a common
    /// first name, surname, function word or ordinary word ("سریع" is "fast" before it is
    /// Yahya Saree: lexicon frequency above [`COMMON_WORD_LOG2`]; "ابتکار" is "initiative" before
    /// it is Masoumeh Ebtekar: listed in `data/kb/ambiguous.tsv`).
    fn prominent_surname(&self, k: &str) -> bool {
        self.surnames.get(k).is_some_and(|ps| ps.len() == 1)
            && crate::compact::lexicon_log2(k).is_none_or(|f| f < COMMON_WORD_LOG2)
            && k.chars().count() >= 4
            && !self.first_names.contains(k)
            && !self.last_names.contains(k)
            && !self.stop.contains(k)
            && !self.ambiguous.contains(k)
            && !self.is_number_word(k)
    }

    /// The English name of the knowledge-base office `slot` ("Minister of Foreign Affairs of Oman").
    fn slot_role_en(&self, slot: usize) -> Option<String> {
        self.role_pats[slot].iter().map(|&ri| &self.kb.roles[ri].role_en).find(|en| !en.is_empty()).cloned()
    }

    /// The English of a role phrase `toks[ti]..role_end` after a name outside the knowledge base, when it is a
    /// role head and one knowledge-base organization or place, optionally "در" and a place: "سفیر روسیه در
    /// تهران" → "Ambassador of Russia in Tehran", "استاندار خوزستان" → "Governor of Khuzestan Province". Any
    /// other phrase ("وزیر دفاع ترکیه") gets none: an English guess could be wrong.
    fn local_role_en(&self, toks: &[Tok], ti: usize, role_end: usize, b: &Builder) -> Option<String> {
        let gloss = self.role_glosses.get(toks[ti].key)?;
        // The knowledge-base entity (no person) whose mention starts at token `k`: its English name and end.
        let entity_at = |k: usize| -> Option<(&str, usize)> {
            let (i, end) = b.kb_mention_at(toks, k)?;
            let x = &b.entities[i].1;
            (x.kind != Kind::Person).then_some((x.name_en.as_deref()?, end))
        };
        let (of, end) = entity_at(ti + 1)?;
        // Title case, as the knowledge base writes offices ("Prime Minister of Japan").
        let head: Vec<String> = gloss
            .split(' ')
            .map(|w| {
                let mut c = w.chars();
                c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
            })
            .collect();
        let mut en = format!("{} of {of}", head.join(" "));
        if end == role_end {
            return Some(en);
        }
        let k = toks.partition_point(|t| t.s < end);
        if toks.get(k).is_some_and(|t| t.key == "در")
            && let Some((place, pe)) = entity_at(k + 1)
            && pe == role_end
        {
            en.push_str(" in ");
            en.push_str(place);
            return Some(en);
        }
        None
    }

    /// A member of parliament's office, "نماینده مردم تبریز، آذرشهر و اسکو در مجلس شورای اسلامی": its end (the
    /// parliament's name when written, else the last town) and its English ("Member of Parliament for Tabriz,
    /// Azarshahr and Osku"). The towns are places of the knowledge base, joined by "،" or "و".
    fn constituency_role(&self, toks: &[Tok], ti: usize, chars: &[char], b: &Builder) -> Option<(usize, String)> {
        if toks.get(ti)?.key != "نماینده" || toks.get(ti + 1)?.key != "مردم" {
            return None;
        }
        // The knowledge-base place whose mention starts at token `k`: its English name and end.
        let place_at = |k: usize| -> Option<(&str, usize)> {
            let (i, end) = b.kb_mention_at(toks, k)?;
            let x = &b.entities[i].1;
            (x.kind == Kind::Location).then_some((x.name_en.as_deref()?, end))
        };
        let mut towns: Vec<&str> = Vec::new();
        let mut k = ti + 2;
        let mut end = toks[ti + 1].e;
        while let Some((name, e)) = place_at(k) {
            towns.push(name);
            end = e;
            k = toks.partition_point(|t| t.s < e);
            let Some(next) = toks.get(k) else { break };
            let gap: String = chars[e..next.s].iter().collect();
            if next.key == "و" && gap.trim().is_empty() {
                k += 1;
            } else if !matches!(gap.trim(), "،" | ",") {
                break;
            }
        }
        // "در مجلس شورای اسلامی" closes the office.
        if toks.get(k).is_some_and(|t| t.key == "در")
            && let Some((i, e)) = b.kb_mention_at(toks, k + 1)
            && b.entities[i].1.kind == Kind::Org
            && key(&b.entities[i].1.name_fa).starts_with("مجلس")
        {
            end = e;
        }
        let list = match towns.as_slice() {
            [one] => one.to_string(),
            [init @ .., last] => format!("{} and {last}", init.join(", ")),
            [] => return None,
        };
        Some((end, format!("Member of Parliament for {list}")))
    }

    /// The end of the role phrase that starts at the role head `toks[ti]` after a name outside the knowledge
    /// base ("محمدرضا موالی‌زاده استاندار خوزستان | امروز ..."): at most six words, written with spaces only,
    /// up to a `phrase_end` word, a verb form, a person's name or anything that is not a Persian word. A place
    /// or body ends it ("مشاور امنیت ملی عربستان | ریاست ...").
    fn local_role_end(&self, toks: &[Tok], ti: usize, chars: &[char], b: &Builder) -> usize {
        let mut e = toks[ti].e;
        let mut before_and = e;
        let mut in_name: Option<usize> = None;
        for t in toks.iter().skip(ti + 1).take(6) {
            let ent = b.entity_covering(t.s);
            if in_name.is_some() && ent != in_name {
                break;
            }
            if !chars[e..t.s].iter().all(|c| *c == ' ')
                || ent.is_some_and(|i| b.entities[i].1.kind == Kind::Person)
                || (ent.is_none() && self.phrase_ends.contains(t.key))
                // A word of a body's name is no verb ("ستاد انتخابات کشور": "ستاد" is also a past stem).
                || (ent.is_none() && crate::compact::lexicon_verb(t.key))
                || !t.key.chars().all(|c| ('\u{0620}'..='\u{06FF}').contains(&c))
            {
                break;
            }
            in_name = ent;
            // "و" joins the words of a body's name ("آموزش و پرورش"); a phrase does not end with it.
            if t.key != "و" {
                before_and = t.e;
            }
            e = t.e;
        }
        before_and
    }

    /// The one person of the knowledge base named in the article whose name (of three words or more) starts with
    /// the word `k`.
    fn first_name_of_named(&self, b: &Builder, k: &str) -> Option<usize> {
        let mut found = b.kb_index.keys().copied().filter(|&p| {
            let e = &self.kb.entries[p];
            e.kind == Kind::Person
                && std::iter::once(&e.name_fa).chain(&e.variants).any(|n| {
                    let words: Vec<&str> = n.split_whitespace().collect();
                    words.len() >= 3 && key(words[0]) == k
                })
        });
        let p = found.next()?;
        found.next().is_none().then_some(p)
    }

    /// An ordinary word: more frequent in the lexicons than [`COMMON_WORD_LOG2`], or a stop word.
    fn common_word(&self, k: &str) -> bool {
        crate::compact::lexicon_log2(k).is_some_and(|f| f >= COMMON_WORD_LOG2) || self.stop.contains(k)
    }

    /// A word of 3+ letters the lexicons have rarely or not at all (below [`RARE_WORD_LOG2`]), no function or
    /// number word and no plural of a common word: a surname when a first name comes before it.
    fn rare_word(&self, k: &str) -> bool {
        k.chars().count() >= 3
            && k.chars().all(is_alphabetic)
            && crate::compact::lexicon_log2(k).is_none_or(|f| f < RARE_WORD_LOG2)
            && !self.stop.contains(k)
            && !self.is_number_word(k)
            && !self.plural_of_common_word(k)
    }

    /// A plural of a common word ("خبرنگاران", "نمایندگان", "کشورها"): the lexicons list few plurals, so such a
    /// word looks rare, but it is no name.
    fn plural_of_common_word(&self, k: &str) -> bool {
        [("ها", ""), ("های", ""), ("ان", ""), ("گان", "ه"), ("ات", "")].iter().any(|&(suf, add)| {
            k.strip_suffix(suf).is_some_and(|stem| {
                stem.chars().count() >= 3 && {
                    let mut w = stem.to_string();
                    w.push_str(add);
                    self.common_word(&w)
                }
            })
        })
    }

    /// A word of 3+ letters the lexicons do not have (or below [`UNKNOWN_WORD_LOG2`]) and no name of the
    /// name lists: a transliterated foreign name ("کاوادا").
    fn unknown_word(&self, k: &str) -> bool {
        k.chars().count() >= 3
            && crate::compact::lexicon_log2(k).is_none_or(|f| f < UNKNOWN_WORD_LOG2)
            && !self.first_names.contains(k)
            && !self.last_names.contains(k)
            && !self.stop.contains(k)
            && !self.is_number_word(k)
            && !self.plural_of_common_word(k)
    }

    /// Whether `first` may be a short form of the first name of knowledge-base person `p` written with the
    /// surname `last`: one of their names, without the surname, starts or ends with it ("جواد" for "محمدجواد").
    fn first_name_fits(&self, p: usize, first: &str, last: &str) -> bool {
        let e = &self.kb.entries[p];
        std::iter::once(&e.name_fa).chain(&e.variants).any(|n| {
            let k = key(n);
            k.strip_suffix(last).is_some_and(|f| !f.is_empty() && (f.starts_with(first) || f.ends_with(first)))
        })
    }

    fn full_name_matches(&self, p: usize, first: &str, last: &str) -> bool {
        let e = &self.kb.entries[p];
        std::iter::once(&e.name_fa).chain(&e.variants).any(|n| key(n) == format!("{first}{last}"))
    }

    /// The person a surname refers to: one named in the article, else the only one in the
    /// knowledge base, else the one holding a role on the article's date.
    fn resolve_surname(&self, k: &str, b: &Builder, date: Option<Day>) -> Option<usize> {
        let ps = self.surnames.get(k)?;
        if let Some(&p) = ps.iter().find(|p| b.kb_index.contains_key(p)) {
            return Some(p);
        }
        if ps.len() == 1 {
            return Some(ps[0]);
        }
        let d = date?;
        let active: Vec<usize> = ps.iter().copied().filter(|&p| self.kb.roles_of(p).any(|r| r.held_on(d))).collect();
        (active.len() == 1).then(|| active[0])
    }
}

#[derive(Default)]
struct Builder {
    entities: Vec<(Option<usize>, Entity)>,
    kb_index: FastMap<usize, usize>,
    /// Characters already inside a mention.
    covered: Vec<bool>,
    role_slots: Vec<Vec<usize>>,
    pending_abbrevs: Vec<(usize, usize, usize)>,
    local: usize,
}

fn mention(s: usize, e: usize, chars: &[char], via: Via) -> Mention {
    Mention { start: s, end: e, text: chars[s..e].iter().collect(), via }
}

impl Builder {
    fn add_kb(&mut self, kb: &Kb, entry: usize, s: usize, e: usize, via: Via, chars: &[char]) -> usize {
        self.cover(s, e);
        let m = mention(s, e, chars, via);
        if let Some(&i) = self.kb_index.get(&entry) {
            self.entities[i].1.mentions.push(m);
            return i;
        }
        let k = &kb.entries[entry];
        let ent = Entity {
            id: k.id.clone(),
            kind: k.kind,
            name_fa: k.name_fa.clone(),
            name_en: Some(k.name_en.clone()),
            kb: true,
            roles: vec![],
            honorifics: vec![],
            mentions: vec![m],
        };
        self.entities.push((Some(entry), ent));
        self.role_slots.push(vec![]);
        self.kb_index.insert(entry, self.entities.len() - 1);
        self.entities.len() - 1
    }

    fn cover(&mut self, s: usize, e: usize) {
        for c in &mut self.covered[s..e] {
            *c = true;
        }
    }

    /// One more mention of entity `ent`.
    fn add_mention(&mut self, ent: usize, s: usize, e: usize, via: Via, chars: &[char]) {
        self.cover(s, e);
        self.entities[ent].1.mentions.push(mention(s, e, chars, via));
    }

    fn add_local(&mut self, s: usize, mut e: usize, chars: &[char]) -> usize {
        // A surname's second part written apart belongs to it ("محمدرضا موالی زاده").
        while chars.get(e) == Some(&' ') {
            let w_end = (e + 1..chars.len()).find(|&i| !is_alphabetic(chars[i])).unwrap_or(chars.len());
            let w: String = chars[e + 1..w_end].iter().collect();
            if !is_surname_suffix(&w) || self.entity_covering(e + 1).is_some() {
                break;
            }
            e = w_end;
        }
        self.cover(s, e);
        let m = mention(s, e, chars, Via::Cue);
        // The same name again is the same local person.
        if let Some(i) = self.entities.iter().position(|(k, x)| k.is_none() && key(&x.name_fa) == key(&m.text)) {
            self.entities[i].1.mentions.push(m);
            return i;
        }
        // A name of two words or more that ends another one is the same person, whichever comes first: "امامی
        // کاشانی" in the title and "محمد امامی کاشانی" in the text. The longer one is the entity's name.
        let words = |n: &str| n.split_whitespace().map(key).collect::<Vec<String>>();
        let new = words(&m.text);
        let same: Vec<usize> = self
            .entities
            .iter()
            .enumerate()
            .filter(|(_, (k, x))| k.is_none() && x.kind == Kind::Person)
            .filter(|(_, (_, x))| {
                let old = words(&x.name_fa);
                let (short, long) = if old.len() < new.len() { (&old, &new) } else { (&new, &old) };
                short.len() >= 2 && short.len() < long.len() && long.ends_with(short)
            })
            .map(|(i, _)| i)
            .collect();
        if let [i] = same[..] {
            let x = &mut self.entities[i].1;
            if new.len() > words(&x.name_fa).len() {
                x.name_fa = m.text.clone();
            }
            x.mentions.push(m);
            return i;
        }
        self.local += 1;
        self.entities.push((
            None,
            Entity {
                id: format!("local-{}", self.local),
                kind: Kind::Person,
                name_fa: m.text.clone(),
                name_en: None,
                kb: false,
                roles: vec![],
                honorifics: vec![],
                mentions: vec![m],
            },
        ));
        self.role_slots.push(vec![]);
        self.entities.len() - 1
    }

    fn add_honorifics(&mut self, ent: usize, hons: &[String]) {
        let h = &mut self.entities[ent].1.honorifics;
        for x in hons {
            if !h.contains(x) {
                h.push(x.clone());
            }
        }
    }

    fn add_role_text(&mut self, ent: usize, slot: usize, s: usize, e: usize, role_en: Option<String>, chars: &[char]) {
        if !self.role_slots[ent].contains(&slot) {
            self.role_slots[ent].push(slot);
        }
        self.add_local_role(ent, s, e, role_en, chars);
    }

    /// A role written beside a name outside the knowledge base (its words as written, no English).
    fn add_local_role(&mut self, ent: usize, s: usize, e: usize, role_en: Option<String>, chars: &[char]) {
        let (entry, x) = &mut self.entities[ent];
        let text: String = chars[s..e].iter().collect();
        if entry.is_none() && !x.roles.iter().any(|ro| ro.role_fa == text) {
            x.roles.push(RoleOut { role_fa: text, role_en, start: None, end: None, in_text: true });
        }
    }

    /// The entity one of whose mentions covers char `pos`.
    fn entity_covering(&self, pos: usize) -> Option<usize> {
        self.entities.iter().position(|(_, x)| x.mentions.iter().any(|m| m.start <= pos && pos < m.end))
    }

    /// The knowledge-base entity (index) one of whose mentions starts at token `k`, with the mention's end.
    fn kb_mention_at(&self, toks: &[Tok], k: usize) -> Option<(usize, usize)> {
        let t = toks.get(k)?;
        let i = self.entity_covering(t.s)?;
        let (entry, x) = &self.entities[i];
        let m = x.mentions.iter().find(|m| m.start == t.s)?;
        entry.is_some().then_some((i, m.end))
    }

    fn entity_starting_at(&self, s: usize) -> Option<usize> {
        self.entities.iter().position(|(_, x)| x.mentions.iter().any(|m| m.start == s))
    }

    fn entity_ending_near(&self, s: usize, chars: &[char]) -> Option<usize> {
        self.entities.iter().position(|(_, x)| {
            x.kind == Kind::Person
                && x.mentions.iter().any(|m| m.end <= s && chars[m.end..s].iter().all(|c| matches!(c, ' ' | '،' | ',' | '»' | '«')))
        })
    }

    /// Whether an organization other than the office's own (`own`) is named from inside `s..e` to past `e` (an
    /// office's title cut short inside another body's name).
    fn org_overrunning(&self, s: usize, e: usize, own: impl Fn(&str) -> bool) -> bool {
        self.entities
            .iter()
            .filter(|(_, x)| x.kind == Kind::Org && !own(&x.id))
            .any(|(_, x)| x.mentions.iter().any(|m| m.start > s && m.start < e && m.end > e))
    }

    /// The id of a country named right after char `e` (one space apart).
    fn country_starting_near(&self, e: usize, chars: &[char]) -> Option<&str> {
        self.entities.iter().map(|(_, x)| x).find_map(|x| {
            let near = x.mentions.iter().any(|m| m.start >= e && m.start - e <= 1 && chars[e..m.start].iter().all(|c| *c == ' '));
            (near && x.id.starts_with("country-")).then_some(x.id.as_str())
        })
    }

    fn entity_starting_near(&self, e: usize, chars: &[char]) -> Option<usize> {
        self.entities.iter().position(|(_, x)| {
            x.kind == Kind::Person
                && x.mentions.iter().any(|m| m.start >= e && m.start - e <= 2 && chars[e..m.start].iter().all(|c| matches!(c, ' ' | '«')))
        })
    }

    fn finish(mut self, r: &Recognizer, date: Option<Day>) -> Vec<Entity> {
        for (i, (entry, x)) in self.entities.iter_mut().enumerate() {
            x.mentions.sort_by_key(|m| m.start);
            x.mentions.dedup_by_key(|m| m.start);
            let Some(p) = *entry else { continue };
            if x.kind != Kind::Person {
                continue;
            }
            let in_text: &[usize] = &self.role_slots[i];
            // Held on the article's date: surely by the dates, or begun with an unknown end and nobody else
            // appointed to the same role since.
            let current = |ri: usize| {
                let role = &r.kb.roles[ri];
                let slot = r.role_slot_of[ri];
                date.is_some_and(|d| {
                    role.surely_held_on(d)
                        || (role.began_with_unknown_end(d)
                            && !slot.into_iter().flat_map(|sl| &r.role_pats[sl]).any(|&oi| {
                                let o = &r.kb.roles[oi];
                                o.person != p && o.start_day().is_some_and(|s| Some(s) > role.start_day() && s <= d)
                            }))
                })
            };
            let mine: Vec<usize> = (0..r.kb.roles.len()).filter(|&ri| r.kb.roles[ri].person == p).collect();
            // Offices held on the article's day: an earlier tenure of the same office is not what the article
            // names (Trump's first presidency, in 2025).
            let held_now: Vec<usize> = mine.iter().filter(|&&ri| current(ri)).filter_map(|&ri| r.role_slot_of[ri]).collect();
            // Offices that may be held on the article's day (begun, end unknown or to come): a tenure of the same
            // office known to have ended before that day is not the one named (Aref's first vice-presidency,
            // 2001–2005, in 2024, when his second began that year).
            let maybe_now: Vec<usize> = mine
                .iter()
                .filter(|&&ri| date.is_some_and(|d| r.kb.roles[ri].plausible_on(d).is_some()))
                .filter_map(|&ri| r.role_slot_of[ri])
                .collect();
            for &ri in &mine {
                let role = &r.kb.roles[ri];
                let slot = r.role_slot_of[ri];
                let current = current(ri);
                let ended = date.is_some_and(|d| role.ended_before(d));
                let earlier_tenure = !current
                    && slot.is_some_and(|sl| held_now.contains(&sl) || (ended && maybe_now.contains(&sl)));
                let named = slot.is_some_and(|sl| in_text.contains(&sl)) && !earlier_tenure;
                // The text names an office the person held twice, and the article's day is in neither tenure:
                // the nearer tenure is the one meant ("دبیر شورای عالی امنیت ملی" for Larijani, 2005–2007 and
                // from 2025-08, in an article of 2025-06), not both.
                let nearer_tenure = named
                    && !current
                    && date.is_some_and(|d| {
                        mine.iter().any(|&rj| {
                            let o = &r.kb.roles[rj];
                            rj != ri
                                && r.role_slot_of[rj] == slot
                                && (o.distance_to(d), std::cmp::Reverse(o.start_day()))
                                    < (role.distance_to(d), std::cmp::Reverse(role.start_day()))
                        })
                    });
                if (named && !nearer_tenure) || current {
                    x.roles.push(RoleOut {
                        role_fa: role.role_fa.clone(),
                        role_en: Some(role.role_en.clone()).filter(|s| !s.is_empty()),
                        start: Some(role.start.clone()).filter(|s| !s.is_empty()),
                        end: Some(role.end.clone()),
                        in_text: named,
                    });
                }
            }
        }
        let mut out: Vec<Entity> = self.entities.into_iter().map(|(_, x)| x).filter(|x| !x.mentions.is_empty()).collect();
        out.sort_by_key(|x| x.mentions.first().map_or(usize::MAX, |m| m.start));
        out
    }
}

/// Whether `gap` joins two items of a list: " و ", "، " or ","-like separators with spaces.
/// Verbs and verb heads of speech ("گفت", "اظهار کرد"), as keys: a sentence with one has a speaker. The full
/// reporting verbs (`data/quotes/reporting_verbs.tsv`, with their light verbs) are khabar-events' lexicon, which
/// comes after this crate; these common forms are enough to tell a sentence that reports speech.
const SPEECH_WORDS: &[&str] = &[
    "گفت", "گفتند", "افزود", "افزودند", "اظهار", "اعلام", "تاکید", "تصریح", "نوشت", "خاطرنشان", "بیان", "عنوان", "میگوید",
];

/// Second parts of Persian surnames, written apart when the ZWNJ before them was lost or replaced by a space
/// ("موالی زاده", "پاک نژاد"): grammar of surnames, not names.
const SURNAME_SUFFIXES: &[&str] = &["زاده", "پور", "نیا", "نژاد", "فر", "راد", "منش", "کیا", "وند", "لو", "مقدم"];

/// Whether `word` (a compact key) is a second part of surnames written apart ("زاده" in "موالی زاده"): such a
/// word alone is no surname to find the person by.
pub fn is_surname_suffix(word: &str) -> bool {
    SURNAME_SUFFIXES.contains(&word)
}

/// Whether char `s` starts a sentence: only spaces since the text's start, a line break or a sentence mark.
fn sentence_start(chars: &[char], s: usize) -> bool {
    chars[..s]
        .iter()
        .rev()
        .find(|c| **c != ' ')
        .is_none_or(|c| matches!(c, '\n' | '.' | '!' | '?' | '؟' | '؛' | ':'))
}

fn is_list_joint(gap: &[char]) -> bool {
    let t: String = gap.iter().filter(|c| !c.is_whitespace()).collect();
    !gap.is_empty() && gap.len() <= 4 && matches!(t.as_str(), "و" | "،" | ",")
}

/// Whether the word before char `s`, or the two words before it, form a key of `set`.
fn words_before_in(chars: &[char], s: usize, set: &FastSet<String>) -> bool {
    let (b, e) = word_before(chars, s);
    let w = key_of_chars(&chars[b..e]);
    if set.contains(&w) {
        return true;
    }
    let (a0, a) = word_before(chars, b);
    if a0 >= a {
        return false;
    }
    let mut two = key_of_chars(&chars[a0..a]);
    two.push_str(&w);
    set.contains(&two)
}

/// The bounds of the word that ends before char `s`, past spaces (empty at the start of the text).
fn word_before(chars: &[char], s: usize) -> (usize, usize) {
    let mut e = s;
    while e > 0 && chars[e - 1] == ' ' {
        e -= 1;
    }
    let mut b = e;
    while b > 0 && is_wordish(chars[b - 1]) {
        b -= 1;
    }
    (b, e)
}

/// Other written forms of an organization's names whose last words name a country or another body in a
/// form the knowledge base also lists otherwise: "وزارت خزانه‌داری آمریکا" is also written "وزارت خزانه‌داری
/// ایالات متحده", "نیروی زمینی سپاه پاسداران" also "نیروی زمینی سپاه پاسداران انقلاب اسلامی".
fn renamed_forms(kb: &Kb, full_names: &HashMap<&str, usize>, e: &crate::kb::Entry) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let own: Vec<&String> = std::iter::once(&e.name_fa).chain(&e.variants).collect();
    for n in &own {
        let words: Vec<&str> = n.split_whitespace().collect();
        for cut in 1..words.len() {
            let tail = words[cut..].join(" ");
            let Some(&other) = full_names.get(tail.as_str()) else { continue };
            let o = &kb.entries[other];
            if o.id == e.id {
                continue;
            }
            let head = words[..cut].join(" ");
            for m in std::iter::once(&o.name_fa).chain(&o.variants) {
                let form = format!("{head} {m}");
                if *m != tail && !own.iter().any(|x| **x == form) && !out.contains(&form) {
                    out.push(form);
                }
            }
        }
    }
    out
}
