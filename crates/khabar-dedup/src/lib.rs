//! Near-duplicate detection: MinHash signatures over word shingles, banded LSH, clusters.
//!
//! Copies of one story (republished by another outlet, re-headlined, a paragraph dropped, the
//! agency line changed) share most of their word n-grams; unrelated articles on the same topic
//! share names and phrases but few runs of three words. A document's [`Signature`] is the MinHash
//! of its set of word 3-grams (after a light fold: Arabic/Persian letter variants unified, ZWNJ,
//! diacritics and punctuation dropped, digits ASCII). Two documents are near-duplicates when the
//! estimated **resemblance** — the larger of their Jaccard similarity and their containment (the
//! share of the smaller document's shingles found in the larger one, derived from the Jaccard
//! estimate and the shingle counts) — reaches [`Params::threshold`] (default 0.5; see
//! `crates/khabar-dedup/NOTES.md` for how it was chosen and measured).
//!
//! [`Clusterer`] assigns each added document a cluster id, streaming: the first document of a
//! story founds the cluster and names it (`c` + 16 hex digits of a hash of its signature, so ids
//! are stable across runs); later copies get the same id. A new document is compared only with a
//! bounded number of each cluster's documents (its representatives, see [`Clusterer`]), so a
//! story with thousands of copies does not slow adding. Signatures serialize to bytes
//! ([`Signature::to_bytes`]) so an archive can store them and rebuild a clusterer with
//! [`Clusterer::insert`].
//!
//! ```
//! use khabar_dedup::Clusterer;
//! let mut c = Clusterer::default();
//! let a = c.add("سید عباس عراقچی وزیر امور خارجه صبح امروز در تهران با رافائل گروسی مدیرکل آژانس دیدار و درباره همکاری‌ها گفت‌وگو کرد");
//! let b = c.add("به گزارش ایسنا، سید عباس عراقچی وزیر امور خارجه صبح امروز در تهران با رافائل گروسی مدیرکل آژانس دیدار و درباره همکاری‌ها گفت‌وگو کرد");
//! let d = c.add("وزیر نفت امروز از پالایشگاه ستاره خلیج فارس بازدید کرد و از افزایش تولید بنزین خبر داد");
//! assert_eq!(a.cluster, b.cluster);
//! assert_ne!(a.cluster, d.cluster);
//! ```

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// Parameters of shingling, MinHash and LSH.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Params {
    /// Words per shingle.
    pub shingle: usize,
    /// Number of MinHash values per signature.
    pub num_hashes: usize,
    /// Resemblance (max of Jaccard and containment) at or above which two documents are copies.
    pub threshold: f64,
}

impl Default for Params {
    fn default() -> Self {
        Self { shingle: 3, num_hashes: 128, threshold: 0.5 }
    }
}

impl Params {
    /// Bands and rows per band for LSH: the most rows per band whose S-curve midpoint
    /// `(1/bands)^(1/rows)` stays at or below 60% of the Jaccard the threshold can imply, so
    /// true copies are almost always candidates (containment can be high with a lower Jaccard).
    pub fn bands(&self) -> (usize, usize) {
        let target = (self.threshold * 0.6).clamp(0.05, 0.95);
        let mut best = (self.num_hashes.max(1), 1);
        for rows in 1..=8usize {
            let bands = self.num_hashes / rows;
            if bands == 0 {
                break;
            }
            let mid = (1.0 / bands as f64).powf(1.0 / rows as f64);
            if mid <= target {
                best = (bands, rows);
            }
        }
        best
    }
}

/// The MinHash signature of one document and the number of distinct shingles it had.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    /// Distinct shingles in the document (0 for a document shorter than one shingle).
    pub shingles: u32,
    /// The minimum of each hash function over the shingles.
    pub mins: Vec<u32>,
}

impl Signature {
    /// Computes the signature of `text` with `params`.
    pub fn of(text: &str, params: &Params) -> Signature {
        let hashes = shingle_hashes(text, params.shingle.max(1));
        let mut mins = vec![u32::MAX; params.num_hashes];
        for &h in &hashes {
            for (i, m) in mins.iter_mut().enumerate() {
                let v = (mix(h ^ SEEDS[i % SEEDS.len()].wrapping_mul(i as u64 + 1)) >> 32) as u32;
                if v < *m {
                    *m = v;
                }
            }
        }
        Signature { shingles: hashes.len() as u32, mins }
    }

