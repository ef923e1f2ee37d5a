//! Who is the subject of a clause: a named person, a pronoun or reference ("وی", "این مقام")
//! resolved to the last subject, a role phrase ("دبیرکل کنفرانس") resolved through the roles
//! the article gives its persons, or a group ("فرماندهان مقاومت").

use std::collections::HashSet;
use std::sync::LazyLock;

use khabar_entities::compact::key;
use khabar_entities::{Entity, Kind, RoleNames};

use crate::text::Doc;

fn key_set(words: &[&str]) -> HashSet<String> {
    words.iter().map(|w| key(w)).collect()
}

fn cue_set(kind: &str) -> HashSet<String> {
    khabar_entities::recognize::CUES_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split('\t');
            (f.next()? == kind).then(|| f.next().map(key))?
        })
        .collect()
}

/// Honorifics ("آیت‌الله", "سردار") from khabar-entities' cue words.
pub static HONORIFICS: LazyLock<HashSet<String>> = LazyLock::new(|| cue_set("honorific"));
/// Whether the `n` tokens from token `from` together are an honorific ("حجت الاسلام والمسلمین" is three).
fn honorific_span(doc: &Doc, from: usize, n: usize) -> bool {
    doc.toks.get(from..from + n).is_some_and(|w| HONORIFICS.contains(&w.iter().map(|x| x.key.as_str()).collect::<String>()))
}

/// Length in tokens (1 to 4) of the longest honorific ending just before token `t`, or 0.
pub fn honorific_before(doc: &Doc, t: usize) -> usize {
    (1..=4.min(t)).rev().find(|&n| honorific_span(doc, t - n, n)).unwrap_or(0)
}

/// Length in tokens (1 to 4) of the longest honorific starting at token `t`, or 0.
pub fn honorific_at(doc: &Doc, t: usize) -> usize {
    (1..=4).rev().find(|&n| honorific_span(doc, t, n)).unwrap_or(0)
}

/// Words before a place name ("استان", "شهر", "ایالت") from khabar-entities' cue words.
pub static PLACE_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| cue_set("place"));
/// First words of role phrases ("سخنگوی", "دبیرکل") from khabar-entities' cue words.
pub static ROLE_HEADS: LazyLock<HashSet<String>> = LazyLock::new(|| cue_set("role_head"));
/// Whether a role head starts at token `t`: one word ("وزیر") or two written apart ("نخست وزیر",
/// "رئیس جمهور").
pub fn role_head_at(doc: &Doc, t: usize) -> bool {
    let Some(a) = doc.toks.get(t) else { return false };
    ROLE_HEADS.contains(&a.key)
        || doc.toks.get(t + 1).is_some_and(|b| {
            let mut k = String::with_capacity(a.key.len() + b.key.len());
            k.push_str(&a.key);
            k.push_str(&b.key);
            ROLE_HEADS.contains(&k)
        })
}
/// Prepositions: a name after one is not a subject.
pub static PREPOSITIONS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    key_set(&[
        "با",
        "به",
        "از",
        "برای",
        "علیه",
        "درباره",
        "دربارهٔ",
        "نزد",
        "بین",
        "میان",
        "توسط",
        "همراه",
        "جانب",
        "سوی",
        "مانند",
        "مثل",
        "بر",
        "تا",
        "بدون",
        "ضد",
        "در",
        "پیرامون",
        "خطاب",
        "تعبیر",
        "گفته",
        "نقل",
        "قول",
        "سوی",
        "همتای",
        "همتایش",
    ])
});
/// Whether token `i` is a preposition: one of [`PREPOSITIONS`], "نقل" only in "به نقل از" ("حمل و نقل" is a
/// noun).
fn preposition_at(d: &Doc, i: usize) -> bool {
    let k = &d.toks[i].key;
    PREPOSITIONS.contains(k) && (k != "نقل" || i > 0 && d.toks[i - 1].key == "به")
}

/// Pronouns and references that stand for the last subject.
pub static PRONOUNS: LazyLock<HashSet<String>> = LazyLock::new(|| key_set(&["وی", "او", "ایشان"]));
/// "این X" references to the last subject.
pub static REFERENCES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    key_set(&[
        "این مقام",
        "این مقام مسئول",
        "این مقام ارشد",
        "این دیپلمات",
        "این مسئول",
        "این سیاستمدار",
        "این مقام ایرانی",
    ])
});
/// "این X" references to the last subject when it is an organization ("وزارت اطلاعات ... این وزارتخانه در
/// اطلاعیه‌ای اعلام کرد").
pub static ORG_REFERENCES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    key_set(&[
        "این وزارتخانه",
        "این وزارت",
        "این سازمان",
        "این نهاد",
        "این نهاد امنیتی",
        "این دستگاه",
        "این ارگان",
        "این شرکت",
        "این گروه",
        "این گروهک",
        "این جنبش",
        "این حزب",
        "این شورا",
        "این مجمع",
        "این اتحادیه",
        "این بانک",
        "این ستاد",
    ])
});
/// Cardinal number words ("سه", "بیست") from khabar-entities' cue words.
static NUMBER_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| cue_set("number"));

/// A cardinal written in digits ("۲۱۰", "12") or as a number word other than "one" (a count of several).
fn is_count(k: &str) -> bool {
    (!k.is_empty() && k.chars().all(|c| c.is_ascii_digit() || ('۰'..='۹').contains(&c)))
        || (k != "یک" && k != "اول" && NUMBER_WORDS.contains(k))
}

