//! Segmentation throughput on the shipped sample article
//! (`examples/korea-utara/source.id.txt`) repeated to 2 MB and 20 MB, in the
//! three layouts people paste: one paragraph per line, blank lines between
//! paragraphs, and hard-wrapped at 72 columns. The two sizes show that time
//! is linear in the input; the layouts exercise every path of the paragraph
//! rules (the wrapped one measures the wrap-column pass).
//!
//! `SELARAS_BENCH_CORPUS=FILE` adds a group over that file (for example the
//! treebank text written by `benches/make_corpus.py`), so that the
//! library's speed can be compared on the same text as the whole-process
//! comparison with ICU.
//!
//! `cargo bench --bench segment`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use selaras::segment::{Lang, SegmenterConfig, segment};

const SAMPLE: &str = include_str!("../examples/korea-utara/source.id.txt");

/// Greedy hard wrap at `column` characters.
fn wrap(paragraph: &str, column: usize) -> String {
    let mut out = String::new();
    let mut line_width = 0;
    for word in paragraph.split(' ') {
        let word_width = word.chars().count();
        if line_width > 0 && line_width + 1 + word_width > column {
            out.push('\n');
            line_width = 0;
        } else if line_width > 0 {
            out.push(' ');
            line_width += 1;
        }
        out.push_str(word);
        line_width += word_width;
    }
    out
}

/// The sample in a layout, repeated to at least `bytes`.
fn corpus(layout: &str, bytes: usize) -> String {
    let lines: Vec<&str> = SAMPLE.lines().collect();
    let article = match layout {
        "lines" => SAMPLE.to_string(),
        "blank" => lines.join("\n\n") + "\n\n",
        _ => lines.iter().map(|line| wrap(line, 72)).collect::<Vec<_>>().join("\n\n") + "\n\n",
    };
    let mut text = String::with_capacity(bytes + article.len());
    while text.len() < bytes {
        text.push_str(&article);
    }
    text
}

fn bench_segment(c: &mut Criterion) {
    let mut group = c.benchmark_group("segment");
    group.sample_size(10);
    for (size_name, bytes) in [("2mb", 2 << 20), ("20mb", 20 << 20)] {
        for layout in ["lines", "blank", "wrapped"] {
            let text = corpus(layout, bytes);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_function(format!("sample_{layout}_{size_name}"), |b| {
                b.iter(|| segment(black_box(&text), SegmenterConfig::default()).units.len())
            });
        }
    }
    let english = SegmenterConfig {
        lang: Lang::En,
        ..Default::default()
    };
    let text = corpus("lines", 20 << 20);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("sample_lines_20mb_as_english", |b| {
        b.iter(|| segment(black_box(&text), english).units.len())
    });
    if let Some(path) = std::env::var_os("SELARAS_BENCH_CORPUS") {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.to_string_lossy()));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function("corpus_file", |b| {
            b.iter(|| segment(black_box(&text), SegmenterConfig::default()).units.len())
        });
        group.bench_function("corpus_file_as_english", |b| {
            b.iter(|| segment(black_box(&text), english).units.len())
        });
    }
    group.finish();
}

criterion_group!(benches, bench_segment);
criterion_main!(benches);
