//! PLOVER events from cue phrases (`data/events/cues.tsv`): actors from the clause's subjects
//! and the entity after "با" or before the cue, status from the light verb's tense and from
//! planning, negation and condition words, location from "در <place>", date from the article's
//! day and relative expressions.

use khabar_entities::compact::key;
use khabar_entities::{Day, Kind};

use crate::lexicon::{Frame, Lexicon, Tense, light_form};
use crate::speaker::{Clauses, PREPOSITIONS, SUBJECTLESS_OPENERS, Subject, finite_verb, honorific_at, is_pair};
use crate::text::Doc;
use crate::{EventStatus, dates};

/// An event found in the text, before it is written out.
#[derive(Debug, Clone)]
pub struct RawEvent {
    /// Cue row.
    pub cue: usize,
    /// Actors (entity indices), in order: the subjects first.
    pub actors: Vec<usize>,
    /// How many of `actors` are subjects.
    pub sources: usize,
    /// Location entity.
    pub location: Option<usize>,
    /// Status.
    pub status: EventStatus,
    /// The day it happened (or is planned).
    pub date: Option<jiff::civil::Date>,
    /// True when the clause tells the day ("روز دوشنبه"); false when it is the article's day.
    pub date_told: bool,
    /// Evidence: the sentence, as a char range.
    pub s: usize,
    /// End of the evidence.
    pub e: usize,
}

/// Whether the tokens `r` hold a word of `data/events/sport_words.txt`.
fn sports_sentence(doc: &Doc, r: std::ops::Range<usize>) -> bool {
    let words = crate::lexicon::sport_words();
    let end = r.end;
    r.into_iter().any(|i| words.longest_at(&doc.toks[..end], i).is_some())
}

/// Nouns that make "با X" a phrase of manner ("با میانجی‌گری عمان", "با حضور وزیر"), not a partner (ZWNJ-free keys).
const MANNER_NOUNS: &[&str] = &["میانجیگری", "وساطت", "حضور", "همراهی", "میزبانی", "حمایت", "مشارکت", "تلاش", "ابتکار"];

/// Words that make the preposition before them an adverb ("به شدت", "به طور", "در ادامه", "در پایان"), or the
/// head of a phrase of its own ("در بیانیه‌ای", "در سخنانی": where it was said), not of a phrase that holds a
/// modifier of the object after it (ZWNJ-free keys).
const ADVERB_AFTER_PREP: &[&str] = &[
    "شدت", "طور", "ویژه", "نوبه", "صراحت", "سرعت", "خصوص", "تازگی", "ادامه", "پایان", "ابتدا", "ابتدای", "خاتمه",
    "بیانیهای", "پیامی", "نامهای", "اطلاعیهای", "سخنانی", "مصاحبهای", "گفتگویی", "گفتوگویی", "یادداشتی", "توییتی",
];

/// Nouns of an act that "این X" refers back to, as the object of a reaction ("این اقدام را محکوم کرد"): keys.
const ACT_NOUNS: &[&str] = &[
    "اقدام", "حمله", "تصمیم", "تحریم", "تحریمها", "تحریمهای", "حملات", "اقدامات", "تجاوز", "جنایت", "ترور", "بیانیه", "قطعنامه",
];

/// Nouns of acts done to someone whose genitive is the one it was done to: "ترور هنیه", "بازداشت خبرنگاران", "محاصره
/// غزه". Condemning "ترور X" condemns the act, not X. (Not "حمله"/"تجاوز": "حمله X به Y" names the attacker.)
const VICTIM_NOUNS: &[&str] = &[
    "ترور", "قتل", "کشتن", "کشتار", "شهادت", "نسلکشی", "ربودن", "ربایش", "آدمربایی", "بازداشت", "دستگیری", "اعدام", "اخراج",
    "حبس", "محاکمه", "توقیف", "شکنجه", "محاصره", "اشغال", "بمباران",
];

/// Finite verbs that end a coordinated clause ("... وارد ریاض شد و با Y دیدار کرد").
const CLAUSE_VERBS: &[&str] = &["شد", "شدند", "کرد", "کردند", "بود", "بودند", "است", "داد", "دادند", "رفت", "رفتند"];

fn keys(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| key(w)).collect()
}

