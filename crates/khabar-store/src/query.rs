//! Reading the archive: full-text search with filters, quotes, events.

use std::collections::BTreeMap;
use std::ops::Bound;

use khabar_normalize::fold_for_search;
use rusqlite::params_from_iter;
use serde::Serialize;
use rusqlite::OptionalExtension;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::{AllQuery, BooleanQuery, EmptyQuery, Occur, PhraseQuery, Query as TQuery, RangeQuery, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocId, Score, SegmentReader, Term};

use crate::analyzer::analyze;
use crate::dates::Day;
use crate::store::Store;
use crate::Result;

/// A search: words (all must occur; a query in double quotes is a phrase) and filters.
#[derive(Debug, Clone, Default)]
pub struct Query {
    /// The words; empty means every article (with the filters).
    pub text: String,
    /// First day (inclusive), from [`crate::parse_day`].
    pub from: Option<Day>,
    /// Last day (inclusive).
    pub to: Option<Day>,
    /// Outlet: its id ("mehr") or a word of its Persian or English name.
    pub agency: Option<String>,
    /// Person: a knowledge-base id ("abbas-araghchi") or whole words of the Persian or English name.
    pub person: Option<String>,
    /// How many hits.
    pub limit: usize,
    /// Hits to skip (paging).
    pub offset: usize,
    /// One hit per matching article instead of one per story (near-duplicate cluster); totals
    /// and facets then count articles.
    pub all_copies: bool,
}

/// A passage of an article with the matched words.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Snippet {
    /// The passage.
    pub text: String,
    /// Byte ranges of `text` that matched.
    pub highlights: Vec<std::ops::Range<usize>>,
}

impl Snippet {
    /// The passage with every matched range wrapped in `pre` … `post`.
    pub fn marked(&self, pre: &str, post: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + 16);
        let mut at = 0;
        for r in &self.highlights {
            if r.start < at || r.end > self.text.len() {
                continue;
            }
            out.push_str(&self.text[at..r.start]);
            out.push_str(pre);
            out.push_str(&self.text[r.clone()]);
            out.push_str(post);
            at = r.end;
        }
        out.push_str(&self.text[at..]);
        out
    }
}

/// One search hit.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// Article id in the archive.
    pub id: i64,
    /// BM25 score.
    pub score: f32,
    /// Where the article was read from.
    pub source: String,
    /// Headline.
    pub title: Option<String>,
    /// Outlet id.
    pub agency: Option<String>,
    /// RFC 3339 or a bare date.
    pub published: Option<String>,
    /// Jalali date.
    pub published_jalali: Option<String>,
    /// The best passage with the matched words.
    pub snippet: Snippet,
    /// Near-duplicate cluster id (equal for copies of one story).
    pub cluster: Option<String>,
    /// How many articles the cluster has in the archive (1: no copies).
    pub copies: usize,
    /// The cluster's first publisher: the outlet id (else the source) of its copy with the
    /// earliest `published`, else, among undated copies, the first ingested.
    pub first_publisher: Option<String>,
    /// The other outlets that carried the story, first publisher first (outlet id, else the
    /// copy's source when no outlet was recognized); the hit's own outlet is left out.
    pub also_in: Vec<String>,
}

/// One copy of a story: an article of a near-duplicate cluster.
#[derive(Debug, Clone, Serialize)]
pub struct Member {
    /// Article id.
    pub id: i64,
    /// Outlet id.
    pub agency: Option<String>,
    /// Publication date as stored.
    pub published: Option<String>,
    /// Where the article was read from.
    pub source: String,
}

/// Counts over all matches (not only the returned page).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facets {
    /// Per outlet id, most first: the number of matching stories (clusters) of which the outlet
    /// carried at least one matching copy. A story carried by two outlets counts once for
    /// each; two copies of one story from the same outlet count once.
    pub agencies: Vec<(String, u64)>,
    /// The persons most named in matching stories (each story counts once), most first.
    pub persons: Vec<crate::browse::EntityCount>,
    /// The organizations most named in matching stories.
    pub organizations: Vec<crate::browse::EntityCount>,
    /// The places most named in matching stories.
    pub places: Vec<crate::browse::EntityCount>,
    /// Date histogram: matching stories per month of their earliest matching dated copy.
    pub months: Vec<crate::browse::MonthStories>,
}

