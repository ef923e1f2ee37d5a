//! The knowledge base: persons with dated roles, organizations, places and named events,
//! read from the TSV files under `data/kb/` (compiled in).

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Serialize;

/// The kind of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "UPPERCASE")]
pub enum Kind {
    /// A person.
    Person,
    /// An organization.
    Org,
    /// A place: country, province, city, region.
    Location,
    /// A named event or operation.
    Event,
}

/// A calendar date with the precision it was given ("2022", "2022-12", "2022-12-14").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Day(pub i32, pub u8, pub u8);

impl Day {
    /// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; `as_end` fills missing parts with the
    /// last month/day instead of the first.
    pub fn parse(s: &str, as_end: bool) -> Option<Day> {
        let mut it = s.trim().split('-');
        let y: i32 = it.next()?.parse().ok()?;
        let m: Option<u8> = it.next().map(|m| m.parse().ok()).unwrap_or(None);
        let d: Option<u8> = it.next().map(|d| d.parse().ok()).unwrap_or(None);
        let (m, d) = match (m, d, as_end) {
            (Some(m), Some(d), _) => (m, d),
            (Some(m), None, false) => (m, 1),
            (Some(m), None, true) => (m, 31),
            (None, _, false) => (1, 1),
            (None, _, true) => (12, 31),
        };
        ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some(Day(y, m, d))
    }
}

/// A role held for a period.
#[derive(Debug, Clone, Serialize)]
pub struct Role {
    /// Index of the person in [`Kb::persons`].
    #[serde(skip)]
    pub person: usize,
    /// The role as Persian media write it ("سخنگوی وزارت امور خارجه").
    pub role_fa: String,
    /// The role in English.
    pub role_en: String,
    /// Organization id, when known.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub org: String,
    /// Start ("YYYY[-MM[-DD]]"), as given.
    pub start: String,
    /// End as given; empty while held, "?" when unknown, "<YYYY[-MM[-DD]]" when unknown but surely before that
    /// date (a government's official whose day of leaving is not known: ended by the next government).
    pub end: String,
    #[serde(skip)]
    start_day: Option<Day>,
    #[serde(skip)]
    end_day: Option<Day>,
    /// With an end "<DATE": the first day by which the tenure had surely ended.
    #[serde(skip)]
    ended_by: Option<Day>,
}

impl Role {
    /// A tenure of `person` with its dates as written ("2021", "2024-08-21", "?", "<2024-08", "").
    fn new(person: usize, role_fa: String, role_en: String, org: String, start: String, end: String) -> Role {
        Role {
            person,
            role_fa,
            role_en,
            org,
            start_day: Day::parse(&start, false),
            end_day: Day::parse(&end, true),
            ended_by: end.trim().strip_prefix('<').and_then(|b| Day::parse(b.trim(), false)),
            start,
            end,
        }
    }

    /// Whether the role may have been held on `day`: `Some(true)` when the dates say so,
    /// `Some(false)` when it had begun and its end is unknown ("?"), `None` when not held.
    pub fn plausible_on(&self, day: Day) -> Option<bool> {
        if self.start_day.is_some_and(|s| s > day) || self.ended_by.is_some_and(|b| day >= b) {
            return None;
        }
        if self.ended_by.is_some() {
            return Some(false);
        }
        match (self.end.trim(), self.end_day) {
            ("", _) => Some(true),
            ("?", _) => Some(false),
            (_, Some(e)) if day <= e => Some(true),
            _ => None,
        }
    }

    /// True when the dates surely cover `day`: a date given only as a year does not decide a
    /// day in that same year, one given as a month no day in that month, and an unknown end ("?") decides
    /// nothing.
    pub fn surely_held_on(&self, day: Day) -> bool {
        let started = match self.start_day {
            Some(s0) => s0 <= day && !too_coarse(&self.start, s0, day),
            None => false,
        };
        let not_ended = match (self.end.trim(), self.end_day) {
            ("", _) => true,
            (_, Some(e)) => day <= e && !too_coarse(&self.end, e, day),
            _ => false,
        };
        started && not_ended
    }