/// Finds the events of a text.
pub fn find(
    doc: &Doc,
    cl: &Clauses<'_, '_>,
    quotes: &[crate::quotes::RawQuote],
    last_person: &[Option<usize>],
    day: Option<Day>,
) -> Vec<RawEvent> {
    let lex = Lexicon::builtin();
    let anaphoric = keys(&["این", "آن", "همین", "چنین"]);
    let plan = keys(&["قرار", "فردا", "آینده", "برنامه", "درنظر", "تصمیم"]);
    let hypo = keys(&[
        "اگر",
        "چنانچه",
        "درصورت",
        "صورت",
        "ممکن",
        "احتمال",
        "احتمالا",
        "شاید",
    ]);
    let base = day
        .and_then(|d| jiff::civil::Date::new(i16::try_from(d.0).ok()?, d.1 as i8, d.2 as i8).ok());
    let mut out: Vec<RawEvent> = Vec::new();
    let mut session: Option<usize> = None;
    // The last gathering named was no meeting ("در نشست خبری", "در جلسه علنی").
    let mut not_a_meeting = false;
    for (si, &(ss, se)) in doc.sents.iter().enumerate() {
        let last = last_person.get(si).copied().flatten();
        let range = doc.toks_in(ss, se);
        let mut clause_s = ss;
        let mut t = range.start;
        while t < range.end {
            let Some((rows, n)) = lex.cue_phrases.longest_at(&doc.toks, t) else {
                t += 1;
                continue;
            };
            let (cs, ce) = (doc.toks[t].s, doc.toks[t + n - 1].e);
            if let Some(c) = (clause_s..cs)
                .rev()
                .find(|&c| matches!(doc.chars[c], ':' | '«' | '؛'))
            {
                clause_s = c + 1;
            }
            let prev_anaphoric = t > range.start && anaphoric.contains(&doc.toks[t - 1].key);
            let mut made = false;
            for &row in rows {
                let cue = &lex.cues[row];
                if cue.frame == Frame::None {
                    not_a_meeting = true;
                    made = true;
                    break;
                }
                // "در این نشست" after a press conference or a sitting of parliament is that one; so is a bare
                // "در ادامه جلسه،" (the cue closed by a comma: no other gathering named).
                let bare = doc.chars.get(ce..).is_some_and(|r| r.iter().find(|c| **c != ' ').is_some_and(|c| matches!(c, '،' | ',')));
                // So is one attended with nothing told of it ("رئیس جمهور که در جلسه حضور داشت").
                let attended = doc.toks.get(t + n).is_some_and(|x| matches!(x.key.as_str(), "حضور" | "شرکت"));
                let this = bare || attended || (t..t + n).any(|i| anaphoric.contains(&doc.toks[i].key));
                if cue.frame == Frame::Session && this && not_a_meeting && session.is_none() {
                    made = true;
                    break;
                }
                if prev_anaphoric && cue.frame != Frame::Session {
                    continue;
                }
                // "ضمن محکوم کردن X ... گفت", "با تشکر از X": the cue as an adverbial of the clause's own verb.
                let adverbial = adverbial_object(doc, t, n, cue);
                // An act done to someone told in the passive, with its doer ("فواد شکر ... توسط جنگنده‌های اسرائیلی
                // ترور شد"): the light verb is "شد", and the doer follows "توسط", "از سوی" or "به دست".
                let may_be_passive = cue.frame == Frame::Object
                    && cue.marker.is_none()
                    && matches!(cue.event_type.as_str(), "ASSAULT" | "COERCE")
                    && cue.light.as_ref().is_some_and(|(p, _)| p.contains(&"کرد"));
                let mut passive_voice = false;
                // The light verb and its tense.
                let (tense, first_person) = match &cue.light {
                    None => (None, false),
                    Some((past, present)) => match light_after(
                        doc,
                        t + n,
                        range.end,
                        past,
                        present,
                        past.contains(&"داشت"),
                    ) {
                        Some((x, k)) => (Some(x), k.ends_with('م')),
                        // The clause's verb tells when: the first verb after the object, before any quote.
                        None if adverbial.is_some() => {
                            let mut future = false;
                            for i in t + n..range.end {
                                let k = doc.toks[i].key.as_str();
                                if doc.gap_has(doc.toks[i - 1].e, doc.toks[i].s, &[':', '«'])
                                    || lex.verb_phrases.longest_at(&doc.toks, i).is_some()
                                    || finite_verb(k)
                                {
                                    break;
                                }
                                if matches!(k, "خواهد" | "خواهند") {
                                    future = true;
                                    break;
                                }
                            }
                            (Some(if future { Tense::Future } else { Tense::Past }), false)
                        }
                        None if may_be_passive => match light_after(doc, t + n, range.end, &["شد"], &["شو"], false) {
                            Some((x, _)) => {
                                passive_voice = true;
                                (Some(x), false)
                            }
                            None => continue,
                        },
                        None => continue,
                    },
                };
                // Inside a quote, a clause without a subject is the speaker's only in the first
                // person ("فردا با پوتین رایزنی می‌کنم").
                let quoted_by = quotes.iter().rev().find(|q| q.s <= cs && cs < q.e);
                let last = match quoted_by {
                    Some(q) if first_person => match q.who {
                        Some(Subject::Entity(p)) => Some(p),
                        _ => None,
                    },
                    Some(_) => None,
                    None => last,
                };
                let clause_toks = doc.toks_in(clause_s, se);
                let before = doc.toks_in(clause_s, cs);
                let has = |set: &[String], r: std::ops::Range<usize>| {
                    r.into_iter().any(|i| set.contains(&doc.toks[i].key))
                };
                // A plan word that heads a prepositional object ("از تصمیم اوپک حمایت می‌کند") tells no plan;
                // "قرار" after one still does ("طبق قرار قبلی ... دیدار می‌کند": as arranged).
                // A demonstrative may stand between ("از این تصمیم حمایت می‌کند").
                let planned_in = |r: std::ops::Range<usize>| {
                    r.into_iter().any(|i| {
                        let p = if i > 1 && anaphoric.contains(&doc.toks[i - 1].key) { i - 1 } else { i };
                        plan.contains(&doc.toks[i].key)
                            && !(p > 0 && PREPOSITIONS.contains(&doc.toks[p - 1].key) && doc.toks[i].key != "قرار")
                    })
                };
                let mut status = match tense {
                    Some(Tense::Negated) => EventStatus::Negated,
                    Some(Tense::Future) => EventStatus::Planned,
                    Some(Tense::Present | Tense::Subjunctive)
                        if planned_in(clause_toks.clone()) =>
                    {
                        EventStatus::Planned
                    }
                    Some(Tense::Subjunctive) => EventStatus::Hypothetical,
                    // A speaker's own meeting or trip in the present ("«با ایران مذاکره می‌کنیم»") is what they
                    // intend; a performative present ("«محکوم می‌کنیم»", "«حمایت می‌کنیم»") is done in saying it.
                    Some(Tense::Present)
                        if quoted_by.is_some()
                            && first_person
                            && (cue.event_type == "CONSULT" || matches!(cue.frame, Frame::Subject | Frame::Arrival)) =>
                    {
                        EventStatus::Planned
                    }
                    _ if has(&plan, before.clone()) && has(&keys(&["قرار"]), before.clone()) => {
                        EventStatus::Planned
                    }
                    _ => EventStatus::Reported,
                };
                if status != EventStatus::Negated
                    && before.clone().any(|i| doc.toks[i].key == "هیچ")
                {
                    status = EventStatus::Negated;
                }
                // A threat names its condition ("X را در صورت ادامه حملات به پاسخ تهدید کرد"): the threat
                // itself was made.
                if has(&hypo, before.clone()) && cue.event_type != "THREATEN" {
                    status = EventStatus::Hypothetical;
                }
                // Readiness, wish or proposal for the event ("آماده دیدار با X است", "آمادگی خود را برای
                // گفت‌وگو اعلام کرد", "خواستار دیدار با X شد"): it has not happened.
                if ready_before(doc, t, doc.tok_from(clause_s)) {
                    status = EventStatus::Hypothetical;
                }
                // A relative clause on an indefinite noun ("از هر ابتکاری که به توقف جنگ کمک کند استقبال
                // می‌کند") is that thing's action, told by no actor: no verb closes the clause before the cue,
                // and the main verb follows the cue's own.
                if let Some(k) = before.clone().rev().find(|&i| doc.toks[i].key == "که")
                    && k > 0
                    && relative_head(&doc.toks[k - 1].key)
                    && cl.m.at(doc.toks[k - 1].s).is_none()
                    && !(k + 1..t).any(|i| finite_verb(&doc.toks[i].key))
                    && (t + n..range.end)
                        .take_while(|&i| !doc.gap_has(doc.toks[i - 1].e, doc.toks[i].s, &['،', '.', ':', '؛', '\n']))
                        .filter(|&i| finite_verb(&doc.toks[i].key))
                        .count()
                        >= 2
                {
                    continue;
                }
                // A request's complement ("از X خواست که ... همکاری کند") is X's action, not the
                // requester's: its subject clause starts after "که"/"تا", and X is not the last person.
                // The day told in the main clause ("روز پنج‌شنبه اعلام کرد که ...") still dates it; so does the day of
                // a statement quoted after a colon ("شامگاه گذشته اعلام کرد: X و Y به توافق رسیدند").
                let date_from = if clause_s > ss && doc.chars[clause_s - 1] == ':' { ss } else { clause_s };
                let mut clause_s = clause_s;
                let mut last = last;
                // Also without "که": "X از Y خواست تحریم تسلیحاتی علیه Z اعمال کند".
                let mut requested = false;
                if let Some(k) = before.clone().rev().find(|&i| {
                    (matches!(doc.toks[i].key.as_str(), "که" | "تا") && asks_before(doc, i))
                        || (matches!(doc.toks[i].key.as_str(), "خواست" | "خواستند")
                            && doc.toks.get(i + 1).is_some_and(|x| !matches!(x.key.as_str(), "که" | "تا")))
                }) {
                    requested = true;
                    let asked = (doc.tok_from(clause_s)..k)
                        .rev()
                        .find(|&i| doc.toks[i].key == "از")
                        .and_then(|i| cl.m.starting_at(doc.toks.get(i + 1)?.s))
                        .map(|(_, ent)| ent);
                    clause_s = doc.toks[k].e;
                    last = asked;
                } else if let Some(k) = before.clone().rev().find(|&i| {
                    doc.toks[i].key == "که"
                        && reports_before(doc, lex, i)
                        && !cl.subjects(doc.toks[i].e, cs, None).is_empty()
                }) {
                    // A reported clause with a subject of its own ("X گفته بود که دو رهبر ... گفت‌وگو
                    // خواهند کرد") is that subject's action; without one it is the reporter's ("X گفت که
                    // با Y دیدار خواهد کرد") and the clause is read whole.
                    clause_s = doc.toks[k].e;
                } else if let Some(k) = before.clone().rev().find(|&i| {
                    // The same without "که": a named subject right after the reporting verb ("X گفت ایران از
                    // ... حمایت می‌کند").
                    i > doc.tok_from(clause_s)
                        && reports_before(doc, lex, i)
                        && cl.subjects(doc.toks[i].s, cs, None).first().is_some_and(|f| f.named && f.s == doc.toks[i].s)
                }) {
                    clause_s = doc.toks[k].s;
                }
                // The subjects' actors, and where the written subjects end (`clause_s` when none is written).
                let subjects_to = || -> (Vec<usize>, usize) {
                    let found = cl.subjects(clause_s, cs, last);
                    let end = found.iter().map(|f| f.e).max().unwrap_or(clause_s);
                    if found.is_empty() {
                        // A subject described by its countries ("جنگنده‌های آمریکایی و انگلیسی ... را بمباران
                        // کردند") is those countries, when the article names them; never the last subject told.
                        if let Some(countries) = demonym_subject(doc, cl, clause_s, cs) {
                            return (countries, end);
                        }
                        return (last.into_iter().collect(), end);
                    }
                    let subs = found
                        .into_iter()
                        .flat_map(|f| match f.who {
                            Subject::Entity(e) => vec![e],
                            // An official named by an office of a country ("وزیر کشور پاکستان") acts
                            // for that country, as PLOVER/CAMEO code unnamed officials; one named by an
                            // office of an organization ("سخنگوی وزارت امور خارجه") for that organization.
                            Subject::Role(_) => {
                                // Not a name right before "را": the object, where the phrase ran on ("نیروهای این کشور
                                // تاسیسات نظامی اوکراین را هدف قرار دادند").
                                let named: Vec<_> = cl
                                    .m
                                    .within(f.s, f.e)
                                    .iter()
                                    .filter(|m| doc.toks.get(doc.tok_from(m.1)).is_none_or(|x| x.key != "را"))
                                    .copied()
                                    .collect();
                                let of = |k: Kind| named.iter().map(|m| m.2).find(|&x| cl.m.ents[x].kind == k);
                                named
                                    .iter()
                                    .map(|m| m.2)
                                    .find(|&x| cl.m.ents[x].id.starts_with("country-"))
                                    .or_else(|| of(Kind::Org))
                                    .into_iter()
                                    .collect()
                            }
                            // A pair ("دو طرف", "دو رئیس‌جمهور") is the two parties of an event told before.
                            // Pairs form at meetings and calls: the last one with two is theirs ("دو وزیر توافق
                            // کردند" after a call and a praise of one's country: the two ministers).
                            Subject::Group(g) if is_pair(&g) => out
                                .iter()
                                .rev()
                                .find(|o| o.actors.len() == 2 && lex.cues[o.cue].event_type == "CONSULT")
                                .or_else(|| out.iter().rev().find(|o| o.actors.len() == 2))
                                .map_or_else(Vec::new, |o| o.actors.clone()),
                            Subject::Group(_) => officials_countries(doc, cl, f.s, cs),
                        })
                        .collect();
                    (subs, end)
                };
                let subjects = || subjects_to().0;
                let mut actors: Vec<usize> = Vec::new();
                // The place an attack's object names ("شهر رفح را بمباران کرد").
                let mut attacked_place: Option<usize> = None;
                // The act a claim of responsibility names ("مسئولیت این حمله"): its token.
                let mut claimed_act: Option<usize> = None;
                // Subjects written before the object ("دو طرف از X قدردانی کردند": both).
                let mut subjects_n = 1;
                match cue.frame {
                    Frame::Object if passive_voice => {
                        let Some((agent, by)) = passive_agent(doc, cl, clause_s, cs) else { continue };
                        let patients: Vec<usize> = cl
                            .subjects(clause_s, doc.toks[by].s, None)
                            .into_iter()
                            .filter(|f| f.named)
                            .filter_map(|f| match f.who {
                                Subject::Entity(e) => as_actor(cl, e),
                                _ => None,
                            })
                            .filter(|&p| p != agent)
                            .collect();
                        if patients.is_empty() {
                            continue;
                        }
                        actors.push(agent);
                        actors.extend(patients);
                    }
                    Frame::With => {
                        actors = subjects();
                        // Nobody the text names met: a partner alone is no event ("استاندار خوزستان با سرکنسول
                        // عراق دیدار کرد" is not "Iraq met"; the partner must not take the subject's place).
                        if actors.is_empty() {
                            continue;
                        }
                        let from = doc.tok_from(clause_s);
                        // The partner's "با" comes before the topic ("X با Y درباره روابط با آمریکا
                        // گفت‌وگو کرد": not the United States).
                        // A topic of an earlier coordinated clause ("درباره جنگ غزه وارد ریاض شد و با Y دیدار
                        // کرد") bounds nothing: a verb between it and the cue ends it.
                        let topic = (from..t)
                            .rev()
                            .take_while(|&i| !CLAUSE_VERBS.contains(&doc.toks[i].key.as_str()))
                            .find(|&i| topic_at(doc, i));
                        let ba = (from..topic.unwrap_or(t))
                            .rev()
                            .find(|&i| doc.toks[i].key == "با")
                            .or_else(|| {
                                (t + n..(t + n + 3).min(range.end))
                                    .find(|&i| doc.toks[i].key == "با")
                            });
                        if let Some(b) = ba {
                            // Only a "با" before the cue surely writes the partner; one after it ("... دیدار کرد با ...") may not.
                            let Some(partners) = partners_after_ba(doc, cl, b, se, &actors, status, b < t) else {
                                continue;
                            };
                            actors.extend(partners);
                        }
                    }
                    // The adverbial's object follows it: "ضمن محکوم کردن حملات رژیم صهیونیستی به لبنان" (the
                    // attacker, not the place after "به"), "با تشکر از مواضع ترکیه".
                    Frame::Object if adverbial.is_some() => {
                        let Some(o) = adverbial else { continue };
                        actors = subjects();
                        if actors.is_empty() {
                            continue;
                        }
                        subjects_n = actors.len();
                        let clause_e = (ce..se).find(|&c| matches!(doc.chars[c], ':' | '«' | '؛' | '،')).unwrap_or(se);
                        let objects = entities_after(doc, cl, o, clause_e);
                        if objects.is_empty() {
                            continue;
                        }
                        actors.extend(objects);
                    }
                    Frame::Object => {
                        // A clause coordinated after a finite verb with words of its own before the object's marker
                        // ("چین شریک ایران است و مجلس از ... حمایت می‌کند") has its own subject: unknown when none is
                        // found there, not the first clause's.
                        if let Some(mk) = cue.marker.as_deref()
                            && let Some(v) = (doc.tok_from(clause_s)..t.saturating_sub(1))
                                .rev()
                                .find(|&i| doc.toks[i + 1].key == "و" && finite_verb(&doc.toks[i].key))
                            && let Some(m) = (v + 2..t).find(|&i| doc.toks[i].key == mk)
                            && m > v + 2
                            && !SUBJECTLESS_OPENERS.contains(&doc.toks[v + 2].key.as_str())
                            && !PREPOSITIONS.contains(&doc.toks[v + 2].key)
                            && cl.subjects(doc.toks[v + 2].s, doc.toks[m].s, None).is_empty()
                        {
                            continue;
                        }
                        let written_end;
                        (actors, written_end) = subjects_to();
                        // A subject is written but names no actor ("فرماندهان مقاومت فلسطین ... تمجید
                        // کردند"): who acted is unknown, and an object must not take its place.
                        // Nor does an object alone tell who acted.
                        if actors.is_empty() {
                            continue;
                        }
                        subjects_n = actors.len();
                        let mut subj_end = actors
                            .iter()
                            .filter_map(|&a| {
                                cl.m.within(clause_s, cs)
                                    .iter()
                                    .find(|m| m.2 == a)
                                    .map(|m| m.1)
                            })
                            .chain([written_end])
                            .max()
                            .unwrap_or(clause_s);
                        // The subject's role written after it ("شریف نخست‌وزیر پاکستان ... محکوم
                        // کرد") names no object.
                        subj_end = cl.role_after(subj_end, cs).unwrap_or(subj_end);
                        // Nor does the country that ends a subject written as an office ("رئیس جمهور ایران ... از
                        // مواضع ترکیه قدردانی کرد": the office's mention stops before "ایران").
                        if let Some(&(ms, me, _)) = cl.m.within(clause_s, subj_end).iter().rfind(|m| m.1 == subj_end)
                            && crate::speaker::role_head_at(doc, doc.tok_from(ms))
                            && let Some(x) = doc.toks.get(doc.tok_from(me))
                            && doc.chars[me..x.s].iter().all(|c| *c == ' ')
                            && let Some((ce2, c)) = cl.m.starting_at(x.s)
                            && cl.m.ents[c].id.starts_with("country-")
                            && doc.toks.get(doc.tok_from(ce2)).is_none_or(|y| y.key != "را")
                        {
                            subj_end = ce2;
                        }
                        // The object of a cue without a marker ends at its "را": a relative clause after it
                        // ("قطعنامه X را که به پیشنهاد آلمان ... تصویب شد، محکوم کردند") or an adverbial ("چندین
                        // شرکت چینی را به اتهام خرید نفت ایران تحریم کرد": not Iran) holds no object, and a comma
                        // there does not start the object.
                        let ra = cue
                            .marker
                            .is_none()
                            .then(|| (doc.tok_from(subj_end)..t).rev().find(|&i| doc.toks[i].key == "را"))
                            .flatten();
                        // An act called something before it is condemned ("این حمله را نقض آشکار حاکمیت لبنان خواند و
                        // آن را محکوم کرد"): the object is what was called so, not the words it was called.
                        let ra = cue
                            .marker
                            .is_none()
                            .then(|| {
                                (doc.tok_from(subj_end)..t).find(|&v| {
                                    CALLING_VERBS.contains(&doc.toks[v].key.as_str())
                                        && doc.toks.get(v + 1).is_some_and(|x| x.key == "و")
                                })
                            })
                            .flatten()
                            .and_then(|v| (doc.tok_from(subj_end)..v).rev().find(|&i| doc.toks[i].key == "را"))
                            .or(ra);
                        let obj_end = ra.map_or(cs, |i| doc.toks[i].s);
                        let comma = (subj_end..obj_end)
                            .rev()
                            .find(|&c| matches!(doc.chars[c], '،' | ','));
                        let mut from = comma.map_or(subj_end, |c| c + 1);
                        // A clause of the same subject coordinated before the cue ("ترکیه خواهان حفظ تمامیت ارضی
                        // سوریه است و با هرگونه تلاش ... مخالفت می‌کند") holds no object of the cue.
                        if let Some(v) = (doc.tok_from(from)..t.saturating_sub(1))
                            .rev()
                            .find(|&i| finite_verb(&doc.toks[i].key) && doc.toks[i + 1].key == "و")
                        {
                            from = doc.toks[v + 1].e;
                        }
                        // Signing an order, a law or a letter is no agreement between parties.
                        if cue.event_type == "AGREE"
                            && doc.toks.get(doc.tok_from(from)).is_some_and(|x| SIGNED_ALONE.iter().any(|w| key(w) == x.key))
                        {
                            continue;
                        }
                        let mut objects = 0;
                        // The role phrase written after an object ("هنیه رئیس دفتر سیاسی حماس") names no
                        // further object.
                        let mut skip_until = 0;
                        // Tokens from here on may open a prepositional phrase.
                        let mut pp_from = doc.tok_from(from);
                        // The end of the last entity found inside a prepositional phrase.
                        let mut pp_end: Option<usize> = None;
                        // The end of the last one an act was done to ("ترور هنیه").
                        let mut victim_end: Option<usize> = None;
                        for &(ms, me, ent) in cl.m.within(from, obj_end) {
                            if ms < skip_until {
                                continue;
                            }
                            let mt = doc.tok_from(ms);
                            // An entity inside a prepositional phrase of the object ("حمله آمریکا
                            // به تاسیسات هسته‌ای ایران را محکوم کرد": Iran is the victim, not the
                            // one condemned) is a modifier, not an object, and so is every entity after
                            // it up to the object marker ("حمله X به بندر الحدیده و زیرساخت‌های یمن را"; "حمله
                            // به تاسیسات تحت نظارت آژانس را": the agency only supervises them).
                            // The cue's own object marker ("از X حمایت کرد") is no such preposition.
                            // A relative clause after the cue's marker ("از هرگونه توافقی که مانع دستیابی
                            // ایران ... شود حمایت می‌کند") holds no object.
                            let in_relative = cue.marker.as_deref().is_some_and(|mk| {
                                (doc.tok_from(from)..mt)
                                    .position(|i| doc.toks[i].key == mk)
                                    .is_some_and(|p| (doc.tok_from(from) + p..mt).any(|i| doc.toks[i].key == "که"))
                            });
                            if in_relative {
                                continue;
                            }
                            // Three words back, not counting place words ("در ایالت خیبر پختونخوا پاکستان":
                            // the attack's place, not the condemned).
                            let window = if objects > 0 {
                                pp_from
                            } else {
                                let mut i = mt;
                                let mut words = 0;
                                while i > pp_from && words < 3 {
                                    i -= 1;
                                    if !crate::speaker::PLACE_WORDS.contains(&doc.toks[i].key) {
                                        words += 1;
                                    }
                                }
                                i
                            };
                            let after_dar = (window..mt).any(|i| {
                                let k = doc.toks[i].key.as_str();
                                matches!(k, "در" | "با" | "به" | "از" | "برای" | "علیه" | "تحت")
                                    // After the object, the cue's own marker opens a modifier too ("از
                                    // حمایت‌های ایران از مقاومت لبنان قدردانی کرد"), unless "را" closed the
                                    // object first ("درگذشت X را به دولت عربستان تسلیت گفت").
                                    && (cue.marker.as_deref() != Some(k)
                                        || (objects > 0 && !(pp_from..i).any(|j| doc.toks[j].key == "را")))
                                    && !doc.toks.get(i + 1).is_some_and(|x| ADVERB_AFTER_PREP.contains(&x.key.as_str()))
                            });
                            // The one an act was done to ("ترور هنیه را محکوم کرد") is no object of the
                            // condemnation; a condolence's is ("شهادت X را تسلیت گفت").
                            let victim = cue.mode != "empathize"
                                && ({
                                    // Past honorifics ("ترور شهید حاج قاسم سلیمانی").
                                    let mut i = mt;
                                    while i > 0 && crate::speaker::HONORIFICS.contains(&doc.toks[i - 1].key) {
                                        i -= 1;
                                    }
                                    i > 0 && VICTIM_NOUNS.contains(&doc.toks[i - 1].key.as_str())
                                }
                                // The victim's office after their name, or after the act's own name ("ترور
                                // اسماعیل هنیه رئیس دفتر سیاسی حماس"), is the victim again.
                                || victim_end.is_some_and(|ve| ve <= ms && doc.chars[ve..ms].iter().all(|c| *c == ' ')));
                            if victim || (cl.m.ents[ent].kind == Kind::Event
                                && doc.toks.get(mt).is_some_and(|x| VICTIM_NOUNS.contains(&x.key.as_str())))
                            {
                                // Their office after them names no object either.
                                let end = cl.role_after(me, cs).unwrap_or(me);
                                skip_until = skip_until.max(end);
                                victim_end = Some(end);
                            }
                            let after_dar = after_dar || victim;
                            // An entity joined by "و" to one inside a prepositional phrase is inside it too
                            // ("در روابط تهران و ریاض").
                            let joined_to_pp = pp_end.is_some_and(|pe| {
                                let between = doc.toks_in(pe, ms);
                                between.len() == 1 && doc.toks[between.start].key == "و"
                            });
                            if after_dar || joined_to_pp {
                                pp_end = Some(me);
                                // A name inside this one ("آمریکا" in "رئیس‌جمهور منتخب آمریکا") is inside the phrase too.
                                skip_until = skip_until.max(me);
                                continue;
                            }
                            if let Some(ent) = as_actor(cl, ent)
                                && !actors.contains(&ent)
                                && objects < 2
                            {
                                actors.push(ent);
                                objects += 1;
                                skip_until = cl.role_after(me, cs).unwrap_or(me);
                            } else if cue.event_type == "ASSAULT"
                                && objects == 0
                                && cl.m.ents[ent].kind == Kind::Location
                                && as_actor(cl, ent).is_none()
                            {
                                // A town attacked ("شهر رفح را بمباران کرد") is where the attack was, not a party.
                                attacked_place = attacked_place.or(Some(ent));
                            }
                            pp_from = doc.tok_from(me.max(skip_until));
                        }
                        // No entity object, but one described by its country ("۱۲ شخص و نهاد ایرانی را تحریم
                        // کرد"): the object acts for that country, as an official named by an office does.
                        // Not inside a prepositional phrase ("حمله به شرکت‌های ایرانی را": the victims).
                        // The object may open a reported clause ("در بیانیه‌ای اعلام کرد که ۸ فرد و نهاد ایرانی را
                        // تحریم کرده است"): prepositions before its "که" belong to the main clause.
                        let obj_from = (doc.tok_from(from)..t)
                            .take_while(|&i| doc.toks[i].key != "را")
                            .filter(|&i| doc.toks[i].key == "که")
                            .last()
                            .map_or(doc.tok_from(from), |k| k + 1);
                        if objects == 0
                            && let Some(ra) = (obj_from..t).find(|&i| doc.toks[i].key == "را")
                            && ra > obj_from
                            && !(obj_from..ra).any(|i| PREPOSITIONS.contains(&doc.toks[i].key))
                            && let Some(id) = crate::speaker::country_of_word(&doc.toks[ra - 1].key)
                            && let Some(c) = cl.m.ents.iter().position(|e| e.id == id)
                            && !actors.contains(&c)
                        {
                            actors.push(c);
                        }
                        // A pronoun object ("و او را به جانبداری از حماس متهم کرد") is the last person the sentence
                        // named before it who is not the subject ("سخنان گوترش را رد کرد": Guterres).
                        if objects == 0
                            && let Some(p) = (doc.tok_from(from)..t).find(|&i| matches!(doc.toks[i].key.as_str(), "او" | "وی"))
                            && doc.toks.get(p + 1).is_some_and(|x| x.key == "را")
                            && let Some(who) = cl
                                .m
                                .within(ss, doc.toks[p].s)
                                .iter()
                                .rev()
                                .map(|m| m.2)
                                .filter(|&e| cl.m.ents[e].kind == Kind::Person)
                                .find_map(|e| as_actor(cl, e).filter(|a| !actors.contains(a)))
                        {
                            actors.push(who);
                            objects += 1;
                        }
                        // "این اقدام را محکوم کرد": the act the article told before, by its actor (the US
                        // Treasury's sanctions, condemned by the ministry).
                        if objects == 0
                            && let Some(ra) = (doc.tok_from(from)..t).find(|&i| doc.toks[i].key == "را")
                            // Adverbs and the statement's phrase may come first ("نیز در بیانیه‌ای این حملات را").
                            && ra >= doc.tok_from(from) + 2
                            // "این حمله", or the act called new or recent ("تحریم‌های جدید را محکوم کرد").
                            && let Some(noun) = if matches!(doc.toks[ra - 2].key.as_str(), "این" | "همین") {
                                Some(ra - 1)
                            } else if matches!(doc.toks[ra - 1].key.as_str(), "جدید" | "اخیر") {
                                Some(ra - 2)
                            } else if ra >= doc.tok_from(from) + 3
                                && matches!(doc.toks[ra - 3].key.as_str(), "این" | "همین")
                                && ACT_NOUNS.contains(&doc.toks[ra - 2].key.as_str())
                            {
                                // "این حمله تروریستی را": the act with one adjective.
                                Some(ra - 2)
                            } else {
                                None
                            }
                            // Not the object of a preposition ("نقش داشتن در این حمله را رد کرد": the role is denied).
                            && !(noun >= doc.tok_from(from) + 2 && PREPOSITIONS.contains(&doc.toks[noun - 2].key))
                            && ACT_NOUNS.contains(&doc.toks[noun].key.as_str())
                            && let Some(doer) = doer_of_act_told_before(
                                &out,
                                lex,
                                ss,
                                act_type(&doc.toks[noun].key),
                                (cue.event_type == "ACCUSE").then(|| actors.first().and_then(|&a| actor_country(cl, a))).flatten(),
                                cl,
                            )
                            && !actors.contains(&doer)
                        {
                            actors.push(doer);
                        }
                        // "درگذشت این مرجع تقلید را تسلیت گفت": the one whose death a condolence told before
                        // named.
                        if objects == 0
                            && cue.mode == "empathize"
                            && let Some(ra) = (doc.tok_from(from)..t).find(|&i| doc.toks[i].key == "را")
                            && (doc.tok_from(from)..ra).any(|i| matches!(doc.toks[i].key.as_str(), "این" | "ان" | "همین"))
                            && let Some(prev) = out.iter().rev().find(|o| o.e <= ss && lex.cues[o.cue].mode == "empathize")
                            && let Some(&dead) = prev.actors.get(prev.sources)
                            && !actors.contains(&dead)
                        {
                            actors.push(dead);
                        }
                        // A verb cue without a light verb ("از X خواست") tells the event only with its object
                        // written: "خواست" alone is also a noun ("خواست مردم", "به خواست خود").
                        if (cue.light.is_none() || cue.needs_object) && actors.len() <= subjects_n {
                            continue;
                        }
                    }
                    Frame::Subject | Frame::Arrival => {
                        // A clause that opens with words no subject was found in ("مولوی عبدالحمید ... خواستار ...
                        // شد", "بیانیه پایانی این نشست خواستار ... شد") has a subject of its own, unknown: not the
                        // last one. The last subject acts only in a clause that opens with an adverb, a
                        // preposition or a pronoun ("وی همچنین خواستار ... شد", "در این دیدار ...").
                        let opener = doc
                            .toks
                            .get(doc.tok_from(clause_s))
                            .filter(|x| x.s < cs)
                            .is_none_or(|x| SUBJECTLESS_OPENERS.contains(&x.key.as_str()) || PREPOSITIONS.contains(&x.key));
                        if !opener && cl.subjects(clause_s, cs, None).is_empty() {
                            continue;
                        }
                        // A cue told as a noun after a preposition ("این سفر پس از از سرگیری روابط دیپلماتیک صورت
                        // می‌گیرد") is the time or the topic of the clause, no act of its subject.
                        if cue.light.is_none() && t > 0 && PREPOSITIONS.contains(&doc.toks[t - 1].key) {
                            continue;
                        }
                        actors = subjects();
                        subjects_n = actors.len();
                    }
                    // "در جریان سفر X (role) به Y": X visits Y.
                    Frame::Trip => {
                        // Words about the trip may come first ("در سفر آتی X", "در سفر دو روزه X").
                        let Some((me, who)) = (t + n..(t + n + 3).min(range.end)).find_map(|i| cl.m.starting_at(doc.toks[i].s)) else {
                            continue;
                        };
                        if cl.m.ents[who].kind != Kind::Person {
                            continue;
                        }
                        let from = cl.role_after(me, se).unwrap_or(me);
                        let ba = doc.tok_from(from);
                        if doc.toks.get(ba).is_none_or(|x| x.key != "به" || doc.gap_has(from, x.s, &['،', '.', ':', '؛']))
                            || doc.toks.get(ba + 1).and_then(|x| cl.m.starting_at(x.s)).is_none_or(|(_, p)| cl.m.ents[p].kind != Kind::Location)
                        {
                            continue;
                        }
                        // A trip still to come ("سفر آتی", "سفر آینده", "سفر قریب‌الوقوع"; keys fold "آ" to "ا") is
                        // planned.
                        if (t + n..ba).any(|i| matches!(doc.toks[i].key.as_str(), "اتی" | "اینده" | "قریبالوقوع")) {
                            status = EventStatus::Planned;
                        }
                        actors.push(who);
                    }
                    // "گروهک X مسئولیت این حمله را بر عهده گرفت": X made the attack. Only a claimant the clause names:
                    // nobody claims by a pronoun, and "هیچ گروهی" names none.
                    Frame::Claim => {
                        let Some((tense, act)) = claim_verb(doc, t + n, range.end) else {
                            continue;
                        };
                        // Not claiming an attack is no denial of it: only a claim made tells who attacked.
                        if tense != Tense::Past {
                            continue;
                        }
                        actors = cl
                            .subjects(clause_s, cs, None)
                            .into_iter()
                            .filter(|f| f.named)
                            .filter_map(|f| match f.who {
                                Subject::Entity(e) => Some(e),
                                _ => None,
                            })
                            .collect();
                        claimed_act = Some(act);
                        // Whom it hit, as told before ("حمله پهپادی به پایگاه آمریکا در سوریه").
                        if !actors.is_empty()
                            && let Some(hit) = target_of_act_told(doc, cl, &doc.toks[act].key, doc.toks[act].s)
                            && !actors.contains(&hit)
                        {
                            subjects_n = actors.len();
                            actors.push(hit);
                        }
                    }
                    // "X تحریم‌هایی علیه Y اعمال کرد", "X از اعمال تحریم‌های جدید علیه Y خبر داد".
                    Frame::Impose => {
                        let marker = cue.marker.as_deref().unwrap_or("علیه");
                        let Some(im) = impose_verb(doc, t, n, range.end, marker) else {
                            continue;
                        };
                        // The passive names the giver right after the cue ("کمک‌های بشردوستانه ایران به لبنان ارسال
                        // شد"); the active, as the clause's subject.
                        let mut named: Vec<usize> = if im.passive {
                            cl.m.within(ce, doc.toks[im.marker].s).iter().find_map(|m| as_actor(cl, m.2)).into_iter().collect()
                        } else {
                            cl.subjects(clause_s, cs, None)
                                .into_iter()
                                .filter(|f| f.named)
                                .filter_map(|f| match f.who {
                                    Subject::Entity(e) => Some(e),
                                    _ => None,
                                })
                                .collect()
                        };
                        // Asked of someone ("از شورای امنیت خواست تحریم ... اعمال کند"): that one would act.
                        if named.is_empty() && requested && !im.passive {
                            named.extend(last);
                        }
                        // The first actor named between the marker and the verb ("علیه ناوگان سایه نفت ایران", "علیه ۳۵
                        // شرکت مرتبط با صادرات نفت ایران").
                        let Some(target) = cl
                            .m
                            .within(doc.toks[im.marker].e, doc.toks[im.verb].s)
                            .iter()
                            .find_map(|m| as_actor(cl, m.2))
                        else {
                            continue;
                        };
                        if named.is_empty() || named.contains(&target) {
                            continue;
                        }
                        actors = named;
                        subjects_n = actors.len();
                        actors.push(target);
                        match im.tense {
                            Tense::Past => {}
                            Tense::Negated => status = EventStatus::Negated,
                            Tense::Subjunctive => status = EventStatus::Hypothetical,
                            Tense::Present | Tense::Future => status = EventStatus::Planned,
                        }
                    }
                    // "دور نخست مذاکرات X و Y در Z برگزار شد": talks held between X and Y.
                    Frame::Held => {
                        // Only as the subject of its clause: after a preposition the talks are a topic or a
                        // place ("درباره دور بعدی مذاکرات X و Y", "در مذاکرات X و Y").
                        let mut h = t;
                        while h > doc.tok_from(clause_s) && ROUND_WORDS.contains(&doc.toks[h - 1].key.as_str()) {
                            h -= 1;
                        }
                        if h > doc.tok_from(clause_s)
                            && (PREPOSITIONS.contains(&doc.toks[h - 1].key) || HELD_HEADS.contains(&doc.toks[h - 1].key.as_str()))
                        {
                            continue;
                        }
                        // "آتش‌بس میان X و Y", "مذاکرات بین X و Y".
                        let after = if doc.toks.get(t + n).is_some_and(|x| matches!(x.key.as_str(), "میان" | "بین")) {
                            t + n + 1
                        } else {
                            t + n
                        };
                        let mut x = entities_after(doc, cl, after, se);
                        // Talks the knowledge base names ("مذاکرات غیرمستقیم ایران و آمریکا", one event mention): the
                        // countries its name writes, as the article names them elsewhere.
                        let xe = if x.is_empty()
                            && let Some((me, ev)) = cl.m.starting_at(doc.toks[t].s)
                            && cl.m.ents[ev].kind == Kind::Event
                        {
                            for i in doc.toks_in(doc.toks[t].s, me) {
                                if let Some(id) = crate::speaker::country_of_word(&doc.toks[i].key)
                                    && let Some(c) = cl.m.ents.iter().position(|e| e.id == id)
                                    && !x.contains(&c)
                                {
                                    x.push(c);
                                }
                            }
                            if x.len() < 2 {
                                continue;
                            }
                            me
                        } else if let Some(&last_x) = x.last() {
                            cl.m.within(doc.toks[t + n].s, se).iter().rfind(|m| m.2 == last_x).map_or(ce, |m| m.1)
                        } else {
                            continue;
                        };
                        let mut xt = doc.tok_from(xe);
                        actors.extend(&x);
                        // "مذاکرات X با Y".
                        if x.len() == 1
                            && doc.toks.get(xt).is_some_and(|y| y.key == "با" && y.s < se)
                        {
                            let y = entities_after(doc, cl, xt + 1, se);
                            if let Some(&last_y) = y.last() {
                                let ye = cl.m.within(doc.toks[xt].s, se).iter().rfind(|m| m.2 == last_y).map_or(xe, |m| m.1);
                                xt = doc.tok_from(ye);
                                actors.extend(y);
                            }
                        }
                        if actors.len() < 2 {
                            continue;
                        }
                        match held_verb(doc, xt, range.end) {
                            Some(Tense::Past) => {}
                            Some(Tense::Negated) => status = EventStatus::Negated,
                            Some(Tense::Subjunctive) => status = EventStatus::Hypothetical,
                            Some(Tense::Present | Tense::Future) => status = EventStatus::Planned,
                            None => continue,
                        }
                    }
                    Frame::Noun => {
                        let starts_with_dar = doc.toks[t].key == "در"
                            || (t > 0
                                && doc.toks[t - 1].key == "در"
                                && doc.toks[t - 1].s >= clause_s)
                            || doc.toks.get(t + n).is_some_and(|x| x.key == "با")
                            // "از دیدار خود با X خبر داد": the subject's own meeting.
                            || doc.toks.get(t + n).is_some_and(|x| x.key == "خود")
                                && doc.toks.get(t + n + 1).is_some_and(|x| x.key == "با");
                        if starts_with_dar {
                            actors = subjects();
                            // As with a verb: the partner alone is no event.
                            if actors.is_empty() {
                                continue;
                            }
                            let b =
                                (t..(t + n + 2).min(range.end)).find(|&i| doc.toks[i].key == "با");
                            if let Some(b) = b {
                                let Some(partners) = partners_after_ba(doc, cl, b, se, &actors, status, true) else {
                                    continue;
                                };
                                actors.extend(partners);
                            } else if !opens_topic(doc, t + n) {
                                // "X در دیدار Y ... گفت": the partner is the cue's genitive, with no "با"; a topic
                                // ("در تماس تلفنی درباره اوضاع سوریه") is none.
                                actors.extend(entities_after(doc, cl, t + n, se));
                            }
                        } else {
                            // "دیدار X و Y": the meeting of X and Y. Its time or arrangements ("زمان دیدار
                            // پوتین و ترامپ هنوز مشخص نشده است") tell one still to come; its possibility one that
                            // may not.
                            if t > 0 && status == EventStatus::Reported {
                                match doc.toks[t - 1].key.as_str() {
                                    "زمان" | "تاریخ" | "مقدمات" | "ترتیبات" | "برنامه" => status = EventStatus::Planned,
                                    "امکان" | "احتمال" => status = EventStatus::Hypothetical,
                                    _ => {}
                                }
                            }
                            let mut x = entities_after(doc, cl, t + n, se);
                            // "دیدار وی با Y": the person the pronoun stands for, the last named before it in the
                            // sentence, else the last subject.
                            let pronoun = x.is_empty()
                                && doc.toks.get(t + n).is_some_and(|p| matches!(p.key.as_str(), "وی" | "او" | "ایشان"))
                                && doc.toks.get(t + n + 1).is_some_and(|b| b.key == "با");
                            if pronoun
                                && let Some(who) = cl
                                    .m
                                    .within(ss, cs)
                                    .iter()
                                    .rev()
                                    .map(|m| m.2)
                                    .find(|&e| cl.m.ents[e].kind == Kind::Person)
                                    .or(last)
                            {
                                actors.push(who);
                                let partners = entities_after(doc, cl, t + n + 2, se);
                                if partners.is_empty() {
                                    continue;
                                }
                                actors.extend(partners);
                                x.clear();
                            }
                            if let Some(&first) = x.first() {
                                actors.extend(&x);
                                let xe =
                                    cl.m.within(doc.toks[t + n].s, se)
                                        .iter()
                                        .find(|m| m.2 == first)
                                        .map_or(ce, |m| m.1);
                                let xt = doc.tok_from(xe);
                                if let Some(b) =
                                    (xt..(xt + 6).min(range.end)).find(|&i| doc.toks[i].key == "با")
                                {
                                    actors.extend(entities_after(doc, cl, b + 1, se));
                                }
                            }
                        }
                    }
                    Frame::None => continue,
                    Frame::Session => {
                        actors = cl
                            .subjects(clause_s, se, last)
                            .into_iter()
                            .filter_map(|f| match f.who {
                                Subject::Entity(e) if f.named => Some(e),
                                _ => None,
                            })
                            .collect();
                    }
                }
                // A threat with no object before its cue names whom it threatens in the clause it introduces ("X
                // تهدید کرد که اگر ایران ... تن ندهد، این کشور را بمباران خواهد کرد"): the first actor there.
                if cue.event_type == "THREATEN"
                    && cue.frame == Frame::Object
                    && !actors.is_empty()
                    && actors.len() == subjects_n
                    && let Some(target) = cl.m.within(ce, se).iter().find_map(|m| as_actor(cl, m.2).filter(|a| !actors.contains(a)))
                {
                    actors.push(target);
                }
                let subject_ids: Vec<usize> = actors[..subjects_n.min(actors.len())].to_vec();
                let mut seen = Vec::new();
                actors.retain(|a| {
                    actor_kind(cl, *a) && !seen.contains(a) && {
                        seen.push(*a);
                        true
                    }
                });
                if actors.is_empty() {
                    continue;
                }
                // In a sports report "دیدار با قطر" is a match: a meeting with a country is none there.
                if cue.event_type == "CONSULT"
                    && actors.iter().any(|&a| cl.m.ents[a].kind == Kind::Location)
                    && sports_sentence(doc, range.clone())
                {
                    continue;
                }
                // A visit goes "به X"; a demand ("خواستار توقف حملات به لبنان شد") goes nowhere.
                let travel = matches!(cue.frame, Frame::Subject | Frame::Arrival) && cue.event_type == "CONSULT";
                let clause_e = (cs..se)
                    .find(|&c| matches!(doc.chars[c], ':' | '«' | '؛' | '،'))
                    .unwrap_or(se);
                // Where an attack or an arrest hit is where it happened ("مواضعی در جنوب لبنان را هدف قرار داد"); what
                // a condemnation or a demand is about is not where it was made ("حمله به سفارت در تهران را محکوم کرد").
                let object_place = matches!(cue.event_type.as_str(), "ASSAULT" | "COERCE");
                // The town attacked is more precise than a "در X" inside its phrase ("شهر نبطیه در جنوب لبنان را").
                // An arrival's place follows its cue ("پس از سفر به مالزی وارد توکیو شد": Tokyo).
                // A claimed act happened where it was told to ("حمله تروریستی به پاسگاه مرزی در سراوان").
                let claimed_place = claimed_act.and_then(|a| gathering_place(doc, cl, &doc.toks[a].key, doc.toks[a].s));
                let location = if let Some(p) = claimed_place {
                    Some(p)
                } else if cue.frame == Frame::Arrival {
                    location_in(doc, cl, cs, clause_e, false, false, false)
                } else if cue.frame == Frame::Trip {
                    location_in(doc, cl, cs, clause_e, true, false, false)
                } else {
                    // After a cue used as an adverbial ("با قدردانی از تلاش‌های قطر برای برقراری آتش‌بس در غزه
                    // گفت") a place is in the object's phrase, not where the act was.
                    let object_after = adverbial.is_some() && !object_place;
                    attacked_place
                        .or_else(|| location_in(doc, cl, clause_s, cs, travel, true, object_place))
                        .or_else(|| (!object_after).then(|| location_in(doc, cl, cs, clause_e, travel, false, object_place)).flatten())
                };
                // "در حاشیه این نشست با Y دیدار کرد": a meeting at a gathering told before is where that gathering
                // was ("نشست سران بریکس در کازان"); one "در این سفر" where the visit told before went.
                let location = location.or_else(|| {
                    if cue.event_type != "CONSULT" || cue.mode == "phone" {
                        return None;
                    }
                    match told_gathering(doc, clause_s, clause_e)? {
                        "سفر" => out
                            .iter()
                            .rev()
                            .find(|e| lex.cues[e.cue].event_type == "CONSULT")
                            .filter(|e| lex.cues[e.cue].mode == "visit")
                            .and_then(|e| e.location),
                        noun => gathering_place(doc, cl, noun, clause_s),
                    }
                });
                // An arrival is a visit only to a place abroad for all its subjects, both known.
                if cue.frame == Frame::Arrival {
                    let abroad = location.and_then(|l| actor_country(cl, l)).is_some_and(|there| {
                        actors.iter().all(|&a| actor_country(cl, a).is_some_and(|home| home != there))
                    });
                    if !abroad {
                        continue;
                    }
                }
                let (date, date_told) = base
                    .and_then(|b| {
                        let tense = match status {
                            EventStatus::Planned => dates::Tense::Future,
                            EventStatus::Reported | EventStatus::Negated => dates::Tense::Past,
                            EventStatus::Hypothetical => dates::Tense::Unknown,
                        };
                        dates::resolve_told(doc, date_from, cs, se, b, tense)
                    })
                    .map_or((None, false), |(d, told)| (Some(d), told));
                if cue.frame == Frame::Session {
                    // A later session cue is the session told before ("در ابتدای نشست", "در این جلسه") unless an
                    // organization's name follows it: "در نشست اوپک پلاس" after "در حاشیه نشست هیئت دولت" is
                    // another gathering.
                    let named = doc.toks.get(t + n).is_some_and(|x| {
                        cl.m.within(x.s, se).first().is_some_and(|m| m.0 == x.s && cl.m.ents[m.2].kind == Kind::Org)
                    });
                    if let Some(i) = session.filter(|_| this || !named) {
                        for a in actors {
                            if !out[i].actors.contains(&a) {
                                out[i].actors.push(a);
                            }
                        }
                        out[i].location = out[i].location.or(location);
                        made = true;
                        break;
                    }
                    session = Some(out.len());
                    not_a_meeting = false;
                } else if cue.frame == Frame::Noun
                    && cue.event_type == "CONSULT"
                    && (t..t + n).any(|i| matches!(doc.toks[i].key.as_str(), "نشست" | "جلسه"))
                {
                    // A joint session ("در نشست خبری مشترک با همتای ترکیه‌ای خود") is the gathering a later
                    // "در این نشست" points back to: who speaks there is among its parties, not at a new session.
                    session = Some(out.len());
                }
                let sources = actors.iter().take_while(|a| subject_ids.contains(a)).count().max(1);
                out.push(RawEvent {
                    cue: row,
                    actors,
                    sources,
                    location,
                    status,
                    date,
                    date_told,
                    s: ss,
                    e: se,
                });
                made = true;
                break;
            }
            t += if made { n } else { 1 };
        }
    }
    merge(out, cl)
}

