//! Segmentation throughput on about 20 MB of Indonesian news text: the
//! shipped sample article, repeated. A bench reads nothing outside the
//! repository unless asked: with `SELARAS_BENCH_DATA=DIR` the `text` fields
//! of `DIR/segmentation/{csui-train,gsd-dev}.jsonl` are used instead (the
//! development data, UD Indonesian GSD and CSUI, CC BY-SA 4.0, has that
//! layout). One document per paragraph line.
//!
//! `cargo bench --bench segment`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use selaras::segment::{Lang, SegmenterConfig, segment};

const TARGET_BYTES: usize = 20 << 20;

fn corpus() -> String {
    let mut documents = Vec::new();
    let data_dir = std::env::var_os("SELARAS_BENCH_DATA").map(|dir| std::path::PathBuf::from(dir).join("segmentation"));
    for name in ["csui-train.jsonl", "gsd-dev.jsonl"] {
        let Some(data_dir) = &data_dir else { break };
        let content = std::fs::read_to_string(data_dir.join(name))
            .unwrap_or_else(|error| panic!("SELARAS_BENCH_DATA: {}: {error}", data_dir.join(name).display()));
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