    /// True when the tenure surely began by `day` and its end is unknown ("?").
    pub fn began_with_unknown_end(&self, day: Day) -> bool {
        let unknown_end = self.end.trim() == "?" || self.ended_by.is_some_and(|b| day < b);
        unknown_end && self.start_day.is_some_and(|s0| s0 <= day && !too_coarse(&self.start, s0, day))
    }

    /// True when the tenure is known to have ended before `day`.
    pub fn ended_before(&self, day: Day) -> bool {
        self.end_day.is_some_and(|e| e < day) || self.ended_by.is_some_and(|b| b <= day)
    }

    /// How far `day` lies outside the tenure's known dates, in days (approximately: months count 31 days);
    /// 0 when the role may have been held on `day`. Tells which of two tenures of one office an article
    /// dated outside both is nearer to.
    pub fn distance_to(&self, day: Day) -> u32 {
        let ord = |d: Day| d.0 as i64 * 372 + d.1 as i64 * 31 + d.2 as i64;
        if let Some(s) = self.start_day.filter(|&s| s > day) {
            return (ord(s) - ord(day)) as u32;
        }
        match self.end_day.or(self.ended_by) {
            Some(e) if self.ended_before(day) => (ord(day) - ord(e)).max(0) as u32,
            _ => 0,
        }
    }

    /// The first day of the tenure, when known.
    pub fn start_day(&self) -> Option<Day> {
        self.start_day
    }

    /// True when the dates say the role was held on `day` (unknown ends count as not held).
    pub fn held_on(&self, day: Day) -> bool {
        let started = self.start_day.is_none_or(|s| s <= day);
        let not_ended = match (self.end.trim(), self.end_day) {
            ("", _) => true,
            (_, Some(e)) => day <= e,
            _ => false,
        };
        started && not_ended
    }
}

/// Whether a tenure date written as `written` (parsed as `d`) is too coarse to tell `day` from it: a year-only
/// date in `day`'s year, a month-only date in its month.
fn too_coarse(written: &str, d: Day, day: Day) -> bool {
    match written.trim().matches('-').count() {
        0 => d.0 == day.0,
        1 => (d.0, d.1) == (day.0, day.1),
        _ => false,
    }
}

/// One entity of the knowledge base.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// Stable id, e.g. "nasser-kanaani", "country-ir".
    pub id: String,
    /// What it is.
    pub kind: Kind,
    /// English name.
    pub name_en: String,
    /// Canonical Persian name.
    pub name_fa: String,
    /// Other Persian spellings and full forms.
    pub variants: Vec<String>,
    /// Short forms and acronyms (organizations).
    pub abbrevs: Vec<String>,
    /// Free description / subtype (organization type, place kind, person description).
    pub description: String,
    /// ISO 3166 alpha-2 country (organizations, places, persons' nationality), when known.
    pub country: String,
    /// The id of the body or place this one is part of (organizations, places), or empty.
    pub parent: String,
}

/// A problem in a knowledge-base file.
#[derive(Debug, thiserror::Error)]
#[error("{file} line {line}: {message}")]
pub struct KbError {
    /// The file.
    pub file: &'static str,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// The knowledge base.
#[derive(Debug, Default)]
pub struct Kb {
    /// All entries (persons, organizations, places, events).
    pub entries: Vec<Entry>,
    /// Dated roles of persons.
    pub roles: Vec<Role>,
    by_id: HashMap<String, usize>,
}

/// Counts per kind, as printed by `khabar kb stats`.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Stats {
    /// Persons.
    pub persons: usize,
    /// Organizations.
    pub organizations: usize,
    /// Places.
    pub places: usize,
    /// Named events.
    pub events: usize,
    /// Dated roles.
    pub roles: usize,
}