/// Who did the act that "این اقدام", "این حمله" points back to, from the events told before char `ss`: the first
/// actor of the last act (an attack, sanctions, aid, an agreement, a threat ...), or the one a condemnation of it
/// blamed ("X حمله روسیه به کییف را محکوم کرد" then "Y این حمله را محکوم کرد": Russia, not X). Meetings, demands,
/// rejections, praise and condemnations with no target are words about acts, not acts: passed over.
/// An act noun that names the act's type ("این حمله": an attack), or `None` for any act ("این اقدام").
fn act_type(noun: &str) -> Option<&'static str> {
    match noun {
        "حمله" | "حملات" | "تجاوز" | "ترور" => Some("ASSAULT"),
        "تحریم" | "تحریمها" | "تحریمهای" => Some("SANCTION"),
        _ => None,
    }
}

/// `of_type`: the act the noun names, when it names one (an attack is no sanction; a condemnation told before stands
/// for the act it condemned). `not_of`: a condemner's country;
/// of the acts told, the last one by another country's actor is the one condemned ("حمله اسرائیل به نبطیه" then
/// "حمله حزب‌الله به حیفا" then "میقاتی این حمله را محکوم کرد": Israel's), else the last.
fn doer_of_act_told_before(
    out: &[RawEvent],
    lex: &Lexicon,
    ss: usize,
    of_type: Option<&str>,
    not_of: Option<String>,
    cl: &Clauses<'_, '_>,
) -> Option<usize> {
    let doers: Vec<usize> = out
        .iter()
        .rev()
        .filter(|o| o.e <= ss)
        // A condemnation told before names the act's doer as its target, whatever the act.
        .filter(|o| of_type.is_none_or(|ty| matches!(lex.cues[o.cue].event_type.as_str(), "ACCUSE") || lex.cues[o.cue].event_type == ty))
        .filter_map(|o| {
            let cue = &lex.cues[o.cue];
            match cue.event_type.as_str() {
                "CONSULT" | "REQUEST" | "REJECT" | "SUPPORT" => None,
                "ACCUSE" => o.actors.get(o.sources).copied(),
                _ => o.actors.first().copied(),
            }
        })
        .collect();
    let foreign = not_of.and_then(|home| doers.iter().copied().find(|&d| actor_country(cl, d).is_none_or(|c| c != home)));
    foreign.or(doers.first().copied())
}

