//! Reading the archive: full-text search with filters, quotes, events.

use std::collections::BTreeMap;
use std::ops::Bound;

use khabar_normalize::fold_for_search;
use rusqlite::params_from_iter;
use serde::Serialize;
use tantivy::collector::{Count, FacetCollector, TopDocs};
use tantivy::query::{AllQuery, BooleanQuery, EmptyQuery, Occur, PhraseQuery, Query as TQuery, RangeQuery, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::snippet::SnippetGenerator;
use tantivy::{TantivyDocument, Term};

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
}

/// Counts over all matching articles (not only the returned page).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facets {
    /// Matching articles per outlet id, most first.
    pub agencies: Vec<(String, u64)>,
}

/// The answer to a [`Query`].
#[derive(Debug, Clone, Default, Serialize)]
pub struct Results {
    /// How many articles match.
    pub total: usize,
    /// The requested page, best first.
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
        let mut facets = FacetCollector::for_field("agency_facet");
        facets.add_facet("/");
        let limit = q.limit.max(1);
        let (top, total, facet_counts) =
            searcher.search(&query, &(TopDocs::with_limit(limit).and_offset(q.offset).order_by_score(), Count, facets))?;
        let mut agencies: Vec<(String, u64)> =
            facet_counts.get("/").map(|(facet, n)| (facet.to_path().last().map(|s| s.to_string()).unwrap_or_default(), n)).collect();
        agencies.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
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
            "SELECT source, title, agency_id, published, published_jalali, json FROM articles WHERE id = ?1",
        )?;
        for (score, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let Some(id) = doc.get_first(f.id).and_then(|v| v.as_u64()) else { continue };
            let row = stmt.query_row([id as i64], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                    r.get::<_, String>(5)?,
                ))
            });
            let Ok((source, title, agency, published, published_jalali, json)) = row else { continue };
            let v: serde_json::Value = serde_json::from_str(&json)?;
            let text = v.get("text").and_then(|t| t.as_str()).unwrap_or_default();
            let snippet = match &snippets {
                Some(g) => {
                    let s = g.snippet(text);
                    Snippet { text: s.fragment().to_string(), highlights: s.highlighted().to_vec() }
                }
                None => Snippet { text: text.chars().take(200).collect(), highlights: Vec::new() },
            };
            hits.push(Hit { id: id as i64, score, source, title, agency, published, published_jalali, snippet });
        }
        Ok(Results { total, hits, facets: Facets { agencies } })
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
            .query_map(params_from_iter(args), |r| {
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
            })?
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
            let keys = self.resolve_entity(actor, None)?;
            let marks: Vec<String> = keys.iter().map(|k| {
                args.push(k.clone().into());
                format!("?{}", args.len())
            }).collect();
            sql.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM event_actors x WHERE x.article_id = e.article_id AND x.n = e.n AND x.key IN ({}))",
                marks.join(",")
            ));
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

fn push_days(sql: &mut String, args: &mut Vec<rusqlite::types::Value>, col: &str, from: Option<Day>, to: Option<Day>) {
    if let Some(d) = from {
        args.push((d as i64).into());
        sql.push_str(&format!(" AND {col} >= ?{}", args.len()));
    }
    if let Some(d) = to {
        args.push((d as i64).into());
        sql.push_str(&format!(" AND {col} <= ?{}", args.len()));
    }
}
