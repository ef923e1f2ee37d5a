//! Entities in Persian news linked to khabar's knowledge base: persons with dated roles,
//! organizations, places and named events.
//!
//! [`kb`] reads the knowledge base (`data/kb/*.tsv`); [`compact`] is the spelling-insensitive
//! view of text that names are matched on; [`recognize`] finds and links mentions.

pub mod compact;
pub mod kb;
pub mod recognize;
pub mod role_names;

pub use kb::{Day, Kb, Kind, Stats};
pub use recognize::{Entity, Mention, Recognizer, RoleOut, Via, is_surname_suffix};
pub use role_names::RoleNames;

use khabar_extract::Article;

/// The article's publication day, from its `published` field ("YYYY-MM-DD...").
pub fn article_day(a: &Article) -> Option<Day> {
    a.published.as_deref().and_then(|p| Day::parse(p.get(..10)?, false))
}

/// An article record with its entity layer, as `khabar process` writes it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Record<'a> {
    /// The article fields.
    #[serde(flatten)]
    pub article: &'a Article,
    /// Entities with mentions indexing `article.text`.
    pub entities: Vec<Entity>,
}

/// Recognizes the entities of an article with the shipped knowledge base.
pub fn annotate(a: &Article) -> Record<'_> {
    Record { article: a, entities: Recognizer::builtin().recognize(&a.text, article_day(a)) }
}