/// Events with the same type, status and actors are one event; so are two of the same type and status told
/// by one sentence when one's actors are among the other's ("X در دیدار با Y در حاشیه نشست ..." gives the
/// meeting of X and Y, and the summit cue would give X alone; "X که به جده سفر کرده، با Y دیدار کرد" gives
/// the meeting in Jeddah): the one with more actors is kept, with the place either told. The sentence's
/// events are merged first, so that place stays with its meeting when the headline told the meeting
/// without it.
fn merge(evs: Vec<RawEvent>, cl: &Clauses<'_, '_>) -> Vec<RawEvent> {
    let lex = Lexicon::builtin();
    let within = |x: &[usize], y: &[usize]| x.iter().all(|a| y.contains(a));
    let fold = |evs: Vec<RawEvent>, same: &dyn Fn(&RawEvent, &RawEvent) -> bool| {
        let mut out: Vec<RawEvent> = Vec::new();
        for ev in evs {
            match out.iter_mut().find(|o| {
                lex.cues[o.cue].event_type == lex.cues[ev.cue].event_type && o.status == ev.status && same(o, &ev)
            }) {
                Some(o) => {
                    // Of two places, the one inside the other ("دوحه" in "قطر").
                    let location = match (o.location, ev.location) {
                        (Some(a), Some(b)) if cl.m.ents[a].id.starts_with("country-") && place_within(cl, b, a) => Some(b),
                        (a, b) => a.or(b),
                    };
                    // A day the text tells ("روز دوشنبه" in the body) beats the article's day (a headline's).
                    let (date, date_told) =
                        if ev.date_told && !o.date_told { (ev.date, true) } else { (o.date, o.date_told) };
                    if ev.actors.len() > o.actors.len() {
                        *o = ev;
                    }
                    o.location = location;
                    (o.date, o.date_told) = (date, date_told);
                }
                None => out.push(ev),
            }
        }
        out
    };
    let one_sentence = fold(evs, &|o, ev| {
        (o.s, o.e) == (ev.s, ev.e) && (within(&o.actors, &ev.actors) || within(&ev.actors, &o.actors))
    });
    // Across sentences, a meeting in another place is another meeting ("... در کازان دیدار کردند. دو رئیس‌جمهور
    // پیش از این در عشق‌آباد دیدار کرده بودند").
    let mut across = fold(one_sentence, &|o, ev| {
        o.actors.len() == ev.actors.len()
            && within(&o.actors, &ev.actors)
            && same_place(cl, o.location, ev.location)
    });
    // A meeting told with one party ("در این دیدار ... تبادل نظر کردند", "X در این نشست گفت") is the meeting
    // with that party the article tells with its partners, on the same day and in the same place.
    let meets_with = |o: &RawEvent, ev: &RawEvent| {
        o.actors.len() >= 2
            && o.actors.contains(&ev.actors[0])
            && o.status == ev.status
            && lex.cues[o.cue].event_type == lex.cues[ev.cue].event_type
            && (o.date.is_none() || ev.date.is_none() || o.date == ev.date)
            && same_place(cl, o.location, ev.location)
    };
    // Any other act told without its target ("رئیس جمهور آمریکا ... ایران را تهدید کرد" where the object was not
    // found) is the act the article tells by the same actor with its target, on the same day.
    let acts_on = |o: &RawEvent, ev: &RawEvent| {
        o.actors.len() >= 2
            && o.sources == 1
            && o.actors[0] == ev.actors[0]
            && o.status == ev.status
            && lex.cues[o.cue].event_type == lex.cues[ev.cue].event_type
            && lex.cues[o.cue].mode == lex.cues[ev.cue].mode
            && (o.date.is_none() || ev.date.is_none() || o.date == ev.date)
    };
    let mut absorbed = vec![false; across.len()];
    for i in 0..across.len() {
        if across[i].actors.len() != 1 {
            continue;
        }
        if lex.cues[across[i].cue].event_type != "CONSULT" {
            absorbed[i] = (0..across.len()).any(|j| acts_on(&across[j], &across[i]));
            continue;
        }
        if let Some(j) = (0..across.len()).find(|&j| meets_with(&across[j], &across[i])) {
            // A place only this telling gives stays with the meeting.
            if across[j].location.is_none() {
                across[j].location = across[i].location;
            }
            absorbed[i] = true;
        }
    }
    // Countries told meeting ("گفت‌وگوی تلفنی وزیران خارجه ایران و ترکیه", a headline) are the meeting of their
    // officials the article tells next (Fidan of Turkey and Araghchi of Iran): one event, the officials'. So is a
    // country told acting alone ("آمریکا ... تحریم کرد") before its body's same act ("وزارت خزانه‌داری آمریکا ...
    // تحریم کرد"). Told after the officials' event, the countries' is the same only on the same day and with no day
    // of its own ("وزرای خارجه ایران و ترکیه در این تماس ..."); else another ("ایران و عربستان اسفند سال گذشته ...
    // توافق کردند", a day khabar does not resolve).
    // So is a body told acting ("اتحادیه اروپا ... تحریم کرد") before the same act of its part ("شورای اتحادیه اروپا
    // ... تحریم کرد"): an actor stands for its root, a country or the topmost body of an international one.
    let countries = |ev: &RawEvent| -> Option<Vec<String>> {
        let mut c: Vec<String> = ev.actors.iter().map(|&a| actor_root(cl, a)).collect::<Option<_>>()?;
        c.sort();
        c.dedup();
        (c.len() == ev.actors.len()).then_some(c)
    };
    let is_root = |a: usize| actor_root(cl, a).is_some_and(|r| r == cl.m.ents[a].id);
    for i in 0..across.len() {
        let only_countries = across[i].actors.iter().all(|&a| is_root(a));
        if absorbed[i] || across[i].actors.is_empty() || !only_countries {
            continue;
        }
        let told = countries(&across[i]);
        let by_officials = (0..across.len()).any(|j| {
            j != i
                && !absorbed[j]
                // After the officials' event, only with no day of its own ("وزرای خارجه دو کشور در این تماس
                // ...": the call again, by the ministers' countries).
                && (across[i].s < across[j].s
                    || (!across[i].date_told && across[i].date.is_some() && across[i].date == across[j].date))
                && across[j].actors.iter().any(|&a| !is_root(a))
                && lex.cues[across[j].cue].event_type == lex.cues[across[i].cue].event_type
                // Praise of a country's stance is not its support ("ایران و قطر از گفت‌وگو حمایت کرده‌اند", then
                // "نخست‌وزیر قطر با قدردانی از مواضع ایران"): another act.
                && same_mode(&lex.cues[across[j].cue].mode, &lex.cues[across[i].cue].mode)
                && across[j].status == across[i].status
                // The headline's day is the article's when it tells none.
                && (across[j].date.is_none()
                    || across[i].date.is_none()
                    || across[j].date == across[i].date
                    || !across[i].date_told)
                && countries(&across[j]) == told
        });
        if by_officials {
            absorbed[i] = true;
        }
    }
    let mut keep = absorbed.iter().map(|d| !d);
    across.retain(|_| keep.next().unwrap_or(true));
    across
}

