//! Writing events out: English summary lines, PLOVER JSON and GDELT-style tab-separated rows.
//!
//! GDELT-style columns (a subset of GDELT 1.0/2.0 event fields, in their order):
//! `GLOBALEVENTID SQLDATE Actor1Code Actor1Name Actor2Code Actor2Name IsRootEvent EventCode
//! EventBaseCode EventRootCode QuadClass ActionGeo_FullName Status PloverType PloverMode SOURCEURL`.
//! Actor codes are khabar knowledge-base ids; EventCode is the CAMEO code of the cue row
//! (`data/events/cues.tsv`); QuadClass follows CAMEO's root code (01–05 verbal cooperation,
//! 06–08 material cooperation, 09–13 verbal conflict, 14–20 material conflict).

use serde::Serialize;

use crate::{Event, EventStatus};

fn verb(event_type: &str, mode: &str, status: EventStatus) -> &'static str {
    use EventStatus::*;
    let (past, planned, neg) = match (event_type, mode) {
        ("CONSULT", "phone") => (
            "spoke by phone with",
            "is to speak by phone with",
            "did not speak with",
        ),
        ("CONSULT", "visit") => ("visited", "is to visit", "did not visit"),
        ("CONSULT", "host") => ("hosted", "is to host", "did not host"),
        ("CONSULT", "consult") => (
            "held talks with",
            "is to hold talks with",
            "did not hold talks with",
        ),
        ("CONSULT", _) => ("met", "is to meet", "did not meet"),
        ("ACCUSE", "criticize") => ("criticized", "is to criticize", "did not criticize"),
        ("ACCUSE", "accuse") => ("accused", "is to accuse", "did not accuse"),
        ("ACCUSE", _) => ("condemned", "is to condemn", "did not condemn"),
        ("SUPPORT", "empathize") => (
            "offered condolences to",
            "is to offer condolences to",
            "did not offer condolences to",
        ),
        ("SUPPORT", "endorse") => ("supported", "is to support", "did not support"),
        ("SUPPORT", _) => ("praised", "is to praise", "did not praise"),
        ("AGREE", "sign") => (
            "signed an agreement with",
            "is to sign an agreement with",
            "did not sign an agreement with",
        ),
        ("AGREE", _) => ("agreed with", "is to agree with", "did not agree with"),
        ("REQUEST", _) => ("asked", "is to ask", "did not ask"),
        ("REJECT", _) => ("rejected", "is to reject", "did not reject"),
        ("THREATEN", _) => ("threatened", "is to threaten", "did not threaten"),
        ("COOPERATE", _) => (
            "cooperated with",
            "is to cooperate with",
            "did not cooperate with",
        ),
        ("AID", _) => ("aided", "is to aid", "did not aid"),
        ("PROTEST", _) => (
            "protested against",
            "is to protest against",
            "did not protest against",
        ),
        ("SANCTION", _) => ("sanctioned", "is to sanction", "did not sanction"),
        ("ASSAULT", _) => ("attacked", "is to attack", "did not attack"),
        ("COERCE", "seize") => ("seized property of", "is to seize property of", "did not seize property of"),
        ("COERCE", "arrest") => ("arrested", "is to arrest", "did not arrest"),
        ("COERCE", _) => ("coerced", "is to coerce", "did not coerce"),
        ("RETREAT", "release") => ("released", "is to release", "did not release"),
        ("RETREAT", "ceasefire") => (
            "entered a ceasefire with",
            "is to enter a ceasefire with",
            "did not enter a ceasefire with",
        ),
        _ => ("acted towards", "is to act towards", "did not act towards"),
    };
    match status {
        Reported => past,
        Planned => planned,
        Negated => neg,
        Hypothetical => planned,
    }
}

/// One English line for an event: "A (role) met B (role) in Doha, 2024-06-20". The first `sources`
/// actors are the subjects ("A and B praised C").
pub fn english_line(
    event_type: &str,
    mode: &str,
    status: EventStatus,
    actors: &[String],
    sources: usize,
    location: Option<&str>,
    date: Option<&str>,
) -> String {
    let k = sources.clamp(1, actors.len().max(1));
    let mut s = match actors {
        [] => String::from("someone"),
        [a] => a.clone(),
        _ if k < actors.len() => {
            format!("{} {} {}", join_and(&actors[..k]), verb(event_type, mode, status), join_and(&actors[k..]))
        }
        _ => join_and(actors),
    };
    if actors.len() == k {
        let v = verb(event_type, mode, status);
        let v = v
            .trim_end_matches(" with")
            .trim_end_matches(" to")
            .trim_end_matches(" against")
            .trim_end_matches(" property of");
        s = format!("{s} {v}");
        if k == 1 && matches!(event_type, "CONSULT") && matches!(mode, "meet" | "consult") {
            s.push_str(" (meeting)");
        }
    }
    if status == EventStatus::Hypothetical {
        s = format!("possibly: {s}");
    }
    if let Some(l) = location {
        // A visit with no host named is a visit to the place ("X visited Moscow").
        let to_place = event_type == "CONSULT" && mode == "visit" && actors.len() == k;
        s.push_str(if to_place { " " } else { " in " });
        s.push_str(l);
    }
    if let Some(d) = date {
        s.push_str(", ");
        s.push_str(d);
    }
    s
}

