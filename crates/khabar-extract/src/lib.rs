//! Article extraction from scraped Persian news.
//!
//! The stages, in order: [`decode`] bytes to text, split the text into lines and tell
//! site chrome from content with [`chrome`] rules, find the [`dates`], the news id and
//! the [`agency`], lay the article out as kicker, title, lead and body ([`layout`]), and
//! assemble the normalized [`record::Article`] ([`extract`]).
//!
//! ```no_run
//! let ex = khabar_extract::Extractor::new();
//! let out = ex.extract_bytes("page.txt", "عنوان خبر\nمتن خبر ...".as_bytes()).unwrap();
//! println!("{}", serde_json::to_string(&out.article).unwrap());
//! ```

pub mod agency;
pub mod chrome;
pub mod dates;
pub mod decode;
pub mod extract;
pub mod fold;
pub mod layout;
pub mod record;

pub use extract::{ExtractError, Extracted, Extractor, Hints, OffsetMap};
pub use record::{AgencyRef, Article, Segment};