/// Whether two modes tell one act: the same, or talks and a meeting ("گفتگو کردند" in a headline, "در این نشست"
/// in the body).
fn same_mode(a: &str, b: &str) -> bool {
    a == b || (matches!(a, "meet" | "consult") && matches!(b, "meet" | "consult"))
}

/// An indefinite noun that heads a relative clause ("ابتکاری که", "اقدامی که", "هرگونه تلاشی که"): a word of 3+
/// letters ending in the indefinite "ی" whose stem is a word of the lexicons, not an adjective in "ی" ("ملی").
fn relative_head(k: &str) -> bool {
    let Some(stem) = k.strip_suffix('ی') else { return false };
    stem.chars().count() >= 3
        && !stem.ends_with('ا')
        && khabar_entities::compact::lexicon_log2(stem).is_some_and(|f| f >= 10.0)
        && !khabar_entities::compact::lexicon_adjective(k)
}

/// Documents one side signs alone ("فرمان اجرایی را امضا کرد"): their signing is no agreement.
const SIGNED_ALONE: &[&str] = &[
    "فرمان", "دستور", "حکم", "قانون", "لایحه", "مصوبه", "نامه", "طومار", "بخشنامه", "دستورالعمل", "حکمی", "فرمانی",
    "نامه‌ای", "دستوری",
];