/// The answer to a [`Query`].
#[derive(Debug, Clone, Default, Serialize)]
pub struct Results {
    /// How many stories (near-duplicate clusters) have at least one matching article.
    pub total: usize,
    /// How many articles match (copies counted).
    pub articles: usize,
    /// The requested page of stories, best first: per cluster its best-scoring matching article.
    pub hits: Vec<Hit>,
    /// Counts over all matches.
    pub facets: Facets,
}

/// Which quotes to list.
#[derive(Debug, Clone, Default)]
pub struct QuoteFilter {
    /// Speaker: id or whole words of the name (Persian or English), as in [`Query::person`].
    pub speaker: Option<String>,
    /// First day.
    pub from: Option<Day>,
    /// Last day.
    pub to: Option<Day>,
    /// At most this many (0: all).
    pub limit: usize,
}

/// A stored quote with its article.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteRow {
    /// Article id.
    pub article: i64,
    /// Article source.
    pub source: String,
    /// Article date.
    pub published: Option<String>,
    /// Archive key of the speaker (knowledge-base id, "x:NAME" outside it, "g:GROUP").
    pub speaker: Option<String>,
    /// Speaker's Persian name.
    pub speaker_name_fa: Option<String>,
    /// Speaker's English name.
    pub speaker_name_en: Option<String>,
    /// The reporting verb.
    pub verb: Option<String>,
    /// The quote.
    pub text: String,
    /// Direct speech.
    pub direct: bool,
    /// The English line.
    pub english: Option<String>,
}

impl QuoteRow {
    /// Reads a row of `q.article_id, a.source, a.published, q.speaker_key, q.speaker_fa,
    /// q.speaker_en, q.verb, q.text, q.direct, q.english` (quotes `q` joined with articles `a`).
    pub(crate) fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<QuoteRow> {
        Ok(QuoteRow {
            article: r.get(0)?,
            source: r.get(1)?,
            published: r.get(2)?,
            speaker: r.get(3)?,
            speaker_name_fa: r.get(4)?,
            speaker_name_en: r.get(5)?,
            verb: r.get(6)?,
            text: r.get(7)?,
            direct: r.get(8)?,
            english: r.get(9)?,
        })
    }
}

/// Which events to list.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// PLOVER type ("CONSULT"), case-insensitive.
    pub event_type: Option<String>,
    /// An actor: id or whole words of the name.
    pub actor: Option<String>,
    /// First day (of the article).
    pub from: Option<Day>,
    /// Last day.
    pub to: Option<Day>,
    /// At most this many (0: all).
    pub limit: usize,
}

/// A stored event with its article.
#[derive(Debug, Clone, Serialize)]
pub struct EventRow {
    /// Article id.
    pub article: i64,
    /// Article source.
    pub source: String,
    /// Article date.
    pub published: Option<String>,
    /// The event as in the record.
    pub event: serde_json::Value,
}

fn like_words(s: &str) -> String {
    let f = fold_for_search(s).replace(['%', '_'], " ");
    format!("% {} %", f.trim())
}

