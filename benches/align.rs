//! Aligner benchmarks: the sample article end to end (segment both sides,
//! align), and a 20 000-sentence pair.
//!
//! ```text
//! cargo bench --bench align
//! ```
//!
//! The long pair concatenates documents until the source has 20 000
//! sentences; each further copy drops a different number of leading words
//! from every sentence, so that no copy repeats an earlier one verbatim
//! (that would be a repeated block). The documents are the sample article's
//! sentences (its faulty draft omits and merges some), or, only when
//! `SELARAS_BENCH_DATA=DIR` is set, those of `DIR/alignment/gsd-dev.mixed.jsonl`
//! and `csui-train.mixed.jsonl` (the development data's layout, whose drafts
//! omit, add, merge and split sentences). Nothing outside the repository is
//! read unless asked.

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use selaras::align::{AlignUnit, align, units_from_segmentation};
use selaras::segment::{Lang, ParagraphMode, SegmenterConfig, segment};

fn article(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/korea-utara");
    let source = std::fs::read_to_string(root.join("source.id.txt")).expect("sample source");
    let draft = std::fs::read_to_string(root.join("draft.en.txt")).expect("sample draft");
    c.bench_function("align/article (segment + align)", |b| {
        b.iter(|| {
            let config = |lang| SegmenterConfig {
                lang,
                paragraphs: ParagraphMode::Auto,
            };
            let source_segmentation = segment(&source, config(Lang::Id));
            let draft_segmentation = segment(&draft, config(Lang::En));
            let source_units = units_from_segmentation(&source, &source_segmentation);
            let draft_units = units_from_segmentation(&draft, &draft_segmentation);
            black_box(align(&source_units, &draft_units))
        })
    });
}

/// Source and draft sentences of the long pair.
fn long_pair(n_source: usize) -> (Vec<String>, Vec<String>) {
    let mut docs = Vec::new();
    match std::env::var_os("SELARAS_BENCH_DATA") {
        Some(dir) => {
            let data = Path::new(&dir).join("alignment");
            for name in ["gsd-dev.mixed.jsonl", "csui-train.mixed.jsonl"] {
                let path = data.join(name);
                let text = std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
                for line in text.lines().filter(|l| !l.trim().is_empty()) {
                    let doc: serde_json::Value = serde_json::from_str(line).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
                    let sents = |key: &str| -> Vec<String> {
                        doc[key]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .filter_map(|s| s.as_str().map(str::to_string))
                            .collect()
                    };
                    docs.push((sents("source_sents"), sents("target_sents")));
                }
            }
        }
        None => {
            let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/korea-utara");
            let sentences = |name: &str, lang| -> Vec<String> {
                let text = std::fs::read_to_string(root.join(name)).expect("sample article");
                let config = SegmenterConfig {
                    lang,
                    paragraphs: ParagraphMode::Auto,
                };
                let segmentation = segment(&text, config);
                segmentation.units.iter().map(|unit| unit.span.slice(&text).to_string()).collect()
            };
            docs.push((sentences("source.id.txt", Lang::Id), sentences("draft-errors.en.txt", Lang::En)));
        }
    }
    let vary = |sentence: &str, copy: usize| -> String {
        let words: Vec<&str> = sentence.split_whitespace().collect();
        let skip = copy % words.len().saturating_sub(1).max(1);
        words[skip..].join(" ")
    };
    let (mut source, mut target) = (Vec::new(), Vec::new());
    let mut copy = 0;
    while source.len() < n_source {
        for (doc_source, doc_target) in &docs {
            if source.len() >= n_source {
                break;
            }
            source.extend(doc_source.iter().map(|s| vary(s, copy)));
            target.extend(doc_target.iter().map(|s| vary(s, copy)));
        }
        copy += 1;
    }
    (source, target)
}

fn long(c: &mut Criterion) {
    let (source, target) = long_pair(20_000);
    let (source_units, target_units) = (units(&source), units(&target));
    let mut group = c.benchmark_group("align/long");
    group.sample_size(10);
    group.bench_function(format!("{} x {} sentences", source.len(), target.len()), |b| {
        b.iter(|| black_box(align(&source_units, &target_units)))
    });
    group.finish();
}

/// One unit per sentence, all in one paragraph.
fn units(sents: &[String]) -> Vec<AlignUnit<'_>> {
    sents
        .iter()
        .map(|text| AlignUnit {
            text,
            paragraph: 1,
            repeat_of: None,
        })
        .collect()
}

criterion_group!(benches, article, long);
criterion_main!(benches);
