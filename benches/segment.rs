//! Segmentation throughput on about 20 MB of Indonesian news text built from
//! the development data (`../shared/data/segmentation/*.jsonl`, UD Indonesian
//! GSD and CSUI, CC BY-SA 4.0), falling back to the shipped sample article
//! where that folder is missing. One document per paragraph line.
//!
//! `cargo bench --bench segment`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use selaras::segment::{Lang, SegmenterConfig, segment};

const TARGET_BYTES: usize = 20 << 20;

fn corpus() -> String {
    let data_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/segmentation");
    let mut documents = Vec::new();
    for name in ["csui-train.jsonl", "gsd-dev.jsonl"] {
        let Ok(content) = std::fs::read_to_string(format!("{data_dir}/{name}")) else {
            continue;
        };
        for line in content.lines() {
            if let Ok(value) = serde_json::from_str::<serde_json::Value>(line)
                && let Some(text) = value["text"].as_str()
            {
                documents.push(text.to_string());
            }
        }
    }
    if documents.is_empty() {
        documents.push(include_str!("../examples/korea-utara/source.id.txt").to_string());
    }
    let mut corpus = String::with_capacity(TARGET_BYTES + (1 << 16));
    while corpus.len() < TARGET_BYTES {
        for document in &documents {
            corpus.push_str(document);
            corpus.push('\n');
        }
    }
    corpus
}

fn bench_segment(c: &mut Criterion) {
    let text = corpus();
    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("indonesian_20mb", |b| {
        b.iter(|| segment(black_box(&text), SegmenterConfig::default()).units.len())
    });
    group.bench_function("indonesian_20mb_as_english", |b| {
        let config = SegmenterConfig {
            lang: Lang::En,
            ..Default::default()
        };
        b.iter(|| segment(black_box(&text), config).units.len())
    });
    group.finish();
}

criterion_group!(benches, bench_segment);
criterion_main!(benches);