impl Store {
    /// Archive keys of the entities `who` names: the key itself, or every entity whose Persian
    /// or English name contains `who`'s words as whole words. `kind` restricts the type.
    pub fn resolve_entity(&self, who: &str, kind: Option<&str>) -> Result<Vec<String>> {
        let mut stmt = self.db.prepare_cached(
            "SELECT key FROM entity_names WHERE (key = ?1 OR fold LIKE ?2) AND (?3 IS NULL OR type = ?3)",
        )?;
        let keys = stmt.query_map(rusqlite::params![who.trim(), like_words(who), kind], |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(keys)
    }

    fn resolve_agency(&self, a: &str) -> Result<Vec<String>> {
        let mut stmt = self.db.prepare_cached("SELECT id FROM agencies WHERE id = ?1 OR fold LIKE ?2")?;
        let ids = stmt.query_map(rusqlite::params![a.trim(), like_words(a)], |r| r.get(0))?.collect::<Result<_, _>>()?;
        Ok(ids)
    }

    fn text_query(&self, text: &str) -> Option<Box<dyn TQuery>> {
        let f = self.fields;
        let t = text.trim();
        let phrase = t.len() >= 2 && t.starts_with('"') && t.ends_with('"');
        let terms = analyze(t.trim_matches('"'));
        if terms.is_empty() {
            return None;
        }
        let mut by_pos: BTreeMap<usize, Vec<String>> = BTreeMap::new();
        for term in terms {
            let v = by_pos.entry(term.position).or_default();
            if !v.contains(&term.text) {
                v.push(term.text);
            }
        }
        if phrase && by_pos.len() > 1 {
            let words = by_pos.values().map(|v| Term::from_field_text(f.text, &v[0])).collect();
            return Some(Box::new(PhraseQuery::new(words)));
        }
        let clauses: Vec<(Occur, Box<dyn TQuery>)> = by_pos
            .into_values()
            .map(|variants| {
                let mut qs: Vec<(Occur, Box<dyn TQuery>)> = variants
                    .iter()
                    .map(|v| {
                        let q: Box<dyn TQuery> =
                            Box::new(TermQuery::new(Term::from_field_text(f.text, v), IndexRecordOption::WithFreqs));
                        (Occur::Should, q)
                    })
                    .collect();
                let q: Box<dyn TQuery> = if qs.len() == 1 { qs.pop().unwrap().1 } else { Box::new(BooleanQuery::new(qs)) };
                (Occur::Must, q)
            })
            .collect();
        Some(Box::new(BooleanQuery::new(clauses)))
    }

    /// Runs a search: BM25 over the analyzed text, filtered by day, outlet and person.
    pub fn search(&self, q: &Query) -> Result<Results> {
        let f = self.fields;
        let mut musts: Vec<(Occur, Box<dyn TQuery>)> = Vec::new();
        let text_q = self.text_query(&q.text);
        if let Some(tq) = &text_q {
            musts.push((Occur::Must, tq.box_clone()));
        } else if !q.text.trim().is_empty() {
            return Ok(Results::default());
        }
        let any_of = |field, keys: Vec<String>| -> Box<dyn TQuery> {
            if keys.is_empty() {
                return Box::new(EmptyQuery);
            }
            Box::new(BooleanQuery::new(
                keys.iter()
                    .map(|k| {
                        let q: Box<dyn TQuery> = Box::new(TermQuery::new(Term::from_field_text(field, k), IndexRecordOption::Basic));
                        (Occur::Should, q)
                    })
                    .collect(),
            ))
        };
        if let Some(a) = &q.agency {
            musts.push((Occur::Must, any_of(f.agency, self.resolve_agency(a)?)));
        }
        if let Some(p) = &q.person {
            musts.push((Occur::Must, any_of(f.entity, self.resolve_entity(p, Some("PERSON"))?)));
        }
        if q.from.is_some() || q.to.is_some() {
            let lo = q.from.map_or(Bound::Unbounded, |d| Bound::Included(Term::from_field_u64(f.day, d as u64)));
            let hi = q.to.map_or(Bound::Unbounded, |d| Bound::Included(Term::from_field_u64(f.day, d as u64)));
            musts.push((Occur::Must, Box::new(RangeQuery::new(lo, hi))));
        }
        let query: Box<dyn TQuery> = if musts.is_empty() { Box::new(AllQuery) } else { Box::new(BooleanQuery::new(musts)) };
        let searcher = self.reader.searcher();
        let matches = searcher.search(&query, &AllMatches)?;
        let articles = matches.len();
        // Group the matches by story (cluster) with the in-memory map of article → cluster,
        // outlet (caught up with SQLite first).
        let mut stories = self.stories.borrow_mut();
        stories.refresh(&self.db)?;
        // (story key, score, article) per match and (outlet, story key) per matching copy,
        // grouped by sorting (no hashing: thousands of matches per query).
        let mut keyed: Vec<(u64, f32, i64)> = Vec::with_capacity(matches.len());
        let mut outlet_story: Vec<(u32, u64)> = Vec::with_capacity(matches.len());
        let mut story_of: Vec<(i64, u64)> = Vec::with_capacity(matches.len());
        for &(score, id) in &matches {
            let id = id as i64;
            let (cluster, agency) = stories.get(id);
            let key = match cluster {
                Some(c) if !q.all_copies => (1u64 << 63) | u64::from(c),
                _ => id as u64,
            };
            keyed.push((key, score, id));
            story_of.push((id, key));
            if let Some(a) = agency {
                outlet_story.push((a, key));
            }
        }
        // Per story: (best score, its article, smallest article id).
        keyed.sort_unstable_by_key(|k| k.0);
        let mut ranked: Vec<(f32, i64, i64)> = Vec::new();
        let mut last_key = None;
        for (key, score, id) in keyed {
            match ranked.last_mut() {
                Some(g) if last_key == Some(key) => {
                    if score > g.0 || (score == g.0 && id < g.1) {
                        g.0 = score;
                        g.1 = id;
                    }
                    g.2 = g.2.min(id);
                }
                _ => {
                    ranked.push((score, id, id));
                    last_key = Some(key);
                }
            }
        }
        // Stories per outlet: distinct (outlet, story) pairs counted by outlet.
        outlet_story.sort_unstable();
        outlet_story.dedup();
        let mut per_outlet: Vec<(u32, u64)> = Vec::new();
        for (a, _) in outlet_story {
            match per_outlet.last_mut() {
                Some(p) if p.0 == a => p.1 += 1,
                _ => per_outlet.push((a, 1)),
            }
        }
        let mut agencies: Vec<(String, u64)> =
            per_outlet.into_iter().map(|(a, n)| (stories.agency_name(a).to_string(), n)).collect();
        agencies.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        drop(stories);
        let total = ranked.len();
        // Best first (ties: the story's first article); only the requested page is sorted.
        let better = |a: &(f32, i64, i64), b: &(f32, i64, i64)| b.0.total_cmp(&a.0).then_with(|| a.2.cmp(&b.2));
        let want = q.offset.saturating_add(q.limit.max(1));
        if ranked.len() > want {
            ranked.select_nth_unstable_by(want, better);
            ranked.truncate(want);
        }
        ranked.sort_by(better);
        let top: Vec<(f32, i64)> = ranked.into_iter().skip(q.offset).take(q.limit.max(1)).map(|(s, id, _)| (s, id)).collect();
        let snippets = match &text_q {
            Some(tq) => {
                let mut g = SnippetGenerator::create(&searcher, tq.as_ref(), f.text)?;
                g.set_max_num_chars(240);
                Some(g)
            }
            None => None,
        };
        let mut hits = Vec::with_capacity(top.len());
        let mut stmt = self.db.prepare_cached(
            "SELECT source, title, agency_id, published, published_jalali, json, cluster FROM articles WHERE id = ?1",
        )?;
        for (score, id) in top {
            let row = stmt.query_row([id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, Option<String>>(6)?,
                ))
            });
            let Ok((source, title, agency, published, published_jalali, json, cluster)) = row else { continue };
            // Only `text` is read from the record (the rest is skipped, not built).
            let text = serde_json::from_str::<TextOnly>(&json)?.text;
            let text = text.as_ref();
            let snippet = match &snippets {
                Some(g) => {
                    let s = g.snippet(text);
                    Snippet { text: s.fragment().to_string(), highlights: s.highlighted().to_vec() }
                }
                None => Snippet { text: text.chars().take(200).collect(), highlights: Vec::new() },
            };
            // The story's outlets, in order of their first copy (earliest `published`, undated
            // last, then first ingested), with counts: from the summary kept at ingest.
            let outlets: Vec<(String, i64)> = match &cluster {
                Some(c) => self
                    .db
                    .prepare_cached(
                        "SELECT outlet, copies FROM cluster_outlets WHERE cluster = ?1 ORDER BY first_published, first_id",
                    )?
                    .query_map([c], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<Result<_, _>>()?,
                None => Vec::new(),
            };
            let copies = outlets.iter().map(|o| o.1 as usize).sum::<usize>().max(1);
            let first_publisher = outlets.first().map(|o| o.0.clone());
            let own = agency.clone().unwrap_or_else(|| source.clone());
            let also_in: Vec<String> = outlets.into_iter().map(|o| o.0).filter(|o| *o != own).collect();
            hits.push(Hit {
                id,
                score,
                source,
                title,
                agency,
                published,
                published_jalali,
                snippet,
                cluster,
                copies,
                first_publisher,
                also_in,
            });
        }
        let (persons, organizations, places, months) = self.entity_facets(&story_of)?;
        Ok(Results { total, articles, hits, facets: Facets { agencies, persons, organizations, places, months } })
    }

