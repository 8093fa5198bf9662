//! Diff-view rendering on synthetic views of 1,000 and 4,000 beads (typical news
//! sentences, two glossary terms per bead on each side, an earlier draft
//! for every bead, a finding on every tenth): the word diffs, the terminal
//! view and the HTML page. Throughput is in beads: at the larger size it
//! should stay about the same (linear time), never fall by the size ratio.
//!
//! `cargo bench --bench diff`

#[path = "../tests/fixtures/diff/fixture.rs"]
mod fixture;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use selaras::diff::Revision;
use selaras::render::html::write_html;
use selaras::render::side_by_side::{SideBySideOptions, write_side_by_side};

fn diff_view(c: &mut Criterion) {
    for beads in [1_000, 4_000] {
        let view = fixture::large_view(beads);
        let mut group = c.benchmark_group("diff_view");
        group.throughput(Throughput::Elements(beads as u64));
        group.bench_function(BenchmarkId::new("revision", beads), |b| b.iter(|| Revision::of(black_box(&view))));
        group.bench_function(BenchmarkId::new("terminal", beads), |b| {
            let mut out = Vec::with_capacity(1 << 20);
            b.iter(|| {
                out.clear();
                write_side_by_side(&mut out, black_box(&view), &SideBySideOptions::new(140, true)).unwrap();
            })
        });
        group.bench_function(BenchmarkId::new("html", beads), |b| {
            let mut out = Vec::with_capacity(2 << 20);
            b.iter(|| {
                out.clear();
                write_html(&mut out, black_box(&view)).unwrap();
            })
        });
        group.finish();
    }
}

criterion_group!(benches, diff_view);
criterion_main!(benches);
