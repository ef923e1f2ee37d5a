//! Browsing the archive by entity: an entity's page (roles, articles, quotes, events,
//! co-occurring actors), the actor network of events and the timeline of events.
//!
//! Counts here are of stories, not copies: articles of one near-duplicate cluster count once
//! (an article without a cluster is a story of its own).

use std::collections::{BTreeMap, HashMap, HashSet};

use khabar_entities::Kb;
use rusqlite::{OptionalExtension, params_from_iter};
use serde::Serialize;

use crate::Result;
use crate::dates::Day;
use crate::query::{EventFilter, EventRow, QuoteRow, push_days};
use crate::store::Store;

/// A role of a knowledge-base person, with its dates as the knowledge base gives them.
#[derive(Debug, Clone, Serialize)]
pub struct RoleRow {
    /// The role in Persian.
    pub role_fa: String,
    /// The role in English.
    pub role_en: String,
    /// Start ("YYYY[-MM[-DD]]").
    pub start: String,
    /// End; empty while held, "?" when unknown.
    pub end: String,
}

/// An article that mentions an entity.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleRef {
    /// Article id.
    pub id: i64,
    /// Headline.
    pub title: Option<String>,
    /// Outlet id.
    pub agency: Option<String>,
    /// RFC 3339 or a bare date.
    pub published: Option<String>,
    /// Jalali date.
    pub published_jalali: Option<String>,
    /// Near-duplicate cluster.
    pub cluster: Option<String>,
    /// Mentions of the entity in the article.
    pub mentions: i64,
}

/// Quotes of one month.
#[derive(Debug, Clone, Serialize)]
pub struct MonthCount {
    /// Gregorian month "YYYY-MM".
    pub month: String,
    /// Jalali month "YYYY-MM" (of the Gregorian month's 15th).
    pub month_jalali: Option<String>,
    /// How many.
    pub count: u64,
}

/// Everything the archive knows about one entity.
#[derive(Debug, Clone, Serialize)]
pub struct EntityPage {
    /// Archive key: knowledge-base id, or "x:NAME" for a name outside it.
    pub id: String,
    /// PERSON, ORG, LOCATION or EVENT.
    #[serde(rename = "type")]
    pub kind: String,
    /// Persian name.
    pub name_fa: Option<String>,
    /// English name (knowledge base, else transliterated).
    pub name_en: Option<String>,
    /// Whether the entity is in the knowledge base.
    pub kb: bool,
    /// The knowledge base's description, when it has one.
    pub description: Option<String>,
    /// Dated roles (knowledge-base persons).
    pub roles: Vec<RoleRow>,
    /// Articles that mention it.
    pub articles: u64,
    /// Stories (near-duplicate clusters) that mention it.
    pub stories: u64,
    /// The newest articles that mention it (at most 50).
    pub recent: Vec<ArticleRef>,
    /// Its quotes, newest first (at most 100).
    pub quotes: Vec<QuoteRow>,
    /// Its quotes per month (all of them, copies of one story counted once).
    pub quotes_by_month: Vec<MonthCount>,
    /// Events it takes part in, newest first (at most 100).
    pub events: Vec<EventRow>,
    /// Entities most often named in the same stories (at most 30); `stories` counts the
    /// stories that name both.
    pub cooccurring: Vec<EntityCount>,
}

/// Which events make the network.
#[derive(Debug, Clone)]
pub struct NetworkFilter {
    /// PLOVER type (default CONSULT: who met whom).
    pub event_type: String,
    /// First day.
    pub from: Option<Day>,
    /// Last day.
    pub to: Option<Day>,
    /// Keep the strongest edges only (0: all).
    pub max_edges: usize,
}

impl Default for NetworkFilter {
    fn default() -> Self {
        NetworkFilter { event_type: "CONSULT".into(), from: None, to: None, max_edges: 200 }
    }
}

/// An actor of the network.
#[derive(Debug, Clone, Serialize)]
pub struct Node {
    /// Archive key.
    pub id: String,
    /// PERSON, ORG, LOCATION (a country as an actor) or EVENT.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// Persian name.
    pub name_fa: Option<String>,
    /// English name.
    pub name_en: Option<String>,
    /// Stories in which it takes part in an event of the type.
    pub stories: u64,
}