    /// The copies of a story: the articles of near-duplicate cluster `cluster`, first publisher
    /// first. The first publisher is the article with the earliest `published` (compared as
    /// stored: RFC 3339 or a bare date), else, among undated copies, the first ingested.
    pub fn cluster(&self, cluster: &str) -> Result<Vec<Member>> {
        let rows = self
            .db
            .prepare_cached(
                "SELECT id, agency_id, published, source FROM articles WHERE cluster = ?1
                 ORDER BY published IS NULL, published, id",
            )?
            .query_map([cluster], |r| Ok(Member { id: r.get(0)?, agency: r.get(1)?, published: r.get(2)?, source: r.get(3)? }))?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// The cluster id of article `id` (None for a missing article).
    pub fn cluster_of(&self, id: i64) -> Result<Option<String>> {
        Ok(self
            .db
            .prepare_cached("SELECT cluster FROM articles WHERE id = ?1")?
            .query_row([id], |r| r.get::<_, Option<String>>(0))
            .optional()?
            .flatten())
    }

    /// Quotes, newest article first, optionally of one speaker and within days.
    pub fn quotes(&self, filter: &QuoteFilter) -> Result<Vec<QuoteRow>> {
        let mut sql = String::from(
            "SELECT q.article_id, a.source, a.published, q.speaker_key, q.speaker_fa, q.speaker_en, q.verb, q.text, q.direct, q.english
             FROM quotes q JOIN articles a ON a.id = q.article_id WHERE 1=1",
        );
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        if let Some(s) = &filter.speaker {
            let keys = self.resolve_entity(s, None)?;
            sql.push_str(&format!(" AND (q.fold LIKE ?{} OR q.speaker_key IN (", args.len() + 1));
            args.push(like_words(s).into());
            let marks: Vec<String> = keys.iter().map(|k| {
                args.push(k.clone().into());
                format!("?{}", args.len())
            }).collect();
            sql.push_str(&marks.join(","));
            sql.push_str("))");
        }
        push_days(&mut sql, &mut args, "q.day", filter.from, filter.to);
        sql.push_str(" ORDER BY a.day DESC, q.article_id DESC, q.n");
        if filter.limit > 0 {
            sql.push_str(&format!(" LIMIT {}", filter.limit));
        }
        let mut stmt = self.db.prepare(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(args), QuoteRow::from_row)?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// Events, newest article first, optionally of one type and one actor and within days.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventRow>> {
        let mut sql = String::from(
            "SELECT e.article_id, a.source, a.published, e.json FROM events e JOIN articles a ON a.id = e.article_id WHERE 1=1",
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
        sql.push_str(" ORDER BY a.day DESC, e.article_id DESC, e.n");
        if filter.limit > 0 {
            sql.push_str(&format!(" LIMIT {}", filter.limit));
        }
        let mut stmt = self.db.prepare(&sql)?;
        let rows = stmt
            .query_map(params_from_iter(args), |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?, r.get::<_, String>(3)?))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .map(|(article, source, published, json)| Ok(EventRow { article, source, published, event: serde_json::from_str(&json)? }))
            .collect()
    }
}

impl Store {
    /// Adds to an events query (`e` the events table) the condition that `actor` (id or
    /// whole words of a name) is one of the event's actors.
    pub(crate) fn push_actor(&self, sql: &mut String, args: &mut Vec<rusqlite::types::Value>, actor: &str) -> Result<()> {
        let keys = self.resolve_entity(actor, None)?;
        let marks: Vec<String> = keys
            .iter()
            .map(|k| {
                args.push(k.clone().into());
                format!("?{}", args.len())
            })
            .collect();
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM event_actors x WHERE x.article_id = e.article_id AND x.n = e.n AND x.key IN ({}))",
            marks.join(",")
        ));
        Ok(())
    }
}