fn join_and(xs: &[String]) -> String {
    match xs {
        [] => String::new(),
        [a] => a.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// An actor in PLOVER JSON.
#[derive(Debug, Clone, Serialize)]
pub struct PloverActor {
    /// Knowledge-base (or document-local) id.
    pub id: String,
    /// English name.
    pub name: String,
}

/// One event in PLOVER JSON form.
#[derive(Debug, Clone, Serialize)]
pub struct PloverEvent {
    /// "<source>#<n>".
    pub id: String,
    /// "YYYY-MM-DD".
    pub date: Option<String>,
    /// PLOVER event type.
    pub event_type: String,
    /// PLOVER mode.
    pub mode: String,
    /// Reported, planned, negated, hypothetical.
    pub status: EventStatus,
    /// The first actor (the clause's subject).
    pub actor: Option<PloverActor>,
    /// The second actor (the other side).
    pub recipient: Option<PloverActor>,
    /// Further actors.
    pub other_actors: Vec<PloverActor>,
    /// Where.
    pub location: Option<String>,
    /// CAMEO code.
    pub cameo: String,
    /// The sentence reporting the event.
    pub text: String,
    /// The input document.
    pub source: String,
    /// English summary line.
    pub summary: String,
}

/// Converts an event of a record to PLOVER JSON form.
pub fn to_plover(source: &str, n: usize, text: &str, ev: &Event) -> PloverEvent {
    // The actor is the first subject, the recipient the first of the other side; further subjects and
    // recipients are other actors.
    let mut actors: Vec<PloverActor> = ev
        .actors
        .iter()
        .zip(&ev.actor_names_en)
        .map(|(id, name)| PloverActor {
            id: id.clone(),
            name: name.clone(),
        })
        .collect();
    let k = ev.sources.max(1);
    if k > 1 && k < actors.len() {
        let recipient = actors.remove(k);
        actors.insert(1, recipient);
    }
    let mut actors = actors.into_iter();
    let evidence: String = text
        .chars()
        .skip(ev.evidence.start)
        .take(ev.evidence.end - ev.evidence.start)
        .collect();
    PloverEvent {
        id: format!("{source}#{n}"),
        date: ev.date.clone(),
        event_type: ev.event_type.clone(),
        mode: ev.mode.clone(),
        status: ev.status,
        actor: actors.next(),
        recipient: actors.next(),
        other_actors: actors.collect(),
        location: ev.location_en.clone(),
        cameo: ev.cameo.clone(),
        text: evidence,
        source: source.to_string(),
        summary: ev.english.clone(),
    }
}

/// The header of the GDELT-style rows.
pub const GDELT_HEADER: &str = "GLOBALEVENTID\tSQLDATE\tActor1Code\tActor1Name\tActor2Code\tActor2Name\tIsRootEvent\tEventCode\tEventBaseCode\tEventRootCode\tQuadClass\tActionGeo_FullName\tStatus\tPloverType\tPloverMode\tSOURCEURL";

/// CAMEO's quad class of a code.
pub fn quad_class(cameo: &str) -> u8 {
    match cameo.get(..2).and_then(|r| r.parse::<u8>().ok()) {
        Some(1..=5) => 1,
        Some(6..=8) => 2,
        Some(9..=13) => 3,
        Some(_) => 4,
        None => 0,
    }
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n'], " ")
}

/// One GDELT-style row for an event.
pub fn to_gdelt(source: &str, n: usize, ev: &Event) -> String {
    let a = |i: usize| {
        (
            ev.actors.get(i).cloned().unwrap_or_default(),
            ev.actor_names_en.get(i).cloned().unwrap_or_default(),
        )
    };
    let (a1, n1) = a(0);
    // Actor2 is the first of the other side.
    let (a2, n2) = a(if ev.sources > 1 && ev.sources < ev.actors.len() { ev.sources } else { 1 });
    let status = serde_json::to_value(ev.status)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default();
    [
        format!("{source}#{n}"),
        ev.date.as_deref().unwrap_or("").replace('-', ""),
        a1,
        n1,
        a2,
        n2,
        "1".into(),
        ev.cameo.clone(),
        ev.cameo.get(..3).unwrap_or(&ev.cameo).to_string(),
        ev.cameo.get(..2).unwrap_or(&ev.cameo).to_string(),
        quad_class(&ev.cameo).to_string(),
        ev.location_en.clone().unwrap_or_default(),
        status,
        ev.event_type.clone(),
        ev.mode.clone(),
        source.to_string(),
    ]
    .iter()
    .map(|s| clean(s))
    .collect::<Vec<_>>()
    .join("\t")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_lines() {
        let l = english_line(
            "CONSULT",
            "meet",
            EventStatus::Reported,
            &[
                "Ali Bagheri Kani (acting Foreign Minister of Iran)".into(),
                "Ismail Haniyeh (Hamas)".into(),
            ],
            1,
            Some("Doha"),
            Some("2024-06-20"),
        );
        assert_eq!(
            l,
            "Ali Bagheri Kani (acting Foreign Minister of Iran) met Ismail Haniyeh (Hamas) in Doha, 2024-06-20"
        );
        let l = english_line(
            "CONSULT",
            "meet",
            EventStatus::Negated,
            &["A".into(), "B".into()],
            1,
            None,
            None,
        );
        assert_eq!(l, "A did not meet B");
        let l = english_line("APPEAL", "praise", EventStatus::Reported, &["A".into(), "B".into(), "C".into()], 2, None, None);
        assert!(l.starts_with("A and B ") && l.ends_with(" C"), "{l}");
        // A visit to a place with no host named.
        let visit = |st| english_line("CONSULT", "visit", st, &["A".into()], 1, Some("Moscow"), None);
        assert_eq!(visit(EventStatus::Reported), "A visited Moscow");
        assert_eq!(visit(EventStatus::Planned), "A is to visit Moscow");
        assert_eq!(quad_class("111"), 3);
        assert_eq!(quad_class("040"), 1);
    }
}