    /// Estimated Jaccard similarity of the two shingle sets.
    pub fn jaccard(&self, other: &Signature) -> f64 {
        if self.shingles == 0 || other.shingles == 0 || self.mins.len() != other.mins.len() || self.mins.is_empty() {
            return 0.0;
        }
        let same = self.mins.iter().zip(&other.mins).filter(|(a, b)| a == b).count();
        same as f64 / self.mins.len() as f64
    }

    /// Estimated resemblance: the larger of Jaccard and containment of the smaller set in the
    /// larger (|A∩B| = J·(|A|+|B|)/(1+J)); Jaccard alone when the smaller document has fewer
    /// than [`MIN_CONTAINED`] shingles.
    pub fn resemblance(&self, other: &Signature) -> f64 {
        let j = self.jaccard(other);
        if j == 0.0 {
            return 0.0;
        }
        let (a, b) = (self.shingles as f64, other.shingles as f64);
        if a.min(b) < MIN_CONTAINED as f64 {
            // A few words are contained in many texts: only Jaccard counts for them.
            return j;
        }
        let inter = j * (a + b) / (1.0 + j);
        (inter / a.min(b)).clamp(0.0, 1.0).max(j)
    }

    /// A stable 64-bit hash of the signature (names the clusters it founds).
    pub fn fingerprint(&self) -> u64 {
        self.mins.iter().fold(0x9E37_79B9_7F4A_7C15 ^ u64::from(self.shingles), |acc, &m| mix(acc ^ u64::from(m)))
    }

    /// Serializes as 4 bytes of shingle count then 4 bytes per value, little-endian.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(4 + 4 * self.mins.len());
        out.extend_from_slice(&self.shingles.to_le_bytes());
        for m in &self.mins {
            out.extend_from_slice(&m.to_le_bytes());
        }
        out
    }

    /// Reads what [`Signature::to_bytes`] wrote; `None` for a length that is not 4·(n+1).
    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if bytes.len() < 4 || bytes.len() % 4 != 0 {
            return None;
        }
        let mut words = bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]));
        let shingles = words.next()?;
        Some(Signature { shingles, mins: words.collect() })
    }
}

/// Fewest shingles a document needs before containment counts (shorter ones compare by Jaccard).
pub const MIN_CONTAINED: u32 = 20;

/// Per-hash seeds (from splitmix64), cycled and multiplied by the hash index.
const SEEDS: [u64; 8] = [
    0xE220_A839_7B1D_CDAF,
    0x6E78_9E6A_A1B9_65F4,
    0x06C4_5D18_8009_454F,
    0xF88B_B8A8_724C_81EC,
    0x1B39_896A_51A8_749B,
    0x53CB_9F0C_747E_A2EA,
    0x2C82_9ABE_1F45_32E1,
    0xC584_133A_C916_AB3C,
];

/// The splitmix64 finalizer: a fast, well-mixing 64-bit permutation.
#[inline]
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// FNV-1a over a word's chars, finished with `mix`.
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