/// Adds `col >= from` and `col <= to` (days as `yyyymmdd`) to a query.
pub(crate) fn push_days(sql: &mut String, args: &mut Vec<rusqlite::types::Value>, col: &str, from: Option<Day>, to: Option<Day>) {
    if let Some(d) = from {
        args.push((d as i64).into());
        sql.push_str(&format!(" AND {col} >= ?{}", args.len()));
    }
    if let Some(d) = to {
        args.push((d as i64).into());
        sql.push_str(&format!(" AND {col} <= ?{}", args.len()));
    }
}

/// The `text` of a stored record, borrowed when it has no escapes.
#[derive(serde::Deserialize)]
struct TextOnly<'a> {
    #[serde(borrow, default)]
    text: std::borrow::Cow<'a, str>,
}

/// Collects every matching document as (score, article id), read from the `id` fast field.
struct AllMatches;

struct AllMatchesSegment {
    ids: tantivy::columnar::Column<u64>,
    out: Vec<(f32, u64)>,
}

impl Collector for AllMatches {
    type Fruit = Vec<(f32, u64)>;
    type Child = AllMatchesSegment;

    fn for_segment(&self, _ord: u32, reader: &SegmentReader) -> tantivy::Result<AllMatchesSegment> {
        Ok(AllMatchesSegment { ids: reader.fast_fields().u64("id")?, out: Vec::new() })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, fruits: Vec<Vec<(f32, u64)>>) -> tantivy::Result<Vec<(f32, u64)>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for AllMatchesSegment {
    type Fruit = Vec<(f32, u64)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        if let Some(id) = self.ids.first(doc) {
            self.out.push((score, id));
        }
    }

