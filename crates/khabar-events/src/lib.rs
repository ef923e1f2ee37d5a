//! Quotes with resolved speakers and PLOVER events over khabar's article records.
//!
//! Both layers sit on the record's `text` and its entities (khabar-entities): [`text`] splits
//! words, sentences and paragraphs with char offsets; [`speaker`] finds the subject of a clause
//! (names, pronouns, role phrases, groups); [`quotes`] finds direct, indirect, headline and nested
//! quotes after the reporting verbs of `data/quotes/reporting_verbs.tsv`; [`events`] finds PLOVER
//! events from the cues of `data/events/cues.tsv`; [`export`] writes PLOVER JSON and GDELT-style
//! rows. All offsets count chars (Unicode scalar values) of the record's `text`.

pub mod dates;
pub mod events;
pub mod export;
pub mod lexicon;
pub mod quotes;
pub mod speaker;
pub mod text;
pub mod translit;

use khabar_entities::{Day, Entity, Kind};
use khabar_extract::Article;
use serde::Serialize;

use crate::lexicon::Lexicon;
use crate::speaker::{Clauses, Mentions, Subject};
use crate::text::Doc;

/// A quote: who said what, and where it is in `text`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// The speaker's entity id, when resolved to one entity.
    pub speaker: Option<String>,
    /// The speaker's Persian name (for a group: the phrase as written).
    pub speaker_name_fa: Option<String>,
    /// The speaker's English name (knowledge base, else transliterated).
    pub speaker_name_en: Option<String>,
    /// For a group speaker ("فرماندهان ارتش"): the phrase; empty otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_group: Option<String>,
    /// The reporting verb as written ("تاکید کرد"; ":" for a headline quote).
    pub verb: String,
    /// The verb in English ("stressed").
    pub verb_en: String,
    /// The quote content, `text[start..end]`.
    pub text: String,
    /// Direct speech (after a colon or in guillemets) rather than reported speech.
    pub direct: bool,
    /// Start in `text` (chars).
    pub start: usize,
    /// End in `text` (chars, exclusive).
    pub end: usize,
    /// Index (in `quotes`) of the quote this one is reported inside, for nested quotes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub nested_in: Option<usize>,
    /// One English line: "Nasser Kanaani (Spokesperson ...) stressed (direct quote), 2023-12-20".
    pub english: String,
}

/// Whether an event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EventStatus {
    /// Reported as having happened (or happening).
    Reported,
    /// Planned or announced for the future ("قرار است ... دیدار کند").
    Planned,
    /// Reported as not having happened ("دیدار نکرد", "هیچ دیداری نداشت").
    Negated,
    /// Conditional or speculative ("اگر", "ممکن است").
    Hypothetical,
}

/// A char range of `text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Start (chars).
    pub start: usize,
    /// End (chars, exclusive).
    pub end: usize,
}

/// A PLOVER event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// PLOVER event type ("CONSULT", "ACCUSE", ...).
    #[serde(rename = "type")]
    pub event_type: String,
    /// PLOVER mode ("meet", "phone", "condemn", ...).
    pub mode: String,
    /// CAMEO code of the type and mode (see data/README.md).
    pub cameo: String,
    /// Reported, planned, negated or hypothetical.
    pub status: EventStatus,
    /// Actors' entity ids: the subject(s) first, then the other side.
    pub actors: Vec<String>,
    /// How many of `actors` are subjects (1 but for subjects such as "دو طرف": both parties).
    pub sources: usize,
    /// Actors' English names, in the same order.
    pub actor_names_en: Vec<String>,
    /// Location entity id.
    pub location: Option<String>,
    /// Location in English.
    pub location_en: Option<String>,
    /// The day ("YYYY-MM-DD"), from the article's date and relative expressions.
    pub date: Option<String>,
    /// The sentence that reports the event.
    pub evidence: Span,
    /// One English line: "Ali Bagheri Kani (acting Foreign Minister) met Ismail Haniyeh (...) in Doha, 2024-06-20".
    pub english: String,
}

/// The quotes and events of one text.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Layer {
    /// Quotes in order of appearance of their attribution.
    pub quotes: Vec<Quote>,
    /// Events in order of appearance.
    pub events: Vec<Event>,
}

/// An article record with entities, quotes and events, as `khabar process` writes it.
#[derive(Debug, Clone, Serialize)]
pub struct Record<'a> {
    /// The article fields.
    #[serde(flatten)]
    pub article: &'a Article,
    /// Entities with mentions indexing `article.text`.
    pub entities: Vec<Entity>,
    /// Quotes.
    pub quotes: Vec<Quote>,
    /// PLOVER events.
    pub events: Vec<Event>,
}

/// Runs the whole annotation (entities, quotes, events) on an article.
pub fn annotate(a: &Article) -> Record<'_> {
    let day = khabar_entities::article_day(a);
    let entities = khabar_entities::Recognizer::builtin().recognize(&a.text, day);
    let layer = analyze(&a.text, &entities, day);
    Record {
        article: a,
        entities,
        quotes: layer.quotes,
        events: layer.events,
    }
}

fn role_of(e: &Entity) -> Option<&str> {
    let r = e
        .roles
        .iter()
        .find(|r| r.in_text && r.role_en.is_some())
        .or_else(|| e.roles.iter().find(|r| r.role_en.is_some()))?;
    r.role_en.as_deref()
}

