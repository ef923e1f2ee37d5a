//! Entity recognition throughput on the bundled sample corpus's article texts, repeated:
//! `cargo run --release -p khabar-entities --example entity_throughput [ROUNDS]`.
//! Prints the one-time start-up cost, then MB/s of article text on one core (use `perf stat -e instructions` for a
//! load-independent count).

use std::time::Instant;

fn main() {
    let rounds: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(50);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/sample");
    let ex = khabar_extract::Extractor::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir).expect("corpus/sample").flatten().map(|e| e.path()).collect();
    paths.sort();
    let arts: Vec<_> = paths
        .iter()
        .filter_map(|p| ex.extract_bytes(&p.display().to_string(), &std::fs::read(p).ok()?).ok())
        .map(|x| x.article)
        .collect();
    // The first call builds the name automata once per process: timed apart, so the rate is the steady state's.
    let t = Instant::now();
    let r = khabar_entities::Recognizer::builtin();
    if let Some(a) = arts.first() {
        r.recognize(&a.text, khabar_entities::article_day(a));
    }
    println!("first call (knowledge base and automata built): {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    let bytes: usize = arts.iter().map(|a| a.text.len()).sum::<usize>() * rounds;
    let t = Instant::now();
    let mut mentions = 0;
    for _ in 0..rounds {
        for a in &arts {
            mentions += r.recognize(&a.text, khabar_entities::article_day(a)).iter().map(|e| e.mentions.len()).sum::<usize>();
        }
    }
    let s = t.elapsed().as_secs_f64();
    println!("{:.1} MB in {s:.3} s: {:.1} MB/s ({mentions} mentions)", bytes as f64 / 1e6, bytes as f64 / s / 1e6);
}