/// The TSV files of a knowledge base.
#[derive(Debug, Clone, Copy, Default)]
pub struct KbFiles<'a> {
    /// persons.tsv: id, name_en, name_fa, variants_fa, gender, nationality, description_en.
    pub persons: &'a str,
    /// roles.tsv: person_id, role_fa, role_en, org_id, start, end, source.
    pub roles: &'a str,
    /// organizations.tsv: id, name_en, name_fa, variants_fa, abbrev_fa, type, country, parent_id.
    pub organizations: &'a str,
    /// places (hand-written and generated): id, name_en, name_fa, variants_fa, kind, country, parent_id.
    pub places: &'a [&'a str],
    /// events.tsv: id, name_en, name_fa, variants_fa, date_start, date_end, description_en.
    pub events: &'a str,
}

/// The knowledge base shipped with khabar.
pub const BUILTIN: KbFiles<'static> = KbFiles {
    persons: include_str!("../../../data/kb/persons.tsv"),
    roles: include_str!("../../../data/kb/roles.tsv"),
    organizations: include_str!("../../../data/kb/organizations.tsv"),
    places: &[include_str!("../../../data/kb/places.tsv"), include_str!("../../../data/kb/places_generated.tsv")],
    events: include_str!("../../../data/kb/events.tsv"),
};

fn rows(file: &'static str, text: &str) -> impl Iterator<Item = (usize, Vec<String>)> {
    let mut header = true;
    let _ = file;
    text.lines().enumerate().filter_map(move |(i, l)| {
        let l = l.trim_end_matches('\r');
        if l.trim().is_empty() || l.starts_with('#') {
            return None;
        }
        if header {
            header = false;
            if l.starts_with("id\t") || l.starts_with("person_id\t") {
                return None;
            }
        }
        Some((i + 1, l.split('\t').map(|c| c.trim().to_string()).collect()))
    })
}

fn list(s: Option<&String>) -> Vec<String> {
    s.map(|s| s.split('|').map(str::trim).filter(|x| !x.is_empty()).map(String::from).collect()).unwrap_or_default()
}

