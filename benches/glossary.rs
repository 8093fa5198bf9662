//! Glossary matching throughput: our matcher (normalisation with an offset
//! map, leftmost-longest search with fallback to shorter terms, boundary and
//! morphology tests) against the raw automata over the same keys on
//! pre-lower-cased text (aho-corasick's own choice, a DFA for the small
//! set, and daachorse's double array, both leftmost-longest), with a
//! 1k-term and a 100k-term synthetic glossary, over a few MB of Indonesian
//! text. Our matcher runs line by line, as `apply` runs piece by piece.
//!
//! The text is `examples/korea-utara/source.id.txt` (plus, only when
//! `SELARAS_BENCH_DATA=DIR` is set, the `text` fields of
//! `DIR/segmentation/*.jsonl`: nothing outside the repository is read
//! unless asked), repeated to
//! `SELARAS_BENCH_MB` MB (default 4). The glossaries are random 1–3-word
//! n-grams of the text's words (a fixed seed), so most terms occur.
//! `benches/make_glossary.py` writes the same kind of inputs to files for
//! the end-to-end comparison with `ac_counts.py`.

use std::path::Path;

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use daachorse::{CharwiseDoubleArrayAhoCorasick, CharwiseDoubleArrayAhoCorasickBuilder};
use selaras::glossary::matcher::Scratch;
use selaras::glossary::normalize::{KeyOptions, key};
use selaras::glossary::{Entry, Glossary, Matcher, Origin};
use selaras::text::Span;

fn bench_text() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut base = std::fs::read_to_string(root.join("examples/korea-utara/source.id.txt")).unwrap();
    let data = std::env::var_os("SELARAS_BENCH_DATA").map(|dir| Path::new(&dir).join("segmentation"));
    if let Some(dir) = data.map(|dir| std::fs::read_dir(&dir).unwrap_or_else(|error| panic!("{}: {error}", dir.display()))) {
        let mut paths: Vec<_> = dir
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
            .collect();
        paths.sort();
        for path in paths {
            for line in std::fs::read_to_string(path).unwrap().lines() {
                let value: serde_json::Value = serde_json::from_str(line).unwrap();
                base.push_str(value["text"].as_str().unwrap_or(""));
                base.push('\n');
            }
        }
    }
    let megabytes: usize = std::env::var("SELARAS_BENCH_MB").ok().and_then(|v| v.parse().ok()).unwrap_or(4);
    let mut text = String::with_capacity(megabytes << 20);
    while text.len() < megabytes << 20 {
        text.push_str(&base);
    }
    text
}

/// `n_terms` distinct 1–3-word n-grams of `text`, chosen with a fixed seed.
fn synthetic_glossary(text: &str, n_terms: usize) -> Glossary {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(2_000_000)
        .collect();
    let origin = Origin::new(&std::sync::Arc::from(Path::new("synthetic.tsv")), 1);
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut seen = std::collections::HashSet::new();
    let mut entries = Vec::with_capacity(n_terms);
    let mut attempts = 0;
    while entries.len() < n_terms && attempts < n_terms * 50 {
        attempts += 1;
        let n_words = 1 + (next() % 3) as usize;
        let start = (next() as usize) % (words.len() - n_words);
        let term = words[start..start + n_words].join(" ");
        if seen.insert(key(&term, KeyOptions::FOLDED)) {
            entries.push(Entry::new(term.clone(), format!("{term}-en"), origin.clone()));
        }
    }
    // Invented terms once the text has no new n-grams left.
    while entries.len() < n_terms {
        let term = format!(
            "{} {}",
            words[(next() as usize) % words.len()],
            words[(next() as usize) % words.len()]
        );
        if seen.insert(key(&term, KeyOptions::FOLDED)) {
            entries.push(Entry::new(term.clone(), format!("{term}-en"), origin.clone()));
        }
    }
    Glossary::new(entries)
}

fn matching(c: &mut Criterion) {
    let text = bench_text();
    let lines: Vec<Span> = {
        let mut start = 0;
        text.split_inclusive('\n')
            .map(|line| {
                let span = Span::new(start, start + line.len());
                start += line.len();
                span
            })
            .collect()
    };
    let lowered = text.to_lowercase();
    for n_terms in [1_000, 100_000] {
        let glossary = synthetic_glossary(&text, n_terms);
        let keys: Vec<String> = glossary.entries.iter().map(|e| key(&e.sources[0], KeyOptions::FOLDED)).collect();
        let matcher = Matcher::new(glossary).unwrap();
        let mut group = c.benchmark_group(format!("glossary_{}k", n_terms / 1000));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.sample_size(10);
        group.bench_function("selaras_matcher", |b| {
            let mut scratch = Scratch::default();
            let mut hits = Vec::new();
            b.iter(|| {
                hits.clear();
                for &line in &lines {
                    matcher.find_in(&text, line, &mut scratch, &mut hits);
                }
                hits.len()
            })
        });
        // Raw automata: aho-corasick with the kind it picks itself (its DFA
        // for the small set, an NFA for the large one), and daachorse's
        // character-wise double array, the one the matcher uses.
        let raw_ac = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&keys).unwrap();
        group.bench_function("raw_ac_leftmost_longest", |b| b.iter(|| raw_ac.find_iter(lowered.as_str()).count()));
        let raw_daac: CharwiseDoubleArrayAhoCorasick<u32> = CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(daachorse::MatchKind::LeftmostLongest)
            .build(&keys)
            .unwrap();
        group.bench_function("raw_daachorse_leftmost_longest", |b| {
            b.iter(|| raw_daac.leftmost_find_iter(lowered.as_str()).count())
        });
        group.finish();
    }
}

criterion_group!(benches, matching);
criterion_main!(benches);