/// The folded words of `text`: letters unified (ي→ی, ك→ک, ة→ه, أ/إ/آ→ا, ؤ→و, ئ→ی), ZWNJ,
/// diacritics and tatweel dropped (so "سازمان‌ها" = "سازمانها"), digits ASCII, Latin lower-cased,
/// anything that is not a letter or digit a word break.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        let c = match c {
            'ي' | 'ى' | 'ئ' => 'ی',
            'ك' => 'ک',
            'ة' => 'ه',
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ؤ' => 'و',
            '\u{200c}' | '\u{200d}' | '\u{0640}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | 'ء' => continue,
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            c => c,
        };
        // ASCII and the Arabic block (no case there) without the Unicode case tables.
        let word_char = if c.is_ascii() { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() };
        if word_char {
            match c {
                c if c.is_ascii() => cur.push(c.to_ascii_lowercase()),
                '\u{0600}'..='\u{06FF}' => cur.push(c),
                c => cur.extend(c.to_lowercase()),
            }
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Distinct hashes of the `k`-word shingles of `text` (one shingle of all words when the text
/// has fewer than `k`).
pub fn shingle_hashes(text: &str, k: usize) -> Vec<u64> {
    let hs: Vec<u64> = words(text).iter().map(|w| word_hash(w)).collect();
    if hs.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<u64> = if hs.len() < k {
        vec![hs.iter().fold(0, |a, &h| mix(a.rotate_left(17) ^ h))]
    } else {
        hs.windows(k).map(|w| w.iter().fold(0u64, |a, &h| mix(a.rotate_left(17) ^ h))).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// What [`Clusterer::add`] decided for one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    /// The cluster id, e.g. "c3f2a9d01b7e4c55"; equal for copies of one story.
    pub cluster: String,
    /// The document's index in the clusterer (0, 1, 2, ... in the order added).
    pub doc: usize,
    /// The earlier document it was found to copy (most resembling), if any.
    pub duplicate_of: Option<usize>,
    /// Resemblance to that document (1.0 for a founder).
    pub resemblance: f64,
    /// The document's signature, for storage.
    pub signature: Signature,
}

/// Most representatives a cluster keeps in the LSH buckets (see [`Clusterer`]).
pub const REPRESENTATIVES: usize = 32;

/// Resemblance to the cluster's representatives below which a new member brings enough new
/// text to become a representative itself (while the cluster has fewer than
/// [`REPRESENTATIVES`]).
pub const NOVELTY: f64 = 0.9;

/// Streaming near-duplicate clustering with banded LSH.
///
/// Only a bounded set of each cluster's documents, its **representatives**, is kept in the LSH
/// buckets and compared with new documents: the founder, then each member whose resemblance to
/// every representative so far is below [`NOVELTY`] (it brings new text: a longer version, other
/// paragraphs), up to [`REPRESENTATIVES`]. A story copied thousands of times thus costs a new
/// document at most that many comparisons instead of one per copy. Which documents represent a
/// cluster depends only on the order documents are added or inserted, so a clusterer rebuilt
/// with [`Clusterer::insert`] in the same order decides like the original.
#[derive(Debug, Clone)]
pub struct Clusterer {
    params: Params,
    bands: usize,
    rows: usize,
    /// band index → band hash → representatives (document indices).
    buckets: Vec<HashMap<u64, Vec<u32>>>,
    /// Per document: its cluster.
    docs: Vec<u32>,
    /// Signatures of the representatives, by document index.
    rep_sigs: HashMap<u32, Signature>,
    /// Per cluster: its representatives (document indices).
    reps: Vec<Vec<u32>>,
    cluster_names: Vec<String>,
    by_name: HashMap<String, u32>,
}

impl Default for Clusterer {
    fn default() -> Self {
        Self::new(Params::default())
    }
}

impl Clusterer {
    /// An empty clusterer.
    pub fn new(params: Params) -> Self {
        let (bands, rows) = params.bands();
        Self {
            params,
            bands,
            rows,
            buckets: vec![HashMap::new(); bands],
            docs: Vec::new(),
            rep_sigs: HashMap::new(),
            reps: Vec::new(),
            cluster_names: Vec::new(),
            by_name: HashMap::new(),
        }
    }

    /// The parameters in force.
    pub fn params(&self) -> &Params {
        &self.params
    }

    /// Number of documents added or inserted.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// True before the first document.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The signature of `text` under this clusterer's parameters.
    pub fn signature(&self, text: &str) -> Signature {
        Signature::of(text, &self.params)
    }

    /// Adds a document's text and returns its cluster.
    pub fn add(&mut self, text: &str) -> Assignment {
        let sig = self.signature(text);
        self.add_signature(sig)
    }

    /// Number of representatives kept for comparison (at most [`REPRESENTATIVES`] per cluster).
    pub fn representatives(&self) -> usize {
        self.rep_sigs.len()
    }

    /// The most resembling earlier representative at or above the threshold: its document
    /// index and the resemblance.
    pub fn best_match(&self, sig: &Signature) -> Option<(usize, f64)> {
        if sig.shingles == 0 || sig.mins.len() != self.params.num_hashes {
            return None;
        }
        // A set, not a list: a story copied thousands of times puts thousands of documents in
        // one bucket, and a linear `contains` made each add quadratic in that number.
        let mut seen: std::collections::HashSet<u32> = std::collections::HashSet::new();
        let mut best: Option<(usize, f64)> = None;
        for b in 0..self.bands {
            let Some(list) = self.buckets[b].get(&self.band_key(sig, b)) else { continue };
            for &d in list {
                if !seen.insert(d) {
                    continue;
                }
                let Some(other) = self.rep_sigs.get(&d) else { continue };
                let r = sig.resemblance(other);
                if r >= self.params.threshold && best.is_none_or(|(_, br)| r > br) {
                    best = Some((d as usize, r));
                }
            }
        }
        best
    }

    /// Adds a precomputed signature (same parameters) and returns its cluster.
    pub fn add_signature(&mut self, sig: Signature) -> Assignment {
        let found = self.best_match(&sig);
        let (cluster, duplicate_of, resemblance) = match found {
            Some((d, r)) => (self.docs[d], Some(d), r),
            None => {
                let name = format!("c{:016x}", sig.fingerprint());
                (self.intern(name), None, 1.0)
            }
        };
        let doc = self.push(sig.clone(), cluster);
        Assignment { cluster: self.cluster_names[cluster as usize].clone(), doc, duplicate_of, resemblance, signature: sig }
    }

    /// Inserts a stored document with its known cluster id (rebuilding from an archive).
    /// Returns its document index.
    pub fn insert(&mut self, sig: Signature, cluster: &str) -> usize {
        let c = self.intern(cluster.to_string());
        self.push(sig, c)
    }

    fn intern(&mut self, name: String) -> u32 {
        if let Some(&c) = self.by_name.get(&name) {
            return c;
        }
        let c = self.cluster_names.len() as u32;
        self.by_name.insert(name.clone(), c);
        self.cluster_names.push(name);
        self.reps.push(Vec::new());
        c
    }

    fn push(&mut self, sig: Signature, cluster: u32) -> usize {
        let d = self.docs.len();
        self.docs.push(cluster);
        if sig.shingles == 0 || sig.mins.len() != self.params.num_hashes {
            return d;
        }
        // A representative: the first members, as long as each brings new text.
        let reps = &self.reps[cluster as usize];
        if reps.len() >= REPRESENTATIVES
            || reps.iter().any(|r| self.rep_sigs.get(r).is_some_and(|s| sig.resemblance(s) >= NOVELTY))
        {
            return d;
        }
        for b in 0..self.bands {
            let k = self.band_key(&sig, b);
            self.buckets[b].entry(k).or_default().push(d as u32);
        }
        self.reps[cluster as usize].push(d as u32);
        self.rep_sigs.insert(d as u32, sig);
        d
    }

    fn band_key(&self, sig: &Signature, band: usize) -> u64 {
        sig.mins[band * self.rows..(band + 1) * self.rows].iter().fold(band as u64, |a, &m| mix(a ^ u64::from(m)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "سید عباس عراقچی وزیر امور خارجه صبح امروز پنجشنبه در تهران با رافائل گروسی مدیرکل آژانس بین‌المللی انرژی اتمی دیدار و درباره همکاری‌های ایران و آژانس گفت‌وگو کرد. گروسی که شامگاه چهارشنبه وارد تهران شده است در این سفر علاوه بر وزیر امور خارجه با رئیس سازمان انرژی اتمی نیز دیدار خواهد کرد. عراقچی پس از این دیدار گفت ایران برای مذاکره آماده است اما نه زیر فشار و ارعاب.";
    const B: &str = "وزیر نفت امروز از پالایشگاه ستاره خلیج فارس بازدید کرد و از افزایش ظرفیت تولید بنزین خبر داد. به گفته وی تولید روزانه این پالایشگاه به زودی افزایش می‌یابد و واردات بنزین متوقف خواهد شد.";

    #[test]
    fn copies_cluster_and_unrelated_do_not() {
        let mut c = Clusterer::default();
        let a = c.add(A);
        let b = c.add(B);
        // A copy: other agency line, a sentence dropped, ZWNJ lost, Arabic letters.
        let copy = A.replace("گروسی که شامگاه چهارشنبه وارد تهران شده است در این سفر علاوه بر وزیر امور خارجه با رئیس سازمان انرژی اتمی نیز دیدار خواهد کرد.", "")
            .replace('\u{200c}', "")
            .replace('ی', "ي");
        let a2 = c.add(&format!("به گزارش ایسنا، {copy}"));
        assert_eq!(a2.cluster, a.cluster);
        assert_eq!(a2.duplicate_of, Some(0));
        assert_ne!(a.cluster, b.cluster);
        assert!(a.cluster.starts_with('c') && a.cluster.len() == 17);
    }

    #[test]
    fn ids_are_stable_and_signatures_round_trip() {
        let p = Params::default();
        let s = Signature::of(A, &p);
        assert_eq!(Signature::from_bytes(&s.to_bytes()), Some(s.clone()));
        assert_eq!(Signature::from_bytes(&[1, 2, 3]), None);
        let mut c1 = Clusterer::default();
        let mut c2 = Clusterer::default();
        assert_eq!(c1.add(A).cluster, c2.add(A).cluster);
        // Rebuilt from storage, a copy joins the stored cluster.
        let mut c3 = Clusterer::default();
        c3.insert(s, "stored-7");
        assert_eq!(c3.add(&A.replace("پنجشنبه", "")).cluster, "stored-7");
    }

    #[test]
    fn bands_fit_the_threshold() {
        let (b, r) = Params::default().bands();
        assert!(b * r <= 128 && r >= 2);
        let (b, r) = Params { threshold: 0.9, ..Params::default() }.bands();
        assert!(b * r <= 128 && r >= 3);
        assert!(Signature::of("", &Params::default()).shingles == 0);
        assert_eq!(Clusterer::default().add("").duplicate_of, None);
    }

    #[test]
    fn a_story_with_many_copies_keeps_few_representatives_and_a_rebuild_decides_alike() {
        let words: Vec<&str> = B.split_whitespace().collect();
        // 300 copies of A, each with a different pair of words from B appended (so each is
        // distinct), then an unrelated article.
        let copies: Vec<String> =
            (0..300).map(|k| format!("{A} {} {} {k}", words[k % words.len()], words[(k * 7 + 3) % words.len()])).collect();
        let mut c = Clusterer::default();
        let first = c.add(A);
        let mut inserted = Clusterer::default();
        inserted.insert(first.signature.clone(), &first.cluster);
        for t in &copies {
            let a = c.add(t);
            assert_eq!(a.cluster, first.cluster, "{t}");
            inserted.insert(a.signature, &a.cluster);
        }
        assert!(c.representatives() <= REPRESENTATIVES, "{}", c.representatives());
        assert!(c.representatives() >= 1);
        let b = c.add(B);
        assert_ne!(b.cluster, first.cluster);
        // Rebuilt by inserting in the same order: same representatives, same decisions.
        assert_eq!(inserted.representatives() + 1, c.representatives());
        let probe = format!("به گزارش ایسنا، {A}");
        assert_eq!(inserted.add(&probe).duplicate_of, c.add(&probe).duplicate_of);
        // A representative per novel variant: near-identical copies do not take a slot.
        let mut same = Clusterer::default();
        for k in 0..50 {
            same.add(&format!("{A} {k}"));
        }
        assert!(same.representatives() < 5, "{}", same.representatives());
    }

    #[test]
    fn folding_unifies_spellings() {
        assert_eq!(words("سازمان‌های بين‌المللي ۱۲"), words("سازمانهای بینالمللی 12"));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,300}", t in 0.0f64..1.0) {
            let mut c = Clusterer::new(Params { threshold: t, ..Params::default() });
            let a = c.add(&s);
            let b = c.add(&s);
            if a.signature.shingles > 0 {
                proptest::prop_assert_eq!(a.cluster, b.cluster);
            }
        }
    }
}