/// The English name of an entity (knowledge base, else transliterated for persons).
pub fn name_en(e: &Entity) -> String {
    match &e.name_en {
        Some(n) => n.clone(),
        None if e.kind == Kind::Person => translit::name(&e.name_fa),
        None => e.name_fa.clone(),
    }
}

fn described(e: &Entity) -> String {
    match role_of(e) {
        Some(r) => format!("{} ({r})", name_en(e)),
        None => name_en(e),
    }
}

/// Finds the quotes and events of `text` given its entities and the article's day.
pub fn analyze(text: &str, entities: &[Entity], day: Option<Day>) -> Layer {
    let doc = Doc::new(text);
    let m = Mentions::new(&doc, entities, day);
    let cl = Clauses { doc: &doc, m: &m };
    let pass = quotes::find(&doc, &cl);
    let date_s = day.map(|d| format!("{:04}-{:02}-{:02}", d.0, d.1, d.2));
    let quotes = pass
        .quotes
        .iter()
        .map(|q| {
            let (speaker, fa, en, group) = match &q.who {
                Some(Subject::Entity(i)) => {
                    let e = &entities[*i];
                    (
                        Some(e.id.clone()),
                        Some(local_name(&doc, e)),
                        Some(speaker_en(&doc, e)),
                        None,
                    )
                }
                Some(Subject::Group(g)) => (None, Some(g.clone()), None, Some(g.clone())),
                Some(Subject::Role(r)) => (None, Some(r.clone()), None, None),
                None => (None, None, None, None),
            };
            let who = match &q.who {
                Some(Subject::Entity(i)) => described(&entities[*i]),
                Some(Subject::Group(g)) => format!("a group ({g})"),
                Some(Subject::Role(r)) if speaker::is_body(r) => format!("a body named only in Persian ({r})"),
                Some(Subject::Role(r)) => format!("an official named by role only ({r})"),
                None => "someone".into(),
            };
            let kind = if q.direct {
                "direct quote"
            } else {
                "reported speech"
            };
            let english = match &date_s {
                Some(d) => format!("{who} {} ({kind}), {d}", q.verb_en),
                None => format!("{who} {} ({kind})", q.verb_en),
            };
            Quote {
                speaker,
                speaker_name_fa: fa,
                speaker_name_en: en,
                speaker_group: group,
                verb: q.verb.clone(),
                verb_en: q.verb_en.clone(),
                text: doc.slice(q.s, q.e),
                direct: q.direct,
                start: q.s,
                end: q.e,
                nested_in: q.nested_in,
                english,
            }
        })
        .collect();
    let lex = Lexicon::builtin();
    let events = events::find(&doc, &cl, &pass.quotes, &pass.last_person, day)
        .into_iter()
        .map(|ev| {
            let cue = &lex.cues[ev.cue];
            let actors: Vec<&Entity> = ev.actors.iter().map(|&i| &entities[i]).collect();
            let loc = ev.location.map(|i| &entities[i]);
            let date = ev.date.map(|d| d.to_string());
            let english = export::english_line(
                &cue.event_type,
                &cue.mode,
                ev.status,
                &actors.iter().map(|e| described(e)).collect::<Vec<_>>(),
                ev.sources,
                loc.map(name_en).as_deref(),
                date.as_deref(),
            );
            Event {
                event_type: cue.event_type.clone(),
                mode: cue.mode.clone(),
                cameo: cue.cameo.clone(),
                status: ev.status,
                actors: actors.iter().map(|e| e.id.clone()).collect(),
                sources: ev.sources,
                actor_names_en: actors.iter().map(|e| speaker_en(&doc, e)).collect(),
                location: loc.map(|e| e.id.clone()),
                location_en: loc.map(name_en),
                date,
                evidence: Span {
                    start: ev.s,
                    end: ev.e,
                },
                english,
            }
        })
        .collect();
    Layer { quotes, events }
}

/// The Persian name of a person as the article writes it, with "سید" when written before it.
fn local_name(doc: &Doc, e: &Entity) -> String {
    if e.kb {
        return e.name_fa.clone();
    }
    match seyed_before(doc, e) {
        Some(h) => format!("{h} {}", e.name_fa),
        None => e.name_fa.clone(),
    }
}

/// The English name of a speaker or actor; for persons outside the knowledge base, with the
/// "Seyed" written before the name.
fn speaker_en(doc: &Doc, e: &Entity) -> String {
    if e.kb || e.kind != Kind::Person {
        return name_en(e);
    }
    match seyed_before(doc, e) {
        Some(h) => format!("{} {}", translit::word(&h), name_en(e)),
        None => name_en(e),
    }
}

fn seyed_before(doc: &Doc, e: &Entity) -> Option<String> {
    let seyed = [
        khabar_entities::compact::key("سید"),
        khabar_entities::compact::key("سیده"),
    ];
    for m in &e.mentions {
        let t = doc.tok_from(m.start);
        if t > 0
            && seyed.contains(&doc.toks[t - 1].key)
            && !doc.gap_has(doc.toks[t - 1].e, m.start, &['،', '.', ','])
        {
            return Some(doc.slice(doc.toks[t - 1].s, doc.toks[t - 1].e));
        }
    }
    None
}
