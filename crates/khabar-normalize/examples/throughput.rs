//! Development tool: throughput of `normalize_str` / `normalize` on the benchmark corpus (~10 MB built from
//! `tests/data/news50.txt` exactly as `benches/normalize.rs` does), for profiling with `perf record`.
//! Usage: `throughput [str|aligned] [rounds] [--no-zwnj] [--no-join] [--no-punct]`.
use std::time::Instant;

use khabar_normalize::Normalizer;

fn corpus() -> Vec<String> {
    let base: Vec<String> = include_str!("../tests/data/news50.txt")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .flat_map(|l| [l.replace('|', ""), l.replace('|', " "), l.replace('|', "\u{200c}")])
        .collect();
    let mut lines = Vec::new();
    let mut bytes = 0;
    let mut i = 0usize;
    while bytes < 10_000_000 {
        let l = format!("{} {}", base[i % base.len()], base[(i * 7 + 3) % base.len()]);
        bytes += l.len();
        lines.push(l);
        i += 1;
    }
    lines
}

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_else(|| "str".into());
    let rounds: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(5);
    let lines = corpus();
    let chars: usize = lines.iter().map(|l| l.chars().count()).sum();
    let mut o = khabar_normalize::NormalizerOptions::default();
    for a in std::env::args().skip(3) {
        match a.as_str() {
            "--no-zwnj" => o.restore_zwnj = false,
            "--no-join" => o.join_spaced = false,
            "--no-punct" => o.fix_punctuation = false,
            _ => {}
        }
    }
    let n = Normalizer::new(o);
    n.warm_up();
    let mut best = f64::MAX;
    let mut sink = 0usize;
    for _ in 0..rounds {
        let t = Instant::now();
        if mode == "aligned" {
            sink += lines.iter().map(|l| n.normalize(l).len_chars()).sum::<usize>();
        } else {
            sink += lines.iter().map(|l| n.normalize_str(l).len()).sum::<usize>();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!("{mode}: {:.1} M chars/s (best of {rounds}, {chars} chars, sink {sink})", chars as f64 / best / 1e6);
}