/// True when a reporting verb ("گفت", "گفته بود", "اعلام کرد") or "گزارش/خبر داد" ends right before token `i`.
fn reports_before(doc: &Doc, lex: &Lexicon, i: usize) -> bool {
    (i.saturating_sub(4)..i).any(|j| lex.verb_phrases.longest_at(&doc.toks[..i], j).is_some_and(|(_, n)| j + n == i))
        // "رسانه‌ها گزارش دادند که X ...", "منابع خبر دادند که X ...": what media report is no quote, but its clause
        // has a subject of its own.
        || i >= 2
            && matches!(doc.toks[i - 2].key.as_str(), "گزارش" | "خبر")
            && light_form(&doc.toks[i - 1].key, &["داد"], &["ده"]).is_some_and(|t| t != Tense::Negated)
}

/// Words of readiness, wish or proposal that make the event after them hypothetical, as token keys.
static READY: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    keys(&["آماده", "آمادگی", "تمایل", "مایل", "خواهان", "خواستار", "پیشنهاد", "علاقه‌مند", "علاقمند"])
});

/// Whether the cue at token `t` follows a word of [`READY`]: right before it, or before a "برای" right before
/// it with at most three words between ("آمادگی خود را برای دیدار"); not before the clause start `from`.
fn ready_before(doc: &Doc, t: usize, from: usize) -> bool {
    let ready = |i: usize| READY.contains(&doc.toks[i].key);
    if t == 0 || t <= from {
        return false;
    }
    if ready(t - 1) {
        return true;
    }
    doc.toks[t - 1].key == "برای" && (t.saturating_sub(5).max(from)..t - 1).any(ready)
}

/// True when a verb of asking ends right before token `i` ("خواست که", "خواستار شد تا", "درخواست کرد که").
fn asks_before(doc: &Doc, i: usize) -> bool {
    let k = |j: usize| i.checked_sub(j).map_or("", |x| doc.toks[x].key.as_str());
    matches!(k(1), "خواست" | "خواستند")
        || (matches!(k(2), "خواستار" | "درخواست") && matches!(k(1), "شد" | "شدند" | "کرد" | "کردند"))
}

/// The country an actor is or belongs to: a country, or a person or organization of the knowledge base with a
/// known country ("country-tr" for Hakan Fidan).
fn actor_country(cl: &Clauses<'_, '_>, ent: usize) -> Option<String> {
    let e = &cl.m.ents[ent];
    if e.id.starts_with("country-") {
        return Some(e.id.clone());
    }
    let entry = khabar_entities::Kb::builtin().get(&e.id)?;
    (!entry.country.is_empty()).then(|| format!("country-{}", entry.country.to_ascii_lowercase()))
}

/// The root an actor stands for: its country ([`actor_country`]), or else the topmost body of the international
/// body it is part of ("شورای اتحادیه اروپا" → the European Union).
fn actor_root(cl: &Clauses<'_, '_>, ent: usize) -> Option<String> {
    actor_country(cl, ent).or_else(|| {
        let kb = khabar_entities::Kb::builtin();
        let mut e = kb.get(&cl.m.ents[ent].id)?;
        for _ in 0..8 {
            match kb.get(&e.parent) {
                Some(p) if p.kind == khabar_entities::Kind::Org => e = p,
                _ => break,
            }
        }
        Some(e.id.clone())
    })
}

/// Whether place `inner` lies in country `outer` (an entity of the article), by the knowledge base.
fn place_within(cl: &Clauses<'_, '_>, inner: usize, outer: usize) -> bool {
    inner != outer && actor_country(cl, inner).is_some_and(|c| c == cl.m.ents[outer].id)
}

/// Whether two events' places can be one: either is unknown, they are the same, or one lies in the other
/// (a meeting "در دوحه" and "در قطر").
fn same_place(cl: &Clauses<'_, '_>, a: Option<usize>, b: Option<usize>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b || place_within(cl, a, b) || place_within(cl, b, a),
        _ => true,
    }
}

/// Persons, organizations and countries can act; sports clubs and teams are no political actors ("دیدار
/// پرسپولیس و استقلال" is a match).
fn actor_kind(cl: &Clauses<'_, '_>, ent: usize) -> bool {
    let e = &cl.m.ents[ent];
    match e.kind {
        Kind::Person => true,
        Kind::Org => khabar_entities::Kb::builtin().get(&e.id).is_none_or(|k| k.description != "sport"),
        Kind::Location => e.id.starts_with("country-"),
        Kind::Event => false,
    }
}

/// The actor an entity written as an object or partner stands for: itself when it can act (see
/// [`actor_kind`]), a capital's country when the article names that country ("از تهران خواست": Iran).
fn as_actor(cl: &Clauses<'_, '_>, ent: usize) -> Option<usize> {
    if actor_kind(cl, ent) {
        return Some(ent);
    }
    let country = crate::lexicon::capitals().get(cl.m.ents[ent].id.as_str())?;
    cl.m.ents.iter().position(|e| e.id == *country)
}

/// The entity starting within two words after token `t` (skipping honorifics and «) and the
/// ones coordinated with it by "و".
fn entities_after(doc: &Doc, cl: &Clauses<'_, '_>, mut t: usize, limit: usize) -> Vec<usize> {
    let mut out = Vec::new();
    // "با میانجی‌گری عمان": a manner phrase, not a partner.
    if doc.toks.get(t).is_some_and(|x| MANNER_NOUNS.contains(&x.key.as_str())) {
        return out;
    }
    let mut skipped = 0;
    while let Some(x) = doc.toks.get(t) {
        if x.s >= limit {
            break;
        }
        // An office the article names a person for ("در دیدار سفیر روسیه در تهران" after "X سفیر روسیه"): that
        // person, not the country the office names.
        let by_role = || {
            if cl.m.at(x.s).is_some() || !crate::speaker::role_head_at(doc, t) {
                return None;
            }
            let (ne, words) = cl.np(t, limit);
            cl.m.resolve_role(&words, None).map(|p| (ne, p))
        };
        if let Some((me, ent)) = cl.m.starting_at(x.s).or_else(by_role)
            && let Some(ent) = as_actor(cl, ent)
        {
            out.push(ent);
            // Skip an appositive role of the same person and look for "و Y".
            let lex = Lexicon::builtin();
            let mut u = doc.tok_from(me);
            while let Some(y) = doc.toks.get(u) {
                if y.s >= limit
                    || u > doc.tok_from(me) + 6
                    || doc.gap_has(me, y.s, &['.', ':', '؛'])
                {
                    break;
                }
                // A preposition ends the phrase: a "و" after it coordinates inside its object
                // ("با X درباره تحولات فلسطین و حملات Z": not Z).
                if y.key == "و"
                    || crate::speaker::PREPOSITIONS.contains(&y.key)
                    || lex.cue_phrases.longest_at(&doc.toks, u).is_some()
                    || lex.verb_phrases.longest_at(&doc.toks, u).is_some()
                {
                    break;
                }
                u += 1;
            }
            if doc.toks.get(u).is_some_and(|y| y.key == "و" && y.s < limit) && out.len() < 4 {
                t = u + 1;
                skipped = 0;
                continue;
            }
            break;
        }
        let h = honorific_at(doc, t);
        if h > 0 {
            t += h;
            continue;
        }
        skipped += 1;
        // A preposition opens a modifier ("پس از دیدار در کاخ کرملین": where, not with whom).
        if skipped > 2 || cl.m.at(x.s).is_some() || x.key == "و" || crate::speaker::PREPOSITIONS.contains(&x.key) {
            break;
        }
        t += 1;
    }
    out
}

/// Where the object of a cue used as an adverbial starts: "ضمن/با" + cue + its light verb's infinitive
/// ("ضمن محکوم کردن X") or its object's preposition ("با تشکر از X", "ضمن تبریک به X"). `None` otherwise: a cue
/// without its marker after "با" is a manner ("با حمایت آمریکا": backed by it), not an act of the subject.
fn adverbial_object(doc: &Doc, t: usize, n: usize, cue: &crate::lexicon::Cue) -> Option<usize> {
    if cue.frame != Frame::Object || t == 0 || !matches!(doc.toks[t - 1].key.as_str(), "ضمن" | "با") {
        return None;
    }
    let (past, _) = cue.light.as_ref()?;
    let next = doc.toks.get(t + n)?;
    let opens = match &cue.marker {
        Some(m) => next.key == *m,
        None => past.iter().any(|p| next.key.strip_suffix('ن') == Some(p)),
    };
    opens.then_some(t + n + 1)
}

