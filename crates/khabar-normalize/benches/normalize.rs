//! Normalization throughput on ~10 MB of news-like text (the crate's own sentences, glued and spaced).
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
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

fn bench(c: &mut Criterion) {
    let lines = corpus();
    let chars: usize = lines.iter().map(|l| l.chars().count()).sum();
    let n = Normalizer::default();
    n.warm_up();
    let mut g = c.benchmark_group("normalize");
    g.sample_size(10);
    g.throughput(Throughput::Elements(chars as u64));
    g.bench_function("normalize_str_10MB", |b| {
        b.iter(|| lines.iter().map(|l| n.normalize_str(l).len()).sum::<usize>())
    });
    g.bench_function("normalize_aligned_10MB", |b| {
        b.iter(|| lines.iter().map(|l| n.normalize(l).len_chars()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
