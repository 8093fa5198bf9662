//! Check benchmarks at two sizes per input shape, so that linear time shows
//! in the numbers (the larger size should take about its multiple of the
//! smaller one's time, never its square):
//!
//! * `check/sentences`: a pair of 20 000 and of 40 000 news-like sentences
//!   (four per paragraph, numbers, names and glossary terms in them);
//! * `check/short units`: 10 000 and 100 000 one-line paragraphs of `Ya.`
//!   against as many `Yes.` (the shape that once made the aligner's band
//!   grow to the whole grid);
//! * `check/xliff`: bilingual XLIFF files of 50 000 and 200 000 units, read
//!   and checked;
//! * `glossary/lint prefix terms`: 1 000 and 4 000 terms that are prefixes of
//!   each other (`a`, `a a`, …), the shadowed-term report;
//! * `glossary/apply one long line`: one line of 10 and 40 MB, segmented and
//!   searched;
//! * `outputs/diff view` and `outputs/xliff export`: the stages after the
//!   check, on the checked `check/sentences` pairs of 20 000 and 40 000
//!   sentences: the diff view built and drawn for the terminal and as the
//!   HTML page, and the XLIFF 1.2 export built and written;
//! * `check/one pair from the start`: what `selaras check source draft`
//!   does in one process: read the shipped glossaries, build the pipeline
//!   (matcher, term pairs), then check the sample article once and four
//!   times over (`start` alone is the first part). For a news article most
//!   of a run is its start, so this is the figure a single-pair CI step sees.
//!
//! ```text
//! cargo bench --bench check
//! cargo bench --bench check -- 'check/sentences'
//! ```
//!
//! Every input is generated here; nothing outside the repository is read.

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use selaras::glossary::lint::lint_glossaries;
use selaras::glossary::{Entry, Glossary, Matcher, Origin};
use selaras::pipeline::{Checked, Pipeline, PipelineOptions};
use selaras::segment::SegmenterConfig;

fn pipeline() -> Pipeline {
    Pipeline::new(
        selaras::glossary::load(&[], true).expect("shipped glossaries"),
        PipelineOptions::default(),
    )
    .expect("pipeline")
}

/// A small deterministic generator (no dependency, same inputs every run).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as usize % n
    }
}

/// `n` Indonesian sentences and their English drafts (word for word, with
/// a number each), four per paragraph.
fn sentences(n: usize) -> (String, String) {
    let id = [
        "pemerintah",
        "mengatakan",
        "warga",
        "kota",
        "harga",
        "naik",
        "bertemu",
        "hari",
        "ini",
        "rapat",
        "Jakarta",
        "Rusia",
        "Korea Utara",
        "Menteri Luar Negeri",
    ];
    let en = [
        "government",
        "said",
        "residents",
        "city",
        "prices",
        "rose",
        "met",
        "today",
        "this",
        "meeting",
        "Jakarta",
        "Russia",
        "North Korea",
        "Foreign Minister",
    ];
    let mut rng = Lcg(12);
    let (mut source, mut draft) = (String::new(), String::new());
    for idx in 0..n {
        let words: Vec<usize> = (0..6 + idx % 9).map(|_| rng.below(id.len())).collect();
        let join = |table: &[&str]| words.iter().map(|&w| table[w]).collect::<Vec<_>>().join(" ");
        source.push_str(&format!("Pada {idx} {} {}.", join(&id), idx % 97));
        draft.push_str(&format!("On {idx} {} {}.", join(&en), idx % 97));
        let separator = if idx % 4 == 3 { "\n" } else { " " };
        source.push_str(separator);
        draft.push_str(separator);
    }
    (source, draft)
}

fn check_sentences(c: &mut Criterion) {
    let pipeline = pipeline();
    let mut group = c.benchmark_group("check/sentences");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    for n in [20_000, 40_000] {
        let (source, draft) = sentences(n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| black_box(pipeline.run(&source, &draft)))
        });
    }
    group.finish();
}

fn check_short_units(c: &mut Criterion) {
    let pipeline = pipeline();
    let mut group = c.benchmark_group("check/short units");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    for n in [10_000, 100_000] {
        let (source, draft) = ("Ya.\n".repeat(n), "Yes.\n".repeat(n));
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| black_box(pipeline.run(&source, &draft)))
        });
    }
    group.finish();
}

/// An XLIFF 1.2 file of `n` translated units.
fn xliff(n: usize) -> String {
    let mut text = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file original=\"a.txt\" source-language=\"id\" target-language=\"en\" datatype=\"plaintext\"><body>\n",
    );
    for idx in 0..n {
        text.push_str(&format!(
            "<trans-unit id=\"u{idx}\"><source>Harga naik {idx} persen di Jakarta pada hari Senin.</source><target>Prices rose {idx} percent in Jakarta on Monday.</target></trans-unit>\n"
        ));
    }
    text.push_str("</body></file></xliff>\n");
    text
}