/// The partners after the "با" at token `b` (a counterpart "همتای ایرانی" too), or `None` when the event is to be
/// dropped: a partner is written ("با نخست وزیر و رئیس جمهور عراق", "با همتای ترکیه‌ای") but names nobody known,
/// and one side alone is no dyad. A manner phrase ("با میانجی‌گری عمان") and a refusal to meet anyone ("با هیچ
/// مقام آمریکایی دیدار نکرد") are kept; so is every event when `strict` is false.
fn partners_after_ba(
    doc: &Doc,
    cl: &Clauses<'_, '_>,
    b: usize,
    se: usize,
    actors: &[usize],
    status: EventStatus,
    strict: bool,
) -> Option<Vec<usize>> {
    let mut partners = entities_after(doc, cl, b + 1, se);
    if partners.is_empty() {
        partners.extend(actors.first().and_then(|&s| counterpart_after(doc, cl, b + 1, s)));
    }
    let manner = doc.toks.get(b + 1).is_some_and(|x| MANNER_NOUNS.contains(&x.key.as_str()));
    let lone = partners.is_empty() && !manner && actors.len() < 2 && status != EventStatus::Negated;
    (!(strict && lone)).then_some(partners)
}

/// "همتای ایرانی (خود)" at token `t`: the subject's counterpart in that country, when the article names them.
fn counterpart_after(doc: &Doc, cl: &Clauses<'_, '_>, t: usize, subject: usize) -> Option<usize> {
    if !matches!(doc.toks.get(t)?.key.as_str(), "همتای" | "همتا") {
        return None;
    }
    cl.m.counterpart(subject, &doc.toks.get(t + 1)?.key)
}

/// Whether token `i` opens a topic: "درباره", "پیرامون", "(در) مورد", "(بر) سر".
fn topic_at(doc: &Doc, i: usize) -> bool {
    let k = doc.toks[i].key.as_str();
    matches!(k, "درباره" | "پیرامون")
        || (k == "مورد" && i > 0 && doc.toks[i - 1].key == "در")
        // "بر سر آتش‌بس در غزه به توافق رسیدند": what they agreed on.
        || (k == "سر" && i > 0 && doc.toks[i - 1].key == "بر")
}

/// Whether a topic opens at token `i`: "درباره", "پیرامون", "در مورد" or "بر سر" starts there.
fn opens_topic(doc: &Doc, i: usize) -> bool {
    i < doc.toks.len() && (topic_at(doc, i) || (doc.toks[i].key == "در" && i + 1 < doc.toks.len() && topic_at(doc, i + 1)))
}

/// True when the "در" at token `i` ends the title of an office held abroad or at a body ("سفیر ایران در مسکو",
/// "نماینده سازمان جهانی بهداشت در ایران"): one of [`POSTED_OFFICES`] among the five words before it, with no verb
/// or punctuation between.
fn office_seat(doc: &Doc, i: usize) -> bool {
    let from = i.saturating_sub(5);
    if doc.gap_has(doc.toks[from].s, doc.toks[i].s, &['،', ',', '.', ':', '؛', '\n']) {
        return false;
    }
    (from..i).any(|j| POSTED_OFFICES.contains(&doc.toks[j].key.as_str())) && !(from..i).any(|j| finite_verb(&doc.toks[j].key))
}

/// A clause's subject written as a noun and the adjectives of its countries: "(پیشتر) جنگنده‌های آمریکایی و
/// انگلیسی ...". `Some` of the countries the article names (maybe none), `None` when the clause opens otherwise.
fn demonym_subject(doc: &Doc, cl: &Clauses<'_, '_>, s: usize, e: usize) -> Option<Vec<usize>> {
    let r = doc.toks_in(s, e);
    let mut i = r.start;
    while i < r.end && SUBJECTLESS_OPENERS.contains(&doc.toks[i].key.as_str()) {
        i += 1;
    }
    // The noun, then its countries' adjectives joined by "و".
    let noun = doc.toks.get(i).filter(|_| i < r.end)?;
    if PREPOSITIONS.contains(&noun.key) || noun.key == "را" || crate::speaker::country_of_word(&noun.key).is_some() {
        return None;
    }
    let mut ids = Vec::new();
    let mut j = i + 1;
    while j < r.end {
        let id = crate::speaker::country_of_word(&doc.toks[j].key)?;
        // A name, not an adjective ("نیروهای ایران"): the entity is there to be found.
        if cl.m.starting_at(doc.toks[j].s).is_some() {
            return None;
        }
        ids.push(id);
        if doc.toks.get(j + 1).is_some_and(|x| x.key == "و") && j + 2 < r.end
            && crate::speaker::country_of_word(&doc.toks[j + 2].key).is_some()
        {
            j += 2;
        } else {
            break;
        }
    }
    if ids.is_empty() {
        return None;
    }
    Some(ids.iter().filter_map(|id| cl.m.ents.iter().position(|x| x.id == *id)).collect())
}

/// Verbs that call their object something ("X را اقدامی جنایتکارانه خواند", "X را نقض حاکمیت دانست").
const CALLING_VERBS: &[&str] = &["خواند", "خواندند", "دانست", "دانستند", "نامید", "نامیدند"];

/// The doer of a passive act in the clause `s..e` ("توسط جنگنده‌های اسرائیلی", "از سوی ارتش اسرائیل", "به دست
/// نیروهای آمریکایی"): the first entity within three words after the marker, or the country of a demonym there;
/// with the marker's first token.
fn passive_agent(doc: &Doc, cl: &Clauses<'_, '_>, s: usize, e: usize) -> Option<(usize, usize)> {
    let r = doc.toks_in(s, e);
    let by = r.clone().find(|&i| {
        let k = doc.toks[i].key.as_str();
        let next = doc.toks.get(i + 1).map(|x| x.key.as_str());
        k == "توسط" || (k == "از" && next == Some("سوی")) || (k == "به" && next == Some("دست"))
    })?;
    let from = if doc.toks[by].key == "توسط" { by + 1 } else { by + 2 };
    let window = from..(from + 3).min(r.end);
    let named = window.clone().find_map(|i| cl.m.starting_at(doc.toks[i].s).and_then(|(_, ent)| as_actor(cl, ent)));
    let agent = named.or_else(|| {
        window.clone().find_map(|i| {
            let id = crate::speaker::country_of_word(&doc.toks[i].key)?;
            cl.m.ents.iter().position(|x| x.id == id)
        })
    })?;
    Some((agent, by))
}

/// Plural heads of officials ("رئیسان جمهور", "وزرای خارجه", "سران"): a group of them named by their countries
/// acts for those countries.
const OFFICIALS: &[&str] = &["رئیسان", "روسای", "رؤسای", "وزرای", "وزیران", "سران", "سفرای", "سفیران"];

/// The countries of a group of officials at `s` (before `e`): "رئیسان جمهور ایران و روسیه ... امضا کردند" is
/// Iran and Russia, as PLOVER codes unnamed officials by their country. Up to three words of the office
/// before the first country, then countries joined by "و" or a comma; empty for any other group ("سران
/// کشورهای عضو بریکس").
fn officials_countries(doc: &Doc, cl: &Clauses<'_, '_>, s: usize, e: usize) -> Vec<usize> {
    let r = doc.toks_in(s, e);
    if !doc.toks.get(r.start).is_some_and(|x| OFFICIALS.iter().any(|w| key(w) == x.key)) {
        return vec![];
    }
    let country = |c: usize| cl.m.starting_at(c).filter(|&(_, ent)| cl.m.ents[ent].id.starts_with("country-"));
    let Some(mut c) = (r.start + 1..(r.start + 5).min(r.end))
        .take_while(|&i| !PREPOSITIONS.contains(&doc.toks[i].key) && doc.toks[i].key != "و")
        .map(|i| doc.toks[i].s)
        .find(|&c| country(c).is_some())
    else {
        return vec![];
    };
    let mut out = Vec::new();
    while let Some((ce, ent)) = country(c) {
        out.push(ent);
        let next = doc.tok_from(ce);
        let joined = doc.toks.get(next).is_some_and(|x| x.key == "و");
        let at = if joined { next + 1 } else { next };
        match doc.toks.get(at) {
            Some(x) if x.s < e && (joined || doc.gap_has(ce, x.s, &['،', ','])) => c = x.s,
            _ => break,
        }
    }
    out
}

/// Nouns of gatherings and trips that "این"/"همین" points back to.
const GATHERINGS: &[&str] = &["نشست", "اجلاس", "اجلاسیه", "سفر", "کنفرانس", "همایش", "مراسم", "رویداد"];

/// The gathering noun the clause `s..e` points back to: "در حاشیه این نشست", "در همین اجلاس", "در این سفر".
fn told_gathering(doc: &Doc, s: usize, e: usize) -> Option<&'static str> {
    let r = doc.toks_in(s, e);
    r.clone().zip(r.skip(1)).find_map(|(a, b)| {
        if !matches!(doc.toks[a].key.as_str(), "این" | "همین") {
            return None;
        }
        GATHERINGS.iter().copied().find(|g| doc.toks[b].key == *g)
    })
}

/// Where the gathering `noun` was, as told before char `before`: the place of a "در X" a few words after the noun in
/// the same sentence ("نشست سران بریکس در کازان").
fn gathering_place(doc: &Doc, cl: &Clauses<'_, '_>, noun: &str, before: usize) -> Option<usize> {
    let told = doc.toks_in(0, before);
    for i in told.rev().filter(|&i| doc.toks[i].key == noun) {
        for j in i + 1..(i + 7).min(doc.toks.len()) {
            if doc.gap_has(doc.toks[j - 1].e, doc.toks[j].s, &['.', '!', '؟', '?', '\n', '،', ':']) {
                break;
            }
            // "در شهرستان سراوان": the place after its kind.
            let skip = doc.toks.get(j + 1).is_some_and(|x| matches!(x.key.as_str(), "شهر" | "شهرستان" | "بندر"));
            if doc.toks[j].key == "در"
                && let Some(x) = doc.toks.get(j + 1 + usize::from(skip))
                && let Some((_, ent)) = cl.m.starting_at(x.s)
                && cl.m.ents[ent].kind == Kind::Location
            {
                return Some(ent);
            }
        }
    }
    None
}

/// Whom the act `noun` hit, as told before char `before`: the first name after its "به" ("حمله پهپادی به پایگاه
/// آمریکا": the United States), in the last sentence that tells the act with one.
fn target_of_act_told(doc: &Doc, cl: &Clauses<'_, '_>, noun: &str, before: usize) -> Option<usize> {
    let told = doc.toks_in(0, before);
    told.rev().filter(|&i| doc.toks[i].key == noun).find_map(|i| {
        let b = (i + 1..(i + 3).min(doc.toks.len())).find(|&j| doc.toks[j].key == "به")?;
        if doc.gap_has(doc.toks[i].e, doc.toks[b].s, &['.', '!', '؟', '?', '\n', '،', ':', '؛']) {
            return None;
        }
        let end = doc.sents.iter().find(|&&(ss, se)| ss <= doc.toks[i].s && doc.toks[i].s < se).map_or(before, |&(_, se)| se);
        entities_after(doc, cl, b + 1, end).first().copied()
    })
}

/// Offices named with their seat: "سفیر X در Y" is the ambassador in Y, not an event in Y.
const POSTED_OFFICES: &[&str] = &["سفیر", "نماینده", "کاردار", "سرکنسول", "کنسول", "رایزن", "وابسته", "خبرنگار", "نمایندگی"];