/// Plural nouns of people that make a group subject.
pub static GROUP_NOUNS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    key_set(&[
        "فرماندهان",
        "رهبران",
        "مقامات",
        "مقام‌های",
        "مسئولان",
        "مسئولین",
        "وزیران",
        "وزرای",
        "رئیسان",
        "روسای",
        "رؤسای",
        "نمایندگان",
        "سران",
        "طرفین",
        "مدعوین",
        "کارشناسان",
        "شرکت‌کنندگان",
        "اعضای",
        "سخنگویان",
        "دیپلمات‌های",
        "سفرای",
        "سفیران",
        "منابع",
        "مقام‌ها",
        "دیپلمات‌ها",
        "شاهدان",
        "ساکنان",
        "معترضان",
        "ناظران",
        "تحلیلگران",
        "تحلیل‌گران",
        "فعالان",
        // Working people speaking as a group in labour and social news ("کارگران معترض می‌گویند ...").
        "کارگران",
        "کشاورزان",
        "بازنشستگان",
        "معلمان",
        "پرستاران",
        "دانشجویان",
        "رانندگان",
        "کسبه",
        "اهالی",
        "خانواده‌ها",
    ])
});
/// Nouns of an unnamed source after "یک" ("یک منبع آگاه", "یک کارشناس اقتصادی", "یک فعال بازار").
static UNNAMED_SOURCES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    key_set(&[
        "منبع", "مقام", "کارشناس", "فعال", "دیپلمات", "نماینده", "عضو", "مسئول", "شاهد", "فرمانده", "تحلیلگر",
        "تحلیل‌گر", "استاد", "مشاور", "سخنگوی", "مدیر", "پزشک", "وکیل",
        // One of the working people of [`GROUP_NOUNS`] ("یک راننده در بندرعباس").
        "کارگر", "کشاورز", "بازنشسته", "معلم", "پرستار", "دانشجو", "راننده", "کاسب", "ساکن", "شهروند", "معترض",
    ])
});

/// First words of the name of a body ("وزارت امور خارجه اوکراین", "ارتش سودان", "مرکز آمار ایران"), from
/// khabar-entities' cue words: such a phrase is the clause's subject, acts for the country it names, and
/// speaks as a body the text names.
pub static ORG_HEADS: LazyLock<HashSet<String>> = LazyLock::new(|| cue_set("org_head"));

/// True when a subject written as a role phrase names a body, not an official ("مرکز آمار ایران").
pub fn is_body(phrase: &str) -> bool {
    phrase.split_whitespace().next().is_some_and(|w| ORG_HEADS.contains(&key(w)))
}

/// Keys of the knowledge base's country names (one word or more, ZWNJ-free) → country id.
static COUNTRY_NAMES: LazyLock<Vec<(String, &'static str)>> = LazyLock::new(|| {
    let kb = khabar_entities::Kb::builtin();
    kb.entries
        .iter()
        .filter(|e| e.id.starts_with("country-"))
        .flat_map(|e| std::iter::once(&e.name_fa).chain(&e.variants).map(move |n| (key(n), e.id.as_str())))
        .collect()
});

/// A country's names and the adjectives made from them by the regular suffixes ("ایرانی", "آمریکایی",
/// "ترکیه‌ای", "سوری" from "سوریه", "فرانسوی" from "فرانسه"), ZWNJ-free → country id.
static COUNTRY_WORDS: LazyLock<std::collections::HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut m = std::collections::HashMap::new();
    for (n, id) in COUNTRY_NAMES.iter() {
        let forms = [
            Some(n.clone()),
            Some(format!("{n}ی")),
            Some(format!("{n}یی")),
            Some(format!("{n}ای")),
            n.strip_suffix("یه").map(|x| format!("{x}ی")),
            n.strip_suffix('ه').map(|x| format!("{x}وی")),
        ];
        for f in forms.into_iter().flatten() {
            m.entry(f).or_insert(*id);
        }
    }
    m
});

/// The country a word names (see [`COUNTRY_WORDS`]), also with a possessive clitic ("ترکیه‌ای‌اش").
pub fn country_of_word(word: &str) -> Option<&'static str> {
    let k = key(word);
    let bare = ["اش", "ش"].iter().find_map(|c| k.strip_suffix(c)).filter(|b| b.chars().count() >= 3);
    [Some(k.as_str()), bare].into_iter().flatten().find_map(|w| COUNTRY_WORDS.get(w).copied())
}

/// Nouns that make a pair subject after "دو" ("دو طرف", "دو کشور"; role heads too: "دو وزیر").
static PAIR_NOUNS: LazyLock<HashSet<String>> =
    LazyLock::new(|| key_set(&["طرف", "کشور", "رهبر", "مقام", "هیئت", "دولت", "همتا", "رئیس‌جمهور"]));

/// True when a group subject is a pair ("دو طرف", "دو رئیس‌جمهور", "طرفین"): the two parties of the
/// event told before it.
pub fn is_pair(group: &str) -> bool {
    group.starts_with("دو ") || key(group) == "طرفین"
}

/// Words that open a clause whose subject is the last one told: adverbs and conjunctions ("همچنین", "سپس"),
/// pronouns ("وی", "او"), "این" of "این مقام".
pub(crate) const SUBJECTLESS_OPENERS: &[&str] = &[
    "همچنین", "نیز", "سپس", "پس", "ضمنا", "ضمن", "همچنان", "وی", "او", "ایشان", "این", "و", "اما", "ولی", "بلکه", "که",
    "امروز", "دیروز", "روز", "صبح", "عصر", "شب", "بامداد", "هفته", "ماه", "سال", "پیشتر", "قبلا", "اخیرا", "بار", "بارها",
];

/// Words that end a subject noun phrase.
static NP_STOP: LazyLock<HashSet<String>> = LazyLock::new(|| {
    key_set(&[
        "نیز",
        "هم",
        "همچنین",
        "ضمن",
        "طی",
        "پس",
        "سپس",
        "روز",
        "امروز",
        "صبح",
        "عصر",
        "شامگاه",
        "بامداد",
        "ظهر",
        "امشب",
        "دیروز",
        "که",
        "را",
        "و",
        "اما",
        "ابتدا",
        "نخست",
        "پیش",
        // A participle that attaches the body to another ("مرکز لرزه‌نگاری کشوری وابسته به موسسه ژئوفیزیک").
        "وابسته",
        "مستقر",
    ])
});
/// A country's armed forces and their arms, before the country's name ("جنگنده‌های", "نیروهای").
static FORCES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    key_set(&[
        "نیروهای", "نیروی", "جنگنده‌های", "جنگنده‌ها", "هواپیماهای", "پهپادهای", "بالگردهای", "ناوهای", "ناوگان",
        "نظامیان", "سربازان", "تانک‌های", "توپخانه", "یگان‌های",
    ])
});
/// Words after a subject that mark a new clause subject ("و هنیه نیز اعلام کرد").
static ALSO: LazyLock<HashSet<String>> = LazyLock::new(|| key_set(&["نیز", "هم", "همچنین"]));
/// Connectives that open a clause before its subject ("در ادامه", "سپس", "اما"), as keys of their words
/// written together.
static CONNECTIVES: LazyLock<HashSet<String>> =
    LazyLock::new(|| CONNECTIVE_PHRASES.iter().map(|p| p.split_whitespace().map(key).collect()).collect());

