//! Applying a glossary: segmented source text in, term occurrences per unit
//! out, plus the two things made from them: a pre-translation skeleton and
//! per-term counts.

use std::collections::HashMap;

use super::matcher::{Matcher, Scratch, TermHit};
use crate::segment::{Segmentation, UnitId};

/// One term occurrence inside one unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    pub unit: UnitId,
    /// Index into `Segmentation::units`.
    pub unit_idx: usize,
    pub hit: TermHit,
}

/// Finds the terms of `matcher` in every unit of `segmentation` (a
/// segmentation of `text`). Terms never cross unit edges. Occurrences come
/// in text order.
///
/// Units are independent, so a large text is split into runs of units that
/// are searched on separate threads (at most one per available core); the
/// result is the same as searching them one after another.
pub fn apply(matcher: &Matcher, text: &str, segmentation: &Segmentation) -> Vec<Occurrence> {
    /// Below this many bytes a thread costs more than it saves.
    const BYTES_PER_THREAD: usize = 1 << 20;
    let n_threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(text.len() / BYTES_PER_THREAD)
        .max(1);
    let units = &segmentation.units;
    if n_threads == 1 {
        return apply_range(matcher, text, segmentation, 0..units.len());
    }
    let chunk_len = units.len().div_ceil(n_threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..units.len())
            .step_by(chunk_len.max(1))
            .map(|first| {
                let range = first..(first + chunk_len).min(units.len());
                scope.spawn(move || apply_range(matcher, text, segmentation, range))
            })
            .collect();
        let mut occurrences = Vec::new();
        for worker in workers {
            // A panic in a worker is a bug in the matcher; pass it on.
            occurrences.extend(worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        }
        occurrences
    })
}

/// [`apply`] over the units `unit_range`, on the current thread.
fn apply_range(matcher: &Matcher, text: &str, segmentation: &Segmentation, unit_range: std::ops::Range<usize>) -> Vec<Occurrence> {
    let mut scratch = Scratch::default();
    let mut hits = Vec::new();
    let mut occurrences = Vec::new();
    for unit_idx in unit_range {
        let unit = &segmentation.units[unit_idx];
        hits.clear();
        matcher.find_in(text, unit.span, &mut scratch, &mut hits);
        occurrences.extend(hits.iter().map(|&hit| Occurrence {
            unit: unit.id,
            unit_idx,
            hit,
        }));
    }
    occurrences
}

/// What the skeleton keeps of the source.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SkeletonOptions {
    /// Keep the copies of a repeated block and boilerplate paragraphs,
    /// which `check` says need no translation (left out by default).
    pub keep_all: bool,
}

/// What the skeleton left out, for the note the CLI prints.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Skeleton {
    pub text: String,
    /// Repeated blocks left out: (first, last) paragraph of the copy and of
    /// the original.
    pub repeats_left_out: Vec<((u32, u32), (u32, u32))>,
    /// Boilerplate paragraphs left out.
    pub boilerplate_left_out: usize,
}

/// The pre-translation skeleton: the source text with each term replaced by
/// its preferred English and every other byte unchanged, except that
///
/// * the copies of a repeated block and boilerplate paragraphs (the site's
///   trailer) are left out unless `options.keep_all`: `check` expects no
///   translation of them, so a translator should not be handed them. A
///   left-out paragraph goes with the line break after it;
/// * a term written in capitals (`MOSKOW`, a dateline's city) is written
///   in capitals (`MOSCOW`), unless the glossary spells the term so itself
///   (an acronym: `WIB` → Western Indonesia Time);
/// * what is replaced is the term itself (`TermHit::term_span`): enclitics
///   and affixes stay, and an enclitic after an English word is set apart
///   with a hyphen as Indonesian writes it after foreign words
///   (`persenjataan nuklirnya` → `nuclear arsenal-nya`), so the translator
///   still sees the `-nya` and English words do not grow Indonesian tails.
///   A reduplicated term is replaced as a whole.
///
/// Entries with no preferred target (forbidden targets only) are left in
/// Indonesian.
pub fn skeleton(
    matcher: &Matcher,
    text: &str,
    segmentation: &Segmentation,
    occurrences: &[Occurrence],
    options: SkeletonOptions,
) -> Skeleton {
    let mut result = Skeleton::default();
    let mut left_out: Vec<std::ops::Range<usize>> = Vec::new();
    if !options.keep_all {
        let paragraphs = &segmentation.paragraphs;
        let next_start = |idx: usize| paragraphs.get(idx + 1).map_or(text.len(), |p| p.span.start);
        for block in &segmentation.repeated_blocks {
            let first = paragraphs.partition_point(|p| p.number < block.paragraphs.0);
            let last = paragraphs.partition_point(|p| p.number <= block.paragraphs.1);
            if first < last {
                left_out.push(paragraphs[first].span.start..next_start(last - 1));
                result.repeats_left_out.push((block.paragraphs, block.original));
            }
        }
        for (idx, paragraph) in paragraphs.iter().enumerate() {
            let inside_block = left_out.iter().any(|range| range.contains(&paragraph.span.start));
            if paragraph.kind == crate::segment::UnitKind::Boilerplate && !inside_block {
                left_out.push(paragraph.span.start..next_start(idx));
                result.boilerplate_left_out += 1;
            }
        }
        left_out.sort_by_key(|range| range.start);
    }
    let out = &mut result.text;
    out.reserve(text.len() + text.len() / 8);
    let mut copied_until = 0;
    let mut dropped = left_out.iter().peekable();
    // Copies `text[copied_until..end]` without the left-out ranges.
    let mut copy_to = |out: &mut String, copied_until: &mut usize, end: usize| {
        while let Some(range) = dropped.peek() {
            if range.start >= end {
                break;
            }
            out.push_str(&text[*copied_until..range.start.max(*copied_until)]);
            *copied_until = (*copied_until).max(range.end);
            dropped.next();
        }
        if *copied_until < end {
            out.push_str(&text[*copied_until..end]);
            *copied_until = end;
        }
    };
    for occurrence in occurrences {
        let entry = &matcher.glossary().entries[occurrence.hit.entry];
        let Some(preferred) = &entry.preferred else { continue };
        let span = occurrence.hit.term_span;
        if span.start < copied_until || left_out.iter().any(|range| range.contains(&span.start)) {
            continue;
        }
        copy_to(out, &mut copied_until, span.start);
        let written = span.slice(text);
        let glossary_spelling = &entry.sources[occurrence.hit.source];
        if all_capitals(written) && !all_capitals(glossary_spelling) {
            out.push_str(&preferred.to_uppercase());
        } else {
            out.push_str(preferred);
        }
        copied_until = span.end;
        let tail = &text[span.end..occurrence.hit.span.end.max(span.end)];
        if !tail.is_empty() && super::morph::is_clitic_tail(&tail.to_lowercase()) {
            out.push('-');
        }
    }
    copy_to(out, &mut copied_until, text.len());
    result
}