/// "در <place>" (or "به <place>" for travel) in the sentence. With `object_place` (an attack, an arrest) a place
/// right before the object's "را" counts: where the act hit is where it happened.
fn location_in(
    doc: &Doc,
    cl: &Clauses<'_, '_>,
    ss: usize,
    se: usize,
    travel: bool,
    nearest_last: bool,
    object_place: bool,
) -> Option<usize> {
    let r = doc.toks_in(ss, se);
    let r_start = r.start;
    let order: Vec<usize> = if nearest_last {
        r.rev().collect()
    } else {
        r.collect()
    };
    for i in order {
        let k = doc.toks[i].key.as_str();
        // After the cue, a complement ("در دیدار با Y بر ضرورت توقف جنگ در غزه تأکید کرد") or a clause
        // ("... که در غزه ...") tells something else, not where the event happened.
        // What a demand asks for ("خواستار آتش‌بس فوری در غزه شد") is not where it was made either.
        if !nearest_last && matches!(k, "بر" | "که" | "خواستار") {
            break;
        }
        // "در X", "وارد X" (arrived in X), and for a trip "به X".
        // A place in the topic ("درباره آتش‌بس در غزه گفت‌وگو کرد") is not where it happened.
        let in_topic = k == "در"
            && (i.saturating_sub(4).max(r_start)..i).any(|j| topic_at(doc, j));
        if in_topic {
            continue;
        }
        // "در X" after a posted office names the office's seat ("نماینده سازمان جهانی بهداشت در ایران", "سفیر
        // ایران در مسکو"), not where the event happened.
        // Only in the partner's phrase: after the cue, or after a "با" ("X وزیر خارجه در تهران با Y دیدار کرد"
        // tells the place).
        let in_partner = !nearest_last || (r_start..i).any(|j| doc.toks[j].key == "با");
        if k == "در" && i > 0 && in_partner && office_seat(doc, i) {
            continue;
        }
        if k == "در" || k == "وارد" || (travel && k == "به") {
            let mut j = i + 1;
            if doc.toks.get(j).is_some_and(|x| {
                matches!(
                    x.key.as_str(),
                    "شهر" | "شهرستان" | "کشور" | "بندر" | "پایتخت" | "محل" | "کاخ"
                )
            }) {
                j += 1;
            }
            // "در جنوب سوریه", "در حومه دمشق": a part of a place the knowledge base does not list is in that place
            // ("جنوب لبنان", listed, is its own).
            if doc.toks.get(j).is_some_and(|x| {
                matches!(
                    x.key.as_str(),
                    "شمال" | "جنوب" | "شرق" | "غرب" | "مرکز" | "حومه" | "نزدیکی" | "اطراف" | "شمالشرق" | "شمالغرب" | "جنوبشرق" | "جنوبغرب"
                ) && cl.m.starting_at(x.s).is_none()
            }) {
                j += 1;
            }
            if let Some(x) = doc.toks.get(j)
                && let Some((me, ent)) = cl.m.starting_at(x.s)
                && cl.m.ents[ent].kind == Kind::Location
                // A place right before the object's "را" is the object's ("حمله به سفارت این کشور در تهران را
                // محکوم کرد"), not where the event happened.
                && (object_place || doc.toks.get(doc.tok_from(me)).is_none_or(|n| n.key != "را"))
            {
                return Some(ent);
            }
        }
    }
    None
}

/// Acts a group claims (keys): "مسئولیت این حمله/انفجار/عملیات را بر عهده گرفت".
const CLAIMED_ACTS: &[&str] = &["حمله", "حملات", "انفجار", "انفجارها", "عملیات", "ترور", "بمبگذاری", "تیراندازی"];

/// A claim of responsibility after the cue "مسئولیت" at token `t`: the act claimed, then "را" and "بر/به عهده" +
/// a form of "گرفت", in one clause. The form's tense and the act's token.
fn claim_verb(doc: &Doc, t: usize, end: usize) -> Option<(Tense, usize)> {
    let mut act = None;
    let mut prev_e = doc.toks.get(t.checked_sub(1)?)?.e;
    for i in t..(t + 10).min(end) {
        let x = &doc.toks[i];
        if doc.gap_has(prev_e, x.s, &['،', '.', ':', '؛', ',', '«']) {
            return None;
        }
        prev_e = x.e;
        if act.is_none() && CLAIMED_ACTS.contains(&x.key.as_str()) {
            act = Some(i);
        }
        if x.key == "را" {
            let (a, b, v) = (doc.toks.get(i + 1)?, doc.toks.get(i + 2)?, doc.toks.get(i + 3)?);
            if !matches!(a.key.as_str(), "بر" | "به") || b.key != "عهده" {
                return None;
            }
            return Some((light_form(&v.key, &["گرفت"], &["گیر"])?, act?));
        }
    }
    None
}

/// Nouns whose complement the talks or the truce are ("نقض آتش‌بس میان X و Y ادامه یافت": the violations go on):
/// the clause's subject is that noun, not the talks.
const HELD_HEADS: &[&str] =
    &["نقض", "ادامه", "تمدید", "پایان", "شکست", "لغو", "تعلیق", "نتیجه", "نتایج", "تداوم", "حفظ", "اجرای", "روند", "شرایط", "جزئیات"];

/// Words of a round of talks before its noun, as keys ("آ" folded to "ا"): "دور نخست مذاکرات", "دور جدید گفتگوهای".
const ROUND_WORDS: &[&str] =
    &["دور", "دومین", "سومین", "نخستین", "اولین", "نخست", "اول", "دوم", "سوم", "چهارم", "پنجم", "جدید", "بعدی", "تازه", "پایانی", "اخرین"];

/// The tense of the verb of holding that ends a clause about talks, from token `t`: "برگزار/انجام/آغاز/شروع شد",
/// "ادامه/پایان یافت", "برگزار خواهد شد". `None` when the clause ends (a mark, "که", "را") or another verb
/// comes first.
fn held_verb(doc: &Doc, t: usize, end: usize) -> Option<Tense> {
    const HELD_SHOD: &[&str] = &["برگزار", "انجام", "اغاز", "شروع", "برقرار", "اجرایی"];
    const HELD_YAFT: &[&str] = &["ادامه", "پایان"];
    let mut prev_e = doc.toks.get(t.checked_sub(1)?)?.e;
    for i in t..(t + 14).min(end) {
        let x = &doc.toks[i];
        if doc.gap_has(prev_e, x.s, &['،', '.', ':', '؛', ',', '«']) || matches!(x.key.as_str(), "که" | "را" | "تا") {
            return None;
        }
        prev_e = x.e;
        // "به اجرا درآمد" (keys fold "آ").
        if x.key == "اجرا" && i > t && doc.toks[i - 1].key == "به" {
            return doc.toks.get(i + 1).and_then(|v| light_form(&v.key, &["درامد"], &["درای"]));
        }
        let (past, present): (&[&str], &[&str]) = if HELD_SHOD.contains(&x.key.as_str()) {
            (&["شد"], &["شو"])
        } else if HELD_YAFT.contains(&x.key.as_str()) {
            (&["یافت"], &["یاب"])
        } else {
            if finite_verb(&x.key) {
                return None;
            }
            continue;
        };
        let next = doc.toks.get(i + 1)?;
        if matches!(next.key.as_str(), "خواهد" | "خواهند") {
            return doc.toks.get(i + 2).filter(|v| past.contains(&v.key.as_str())).map(|_| Tense::Future);
        }
        return light_form(&next.key, past, present);
    }
    None
}

/// Sanctions or aid (the cue at tokens `t..t + n`) imposed on or sent to someone in their clause: "... علیه Y اعمال/وضع
/// کرد", "... به Y ارسال کرد/شد", "... به Y فرستاد" after the cue (`marker` is "علیه" or "به"), or, with "از اعمال/وضع"
/// before it, "... علیه Y خبر داد/اعلام کرد" (the announcement of the act).
fn impose_verb(doc: &Doc, t: usize, n: usize, end: usize, marker: &str) -> Option<Imposed> {
    const IMPOSE: &[&str] = &["اعمال", "وضع", "ارسال"];
    let announced = t >= 2 && IMPOSE.contains(&doc.toks[t - 1].key.as_str()) && doc.toks[t - 2].key == "از";
    let mut against = None;
    let mut prev_e = doc.toks[t + n - 1].e;
    for i in t + n..(t + n + 16).min(end) {
        let x = &doc.toks[i];
        if doc.gap_has(prev_e, x.s, &['.', ':', '؛', '«']) || matches!(x.key.as_str(), "که" | "تا") {
            return None;
        }
        prev_e = x.e;
        if against.is_none() && x.key == marker {
            against = Some(i);
            continue;
        }
        // The verb: its noun and light verb ("اعمال کرد", passive "ارسال شد"), or "فرستاد" itself.
        let verb = if !announced && IMPOSE.contains(&x.key.as_str()) {
            Some((&["کرد", "نمود", "شد"][..], &["کن", "نما", "شو"][..], i + 1))
        } else if !announced && light_form(&x.key, &["فرستاد"], &["فرست"]).is_some() {
            Some((&["فرستاد"][..], &["فرست"][..], i))
        } else if announced && x.key == "خبر" {
            Some((&["داد"][..], &["ده"][..], i + 1))
        } else if announced && x.key == "اعلام" {
            Some((&["کرد"][..], &["کن"][..], i + 1))
        } else {
            None
        };
        if let Some((past, present, vi)) = verb {
            let v = doc.toks.get(vi)?;
            let tense = if matches!(v.key.as_str(), "خواهد" | "خواهند") {
                doc.toks.get(i + 2).filter(|w| past.contains(&w.key.as_str())).map(|_| Tense::Future)
            } else if vi == i && i > 0 && matches!(doc.toks[i - 1].key.as_str(), "خواهد" | "خواهند") {
                // "خواهد فرستاد".
                Some(Tense::Future)
            } else {
                light_form(&v.key, past, present)
            };
            let passive = light_form(&v.key, &["شد"], &["شو"]).is_some()
                || matches!(v.key.as_str(), "خواهد" | "خواهند") && doc.toks.get(i + 2).is_some_and(|w| w.key == "شد");
            return against.zip(tense).map(|(a, tense)| Imposed { tense, marker: a, verb: i, passive });
        }
        if finite_verb(&x.key) {
            return None;
        }
    }
    None
}

/// What [`impose_verb`] found.
struct Imposed {
    tense: Tense,
    /// The token of the marker ("علیه", "به").
    marker: usize,
    /// The token of the verb's noun ("اعمال") or the verb.
    verb: usize,
    /// "ارسال شد": the giver is named after the cue ("کمک‌های ایران به لبنان ارسال شد"), not as the subject.
    passive: bool,
}

/// The tense of the light verb after a cue: right after it, after "و X" ("تقبیح و محکوم کرد"),
/// or after a "با ..." phrase ("دیداری با X نداشت").
fn light_after<'d>(
    doc: &'d Doc,
    t: usize,
    end: usize,
    past: &[&str],
    present: &[&str],
    with_phrase: bool,
) -> Option<(Tense, &'d str)> {
    let first = doc.toks.get(t)?;
    // "خواستار آزادی فوری نفتکش شد": what is asked for comes between the cue and "شد", and ends before a
    // clause ("که", "تا") or an object ("را") of another verb.
    // So does where a trip goes ("برای سفری دو روزه به مسقط رفته است").
    let takes_complement = past.contains(&"شد") || past.contains(&"رفت");
    // After "و" the light verb may be shared with the next conjunct ("تقبیح و محکوم کرد"; "دیدار و مراتب
    // همدردی را ابلاغ کرد": a conjunct with its own object, further on), within the clause.
    let window = match first.key.as_str() {
        "و" if (t + 1..(t + 8).min(end)).any(|i| doc.toks[i].key == "را") => 10,
        "و" => 3,
        "با" if with_phrase => 7,
        _ if takes_complement => 8,
        _ => 1,
    };
    let mut prev_e = doc.toks[t.saturating_sub(1)].e;
    for i in t..(t + window).min(end) {
        let x = &doc.toks[i];
        if doc.gap_has(prev_e, x.s, &['،', '.', ':', '؛', ',']) {
            return None;
        }
        prev_e = x.e;
        if takes_complement && matches!(x.key.as_str(), "که" | "را" | "تا") {
            return None;
        }
        if matches!(
            x.key.as_str(),
            "خواهد"
                | "خواهند"
                | "خواهم"
                | "خواهیم"
                | "نخواهد"
                | "نخواهند"
                | "نخواهیم"
                | "نخواهم"
        ) {
            let next = doc.toks.get(i + 1)?;
            if past.iter().any(|p| next.key == *p) {
                return Some((
                    if x.key.starts_with('ن') {
                        Tense::Negated
                    } else {
                        Tense::Future
                    },
                    x.key.as_str(),
                ));
            }
            return None;
        }
        if let Some(tense) = light_form(&x.key, past, present) {
            return Some((tense, x.key.as_str()));
        }
    }
    None
}