/// Two actors of one event.
#[derive(Debug, Clone, Serialize)]
pub struct Edge {
    /// One actor (the smaller key).
    pub source: String,
    /// The other.
    pub target: String,
    /// Stories reporting an event of the type between them.
    pub stories: u64,
    /// Up to 10 of those articles (one per story).
    pub articles: Vec<i64>,
    /// First and last event day ("YYYY-MM-DD").
    pub first: Option<String>,
    /// Last event day.
    pub last: Option<String>,
}

/// Who met whom (or, with another type, who acted with whom).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Network {
    /// Actors that have at least one kept edge.
    pub nodes: Vec<Node>,
    /// Pairs, strongest first.
    pub edges: Vec<Edge>,
}

/// Events of one type in one month.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineBucket {
    /// Gregorian month "YYYY-MM".
    pub month: String,
    /// Jalali month "YYYY-MM" (of the Gregorian month's 15th).
    pub month_jalali: Option<String>,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub event_type: String,
    /// Stories reporting such an event that month.
    pub stories: u64,
}

/// The Jalali "YYYY-MM" of the 15th of Gregorian month "YYYY-MM".
pub(crate) fn jalali_month(month: &str) -> Option<String> {
    let (y, m) = month.split_once('-')?;
    let t = khabar_extract::dates::PublishTime::from_gregorian(y.parse().ok()?, m.parse().ok()?, 15, None)?;
    let (jy, jm, _) = t.jalali;
    Some(format!("{jy:04}-{jm:02}"))
}

fn month_of_day(day: i64) -> String {
    format!("{:04}-{:02}", day / 10000, day / 100 % 100)
}

impl Store {
    /// Makes a long-lived reader see what writers committed since it was opened (or last
    /// refreshed). Cheap when nothing changed.
    pub fn refresh(&self) -> Result<()> {
        self.reader.reload()?;
        Ok(())
    }