/// Demonstratives (keys) that close the noun phrase of an opening prepositional phrase ("در این دیدار").
const DEMONSTRATIVES: &[&str] = &["این", "ان", "همین", "همان"];

/// Prepositions (keys) that open a clause's adverbial phrase before its subject ("در", "طی", "پس از").
const PP_OPENERS: &[&str] = &["در", "طی", "از"];

/// The connectives of [`CONNECTIVES`], as written.
const CONNECTIVE_PHRASES: &[&str] = &[
    "در ادامه",
    "در پایان",
    "در همین حال",
    "در این میان",
    "از سوی دیگر",
    "از طرف دیگر",
    "در عین حال",
    "با این حال",
    "همزمان",
    "سپس",
    "اما",
    "ولی",
    "بلافاصله",
    // Openers of an added fact ("گفتنی است وزیر خارجه ترکیه ماه گذشته ... سفر کرده بود").
    "گفتنی است",
    "شایان ذکر است",
    "قابل ذکر است",
    "لازم به ذکر است",
    "یادآور می‌شود",
    "یادآوری می‌شود",
    "پیش از این",
    "پیشتر",
];

/// The last words of [`CONNECTIVES`], as keys: only after one can a connective end.
static CONNECTIVE_ENDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    CONNECTIVE_PHRASES.iter().filter_map(|p| p.split_whitespace().last()).map(key).collect()
});

/// A resolved subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// An entity of the article (index into the entities).
    Entity(usize),
    /// A group named by a plural noun phrase.
    Group(String),
    /// One person named only by a role phrase that no entity of the article or the knowledge base holds
    /// ("وزیر کشور پاکستان").
    Role(String),
}

/// A subject found in a clause, with where it was written.
#[derive(Debug, Clone)]
pub struct Found {
    /// Who.
    pub who: Subject,
    /// Written at `s..e`.
    pub s: usize,
    /// End of the phrase.
    pub e: usize,
    /// True when named (not a pronoun, reference or role phrase).
    pub named: bool,
}

/// Entities and mentions of an article, indexed for clause analysis.
pub struct Mentions<'a> {
    /// The entities.
    pub ents: &'a [Entity],
    /// Mentions `(start, end, entity)` sorted by start.
    pub list: Vec<(usize, usize, usize)>,
    /// For each char, the entity whose mention covers it.
    cover: Vec<u32>,
    /// Role phrases written beside persons and the persons' roles: (entity, canonical key).
    roles: Vec<(usize, String)>,
    /// Last words of the persons' written names ("ابطحی" for "مجتبی ابطحی"): key → entity.
    surnames: std::collections::HashMap<String, usize>,
    /// Keys of the article's mentions of countries other than Iran, and of Iran.
    foreign_keys: Vec<String>,
    iran_keys: Vec<String>,
    /// Word keys of the article's places below a country ("استان", "آذربایجان", "غربی", "تهران").
    place_words: HashSet<String>,
}

const NONE: u32 = u32::MAX;