impl Kb {
    /// The knowledge base shipped with khabar (`data/kb/`).
    pub fn builtin() -> &'static Kb {
        static KB: LazyLock<Kb> = LazyLock::new(|| Kb::parse(BUILTIN).expect("data/kb is valid"));
        &KB
    }

    /// Parses knowledge-base files.
    pub fn parse(files: KbFiles<'_>) -> Result<Kb, KbError> {
        let mut kb = Kb::default();
        let add = |kb: &mut Kb, file: &'static str, line: usize, e: Entry| -> Result<(), KbError> {
            if e.id.is_empty() || e.name_en.is_empty() || e.name_fa.is_empty() {
                return Err(KbError { file, line, message: "empty id or name".into() });
            }
            if kb.by_id.insert(e.id.clone(), kb.entries.len()).is_some() {
                return Err(KbError { file, line, message: format!("duplicate id {}", e.id) });
            }
            kb.entries.push(e);
            Ok(())
        };
        let col = |c: &Vec<String>, i: usize| c.get(i).cloned().unwrap_or_default();
        for (line, c) in rows("persons.tsv", files.persons) {
            let e = Entry {
                id: col(&c, 0),
                kind: Kind::Person,
                name_en: col(&c, 1),
                name_fa: col(&c, 2),
                variants: list(c.get(3)),
                abbrevs: vec![],
                description: col(&c, 6),
                country: col(&c, 5),
                parent: String::new(),
            };
            add(&mut kb, "persons.tsv", line, e)?;
        }
        for (line, c) in rows("organizations.tsv", files.organizations) {
            let e = Entry {
                id: col(&c, 0),
                kind: Kind::Org,
                name_en: col(&c, 1),
                name_fa: col(&c, 2),
                variants: list(c.get(3)),
                abbrevs: list(c.get(4)),
                description: col(&c, 5),
                country: col(&c, 6),
                parent: col(&c, 7),
            };
            add(&mut kb, "organizations.tsv", line, e)?;
        }
        for text in files.places {
            for (line, c) in rows("places.tsv", text) {
                let e = Entry {
                    id: col(&c, 0),
                    kind: Kind::Location,
                    name_en: col(&c, 1),
                    name_fa: col(&c, 2),
                    variants: list(c.get(3)),
                    abbrevs: vec![],
                    description: col(&c, 4),
                    country: col(&c, 5),
                    parent: col(&c, 6),
                };
                add(&mut kb, "places.tsv", line, e)?;
            }
        }
        for (line, c) in rows("events.tsv", files.events) {
            let e = Entry {
                id: col(&c, 0),
                kind: Kind::Event,
                name_en: col(&c, 1),
                name_fa: col(&c, 2),
                variants: list(c.get(3)),
                abbrevs: vec![],
                description: col(&c, 6),
                country: String::new(),
                parent: String::new(),
            };
            add(&mut kb, "events.tsv", line, e)?;
        }
        for (line, c) in rows("roles.tsv", files.roles) {
            let pid = col(&c, 0);
            let person = *kb.by_id.get(&pid).ok_or_else(|| KbError {
                file: "roles.tsv",
                line,
                message: format!("unknown person {pid}"),
            })?;
            let (start, end) = (col(&c, 4), col(&c, 5));
            kb.roles.push(Role::new(person, col(&c, 1), col(&c, 2), col(&c, 3), start, end));
        }
        Ok(kb)
    }

    /// The words of persons' names and name variants written without ZWNJ ("قالیباف", "بلینکن"): the
    /// spellings a normalizer should leave glued in text that names them.
    pub fn person_name_words(&self) -> Vec<&str> {
        let mut words: Vec<&str> = self
            .entries
            .iter()
            .filter(|e| e.kind == Kind::Person)
            .flat_map(|e| std::iter::once(&e.name_fa).chain(&e.variants))
            .flat_map(|n| n.split_whitespace())
            .filter(|w| !w.contains('\u{200c}') && w.chars().count() >= 3)
            .collect();
        words.sort_unstable();
        words.dedup();
        words
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    /// Index of the entry with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Roles of the person at index `person`.
    pub fn roles_of(&self, person: usize) -> impl Iterator<Item = &Role> {
        self.roles.iter().filter(move |r| r.person == person)
    }

    /// Counts per kind.
    pub fn stats(&self) -> Stats {
        let n = |k: Kind| self.entries.iter().filter(|e| e.kind == k).count();
        Stats {
            persons: n(Kind::Person),
            organizations: n(Kind::Org),
            places: n(Kind::Location),
            events: n(Kind::Event),
            roles: self.roles.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_precision() {
        assert_eq!(Day::parse("2022-12", false), Some(Day(2022, 12, 1)));
        assert_eq!(Day::parse("2022-12", true), Some(Day(2022, 12, 31)));
        assert_eq!(Day::parse("2024", true), Some(Day(2024, 12, 31)));
        assert_eq!(Day::parse("?", true), None);
    }

    #[test]
    fn an_end_known_only_as_before_a_date() {
        let role = |start: &str, end: &str| Role::new(0, String::new(), String::new(), String::new(), start.into(), end.into());
        let r = role("2021", "<2024-08");
        // Held perhaps in 2022, surely not in 2025; never surely (the end is not known).
        assert_eq!(r.plausible_on(Day(2022, 6, 1)), Some(false));
        assert_eq!(r.plausible_on(Day(2025, 1, 1)), None);
        assert!(!r.surely_held_on(Day(2022, 6, 1)));
        assert!(r.began_with_unknown_end(Day(2022, 6, 1)) && !r.began_with_unknown_end(Day(2025, 1, 1)));
        assert!(r.ended_before(Day(2024, 8, 1)) && !r.ended_before(Day(2023, 1, 1)));
        assert!(!r.held_on(Day(2022, 6, 1)));
    }

    #[test]
    fn builtin_kb_is_valid_and_large() {
        let s = Kb::builtin().stats();
        assert!(s.persons >= 500, "{s:?}");
        assert!(s.organizations >= 300, "{s:?}");
        assert!(s.places >= 500, "{s:?}");
        assert!(s.events >= 20, "{s:?}");
    }
}