    /// The page of entity `key` (a knowledge-base id or "x:NAME"), or None when no stored
    /// article names it.
    pub fn entity(&self, key: &str) -> Result<Option<EntityPage>> {
        let row: Option<(String, Option<String>, Option<String>)> = self
            .db
            .prepare_cached("SELECT type, name_fa, name_en FROM entity_names WHERE key = ?1")?
            .query_row([key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let Some((kind, name_fa, name_en)) = row else { return Ok(None) };
        let kb = Kb::builtin();
        let entry = kb.get(key);
        let roles = match kb.index_of(key) {
            Some(ix) if entry.is_some_and(|e| e.kind == khabar_entities::Kind::Person) => kb
                .roles_of(ix)
                .map(|r| RoleRow { role_fa: r.role_fa.clone(), role_en: r.role_en.clone(), start: r.start.clone(), end: r.end.clone() })
                .collect(),
            _ => Vec::new(),
        };
        // Stories come from the in-memory story map: the article rows (whose large `json`
        // precedes `cluster`) are read only for the 50 articles listed.
        let stories_map = self.story_map()?;
        let ids: Vec<i64> = self
            .db
            .prepare_cached("SELECT article_id FROM mentions WHERE key = ?1")?
            .query_map([key], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let articles = ids.len() as u64;
        let stories = ids.iter().map(|&id| stories_map.story(id)).collect::<HashSet<u64>>().len() as u64;
        drop(stories_map);
        let recent = self
            .db
            .prepare_cached(
                "SELECT a.id, a.title, a.agency_id, a.published, a.published_jalali, a.cluster, m.count
                 FROM (SELECT id FROM articles INDEXED BY articles_day
                       WHERE id IN (SELECT article_id FROM mentions WHERE key = ?1)
                       ORDER BY day IS NULL, day DESC, id DESC LIMIT 50) t
                 JOIN articles a ON a.id = t.id JOIN mentions m ON m.key = ?1 AND m.article_id = a.id
                 ORDER BY a.day IS NULL, a.day DESC, a.id DESC",
            )?
            .query_map([key], |r| {
                Ok(ArticleRef {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    agency: r.get(2)?,
                    published: r.get(3)?,
                    published_jalali: r.get(4)?,
                    cluster: r.get(5)?,
                    mentions: r.get(6)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let quotes = self.quotes_of(key, 100)?;
        let quotes_by_month = self.quotes_by_month(key)?;
        let events = self.events(&EventFilter { actor: Some(key.to_string()), limit: 100, ..Default::default() })?;
        let cooccurring = self.cooccurring(key, 30)?;
        Ok(Some(EntityPage {
            id: key.to_string(),
            kind,
            name_fa,
            name_en,
            kb: entry.is_some(),
            description: entry.map(|e| e.description.clone()).filter(|d| !d.is_empty()),
            roles,
            articles,
            stories,
            recent,
            quotes,
            quotes_by_month,
            events,
            cooccurring,
        }))
    }

    /// The story map (article → story), caught up with SQLite.
    fn story_map(&self) -> Result<std::cell::RefMut<'_, crate::query::StoryMap>> {
        let mut m = self.stories.borrow_mut();
        m.refresh(&self.db)?;
        Ok(m)
    }

    /// The entities named most often in the same stories as `key`, most first.
    fn cooccurring(&self, key: &str, limit: usize) -> Result<Vec<EntityCount>> {
        let stories = self.story_map()?;
        let mut pairs: HashSet<(String, u64)> = HashSet::new();
        let mut stmt = self.db.prepare_cached(
            "SELECT m2.key, m1.article_id FROM mentions m1 JOIN mentions m2 ON m2.article_id = m1.article_id AND m2.key <> m1.key
             WHERE m1.key = ?1",
        )?;
        let mut rows = stmt.query([key])?;
        while let Some(r) = rows.next()? {
            let (other, article): (String, i64) = (r.get(0)?, r.get(1)?);
            pairs.insert((other, stories.story(article)));
        }
        drop(stories);
        let mut counts: HashMap<String, u64> = HashMap::new();
        for (other, _) in pairs {
            *counts.entry(other).or_default() += 1;
        }
        let mut ranked: Vec<(String, u64)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut names = self.db.prepare_cached("SELECT type, name_fa, name_en FROM entity_names WHERE key = ?1")?;
        let mut out = Vec::new();
        for (id, stories) in ranked.into_iter().take(limit) {
            if let Some((kind, name_fa, name_en)) = names.query_row([&id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).optional()? {
                out.push(EntityCount { id, kind, name_fa, name_en, stories });
            }
        }
        Ok(out)
    }

    fn quotes_of(&self, key: &str, limit: usize) -> Result<Vec<QuoteRow>> {
        let rows = self
            .db
            .prepare_cached(
                "SELECT q.article_id, a.source, a.published, q.speaker_key, q.speaker_fa, q.speaker_en, q.verb, q.text, q.direct, q.english
                 FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.speaker_key = ?1
                 ORDER BY a.day IS NULL, a.day DESC, q.article_id DESC, q.n LIMIT ?2",
            )?
            .query_map(rusqlite::params![key, limit as i64], QuoteRow::from_row)?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    fn quotes_by_month(&self, key: &str) -> Result<Vec<MonthCount>> {
        // A quote repeated by copies of one story counts once: distinct (story, text).
        let stories = self.story_map()?;
        let mut seen: HashSet<(u64, String)> = HashSet::new();
        let mut months: BTreeMap<String, u64> = BTreeMap::new();
        let mut stmt = self.db.prepare_cached("SELECT day, article_id, text FROM quotes WHERE speaker_key = ?1 AND day IS NOT NULL")?;
        let mut rows = stmt.query([key])?;
        while let Some(r) = rows.next()? {
            let (day, article, text): (i64, i64, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            if seen.insert((stories.story(article), text)) {
                *months.entry(month_of_day(day)).or_default() += 1;
            }
        }
        Ok(months.into_iter().map(|(month, count)| MonthCount { month_jalali: jalali_month(&month), month, count }).collect())
    }

    /// The actor network of the events of one type: an edge between every two actors of an
    /// event, weighted by the stories that report such an event between them.
    pub fn network(&self, filter: &NetworkFilter) -> Result<Network> {
        // Events of the type, then their actors from one scan of `event_actors` (whose key
        // leads with the actor): joined here in memory, not per event in SQL.
        let mut sql = String::from("SELECT e.article_id, e.n, coalesce(e.date, '') FROM events e WHERE e.type = ?1 AND e.status = 'reported'");
        let mut args: Vec<rusqlite::types::Value> = vec![filter.event_type.trim().to_uppercase().into()];
        push_days(&mut sql, &mut args, "e.day", filter.from, filter.to);
        // (article, n) → (story, date, actors)
        let mut events: BTreeMap<(i64, i64), (u64, String, Vec<String>)> = BTreeMap::new();
        {
            let stories = self.story_map()?;
            let mut stmt = self.db.prepare(&sql)?;
            let mut rows = stmt.query(params_from_iter(args))?;
            while let Some(r) = rows.next()? {
                let (article, n, date): (i64, i64, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
                events.insert((article, n), (stories.story(article), date, Vec::new()));
            }
        }
        if !events.is_empty() {
            let mut stmt = self.db.prepare_cached("SELECT article_id, n, key FROM event_actors")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let (article, n): (i64, i64) = (r.get(0)?, r.get(1)?);
                if let Some(e) = events.get_mut(&(article, n)) {
                    let key: String = r.get(2)?;
                    if !e.2.contains(&key) {
                        e.2.push(key);
                    }
                }
            }
        }
        struct Acc {
            stories: HashSet<u64>,
            articles: Vec<i64>,
            first: Option<String>,
            last: Option<String>,
        }
        let mut pairs: HashMap<(String, String), Acc> = HashMap::new();
        let mut actor_stories: HashMap<String, HashSet<u64>> = HashMap::new();
        for ((article, _), (story, date, actors)) in &events {
            for k in actors {
                actor_stories.entry(k.clone()).or_default().insert(*story);
            }
            for i in 0..actors.len() {
                for j in i + 1..actors.len() {
                    let (a, b) = if actors[i] < actors[j] { (&actors[i], &actors[j]) } else { (&actors[j], &actors[i]) };
                    let acc = pairs.entry((a.clone(), b.clone())).or_insert(Acc {
                        stories: HashSet::new(),
                        articles: Vec::new(),
                        first: None,
                        last: None,
                    });
                    if acc.stories.insert(*story) && acc.articles.len() < 10 {
                        acc.articles.push(*article);
                    }
                    if !date.is_empty() {
                        if acc.first.as_ref().is_none_or(|f| date < f) {
                            acc.first = Some(date.clone());
                        }
                        if acc.last.as_ref().is_none_or(|l| date > l) {
                            acc.last = Some(date.clone());
                        }
                    }
                }
            }
        }
        let mut edges: Vec<Edge> = pairs
            .into_iter()
            .map(|((source, target), acc)| Edge {
                source,
                target,
                stories: acc.stories.len() as u64,
                articles: acc.articles,
                first: acc.first,
                last: acc.last,
            })
            .collect();
        edges.sort_by(|a, b| b.stories.cmp(&a.stories).then_with(|| (&a.source, &a.target).cmp(&(&b.source, &b.target))));
        if filter.max_edges > 0 {
            edges.truncate(filter.max_edges);
        }
        let mut keys: Vec<&String> = edges.iter().flat_map(|e| [&e.source, &e.target]).collect();
        keys.sort();
        keys.dedup();
        let mut names = self.db.prepare_cached("SELECT type, name_fa, name_en FROM entity_names WHERE key = ?1")?;
        let mut nodes = Vec::with_capacity(keys.len());
        for k in keys {
            let (kind, name_fa, name_en) = names
                .query_row([k], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .optional()?
                .unwrap_or((None, None, None));
            let stories = actor_stories.get(k).map_or(0, |s| s.len() as u64);
            nodes.push(Node { id: k.clone(), kind, name_fa, name_en, stories });
        }
        nodes.sort_by(|a, b| b.stories.cmp(&a.stories).then_with(|| a.id.cmp(&b.id)));
        Ok(Network { nodes, edges })
    }

    /// Events per month and type (the event's own day when known, else the article's),
    /// counting stories. `limit` is ignored.
    pub fn timeline(&self, filter: &EventFilter) -> Result<Vec<TimelineBucket>> {
        let mut sql = String::from(
            "SELECT e.type, e.date, e.day, e.article_id FROM events e WHERE e.status = 'reported'",
        );
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        if let Some(t) = &filter.event_type {
            args.push(t.trim().to_uppercase().into());
            sql.push_str(&format!(" AND e.type = ?{}", args.len()));
        }
        if let Some(actor) = &filter.actor {
            self.push_actor(&mut sql, &mut args, actor)?;
        }
        push_days(&mut sql, &mut args, "e.day", filter.from, filter.to);
        let stories = self.story_map()?;
        let mut buckets: BTreeMap<(String, String), HashSet<u64>> = BTreeMap::new();
        let mut stmt = self.db.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(args))?;
        while let Some(r) = rows.next()? {
            let (ty, date, day, article): (String, Option<String>, Option<i64>, i64) = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
            let month = match (date.as_deref().and_then(|d| d.get(..7)), day) {
                (Some(m), _) if m.as_bytes().get(4) == Some(&b'-') => m.to_string(),
                (_, Some(day)) => month_of_day(day),
                _ => continue,
            };
            buckets.entry((month, ty)).or_default().insert(stories.story(article));
        }
        Ok(buckets
            .into_iter()
            .map(|((month, event_type), s)| TimelineBucket { month_jalali: jalali_month(&month), month, event_type, stories: s.len() as u64 })
            .collect())
    }
}

/// The archive key of a record's entity: its knowledge-base id, else "x:" and its Persian
/// name folded for search (so that spellings of one outside name share a key).
pub fn entity_key(kb: bool, id: &str, name_fa: &str) -> String {
    if kb { id.to_string() } else { format!("x:{}", khabar_normalize::fold_for_search(name_fa)) }
}

/// An entity with a count of stories (search facets, entities named together).
#[derive(Debug, Clone, Serialize)]
pub struct EntityCount {
    /// Archive key.
    pub id: String,
    /// PERSON, ORG, LOCATION or EVENT.
    #[serde(rename = "type")]
    pub kind: String,
    /// Persian name.
    pub name_fa: Option<String>,
    /// English name.
    pub name_en: Option<String>,
    /// Stories that name it (matching stories, for a facet).
    pub stories: u64,
}

/// Matching stories of one month (the date histogram of a search).
#[derive(Debug, Clone, Serialize)]
pub struct MonthStories {
    /// Gregorian month "YYYY-MM".
    pub month: String,
    /// Jalali month "YYYY-MM" (of the Gregorian month's 15th).
    pub month_jalali: Option<String>,
    /// Matching stories first published that month (a story counts in the month of its
    /// earliest matching dated copy).
    pub stories: u64,
}

/// Article → entities and day, for counting the entities and months of thousands of matches
/// without a query per match. Caught up with SQLite (articles past the last id seen) before
/// each search, like the story map.
#[derive(Debug, Default)]
pub(crate) struct FacetMap {
    upto: i64,
    /// Indexed by article id: entity indexes.
    entities: Vec<Vec<u32>>,
    /// Indexed by article id: day (`yyyymmdd`, 0 when undated).
    days: Vec<u32>,
    /// Entity index → (key, type).
    keys: Vec<(String, String)>,
    key_ix: HashMap<String, u32>,
}

impl FacetMap {
    /// Loads the articles past the last one seen.
    pub(crate) fn refresh(&mut self, db: &rusqlite::Connection) -> Result<()> {
        let max: i64 = db.prepare_cached("SELECT coalesce(max(id), 0) FROM articles")?.query_row([], |r| r.get(0))?;
        if max < self.upto {
            // Articles were rolled back and their ids may be given out again.
            *self = FacetMap::default();
        }
        if max <= self.upto {
            return Ok(());
        }
        let grow = |v: &mut Vec<u32>, ix: usize| {
            if v.len() <= ix {
                v.resize(ix + 1, 0);
            }
        };
        {
            // A first load scans the covering index of days (never the rows, whose large `json`
            // would be read too); later ones read the few new rows by id.
            let sql = if self.upto == 0 {
                "SELECT id, coalesce(day, 0) FROM articles INDEXED BY articles_day WHERE id > ?1"
            } else {
                "SELECT id, coalesce(day, 0) FROM articles WHERE id > ?1"
            };
            let mut stmt = db.prepare_cached(sql)?;
            let mut rows = stmt.query([self.upto])?;
            while let Some(r) = rows.next()? {
                let (id, day): (i64, i64) = (r.get(0)?, r.get(1)?);
                let ix = id.max(0) as usize;
                grow(&mut self.days, ix);
                self.days[ix] = day as u32;
            }
        }
        let mut stmt = db.prepare_cached(
            "SELECT m.article_id, m.key, n.type FROM mentions m JOIN entity_names n ON n.key = m.key WHERE m.article_id > ?1",
        )?;
        let mut rows = stmt.query([self.upto])?;
        while let Some(r) = rows.next()? {
            let (id, key, kind): (i64, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            let e = match self.key_ix.get(&key) {
                Some(&e) => e,
                None => {
                    let e = self.keys.len() as u32;
                    self.keys.push((key.clone(), kind));
                    self.key_ix.insert(key, e);
                    e
                }
            };
            let ix = id.max(0) as usize;
            if self.entities.len() <= ix {
                self.entities.resize_with(ix + 1, Vec::new);
            }
            self.entities[ix].push(e);
        }
        self.upto = max;
        Ok(())
    }
}

/// Per entity type, how many to return.
const FACET_ENTITIES: usize = 15;

impl Store {
    /// Counts the people, organizations, places and months of matching articles given as
    /// (article id, story key): each entity or month counts the stories, not the copies.
    pub(crate) fn entity_facets(
        &self,
        matches: &[(i64, u64)],
    ) -> Result<(Vec<EntityCount>, Vec<EntityCount>, Vec<EntityCount>, Vec<MonthStories>)> {
        let mut map = self.facet_map.borrow_mut();
        map.refresh(&self.db)?;
        // One pass over the matches in story order: an entity counts once per story (a stamp
        // per entity holds the last story that counted it), a story's month is that of its
        // earliest dated copy.
        let mut order: Vec<(u64, i64)> = matches.iter().map(|&(id, story)| (story, id)).collect();
        order.sort_unstable();
        let mut stamp = vec![u32::MAX; map.keys.len()];
        let mut counts = vec![0u64; map.keys.len()];
        let mut story_days: Vec<u32> = Vec::new();
        let mut prev: Option<u64> = None;
        for &(story, id) in &order {
            if prev != Some(story) {
                prev = Some(story);
                story_days.push(0);
            }
            let n = (story_days.len() - 1) as u32;
            let ix = id.max(0) as usize;
            for &e in map.entities.get(ix).map(Vec::as_slice).unwrap_or_default() {
                if stamp[e as usize] != n {
                    stamp[e as usize] = n;
                    counts[e as usize] += 1;
                }
            }
            let day = map.days.get(ix).copied().unwrap_or(0);
            let d = story_days.last_mut().expect("pushed above");
            if day > 0 && (*d == 0 || day < *d) {
                *d = day;
            }
        }
        let mut ranked: Vec<(u32, u64)> =
            counts.iter().enumerate().filter(|(_, n)| **n > 0).map(|(e, n)| (e as u32, *n)).collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| map.keys[a.0 as usize].0.cmp(&map.keys[b.0 as usize].0)));
        let mut names = self.db.prepare_cached("SELECT name_fa, name_en FROM entity_names WHERE key = ?1")?;
        let mut by_kind = |kind: &str| -> Result<Vec<EntityCount>> {
            let mut out = Vec::new();
            for &(e, n) in ranked.iter().filter(|(e, _)| map.keys[*e as usize].1 == kind).take(FACET_ENTITIES) {
                let key = &map.keys[e as usize].0;
                let (name_fa, name_en) = names.query_row([key], |r| Ok((r.get(0)?, r.get(1)?))).optional()?.unwrap_or((None, None));
                out.push(EntityCount { id: key.clone(), kind: kind.to_string(), name_fa, name_en, stories: n });
            }
            Ok(out)
        };
        let persons = by_kind("PERSON")?;
        let orgs = by_kind("ORG")?;
        let places = by_kind("LOCATION")?;
        let mut months: BTreeMap<String, u64> = BTreeMap::new();
        for day in story_days.into_iter().filter(|d| *d > 0) {
            *months.entry(month_of_day(day as i64)).or_default() += 1;
        }
        let months = months.into_iter().map(|(month, stories)| MonthStories { month_jalali: jalali_month(&month), month, stories }).collect();
        Ok((persons, orgs, places, months))
    }
}