    fn harvest(self) -> Vec<(f32, u64)> {
        self.out
    }
}

/// Article id → (cluster, outlet) for every stored article, as small integers, kept in memory
/// so that search can group thousands of matches by story without a query per match. Caught
/// up with SQLite (articles past the last id seen) before each search.
#[derive(Debug, Default)]
pub(crate) struct StoryMap {
    upto: i64,
    /// Indexed by article id: cluster index (u32::MAX: none), outlet index (u32::MAX: none).
    by_id: Vec<(u32, u32)>,
    clusters: std::collections::HashMap<String, u32>,
    agencies: Vec<String>,
    agency_ix: std::collections::HashMap<String, u32>,
}

impl StoryMap {
    /// Loads the articles past the last one seen.
    pub(crate) fn refresh(&mut self, db: &rusqlite::Connection) -> Result<()> {
        let max: i64 = db.prepare_cached("SELECT coalesce(max(id), 0) FROM articles")?.query_row([], |r| r.get(0))?;
        if max <= self.upto {
            return Ok(());
        }
        // A first load scans the small covering index `articles_story` (never the rows, whose
        // large `json` precedes `cluster`); later ones read the few new rows by id.
        let sql = if self.upto == 0 {
            "SELECT id, cluster, agency_id FROM articles INDEXED BY articles_story WHERE id > ?1"
        } else {
            "SELECT id, cluster, agency_id FROM articles WHERE id > ?1"
        };
        let mut stmt = db.prepare_cached(sql)?;
        let mut rows = stmt.query([self.upto])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let cluster: Option<String> = r.get(1)?;
            let agency: Option<String> = r.get(2)?;
            let c = match cluster {
                Some(c) => {
                    let n = self.clusters.len() as u32;
                    *self.clusters.entry(c).or_insert(n)
                }
                None => u32::MAX,
            };
            let a = match agency {
                Some(a) => match self.agency_ix.get(&a) {
                    Some(&i) => i,
                    None => {
                        let i = self.agencies.len() as u32;
                        self.agencies.push(a.clone());
                        self.agency_ix.insert(a, i);
                        i
                    }
                },
                None => u32::MAX,
            };
            let ix = id.max(0) as usize;
            if self.by_id.len() <= ix {
                self.by_id.resize(ix + 1, (u32::MAX, u32::MAX));
            }
            self.by_id[ix] = (c, a);
            self.upto = self.upto.max(id);
        }
        Ok(())
    }

    /// Forgets everything (after a rolled-back batch, whose ids SQLite may give out again).
    pub(crate) fn reset(&mut self) {
        *self = StoryMap::default();
    }

    /// The story key of article `id`: its cluster (high bit set), else the article itself.
    pub(crate) fn story(&self, id: i64) -> u64 {
        match self.get(id).0 {
            Some(c) => (1u64 << 63) | u64::from(c),
            None => id as u64,
        }
    }

    fn get(&self, id: i64) -> (Option<u32>, Option<u32>) {
        let (c, a) = self.by_id.get(id.max(0) as usize).copied().unwrap_or((u32::MAX, u32::MAX));
        ((c != u32::MAX).then_some(c), (a != u32::MAX).then_some(a))
    }

    fn agency_name(&self, a: u32) -> &str {
        &self.agencies[a as usize]
    }
}