impl<'a> Mentions<'a> {
    /// Indexes the entities of `doc`.
    pub fn new(doc: &Doc, ents: &'a [Entity], day: Option<khabar_entities::Day>) -> Mentions<'a> {
        let n = doc.chars.len();
        let mut list = Vec::new();
        let mut cover = vec![NONE; n];
        for (i, e) in ents.iter().enumerate() {
            for m in &e.mentions {
                if m.start < m.end && m.end <= n {
                    list.push((m.start, m.end, i));
                    for c in &mut cover[m.start..m.end] {
                        if *c == NONE {
                            *c = i as u32;
                        }
                    }
                }
            }
        }
        list.sort_unstable();
        // Roles are compared in their canonical written form ("وزیر خارجه" = "وزیر امور خارجه").
        let role_names = RoleNames::builtin();
        let mut roles = Vec::new();
        for &(_, e, ent) in &list {
            if ents[ent].kind != Kind::Person {
                continue;
            }
            // Appositive: "X، دبیرکل کنفرانس ...".
            let mut t = doc.tok_from(e);
            if doc.gap_has(
                e,
                doc.toks.get(t).map_or(e, |x| x.s),
                &['.', ':', '\n', '؛'],
            ) {
                continue;
            }
            if role_head_at(doc, t) {
                let mut k: Vec<String> = Vec::new();
                let mut last = e;
                while let Some(x) = doc.toks.get(t) {
                    if !k.is_empty()
                        && (doc.gap_has(last, x.s, &['،', ',', '.', ':', '(', '\n', '؛'])
                            || NP_STOP.contains(&x.key)
                            || PREPOSITIONS.contains(&x.key))
                    {
                        break;
                    }
                    k.push(x.key.clone());
                    last = x.e;
                    t += 1;
                    if t > doc.tok_from(e) + 10 {
                        break;
                    }
                }
                // A former office ("X، وزیر امور خارجه اسبق") or one to come is not what a later role phrase means.
                if !k.iter().any(|w| khabar_entities::role_names::not_held_now(w)) {
                    roles.push((ent, role_names.canonical_key(&k)));
                }
            }
        }
        for (i, e) in ents.iter().enumerate() {
            if e.kind == Kind::Person {
                // A tenure that ended before the article's day is no office the article's role phrases
                // can mean ("وزیر خارجه" in 2025 is not the foreign minister of 2013–2021).
                let ended = |r: &khabar_entities::RoleOut| {
                    let end = r.end.as_deref().and_then(|x| khabar_entities::Day::parse(x, true));
                    matches!((end, day), (Some(end), Some(d)) if end < d)
                };
                for r in e.roles.iter().filter(|r| !ended(r)) {
                    roles.push((i, role_names.canonical(&r.role_fa)));
                }
                for m in &e.mentions {
                    if m.via == khabar_entities::Via::Role {
                        roles.push((i, role_names.canonical(&m.text)));
                    }
                }
            }
        }
        let mut surnames = std::collections::HashMap::new();
        for (i, e) in ents.iter().enumerate() {
            if e.kind != Kind::Person {
                continue;
            }
            for m in e.mentions.iter().filter(|m| {
                matches!(
                    m.via,
                    khabar_entities::Via::Name | khabar_entities::Via::Cue
                )
            }) {
                let mut words: Vec<&str> = m.text.split_whitespace().collect();
                // A surname's second part written apart ("کنعانی مقدم", "موالی زاده"): the first part finds the
                // person.
                if words.len() >= 3 && khabar_entities::is_surname_suffix(&key(words[words.len() - 1])) {
                    words.pop();
                }
                if words.len() >= 2 {
                    let k = key(words[words.len() - 1]);
                    if k.chars().count() >= 3 && !PRONOUNS.contains(&k) && !khabar_entities::is_surname_suffix(&k) {
                        surnames.entry(k).or_insert(i);
                    }
                }
            }
        }
        let country_keys = |iran: bool| -> Vec<String> {
            ents.iter()
                .filter(|e| e.id.starts_with("country-") && (e.id == "country-ir") == iran)
                .flat_map(|e| e.mentions.iter().map(|m| key(&m.text)))
                .collect()
        };
        let place_words = ents
            .iter()
            .filter(|e| e.kind == Kind::Location && !e.id.starts_with("country-"))
            .flat_map(|e| e.mentions.iter().flat_map(|m| m.text.split_whitespace().map(key)))
            .collect();
        Mentions {
            ents,
            list,
            cover,
            roles,
            surnames,
            foreign_keys: country_keys(false),
            iran_keys: country_keys(true),
            place_words,
        }
    }

    /// The entity whose mention covers char `c`.
    pub fn at(&self, c: usize) -> Option<usize> {
        self.cover
            .get(c)
            .copied()
            .filter(|&x| x != NONE)
            .map(|x| x as usize)
    }

    /// The mention starting at char `c`: (end, entity).
    pub fn starting_at(&self, c: usize) -> Option<(usize, usize)> {
        let i = self.list.partition_point(|m| m.0 < c);
        self.list[i..]
            .iter()
            .take_while(|m| m.0 == c)
            .map(|m| (m.1, m.2))
            .max()
    }

    /// Mentions starting in `s..e`.
    pub fn within(&self, s: usize, e: usize) -> &[(usize, usize, usize)] {
        let a = self.list.partition_point(|m| m.0 < s);
        let b = self.list.partition_point(|m| m.0 < e);
        &self.list[a..b.max(a)]
    }

    /// The counterpart of `subject` in the country a word names ("همتای ایرانی", "همتای عمانی خود", "همتای
    /// ترکیه‌ای‌اش", "همتای روسیه"): the one person of the article who holds the subject's office in that
    /// country. The office is the subject's role without its country ("وزیر امور خارجه روسیه" → "وزیر امور
    /// خارجه"); Iran's offices are written without the country. `None` when nobody or several hold it.
    pub fn counterpart(&self, subject: usize, country_word: &str) -> Option<usize> {
        let country = country_of_word(country_word)?;
        let names: Vec<&str> =
            COUNTRY_NAMES.iter().filter(|(_, id)| *id == country).map(|(k, _)| k.as_str()).collect();
        // The subject's offices without the country they end with.
        let offices: Vec<&str> = self
            .roles
            .iter()
            .filter(|(e, _)| *e == subject)
            .map(|(_, r)| {
                COUNTRY_NAMES
                    .iter()
                    .map(|(c, _)| c)
                    .filter(|c| r.ends_with(c.as_str()) && r.len() > c.len())
                    .max_by_key(|c| c.len())
                    .map_or(r.as_str(), |c| &r[..r.len() - c.len()])
            })
            .collect();
        let mut who: Vec<usize> = self
            .roles
            .iter()
            .filter(|(e, r)| {
                *e != subject
                    && self.ents[*e].kind == Kind::Person
                    && offices.iter().any(|o| {
                        r.strip_prefix(o).is_some_and(|rest| {
                            (rest.is_empty() && country == "country-ir") || names.contains(&rest)
                        })
                    })
            })
            .map(|(e, _)| *e)
            .collect();
        who.sort_unstable();
        who.dedup();
        match who.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// Resolves a role phrase key ("دبیرکلکنفرانس") to a person: the one whose role, written
    /// in the article or known, starts with it; `prefer` breaks ties.
    pub fn resolve_role(&self, words: &[String], prefer: Option<usize>) -> Option<usize> {
        // A role phrase naming a foreign country ("رئیس مجلس لبنان") is not the role of a person whose role
        // names another or none (Iran's offices are written without "ایران": "رئیس مجلس شورای اسلامی"); one
        // naming Iran ("وزیر خارجه ایران") is not a foreign office.
        let (foreign, iran) = (&self.foreign_keys, &self.iran_keys);
        // A former office or one still to come ("رئیس‌جمهور سابق آمریکا", "رئیس‌جمهور منتخب") is nobody's role
        // in the article: not the holder it names now.
        if words.iter().any(|w| khabar_entities::role_names::not_held_now(w)) {
            return None;
        }
        let role_names = RoleNames::builtin();
        // "کشورمان" ("our country") in Iranian media is Iran: "رئیس سازمان انرژی اتمی کشورمان".
        let ours: Vec<String> =
            words.iter().map(|w| if w == "کشورمان" { "ایران".to_string() } else { w.clone() }).collect();
        for n in (1..=words.len()).rev() {
            let k: String = role_names.canonical_key(&ours[..n]);
            // So is a province's or a city's office ("رئیس جمعیت هلال احمر استان آذربایجان غربی" is not the
            // national head of the Red Crescent).
            let named: Vec<&String> =
                words[n..].iter().filter(|w| foreign.contains(w) || self.place_words.contains(*w)).collect();
            // "کشورمان" ("our country") in Iranian media is Iran.
            let names_iran = words[n..].iter().any(|w| iran.contains(w) || w == "کشورمان");
            let mut who: Vec<usize> = self
                .roles
                .iter()
                .filter(|(_, r)| {
                    // A bare head followed by other words than the role's is another office ("وزیر کشور"
                    // is not "وزیر خارجه", "سرمربی استقلال" not "سرمربی پرسپولیس"); a phrase that ends may
                    // be a role's first words.
                    r.starts_with(&k)
                        && (n == words.len() || n >= 2 || r.len() == k.len())
                        && named.iter().all(|c| r.contains(c.as_str()))
                        && !(names_iran && foreign.iter().any(|c| r.contains(c.as_str())))
                })
                .map(|(e, _)| *e)
                .collect();
            who.sort_unstable();
            who.dedup();
            match who.as_slice() {
                [] => continue,
                [one] => return Some(*one),
                many => {
                    return prefer
                        .filter(|p| many.contains(p))
                        .or((n >= 2).then(|| many[0]));
                }
            }
        }
        None
    }
}

/// Clause analysis over one article.
pub struct Clauses<'d, 'a> {
    /// The text.
    pub doc: &'d Doc,
    /// The entities.
    pub m: &'d Mentions<'a>,
}

impl Clauses<'_, '_> {
    /// True when the word before char `s` (skipping honorifics) lets a name there be a subject:
    /// the clause start, punctuation, "و", or an honorific not after a preposition.
    fn subject_position(&self, clause_s: usize, s: usize) -> bool {
        let d = self.doc;
        let mut t = d.tok_from(s);
        let mut had_honorific = false;
        loop {
            if t == 0 || d.toks[t - 1].e <= clause_s {
                return true;
            }
            let p = &d.toks[t - 1];
            let gap_end = d.toks.get(t).map_or(s, |x| x.s).min(s);
            if d.gap_has(
                p.e,
                gap_end,
                &['،', ',', ':', '؛', '.', '\n', '(', ')', '-', '–'],
            ) {
                return true;
            }
            let h = honorific_before(d, t);
            if h > 0 {
                had_honorific = true;
                t -= h;
                continue;
            }
            // "X و Y": Y stands where X stands ("درباره قفقاز و افغانستان": no subject); after anything
            // but a name, "و" starts a new clause ("... رفت و لاوروف گفت").
            if p.key == "و" && t >= 2 {
                let before = d.toks[t - 2].e;
                if let Some(&(ms, _, _)) = self.m.within(clause_s, before).iter().find(|m| m.1 == before) {
                    // X ends the office of a person named before it ("پوتین رئیس جمهور روسیه و اردوغان"): Y
                    // stands where that person stands.
                    let holder = self.office_holder_before(ms).filter(|_| self.is_person_at(s));
                    return self.subject_position(clause_s, holder.unwrap_or(ms));
                }
            }
            if p.key == "و"
                || (matches!(p.key.as_str(), "است" | "بود" | "شد")
                    && t >= 2
                    && d.toks[t - 2].key == "قرار")
            {
                return true;
            }
            if ALSO.contains(&p.key) {
                t -= 1;
                continue;
            }
            // "همه اعضای اوپک", "برخی مقامات": a quantifier before the subject.
            if matches!(p.key.as_str(), "همه" | "همهی" | "تمام" | "تمامی" | "برخی" | "بعضی" | "اکثر" | "بیشتر") {
                t -= 1;
                continue;
            }
            // "ملت فلسطین", "مردم ایران", "کشور قطر": the nation acts for its country; so do its forces
            // ("جنگنده‌های رژیم صهیونیستی ... بمباران کردند", "نیروهای روسیه"), as CAMEO codes them.
            if (matches!(p.key.as_str(), "ملت" | "مردم" | "کشور") || FORCES.contains(&p.key))
                && self.m.at(s).is_some_and(|e| self.m.ents[e].id.starts_with("country-"))
            {
                t -= 1;
                // "دولت و ملت سوریه": one phrase, standing where "دولت" stands ("از دولت و ملت سوریه ... حمایت
                // می‌کنیم": no subject), not a clause opened by "و".
                if t >= 2
                    && matches!(p.key.as_str(), "ملت" | "مردم")
                    && d.toks[t - 1].key == "و"
                    && matches!(d.toks[t - 2].key.as_str(), "دولت" | "حکومت")
                {
                    t -= 2;
                }
                continue;
            }
            // "گروهک تروریستی جیش العدل", "جنبش حماس": a group named by its kind is the group.
            let org_here = || self.m.at(s).is_some_and(|e| self.m.ents[e].kind == Kind::Org);
            if matches!(p.key.as_str(), "تروریستی" | "مسلح" | "شبهنظامی" | "تکفیری")
                && t >= 2
                && matches!(d.toks[t - 2].key.as_str(), "گروهک" | "گروه")
                && org_here()
            {
                t -= 2;
                continue;
            }
            if matches!(p.key.as_str(), "گروهک" | "گروه" | "جنبش") && org_here() {
                t -= 1;
                continue;
            }
            // "روابط عمومی سپاه": a body's public relations office speaks for the body.
            if p.key == "عمومی"
                && t >= 2
                && d.toks[t - 2].key == "روابط"
                && self.m.at(s).is_some_and(|e| self.m.ents[e].kind == Kind::Org)
            {
                t -= 2;
                continue;
            }
            // A connective opening the clause ("در ادامه X گفت", "سپس X افزود"): X is its subject.
            if CONNECTIVE_ENDS.contains(&p.key)
                && let Some(n) = (1..=4).find(|&n| {
                t >= n && {
                    let k: String = d.toks[t - n..t].iter().map(|x| x.key.as_str()).collect();
                    CONNECTIVES.contains(&k)
                }
            }) {
                t -= n;
                continue;
            }
            // A prepositional phrase with a demonstrative opening the clause ("در این دیدار X گفت", "پس از این
            // نشست X افزود"): X is the clause's subject; a noun after a demonstrative takes no possessor.
            if let Some(k) = (t.saturating_sub(3)..t.saturating_sub(1))
                .rev()
                .find(|&k| k >= 1 && DEMONSTRATIVES.contains(&d.toks[k].key.as_str()) && PP_OPENERS.contains(&d.toks[k - 1].key.as_str()))
                && (k + 1..t).all(|i| {
                    let x = &d.toks[i];
                    self.m.at(x.s).is_none() && !PREPOSITIONS.contains(&x.key) && !finite_verb(&x.key) && x.key != "و"
                })
                && !d.gap_has(d.toks[k - 1].s, s, &['،', ',', ':', '؛', '.', '\n'])
            {
                t = k - 1;
                if d.toks[t].key == "از" && t > 0 && matches!(d.toks[t - 1].key.as_str(), "پس" | "پیش" | "بعد" | "قبل") {
                    t -= 1;
                }
                continue;
            }
            if PREPOSITIONS.contains(&p.key) {
                return false;
            }
            return had_honorific;
        }
    }

    /// A subject the clause `s..e` opens with (after an attribution, "به گزارش ایسنا به نقل از رویترز،") that
    /// names no one known but a part of a body or country named inside it ("دفتر نخست وزیری انگلیس"): its
    /// words, for a speaker described, not the last person's. `None` when the clause opens with an adverb, a
    /// pronoun, a preposition, a connective or a name.
    pub fn unnamed_subject(&self, s: usize, e: usize) -> Option<String> {
        let d = self.doc;
        let r = d.toks_in(s, e);
        let mut t = r.start;
        // Skip "به گزارش X،", "به نقل از X،" up to their comma.
        if d.toks.get(t).is_some_and(|x| x.key == "به")
            && d.toks.get(t + 1).is_some_and(|x| matches!(x.key.as_str(), "گزارش" | "نقل"))
        {
            let comma = (d.toks[t].e..e).find(|&c| matches!(d.chars[c], '،' | ','))?;
            t = d.tok_from(comma);
        }
        let x = d.toks.get(t).filter(|x| x.s < e)?;
        if self.m.at(x.s).is_some()
            || SUBJECTLESS_OPENERS.contains(&x.key.as_str())
            || matches!(x.key.as_str(), "ان" | "در" | "هم")
            || PREPOSITIONS.contains(&x.key)
            || NP_STOP.contains(&x.key)
            || CONNECTIVES.iter().any(|c| c.starts_with(x.key.as_str()))
            || role_head_at(d, t)
        {
            return None;
        }
        // The phrase runs to a preposition, "که"/"را" or the verb ("نخست" here is no adverb: "نخست وزیری").
        let mut u = t;
        while let Some(y) = d.toks.get(u + 1).filter(|y| y.s < e) {
            if PREPOSITIONS.contains(&y.key)
                || matches!(y.key.as_str(), "در" | "که" | "را" | "و" | "نیز" | "هم")
                || d.gap_has(d.toks[u].e, y.s, &['(', '،', ',', ':', '«', '\n'])
            {
                break;
            }
            u += 1;
        }
        let ne = d.toks[u].e;
        let body_inside = self
            .m
            .within(x.s, ne)
            .iter()
            .any(|&(_, _, ent)| matches!(self.m.ents[ent].kind, Kind::Org | Kind::Location));
        body_inside.then(|| d.slice(x.s, ne))
    }

    /// Whether a person's mention covers char `c`.
    fn is_person_at(&self, c: usize) -> bool {
        self.m.at(c).is_some_and(|e| self.m.ents[e].kind == Kind::Person)
    }

    /// The start of the person whose office, written right after the name, holds char `s` ("رئیس جمهور
    /// روسیه" after "پوتین"): a role head at most five words before `s`, right after a person's name, with no
    /// punctuation between.
    fn office_holder_before(&self, s: usize) -> Option<usize> {
        let d = self.doc;
        let ts = d.tok_from(s);
        let h = (ts.saturating_sub(5)..ts).rev().find(|&h| h > 0 && role_head_at(d, h))?;
        let name = &d.toks[h - 1];
        if d.gap_has(name.e, s, &['،', ',', ':', '؛', '.', '\n', '(', ')']) || !self.is_person_at(name.s) {
            return None;
        }
        self.m.within(0, name.e).iter().rev().find(|m| m.1 == name.e).map(|m| m.0)
    }

    /// The end of a role phrase ("نخست‌وزیر پاکستان") that starts right after char `e` (past a space or
    /// comma), before `limit`.
    pub fn role_after(&self, e: usize, limit: usize) -> Option<usize> {
        let d = self.doc;
        let t = d.tok_from(e);
        let tok = d.toks.get(t)?;
        if tok.s >= limit || !role_head_at(d, t) || d.gap_has(e, tok.s, &['.', ':', '\n', '؛']) {
            return None;
        }
        let (end, words) = self.np(t, limit);
        // A bare office shared with the next ("سفیر و نماینده دائم ایران در سازمان ملل"): both are the title.
        let u = d.tok_from(end);
        if words.len() == 1 && d.toks.get(u).is_some_and(|x| x.key == "و" && x.s < limit) && role_head_at(d, u + 1) {
            return Some(self.np(u + 1, limit).0);
        }
        Some(end)
    }

    /// The noun phrase of a role or group head at token `t`: its end and word keys.
    pub(crate) fn np(&self, t: usize, limit: usize) -> (usize, Vec<String>) {
        let d = self.doc;
        let mut words = vec![d.toks[t].key.clone()];
        let mut e = d.toks[t].e;
        let mut i = t + 1;
        while let Some(x) = d.toks.get(i) {
            if x.s >= limit
                || words.len() >= 9
                || d.gap_has(e, x.s, &['،', ',', '.', ':', '\n', '؛', '('])
            {
                break;
            }
            // Inside a mention that runs on ("استاندار سیستان و بلوچستان": the province's name holds its "و").
            if let Some(ent) = self.m.at(x.s)
                && e > 0
                && self.m.at(e - 1) == Some(ent)
                && self.m.at(x.e) == Some(ent)
            {
                words.push(x.key.clone());
                e = x.e;
                i += 1;
                continue;
            }
            // A body's name may join nouns with "و" ("سازمان برنامه و بودجه", "وزارت راه و شهرسازی"), also inside
            // an office ("سخنگوی سازمان امداد و نجات"), not another body, office or name ("وزارت امور خارجه و
            // وزیر ...").
            let in_body_name = x.key == "و"
                && words.iter().any(|w| ORG_HEADS.contains(w))
                && d.toks.get(i + 1).is_some_and(|y| {
                    y.s < limit
                        && !d.gap_has(x.e, y.s, &['،', ',', '.', ':', '\n', '؛'])
                        && !role_head_at(d, i + 1)
                        && !ORG_HEADS.contains(&y.key)
                        && !NP_STOP.contains(&y.key)
                        && !preposition_at(d, i + 1)
                        && self.m.at(y.s).is_none()
                        && crate::lexicon::Lexicon::builtin().verb_phrases.longest_at(&d.toks, i + 1).is_none()
                });
            // Two adjectives of one office before its body ("معاون حقوقی و بین‌المللی وزارت خارجه", "معاون سیاسی و
            // امنیتی استانداری").
            let in_office_name = x.key == "و"
                && words.len() <= 3
                && d.toks.get(i + 1).is_some_and(|y| {
                    y.s < limit
                        && y.key.ends_with('ی')
                        && !role_head_at(d, i + 1)
                        && !NP_STOP.contains(&y.key)
                        && self.m.at(y.s).is_none()
                        && !d.gap_has(x.e, y.s, &['،', ',', '.', ':', '\n', '؛'])
                })
                && d.toks.get(i + 2).is_some_and(|z| z.s < limit && ORG_HEADS.contains(&z.key));
            let in_body_name = in_body_name || in_office_name;
            if !in_body_name
                && (NP_STOP.contains(&x.key) || preposition_at(d, i))
                || crate::lexicon::Lexicon::builtin()
                    .verb_phrases
                    .longest_at(&d.toks, i)
                    .is_some()
            {
                break;
            }
            if self
                .m
                .at(x.s)
                .is_some_and(|ent| self.m.ents[ent].kind == Kind::Person)
            {
                break;
            }
            words.push(x.key.clone());
            e = x.e;
            i += 1;
            // A place or organization ends the phrase ("نمایندگان مجلس عراق | طرحی ... ارائه کردند"),
            // unless another one follows ("رئیس مجلس لبنان") or "و" joins one ("وزرای خارجه ایران و عراق").
            if let Some(ent) = self.m.at(x.s)
                && self.m.at(x.e) != Some(ent)
            {
                let entity_at = |j: usize| d.toks.get(j).is_some_and(|y| y.s < limit && self.m.at(y.s).is_some());
                // A country after a country is no ezafe chain ("رئیس جمهور آمریکا | ایران را تهدید کرد").
                let country = |j: usize| {
                    d.toks.get(j).and_then(|y| self.m.at(y.s)).is_some_and(|c| self.m.ents[c].id.starts_with("country-"))
                };
                if entity_at(i) && !(self.m.ents[ent].id.starts_with("country-") && country(i)) {
                    continue;
                }
                let joined = d.toks.get(i).is_some_and(|y| y.key == "و") && entity_at(i + 1);
                if !joined {
                    break;
                }
                words.push(d.toks[i].key.clone());
                i += 1;
            }
        }
        (e, words)
    }

    /// Subject candidates of the clause `s..e`, in order.
    pub fn candidates(&self, s: usize, e: usize, last: Option<usize>) -> Vec<Found> {
        let d = self.doc;
        let mut out = Vec::new();
        let range = d.toks_in(s, e);
        let mut t = range.start;
        while t < range.end {
            let tok = &d.toks[t];
            if let Some((me, ent)) = self.m.starting_at(tok.s)
                && (self.m.ents[ent].kind == Kind::Person
                    || self.m.ents[ent].kind == Kind::Org
                    || self.m.ents[ent].id.starts_with("country-"))
            {
                let followed_by_ra = d.toks.get(d.tok_from(me)).is_some_and(|x| x.key == "را");
                if self.subject_position(s, tok.s) && !followed_by_ra {
                    out.push(Found {
                        who: Subject::Entity(ent),
                        s: tok.s,
                        e: me,
                        named: true,
                    });
                }
                t = d.tok_from(me).max(t + 1);
                continue;
            }
            if self.m.at(tok.s).is_some() {
                t += 1;
                continue;
            }
            if let Some(&p) = self.m.surnames.get(&tok.key)
                && self.subject_position(s, tok.s)
            {
                out.push(Found {
                    who: Subject::Entity(p),
                    s: tok.s,
                    e: tok.e,
                    named: true,
                });
                t += 1;
                continue;
            }
            if !self.subject_position(s, tok.s) {
                t += 1;
                continue;
            }
            let two = d.toks.get(t + 1).map(|x| format!("{}{}", tok.key, x.key));
            let three = d
                .toks
                .get(t + 2)
                .and_then(|x| two.as_ref().map(|k| format!("{k}{}", x.key)));
            if PRONOUNS.contains(&tok.key) {
                if let Some(p) = last {
                    out.push(Found {
                        who: Subject::Entity(p),
                        s: tok.s,
                        e: tok.e,
                        named: false,
                    });
                }
            } else if let Some((n, referent)) = [(3, three.as_ref()), (2, two.as_ref())].into_iter().find_map(|(n, k)| {
                let k = k?;
                if REFERENCES.contains(k) {
                    Some((n, last))
                } else if ORG_REFERENCES.contains(k) {
                    // The last organization named before whose name starts with the reference's noun ("وزارت
                    // اطلاعات" for "این وزارتخانه", "سازمان انرژی اتمی" for "این سازمان").
                    let noun = d.toks[t + 1].key.as_str();
                    let head = if noun == "وزارتخانه" { "وزارت" } else { noun };
                    let org = self.m.within(0, tok.s).iter().rev().find(|m| {
                        self.m.ents[m.2].kind == Kind::Org && d.toks[d.tok_from(m.0)].key.starts_with(head)
                    });
                    Some((n, org.map(|m| m.2)))
                } else {
                    None
                }
            }) {
                if let Some(p) = referent {
                    out.push(Found {
                        who: Subject::Entity(p),
                        s: tok.s,
                        e: d.toks[t + n - 1].e,
                        named: false,
                    });
                }
                t += n;
                continue;
            } else if role_head_at(d, t) || ORG_HEADS.contains(&tok.key) {
                let (ne, words) = self.np(t, e);
                // A rank before a name ("امیر سرتیپ عزیز نصیرزاده"): the phrase ends where the person's name
                // starts, and the person is the subject.
                if let Some(x) = d.toks.get(d.tok_from(ne))
                    && x.s < e
                    && d.chars[ne..x.s].iter().all(|c| *c == ' ')
                    && self.m.at(x.s).is_some_and(|ent| self.m.ents[ent].kind == Kind::Person)
                {
                    t = d.tok_from(ne).max(t + 1);
                    continue;
                }
                // An unresolved role phrase is still the clause's subject: the clause is not the
                // previous subject's.
                let who = match self.m.resolve_role(&words, last) {
                    Some(p) => Subject::Entity(p),
                    None => Subject::Role(d.slice(tok.s, ne)),
                };
                out.push(Found {
                    who,
                    s: tok.s,
                    e: ne,
                    named: false,
                });
                t = d.tok_from(ne).max(t + 1);
                continue;
            } else if let Some(from) = self.group_at(t, e) {
                let (ne, _) = self.np(from, e);
                out.push(Found {
                    who: Subject::Group(d.slice(tok.s, ne)),
                    s: tok.s,
                    e: ne,
                    named: false,
                });
                t = d.tok_from(ne).max(t + 1);
                continue;
            }
            t += 1;
        }
        out
    }

    /// A group subject at token `t` (before `e`): the token its noun phrase starts at. Plural nouns of people
    /// ("فرماندهان"); an unnamed source ("یک منبع آگاه", "یک مقام ارشد", "یک نماینده مجلس"), a speaker the text
    /// describes, not the holder of an office; a pair ("دو طرف", "دو رئیس‌جمهور"); a count of office holders
    /// ("۲۱۰ نماینده", "سه وزیر"); one of a group ("یکی از کارگران معترض": the phrase after "از").
    fn group_at(&self, t: usize, e: usize) -> Option<usize> {
        let d = self.doc;
        let k = d.toks[t].key.as_str();
        let next = |i: usize| d.toks.get(t + i).filter(|x| x.s < e);
        if k == "یکی" && next(1).is_some_and(|x| x.key == "از") {
            let x = next(2)?;
            let person = self.m.at(x.s).is_some_and(|ent| self.m.ents[ent].kind == Kind::Person);
            return (!person).then_some(t + 2);
        }
        let group = GROUP_NOUNS.contains(k)
            || (k == "یک" && next(1).is_some_and(|x| UNNAMED_SOURCES.contains(&x.key)))
            || (k == "دو" && (role_head_at(d, t + 1) || next(1).is_some_and(|x| PAIR_NOUNS.contains(&x.key))))
            || (is_count(k) && role_head_at(d, t + 1));
        group.then_some(t)
    }

    /// The subject of the clause `s..e`: the first candidate, unless a later one starts a
    /// coordinated clause ("... و هنیه نیز اعلام کرد").
    pub fn subject(&self, s: usize, e: usize, last: Option<usize>) -> Option<Found> {
        self.pick(&self.candidates(s, e, last))
    }

    /// The subject among a clause's candidates (see [`Clauses::subject`]).
    fn pick(&self, c: &[Found]) -> Option<Found> {
        let mut best = c.first()?.clone();
        let mut prev_end = best.e;
        for f in &c[1..] {
            // An office nobody holds is too weak a sign of a new clause ("با رئیس سازمان ... و رئیس‌جمهور نیز
            // دیدار می‌کند" coordinates objects); so is "و" right after the previous name ("ماکرون و مرتس
            // همچنین ... گفت‌وگو کردند": two subjects of one clause).
            let coordinated = self.doc.toks_in(prev_end, f.s).len() == 1;
            // After a finite verb and "و" any subject opens the new clause, an office too.
            if self.after_finite_verb(f) || self.new_clause_subject(f) && !matches!(f.who, Subject::Role(_)) && !coordinated {
                best = f.clone();
            }
            prev_end = f.e;
        }
        Some(best)
    }

    /// Whether `f` opens a coordinated clause: "و X نیز/همچنین ...", or "و X" right after a finite verb.
    fn new_clause_subject(&self, f: &Found) -> bool {
        let d = self.doc;
        let t = d.tok_from(f.s);
        let after = d.toks.get(d.tok_from(f.e));
        t > 0 && d.toks[t - 1].key == "و" && after.is_some_and(|x| ALSO.contains(&x.key)) || self.after_finite_verb(f)
    }

    /// Whether `f` follows a finite verb and "و": the subject of a new clause ("چین شریک راهبردی ایران است و
    /// مجلس از ... حمایت می‌کند").
    /// Not one marked by "را": the new clause's object ("سخنان گوترش را رد کرد و او را به ... متهم کرد").
    fn after_finite_verb(&self, f: &Found) -> bool {
        let d = self.doc;
        let t = d.tok_from(f.s);
        t > 1
            && d.toks[t - 1].key == "و"
            && finite_verb(&d.toks[t - 2].key)
            && d.toks.get(d.tok_from(f.e)).is_none_or(|x| x.key != "را")
    }

    /// All subjects of the clause: the subject and persons coordinated with it by "و" before
    /// the first preposition ("X و Y با Z دیدار کردند").
    pub fn subjects(&self, s: usize, e: usize, last: Option<usize>) -> Vec<Found> {
        let c = self.candidates(s, e, last);
        let Some(first) = self.pick(&c) else {
            return vec![];
        };
        let mut out = vec![first.clone()];
        let d = self.doc;
        let mut prev_end = first.e;
        // Names of a list joined by commas ("X، Y و Z") count once a "و" ends the list.
        let mut listed: Vec<Found> = Vec::new();
        for f in c.iter().filter(|f| f.s > first.s) {
            let between = d.toks_in(prev_end, f.s);
            let blocked = between.clone().any(|i| {
                PREPOSITIONS.contains(&d.toks[i].key)
                    || NP_STOP.contains(&d.toks[i].key) && d.toks[i].key != "و"
            });
            let joined = between.clone().last().is_some_and(|i| d.toks[i].key == "و");
            // Not after a group ("وزرای امور خارجه ایران، روسیه و ترکیه": the ministers' countries, not theirs).
            let comma = between.is_empty()
                && d.gap_has(prev_end, f.s, &['،', ','])
                && matches!(first.who, Subject::Entity(_));
            // A bare office before the "و" is the first one's title shared with the next ("ایروانی سفیر و
            // نماینده دائم ایران در سازمان ملل": one person, not also Iran).
            // A name after it is another person ("پزشکیان رئیس‌جمهور و پوتین ...").
            let shared_title = between.len() == 2 && role_head_at(d, between.start) && matches!(f.who, Subject::Role(_));
            if blocked || shared_title || !(joined || comma) {
                break;
            }
            listed.push(f.clone());
            if joined {
                out.append(&mut listed);
            }
            prev_end = f.e;
        }
        out
    }
}

/// A finite verb or auxiliary: a prefixed verb form ("می‌کند", "نمی‌دهند") or a common light verb ("کرد",
/// "کند", "است"). Bare forms that are also nouns ("مردم") are not counted.
pub(crate) fn finite_verb(k: &str) -> bool {
    matches!(
        k,
        "است" | "بود" | "کرد" | "کردند" | "کند" | "کنند" | "شد" | "شدند" | "شود" | "شوند" | "داد" | "دادند" | "دهد" | "دهند"
    ) || ((k.starts_with("می") || k.starts_with("نمی")) && khabar_entities::compact::lexicon_verb(k))
}

#[cfg(test)]
mod tests {
    use super::country_of_word;

    #[test]
    fn demonyms_name_their_country() {
        for (w, id) in [
            ("ایرانی", "country-ir"),
            ("آمریکایی", "country-us"),
            ("ترکیه‌ای", "country-tr"),
            ("ترکیه‌ای‌اش", "country-tr"),
            ("سوری", "country-sy"),
            ("فرانسوی", "country-fr"),
            ("عمانی", "country-om"),
            ("روسیه", "country-ru"),
        ] {
            assert_eq!(country_of_word(w), Some(id), "{w}");
        }
        for w in ["کتاب", "خود", "ارشد"] {
            assert_eq!(country_of_word(w), None, "{w}");
        }
    }
}