fn check_xliff(c: &mut Criterion) {
    let pipeline = pipeline();
    let mut group = c.benchmark_group("check/xliff");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    for n in [50_000, 200_000] {
        let text = xliff(n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                let file = selaras::xliff::parse(Path::new("bench.xlf"), &text).expect("valid XLIFF");
                black_box(selaras::xliff::check_xliff(&pipeline, &file))
            })
        });
    }
    group.finish();
}

fn lint_prefix_terms(c: &mut Criterion) {
    let mut group = c.benchmark_group("glossary/lint prefix terms");
    group.sample_size(10);
    let path: Arc<Path> = Arc::from(Path::new("prefix.tsv"));
    for n in [1_000, 4_000] {
        let glossary = Glossary::new(
            (1..=n)
                .map(|words| Entry::new(vec!["a"; words].join(" "), "x", Origin::new(&path, words)))
                .collect(),
        );
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, _| {
            b.iter(|| {
                let mut problems = Vec::new();
                lint_glossaries(std::slice::from_ref(&glossary), &mut problems);
                black_box(problems)
            })
        });
    }
    group.finish();
}

fn apply_one_long_line(c: &mut Criterion) {
    let mut group = c.benchmark_group("glossary/apply one long line");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    let shipped = selaras::glossary::load(&[], true).expect("shipped glossaries");
    for megabytes in [10, 40] {
        let piece = "Menteri Luar Negeri Korea Utara bertemu di Moskow dan harga naik 2,5 persen ";
        let line = piece.repeat(megabytes * (1 << 20) / piece.len());
        group.bench_with_input(BenchmarkId::new("MB", megabytes), &megabytes, |b, _| {
            b.iter(|| {
                let glossary = shipped.clone();
                let (_, _, occurrences) =
                    selaras::glossary::parallel::segment_and_apply(&line, SegmenterConfig::default(), move || Matcher::new(glossary))
                        .expect("apply");
                black_box(occurrences.len())
            })
        });
    }
    group.finish();
}

fn outputs(c: &mut Criterion) {
    use selaras::diff::{Named, build_view};
    use selaras::render::html::write_html;
    use selaras::render::side_by_side::{SideBySideOptions, write_side_by_side};
    let pipeline = pipeline();
    let checked: Vec<(usize, String, String, _)> = [20_000, 40_000]
        .into_iter()
        .map(|n| {
            let (source, draft) = sentences(n);
            let checked = pipeline.run(&source, &draft);
            (n, source, draft, checked)
        })
        .collect();
    let glossary = pipeline.matcher().glossary();
    type Render<'a> = Box<dyn Fn(&mut Vec<u8>, &str, &str, &Checked) + 'a>;
    let stages: [(&str, Render<'_>); 2] = [
        (
            "outputs/diff view",
            Box::new(|out, source, draft, checked| {
                let named = |path, text| Named { path, text };
                let view = build_view(named("a.id.txt", source), named("a.en.txt", draft), checked, None);
                write_side_by_side(out, &view, &SideBySideOptions::new(140, true)).expect("terminal view");
                write_html(out, &view).expect("page");
            }),
        ),
        (
            "outputs/xliff export",
            Box::new(|out, source, draft, checked| {
                let units = selaras::xliff::build(checked, source, Some(draft), glossary);
                selaras::xliff::write(out, &units, selaras::xliff::Version::V12, "a.id.txt").expect("xliff");
            }),
        ),
    ];
    for (name, render) in &stages {
        let mut group = c.benchmark_group(*name);
        group.sample_size(10).measurement_time(Duration::from_secs(20));
        for (n, source, draft, checked) in &checked {
            group.bench_with_input(BenchmarkId::from_parameter(n), n, |b, _| {
                let mut out = Vec::with_capacity(64 << 20);
                b.iter(|| {
                    out.clear();
                    render(&mut out, source, draft, checked);
                    black_box(out.len())
                })
            });
        }
        group.finish();
    }
}

/// The sample article of `examples/korea-utara`, `copies` times over.
fn sample(copies: usize) -> (String, String) {
    let source = include_str!("../examples/korea-utara/source.id.txt");
    let draft = include_str!("../examples/korea-utara/draft.en.txt");
    (vec![source; copies].join("\n\n"), vec![draft; copies].join("\n\n"))
}

fn check_one_pair_from_start(c: &mut Criterion) {
    let mut group = c.benchmark_group("check/one pair from the start");
    group.sample_size(20);
    group.bench_function("start", |b| {
        b.iter(|| {
            let glossary = selaras::glossary::load(&[], true).expect("shipped glossaries");
            black_box(Pipeline::new(glossary, PipelineOptions::default()).expect("pipeline"))
        })
    });
    for copies in [1, 4] {
        let (source, draft) = sample(copies);
        group.bench_with_input(BenchmarkId::new("sample", copies), &copies, |b, _| {
            b.iter(|| {
                let glossary = selaras::glossary::load(&[], true).expect("shipped glossaries");
                let pipeline = Pipeline::new(glossary, PipelineOptions::default()).expect("pipeline");
                black_box(pipeline.run(&source, &draft).findings.len())
            })
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    check_one_pair_from_start,
    check_sentences,
    check_short_units,
    check_xliff,
    lint_prefix_terms,
    apply_one_long_line,
    outputs
);
criterion_main!(benches);