/// Whether `text` has two or more letters and no lowercase one (`MOSKOW`).
fn all_capitals(text: &str) -> bool {
    text.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !text.chars().any(char::is_lowercase)
}

/// Occurrences per term (the glossary's own spelling that matched), most
/// frequent first, ties in byte order of the term.
pub fn counts<'m>(matcher: &'m Matcher, occurrences: &[Occurrence]) -> Vec<(&'m str, usize)> {
    let mut counter = TermCounter::new(matcher);
    occurrences.iter().for_each(|occurrence| counter.add(&occurrence.hit));
    counter.finish()
}

/// Counts hits per spelling as they come (see [`counts`]). Dense counters,
/// one per (entry, source): a hash map per hit costs more than the search
/// itself on a large text.
#[derive(Debug)]
pub struct TermCounter<'m> {
    matcher: &'m Matcher,
    /// Where each entry's counters start in `by_term`.
    first_slot: Vec<usize>,
    by_term: Vec<usize>,
}

impl<'m> TermCounter<'m> {
    pub fn new(matcher: &'m Matcher) -> Self {
        let entries = &matcher.glossary().entries;
        let mut first_slot = Vec::with_capacity(entries.len());
        let mut n_slots = 0;
        for entry in entries {
            first_slot.push(n_slots);
            n_slots += entry.sources.len();
        }
        TermCounter {
            matcher,
            first_slot,
            by_term: vec![0; n_slots],
        }
    }

    pub fn add(&mut self, hit: &TermHit) {
        self.by_term[self.first_slot[hit.entry] + hit.source] += 1;
    }

    /// Frequency per source spelling (spellings shared by several entries
    /// add up), most frequent first, then by spelling.
    pub fn finish(self) -> Vec<(&'m str, usize)> {
        let mut by_spelling: HashMap<&'m str, usize> = HashMap::new();
        for (entry, &first) in self.matcher.glossary().entries.iter().zip(&self.first_slot) {
            for (source, &n) in entry.sources.iter().zip(&self.by_term[first..]) {
                if n > 0 {
                    *by_spelling.entry(source.as_str()).or_default() += n;
                }
            }
        }
        let mut counts: Vec<(&str, usize)> = by_spelling.into_iter().collect();
        counts.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        counts
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::glossary::formats::{Reader, tsv};
    use crate::segment::{SegmenterConfig, segment};

    fn matcher(tsv_text: &str) -> Matcher {
        Matcher::new(tsv::read(tsv_text, &mut Reader::strict(Path::new("t.tsv"))).unwrap()).unwrap()
    }

    #[test]
    fn skeleton_replaces_terms_and_keeps_the_rest() {
        let matcher = matcher("Korea Utara\tNorth Korea\nRusia\tRussia\nkawan\tfriend\n");
        let text = "Korea Utara membantu Rusianya, kawan-kawan.\n";
        let segmentation = segment(text, SegmenterConfig::default());
        let occurrences = apply(&matcher, text, &segmentation);
        let skeleton = skeleton(&matcher, text, &segmentation, &occurrences, SkeletonOptions::default());
        assert_eq!(skeleton.text, "North Korea membantu Russia-nya, friend.\n");
    }

    #[test]
    fn counts_are_sorted_by_frequency_then_term() {
        let matcher = matcher("Rusia\tRussia\nAS\tUS\nJumat\tFriday\n");
        let text = "Rusia dan AS. Jumat, Rusia.\n";
        let occurrences = apply(&matcher, text, &segment(text, SegmenterConfig::default()));
        assert_eq!(counts(&matcher, &occurrences), [("Rusia", 2), ("AS", 1), ("Jumat", 1)]);
    }
}
